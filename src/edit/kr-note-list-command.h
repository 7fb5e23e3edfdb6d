/* kr-note-list-command.h: adding and removing a note of a touchpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-command.h"

G_BEGIN_DECLS

#define KR_TYPE_NOTE_LIST_COMMAND (kr_note_list_command_get_type ())
G_DECLARE_FINAL_TYPE (KrNoteListCommand, kr_note_list_command, KR, NOTE_LIST_COMMAND, KrCommand)

KrCommand *kr_note_list_command_new_insert (KrTouchpoint *touchpoint,
                                            guint         position,
                                            KrNote       *note,
                                            const char   *description);
KrCommand *kr_note_list_command_new_remove (KrTouchpoint *touchpoint,
                                            KrNote       *note,
                                            const char   *description);

G_END_DECLS
