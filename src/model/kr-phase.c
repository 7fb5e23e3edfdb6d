/* kr-phase.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-phase.h"

struct _KrPhase
{
  KrItem parent_instance;

  char *title;
  char *description;
  double width;
  char *color;
  /* the per-phase rows of a journey table */
  char *customer_activities;
  char *customer_goals;
  char *company_goal;
  char *kpis;
  char *org_activities;
  char *responsible;
  char *systems;
};

G_DEFINE_FINAL_TYPE (KrPhase, kr_phase, KR_TYPE_ITEM)

static const KrField phase_fields[] = {
  { "title", "title", NULL, KR_FIELD_STRING, 0, G_STRUCT_OFFSET (KrPhase, title), .fallback_string = "" },
  { "description", "description", NULL, KR_FIELD_STRING, 0, G_STRUCT_OFFSET (KrPhase, description), .fallback_string = "" },
  { "width", "width", NULL, KR_FIELD_DOUBLE, 0, G_STRUCT_OFFSET (KrPhase, width), 80, 10000, KR_PHASE_DEFAULT_WIDTH },
  { "color", "color", NULL, KR_FIELD_STRING, KR_FIELD_COLOR, G_STRUCT_OFFSET (KrPhase, color), .fallback_string = "#3d7dd8" },
  { "customer_activities", "customer-activities", "rows", KR_FIELD_STRING, 0, G_STRUCT_OFFSET (KrPhase, customer_activities), .fallback_string = "" },
  { "customer_goals", "customer-goals", "rows", KR_FIELD_STRING, 0, G_STRUCT_OFFSET (KrPhase, customer_goals), .fallback_string = "" },
  { "company_goal", "company-goal", "rows", KR_FIELD_STRING, 0, G_STRUCT_OFFSET (KrPhase, company_goal), .fallback_string = "" },
  { "kpis", "kpis", "rows", KR_FIELD_STRING, 0, G_STRUCT_OFFSET (KrPhase, kpis), .fallback_string = "" },
  { "org_activities", "org-activities", "rows", KR_FIELD_STRING, 0, G_STRUCT_OFFSET (KrPhase, org_activities), .fallback_string = "" },
  { "responsible", "responsible", "rows", KR_FIELD_STRING, 0, G_STRUCT_OFFSET (KrPhase, responsible), .fallback_string = "" },
  { "systems", "systems", "rows", KR_FIELD_STRING, 0, G_STRUCT_OFFSET (KrPhase, systems), .fallback_string = "" },
};

static GParamSpec *properties[G_N_ELEMENTS (phase_fields)];

KR_FIELDS_DEFINE_PROPERTY_HANDLERS (kr_phase, phase_fields)

static void
kr_phase_finalize (GObject *object)
{
  kr_fields_clear (object, phase_fields, G_N_ELEMENTS (phase_fields));

  G_OBJECT_CLASS (kr_phase_parent_class)->finalize (object);
}

static void
kr_phase_class_init (KrPhaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KrItemClass *item_class = KR_ITEM_CLASS (klass);

  object_class->finalize = kr_phase_finalize;
  object_class->get_property = kr_phase_get_property;
  object_class->set_property = kr_phase_set_property;

  item_class->kind = KR_ITEM_PHASE;
  item_class->fields = phase_fields;
  item_class->n_fields = G_N_ELEMENTS (phase_fields);

  kr_fields_install (object_class, 1, phase_fields, G_N_ELEMENTS (phase_fields), properties);
}

static void
kr_phase_init (KrPhase *self)
{
  kr_fields_init (self, phase_fields, G_N_ELEMENTS (phase_fields));
}

KrPhase *
kr_phase_new (const char *id)
{
  return g_object_new (KR_TYPE_PHASE, "id", id, NULL);
}

const char *
kr_phase_get_title (KrPhase *self)
{
  g_return_val_if_fail (KR_IS_PHASE (self), NULL);
  return self->title;
}

const char *
kr_phase_get_description (KrPhase *self)
{
  g_return_val_if_fail (KR_IS_PHASE (self), NULL);
  return self->description;
}

double
kr_phase_get_width (KrPhase *self)
{
  g_return_val_if_fail (KR_IS_PHASE (self), KR_PHASE_DEFAULT_WIDTH);
  return self->width;
}

const char *
kr_phase_get_color (KrPhase *self)
{
  g_return_val_if_fail (KR_IS_PHASE (self), NULL);
  return self->color;
}
