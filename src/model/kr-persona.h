/* kr-persona.h: a described customer type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-item.h"

G_BEGIN_DECLS

#define KR_TYPE_PERSONA (kr_persona_get_type ())
G_DECLARE_FINAL_TYPE (KrPersona, kr_persona, KR, PERSONA, KrItem)

KrPersona *kr_persona_new (const char *id);
const char *kr_persona_get_name (KrPersona *self);
const char *kr_persona_get_role (KrPersona *self);
int kr_persona_get_age (KrPersona *self);
const char *kr_persona_get_quote (KrPersona *self);
const char *kr_persona_get_photo (KrPersona *self);
const char *kr_persona_get_color (KrPersona *self);

G_END_DECLS
