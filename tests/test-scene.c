/* test-scene.c: the renderer's memory of a map between frames stays true to the map
 *
 * A renderer keeps routes, indexes and card pictures between frames and updates them from
 * the map's change signals. After every kind of change, what it draws and reports must be
 * what a fresh renderer computes from scratch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "kr-renderer.h"

#define N_PHASES 6
#define N_LANES 3
#define N_TOUCHPOINTS 120

static KrMap *
create_map (GRand *rand)
{
  KrMap *map = kr_map_new ();

  for (guint i = 0; i < N_PHASES; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autoptr(KrPhase) phase = kr_phase_new (id);

      g_object_set (phase, "width", 600.0, NULL);
      kr_map_insert_item (map, i, KR_ITEM (phase));
    }
  for (guint i = 0; i < N_LANES; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", i);
      g_autoptr(KrLane) lane = kr_lane_new (id);

      g_object_set (lane, "height", 700.0, NULL);
      kr_map_insert_item (map, i, KR_ITEM (lane));
    }
  for (guint i = 0; i < N_TOUCHPOINTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *phase = g_strdup_printf ("p%u", i * N_PHASES / N_TOUCHPOINTS);
      g_autofree char *lane = g_strdup_printf ("l%u", i % N_LANES);
      g_autoptr(KrTouchpoint) touchpoint = kr_touchpoint_new (id);

      g_object_set (touchpoint, "phase-id", phase, "lane-id", lane, "title", id,
                    "x", 24.0 + (i / N_LANES % 2) * 260, "y", 40.0 + (i / N_LANES / 2 % 4) * 140, NULL);
      kr_map_insert_item (map, i, KR_ITEM (touchpoint));
    }
  for (guint i = 0; i < N_TOUCHPOINTS * 3 / 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_autofree char *from = g_strdup_printf ("t%u", i % N_TOUCHPOINTS);
      g_autofree char *to = g_strdup_printf ("t%u", g_rand_int_range (rand, 0, N_TOUCHPOINTS));
      g_autoptr(KrConnection) connection = kr_connection_new (id);

      g_object_set (connection, "from-id", from, "to-id", i % 17 == 0 ? from : to, NULL);
      kr_map_insert_item (map, i, KR_ITEM (connection));
    }

  return map;
}

typedef struct
{
  KrConnection *connection;
  KrRoute route;
} RouteEntry;

static void
collect_route (KrConnection  *connection,
               const KrRoute *route,
               gpointer       user_data)
{
  RouteEntry entry = { connection, *route };

  g_array_append_val (user_data, entry);
}

static GArray *
get_routes (KrRenderer *renderer,
            KrMap      *map)
{
  GArray *routes = g_array_new (FALSE, FALSE, sizeof (RouteEntry));

  kr_renderer_foreach_route (renderer, map, NULL, collect_route, routes);
  return routes;
}

static void
assert_same_routes (GArray *a,
                    GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      RouteEntry *first = &g_array_index (a, RouteEntry, i);
      RouteEntry *second = &g_array_index (b, RouteEntry, i);

      g_assert_true (first->connection == second->connection);
      g_assert_cmpint (first->route.kind, ==, second->route.kind);
      for (int p = 0; p < 4; p++)
        {
          g_assert_cmpfloat (first->route.points[p].x, ==, second->route.points[p].x);
          g_assert_cmpfloat (first->route.points[p].y, ==, second->route.points[p].y);
        }
    }
}

static void
assert_same_rect (const KrRect *a,
                  const KrRect *b)
{
  g_assert_cmpfloat (a->x, ==, b->x);
  g_assert_cmpfloat (a->y, ==, b->y);
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->height, ==, b->height);
}

/* What @kept says now equals what a new renderer computes. */
static void
assert_same_as_fresh (KrRenderer *kept,
                      KrMap      *map)
{
  g_autoptr(KrRenderer) fresh = kr_renderer_new (KR_THEME_LIGHT);
  g_autoptr(GArray) kept_routes = get_routes (kept, map);
  g_autoptr(GArray) fresh_routes = get_routes (fresh, map);
  KrRect kept_extent = kr_renderer_get_extent (kept, map);
  KrRect fresh_extent = kr_renderer_get_extent (fresh, map);

  assert_same_routes (kept_routes, fresh_routes);
  assert_same_rect (&kept_extent, &fresh_extent);

  for (guint i = 0; i < kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT); i++)
    {
      KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, i);
      KrRect kept_rect = { 0 }, fresh_rect = { 0 };
      gboolean kept_found = kr_renderer_get_card_rect (kept, map, touchpoint, &kept_rect);
      gboolean fresh_found = kr_renderer_get_card_rect (fresh, map, touchpoint, &fresh_rect);

      g_assert_cmpint (kept_found, ==, fresh_found);
      assert_same_rect (&kept_rect, &fresh_rect);
    }
}

/* Pixels of two surfaces of the same size differ by at most @tolerance per channel. */
static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b,
                    int              tolerance)
{
  int stride = cairo_image_surface_get_stride (a);
  int height = cairo_image_surface_get_height (a);
  const unsigned char *pa, *pb;
  int worst = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);
  for (int i = 0; i < stride * height; i++)
    worst = MAX (worst, abs (pa[i] - pb[i]));

  g_assert_cmpint (worst, <=, tolerance);
}

static cairo_surface_t *
draw (KrRenderer *renderer,
      KrMap      *map,
      double      zoom)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cairo_t *cr = cairo_create (surface);
  KrRect viewport = { 300, 100, 800 / zoom, 600 / zoom };

  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -viewport.x, -viewport.y);
  kr_renderer_draw (renderer, cr, map, &viewport, KR_RENDER_DEFAULT);
  cairo_destroy (cr);

  return surface;
}

/* The frame drawn by a renderer that has drawn before (with cached card pictures) is the
 * frame a new renderer draws. */
static void
assert_draws_as_fresh (KrRenderer *kept,
                       KrMap      *map)
{
  const double zooms[] = { 1.0, 0.5, 0.2, 0.05 };

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      g_autoptr(KrRenderer) fresh = kr_renderer_new (KR_THEME_LIGHT);
      cairo_surface_t *kept_frame = draw (kept, map, zooms[i]);
      cairo_surface_t *fresh_frame = draw (fresh, map, zooms[i]);

      assert_same_pixels (kept_frame, fresh_frame, 0);
      cairo_surface_destroy (kept_frame);
      cairo_surface_destroy (fresh_frame);
    }
}

/* Cards moved one at a time, as a drag commits them: only the arrows they touch or that arc
 * near them are routed again, and the result is the full routing's. */
static void
test_moves (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(KrMap) map = create_map (rand);
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_LIGHT);

  assert_same_as_fresh (renderer, map);
  assert_draws_as_fresh (renderer, map);

  for (guint step = 0; step < 60; step++)
    {
      KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT,
                                                  g_rand_int_range (rand, 0, N_TOUCHPOINTS));

      g_object_set (touchpoint, "x", g_rand_double_range (rand, 0, 500),
                    "y", g_rand_double_range (rand, 0, 600), NULL);
      if (step % 7 == 0)
        {
          g_autofree char *phase = g_strdup_printf ("p%d", g_rand_int_range (rand, 0, N_PHASES));

          g_object_set (touchpoint, "phase-id", phase, NULL);
        }

      assert_same_as_fresh (renderer, map);
      if (step % 10 == 0)
        assert_draws_as_fresh (renderer, map);
    }
}

/* Changes to phases, lanes, the lists and the ends of arrows rebuild what they must. */
static void
test_structure_changes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(KrMap) map = create_map (rand);
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_LIGHT);
  KrConnection *connection = kr_map_get_item (map, KR_ITEM_CONNECTION, 4);
  KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, 7);

  assert_same_as_fresh (renderer, map);

  g_object_set (kr_map_get_item (map, KR_ITEM_PHASE, 1), "width", 900.0, NULL);
  assert_same_as_fresh (renderer, map);
  assert_draws_as_fresh (renderer, map);

  g_object_set (kr_map_get_item (map, KR_ITEM_LANE, 0), "height", 300.0, NULL);
  assert_same_as_fresh (renderer, map);

  g_object_set (connection, "to-id", "t99", NULL);
  assert_same_as_fresh (renderer, map);

  g_object_set (touchpoint, "title", "A new title that is longer", "emotion", 1, NULL);
  assert_draws_as_fresh (renderer, map);

  kr_map_remove_item (map, KR_ITEM (touchpoint));
  assert_same_as_fresh (renderer, map);
  assert_draws_as_fresh (renderer, map);

  {
    g_autoptr(KrTouchpoint) added = kr_touchpoint_new ("new");

    g_object_set (added, "phase-id", "p2", "lane-id", "l1", "x", 100.0, "y", 100.0, NULL);
    kr_map_insert_item (map, 3, KR_ITEM (added));
  }
  assert_same_as_fresh (renderer, map);

  kr_map_remove_item (map, kr_map_get_item (map, KR_ITEM_PHASE, 5));
  assert_same_as_fresh (renderer, map);

  g_object_set (kr_map_get_item (map, KR_ITEM_PHASE, 0), "color", "#ff0000", NULL);
  assert_draws_as_fresh (renderer, map);
}

/* A drag preview draws the moved cards and their arrows where a moved map would have them. */
static void
test_move_preview (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(KrMap) map = create_map (rand);
  g_autoptr(KrRenderer) previewing = kr_renderer_new (KR_THEME_LIGHT);
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();
  KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, 40);
  double x = kr_touchpoint_get_x (touchpoint), y = kr_touchpoint_get_y (touchpoint);
  KrRect extent;

  g_ptr_array_add (moved, touchpoint);
  kr_renderer_get_extent (previewing, map);
  kr_renderer_set_move_preview (previewing, moved, 37, -21);
  {
    g_autoptr(GArray) preview_routes = get_routes (previewing, map);

    extent = kr_renderer_get_extent (previewing, map);
    g_object_set (touchpoint, "x", x + 37, "y", y - 21, NULL);
    kr_renderer_clear_preview (previewing);
    {
      g_autoptr(KrRenderer) fresh = kr_renderer_new (KR_THEME_LIGHT);
      g_autoptr(GArray) moved_routes = get_routes (fresh, map);
      KrRect moved_extent = kr_renderer_get_extent (fresh, map);

      assert_same_routes (preview_routes, moved_routes);
      assert_same_rect (&moved_extent, &extent);
    }
  }
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  cairo_surface_flush (surface);
  return *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
}

/* A drag in two layers: the static one leaves out the dragged card, the moving one holds
 * only the dragged card and its arrows. */
static void
test_drag_layers (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(KrMap) map = create_map (rand);
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_LIGHT);
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();
  KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, 0);
  KrTouchpoint *other = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, 30);
  KrRect viewport = { 0, 0, 4000, 3000 }, card, other_card;
  cairo_surface_t *surfaces[2];

  g_ptr_array_add (moved, touchpoint);
  kr_renderer_get_card_rect (renderer, map, touchpoint, &card);
  kr_renderer_get_card_rect (renderer, map, other, &other_card);
  kr_renderer_set_move_preview (renderer, moved, 0, 0);

  for (int layer = 0; layer < 2; layer++)
    {
      cairo_t *cr;

      surfaces[layer] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 750);
      cr = cairo_create (surfaces[layer]);
      cairo_scale (cr, 0.25, 0.25);
      kr_renderer_draw (renderer, cr, map, &viewport, layer == 0 ? KR_RENDER_STATIC_LAYER : KR_RENDER_MOVING_LAYER);
      cairo_destroy (cr);
    }

  /* the middle of the dragged card: in the moving layer only */
  g_assert_cmpuint (pixel_at (surfaces[1], (card.x + card.width / 2) / 4, (card.y + card.height / 2) / 4) >> 24, ==, 255);
  g_assert_cmpuint (pixel_at (surfaces[0], (card.x + card.width / 2) / 4, (card.y + card.height / 2) / 4),
                    !=, pixel_at (surfaces[1], (card.x + card.width / 2) / 4, (card.y + card.height / 2) / 4));
  /* another card: in the static layer only */
  g_assert_cmpuint (pixel_at (surfaces[1], (other_card.x + other_card.width / 2) / 4,
                              (other_card.y + other_card.height / 2) / 4), ==, 0);
  g_assert_cmpuint (pixel_at (surfaces[0], (other_card.x + other_card.width / 2) / 4,
                              (other_card.y + other_card.height / 2) / 4) >> 24, ==, 255);

  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
  kr_renderer_clear_preview (renderer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scene/moves", test_moves);
  g_test_add_func ("/scene/structure-changes", test_structure_changes);
  g_test_add_func ("/scene/move-preview", test_move_preview);
  g_test_add_func ("/scene/drag-layers", test_drag_layers);

  return g_test_run ();
}
