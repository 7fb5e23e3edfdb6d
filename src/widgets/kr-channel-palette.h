/* kr-channel-palette.h: touchpoint types to drag onto the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KR_TYPE_CHANNEL_PALETTE (kr_channel_palette_get_type ())
G_DECLARE_FINAL_TYPE (KrChannelPalette, kr_channel_palette, KR, CHANNEL_PALETTE, GtkWidget)

GtkWidget *kr_channel_palette_new (void);

G_END_DECLS
