/* kr-touchpoint.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-touchpoint.h"

struct _KrTouchpoint
{
  KrItem parent_instance;

  char *phase_id;
  char *lane_id;
  double x;
  double y;
  char *title;
  char *description;
  char *channel;
  gboolean direct;
  int emotion;
  char **persona_ids;
  char *owner;
  char *kpis;
  char *systems;
  int points;
  gboolean done;
  char *color;

  GListStore *notes;
};

G_DEFINE_FINAL_TYPE (KrTouchpoint, kr_touchpoint, KR_TYPE_ITEM)

#define OFFSET(member) G_STRUCT_OFFSET (KrTouchpoint, member)
#define STRING(name) \
  { #name, #name, NULL, KR_FIELD_STRING, 0, OFFSET (name), .fallback_string = "" }

static const KrField touchpoint_fields[] = {
  { "phase", "phase-id", NULL, KR_FIELD_STRING, KR_FIELD_REFERENCE | KR_FIELD_REQUIRED,
    OFFSET (phase_id), .fallback_string = "", .ref_kind = KR_ITEM_PHASE },
  { "lane", "lane-id", NULL, KR_FIELD_STRING, KR_FIELD_REFERENCE | KR_FIELD_NULLABLE,
    OFFSET (lane_id), .ref_kind = KR_ITEM_LANE },
  { "x", "x", NULL, KR_FIELD_DOUBLE, 0, OFFSET (x), 0, 100000, 24 },
  { "y", "y", NULL, KR_FIELD_DOUBLE, 0, OFFSET (y), 0, 100000, 40 },
  STRING (title),
  STRING (description),
  STRING (channel),
  { "direct", "direct", NULL, KR_FIELD_BOOLEAN, 0, OFFSET (direct), 0, 1, TRUE },
  { "emotion", "emotion", NULL, KR_FIELD_INT, 0, OFFSET (emotion), 1, KR_TOUCHPOINT_MAX_EMOTION, KR_TOUCHPOINT_DEFAULT_EMOTION },
  { "personas", "persona-ids", NULL, KR_FIELD_STRV, KR_FIELD_REFERENCE, OFFSET (persona_ids),
    .ref_kind = KR_ITEM_PERSONA },
  STRING (owner),
  STRING (kpis),
  STRING (systems),
  { "points", "points", NULL, KR_FIELD_INT, 0, OFFSET (points), 0, 1000000, 0 },
  { "done", "done", NULL, KR_FIELD_BOOLEAN, 0, OFFSET (done), 0, 1, FALSE },
  { "color", "color", NULL, KR_FIELD_STRING, KR_FIELD_COLOR | KR_FIELD_NULLABLE, OFFSET (color) },
};

enum {
  PROP_NOTES = G_N_ELEMENTS (touchpoint_fields) + 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kr_touchpoint_dispose (GObject *object)
{
  KrTouchpoint *self = KR_TOUCHPOINT (object);

  g_clear_object (&self->notes);

  G_OBJECT_CLASS (kr_touchpoint_parent_class)->dispose (object);
}

static void
kr_touchpoint_finalize (GObject *object)
{
  kr_fields_clear (object, touchpoint_fields, G_N_ELEMENTS (touchpoint_fields));

  G_OBJECT_CLASS (kr_touchpoint_parent_class)->finalize (object);
}

static void
kr_touchpoint_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KrTouchpoint *self = KR_TOUCHPOINT (object);

  if (prop_id == PROP_NOTES)
    g_value_set_object (value, self->notes);
  else if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (touchpoint_fields))
    kr_field_get_value (object, &touchpoint_fields[prop_id - 1], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
kr_touchpoint_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (touchpoint_fields))
    {
      if (kr_field_set_value (object, &touchpoint_fields[prop_id - 1], value))
        g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
kr_touchpoint_class_init (KrTouchpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KrItemClass *item_class = KR_ITEM_CLASS (klass);

  object_class->dispose = kr_touchpoint_dispose;
  object_class->finalize = kr_touchpoint_finalize;
  object_class->get_property = kr_touchpoint_get_property;
  object_class->set_property = kr_touchpoint_set_property;

  item_class->kind = KR_ITEM_TOUCHPOINT;
  item_class->fields = touchpoint_fields;
  item_class->n_fields = G_N_ELEMENTS (touchpoint_fields);

  kr_fields_install (object_class, 1, touchpoint_fields, G_N_ELEMENTS (touchpoint_fields),
                     properties + 1);

  /* Notified whenever a note is added, removed or changed. */
  properties[PROP_NOTES] =
    g_param_spec_object ("notes", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_NOTES, properties[PROP_NOTES]);
}

static void
notify_notes (KrTouchpoint *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

static void
kr_touchpoint_init (KrTouchpoint *self)
{
  kr_fields_init (self, touchpoint_fields, G_N_ELEMENTS (touchpoint_fields));

  self->notes = g_list_store_new (KR_TYPE_NOTE);
  g_signal_connect_swapped (self->notes, "items-changed", G_CALLBACK (notify_notes), self);
}

KrTouchpoint *
kr_touchpoint_new (const char *id)
{
  return g_object_new (KR_TYPE_TOUCHPOINT, "id", id, NULL);
}

const char *
kr_touchpoint_get_phase_id (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), NULL);
  return self->phase_id;
}

/* The lane's id, or NULL when the touchpoint sits in no lane. */
const char *
kr_touchpoint_get_lane_id (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), NULL);
  return self->lane_id;
}

double
kr_touchpoint_get_x (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), 0);
  return self->x;
}

double
kr_touchpoint_get_y (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), 0);
  return self->y;
}

const char *
kr_touchpoint_get_title (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), NULL);
  return self->title;
}

const char *
kr_touchpoint_get_description (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), NULL);
  return self->description;
}

const char *
kr_touchpoint_get_channel (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), NULL);
  return self->channel;
}

gboolean
kr_touchpoint_get_direct (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), TRUE);
  return self->direct;
}

int
kr_touchpoint_get_emotion (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), KR_TOUCHPOINT_DEFAULT_EMOTION);
  return self->emotion;
}

const char * const *
kr_touchpoint_get_persona_ids (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), NULL);
  return (const char * const *) self->persona_ids;
}

int
kr_touchpoint_get_points (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), 0);
  return self->points;
}

gboolean
kr_touchpoint_get_done (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), FALSE);
  return self->done;
}

/* The card's own colour, or NULL when it takes its phase's. */
const char *
kr_touchpoint_get_color (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), NULL);
  return self->color;
}

GListModel *
kr_touchpoint_get_notes (KrTouchpoint *self)
{
  g_return_val_if_fail (KR_IS_TOUCHPOINT (self), NULL);
  return G_LIST_MODEL (self->notes);
}

void
kr_touchpoint_insert_note (KrTouchpoint *self,
                           guint         position,
                           KrNote       *note)
{
  g_return_if_fail (KR_IS_TOUCHPOINT (self));
  g_return_if_fail (KR_IS_NOTE (note));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->notes)));
  g_signal_connect_object (note, "notify", G_CALLBACK (notify_notes), self, G_CONNECT_SWAPPED);
  g_list_store_insert (self->notes, position, note);
}

void
kr_touchpoint_remove_note (KrTouchpoint *self,
                           guint         position)
{
  g_autoptr(KrNote) note = NULL;

  g_return_if_fail (KR_IS_TOUCHPOINT (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->notes)));

  note = g_list_model_get_item (G_LIST_MODEL (self->notes), position);
  g_signal_handlers_disconnect_by_data (note, self);
  g_list_store_remove (self->notes, position);
}
