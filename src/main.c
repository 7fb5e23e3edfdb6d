/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kr-application.h"
#include "kr-command-line.h"

static void
setup_translations (void)
{
  const char *localedir = g_getenv ("KRINGEL_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KrCommandLine) command_line = kr_command_line_new ();
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KrApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) files = NULL;
  gboolean version = FALSE;
  gboolean present = FALSE;
  GOptionEntry entries[] = {
    { "present", 'p', 0, G_OPTION_ARG_NONE, &present,
      N_("Open FILE straight into presentation mode, fullscreen"), NULL },
    { "version", 'v', 0, G_OPTION_ARG_NONE, &version, N_("Show the version and quit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE…]") },
    { NULL }
  };

  setup_translations ();

  /* The command line is read here, before GTK, so that --export never needs a display. */
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Kringel draws customer journey maps."));
  g_option_context_set_main_group (context, kr_command_line_create_option_group (command_line));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  description = kr_command_line_get_help_description ();
  g_option_context_set_description (context, description);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("kringel: %s\n", error->message);
      return 1;
    }

  if (version)
    {
      g_print ("kringel %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (kr_command_line_wants_export (command_line))
    return kr_command_line_export (command_line, (const char * const *) files);

  if (!kr_command_line_check_unused (command_line, &error))
    {
      g_printerr ("kringel: %s\n", error->message);
      return 1;
    }

  if (present && (files == NULL || g_strv_length (files) != 1))
    {
      g_printerr ("kringel: %s\n", _("--present needs exactly one map file"));
      return 1;
    }

  app = kr_application_new ();
  kr_application_set_present_on_open (app, present);
  return kr_application_run_with_files (app, (const char * const *) files);
}
