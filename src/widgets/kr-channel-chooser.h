/* kr-channel-chooser.h: a touchpoint's channel, one of the known ones or free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KR_TYPE_CHANNEL_CHOOSER (kr_channel_chooser_get_type ())
G_DECLARE_FINAL_TYPE (KrChannelChooser, kr_channel_chooser, KR, CHANNEL_CHOOSER, GtkWidget)

GtkWidget   *kr_channel_chooser_new           (void);
const char  *kr_channel_chooser_get_channel   (KrChannelChooser *self);
void         kr_channel_chooser_set_channel   (KrChannelChooser *self,
                                               const char       *channel);
void         kr_channel_chooser_set_mixed     (KrChannelChooser *self);
gboolean     kr_channel_chooser_get_mixed     (KrChannelChooser *self);
GtkDropDown *kr_channel_chooser_get_drop_down (KrChannelChooser *self);
GtkEditable *kr_channel_chooser_get_entry     (KrChannelChooser *self);

G_END_DECLS
