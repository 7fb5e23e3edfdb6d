/* kr-emotion-scale.c
 *
 * Five toggle buttons in a group, each showing a drawn face from sad to happy. The value is
 * 0 when no face is chosen, which is how several cards of different scores are shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "kr-emotion-scale.h"

#define FACE_SIZE 28

struct _KrEmotionScale
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkToggleButton *buttons[KR_EMOTION_MAX];
  int value;
};

G_DEFINE_FINAL_TYPE (KrEmotionScale, kr_emotion_scale, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const face_names[KR_EMOTION_MAX] = {
  N_("Very negative"), N_("Negative"), N_("Neutral"), N_("Positive"), N_("Very positive"),
};

static const GdkRGBA face_colors[KR_EMOTION_MAX] = {
  { 0.878, 0.106, 0.141, 1 },   /* red */
  { 1.000, 0.471, 0.000, 1 },   /* orange */
  { 0.965, 0.827, 0.176, 1 },   /* yellow */
  { 0.341, 0.890, 0.537, 1 },   /* light green */
  { 0.180, 0.761, 0.494, 1 },   /* green */
};

/* A round face for @value (1–5): the mouth bends from a frown to a smile. */
void
kr_emotion_face_draw (cairo_t *cr,
                      int      value,
                      double   center_x,
                      double   center_y,
                      double   radius)
{
  int index = CLAMP (value, KR_EMOTION_MIN, KR_EMOTION_MAX) - 1;
  double bend = (index - 2) / 2.0 * 0.45 * radius;
  double mouth_y = center_y + 0.3 * radius - bend / 2;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, center_x, center_y, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &face_colors[index]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.14, 0.12, 0.19, 0.85);
  cairo_set_line_width (cr, MAX (1, radius / 9));
  cairo_stroke (cr);

  cairo_arc (cr, center_x - 0.35 * radius, center_y - 0.25 * radius, radius / 9, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, center_x + 0.35 * radius, center_y - 0.25 * radius, radius / 9, 0, 2 * G_PI);
  cairo_fill (cr);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, center_x - 0.45 * radius, mouth_y);
  cairo_curve_to (cr, center_x - 0.2 * radius, mouth_y + bend, center_x + 0.2 * radius, mouth_y + bend,
                  center_x + 0.45 * radius, mouth_y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_face (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  kr_emotion_face_draw (cr, GPOINTER_TO_INT (user_data), width / 2.0, height / 2.0,
                        MIN (width, height) / 2.0 - 1);
}

static void
button_toggled_cb (GtkToggleButton *button,
                   KrEmotionScale  *self)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kr-emotion"));

  if (gtk_toggle_button_get_active (button) && value != self->value)
    {
      self->value = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
}

static GtkToggleButton *
create_button (KrEmotionScale *self,
               int             value)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *face = gtk_drawing_area_new ();
  /* TRANSLATORS: an emotion score and its name, such as "1 – Very negative" */
  g_autofree char *label = g_strdup_printf (_("%d – %s"), value, _(face_names[value - 1]));

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (face), FACE_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (face), FACE_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (face), draw_face, GINT_TO_POINTER (value), NULL);
  gtk_button_set_child (GTK_BUTTON (button), face);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "kr-emotion-face");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  g_object_set_data (G_OBJECT (button), "kr-emotion", GINT_TO_POINTER (value));
  g_signal_connect (button, "toggled", G_CALLBACK (button_toggled_cb), self);
  return GTK_TOGGLE_BUTTON (button);
}

static void
kr_emotion_scale_dispose (GObject *object)
{
  KrEmotionScale *self = KR_EMOTION_SCALE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (kr_emotion_scale_parent_class)->dispose (object);
}

static void
kr_emotion_scale_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, KR_EMOTION_SCALE (object)->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_emotion_scale_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      kr_emotion_scale_set_value (KR_EMOTION_SCALE (object), g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_emotion_scale_class_init (KrEmotionScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kr_emotion_scale_dispose;
  object_class->get_property = kr_emotion_scale_get_property;
  object_class->set_property = kr_emotion_scale_set_property;

  /* 1–5, or 0 when no face is chosen */
  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, 0, KR_EMOTION_MAX, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kr-emotion-scale");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kr_emotion_scale_init (KrEmotionScale *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  for (int value = KR_EMOTION_MIN; value <= KR_EMOTION_MAX; value++)
    {
      self->buttons[value - 1] = create_button (self, value);
      if (value > KR_EMOTION_MIN)
        gtk_toggle_button_set_group (self->buttons[value - 1], self->buttons[0]);
      gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->buttons[value - 1]));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Emotion"), -1);
}

GtkWidget *
kr_emotion_scale_new (void)
{
  return g_object_new (KR_TYPE_EMOTION_SCALE, NULL);
}

int
kr_emotion_scale_get_value (KrEmotionScale *self)
{
  g_return_val_if_fail (KR_IS_EMOTION_SCALE (self), 0);
  return self->value;
}

/* Chooses the face for @value, or none for 0. */
void
kr_emotion_scale_set_value (KrEmotionScale *self,
                            int             value)
{
  g_return_if_fail (KR_IS_EMOTION_SCALE (self));
  g_return_if_fail (value >= 0 && value <= KR_EMOTION_MAX);

  if (value == self->value)
    return;

  self->value = value;
  if (value > 0)
    gtk_toggle_button_set_active (self->buttons[value - 1], TRUE);
  else
    for (int i = 0; i < KR_EMOTION_MAX; i++)
      gtk_toggle_button_set_active (self->buttons[i], FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/* The button of @value (1–5), for tests. */
GtkToggleButton *
kr_emotion_scale_get_button (KrEmotionScale *self,
                             int             value)
{
  g_return_val_if_fail (KR_IS_EMOTION_SCALE (self), NULL);
  g_return_val_if_fail (value >= KR_EMOTION_MIN && value <= KR_EMOTION_MAX, NULL);

  return self->buttons[value - 1];
}
