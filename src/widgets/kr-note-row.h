/* kr-note-row.h: one note of a touchpoint, editable, in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kr-editor.h"
#include "kr-text-area.h"

G_BEGIN_DECLS

#define KR_TYPE_NOTE_ROW (kr_note_row_get_type ())
G_DECLARE_FINAL_TYPE (KrNoteRow, kr_note_row, KR, NOTE_ROW, GtkListBoxRow)

GtkWidget  *kr_note_row_new               (KrEditor     *editor,
                                           KrTouchpoint *touchpoint,
                                           KrNote       *note);
KrNote     *kr_note_row_get_note          (KrNoteRow    *self);
KrTextArea *kr_note_row_get_text_area     (KrNoteRow    *self);
GtkButton  *kr_note_row_get_delete_button (KrNoteRow    *self);

G_END_DECLS
