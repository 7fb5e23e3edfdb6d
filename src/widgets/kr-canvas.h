/* kr-canvas.h: the widget that shows and edits a map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kr-editor.h"
#include "kr-map.h"
#include "kr-renderer.h"
#include "kr-selection.h"

G_BEGIN_DECLS

#define KR_CANVAS_MIN_ZOOM 0.05
#define KR_CANVAS_MAX_ZOOM 8.0

#define KR_TYPE_CANVAS (kr_canvas_get_type ())
G_DECLARE_FINAL_TYPE (KrCanvas, kr_canvas, KR, CANVAS, GtkWidget)

GtkWidget   *kr_canvas_new           (void);
KrMap       *kr_canvas_get_map       (KrCanvas    *self);
void         kr_canvas_set_editor    (KrCanvas    *self,
                                      KrEditor    *editor,
                                      KrSelection *selection);
KrEditor    *kr_canvas_get_editor    (KrCanvas    *self);
KrSelection *kr_canvas_get_selection (KrCanvas    *self);
void         kr_canvas_set_editable  (KrCanvas    *self,
                                      gboolean     editable);
void         kr_canvas_set_snapping  (KrCanvas    *self,
                                      double       grid,
                                      gboolean     snap);
KrRenderer  *kr_canvas_get_renderer  (KrCanvas    *self);
double       kr_canvas_get_zoom      (KrCanvas    *self);
void         kr_canvas_set_zoom      (KrCanvas    *self,
                                      double       zoom);
void         kr_canvas_zoom_at       (KrCanvas    *self,
                                      double       zoom,
                                      double       widget_x,
                                      double       widget_y);
void         kr_canvas_zoom_to_fit   (KrCanvas    *self);
KrRect       kr_canvas_get_viewport  (KrCanvas    *self);
void         kr_canvas_scroll_to     (KrCanvas    *self,
                                      double       map_x,
                                      double       map_y);
void         kr_canvas_add_touchpoint_in_view (KrCanvas   *self,
                                               const char *channel);

G_END_DECLS
