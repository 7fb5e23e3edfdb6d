/* kr-text-area.c
 *
 * A GtkTextView in a frame, with a title above and an optional hint below. It grows with
 * its text instead of scrolling, so that a side panel scrolls as a whole. Setting the text
 * from outside is not recorded in the view's own undo history: Ctrl+Z in the field undoes
 * only what was typed there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-text-area.h"

struct _KrTextArea
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *title_label;
  GtkLabel *hint_label;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  char *text;
};

G_DEFINE_FINAL_TYPE (KrTextArea, kr_text_area, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_HINT,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
buffer_changed_cb (KrTextArea *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  g_free (self->text);
  self->text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
kr_text_area_dispose (GObject *object)
{
  KrTextArea *self = KR_TEXT_AREA (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (kr_text_area_parent_class)->dispose (object);
}

static void
kr_text_area_finalize (GObject *object)
{
  KrTextArea *self = KR_TEXT_AREA (object);

  g_free (self->text);

  G_OBJECT_CLASS (kr_text_area_parent_class)->finalize (object);
}

static void
kr_text_area_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KrTextArea *self = KR_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, kr_text_area_get_title (self));
      break;
    case PROP_HINT:
      g_value_set_string (value, gtk_label_get_text (self->hint_label));
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_text_area_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KrTextArea *self = KR_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      kr_text_area_set_title (self, g_value_get_string (value));
      break;
    case PROP_HINT:
      kr_text_area_set_hint (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      kr_text_area_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
kr_text_area_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (KR_TEXT_AREA (widget)->text_view));
}

static void
kr_text_area_class_init (KrTextAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kr_text_area_dispose;
  object_class->finalize = kr_text_area_finalize;
  object_class->get_property = kr_text_area_get_property;
  object_class->set_property = kr_text_area_set_property;
  widget_class->grab_focus = kr_text_area_grab_focus;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Notified on every change of the text, typed or set. */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kr-text-area");
}

static void
kr_text_area_init (KrTextArea *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  self->text = g_strdup ("");
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), FALSE);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 8);
  gtk_text_view_set_bottom_margin (self->text_view, 8);
  gtk_text_view_set_left_margin (self->text_view, 8);
  gtk_text_view_set_right_margin (self->text_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (self->text_view), -1, 56);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->text_view));
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);

  self->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->hint_label, 0);
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);

  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (self->box), frame);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->hint_label));
}

GtkWidget *
kr_text_area_new (const char *title)
{
  return g_object_new (KR_TYPE_TEXT_AREA, "title", title, NULL);
}

const char *
kr_text_area_get_text (KrTextArea *self)
{
  g_return_val_if_fail (KR_IS_TEXT_AREA (self), NULL);
  return self->text;
}

/* Replaces the text unless it already is @text, so that the cursor stays where it is. */
void
kr_text_area_set_text (KrTextArea *self,
                       const char *text)
{
  g_return_if_fail (KR_IS_TEXT_AREA (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (text, self->text))
    return;

  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_set_text (self->buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (self->buffer);
}

const char *
kr_text_area_get_title (KrTextArea *self)
{
  g_return_val_if_fail (KR_IS_TEXT_AREA (self), NULL);
  return gtk_label_get_text (self->title_label);
}

/* The title is shown above the field and is the field's accessible name. */
void
kr_text_area_set_title (KrTextArea *self,
                        const char *title)
{
  g_return_if_fail (KR_IS_TEXT_AREA (self));

  if (g_strcmp0 (title, gtk_label_get_text (self->title_label)) == 0)
    return;

  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
kr_text_area_set_hint (KrTextArea *self,
                       const char *hint)
{
  g_return_if_fail (KR_IS_TEXT_AREA (self));

  if (g_strcmp0 (hint, gtk_label_get_text (self->hint_label)) == 0)
    return;

  gtk_label_set_text (self->hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL && *hint != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  hint ? hint : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}

GtkTextView *
kr_text_area_get_text_view (KrTextArea *self)
{
  g_return_val_if_fail (KR_IS_TEXT_AREA (self), NULL);
  return self->text_view;
}
