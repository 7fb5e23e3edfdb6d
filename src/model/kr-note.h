/* kr-note.h: a dated remark on a touchpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-field.h"

G_BEGIN_DECLS

#define KR_TYPE_NOTE (kr_note_get_type ())
G_DECLARE_FINAL_TYPE (KrNote, kr_note, KR, NOTE, GObject)

KrNote        *kr_note_new         (const char *text,
                                    const char *created);
KrNote        *kr_note_copy        (KrNote     *self);
const char    *kr_note_get_text    (KrNote     *self);
const char    *kr_note_get_created (KrNote     *self);
const KrField *kr_note_get_fields  (guint      *n_fields);

G_END_DECLS
