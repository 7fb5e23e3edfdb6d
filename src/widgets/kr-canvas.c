/* kr-canvas.c
 *
 * A scrollable view of a map drawn by the shared renderer. The cairo node is always the
 * size of the visible area, never of the document, so GTK's GL renderer uploads only what
 * is seen. Scroll positions are in device pixels of the zoomed map, whose origin is the
 * top-left corner of the renderer's extent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "kr-canvas-private.h"
#include "kr-layout.h"

#define MARGIN KR_CANVAS_MARGIN

/* libadwaita's blue accent, for selection and handles */
static const GdkRGBA accent = { 0.208, 0.518, 0.894, 1.0 };

static void kr_canvas_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KrCanvas, kr_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, kr_canvas_scrollable_init))

enum {
  PROP_0,
  PROP_MAP,
  PROP_ZOOM,
  PROP_EDITOR,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
kr_canvas_scrollable_init (GtkScrollableInterface *iface)
{
}

/* The size of the zoomed map with its margin, in pixels. */
static void
get_content_size (KrCanvas *self,
                  double   *width,
                  double   *height)
{
  *width = self->extent.width * self->zoom + 2 * MARGIN;
  *height = self->extent.height * self->zoom + 2 * MARGIN;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         page)
{
  double value;

  if (adjustment == NULL)
    return;

  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (0, content - page));
  gtk_adjustment_configure (adjustment, value, 0, MAX (content, page),
                            page * 0.1, page * 0.9, page);
}

static void
update_adjustments (KrCanvas *self)
{
  double width, height;

  get_content_size (self, &width, &height);
  configure_adjustment (self->hadjustment, width, gtk_widget_get_width (GTK_WIDGET (self)));
  configure_adjustment (self->vadjustment, height, gtk_widget_get_height (GTK_WIDGET (self)));
}

static double
adjustment_value (GtkAdjustment *adjustment)
{
  return adjustment ? gtk_adjustment_get_value (adjustment) : 0;
}

/* The offset that centres the map when it is smaller than the widget. */
static void
get_centering (KrCanvas *self,
               double   *dx,
               double   *dy)
{
  double width, height;

  get_content_size (self, &width, &height);
  *dx = MAX (0, (gtk_widget_get_width (GTK_WIDGET (self)) - width) / 2);
  *dy = MAX (0, (gtk_widget_get_height (GTK_WIDGET (self)) - height) / 2);
}

/* Map coordinates of a point in the widget. */
void
kr_canvas_widget_to_map (KrCanvas *self,
                         double    widget_x,
                         double    widget_y,
                         double   *map_x,
                         double   *map_y)
{
  double dx, dy;

  get_centering (self, &dx, &dy);
  *map_x = (widget_x - dx + adjustment_value (self->hadjustment) - MARGIN) / self->zoom + self->extent.x;
  *map_y = (widget_y - dy + adjustment_value (self->vadjustment) - MARGIN) / self->zoom + self->extent.y;
}

/* Widget coordinates of a map point. */
void
kr_canvas_map_to_widget (KrCanvas *self,
                         double    map_x,
                         double    map_y,
                         double   *widget_x,
                         double   *widget_y)
{
  double dx, dy;

  get_centering (self, &dx, &dy);
  *widget_x = (map_x - self->extent.x) * self->zoom + MARGIN + dx - adjustment_value (self->hadjustment);
  *widget_y = (map_y - self->extent.y) * self->zoom + MARGIN + dy - adjustment_value (self->vadjustment);
}

KrRect
kr_canvas_get_viewport (KrCanvas *self)
{
  double x, y;

  g_return_val_if_fail (KR_IS_CANVAS (self), (KrRect) { 0 });

  kr_canvas_widget_to_map (self, 0, 0, &x, &y);
  return (KrRect) { x, y,
                    gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom,
                    gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom };
}

static void
set_accent (cairo_t *cr,
            double   alpha)
{
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, alpha);
}

static void
outline_rect (cairo_t      *cr,
              const KrRect *rect,
              double        grow,
              double        radius)
{
  KrRect outer = kr_rect_inflate (rect, grow);

  kr_rounded_rect_path (cr, &outer, radius);
}

static void
draw_handle (KrCanvas *self,
             cairo_t  *cr,
             double    x,
             double    y)
{
  double radius = KR_CANVAS_HANDLE_RADIUS / self->zoom;

  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  set_accent (cr, 1);
  cairo_set_line_width (cr, 2 / self->zoom);
  cairo_stroke (cr);
}

typedef struct
{
  KrCanvas *canvas;
  cairo_t *cr;
} OverlayContext;

static void
draw_selected_route (KrConnection  *connection,
                     const KrRoute *route,
                     gpointer       user_data)
{
  OverlayContext *context = user_data;
  KrCanvas *self = context->canvas;
  cairo_t *cr = context->cr;

  if (!kr_selection_contains (self->selection, connection))
    return;

  cairo_move_to (cr, route->points[0].x, route->points[0].y);
  cairo_curve_to (cr, route->points[1].x, route->points[1].y, route->points[2].x, route->points[2].y,
                  route->points[3].x, route->points[3].y);
  set_accent (cr, 0.45);
  cairo_set_line_width (cr, 8 / self->zoom);
  cairo_stroke (cr);

  if (self->editable)
    {
      draw_handle (self, cr, route->points[0].x, route->points[0].y);
      draw_handle (self, cr, route->points[3].x, route->points[3].y);
    }
}

static void
draw_card_marks (KrCanvas *self,
                 cairo_t  *cr)
{
  KrRect rect;

  for (guint i = 0; i < kr_selection_get_n_items (self->selection); i++)
    {
      KrItem *item = kr_selection_get_items (self->selection)->pdata[i];

      if (KR_IS_TOUCHPOINT (item) &&
          kr_renderer_get_card_rect (self->renderer, self->map, KR_TOUCHPOINT (item), &rect))
        {
          outline_rect (cr, &rect, 3 / self->zoom, 12);
          set_accent (cr, 1);
          cairo_set_line_width (cr, 3 / self->zoom);
          cairo_stroke (cr);
        }
    }

  if (self->focus != NULL && gtk_widget_has_visible_focus (GTK_WIDGET (self)) &&
      kr_renderer_get_card_rect (self->renderer, self->map, KR_TOUCHPOINT (self->focus), &rect))
    {
      outline_rect (cr, &rect, 7 / self->zoom, 15);
      set_accent (cr, 0.6);
      cairo_set_line_width (cr, 2 / self->zoom);
      cairo_set_dash (cr, (double[]) { 4 / self->zoom, 3 / self->zoom }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

static void
draw_phase_and_lane_marks (KrCanvas *self,
                           cairo_t  *cr)
{
  g_autoptr(KrLayout) layout = kr_layout_new (self->map);

  for (guint i = 0; i < kr_selection_get_n_items (self->selection); i++)
    {
      KrItem *item = kr_selection_get_items (self->selection)->pdata[i];
      guint position;
      KrRect rect;

      if (!(KR_IS_PHASE (item) || KR_IS_LANE (item)) || !kr_map_find_position (self->map, item, &position))
        continue;

      if (KR_IS_PHASE (item))
        {
          KrRect header = kr_layout_get_phase_header (layout, position);
          KrRect column = kr_layout_get_phase_column (layout, position);
          rect = kr_rect_union (&header, &column);
        }
      else
        rect = kr_layout_get_lane_row (layout, position);

      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      set_accent (cr, 1);
      cairo_set_line_width (cr, 3 / self->zoom);
      cairo_stroke (cr);
    }
}

/* The insertion mark while a phase or lane is dragged to a new place. */
static void
draw_reorder_mark (KrCanvas *self,
                   cairo_t  *cr)
{
  g_autoptr(KrLayout) layout = kr_layout_new (self->map);
  KrRect bounds = kr_layout_get_bounds (layout);
  gboolean phases = self->drag_mode == DRAG_REORDER_PHASE;
  guint n = phases ? kr_layout_get_n_phases (layout) : kr_layout_get_n_lanes (layout);
  double position = phases ? KR_LAYOUT_LANE_HEADER_WIDTH : kr_layout_get_lanes_area (layout).y;

  for (guint i = 0; i < n; i++)
    {
      KrRect span = phases ? kr_layout_get_phase_column (layout, i) : kr_layout_get_lane_row (layout, i);
      double middle = phases ? span.x + span.width / 2 : span.y + span.height / 2;
      double end = phases ? kr_rect_right (&span) : kr_rect_bottom (&span);

      if ((phases ? self->drag_x : self->drag_y) > middle)
        position = end;
    }

  set_accent (cr, 1);
  if (phases)
    cairo_rectangle (cr, position - 2 / self->zoom, 0, 4 / self->zoom, bounds.height);
  else
    cairo_rectangle (cr, 0, position - 2 / self->zoom, bounds.width, 4 / self->zoom);
  cairo_fill (cr);
}

/* What the canvas adds over the map: selection, focus, handles and the drag in progress. */
static void
draw_overlay (KrCanvas *self,
              cairo_t  *cr)
{
  OverlayContext context = { self, cr };
  KrRect viewport = kr_canvas_get_viewport (self);
  double x, y;

  kr_renderer_foreach_route (self->renderer, self->map, &viewport, draw_selected_route, &context);
  draw_phase_and_lane_marks (self, cr);
  draw_card_marks (self, cr);

  if (self->editable && self->hover != NULL && self->drag_mode == DRAG_NONE &&
      kr_canvas_get_handle_center (self, self->hover, &x, &y))
    draw_handle (self, cr, x, y);

  switch (self->drag_mode)
    {
    case DRAG_RUBBER_BAND:
      cairo_rectangle (cr, MIN (self->drag_start_x, self->drag_x), MIN (self->drag_start_y, self->drag_y),
                       fabs (self->drag_x - self->drag_start_x), fabs (self->drag_y - self->drag_start_y));
      set_accent (cr, 0.15);
      cairo_fill_preserve (cr);
      set_accent (cr, 0.9);
      cairo_set_line_width (cr, 1 / self->zoom);
      cairo_stroke (cr);
      break;

    case DRAG_CONNECT:
    case DRAG_RECONNECT:
      cairo_move_to (cr, self->drag_start_x, self->drag_start_y);
      cairo_line_to (cr, self->drag_x, self->drag_y);
      set_accent (cr, 1);
      cairo_set_line_width (cr, 2.5 / self->zoom);
      cairo_set_dash (cr, (double[]) { 6 / self->zoom, 4 / self->zoom }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      draw_handle (self, cr, self->drag_x, self->drag_y);
      break;

    case DRAG_REORDER_PHASE:
    case DRAG_REORDER_LANE:
      draw_reorder_mark (self, cr);
      break;

    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_MOVE_CARDS:
    case DRAG_RESIZE_PHASE:
    case DRAG_RESIZE_LANE:
    case DRAG_PAN:
    default:
      break;
    }
}

static void
kr_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  KrCanvas *self = KR_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  KrRect viewport;
  cairo_t *cr;

  if (self->map == NULL || width <= 0 || height <= 0)
    return;

  viewport = kr_canvas_get_viewport (self);

  /* a cairo node the size of the view, never of the map (see DESIGN.md) */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->static_layer != NULL)
    {
      /* dragging: the picture of everything else, and only the dragged cards drawn anew */
      int scale = gtk_widget_get_scale_factor (widget);

      cairo_save (cr);
      cairo_scale (cr, 1.0 / scale, 1.0 / scale);
      cairo_set_source_surface (cr, self->static_layer, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -viewport.x, -viewport.y);
  kr_renderer_draw (self->renderer, cr, self->map, &viewport,
                    self->static_layer != NULL ? KR_RENDER_MOVING_LAYER : KR_RENDER_DEFAULT);
  if (self->selection != NULL)
    draw_overlay (self, cr);
  kr_renderer_draw_headers (self->renderer, cr, self->map, &viewport);
  cairo_destroy (cr);

  if (self->entry != NULL && gtk_widget_get_visible (self->entry))
    gtk_widget_snapshot_child (widget, self->entry, snapshot);
}

static void
kr_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  KrCanvas *self = KR_CANVAS (widget);

  if (self->fit_pending && width > 0 && height > 0 && self->map != NULL)
    {
      self->fit_pending = FALSE;
      kr_canvas_zoom_to_fit (self);
    }

  update_adjustments (self);
  kr_canvas_allocate_entry (self);
}

/* Draws the view without the cards being dragged, once, for the frames of the drag. */
void
kr_canvas_begin_static_layer (KrCanvas *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  KrRect viewport = kr_canvas_get_viewport (self);
  cairo_t *cr;

  kr_canvas_end_static_layer (self);
  if (width <= 0 || height <= 0)
    return;

  self->static_layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (self->static_layer);
  cairo_scale (cr, scale * self->zoom, scale * self->zoom);
  cairo_translate (cr, -viewport.x, -viewport.y);
  kr_renderer_draw (self->renderer, cr, self->map, &viewport, KR_RENDER_STATIC_LAYER);
  cairo_destroy (cr);
}

void
kr_canvas_end_static_layer (KrCanvas *self)
{
  g_clear_pointer (&self->static_layer, cairo_surface_destroy);
}

/* Forgets pointers to items that left the map. */
static void
drop_stale_items (KrCanvas *self)
{
  KrItem **items[] = { &self->hover, &self->focus, &self->context_item };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      KrItem *item = *items[i];

      if (item != NULL && kr_map_lookup (self->map, kr_item_get_kind (item), kr_item_get_id (item)) != item)
        *items[i] = NULL;
    }

  if (self->edited_item != NULL &&
      kr_map_lookup (self->map, kr_item_get_kind (self->edited_item), kr_item_get_id (self->edited_item)) != self->edited_item)
    kr_canvas_end_inline_edit (self, FALSE);
}

static void
map_changed (KrCanvas *self)
{
  if (self->map == NULL)
    return;

  drop_stale_items (self);
  self->extent = kr_renderer_get_extent (self->renderer, self->map);
  update_adjustments (self);
  kr_canvas_allocate_entry (self);
  kr_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
adjustment_changed (KrCanvas *self)
{
  if (self->static_layer != NULL)
    kr_canvas_begin_static_layer (self);
  kr_canvas_allocate_entry (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (KrCanvas       *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed, self);

  g_set_object (slot, adjustment);

  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed), self);

  update_adjustments (self);
}

static void
disconnect_map (KrCanvas *self)
{
  if (self->map == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->map, map_changed, self);
  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    g_signal_handlers_disconnect_by_func (kr_map_get_items (self->map, kind), map_changed, self);
}

static void
kr_canvas_dispose (GObject *object)
{
  KrCanvas *self = KR_CANVAS (object);

  kr_canvas_stop_autoscroll (self);
  kr_canvas_end_inline_edit (self, FALSE);
  g_clear_pointer (&self->entry, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  disconnect_map (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->editor);
  g_clear_object (&self->map);
  g_clear_pointer (&self->drag_touchpoints, g_ptr_array_unref);
  kr_canvas_end_static_layer (self);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (kr_canvas_parent_class)->dispose (object);
}

static void
kr_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KrCanvas *self = KR_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KrCanvas *self = KR_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      kr_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_canvas_class_init (KrCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kr_canvas_dispose;
  object_class->get_property = kr_canvas_get_property;
  object_class->set_property = kr_canvas_set_property;

  widget_class->snapshot = kr_canvas_snapshot;
  widget_class->size_allocate = kr_canvas_size_allocate;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL, KR_TYPE_MAP,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, KR_CANVAS_MIN_ZOOM, KR_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, KR_TYPE_EDITOR,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * KrCanvas::show-toast:
   * @message: what happened, such as "Deleted 3 touchpoints"
   * @offer_undo: whether to offer undoing it
   *
   * Asks the window to tell the person.
   */
  signals[SHOW_TOAST] = g_signal_new ("show-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  kr_canvas_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "kr-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
kr_canvas_init (KrCanvas *self)
{
  self->zoom = 1.0;
  self->editable = TRUE;
  self->grid = KR_CANVAS_GRID;
  self->snap = TRUE;
  self->renderer = kr_renderer_new (KR_THEME_LIGHT);
  g_signal_connect_swapped (self->renderer, "notify::theme", G_CALLBACK (gtk_widget_queue_draw), self);

  kr_canvas_init_gestures (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
kr_canvas_new (void)
{
  return g_object_new (KR_TYPE_CANVAS, NULL);
}

KrMap *
kr_canvas_get_map (KrCanvas *self)
{
  g_return_val_if_fail (KR_IS_CANVAS (self), NULL);

  return self->map;
}

KrEditor *
kr_canvas_get_editor (KrCanvas *self)
{
  g_return_val_if_fail (KR_IS_CANVAS (self), NULL);

  return self->editor;
}

KrSelection *
kr_canvas_get_selection (KrCanvas *self)
{
  g_return_val_if_fail (KR_IS_CANVAS (self), NULL);

  return self->selection;
}

static void
selection_changed (KrCanvas *self)
{
  KrItem *single = kr_selection_get_single (self->selection);

  /* a card chosen elsewhere (the outline) comes into view with the focus */
  if (single != NULL && KR_IS_TOUCHPOINT (single) && single != self->focus && self->drag_mode == DRAG_NONE)
    kr_canvas_set_focus_item (self, single);

  kr_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * kr_canvas_set_editor:
 *
 * Shows the map of @editor, edited through it, with @selection, at the zoom and scroll
 * position stored in the map (or fitted, if it has none).
 */
void
kr_canvas_set_editor (KrCanvas    *self,
                      KrEditor    *editor,
                      KrSelection *selection)
{
  KrMap *map;

  g_return_if_fail (KR_IS_CANVAS (self));
  g_return_if_fail (KR_IS_EDITOR (editor));
  g_return_if_fail (KR_IS_SELECTION (selection));

  kr_canvas_end_inline_edit (self, FALSE);
  disconnect_map (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  map = kr_editor_get_map (editor);
  g_set_object (&self->editor, editor);
  g_set_object (&self->selection, selection);
  g_set_object (&self->map, map);
  self->hover = self->focus = self->context_item = NULL;

  g_signal_connect_swapped (selection, "changed", G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (map, "item-changed", G_CALLBACK (map_changed), self);
  g_signal_connect_swapped (map, "notify", G_CALLBACK (map_changed), self);
  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    g_signal_connect_swapped (kr_map_get_items (map, kind), "items-changed", G_CALLBACK (map_changed), self);

  map_changed (self);
  self->fit_pending = kr_map_get_view_zoom (map) == 1.0 &&
                      kr_map_get_view_x (map) == 0 && kr_map_get_view_y (map) == 0;
  if (!self->fit_pending)
    {
      kr_canvas_set_zoom (self, kr_map_get_view_zoom (map));
      kr_canvas_scroll_to (self, kr_map_get_view_x (map), kr_map_get_view_y (map));
    }
  else if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      self->fit_pending = FALSE;
      kr_canvas_zoom_to_fit (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR]);
  kr_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A read-only map can be looked at, selected and copied, not changed. */
void
kr_canvas_set_editable (KrCanvas *self,
                        gboolean  editable)
{
  g_return_if_fail (KR_IS_CANVAS (self));

  self->editable = editable != FALSE;
  kr_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Dragged cards snap to a grid of @grid map units (and to their neighbours) if @snap. */
void
kr_canvas_set_snapping (KrCanvas *self,
                        double    grid,
                        gboolean  snap)
{
  g_return_if_fail (KR_IS_CANVAS (self));

  self->grid = CLAMP (grid, 1, 128);
  self->snap = snap != FALSE;
}

KrRenderer *
kr_canvas_get_renderer (KrCanvas *self)
{
  g_return_val_if_fail (KR_IS_CANVAS (self), NULL);

  return self->renderer;
}

double
kr_canvas_get_zoom (KrCanvas *self)
{
  g_return_val_if_fail (KR_IS_CANVAS (self), 1.0);

  return self->zoom;
}

/* Zooms about the point at @widget_x, @widget_y, which stays where it is. */
void
kr_canvas_zoom_at (KrCanvas *self,
                   double    zoom,
                   double    widget_x,
                   double    widget_y)
{
  double map_x, map_y, dx, dy;

  g_return_if_fail (KR_IS_CANVAS (self));

  zoom = CLAMP (zoom, KR_CANVAS_MIN_ZOOM, KR_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom || !isfinite (zoom))
    return;

  kr_canvas_widget_to_map (self, widget_x, widget_y, &map_x, &map_y);
  self->zoom = zoom;
  update_adjustments (self);

  get_centering (self, &dx, &dy);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, (map_x - self->extent.x) * zoom + MARGIN + dx - widget_x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, (map_y - self->extent.y) * zoom + MARGIN + dy - widget_y);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  kr_canvas_allocate_entry (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kr_canvas_set_zoom (KrCanvas *self,
                    double    zoom)
{
  kr_canvas_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* Zooms so the whole map is visible (never beyond 100 %). */
void
kr_canvas_zoom_to_fit (KrCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * MARGIN;

  g_return_if_fail (KR_IS_CANVAS (self));

  if (width <= 0 || height <= 0 || self->extent.width <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }

  kr_canvas_set_zoom (self, MIN (1.0, MIN (width / self->extent.width, height / self->extent.height)));
  kr_canvas_scroll_to (self, self->extent.x, self->extent.y);
}

/* Scrolls so that the map point @map_x, @map_y is at the top-left corner. */
void
kr_canvas_scroll_to (KrCanvas *self,
                     double    map_x,
                     double    map_y)
{
  g_return_if_fail (KR_IS_CANVAS (self));

  update_adjustments (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, (map_x - self->extent.x) * self->zoom + MARGIN);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, (map_y - self->extent.y) * self->zoom + MARGIN);
}

void
kr_canvas_scroll_by (KrCanvas *self,
                     double    dx,
                     double    dy)
{
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + dx);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy);
}

/* Scrolls as little as needed for @rect (map coordinates) to be in view. */
void
kr_canvas_reveal (KrCanvas     *self,
                  const KrRect *rect)
{
  KrRect viewport = kr_canvas_get_viewport (self);
  KrRect wanted = kr_rect_inflate (rect, 24);
  double dx = 0, dy = 0;

  if (wanted.x < viewport.x)
    dx = wanted.x - viewport.x;
  else if (kr_rect_right (&wanted) > kr_rect_right (&viewport))
    dx = MIN (kr_rect_right (&wanted) - kr_rect_right (&viewport), wanted.x - viewport.x);

  if (wanted.y < viewport.y)
    dy = wanted.y - viewport.y;
  else if (kr_rect_bottom (&wanted) > kr_rect_bottom (&viewport))
    dy = MIN (kr_rect_bottom (&wanted) - kr_rect_bottom (&viewport), wanted.y - viewport.y);

  kr_canvas_scroll_by (self, dx * self->zoom, dy * self->zoom);
}

/* What is at a map point, with a tolerance of a few screen pixels. */
void
kr_canvas_pick (KrCanvas *self,
                double    map_x,
                double    map_y,
                KrPick   *pick)
{
  kr_renderer_pick (self->renderer, self->map, map_x, map_y, 6 / self->zoom, pick);
}

void
kr_canvas_show_toast (KrCanvas   *self,
                      const char *message,
                      gboolean    offer_undo)
{
  g_signal_emit (self, signals[SHOW_TOAST], 0, message, offer_undo);
}
