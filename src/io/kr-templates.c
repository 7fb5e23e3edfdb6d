/* kr-templates.c
 *
 * The templates live in data/templates/ as ID.LANGUAGE.kringel and are compiled into the
 * program's resources, so "New from template" works installed or not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "kr-templates.h"

#define TEMPLATE_URI "resource:///io/github/kringel/Kringel/templates/%s.%s.kringel"

static const KrTemplate templates[] = {
  { "three-phases", N_("Three Phases"),
    N_("Before, during and after the purchase") },
  { "four-phases", N_("Four Phases"),
    N_("Reach, nurture, convert, support: a B2B journey") },
  { "six-phases-decision", N_("Six Phases: Decision"),
    N_("From inspiration to recommendation, with the journey table") },
  { "six-phases-funnel", N_("Six Phases: Funnel"),
    N_("From awareness to loyalty, with progress points") },
};

const KrTemplate *
kr_templates_get (guint *n_templates)
{
  *n_templates = G_N_ELEMENTS (templates);
  return templates;
}

const KrTemplate *
kr_templates_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_strcmp0 (templates[i].id, id) == 0)
      return &templates[i];

  return NULL;
}

/* The language of the templates to offer: German for German speakers, else English. */
const char *
kr_templates_language (void)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i]; i++)
    {
      if (g_str_has_prefix (languages[i], "de"))
        return "de";
      if (g_str_has_prefix (languages[i], "en") || g_str_equal (languages[i], "C"))
        return "en";
    }

  return "en";
}

GFile *
kr_template_get_file (const KrTemplate *template,
                      const char       *language)
{
  g_autofree char *uri = g_strdup_printf (TEMPLATE_URI, template->id, language);

  return g_file_new_for_uri (uri);
}
