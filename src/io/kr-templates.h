/* kr-templates.h: the journey map templates Kringel ships
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *name;         /* translatable */
  const char *description;  /* translatable */
} KrTemplate;

const KrTemplate *kr_templates_get      (guint      *n_templates);
const KrTemplate *kr_templates_lookup   (const char *id);
GFile            *kr_template_get_file  (const KrTemplate *template,
                                         const char *language);
const char       *kr_templates_language (void);

G_END_DECLS
