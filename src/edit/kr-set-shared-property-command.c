/* kr-set-shared-property-command.c
 *
 * The multi-selection counterpart of KrSetPropertyCommand: one new value for all objects,
 * each object's own old value for undo. Successive changes of the same property of the same
 * objects merge, so that typing a channel name for several cards is undone at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-set-shared-property-command.h"

struct _KrSetSharedPropertyCommand
{
  KrCommand parent_instance;

  GPtrArray *objects;
  GParamSpec *pspec;
  GArray *old_values;   /* of GValue, one per object */
  GValue new_value;
};

G_DEFINE_FINAL_TYPE (KrSetSharedPropertyCommand, kr_set_shared_property_command, KR_TYPE_COMMAND)

static void
kr_set_shared_property_command_apply (KrCommand *command,
                                      KrMap     *map)
{
  KrSetSharedPropertyCommand *self = KR_SET_SHARED_PROPERTY_COMMAND (command);

  for (guint i = 0; i < self->objects->len; i++)
    g_object_set_property (self->objects->pdata[i], self->pspec->name, &self->new_value);
}

static void
kr_set_shared_property_command_revert (KrCommand *command,
                                       KrMap     *map)
{
  KrSetSharedPropertyCommand *self = KR_SET_SHARED_PROPERTY_COMMAND (command);

  for (guint i = self->objects->len; i > 0; i--)
    g_object_set_property (self->objects->pdata[i - 1], self->pspec->name,
                           &g_array_index (self->old_values, GValue, i - 1));
}

static gboolean
same_objects (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;

  return TRUE;
}

static gboolean
kr_set_shared_property_command_merge (KrCommand *command,
                                      KrCommand *next_command)
{
  KrSetSharedPropertyCommand *self = KR_SET_SHARED_PROPERTY_COMMAND (command);
  KrSetSharedPropertyCommand *next;

  if (!KR_IS_SET_SHARED_PROPERTY_COMMAND (next_command))
    return FALSE;

  next = KR_SET_SHARED_PROPERTY_COMMAND (next_command);
  if (next->pspec != self->pspec || !same_objects (self->objects, next->objects))
    return FALSE;

  g_value_copy (&next->new_value, g_value_reset (&self->new_value));
  return TRUE;
}

static void
kr_set_shared_property_command_dispose (GObject *object)
{
  KrSetSharedPropertyCommand *self = KR_SET_SHARED_PROPERTY_COMMAND (object);

  g_clear_pointer (&self->objects, g_ptr_array_unref);

  G_OBJECT_CLASS (kr_set_shared_property_command_parent_class)->dispose (object);
}

static void
kr_set_shared_property_command_finalize (GObject *object)
{
  KrSetSharedPropertyCommand *self = KR_SET_SHARED_PROPERTY_COMMAND (object);

  g_clear_pointer (&self->old_values, g_array_unref);
  g_value_unset (&self->new_value);

  G_OBJECT_CLASS (kr_set_shared_property_command_parent_class)->finalize (object);
}

static void
kr_set_shared_property_command_class_init (KrSetSharedPropertyCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KrCommandClass *command_class = KR_COMMAND_CLASS (klass);

  object_class->dispose = kr_set_shared_property_command_dispose;
  object_class->finalize = kr_set_shared_property_command_finalize;

  command_class->apply = kr_set_shared_property_command_apply;
  command_class->revert = kr_set_shared_property_command_revert;
  command_class->merge = kr_set_shared_property_command_merge;
}

static void
kr_set_shared_property_command_init (KrSetSharedPropertyCommand *self)
{
  self->old_values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (self->old_values, (GDestroyNotify) g_value_unset);
}

/**
 * kr_set_shared_property_command_new:
 * @objects: objects of one class (#KrItem or #KrNote) that have @property
 * @value: the new value of all of them; their current ones are remembered for undo
 */
KrCommand *
kr_set_shared_property_command_new (GPtrArray    *objects,
                                    const char   *property,
                                    const GValue *value,
                                    const char   *description)
{
  KrSetSharedPropertyCommand *self;
  GParamSpec *pspec;

  g_return_val_if_fail (objects != NULL && objects->len > 0, NULL);
  g_return_val_if_fail (G_IS_OBJECT (objects->pdata[0]), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (objects->pdata[0]), property);
  g_return_val_if_fail (pspec != NULL, NULL);
  for (guint i = 1; i < objects->len; i++)
    g_return_val_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (objects->pdata[i]), property) == pspec, NULL);

  self = g_object_new (KR_TYPE_SET_SHARED_PROPERTY_COMMAND, "description", description, NULL);
  self->objects = g_ptr_array_new_full (objects->len, g_object_unref);
  self->pspec = pspec;
  g_array_set_size (self->old_values, objects->len);

  for (guint i = 0; i < objects->len; i++)
    {
      GValue *old_value = &g_array_index (self->old_values, GValue, i);

      g_ptr_array_add (self->objects, g_object_ref (objects->pdata[i]));
      g_value_init (old_value, pspec->value_type);
      g_object_get_property (objects->pdata[i], property, old_value);
    }

  g_value_init (&self->new_value, pspec->value_type);
  g_value_transform (value, &self->new_value);

  return KR_COMMAND (self);
}
