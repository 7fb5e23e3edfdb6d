/* kr-phase.h: a column of the journey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-item.h"

G_BEGIN_DECLS

#define KR_PHASE_DEFAULT_WIDTH 360.0

#define KR_TYPE_PHASE (kr_phase_get_type ())
G_DECLARE_FINAL_TYPE (KrPhase, kr_phase, KR, PHASE, KrItem)

KrPhase    *kr_phase_new             (const char *id);
const char *kr_phase_get_title       (KrPhase    *self);
const char *kr_phase_get_description (KrPhase    *self);
double      kr_phase_get_width       (KrPhase    *self);
const char *kr_phase_get_color       (KrPhase    *self);

G_END_DECLS
