/* kr-persona-row.c
 *
 * The persona's photo (or initials), name, role and colour; follows changes of the persona.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "kr-persona-row.h"
#include "kr-photo.h"

struct _KrPersonaRow
{
  GtkListBoxRow parent_instance;

  KrPersona *persona;
  AdwAvatar *avatar;
  GtkLabel *name_label;
  GtkLabel *role_label;
  GtkWidget *color_dot;
};

G_DEFINE_FINAL_TYPE (KrPersonaRow, kr_persona_row, GTK_TYPE_LIST_BOX_ROW)

static void
kr_persona_row_dispose (GObject *object)
{
  KrPersonaRow *self = KR_PERSONA_ROW (object);

  if (self->persona != NULL)
    g_signal_handlers_disconnect_by_data (self->persona, self);
  g_clear_object (&self->persona);

  G_OBJECT_CLASS (kr_persona_row_parent_class)->dispose (object);
}

static void
kr_persona_row_class_init (KrPersonaRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kr_persona_row_dispose;
}

static void
draw_color_dot (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  KrPersonaRow *self = user_data;
  GdkRGBA rgba;

  if (self->persona == NULL || !gdk_rgba_parse (&rgba, kr_persona_get_color (self->persona)))
    return;

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill (cr);
}

static void
kr_persona_row_init (KrPersonaRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  self->avatar = ADW_AVATAR (adw_avatar_new (36, NULL, TRUE));
  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  self->role_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_xalign (self->role_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (self->role_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->role_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->role_label), "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  self->color_dot = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->color_dot), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->color_dot), 12);
  gtk_widget_set_valign (self->color_dot, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->color_dot), draw_color_dot, self, NULL);

  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->role_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->avatar));
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), self->color_dot);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

static void
sync_photo (KrPersonaRow *self)
{
  g_autoptr(GdkTexture) texture = kr_photo_to_texture (kr_persona_get_photo (self->persona));

  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
sync_labels (KrPersonaRow *self)
{
  const char *name = kr_persona_get_name (self->persona);
  const char *role = kr_persona_get_role (self->persona);
  const char *shown = *name ? name : _("Unnamed persona");

  gtk_label_set_text (self->name_label, shown);
  gtk_label_set_text (self->role_label, role);
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), *role != '\0');
  adw_avatar_set_text (self->avatar, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
}

static void
persona_notify_cb (KrPersonaRow *self,
                   GParamSpec   *pspec)
{
  if (g_str_equal (pspec->name, "photo"))
    sync_photo (self);
  else if (g_str_equal (pspec->name, "color"))
    gtk_widget_queue_draw (self->color_dot);
  else
    sync_labels (self);
}

GtkWidget *
kr_persona_row_new (KrPersona *persona)
{
  KrPersonaRow *self = g_object_new (KR_TYPE_PERSONA_ROW, NULL);

  self->persona = g_object_ref (persona);
  g_signal_connect_swapped (persona, "notify", G_CALLBACK (persona_notify_cb), self);
  sync_labels (self);
  sync_photo (self);

  return GTK_WIDGET (self);
}

KrPersona *
kr_persona_row_get_persona (KrPersonaRow *self)
{
  g_return_val_if_fail (KR_IS_PERSONA_ROW (self), NULL);
  return self->persona;
}
