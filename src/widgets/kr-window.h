/* kr-window.h: a window editing one map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kr-application.h"
#include "kr-canvas.h"
#include "kr-autosave.h"
#include "kr-document.h"

G_BEGIN_DECLS

#define KR_TYPE_WINDOW (kr_window_get_type ())
G_DECLARE_FINAL_TYPE (KrWindow, kr_window, KR, WINDOW, AdwApplicationWindow)

KrWindow   *kr_window_new               (KrApplication *application);
KrDocument *kr_window_get_document      (KrWindow      *self);
void        kr_window_set_document      (KrWindow      *self,
                                         KrDocument    *document);
GFile      *kr_window_get_file          (KrWindow      *self);
KrCanvas   *kr_window_get_canvas        (KrWindow      *self);
void        kr_window_new_map           (KrWindow      *self);
gboolean    kr_window_open_file         (KrWindow      *self,
                                         GFile         *file);
gboolean    kr_window_new_from_template (KrWindow      *self,
                                         const char    *template_id);
gboolean    kr_window_save_to           (KrWindow      *self,
                                         GFile         *file);
void        kr_window_restore           (KrWindow      *self,
                                         KrAutosave    *recovered);
void        kr_window_show_error        (KrWindow      *self,
                                         const char    *heading,
                                         const char    *message);

/* kr-window-actions.c */
void        kr_window_class_add_actions (GtkWidgetClass *widget_class);
void        kr_window_update_actions    (KrWindow      *self);
void        kr_window_save_as           (KrWindow      *self,
                                         gboolean       close_after);
void        kr_window_toggle_personas   (KrWindow      *self);
void        kr_window_present_map       (KrWindow      *self);
void        kr_window_export            (KrWindow      *self);
void        kr_window_copy_image        (KrWindow      *self);
void        kr_window_toggle_inspector  (KrWindow      *self);
GActionGroup *kr_window_create_map_actions (KrWindow   *self);
void        kr_window_sync_map_actions  (KrWindow      *self,
                                         GActionGroup  *group,
                                         KrMap         *map);

G_END_DECLS
