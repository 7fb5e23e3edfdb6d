/* kr-set-property-command.c
 *
 * Successive changes of the same property of the same object merge into one step, so that
 * typing a title or dragging a slider is undone at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-set-property-command.h"

struct _KrSetPropertyCommand
{
  KrCommand parent_instance;

  GObject *object;
  GParamSpec *pspec;
  GValue old_value;
  GValue new_value;
};

G_DEFINE_FINAL_TYPE (KrSetPropertyCommand, kr_set_property_command, KR_TYPE_COMMAND)

static void
kr_set_property_command_apply (KrCommand *command,
                               KrMap     *map)
{
  KrSetPropertyCommand *self = KR_SET_PROPERTY_COMMAND (command);

  g_object_set_property (self->object, self->pspec->name, &self->new_value);
}

static void
kr_set_property_command_revert (KrCommand *command,
                                KrMap     *map)
{
  KrSetPropertyCommand *self = KR_SET_PROPERTY_COMMAND (command);

  g_object_set_property (self->object, self->pspec->name, &self->old_value);
}

static gboolean
kr_set_property_command_merge (KrCommand *command,
                               KrCommand *next_command)
{
  KrSetPropertyCommand *self = KR_SET_PROPERTY_COMMAND (command);
  KrSetPropertyCommand *next;

  if (!KR_IS_SET_PROPERTY_COMMAND (next_command))
    return FALSE;

  next = KR_SET_PROPERTY_COMMAND (next_command);
  if (next->object != self->object || next->pspec != self->pspec)
    return FALSE;

  g_value_copy (&next->new_value, g_value_reset (&self->new_value));
  return TRUE;
}

static void
kr_set_property_command_dispose (GObject *object)
{
  KrSetPropertyCommand *self = KR_SET_PROPERTY_COMMAND (object);

  g_clear_object (&self->object);

  G_OBJECT_CLASS (kr_set_property_command_parent_class)->dispose (object);
}

static void
kr_set_property_command_finalize (GObject *object)
{
  KrSetPropertyCommand *self = KR_SET_PROPERTY_COMMAND (object);

  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);

  G_OBJECT_CLASS (kr_set_property_command_parent_class)->finalize (object);
}

static void
kr_set_property_command_class_init (KrSetPropertyCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KrCommandClass *command_class = KR_COMMAND_CLASS (klass);

  object_class->dispose = kr_set_property_command_dispose;
  object_class->finalize = kr_set_property_command_finalize;

  command_class->apply = kr_set_property_command_apply;
  command_class->revert = kr_set_property_command_revert;
  command_class->merge = kr_set_property_command_merge;
}

static void
kr_set_property_command_init (KrSetPropertyCommand *self)
{
}

/**
 * kr_set_property_command_new:
 * @object: a #KrMap, #KrItem or #KrNote
 * @value: the new value; the current one is remembered for undo
 */
KrCommand *
kr_set_property_command_new (gpointer      object,
                             const char   *property,
                             const GValue *value,
                             const char   *description)
{
  KrSetPropertyCommand *self;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, NULL);

  self = g_object_new (KR_TYPE_SET_PROPERTY_COMMAND, "description", description, NULL);
  self->object = g_object_ref (object);
  self->pspec = pspec;

  g_value_init (&self->old_value, pspec->value_type);
  g_object_get_property (object, property, &self->old_value);
  g_value_init (&self->new_value, pspec->value_type);
  g_value_transform (value, &self->new_value);

  return KR_COMMAND (self);
}
