/* kr-connection.h: a directed arrow between two touchpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-item.h"

G_BEGIN_DECLS

#define KR_TYPE_CONNECTION (kr_connection_get_type ())
G_DECLARE_FINAL_TYPE (KrConnection, kr_connection, KR, CONNECTION, KrItem)

KrConnection *kr_connection_new (const char *id);
const char *kr_connection_get_from_id (KrConnection *self);
const char *kr_connection_get_to_id (KrConnection *self);
const char *kr_connection_get_label (KrConnection *self);
const char *kr_connection_get_style (KrConnection *self);
GVariant *kr_connection_get_waypoints (KrConnection *self);
gboolean kr_connection_is_dashed (KrConnection *self);

G_END_DECLS
