/* kr-group-command.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-group-command.h"

struct _KrGroupCommand
{
  KrCommand parent_instance;

  GPtrArray *commands;
};

G_DEFINE_FINAL_TYPE (KrGroupCommand, kr_group_command, KR_TYPE_COMMAND)

static void
kr_group_command_apply (KrCommand *command,
                        KrMap     *map)
{
  KrGroupCommand *self = KR_GROUP_COMMAND (command);

  for (guint i = 0; i < self->commands->len; i++)
    kr_command_apply (g_ptr_array_index (self->commands, i), map);
}

static void
kr_group_command_revert (KrCommand *command,
                         KrMap     *map)
{
  KrGroupCommand *self = KR_GROUP_COMMAND (command);

  for (guint i = self->commands->len; i > 0; i--)
    kr_command_revert (g_ptr_array_index (self->commands, i - 1), map);
}

static void
kr_group_command_finalize (GObject *object)
{
  KrGroupCommand *self = KR_GROUP_COMMAND (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (kr_group_command_parent_class)->finalize (object);
}

static void
kr_group_command_class_init (KrGroupCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KrCommandClass *command_class = KR_COMMAND_CLASS (klass);

  object_class->finalize = kr_group_command_finalize;
  command_class->apply = kr_group_command_apply;
  command_class->revert = kr_group_command_revert;
}

static void
kr_group_command_init (KrGroupCommand *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

KrGroupCommand *
kr_group_command_new (const char *description)
{
  return g_object_new (KR_TYPE_GROUP_COMMAND, "description", description, NULL);
}

/**
 * kr_group_command_add:
 * @command: (transfer full): the next part, applied after the ones added before
 */
void
kr_group_command_add (KrGroupCommand *self,
                      KrCommand      *command)
{
  g_return_if_fail (KR_IS_GROUP_COMMAND (self));
  g_return_if_fail (KR_IS_COMMAND (command));

  g_ptr_array_add (self->commands, command);
}

guint
kr_group_command_get_n_commands (KrGroupCommand *self)
{
  g_return_val_if_fail (KR_IS_GROUP_COMMAND (self), 0);

  return self->commands->len;
}
