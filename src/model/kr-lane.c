/* kr-lane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-lane.h"

struct _KrLane
{
  KrItem parent_instance;

  char *title;
  double height;
};

G_DEFINE_FINAL_TYPE (KrLane, kr_lane, KR_TYPE_ITEM)

#define OFFSET(member) G_STRUCT_OFFSET (KrLane, member)

static const KrField lane_fields[] = {
  { "title", "title", NULL, KR_FIELD_STRING, 0, OFFSET (title), .fallback_string = "" },
  { "height", "height", NULL, KR_FIELD_DOUBLE, 0, OFFSET (height), 60, 10000, KR_LANE_DEFAULT_HEIGHT },
};

static GParamSpec *properties[G_N_ELEMENTS (lane_fields)];

KR_FIELDS_DEFINE_PROPERTY_HANDLERS (kr_lane, lane_fields)

static void
kr_lane_finalize (GObject *object)
{
  kr_fields_clear (object, lane_fields, G_N_ELEMENTS (lane_fields));

  G_OBJECT_CLASS (kr_lane_parent_class)->finalize (object);
}

static void
kr_lane_class_init (KrLaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KrItemClass *item_class = KR_ITEM_CLASS (klass);

  object_class->finalize = kr_lane_finalize;
  object_class->get_property = kr_lane_get_property;
  object_class->set_property = kr_lane_set_property;

  item_class->kind = KR_ITEM_LANE;
  item_class->fields = lane_fields;
  item_class->n_fields = G_N_ELEMENTS (lane_fields);

  kr_fields_install (object_class, 1, lane_fields, G_N_ELEMENTS (lane_fields), properties);
}

static void
kr_lane_init (KrLane *self)
{
  kr_fields_init (self, lane_fields, G_N_ELEMENTS (lane_fields));
}

KrLane *
kr_lane_new (const char *id)
{
  return g_object_new (KR_TYPE_LANE, "id", id, NULL);
}

const char *
kr_lane_get_title (KrLane *self)
{
  g_return_val_if_fail (KR_IS_LANE (self), NULL);
  return self->title;
}

double
kr_lane_get_height (KrLane *self)
{
  g_return_val_if_fail (KR_IS_LANE (self), 0);
  return self->height;
}
