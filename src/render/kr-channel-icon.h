/* kr-channel-icon.h: small vector pictograms for touchpoint channels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "kr-channel.h"

G_BEGIN_DECLS

void kr_channel_icon_draw (cairo_t   *cr,
                           KrChannel  channel,
                           double     x,
                           double     y,
                           double     size);

G_END_DECLS
