/* kr-connection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-connection.h"

struct _KrConnection
{
  KrItem parent_instance;

  char *from_id;
  char *to_id;
  char *label;
  char *style;
  GVariant *waypoints;
};

G_DEFINE_FINAL_TYPE (KrConnection, kr_connection, KR_TYPE_ITEM)

static const char * const style_choices[] = { "solid", "dashed", NULL };

#define OFFSET(member) G_STRUCT_OFFSET (KrConnection, member)

static const KrField connection_fields[] = {
  { "from", "from-id", NULL, KR_FIELD_STRING, KR_FIELD_REFERENCE | KR_FIELD_REQUIRED, OFFSET (from_id), .fallback_string = "", .ref_kind = KR_ITEM_TOUCHPOINT },
  { "to", "to-id", NULL, KR_FIELD_STRING, KR_FIELD_REFERENCE | KR_FIELD_REQUIRED, OFFSET (to_id), .fallback_string = "", .ref_kind = KR_ITEM_TOUCHPOINT },
  { "label", "label", NULL, KR_FIELD_STRING, 0, OFFSET (label), .fallback_string = "" },
  { "style", "style", NULL, KR_FIELD_STRING, KR_FIELD_CHOICE, OFFSET (style), .fallback_string = "solid", .choices = style_choices },
  { "waypoints", "waypoints", NULL, KR_FIELD_POINTS, 0, OFFSET (waypoints) },
};

static GParamSpec *properties[G_N_ELEMENTS (connection_fields)];

KR_FIELDS_DEFINE_PROPERTY_HANDLERS (kr_connection, connection_fields)

static void
kr_connection_finalize (GObject *object)
{
  kr_fields_clear (object, connection_fields, G_N_ELEMENTS (connection_fields));

  G_OBJECT_CLASS (kr_connection_parent_class)->finalize (object);
}

static void
kr_connection_class_init (KrConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KrItemClass *item_class = KR_ITEM_CLASS (klass);

  object_class->finalize = kr_connection_finalize;
  object_class->get_property = kr_connection_get_property;
  object_class->set_property = kr_connection_set_property;

  item_class->kind = KR_ITEM_CONNECTION;
  item_class->fields = connection_fields;
  item_class->n_fields = G_N_ELEMENTS (connection_fields);

  kr_fields_install (object_class, 1, connection_fields, G_N_ELEMENTS (connection_fields), properties);
}

static void
kr_connection_init (KrConnection *self)
{
  kr_fields_init (self, connection_fields, G_N_ELEMENTS (connection_fields));
}

KrConnection *
kr_connection_new (const char *id)
{
  return g_object_new (KR_TYPE_CONNECTION, "id", id, NULL);
}

const char *
kr_connection_get_from_id (KrConnection *self)
{
  g_return_val_if_fail (KR_IS_CONNECTION (self), NULL);
  return self->from_id;
}

const char *
kr_connection_get_to_id (KrConnection *self)
{
  g_return_val_if_fail (KR_IS_CONNECTION (self), NULL);
  return self->to_id;
}

const char *
kr_connection_get_label (KrConnection *self)
{
  g_return_val_if_fail (KR_IS_CONNECTION (self), NULL);
  return self->label;
}

const char *
kr_connection_get_style (KrConnection *self)
{
  g_return_val_if_fail (KR_IS_CONNECTION (self), NULL);
  return self->style;
}

GVariant *
kr_connection_get_waypoints (KrConnection *self)
{
  g_return_val_if_fail (KR_IS_CONNECTION (self), NULL);
  return self->waypoints;
}

gboolean
kr_connection_is_dashed (KrConnection *self)
{
  g_return_val_if_fail (KR_IS_CONNECTION (self), FALSE);
  return g_str_equal (self->style, "dashed");
}
