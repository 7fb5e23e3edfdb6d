/* kr-color-palette.c
 *
 * A row of colour swatches (toggle buttons in one group), an optional "no colour of its
 * own" swatch (a card takes its phase's colour) and a button that opens a colour chooser for
 * any other colour. Colours are "#rrggbb" strings as in the file format; NULL is the "none"
 * swatch. "Mixed" (several items of different colours) shows no swatch chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "kr-color-palette.h"

#define SWATCH_SIZE 22

struct _KrColorPalette
{
  GtkWidget parent_instance;

  GtkWidget *flow_box;
  GtkToggleButton *none_swatch;
  GtkToggleButton *first_swatch;
  GtkWidget *custom_button;
  GtkWidget *custom_swatch;
  GPtrArray *swatches;      /* GtkToggleButton, one per palette colour */
  char *color;
  gboolean mixed;
};

G_DEFINE_FINAL_TYPE (KrColorPalette, kr_color_palette, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  PROP_NONE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *color;
  const char *name;
} palette[] = {
  { "#3d7dd8", N_("Blue") },
  { "#1c9fa6", N_("Teal") },
  { "#2ec27e", N_("Green") },
  { "#e5a50a", N_("Yellow") },
  { "#e66100", N_("Orange") },
  { "#c01c28", N_("Red") },
  { "#c061cb", N_("Pink") },
  { "#8e5bd0", N_("Purple") },
  { "#986a44", N_("Brown") },
  { "#5e5c64", N_("Grey") },
};

static char *
normalize_color (const char *color)
{
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    return NULL;

  return g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5), (int) (rgba.green * 255 + 0.5),
                          (int) (rgba.blue * 255 + 0.5));
}

static void
draw_check (cairo_t *cr,
            double   center_x,
            double   center_y,
            double   radius)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, center_x - radius * 0.45, center_y);
  cairo_line_to (cr, center_x - radius * 0.1, center_y + radius * 0.35);
  cairo_line_to (cr, center_x + radius * 0.45, center_y - radius * 0.3);
  cairo_stroke (cr);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const char *color = user_data;
  GtkWidget *button = gtk_widget_get_ancestor (GTK_WIDGET (area), GTK_TYPE_BUTTON);
  gboolean active = GTK_IS_TOGGLE_BUTTON (button) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
  double radius = MIN (width, height) / 2.0 - 1;
  GdkRGBA rgba;

  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  if (color != NULL && gdk_rgba_parse (&rgba, color))
    {
      gdk_cairo_set_source_rgba (cr, &rgba);
      cairo_fill (cr);
    }
  else
    {
      /* the "none" swatch: an empty ring with a slash */
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &rgba);
      gdk_cairo_set_source_rgba (cr, &rgba);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_move_to (cr, width / 2.0 - radius * 0.7, height / 2.0 + radius * 0.7);
      cairo_line_to (cr, width / 2.0 + radius * 0.7, height / 2.0 - radius * 0.7);
      cairo_stroke (cr);
      if (active)
        {
          cairo_arc (cr, width / 2.0, height / 2.0, radius * 0.35, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      return;
    }

  if (active)
    draw_check (cr, width / 2.0, height / 2.0, radius);
}

static void
draw_custom_swatch (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  KrColorPalette *self = user_data;

  if (self->color != NULL)
    draw_swatch (area, cr, width, height, self->color);
  draw_check (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1);
}

static GtkWidget *
create_swatch_area (GtkDrawingAreaDrawFunc draw,
                    gpointer               data)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), SWATCH_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), SWATCH_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw, data, NULL);
  return area;
}

static void
redraw_swatches (KrColorPalette *self)
{
  for (guint i = 0; i < self->swatches->len; i++)
    gtk_widget_queue_draw (gtk_button_get_child (self->swatches->pdata[i]));
  gtk_widget_queue_draw (gtk_button_get_child (GTK_BUTTON (self->none_swatch)));
  gtk_widget_queue_draw (self->custom_swatch);
}

static GtkToggleButton *
find_swatch (KrColorPalette *self,
             const char     *color)
{
  if (color == NULL)
    return gtk_widget_get_visible (GTK_WIDGET (self->none_swatch)) ? self->none_swatch : NULL;

  for (guint i = 0; i < self->swatches->len; i++)
    if (g_str_equal (g_object_get_data (self->swatches->pdata[i], "kr-color"), color))
      return self->swatches->pdata[i];

  return NULL;
}

/* Shows the state: the swatch of the colour, the custom button's swatch, or nothing. */
static void
sync_swatches (KrColorPalette *self)
{
  GtkToggleButton *swatch = self->mixed ? NULL : find_swatch (self, self->color);

  if (swatch != NULL)
    gtk_toggle_button_set_active (swatch, TRUE);
  else
    {
      for (guint i = 0; i < self->swatches->len; i++)
        gtk_toggle_button_set_active (self->swatches->pdata[i], FALSE);
      gtk_toggle_button_set_active (self->none_swatch, FALSE);
    }

  gtk_widget_set_visible (self->custom_swatch, !self->mixed && swatch == NULL && self->color != NULL);
  redraw_swatches (self);
}

static void
change_color (KrColorPalette *self,
              const char     *color)
{
  if (!self->mixed && g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);
  self->mixed = FALSE;
  sync_swatches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

static void
swatch_toggled_cb (GtkToggleButton *swatch,
                   KrColorPalette  *self)
{
  redraw_swatches (self);
  if (gtk_toggle_button_get_active (swatch))
    change_color (self, g_object_get_data (G_OBJECT (swatch), "kr-color"));
}

static void
chooser_response_cb (GtkDialog      *dialog,
                     int             response,
                     KrColorPalette *self)
{
  if (response == GTK_RESPONSE_OK)
    {
      GdkRGBA rgba;
      g_autofree char *color = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      color = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5), (int) (rgba.green * 255 + 0.5),
                               (int) (rgba.blue * 255 + 0.5));
      change_color (self, color);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (self);
}

static void
custom_clicked_cb (KrColorPalette *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = gtk_color_chooser_dialog_new (_("Choose a Colour"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  GdkRGBA rgba;

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  if (self->color != NULL && gdk_rgba_parse (&rgba, self->color))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);

  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkToggleButton *
create_swatch (KrColorPalette *self,
               const char     *color,
               const char     *name)
{
  GtkWidget *button = gtk_toggle_button_new ();

  g_object_set_data_full (G_OBJECT (button), "kr-color", g_strdup (color), g_free);
  gtk_button_set_child (GTK_BUTTON (button), create_swatch_area (draw_swatch, g_object_get_data (G_OBJECT (button), "kr-color")));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "kr-swatch");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (self->first_swatch != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->first_swatch);
  else
    self->first_swatch = GTK_TOGGLE_BUTTON (button);

  g_signal_connect (button, "toggled", G_CALLBACK (swatch_toggled_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (self->flow_box), button);
  return GTK_TOGGLE_BUTTON (button);
}

static void
kr_color_palette_dispose (GObject *object)
{
  KrColorPalette *self = KR_COLOR_PALETTE (object);

  g_clear_pointer (&self->flow_box, gtk_widget_unparent);
  g_clear_pointer (&self->swatches, g_ptr_array_unref);

  G_OBJECT_CLASS (kr_color_palette_parent_class)->dispose (object);
}

static void
kr_color_palette_finalize (GObject *object)
{
  g_free (KR_COLOR_PALETTE (object)->color);

  G_OBJECT_CLASS (kr_color_palette_parent_class)->finalize (object);
}

static void
kr_color_palette_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KrColorPalette *self = KR_COLOR_PALETTE (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_NONE_LABEL:
      g_value_set_string (value, gtk_widget_get_tooltip_text (GTK_WIDGET (self->none_swatch)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_color_palette_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KrColorPalette *self = KR_COLOR_PALETTE (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      kr_color_palette_set_color (self, g_value_get_string (value));
      break;
    case PROP_NONE_LABEL:
      kr_color_palette_set_none_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_color_palette_class_init (KrColorPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kr_color_palette_dispose;
  object_class->finalize = kr_color_palette_finalize;
  object_class->get_property = kr_color_palette_get_property;
  object_class->set_property = kr_color_palette_set_property;

  /* "#rrggbb", or NULL for the "none" swatch */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* what "no colour of its own" means, such as "Phase colour"; NULL hides that swatch */
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kr-color-palette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kr_color_palette_init (KrColorPalette *self)
{
  GtkWidget *custom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  self->swatches = g_ptr_array_new ();
  self->flow_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow_box), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow_box), 4);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow_box), 12);
  gtk_widget_set_parent (self->flow_box, GTK_WIDGET (self));

  self->none_swatch = create_swatch (self, NULL, NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->none_swatch)), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->none_swatch), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    g_ptr_array_add (self->swatches, create_swatch (self, palette[i].color, _(palette[i].name)));

  self->custom_swatch = create_swatch_area (draw_custom_swatch, self);
  gtk_widget_set_visible (self->custom_swatch, FALSE);
  gtk_box_append (GTK_BOX (custom_box), self->custom_swatch);
  gtk_box_append (GTK_BOX (custom_box), gtk_image_new_from_icon_name ("color-select-symbolic"));
  self->custom_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->custom_button), custom_box);
  gtk_widget_add_css_class (self->custom_button, "flat");
  gtk_widget_set_tooltip_text (self->custom_button, _("Other Colour…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Other Colour…"), -1);
  g_signal_connect_swapped (self->custom_button, "clicked", G_CALLBACK (custom_clicked_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (self->flow_box), self->custom_button);

  self->mixed = TRUE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colour"), -1);
}

GtkWidget *
kr_color_palette_new (void)
{
  return g_object_new (KR_TYPE_COLOR_PALETTE, NULL);
}

const char *
kr_color_palette_get_color (KrColorPalette *self)
{
  g_return_val_if_fail (KR_IS_COLOR_PALETTE (self), NULL);
  return self->color;
}

void
kr_color_palette_set_color (KrColorPalette *self,
                            const char     *color)
{
  g_autofree char *normalized = normalize_color (color);

  g_return_if_fail (KR_IS_COLOR_PALETTE (self));

  change_color (self, normalized);
}

/* Chooses no swatch: the items shown have different colours. */
void
kr_color_palette_set_mixed (KrColorPalette *self)
{
  g_return_if_fail (KR_IS_COLOR_PALETTE (self));

  if (self->mixed)
    return;

  g_clear_pointer (&self->color, g_free);
  self->mixed = TRUE;
  sync_swatches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

gboolean
kr_color_palette_get_mixed (KrColorPalette *self)
{
  g_return_val_if_fail (KR_IS_COLOR_PALETTE (self), FALSE);
  return self->mixed;
}

void
kr_color_palette_set_none_label (KrColorPalette *self,
                                 const char     *label)
{
  GtkWidget *swatch;

  g_return_if_fail (KR_IS_COLOR_PALETTE (self));

  swatch = GTK_WIDGET (self->none_swatch);
  gtk_widget_set_tooltip_text (swatch, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "", -1);
  gtk_widget_set_visible (swatch, label != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (swatch), label != NULL);
  sync_swatches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NONE_LABEL]);
}

/* The swatch of @color (NULL: the "none" swatch), or NULL if the palette has none. */
GtkToggleButton *
kr_color_palette_get_swatch (KrColorPalette *self,
                             const char     *color)
{
  g_autofree char *normalized = normalize_color (color);

  g_return_val_if_fail (KR_IS_COLOR_PALETTE (self), NULL);

  return find_swatch (self, normalized);
}
