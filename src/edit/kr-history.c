/* kr-history.c
 *
 * One list of commands and a position in it: commands before the position are applied,
 * those after it can be redone. "Modified" is simply position ≠ save point, so undoing back
 * to the saved state makes the document unmodified again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-history.h"

struct _KrHistory
{
  GObject parent_instance;

  KrMap *map;
  GPtrArray *commands;
  guint position;
  gint64 save_point;        /* −1 when the saved state was dropped from the redo list */
  gboolean merge_allowed;
};

G_DEFINE_FINAL_TYPE (KrHistory, kr_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kr_history_dispose (GObject *object)
{
  KrHistory *self = KR_HISTORY (object);

  g_clear_object (&self->map);
  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (kr_history_parent_class)->dispose (object);
}

static void
kr_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KrHistory *self = KR_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, kr_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, kr_history_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, kr_history_is_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_history_class_init (KrHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kr_history_dispose;
  object_class->get_property = kr_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kr_history_init (KrHistory *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

KrHistory *
kr_history_new (KrMap *map)
{
  KrHistory *self;

  g_return_val_if_fail (KR_IS_MAP (map), NULL);

  self = g_object_new (KR_TYPE_HISTORY, NULL);
  self->map = g_object_ref (map);

  return self;
}

KrMap *
kr_history_get_map (KrHistory *self)
{
  g_return_val_if_fail (KR_IS_HISTORY (self), NULL);

  return self->map;
}

/* Notifies the properties that follow from the position. */
static void
position_changed (KrHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * kr_history_push:
 * @command: (transfer full): the change to make
 *
 * Applies @command to the map and records it as the next step, dropping what could have
 * been redone. A command that merges into the previous one extends that step instead.
 */
void
kr_history_push (KrHistory *self,
                 KrCommand *command)
{
  g_autoptr(KrCommand) owned = command;

  g_return_if_fail (KR_IS_HISTORY (self));
  g_return_if_fail (KR_IS_COMMAND (command));

  kr_command_apply (command, self->map);

  if (self->position < self->commands->len)
    {
      if (self->save_point > self->position)
        self->save_point = -1;
      g_ptr_array_set_size (self->commands, self->position);
    }

  if (self->merge_allowed && self->position > 0 && self->save_point != self->position &&
      kr_command_merge (g_ptr_array_index (self->commands, self->position - 1), command))
    {
      position_changed (self);
      return;
    }

  g_ptr_array_add (self->commands, g_steal_pointer (&owned));
  self->position++;
  self->merge_allowed = TRUE;
  position_changed (self);
}

gboolean
kr_history_undo (KrHistory *self)
{
  g_return_val_if_fail (KR_IS_HISTORY (self), FALSE);

  if (!kr_history_can_undo (self))
    return FALSE;

  self->position--;
  kr_command_revert (g_ptr_array_index (self->commands, self->position), self->map);
  self->merge_allowed = FALSE;
  position_changed (self);
  return TRUE;
}

gboolean
kr_history_redo (KrHistory *self)
{
  g_return_val_if_fail (KR_IS_HISTORY (self), FALSE);

  if (!kr_history_can_redo (self))
    return FALSE;

  kr_command_apply (g_ptr_array_index (self->commands, self->position), self->map);
  self->position++;
  self->merge_allowed = FALSE;
  position_changed (self);
  return TRUE;
}

gboolean
kr_history_can_undo (KrHistory *self)
{
  g_return_val_if_fail (KR_IS_HISTORY (self), FALSE);

  return self->position > 0;
}

gboolean
kr_history_can_redo (KrHistory *self)
{
  g_return_val_if_fail (KR_IS_HISTORY (self), FALSE);

  return self->position < self->commands->len;
}

const char *
kr_history_get_undo_description (KrHistory *self)
{
  if (!kr_history_can_undo (self))
    return NULL;

  return kr_command_get_description (g_ptr_array_index (self->commands, self->position - 1));
}

const char *
kr_history_get_redo_description (KrHistory *self)
{
  if (!kr_history_can_redo (self))
    return NULL;

  return kr_command_get_description (g_ptr_array_index (self->commands, self->position));
}

/* The map as it is now is what the file on disk holds. */
void
kr_history_mark_saved (KrHistory *self)
{
  g_return_if_fail (KR_IS_HISTORY (self));

  self->save_point = self->position;
  self->merge_allowed = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

gboolean
kr_history_is_modified (KrHistory *self)
{
  g_return_val_if_fail (KR_IS_HISTORY (self), FALSE);

  return self->save_point != (gint64) self->position;
}

/* The next command starts a step of its own, even if it could merge (end of typing). */
void
kr_history_break_merge (KrHistory *self)
{
  g_return_if_fail (KR_IS_HISTORY (self));

  self->merge_allowed = FALSE;
}
