/* kr-lane.h: a row of the journey (a channel band such as Online)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-item.h"

G_BEGIN_DECLS

#define KR_TYPE_LANE (kr_lane_get_type ())
G_DECLARE_FINAL_TYPE (KrLane, kr_lane, KR, LANE, KrItem)

#define KR_LANE_DEFAULT_HEIGHT 260.0

KrLane *kr_lane_new (const char *id);
const char *kr_lane_get_title (KrLane *self);
double kr_lane_get_height (KrLane *self);

G_END_DECLS
