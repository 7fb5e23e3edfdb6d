/* kr-channel-chooser.c
 *
 * A drop-down of "None", the known channels and "Other", and an entry for the name of any
 * other channel, shown while "Other" is chosen. The channel is the file format's string: ""
 * for none, a known id such as "email", or the free text. Choosing "Other" keeps the
 * drop-down on "Other" while the entry is still empty, although the channel is then "".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "kr-channel.h"
#include "kr-channel-chooser.h"

#define POSITION_NONE 0
#define POSITION_OTHER KR_N_CHANNELS   /* after the known channels, which start at 1 */

struct _KrChannelChooser
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkDropDown *drop_down;
  GtkEntry *entry;
  char *channel;
  gboolean mixed;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (KrChannelChooser, kr_channel_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHANNEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_channel (KrChannelChooser *self,
                const char       *channel)
{
  if (!self->mixed && g_strcmp0 (channel, self->channel) == 0)
    return;

  g_free (self->channel);
  self->channel = g_strdup (channel);
  self->mixed = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

static void
drop_down_selected_cb (KrChannelChooser *self)
{
  guint position = gtk_drop_down_get_selected (self->drop_down);
  gboolean other = position == POSITION_OTHER;

  gtk_widget_set_visible (GTK_WIDGET (self->entry), other);
  if (self->syncing || position == GTK_INVALID_LIST_POSITION)
    return;

  if (other)
    {
      change_channel (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
    }
  else
    change_channel (self, position == POSITION_NONE ? "" : kr_channel_to_string (position));
}

static void
entry_changed_cb (KrChannelChooser *self)
{
  if (self->syncing || gtk_drop_down_get_selected (self->drop_down) != POSITION_OTHER)
    return;

  change_channel (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
kr_channel_chooser_dispose (GObject *object)
{
  KrChannelChooser *self = KR_CHANNEL_CHOOSER (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (kr_channel_chooser_parent_class)->dispose (object);
}

static void
kr_channel_chooser_finalize (GObject *object)
{
  g_free (KR_CHANNEL_CHOOSER (object)->channel);

  G_OBJECT_CLASS (kr_channel_chooser_parent_class)->finalize (object);
}

static void
kr_channel_chooser_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHANNEL:
      g_value_set_string (value, KR_CHANNEL_CHOOSER (object)->channel);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_channel_chooser_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CHANNEL:
      kr_channel_chooser_set_channel (KR_CHANNEL_CHOOSER (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
kr_channel_chooser_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (KR_CHANNEL_CHOOSER (widget)->drop_down));
}

static void
kr_channel_chooser_class_init (KrChannelChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kr_channel_chooser_dispose;
  object_class->finalize = kr_channel_chooser_finalize;
  object_class->get_property = kr_channel_chooser_get_property;
  object_class->set_property = kr_channel_chooser_set_property;
  widget_class->grab_focus = kr_channel_chooser_grab_focus;

  /* "", a known channel's id, or free text; NULL while mixed */
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kr-channel-chooser");
}

static void
kr_channel_chooser_init (KrChannelChooser *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, C_("channel", "None"));
  for (KrChannel channel = 1; channel < KR_N_CHANNELS; channel++)
    gtk_string_list_append (names, kr_channel_get_display_name (kr_channel_to_string (channel)));
  gtk_string_list_append (names, C_("channel", "Other"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_drop_down_set_selected (self->drop_down, GTK_INVALID_LIST_POSITION);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Channel"), -1);
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (drop_down_selected_cb), self);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, _("Name of the channel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the channel"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->entry), FALSE);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);

  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->drop_down));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->entry));

  self->mixed = TRUE;
}

GtkWidget *
kr_channel_chooser_new (void)
{
  return g_object_new (KR_TYPE_CHANNEL_CHOOSER, NULL);
}

const char *
kr_channel_chooser_get_channel (KrChannelChooser *self)
{
  g_return_val_if_fail (KR_IS_CHANNEL_CHOOSER (self), NULL);
  return self->channel;
}

static void
sync_widgets (KrChannelChooser *self)
{
  KrChannel known = kr_channel_from_string (self->channel);
  guint position;

  if (self->mixed)
    position = GTK_INVALID_LIST_POSITION;
  else if (known != KR_CHANNEL_OTHER)
    position = known;
  else if (*self->channel == '\0' && gtk_drop_down_get_selected (self->drop_down) != POSITION_OTHER)
    position = POSITION_NONE;
  else
    position = POSITION_OTHER;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->drop_down, position);
  if (position == POSITION_OTHER && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), self->channel) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), self->channel);
  self->syncing = FALSE;
}

/* Shows @channel; does nothing if it is already shown, so that typing is not disturbed. */
void
kr_channel_chooser_set_channel (KrChannelChooser *self,
                                const char       *channel)
{
  g_return_if_fail (KR_IS_CHANNEL_CHOOSER (self));

  if (channel == NULL)
    channel = "";
  if (!self->mixed && g_str_equal (channel, self->channel))
    return;

  g_free (self->channel);
  self->channel = g_strdup (channel);
  self->mixed = FALSE;
  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

/* Chooses nothing: the cards shown have different channels. */
void
kr_channel_chooser_set_mixed (KrChannelChooser *self)
{
  g_return_if_fail (KR_IS_CHANNEL_CHOOSER (self));

  if (self->mixed)
    return;

  g_clear_pointer (&self->channel, g_free);
  self->mixed = TRUE;
  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

gboolean
kr_channel_chooser_get_mixed (KrChannelChooser *self)
{
  g_return_val_if_fail (KR_IS_CHANNEL_CHOOSER (self), FALSE);
  return self->mixed;
}

GtkDropDown *
kr_channel_chooser_get_drop_down (KrChannelChooser *self)
{
  g_return_val_if_fail (KR_IS_CHANNEL_CHOOSER (self), NULL);
  return self->drop_down;
}

GtkEditable *
kr_channel_chooser_get_entry (KrChannelChooser *self)
{
  g_return_val_if_fail (KR_IS_CHANNEL_CHOOSER (self), NULL);
  return GTK_EDITABLE (self->entry);
}
