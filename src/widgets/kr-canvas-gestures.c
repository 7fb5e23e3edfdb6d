/* kr-canvas-gestures.c: pointer input of KrCanvas
 *
 * A press decides what a drag would do (move cards, draw a rubber band, connect, resize or
 * reorder a phase or lane, pan); the drag shows a preview, and only the release changes the
 * map, through the editor, as one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kr-canvas-private.h"
#include "kr-layout.h"

#define MIN_PHASE_WIDTH 220.0
#define MIN_LANE_HEIGHT 120.0
#define SNAP_DISTANCE 6.0   /* screen pixels */
#define AUTOSCROLL_EDGE 32.0    /* screen pixels from an edge where a drag scrolls the view */
#define AUTOSCROLL_SPEED 18.0   /* screen pixels per frame with the pointer at the edge */
#define SNAP_NEIGHBOURHOOD 720.0   /* map units around a dragged card in which it snaps to other cards' edges */

/* The connect handle: a dot on the right edge of a card. */
gboolean
kr_canvas_get_handle_center (KrCanvas *self,
                             KrItem   *card,
                             double   *map_x,
                             double   *map_y)
{
  KrRect rect;

  if (!KR_IS_TOUCHPOINT (card) ||
      !kr_renderer_get_card_rect (self->renderer, self->map, KR_TOUCHPOINT (card), &rect))
    return FALSE;

  /* on a card a few pixels wide the handle would cover it, and a press could not move it */
  if (rect.width * self->zoom < KR_CANVAS_HANDLE_MIN_CARD)
    return FALSE;

  *map_x = kr_rect_right (&rect);
  *map_y = rect.y + rect.height / 2;
  return TRUE;
}

static gboolean
near_point (KrCanvas *self,
            double    x,
            double    y,
            double    px,
            double    py)
{
  return hypot (x - px, y - py) <= (KR_CANVAS_HANDLE_RADIUS + 3) / self->zoom;
}

/* Whether a press at @x, @y hits the end handle of a selected connection. */
typedef struct
{
  KrCanvas *canvas;
  double x, y;
  KrConnection *found;
  gboolean at_end;
} EndSearch;

static void
find_connection_end (KrConnection  *connection,
                     const KrRoute *route,
                     gpointer       user_data)
{
  EndSearch *search = user_data;

  if (search->found != NULL || !kr_selection_contains (search->canvas->selection, connection))
    return;

  if (near_point (search->canvas, search->x, search->y, route->points[3].x, route->points[3].y))
    search->found = connection, search->at_end = TRUE;
  else if (near_point (search->canvas, search->x, search->y, route->points[0].x, route->points[0].y))
    search->found = connection, search->at_end = FALSE;
}

static void
set_cursor_for (KrCanvas   *self,
                const char *name)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
begin_pending (KrCanvas *self,
               DragMode  mode,
               KrItem   *item)
{
  self->drag_mode = DRAG_PENDING;
  self->pending_mode = mode;
  self->drag_item = item;
}

static void
press_on_card (KrCanvas        *self,
               KrItem          *card,
               GdkModifierType  state)
{
  self->drag_deselect_on_click = FALSE;

  if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
    kr_selection_toggle (self->selection, card);
  else if (!kr_selection_contains (self->selection, card))
    kr_selection_select_only (self->selection, card);
  else
    self->drag_deselect_on_click = TRUE;   /* a click (no drag) on a selected card selects just it */

  kr_canvas_set_focus_item (self, card);
  begin_pending (self, self->editable ? DRAG_MOVE_CARDS : DRAG_NONE, card);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          widget_x,
               double          widget_y,
               KrCanvas       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  EndSearch ends = { self, 0, 0, NULL, FALSE };
  double x, y, hx, hy;
  KrPick pick;

  if (self->map == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  kr_canvas_end_inline_edit (self, TRUE);
  kr_canvas_widget_to_map (self, widget_x, widget_y, &x, &y);
  self->drag_start_x = self->drag_x = x;
  self->drag_start_y = self->drag_y = y;

  if (self->space_held)
    {
      begin_pending (self, DRAG_PAN, NULL);
      return;
    }

  /* handles first: they sit on top of everything */
  ends.x = x, ends.y = y;
  if (self->editable)
    {
      double reach = KR_CANVAS_HANDLE_RADIUS * 2 / self->zoom;
      KrRect around = { x - reach, y - reach, 2 * reach, 2 * reach };

      kr_renderer_foreach_route (self->renderer, self->map, &around, find_connection_end, &ends);
    }
  if (ends.found != NULL)
    {
      self->drag_from_end = ends.at_end;
      begin_pending (self, DRAG_RECONNECT, KR_ITEM (ends.found));
      return;
    }

  if (self->editable && self->hover != NULL && kr_canvas_get_handle_center (self, self->hover, &hx, &hy) &&
      near_point (self, x, y, hx, hy))
    {
      self->drag_start_x = hx, self->drag_start_y = hy;
      begin_pending (self, DRAG_CONNECT, self->hover);
      return;
    }

  kr_canvas_pick (self, x, y, &pick);
  switch (pick.kind)
    {
    case KR_PICK_CARD:
      press_on_card (self, pick.item, state);
      return;

    case KR_PICK_CONNECTION:
      if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
        kr_selection_toggle (self->selection, pick.item);
      else
        kr_selection_select_only (self->selection, pick.item);
      begin_pending (self, DRAG_NONE, pick.item);
      return;

    case KR_PICK_PHASE_EDGE:
      self->drag_original_size = kr_phase_get_width (KR_PHASE (pick.item));
      begin_pending (self, self->editable ? DRAG_RESIZE_PHASE : DRAG_NONE, pick.item);
      return;

    case KR_PICK_LANE_EDGE:
      self->drag_original_size = kr_lane_get_height (KR_LANE (pick.item));
      begin_pending (self, self->editable ? DRAG_RESIZE_LANE : DRAG_NONE, pick.item);
      return;

    case KR_PICK_PHASE_HEADER:
    case KR_PICK_LANE_HEADER:
      kr_selection_select_only (self->selection, pick.item);
      begin_pending (self, !self->editable ? DRAG_NONE :
                           pick.kind == KR_PICK_PHASE_HEADER ? DRAG_REORDER_PHASE : DRAG_REORDER_LANE,
                     pick.item);
      return;

    case KR_PICK_CELL:
    case KR_PICK_NOTHING:
    default:
      if (!(state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
        kr_selection_clear (self->selection);
      begin_pending (self, DRAG_RUBBER_BAND, NULL);
      return;
    }
}

/* Snaps the moved cards' leading card to the grid, or to the edges of a card nearby. */
static void
snap_move (KrCanvas *self,
           double   *dx,
           double   *dy)
{
  KrRect lead, moved, around;
  double best_x = SNAP_DISTANCE / self->zoom, best_y = best_x;
  double snap_x, snap_y;
  g_autoptr(GPtrArray) neighbours = NULL;

  if (self->drag_touchpoints->len == 0 ||
      !kr_renderer_get_card_rect (self->renderer, self->map, self->drag_touchpoints->pdata[0], &lead))
    return;

  moved = (KrRect) { lead.x + *dx, lead.y + *dy, lead.width, lead.height };
  snap_x = round (moved.x / self->grid) * self->grid - lead.x;
  snap_y = round (moved.y / self->grid) * self->grid - lead.y;

  /* the cards nearby, found in the renderer's index: a motion costs the same in any map */
  around = kr_rect_inflate (&moved, SNAP_NEIGHBOURHOOD);
  neighbours = kr_renderer_get_cards_in (self->renderer, self->map, &around);
  for (guint i = 0; i < neighbours->len; i++)
    {
      KrTouchpoint *other = neighbours->pdata[i];
      KrRect rect;

      if (g_ptr_array_find (self->drag_touchpoints, other, NULL) ||
          !kr_renderer_get_card_rect (self->renderer, self->map, other, &rect))
        continue;

      if (fabs (rect.x - moved.x) < best_x)
        best_x = fabs (rect.x - moved.x), snap_x = rect.x - lead.x;
      if (fabs (rect.y - moved.y) < best_y)
        best_y = fabs (rect.y - moved.y), snap_y = rect.y - lead.y;
    }

  *dx = snap_x;
  *dy = snap_y;
}

static void
update_rubber_band (KrCanvas *self)
{
  KrRect band = { MIN (self->drag_start_x, self->drag_x), MIN (self->drag_start_y, self->drag_y),
                  fabs (self->drag_x - self->drag_start_x), fabs (self->drag_y - self->drag_start_y) };
  g_autoptr(GPtrArray) inside = kr_renderer_get_cards_in (self->renderer, self->map, &band);

  kr_selection_set (self->selection, inside);
}

static void
start_drag (KrCanvas *self)
{
  self->drag_mode = self->pending_mode;

  if (self->drag_mode == DRAG_MOVE_CARDS)
    {
      g_clear_pointer (&self->drag_touchpoints, g_ptr_array_unref);
      self->drag_touchpoints = kr_selection_get_touchpoints (self->selection);
      /* the card under the pointer leads the snapping */
      g_ptr_array_remove (self->drag_touchpoints, self->drag_item);
      g_ptr_array_insert (self->drag_touchpoints, 0, self->drag_item);
      kr_renderer_set_move_preview (self->renderer, self->drag_touchpoints, 0, 0);
      kr_canvas_begin_static_layer (self);
      set_cursor_for (self, "grabbing");
    }
  else if (self->drag_mode == DRAG_PAN)
    {
      self->drag_scroll_x = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
      self->drag_scroll_y = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
      set_cursor_for (self, "grabbing");
    }
}

/* The drag in progress follows the pointer, at self->pointer_x, self->pointer_y. */
static void
follow_pointer (KrCanvas *self)
{
  double dx, dy;

  kr_canvas_widget_to_map (self, self->pointer_x, self->pointer_y, &self->drag_x, &self->drag_y);
  dx = self->drag_x - self->drag_start_x;
  dy = self->drag_y - self->drag_start_y;

  switch (self->drag_mode)
    {
    case DRAG_MOVE_CARDS:
      if (self->snap && !(self->drag_state & GDK_SHIFT_MASK))
        snap_move (self, &dx, &dy);
      self->move_dx = dx, self->move_dy = dy;
      kr_renderer_set_move_preview (self->renderer, self->drag_touchpoints, dx, dy);
      break;
    case DRAG_RESIZE_PHASE:
      kr_renderer_set_resize_preview (self->renderer, self->drag_item,
                                      MAX (MIN_PHASE_WIDTH, self->drag_original_size + dx));
      break;
    case DRAG_RESIZE_LANE:
      kr_renderer_set_resize_preview (self->renderer, self->drag_item,
                                      MAX (MIN_LANE_HEIGHT, self->drag_original_size + dy));
      break;
    case DRAG_RUBBER_BAND:
      update_rubber_band (self);
      break;
    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_CONNECT:
    case DRAG_RECONNECT:
    case DRAG_REORDER_PHASE:
    case DRAG_REORDER_LANE:
    case DRAG_PAN:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* How fast the view scrolls with the pointer at @position on an axis of @length: faster
 * the nearer the edge, not at all away from it. */
static double
autoscroll_speed (double position,
                  double length)
{
  if (position < AUTOSCROLL_EDGE)
    return -AUTOSCROLL_SPEED * MIN (1.0, (AUTOSCROLL_EDGE - position) / AUTOSCROLL_EDGE);
  if (position > length - AUTOSCROLL_EDGE)
    return AUTOSCROLL_SPEED * MIN (1.0, (position - (length - AUTOSCROLL_EDGE)) / AUTOSCROLL_EDGE);
  return 0;
}

static void
scroll_adjustment (GtkAdjustment *adjustment,
                   double         by)
{
  if (adjustment != NULL && by != 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + by);
}

static gboolean
autoscroll_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  KrCanvas *self = KR_CANVAS (widget);

  scroll_adjustment (self->hadjustment, self->autoscroll_dx);
  scroll_adjustment (self->vadjustment, self->autoscroll_dy);
  follow_pointer (self);   /* the map moved under the pointer */
  return G_SOURCE_CONTINUE;
}

void
kr_canvas_stop_autoscroll (KrCanvas *self)
{
  if (self->autoscroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_tick);
  self->autoscroll_tick = 0;
}

/* Dragging cards, an arrow's end or a selection band near an edge scrolls the view on, so a
 * card can be carried to any place of a map larger than the window. */
static void
update_autoscroll (KrCanvas *self)
{
  gboolean scrolls = self->drag_mode == DRAG_MOVE_CARDS || self->drag_mode == DRAG_RUBBER_BAND ||
                     self->drag_mode == DRAG_CONNECT || self->drag_mode == DRAG_RECONNECT;
  GtkWidget *widget = GTK_WIDGET (self);

  self->autoscroll_dx = scrolls ? autoscroll_speed (self->pointer_x, gtk_widget_get_width (widget)) : 0;
  self->autoscroll_dy = scrolls ? autoscroll_speed (self->pointer_y, gtk_widget_get_height (widget)) : 0;

  if (self->autoscroll_dx == 0 && self->autoscroll_dy == 0)
    kr_canvas_stop_autoscroll (self);
  else if (self->autoscroll_tick == 0)
    self->autoscroll_tick = gtk_widget_add_tick_callback (widget, autoscroll_cb, NULL, NULL);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                KrCanvas       *self)
{
  double start_x, start_y;

  if (self->drag_mode == DRAG_NONE)
    return;

  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);

  if (self->drag_mode == DRAG_PENDING)
    {
      if (hypot (offset_x, offset_y) < KR_CANVAS_DRAG_THRESHOLD || self->pending_mode == DRAG_NONE)
        return;
      start_drag (self);
    }

  if (self->drag_mode == DRAG_PAN)
    {
      if (self->hadjustment)
        gtk_adjustment_set_value (self->hadjustment, self->drag_scroll_x - offset_x);
      if (self->vadjustment)
        gtk_adjustment_set_value (self->vadjustment, self->drag_scroll_y - offset_y);
      return;
    }

  self->pointer_x = start_x + offset_x;
  self->pointer_y = start_y + offset_y;
  self->drag_state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  follow_pointer (self);
  update_autoscroll (self);
}

static KrTouchpoint *
card_at (KrCanvas *self,
         double    x,
         double    y)
{
  KrPick pick;

  kr_canvas_pick (self, x, y, &pick);
  return pick.kind == KR_PICK_CARD ? KR_TOUCHPOINT (pick.item) : NULL;
}

static void
finish_reconnect (KrCanvas *self)
{
  KrTouchpoint *card = card_at (self, self->drag_x, self->drag_y);

  if (card == NULL)
    return;

  kr_editor_set (self->editor, self->drag_item,
                 self->drag_from_end ? "to-id" : "from-id", kr_item_get_id (KR_ITEM (card)),
                 NULL);
}

/* The position a dragged phase or lane header is dropped at. */
static guint
reorder_target (KrCanvas *self,
                gboolean  phases)
{
  g_autoptr(KrLayout) layout = kr_layout_new (self->map);
  guint n = phases ? kr_layout_get_n_phases (layout) : kr_layout_get_n_lanes (layout);
  guint current = 0, target = 0;

  kr_map_find_position (self->map, self->drag_item, &current);
  for (guint i = 0; i < n; i++)
    {
      KrRect span = phases ? kr_layout_get_phase_column (layout, i) : kr_layout_get_lane_row (layout, i);
      double middle = phases ? span.x + span.width / 2 : span.y + span.height / 2;

      if ((phases ? self->drag_x : self->drag_y) > middle)
        target = i + 1;
    }

  /* dropping after itself means one place less once it is taken out */
  return target > current ? target - 1 : target;
}

static void
finish_drag (KrCanvas *self)
{
  double dx = self->drag_x - self->drag_start_x;
  double dy = self->drag_y - self->drag_start_y;
  KrTouchpoint *target;

  switch (self->drag_mode)
    {
    case DRAG_MOVE_CARDS:
      kr_editor_move_touchpoints (self->editor, self->drag_touchpoints, self->move_dx, self->move_dy);
      break;

    case DRAG_CONNECT:
      target = card_at (self, self->drag_x, self->drag_y);
      if (target != NULL)
        {
          KrConnection *connection = kr_editor_connect (self->editor, KR_TOUCHPOINT (self->drag_item), target);
          kr_selection_select_only (self->selection, connection);
        }
      break;

    case DRAG_RECONNECT:
      finish_reconnect (self);
      break;

    case DRAG_RESIZE_PHASE:
      kr_editor_set (self->editor, self->drag_item, "width", MAX (MIN_PHASE_WIDTH, self->drag_original_size + dx), NULL);
      break;

    case DRAG_RESIZE_LANE:
      kr_editor_set (self->editor, self->drag_item, "height", MAX (MIN_LANE_HEIGHT, self->drag_original_size + dy), NULL);
      break;

    case DRAG_REORDER_PHASE:
    case DRAG_REORDER_LANE:
      {
        guint position, target_position = reorder_target (self, self->drag_mode == DRAG_REORDER_PHASE);

        if (kr_map_find_position (self->map, self->drag_item, &position) && position != target_position)
          kr_editor_move_item (self->editor, self->drag_item, target_position);
      }
      break;

    case DRAG_PENDING:
      /* a click without a drag on one of several selected cards selects just that card */
      if (self->drag_deselect_on_click && self->drag_item != NULL)
        kr_selection_select_only (self->selection, self->drag_item);
      break;

    case DRAG_NONE:
    case DRAG_RUBBER_BAND:
    case DRAG_PAN:
    default:
      break;
    }
}

static void
reset_drag (KrCanvas *self)
{
  kr_canvas_stop_autoscroll (self);
  self->drag_mode = DRAG_NONE;
  self->drag_item = NULL;
  self->move_dx = self->move_dy = 0;
  g_clear_pointer (&self->drag_touchpoints, g_ptr_array_unref);
  kr_canvas_end_static_layer (self);
  kr_renderer_clear_preview (self->renderer);
  set_cursor_for (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             KrCanvas       *self)
{
  if (self->map != NULL && self->drag_mode != DRAG_NONE)
    finish_drag (self);

  reset_drag (self);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                KrCanvas         *self)
{
  reset_drag (self);
}

/* Middle-button drags always pan. */
static void
pan_begin_cb (GtkGestureDrag *gesture,
              double          x,
              double          y,
              KrCanvas       *self)
{
  self->drag_mode = DRAG_PENDING;
  self->pending_mode = DRAG_PAN;
  start_drag (self);
}

static void
pan_update_cb (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               KrCanvas       *self)
{
  if (self->drag_mode != DRAG_PAN)
    return;

  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, self->drag_scroll_x - offset_x);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, self->drag_scroll_y - offset_y);
}

static void
pan_end_cb (GtkGestureDrag *gesture,
            double          offset_x,
            double          offset_y,
            KrCanvas       *self)
{
  reset_drag (self);
}

static void
double_click (KrCanvas *self,
              double    x,
              double    y)
{
  KrPick pick;

  if (!self->editable)
    return;

  kr_canvas_pick (self, x, y, &pick);
  switch (pick.kind)
    {
    case KR_PICK_CARD:
    case KR_PICK_CONNECTION:
    case KR_PICK_PHASE_HEADER:
    case KR_PICK_LANE_HEADER:
      kr_selection_select_only (self->selection, pick.item);
      kr_canvas_begin_inline_edit (self, pick.item);
      break;

    case KR_PICK_CELL:
      kr_canvas_add_touchpoint_at (self, x, y, NULL, TRUE);
      break;

    case KR_PICK_NOTHING:
    case KR_PICK_PHASE_EDGE:
    case KR_PICK_LANE_EDGE:
    default:
      break;
    }
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           widget_x,
                  double           widget_y,
                  KrCanvas        *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  double x, y;

  if (self->map == NULL)
    return;

  kr_canvas_widget_to_map (self, widget_x, widget_y, &x, &y);

  if (button == GDK_BUTTON_SECONDARY)
    {
      KrPick pick;

      gtk_widget_grab_focus (GTK_WIDGET (self));
      kr_canvas_pick (self, x, y, &pick);
      if (pick.item != NULL && !kr_selection_contains (self->selection, pick.item))
        kr_selection_select_only (self->selection, pick.item);
      self->context_item = pick.item != NULL ? pick.item : KR_ITEM (pick.phase);
      self->context_on_header = pick.kind == KR_PICK_PHASE_HEADER;
      self->context_x = x, self->context_y = y;
      kr_canvas_popup_context_menu (self, widget_x, widget_y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  else if (button == GDK_BUTTON_PRIMARY && n_press == 2)
    double_click (self, x, y);
}

static const char *
cursor_for_pick (KrCanvas     *self,
                 const KrPick *pick)
{
  if (!self->editable)
    return pick->kind == KR_PICK_CARD || pick->kind == KR_PICK_CONNECTION ? "pointer" : NULL;

  switch (pick->kind)
    {
    case KR_PICK_CARD:
      return "grab";
    case KR_PICK_CONNECTION:
      return "pointer";
    case KR_PICK_PHASE_EDGE:
      return "col-resize";
    case KR_PICK_LANE_EDGE:
      return "row-resize";
    case KR_PICK_PHASE_HEADER:
    case KR_PICK_LANE_HEADER:
      return "grab";
    case KR_PICK_CELL:
    case KR_PICK_NOTHING:
    default:
      return NULL;
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    widget_x,
           double                    widget_y,
           KrCanvas                 *self)
{
  KrItem *hover = NULL;
  double x, y, hx, hy;
  KrPick pick;

  if (self->map == NULL || self->drag_mode != DRAG_NONE)
    return;

  kr_canvas_widget_to_map (self, widget_x, widget_y, &x, &y);
  kr_canvas_pick (self, x, y, &pick);

  if (pick.kind == KR_PICK_CARD)
    hover = pick.item;
  /* keep the card hovered while the pointer is on its handle, just outside it */
  else if (self->hover != NULL && kr_canvas_get_handle_center (self, self->hover, &hx, &hy) &&
           near_point (self, x, y, hx, hy))
    hover = self->hover;

  if (hover != NULL && kr_canvas_get_handle_center (self, hover, &hx, &hy) && near_point (self, x, y, hx, hy))
    set_cursor_for (self, self->editable ? "crosshair" : NULL);
  else if (self->space_held)
    set_cursor_for (self, "grab");
  else
    set_cursor_for (self, cursor_for_pick (self, &pick));

  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          KrCanvas                 *self)
{
  if (self->hover != NULL && self->drag_mode == DRAG_NONE)
    {
      self->hover = NULL;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           KrCanvas                 *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  GdkEvent *event;

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;   /* plain scrolling pans, through the scrolled window */

  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL)
    gdk_event_get_position (event, &x, &y);

  kr_canvas_zoom_at (self, kr_canvas_get_zoom (self) * pow (1.1, -dy), x, y);
  return TRUE;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                KrCanvas         *self)
{
  self->drag_original_size = kr_canvas_get_zoom (self);
}

static void
pinch_scale_changed_cb (GtkGestureZoom *gesture,
                        double          scale,
                        KrCanvas       *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  kr_canvas_zoom_at (self, self->drag_original_size * scale, x, y);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KrCanvas              *self)
{
  if (keyval != GDK_KEY_space || (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return FALSE;

  self->space_held = TRUE;
  set_cursor_for (self, "grab");
  return TRUE;
}

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 KrCanvas              *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_held = FALSE;
      set_cursor_for (self, NULL);
    }
}

/* The channel palette drags strings of the form "kringel-channel:website". */
#define CHANNEL_DRAG_PREFIX "kringel-channel:"

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         widget_x,
         double         widget_y,
         KrCanvas      *self)
{
  const char *text = g_value_get_string (value);
  double x, y;

  if (self->map == NULL || !self->editable || text == NULL || !g_str_has_prefix (text, CHANNEL_DRAG_PREFIX))
    return FALSE;

  kr_canvas_widget_to_map (self, widget_x, widget_y, &x, &y);
  kr_canvas_add_touchpoint_at (self, x, y, text + strlen (CHANNEL_DRAG_PREFIX), TRUE);
  return TRUE;
}

void
kr_canvas_init_gestures (KrCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *pan, *click, *pinch;
  GtkEventController *motion, *scroll, *keys;
  GtkDropTarget *drop;

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect (pan, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect (pan, "drag-update", G_CALLBACK (pan_update_cb), self);
  g_signal_connect (pan, "drag-end", G_CALLBACK (pan_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pan));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, scroll);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (keys, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (widget, keys);

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drop));
}
