/* kr-channel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "kr-channel.h"

static const struct {
  const char *id;
  const char *display_name;
} channels[KR_N_CHANNELS] = {
  [KR_CHANNEL_OTHER] = { "", NULL },
  [KR_CHANNEL_WEBSITE] = { "website", N_("Website") },
  [KR_CHANNEL_EMAIL] = { "email", N_("E-mail") },
  [KR_CHANNEL_PHONE] = { "phone", N_("Phone") },
  [KR_CHANNEL_STORE] = { "store", N_("Store") },
  [KR_CHANNEL_SOCIAL] = { "social", N_("Social media") },
  [KR_CHANNEL_EVENT] = { "event", N_("Event") },
  [KR_CHANNEL_AD] = { "ad", N_("Advertising") },
  [KR_CHANNEL_REVIEW] = { "review", N_("Review site") },
  [KR_CHANNEL_CHAT] = { "chat", N_("Chat") },
  [KR_CHANNEL_APP] = { "app", N_("App") },
  [KR_CHANNEL_LETTER] = { "letter", N_("Letter") },
};

/* A known channel, or KR_CHANNEL_OTHER for free text and the empty string. */
KrChannel
kr_channel_from_string (const char *channel)
{
  for (guint i = 1; i < KR_N_CHANNELS; i++)
    if (g_strcmp0 (channels[i].id, channel) == 0)
      return i;

  return KR_CHANNEL_OTHER;
}

const char *
kr_channel_to_string (KrChannel channel)
{
  g_return_val_if_fail (channel < KR_N_CHANNELS, "");

  return channels[channel].id;
}

/* How to show @channel to people: the translated name of a known one, else its own text. */
const char *
kr_channel_get_display_name (const char *channel)
{
  KrChannel known = kr_channel_from_string (channel);

  if (known == KR_CHANNEL_OTHER)
    return channel ? channel : "";

  return _(channels[known].display_name);
}
