/* kr-persona.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-persona.h"

struct _KrPersona
{
  KrItem parent_instance;

  char *name;
  char *role;
  int age;
  char *income;
  char *gender;
  char **goals;
  char **pain_points;
  char **motives;
  char **influencers;
  char *quote;
  char *photo;
  char *color;
};

G_DEFINE_FINAL_TYPE (KrPersona, kr_persona, KR_TYPE_ITEM)

#define OFFSET(member) G_STRUCT_OFFSET (KrPersona, member)

static const KrField persona_fields[] = {
  { "name", "name", NULL, KR_FIELD_STRING, 0, OFFSET (name), .fallback_string = "" },
  { "role", "role", NULL, KR_FIELD_STRING, 0, OFFSET (role), .fallback_string = "" },
  { "age", "age", NULL, KR_FIELD_INT, KR_FIELD_NULLABLE, OFFSET (age), -1, 150, -1 },
  { "income", "income", NULL, KR_FIELD_STRING, 0, OFFSET (income), .fallback_string = "" },
  { "gender", "gender", NULL, KR_FIELD_STRING, 0, OFFSET (gender), .fallback_string = "" },
  { "goals", "goals", NULL, KR_FIELD_STRV, 0, OFFSET (goals) },
  { "pain_points", "pain-points", NULL, KR_FIELD_STRV, 0, OFFSET (pain_points) },
  { "motives", "motives", NULL, KR_FIELD_STRV, 0, OFFSET (motives) },
  { "influencers", "influencers", NULL, KR_FIELD_STRV, 0, OFFSET (influencers) },
  { "quote", "quote", NULL, KR_FIELD_STRING, 0, OFFSET (quote), .fallback_string = "" },
  { "photo", "photo", NULL, KR_FIELD_STRING, KR_FIELD_NULLABLE | KR_FIELD_IMAGE, OFFSET (photo), .fallback_string = NULL },
  { "color", "color", NULL, KR_FIELD_STRING, KR_FIELD_COLOR, OFFSET (color), .fallback_string = "#8e5bd0" },
};

static GParamSpec *properties[G_N_ELEMENTS (persona_fields)];

KR_FIELDS_DEFINE_PROPERTY_HANDLERS (kr_persona, persona_fields)

static void
kr_persona_finalize (GObject *object)
{
  kr_fields_clear (object, persona_fields, G_N_ELEMENTS (persona_fields));

  G_OBJECT_CLASS (kr_persona_parent_class)->finalize (object);
}

static void
kr_persona_class_init (KrPersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KrItemClass *item_class = KR_ITEM_CLASS (klass);

  object_class->finalize = kr_persona_finalize;
  object_class->get_property = kr_persona_get_property;
  object_class->set_property = kr_persona_set_property;

  item_class->kind = KR_ITEM_PERSONA;
  item_class->fields = persona_fields;
  item_class->n_fields = G_N_ELEMENTS (persona_fields);

  kr_fields_install (object_class, 1, persona_fields, G_N_ELEMENTS (persona_fields), properties);
}

static void
kr_persona_init (KrPersona *self)
{
  kr_fields_init (self, persona_fields, G_N_ELEMENTS (persona_fields));
}

KrPersona *
kr_persona_new (const char *id)
{
  return g_object_new (KR_TYPE_PERSONA, "id", id, NULL);
}

const char *
kr_persona_get_name (KrPersona *self)
{
  g_return_val_if_fail (KR_IS_PERSONA (self), NULL);
  return self->name;
}

const char *
kr_persona_get_role (KrPersona *self)
{
  g_return_val_if_fail (KR_IS_PERSONA (self), NULL);
  return self->role;
}

int
kr_persona_get_age (KrPersona *self)
{
  g_return_val_if_fail (KR_IS_PERSONA (self), 0);
  return self->age;
}

const char *
kr_persona_get_quote (KrPersona *self)
{
  g_return_val_if_fail (KR_IS_PERSONA (self), NULL);
  return self->quote;
}

const char *
kr_persona_get_photo (KrPersona *self)
{
  g_return_val_if_fail (KR_IS_PERSONA (self), NULL);
  return self->photo;
}

const char *
kr_persona_get_color (KrPersona *self)
{
  g_return_val_if_fail (KR_IS_PERSONA (self), NULL);
  return self->color;
}
