/* kr-text-area.h: a titled field for text of several lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KR_TYPE_TEXT_AREA (kr_text_area_get_type ())
G_DECLARE_FINAL_TYPE (KrTextArea, kr_text_area, KR, TEXT_AREA, GtkWidget)

GtkWidget   *kr_text_area_new           (const char *title);
const char  *kr_text_area_get_text      (KrTextArea *self);
void         kr_text_area_set_text      (KrTextArea *self,
                                         const char *text);
const char  *kr_text_area_get_title     (KrTextArea *self);
void         kr_text_area_set_title     (KrTextArea *self,
                                         const char *title);
void         kr_text_area_set_hint      (KrTextArea *self,
                                         const char *hint);
GtkTextView *kr_text_area_get_text_view (KrTextArea *self);

G_END_DECLS
