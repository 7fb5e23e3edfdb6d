/* kr-persona-row.h: a persona in the persona panel's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kr-persona.h"

G_BEGIN_DECLS

#define KR_TYPE_PERSONA_ROW (kr_persona_row_get_type ())
G_DECLARE_FINAL_TYPE (KrPersonaRow, kr_persona_row, KR, PERSONA_ROW, GtkListBoxRow)

GtkWidget *kr_persona_row_new         (KrPersona    *persona);
KrPersona *kr_persona_row_get_persona (KrPersonaRow *self);

G_END_DECLS
