/* kr-command.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-command.h"

typedef struct
{
  char *description;
} KrCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KrCommand, kr_command, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
kr_command_real_merge (KrCommand *self,
                       KrCommand *next)
{
  return FALSE;
}

static void
kr_command_finalize (GObject *object)
{
  KrCommandPrivate *priv = kr_command_get_instance_private (KR_COMMAND (object));

  g_clear_pointer (&priv->description, g_free);

  G_OBJECT_CLASS (kr_command_parent_class)->finalize (object);
}

static void
kr_command_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, kr_command_get_description (KR_COMMAND (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_command_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      kr_command_set_description (KR_COMMAND (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_command_class_init (KrCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kr_command_finalize;
  object_class->get_property = kr_command_get_property;
  object_class->set_property = kr_command_set_property;

  klass->merge = kr_command_real_merge;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kr_command_init (KrCommand *self)
{
}

/* What the command does, for people ("Move touchpoint"), translated. */
const char *
kr_command_get_description (KrCommand *self)
{
  KrCommandPrivate *priv = kr_command_get_instance_private (self);

  g_return_val_if_fail (KR_IS_COMMAND (self), NULL);

  return priv->description ? priv->description : "";
}

void
kr_command_set_description (KrCommand  *self,
                            const char *description)
{
  KrCommandPrivate *priv = kr_command_get_instance_private (self);

  g_return_if_fail (KR_IS_COMMAND (self));

  if (kr_set_string (&priv->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

void
kr_command_apply (KrCommand *self,
                  KrMap     *map)
{
  g_return_if_fail (KR_IS_COMMAND (self));

  KR_COMMAND_GET_CLASS (self)->apply (self, map);
}

void
kr_command_revert (KrCommand *self,
                   KrMap     *map)
{
  g_return_if_fail (KR_IS_COMMAND (self));

  KR_COMMAND_GET_CLASS (self)->revert (self, map);
}

gboolean
kr_command_merge (KrCommand *self,
                  KrCommand *next)
{
  g_return_val_if_fail (KR_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (KR_IS_COMMAND (next), FALSE);

  return KR_COMMAND_GET_CLASS (self)->merge (self, next);
}
