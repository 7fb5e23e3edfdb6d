/* kr-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KR_TYPE_APPLICATION (kr_application_get_type ())
G_DECLARE_FINAL_TYPE (KrApplication, kr_application, KR, APPLICATION, AdwApplication)

KrApplication *kr_application_new            (void);
int            kr_application_run_with_files (KrApplication      *self,
                                              const char * const *files);
GMenuModel    *kr_application_get_recent_menu (KrApplication     *self);
void           kr_ensure_resources            (void);
void           kr_prefer_cairo_on_software_gl (void);
void           kr_application_set_present_on_open (KrApplication *self,
                                                   gboolean       present);

G_END_DECLS
