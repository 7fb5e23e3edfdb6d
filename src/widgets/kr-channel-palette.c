/* kr-channel-palette.c
 *
 * One button per known channel. Dragging a button onto the canvas creates a touchpoint of
 * that channel where it is dropped; clicking one adds it in the middle of the view
 * (win.add-touchpoint). The drag carries "kringel-channel:ID", which KrCanvas accepts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "kr-channel-icon.h"
#include "kr-channel-palette.h"

#define ICON_SIZE 18

struct _KrChannelPalette
{
  GtkWidget parent_instance;

  GtkWidget *box;
};

G_DEFINE_FINAL_TYPE (KrChannelPalette, kr_channel_palette, GTK_TYPE_WIDGET)

static void
draw_icon (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  gdk_cairo_set_source_rgba (cr, &color);
  kr_channel_icon_draw (cr, GPOINTER_TO_UINT (user_data), (width - ICON_SIZE) / 2.0,
                        (height - ICON_SIZE) / 2.0, ICON_SIZE);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 const char    *channel)
{
  g_autofree char *text = g_strconcat ("kringel-channel:", channel, NULL);

  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

static GtkWidget *
create_button (KrChannel channel)
{
  const char *id = kr_channel_to_string (channel);
  const char *name = kr_channel_get_display_name (id);
  g_autofree char *tooltip = g_strdup_printf (_("Drag onto the map to add a touchpoint: %s"), name);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (name);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (icon), ICON_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (icon), ICON_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (icon), draw_icon, GUINT_TO_POINTER (channel), NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-touchpoint");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), (gpointer) id);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));

  return button;
}

static void
kr_channel_palette_dispose (GObject *object)
{
  KrChannelPalette *self = KR_CHANNEL_PALETTE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (kr_channel_palette_parent_class)->dispose (object);
}

static void
kr_channel_palette_class_init (KrChannelPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kr_channel_palette_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kr-channel-palette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
kr_channel_palette_init (KrChannelPalette *self)
{
  GtkWidget *heading = gtk_label_new (_("Touchpoints"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (self->box), heading);

  for (KrChannel channel = 1; channel < KR_N_CHANNELS; channel++)
    gtk_box_append (GTK_BOX (self->box), create_button (channel));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Touchpoint types"), -1);
}

GtkWidget *
kr_channel_palette_new (void)
{
  return g_object_new (KR_TYPE_CHANNEL_PALETTE, NULL);
}
