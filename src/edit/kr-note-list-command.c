/* kr-note-list-command.c
 *
 * One note going into a touchpoint's list or out of it. Like KrItemListCommand, removing
 * looks the note up when it is applied and remembers where it was, so that undo puts it
 * back in the same place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-note-list-command.h"

struct _KrNoteListCommand
{
  KrCommand parent_instance;

  KrTouchpoint *touchpoint;
  KrNote *note;
  gboolean insert;
  guint position;
};

G_DEFINE_FINAL_TYPE (KrNoteListCommand, kr_note_list_command, KR_TYPE_COMMAND)

static void
insert_note (KrNoteListCommand *self)
{
  kr_touchpoint_insert_note (self->touchpoint, self->position, self->note);
}

static void
remove_note (KrNoteListCommand *self)
{
  if (!g_list_store_find (G_LIST_STORE (kr_touchpoint_get_notes (self->touchpoint)), self->note, &self->position))
    g_return_if_reached ();

  kr_touchpoint_remove_note (self->touchpoint, self->position);
}

static void
kr_note_list_command_apply (KrCommand *command,
                            KrMap     *map)
{
  KrNoteListCommand *self = KR_NOTE_LIST_COMMAND (command);

  if (self->insert)
    insert_note (self);
  else
    remove_note (self);
}

static void
kr_note_list_command_revert (KrCommand *command,
                             KrMap     *map)
{
  KrNoteListCommand *self = KR_NOTE_LIST_COMMAND (command);

  if (self->insert)
    remove_note (self);
  else
    insert_note (self);
}

static void
kr_note_list_command_dispose (GObject *object)
{
  KrNoteListCommand *self = KR_NOTE_LIST_COMMAND (object);

  g_clear_object (&self->touchpoint);
  g_clear_object (&self->note);

  G_OBJECT_CLASS (kr_note_list_command_parent_class)->dispose (object);
}

static void
kr_note_list_command_class_init (KrNoteListCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KrCommandClass *command_class = KR_COMMAND_CLASS (klass);

  object_class->dispose = kr_note_list_command_dispose;
  command_class->apply = kr_note_list_command_apply;
  command_class->revert = kr_note_list_command_revert;
}

static void
kr_note_list_command_init (KrNoteListCommand *self)
{
}

static KrCommand *
create (KrTouchpoint *touchpoint,
        KrNote       *note,
        gboolean      insert,
        guint         position,
        const char   *description)
{
  KrNoteListCommand *self = g_object_new (KR_TYPE_NOTE_LIST_COMMAND, "description", description, NULL);

  self->touchpoint = g_object_ref (touchpoint);
  self->note = g_object_ref (note);
  self->insert = insert;
  self->position = position;

  return KR_COMMAND (self);
}

/* Inserts @note (not yet on any touchpoint) at @position (clamped to the end). */
KrCommand *
kr_note_list_command_new_insert (KrTouchpoint *touchpoint,
                                 guint         position,
                                 KrNote       *note,
                                 const char   *description)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (touchpoint), NULL);
  g_return_val_if_fail (KR_IS_NOTE (note), NULL);

  return create (touchpoint, note, TRUE, position, description);
}

/* Removes @note, one of @touchpoint's notes. */
KrCommand *
kr_note_list_command_new_remove (KrTouchpoint *touchpoint,
                                 KrNote       *note,
                                 const char   *description)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (touchpoint), NULL);
  g_return_val_if_fail (KR_IS_NOTE (note), NULL);

  return create (touchpoint, note, FALSE, 0, description);
}
