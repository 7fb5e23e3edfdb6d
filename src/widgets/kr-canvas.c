/* kr-canvas.c
 *
 * A scrollable view of a map drawn by the shared renderer. The cairo node is always the
 * size of the visible area, never of the document, so GTK's GL renderer uploads only what
 * is seen. Scroll positions are in device pixels of the zoomed map, whose origin is the
 * top-left corner of the renderer's extent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "kr-canvas.h"

#define MARGIN 32.0   /* around the map, in screen pixels */

struct _KrCanvas
{
  GtkWidget parent_instance;

  KrMap *map;
  KrRenderer *renderer;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;
  guint fit_pending : 1;

  double zoom;
  KrRect extent;   /* of the map, in map coordinates */
};

static void kr_canvas_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KrCanvas, kr_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, kr_canvas_scrollable_init))

enum {
  PROP_0,
  PROP_MAP,
  PROP_ZOOM,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

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
static void
widget_to_map (KrCanvas *self,
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

KrRect
kr_canvas_get_viewport (KrCanvas *self)
{
  double x, y;

  g_return_val_if_fail (KR_IS_CANVAS (self), (KrRect) { 0 });

  widget_to_map (self, 0, 0, &x, &y);
  return (KrRect) { x, y,
                    gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom,
                    gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom };
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
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -viewport.x, -viewport.y);
  kr_renderer_draw (self->renderer, cr, self->map, &viewport, KR_RENDER_DEFAULT);
  cairo_destroy (cr);
}

static void
kr_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  KrCanvas *self = KR_CANVAS (widget);

  if (self->fit_pending && width > 0 && height > 0)
    {
      self->fit_pending = FALSE;
      kr_canvas_zoom_to_fit (self);
    }

  update_adjustments (self);
}

static void
map_changed (KrCanvas *self)
{
  if (self->map != NULL)
    self->extent = kr_renderer_get_extent (self->renderer, self->map);

  update_adjustments (self);
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
    g_signal_handlers_disconnect_by_func (*slot, gtk_widget_queue_draw, self);

  g_set_object (slot, adjustment);

  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self);

  update_adjustments (self);
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

  kr_canvas_zoom_at (self, self->zoom * pow (1.1, -dy), x, y);
  return TRUE;
}

static void
kr_canvas_dispose (GObject *object)
{
  KrCanvas *self = KR_CANVAS (object);

  kr_canvas_set_map (self, NULL);
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
    case PROP_MAP:
      kr_canvas_set_map (self, g_value_get_object (value));
      break;
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
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, KR_CANVAS_MIN_ZOOM, KR_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "kr-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kr_canvas_init (KrCanvas *self)
{
  GtkEventController *scroll;

  self->zoom = 1.0;
  self->renderer = kr_renderer_new (KR_THEME_LIGHT);
  g_signal_connect_swapped (self->renderer, "notify::theme", G_CALLBACK (gtk_widget_queue_draw), self);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

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

/* Shows @map at the zoom and scroll position stored in it (or fitted, if it has none). */
void
kr_canvas_set_map (KrCanvas *self,
                   KrMap    *map)
{
  g_return_if_fail (KR_IS_CANVAS (self));

  if (self->map == map)
    return;

  if (self->map != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->map, map_changed, self);
      for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
        g_signal_handlers_disconnect_by_func (kr_map_get_items (self->map, kind), map_changed, self);
    }

  g_set_object (&self->map, map);

  if (map != NULL)
    {
      g_signal_connect_swapped (map, "item-changed", G_CALLBACK (map_changed), self);
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
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  widget_to_map (self, widget_x, widget_y, &map_x, &map_y);
  self->zoom = zoom;
  update_adjustments (self);

  get_centering (self, &dx, &dy);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, (map_x - self->extent.x) * zoom + MARGIN + dx - widget_x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, (map_y - self->extent.y) * zoom + MARGIN + dy - widget_y);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
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

  if (width <= 0 || height <= 0)
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
