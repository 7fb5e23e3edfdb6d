/* kr-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-item.h"

#include "kr-connection.h"
#include "kr-lane.h"
#include "kr-persona.h"
#include "kr-phase.h"
#include "kr-touchpoint.h"

typedef struct
{
  char *id;
} KrItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KrItem, kr_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kr_item_finalize (GObject *object)
{
  KrItemPrivate *priv = kr_item_get_instance_private (KR_ITEM (object));

  g_clear_pointer (&priv->id, g_free);

  G_OBJECT_CLASS (kr_item_parent_class)->finalize (object);
}

static void
kr_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KrItem *self = KR_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, kr_item_get_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KrItem *self = KR_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      kr_item_set_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_item_class_init (KrItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kr_item_finalize;
  object_class->get_property = kr_item_get_property;
  object_class->set_property = kr_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kr_item_init (KrItem *self)
{
}

const char *
kr_item_get_id (KrItem *self)
{
  KrItemPrivate *priv = kr_item_get_instance_private (self);

  g_return_val_if_fail (KR_IS_ITEM (self), NULL);

  return priv->id ? priv->id : "";
}

void
kr_item_set_id (KrItem     *self,
                const char *id)
{
  KrItemPrivate *priv = kr_item_get_instance_private (self);

  g_return_if_fail (KR_IS_ITEM (self));

  if (kr_set_string (&priv->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

KrItemKind
kr_item_get_kind (KrItem *self)
{
  g_return_val_if_fail (KR_IS_ITEM (self), KR_ITEM_PHASE);

  return KR_ITEM_GET_CLASS (self)->kind;
}

/* The name of the top-level array holding items of @kind in the file format. */
const char *
kr_item_kind_get_member_name (KrItemKind kind)
{
  static const char * const names[KR_N_ITEM_KINDS] = {
    "phases", "lanes", "personas", "touchpoints", "connections",
  };

  g_return_val_if_fail (kind < KR_N_ITEM_KINDS, NULL);

  return names[kind];
}

/* The prefix of generated ids ("t12") of items of @kind. */
const char *
kr_item_kind_get_id_prefix (KrItemKind kind)
{
  static const char * const prefixes[KR_N_ITEM_KINDS] = { "p", "l", "u", "t", "c" };

  g_return_val_if_fail (kind < KR_N_ITEM_KINDS, NULL);

  return prefixes[kind];
}

/* A new item of the same type with the same id and field values. Notes and other
 * non-field content are the subclass' business (see kr_touchpoint_copy_notes()). */
KrItem *
kr_item_copy (KrItem *self)
{
  KrItemClass *klass;
  KrItem *copy;

  g_return_val_if_fail (KR_IS_ITEM (self), NULL);

  klass = KR_ITEM_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), "id", kr_item_get_id (self), NULL);
  kr_fields_copy (copy, self, klass->fields, klass->n_fields);

  return copy;
}

GType
kr_item_kind_get_type (KrItemKind kind)
{
  switch (kind)
    {
    case KR_ITEM_PHASE:
      return KR_TYPE_PHASE;
    case KR_ITEM_LANE:
      return KR_TYPE_LANE;
    case KR_ITEM_PERSONA:
      return KR_TYPE_PERSONA;
    case KR_ITEM_TOUCHPOINT:
      return KR_TYPE_TOUCHPOINT;
    case KR_ITEM_CONNECTION:
      return KR_TYPE_CONNECTION;
    case KR_N_ITEM_KINDS:
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}
