/* kr-channel.h: the known channels of a touchpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KR_CHANNEL_OTHER,   /* free text */
  KR_CHANNEL_WEBSITE,
  KR_CHANNEL_EMAIL,
  KR_CHANNEL_PHONE,
  KR_CHANNEL_STORE,
  KR_CHANNEL_SOCIAL,
  KR_CHANNEL_EVENT,
  KR_CHANNEL_AD,
  KR_CHANNEL_REVIEW,
  KR_CHANNEL_CHAT,
  KR_CHANNEL_APP,
  KR_CHANNEL_LETTER,
  KR_N_CHANNELS
} KrChannel;

KrChannel   kr_channel_from_string      (const char *channel);
const char *kr_channel_to_string        (KrChannel   channel);
const char *kr_channel_get_display_name (const char *channel);

G_END_DECLS
