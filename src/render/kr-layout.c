/* kr-layout.c
 *
 * From the top: the band of persona panels (when the map shows personas and has some), the
 * phase header strip, the lanes, and the band of the emotion curve (when shown). Phases
 * are columns right of the lane header column; lanes are rows. A map without lanes has one
 * unnamed row tall enough for its cards. A card sits at its offset inside the cell of its
 * phase and lane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-layout.h"

typedef struct
{
  double start;
  double size;
} Span;

struct _KrLayout
{
  GArray *phases;           /* Span, x */
  GArray *lanes;            /* Span, y */
  GHashTable *phase_index;  /* id → index + 1 */
  GHashTable *lane_index;   /* id → index + 1 */
  gboolean implicit_lane;   /* the map has no lanes: one unnamed row */
  double header_top;        /* the height of the persona band above the headers */
  double emotion_height;    /* of the emotion band under the lanes, or 0 */
  guint n_personas;
};

static void
add_spans (GArray     *spans,
           GHashTable *index,
           GListModel *items,
           double      start,
           double    (*get_size) (gpointer item),
           KrItem     *resized,
           double      resized_size)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KrItem) item = g_list_model_get_item (items, i);
      Span span = { start, item == resized ? resized_size : get_size (item) };

      g_array_append_val (spans, span);
      g_hash_table_insert (index, (gpointer) kr_item_get_id (item), GUINT_TO_POINTER (i + 1));
      start += span.size;
    }
}

static double
phase_width (gpointer phase)
{
  return kr_phase_get_width (phase);
}

static double
lane_height (gpointer lane)
{
  return kr_lane_get_height (lane);
}

static double
implicit_lane_height (KrMap *map)
{
  GListModel *touchpoints = kr_map_get_items (map, KR_ITEM_TOUCHPOINT);
  guint n = g_list_model_get_n_items (touchpoints);
  double height = KR_LANE_DEFAULT_HEIGHT;

  for (guint i = 0; i < n; i++)
    {
      KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, i);

      height = MAX (height, kr_touchpoint_get_y (touchpoint) + KR_LAYOUT_CARD_HEIGHT + KR_LAYOUT_CELL_PADDING);
    }

  return height;
}

/* The layout of @map as it is now; it holds the map's id strings, so it must not outlive
 * a change to the map's phases or lanes. */
KrLayout *
kr_layout_new (KrMap *map)
{
  return kr_layout_new_resized (map, NULL, 0);
}

/* The layout as it would be with the phase or lane @resized at @size (a resize in progress). */
KrLayout *
kr_layout_new_resized (KrMap  *map,
                       KrItem *resized,
                       double  size)
{
  KrLayout *self = g_new0 (KrLayout, 1);

  self->phases = g_array_new (FALSE, FALSE, sizeof (Span));
  self->lanes = g_array_new (FALSE, FALSE, sizeof (Span));
  self->phase_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->lane_index = g_hash_table_new (g_str_hash, g_str_equal);

  add_spans (self->phases, self->phase_index, kr_map_get_items (map, KR_ITEM_PHASE),
             KR_LAYOUT_LANE_HEADER_WIDTH, phase_width, resized, size);
  self->n_personas = kr_map_get_show_personas (map) ? kr_map_get_n_items (map, KR_ITEM_PERSONA) : 0;
  self->header_top = self->n_personas > 0 ? KR_LAYOUT_PERSONA_BAND_HEIGHT : 0;
  self->emotion_height = kr_map_get_show_emotion_curve (map) && kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT) > 0
                         ? KR_LAYOUT_EMOTION_BAND_HEIGHT : 0;

  add_spans (self->lanes, self->lane_index, kr_map_get_items (map, KR_ITEM_LANE),
             self->header_top + KR_LAYOUT_PHASE_HEADER_HEIGHT, lane_height, resized, size);

  if (self->lanes->len == 0)
    {
      Span span = { self->header_top + KR_LAYOUT_PHASE_HEADER_HEIGHT, implicit_lane_height (map) };

      g_array_append_val (self->lanes, span);
      self->implicit_lane = TRUE;
    }

  return self;
}

void
kr_layout_free (KrLayout *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->phases);
  g_array_unref (self->lanes);
  g_hash_table_unref (self->phase_index);
  g_hash_table_unref (self->lane_index);
  g_free (self);
}

static double
spans_end (GArray *spans,
           double  start)
{
  if (spans->len == 0)
    return start;

  return g_array_index (spans, Span, spans->len - 1).start + g_array_index (spans, Span, spans->len - 1).size;
}

static double
lanes_top (KrLayout *self)
{
  return self->header_top + KR_LAYOUT_PHASE_HEADER_HEIGHT;
}

static double
lanes_bottom (KrLayout *self)
{
  return spans_end (self->lanes, lanes_top (self));
}

static double
layout_width (KrLayout *self)
{
  double personas = self->n_personas * (KR_LAYOUT_PERSONA_CARD_WIDTH + KR_LAYOUT_CELL_PADDING) + KR_LAYOUT_CELL_PADDING;

  return MAX (MAX (spans_end (self->phases, KR_LAYOUT_LANE_HEADER_WIDTH),
                   KR_LAYOUT_LANE_HEADER_WIDTH + KR_PHASE_DEFAULT_WIDTH),
              personas);
}

/* Everything the map covers: persona band, header strip, lane titles, all rows and columns
 * and the emotion band. */
KrRect
kr_layout_get_bounds (KrLayout *self)
{
  return (KrRect) { 0, 0, layout_width (self), lanes_bottom (self) + self->emotion_height };
}

/* The area of the rows, right of the lane titles and under the phase headers. */
KrRect
kr_layout_get_lanes_area (KrLayout *self)
{
  double right = spans_end (self->phases, KR_LAYOUT_LANE_HEADER_WIDTH);

  return (KrRect) { KR_LAYOUT_LANE_HEADER_WIDTH, lanes_top (self),
                    MAX (right, KR_LAYOUT_LANE_HEADER_WIDTH + KR_PHASE_DEFAULT_WIDTH) - KR_LAYOUT_LANE_HEADER_WIDTH,
                    lanes_bottom (self) - lanes_top (self) };
}

/* Where the phase header strip begins (under the persona band). */
double
kr_layout_get_header_top (KrLayout *self)
{
  return self->header_top;
}

/* The band of persona panels above the phases; empty when there is none. */
KrRect
kr_layout_get_persona_band (KrLayout *self)
{
  return (KrRect) { 0, 0, layout_width (self), self->header_top };
}

/* The panel of the persona at @index in the persona band. */
KrRect
kr_layout_get_persona_card (KrLayout *self,
                            guint     index)
{
  return (KrRect) { KR_LAYOUT_CELL_PADDING + index * (KR_LAYOUT_PERSONA_CARD_WIDTH + KR_LAYOUT_CELL_PADDING),
                    KR_LAYOUT_CELL_PADDING, KR_LAYOUT_PERSONA_CARD_WIDTH,
                    KR_LAYOUT_PERSONA_BAND_HEIGHT - 2 * KR_LAYOUT_CELL_PADDING };
}

/* The band of the emotion curve under the lanes; empty when it is hidden. */
KrRect
kr_layout_get_emotion_band (KrLayout *self)
{
  KrRect lanes = kr_layout_get_lanes_area (self);

  return (KrRect) { 0, lanes_bottom (self), kr_rect_right (&lanes), self->emotion_height };
}

guint
kr_layout_get_n_phases (KrLayout *self)
{
  return self->phases->len;
}

KrRect
kr_layout_get_phase_column (KrLayout *self,
                            guint     index)
{
  Span *span = &g_array_index (self->phases, Span, index);
  KrRect lanes = kr_layout_get_lanes_area (self);

  return (KrRect) { span->start, lanes.y, span->size, lanes.height };
}

KrRect
kr_layout_get_phase_header (KrLayout *self,
                            guint     index)
{
  Span *span = &g_array_index (self->phases, Span, index);

  return (KrRect) { span->start, self->header_top, span->size, KR_LAYOUT_PHASE_HEADER_HEIGHT };
}

/* The number of rows; a map without lanes has one unnamed row. */
guint
kr_layout_get_n_lanes (KrLayout *self)
{
  return self->lanes->len;
}

KrRect
kr_layout_get_lane_row (KrLayout *self,
                        guint     index)
{
  Span *span = &g_array_index (self->lanes, Span, index);
  KrRect lanes = kr_layout_get_lanes_area (self);

  return (KrRect) { 0, span->start, kr_rect_right (&lanes), span->size };
}

gboolean
kr_layout_get_cell (KrLayout   *self,
                    const char *phase_id,
                    const char *lane_id,
                    KrRect     *cell)
{
  guint phase = GPOINTER_TO_UINT (g_hash_table_lookup (self->phase_index, phase_id ? phase_id : ""));
  guint lane = self->implicit_lane ? 1 : GPOINTER_TO_UINT (g_hash_table_lookup (self->lane_index, lane_id ? lane_id : ""));
  Span *column, *row;

  if (phase == 0 || lane == 0)
    return FALSE;

  column = &g_array_index (self->phases, Span, phase - 1);
  row = &g_array_index (self->lanes, Span, lane - 1);
  *cell = (KrRect) { column->start, row->start, column->size, row->size };
  return TRUE;
}

gboolean
kr_layout_get_card_rect (KrLayout     *self,
                         KrTouchpoint *touchpoint,
                         KrRect       *rect)
{
  KrRect cell;

  if (!kr_layout_get_cell (self, kr_touchpoint_get_phase_id (touchpoint),
                           kr_touchpoint_get_lane_id (touchpoint), &cell))
    return FALSE;

  *rect = (KrRect) { cell.x + kr_touchpoint_get_x (touchpoint), cell.y + kr_touchpoint_get_y (touchpoint),
                     KR_LAYOUT_CARD_WIDTH, KR_LAYOUT_CARD_HEIGHT };
  return TRUE;
}

/* The index of the span containing @position, or the nearest one. */
static guint
nearest_span (GArray *spans,
              double  position)
{
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      if (position < span->start + span->size)
        return i;
    }

  return spans->len - 1;
}

/**
 * kr_layout_find_cell:
 *
 * Finds the cell at the map point @x, @y, or the nearest one for a point outside the rows
 * and columns. A map without lanes has lane index 0 (its unnamed row).
 *
 * Returns: %FALSE when the map has no phases
 */
gboolean
kr_layout_find_cell (KrLayout *self,
                     double    x,
                     double    y,
                     guint    *phase_index,
                     guint    *lane_index,
                     KrRect   *cell)
{
  Span *column, *row;
  guint phase, lane;

  if (self->phases->len == 0)
    return FALSE;

  phase = nearest_span (self->phases, x);
  lane = nearest_span (self->lanes, y);
  column = &g_array_index (self->phases, Span, phase);
  row = &g_array_index (self->lanes, Span, lane);

  if (phase_index)
    *phase_index = phase;
  if (lane_index)
    *lane_index = lane;
  if (cell)
    *cell = (KrRect) { column->start, row->start, column->size, row->size };

  return TRUE;
}

/* Whether the rows are the map's lanes (and not one unnamed row). */
gboolean
kr_layout_has_lanes (KrLayout *self)
{
  return !self->implicit_lane;
}

typedef struct
{
  KrTouchpoint *touchpoint;
  double phase_index, x, y;
} ReadingKey;

static int
compare_reading_keys (gconstpointer a,
                      gconstpointer b)
{
  const ReadingKey *ka = a, *kb = b;

  if (ka->phase_index != kb->phase_index)
    return ka->phase_index < kb->phase_index ? -1 : 1;
  if (ka->x != kb->x)
    return ka->x < kb->x ? -1 : 1;
  if (ka->y != kb->y)
    return ka->y < kb->y ? -1 : 1;
  return 0;
}

/**
 * kr_layout_get_reading_order:
 *
 * Returns: (transfer container): the touchpoints of @map as a journey is read: phase by
 *   phase, then left to right, then top to bottom
 */
GPtrArray *
kr_layout_get_reading_order (KrLayout *self,
                             KrMap    *map)
{
  guint n = kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT);
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (ReadingKey), n);
  GPtrArray *order = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, i);
      guint phase = GPOINTER_TO_UINT (g_hash_table_lookup (self->phase_index, kr_touchpoint_get_phase_id (touchpoint)));
      ReadingKey key = { touchpoint, phase };
      KrRect rect;

      if (!kr_layout_get_card_rect (self, touchpoint, &rect))
        continue;

      key.x = rect.x, key.y = rect.y;
      g_array_append_val (keys, key);
    }

  g_array_sort (keys, compare_reading_keys);
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (order, g_array_index (keys, ReadingKey, i).touchpoint);

  return order;
}

/**
 * kr_layout_place_moved_card:
 *
 * Where the card of @touchpoint lands when moved by @dx, @dy: the cell under its centre
 * (@phase_id, @lane_id — NULL without lanes) and its offset @x, @y inside that cell, kept
 * inside the cell where it fits.
 */
gboolean
kr_layout_place_moved_card (KrLayout     *self,
                            KrMap        *map,
                            KrTouchpoint *touchpoint,
                            double        dx,
                            double        dy,
                            const char  **phase_id,
                            const char  **lane_id,
                            double       *x,
                            double       *y)
{
  guint phase_index, lane_index;
  KrRect rect, cell;

  if (!kr_layout_get_card_rect (self, touchpoint, &rect) ||
      !kr_layout_find_cell (self, rect.x + dx + rect.width / 2, rect.y + dy + rect.height / 2,
                            &phase_index, &lane_index, &cell))
    return FALSE;

  *phase_id = kr_item_get_id (kr_map_get_item (map, KR_ITEM_PHASE, phase_index));
  *lane_id = kr_layout_has_lanes (self) ? kr_item_get_id (kr_map_get_item (map, KR_ITEM_LANE, lane_index)) : NULL;
  *x = CLAMP (rect.x + dx - cell.x, 0, MAX (0, cell.width - rect.width));
  *y = CLAMP (rect.y + dy - cell.y, 0, MAX (0, cell.height - rect.height));
  return TRUE;
}
