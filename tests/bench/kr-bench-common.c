/* kr-bench-common.c: what both benchmark programs use: the maps they measure, and sorting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "kr-bench-common.h"

#define CARD_STEP_X  240.0     /* card width and the gap forward arrows need */
#define CARD_STEP_Y  136.0

/* Generating maps */

static const char * const channels[] = {
  "website", "email", "phone", "store", "social", "event", "ad", "review", "chat", "app", "letter",
};

static const char * const titles[] = {
  "Google Ads", "Landing page", "Newsletter", "Sales call", "Product demo", "Trade fair booth",
  "Review on G2", "Support chat", "Onboarding e-mail", "Invoice", "Webinar", "Case study",
  "Price list", "Contract", "Kick-off meeting", "Training", "NPS survey", "Renewal call",
};

static const char * const descriptions[] = {
  "Customers compare offers and ask colleagues before they decide.",
  "The first contact; most visitors leave after a few seconds.",
  "Sales follows up within two days, otherwise the lead goes cold.",
  "",
};

static const char * const notes[] = {
  "CTR below 1 %, test another headline",
  "Ask sales about the follow-up rate",
  "Customers complain about waiting times on the phone",
  "Works well for the SME segment",
};

static const char * const labels[] = { "if unhappy", "second visit", "after 3 days", "escalation" };

static const char * const phase_colors[] = { "#3d7dd8", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#8e5bd0" };

static const char * const lane_titles[] = { "Online", "Offline", "Partners" };

typedef struct
{
  guint n_touchpoints;
  guint n_phases;
  guint n_lanes;
  guint n_personas;
  guint columns;      /* of cards in a cell */
  guint rows;
} MapShape;

/* Phases grow with the map (about one per 40 touchpoints, at most 24: a journey of more
 * phases is no longer read as one); cells hold their cards in a grid shaped so the whole map
 * is about three times as wide as high. */
static MapShape
map_shape (guint n_touchpoints)
{
  MapShape shape = { n_touchpoints };
  guint per_phase, per_cell;

  shape.n_phases = CLAMP ((n_touchpoints + 20) / 40, 3, 24);
  shape.n_lanes = n_touchpoints < 1000 ? 2 : 3;
  shape.n_personas = CLAMP (n_touchpoints / 200, 3, 12);
  per_phase = (n_touchpoints + shape.n_phases - 1) / shape.n_phases;
  per_cell = (per_phase + shape.n_lanes - 1) / shape.n_lanes;
  shape.columns = MAX (1, (guint) round (sqrt (3.0 * shape.n_lanes * CARD_STEP_Y * per_cell /
                                               (shape.n_phases * CARD_STEP_X))));
  shape.rows = MAX (1, (per_cell + shape.columns - 1) / shape.columns);
  return shape;
}

static guint
phase_of (const MapShape *shape,
          guint           touchpoint)
{
  return (guint) ((guint64) touchpoint * shape->n_phases / shape->n_touchpoints);
}

/* The first touchpoint of @phase (touchpoints are numbered in reading order). */
static guint
first_of_phase (const MapShape *shape,
                guint           phase)
{
  guint first = (guint) (((guint64) phase * shape->n_touchpoints + shape->n_phases - 1) / shape->n_phases);

  return MIN (first, shape->n_touchpoints);
}

/* A touchpoint of @phase near where @touchpoint sits in its own phase: the same lane or the
 * next, at most two rows up or down. Journeys lead to neighbours far more often than across
 * the whole map. */
static guint
random_near_in_phase (GRand          *rand,
                      const MapShape *shape,
                      guint           touchpoint,
                      guint           phase)
{
  guint first = first_of_phase (shape, phase), end = first_of_phase (shape, phase + 1);
  int slot = touchpoint - first_of_phase (shape, phase_of (shape, touchpoint));
  int reach = 2 * shape->n_lanes * shape->columns + 1;

  if (end <= first)
    return first;

  slot += g_rand_int_range (rand, -reach, reach + 1);
  return first + CLAMP (slot, 0, (int) (end - first) - 1);
}

static void
append_string_array (GString            *json,
                     const char * const *strings,
                     guint               n)
{
  g_string_append_c (json, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s\"%s\"", i ? ", " : "", strings[i]);
  g_string_append_c (json, ']');
}

static void
append_phases (GString        *json,
               const MapShape *shape)
{
  double width = shape->columns * CARD_STEP_X + 24;

  g_string_append (json, "  \"phases\": [\n");
  for (guint p = 0; p < shape->n_phases; p++)
    g_string_append_printf (json,
                            "    {\"id\": \"p%u\", \"title\": \"Phase %u\", \"description\": \"What customers do in step %u\", "
                            "\"width\": %.0f, \"color\": \"%s\", \"rows\": {\"customer_activities\": \"Search, compare\", "
                            "\"customer_goals\": \"Find a fitting offer\", \"company_goal\": \"\", \"kpis\": \"Conversion rate\", "
                            "\"org_activities\": \"\", \"responsible\": \"Marketing\", \"systems\": \"CRM\"}}%s\n",
                            p + 1, p + 1, p + 1, width, phase_colors[p % G_N_ELEMENTS (phase_colors)],
                            p + 1 < shape->n_phases ? "," : "");
  g_string_append (json, "  ],\n");
}

static void
append_lanes (GString        *json,
              const MapShape *shape)
{
  double height = shape->rows * CARD_STEP_Y + 40;

  g_string_append (json, "  \"lanes\": [\n");
  for (guint l = 0; l < shape->n_lanes; l++)
    g_string_append_printf (json, "    {\"id\": \"l%u\", \"title\": \"%s\", \"height\": %.0f}%s\n",
                            l + 1, lane_titles[l % G_N_ELEMENTS (lane_titles)], height,
                            l + 1 < shape->n_lanes ? "," : "");
  g_string_append (json, "  ],\n");
}

static void
append_personas (GString        *json,
                 const MapShape *shape)
{
  static const char * const goals[] = { "Save time", "Look good to the boss" };
  static const char * const pains[] = { "Too many tools", "Slow answers" };

  g_string_append (json, "  \"personas\": [\n");
  for (guint u = 0; u < shape->n_personas; u++)
    {
      g_string_append_printf (json, "    {\"id\": \"u%u\", \"name\": \"Persona %u\", \"role\": \"Head of Sales\", "
                              "\"age\": %u, \"income\": \"\", \"gender\": \"\", \"goals\": ",
                              u + 1, u + 1, 25 + u * 3);
      append_string_array (json, goals, G_N_ELEMENTS (goals));
      g_string_append (json, ", \"pain_points\": ");
      append_string_array (json, pains, G_N_ELEMENTS (pains));
      g_string_append_printf (json, ", \"motives\": [], \"influencers\": [], \"quote\": \"I want it to just work.\", "
                              "\"photo\": null, \"color\": \"%s\"}%s\n",
                              phase_colors[(u + 3) % G_N_ELEMENTS (phase_colors)],
                              u + 1 < shape->n_personas ? "," : "");
    }
  g_string_append (json, "  ],\n");
}

static void
append_touchpoints (GString        *json,
                    const MapShape *shape,
                    GRand          *rand)
{
  g_autofree guint *placed = g_new0 (guint, shape->n_phases);

  g_string_append (json, "  \"touchpoints\": [\n");
  for (guint t = 0; t < shape->n_touchpoints; t++)
    {
      guint phase = phase_of (shape, t);
      guint slot = placed[phase]++;
      guint lane = slot % shape->n_lanes, cell_slot = slot / shape->n_lanes;
      guint n_personas = g_rand_int_range (rand, 0, 4);
      guint n_notes = g_rand_int_range (rand, 0, 3);

      g_string_append_printf (json,
                              "    {\"id\": \"t%u\", \"phase\": \"p%u\", \"lane\": \"l%u\", \"x\": %.0f, \"y\": %.0f, "
                              "\"title\": \"%s %u\", \"description\": \"%s\", \"channel\": \"%s\", \"direct\": %s, "
                              "\"emotion\": %d, \"personas\": [",
                              t + 1, phase + 1, lane + 1,
                              24 + (cell_slot % shape->columns) * CARD_STEP_X,
                              40 + (cell_slot / shape->columns) * CARD_STEP_Y,
                              titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))], t + 1,
                              descriptions[g_rand_int_range (rand, 0, G_N_ELEMENTS (descriptions))],
                              channels[g_rand_int_range (rand, 0, G_N_ELEMENTS (channels))],
                              g_rand_double (rand) < 0.85 ? "true" : "false",
                              g_rand_int_range (rand, 1, 6));
      for (guint i = 0; i < n_personas; i++)
        g_string_append_printf (json, "%s\"u%u\"", i ? ", " : "", (t + i) % shape->n_personas + 1);
      g_string_append_printf (json, "], \"owner\": \"Marketing\", \"kpis\": \"\", \"systems\": \"CRM\", "
                              "\"points\": %d, \"done\": %s, \"color\": %s, \"notes\": [",
                              g_rand_int_range (rand, 0, 9), g_rand_double (rand) < 0.3 ? "true" : "false",
                              g_rand_double (rand) < 0.1 ? "\"#c0392b\"" : "null");
      for (guint i = 0; i < n_notes; i++)
        g_string_append_printf (json, "%s{\"text\": \"%s\", \"created\": \"2026-11-%02uT10:00:00Z\"}",
                                i ? ", " : "", notes[(t + i) % G_N_ELEMENTS (notes)], 1 + (t + i) % 28);
      g_string_append_printf (json, "]}%s\n", t + 1 < shape->n_touchpoints ? "," : "");
    }
  g_string_append (json, "  ],\n");
}

/* 1.5 per touchpoint: a fifth loop back one to three phases, 3 % are self-loops, 3 % repeat
 * the previous pair (parallel arrows), the rest lead forward within the phase or to the
 * next one or two; all to cards in about the same lane and rows. */
static void
append_connections (GString        *json,
                    const MapShape *shape,
                    GRand          *rand)
{
  guint n = shape->n_touchpoints * 3 / 2;
  guint previous_from = 0, previous_to = 0;

  g_string_append (json, "  \"connections\": [\n");
  for (guint c = 0; c < n; c++)
    {
      guint from = c % shape->n_touchpoints, to;
      guint phase = phase_of (shape, from);
      guint back = g_rand_int_range (rand, 1, 4), ahead = g_rand_int_range (rand, 0, 3);
      double kind = g_rand_double (rand);

      if (c > 0 && kind < 0.03)
        from = previous_from, to = previous_to;
      else if (kind < 0.06)
        to = from;
      else if (kind < 0.26)
        to = random_near_in_phase (rand, shape, from, phase - MIN (phase, back));
      else
        to = random_near_in_phase (rand, shape, from, MIN (phase + ahead, shape->n_phases - 1));

      g_string_append_printf (json, "    {\"id\": \"c%u\", \"from\": \"t%u\", \"to\": \"t%u\", \"label\": \"%s\", "
                              "\"style\": \"%s\"}%s\n",
                              c + 1, from + 1, to + 1,
                              g_rand_double (rand) < 0.2 ? labels[c % G_N_ELEMENTS (labels)] : "",
                              g_rand_double (rand) < 0.2 ? "dashed" : "solid",
                              c + 1 < n ? "," : "");
      previous_from = from, previous_to = to;
    }
  g_string_append (json, "  ],\n");
}

char *
kr_bench_generate_map (guint  n_touchpoints,
                       gsize *length)
{
  MapShape shape = map_shape (n_touchpoints);
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_touchpoints);
  GString *json = g_string_sized_new (n_touchpoints * 600 + 4096);

  g_string_append_printf (json, "{\n  \"format\": \"kringel\",\n  \"version\": 1,\n"
                          "  \"title\": \"Benchmark, %u touchpoints\",\n  \"description\": \"Generated by kr-bench\",\n"
                          "  \"locale\": \"en\",\n", n_touchpoints);
  append_phases (json, &shape);
  append_lanes (json, &shape);
  append_personas (json, &shape);
  append_touchpoints (json, &shape, rand);
  append_connections (json, &shape, rand);
  g_string_append (json, "  \"view\": {\"zoom\": 1, \"x\": 0, \"y\": 0}\n}\n");

  *length = json->len;
  return g_string_free (json, FALSE);
}

/* For g_array_sort () of doubles, ascending. */
int
kr_bench_compare_doubles (gconstpointer a,
                          gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}
