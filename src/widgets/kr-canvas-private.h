/* kr-canvas-private.h: what the parts of KrCanvas share
 *
 * KrCanvas is one widget in three files: kr-canvas.c (view, drawing), kr-canvas-gestures.c
 * (pointer input) and kr-canvas-actions.c (keyboard, clipboard, actions).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-canvas.h"
#include "kr-editor.h"
#include "kr-selection.h"

G_BEGIN_DECLS

#define KR_CANVAS_MARGIN 32.0          /* around the map, in screen pixels */
#define KR_CANVAS_DRAG_THRESHOLD 4.0   /* screen pixels before a press becomes a drag */
#define KR_CANVAS_HANDLE_RADIUS 7.0    /* screen pixels */
#define KR_CANVAS_HANDLE_MIN_CARD 48.0 /* screen pixels a card must be wide to offer its handle */
#define KR_CANVAS_GRID 8.0             /* map units */

typedef enum {
  DRAG_NONE,
  DRAG_PENDING,        /* pressed; not yet moved far enough to be a drag */
  DRAG_MOVE_CARDS,
  DRAG_RUBBER_BAND,
  DRAG_CONNECT,
  DRAG_RECONNECT,
  DRAG_RESIZE_PHASE,
  DRAG_RESIZE_LANE,
  DRAG_REORDER_PHASE,
  DRAG_REORDER_LANE,
  DRAG_PAN,
} DragMode;

typedef enum {
  EDIT_NOTHING,
  EDIT_TOUCHPOINT_TITLE,
  EDIT_PHASE_TITLE,
  EDIT_LANE_TITLE,
  EDIT_CONNECTION_LABEL,
} InlineEdit;

struct _KrCanvas
{
  GtkWidget parent_instance;

  KrMap *map;
  KrEditor *editor;
  KrSelection *selection;
  KrRenderer *renderer;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;
  guint fit_pending : 1;
  guint space_held : 1;
  guint editable : 1;

  double zoom;
  KrRect extent;   /* of the map, in map coordinates */
  double grid;     /* snapping step, map units */
  gboolean snap;

  /* pointer */
  KrItem *hover;                 /* the card under the pointer */
  KrItem *focus;                 /* the card with keyboard focus */
  KrItem *context_item;          /* what a context menu is about */
  double context_x, context_y;   /* where it was opened, in map coordinates */
  gboolean context_on_header;    /* it was opened on a phase header */

  /* the drag in progress */
  DragMode drag_mode;
  DragMode pending_mode;         /* what a pending press becomes once it moves */
  KrItem *drag_item;             /* the card, connection, phase or lane being dragged */
  gboolean drag_from_end;        /* reconnecting: the arrow's head rather than its tail */
  gboolean drag_deselect_on_click;
  double drag_start_x, drag_start_y;   /* map coordinates */
  double drag_x, drag_y;               /* map coordinates, now */
  double move_dx, move_dy;             /* how far the cards move, snapped */
  cairo_surface_t *static_layer;       /* the map without the dragged cards, drawn once */
  GPtrArray *drag_touchpoints;
  double drag_scroll_x, drag_scroll_y; /* adjustments at the start of a pan */
  double pointer_x, pointer_y;         /* widget coordinates of the pointer while dragging */
  GdkModifierType drag_state;          /* keys held at the last motion */
  guint autoscroll_tick;               /* scrolls while a drag holds the pointer near an edge */
  double autoscroll_dx, autoscroll_dy; /* screen pixels per frame */
  double drag_original_size;

  /* inline editing */
  GtkWidget *entry;
  InlineEdit inline_edit;
  KrItem *edited_item;

  GtkWidget *context_menu;
};

/* kr-canvas.c */
void     kr_canvas_widget_to_map     (KrCanvas *self,
                                      double    widget_x,
                                      double    widget_y,
                                      double   *map_x,
                                      double   *map_y);
void     kr_canvas_map_to_widget     (KrCanvas *self,
                                      double    map_x,
                                      double    map_y,
                                      double   *widget_x,
                                      double   *widget_y);
void     kr_canvas_pick              (KrCanvas *self,
                                      double    map_x,
                                      double    map_y,
                                      KrPick   *pick);
void     kr_canvas_scroll_by         (KrCanvas *self,
                                      double    dx,
                                      double    dy);
void     kr_canvas_reveal            (KrCanvas *self,
                                      const KrRect *rect);
void     kr_canvas_show_toast        (KrCanvas   *self,
                                      const char *message,
                                      gboolean    offer_undo);

void     kr_canvas_begin_static_layer (KrCanvas *self);
void     kr_canvas_end_static_layer   (KrCanvas *self);

/* kr-canvas-gestures.c */
void     kr_canvas_init_gestures     (KrCanvas *self);
void     kr_canvas_stop_autoscroll   (KrCanvas *self);
gboolean kr_canvas_get_handle_center (KrCanvas *self,
                                      KrItem   *card,
                                      double   *map_x,
                                      double   *map_y);

/* kr-canvas-actions.c */
void     kr_canvas_class_init_actions (GtkWidgetClass *widget_class);
void     kr_canvas_update_actions     (KrCanvas   *self);
void     kr_canvas_begin_inline_edit  (KrCanvas   *self,
                                       KrItem     *item);
void     kr_canvas_end_inline_edit    (KrCanvas   *self,
                                       gboolean    commit);
void     kr_canvas_allocate_entry     (KrCanvas   *self);
void     kr_canvas_popup_context_menu (KrCanvas   *self,
                                       double      widget_x,
                                       double      widget_y);
void     kr_canvas_set_focus_item     (KrCanvas   *self,
                                       KrItem     *item);
GPtrArray *kr_canvas_get_reading_order (KrCanvas *self);
void     kr_canvas_add_touchpoint_at  (KrCanvas   *self,
                                       double      map_x,
                                       double      map_y,
                                       const char *channel,
                                       gboolean    edit_title);

G_END_DECLS
