/* test-render.c: layout, connection routing, themes and the renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "kr-layout.h"
#include "kr-line-mask.h"
#include "kr-renderer.h"
#include "kr-route.h"

static const KrRect corridor = { 150, 76, 2000, 520 };

/* Whether the curve enters the inside of @card (its border may be touched). */
static gboolean
route_enters (const KrRoute *route,
              const KrRect  *card)
{
  KrRect inside = kr_rect_inflate (card, -1.5);

  for (int i = 1; i < 200; i++)
    {
      KrPoint point = kr_route_point_at (route, i / 200.0);

      if (kr_rect_contains_point (&inside, point.x, point.y))
        return TRUE;
    }

  return FALSE;
}

static void
assert_clear_of_own_ends (const KrRect *from,
                          const KrRect *to,
                          gboolean      self_loop,
                          const KrRect *obstacles,
                          guint         n_obstacles,
                          KrRouteKind   expected_kind)
{
  for (int fan = -2; fan <= 2; fan++)
    {
      KrRoute route;

      kr_route_connection (from, to, self_loop, fan, obstacles, n_obstacles, &corridor, &route);
      g_assert_cmpint (route.kind, ==, expected_kind);
      g_assert_false (route_enters (&route, from));
      g_assert_false (route_enters (&route, to));
    }
}

static void
test_route_forward (void)
{
  KrRect from = { 200, 150, 200, 96 };
  KrRect to = { 600, 350, 200, 96 };

  assert_clear_of_own_ends (&from, &to, FALSE, NULL, 0, KR_ROUTE_FORWARD);
}

static void
test_route_vertical (void)
{
  KrRect from = { 200, 120, 200, 96 };
  KrRect to = { 250, 380, 200, 96 };

  assert_clear_of_own_ends (&from, &to, FALSE, NULL, 0, KR_ROUTE_VERTICAL);
  assert_clear_of_own_ends (&to, &from, FALSE, NULL, 0, KR_ROUTE_VERTICAL);
}

/* A loop back arcs over the cards it passes instead of cutting through them. */
static void
test_route_backward (void)
{
  KrRect cards[] = {
    { 900, 200, 200, 96 },   /* from */
    { 200, 220, 200, 96 },   /* to */
    { 550, 150, 200, 96 },   /* in between, higher than both ends */
  };
  KrRoute route;

  assert_clear_of_own_ends (&cards[0], &cards[1], FALSE, cards, G_N_ELEMENTS (cards), KR_ROUTE_BACKWARD);

  kr_route_connection (&cards[0], &cards[1], FALSE, 0, cards, G_N_ELEMENTS (cards), &corridor, &route);
  g_assert_false (route_enters (&route, &cards[2]));
  g_assert_cmpfloat (kr_route_get_bounds (&route).y, <, cards[2].y);
}

/* Without room above the cards inside the lanes, the loop goes under them. */
static void
test_route_backward_below (void)
{
  KrRect cards[] = {
    { 900, 90, 200, 96 },
    { 200, 90, 200, 96 },
  };
  KrRoute route;

  kr_route_connection (&cards[0], &cards[1], FALSE, 0, cards, 2, &corridor, &route);
  g_assert_cmpfloat (route.points[0].y, ==, kr_rect_bottom (&cards[0]));
  g_assert_false (route_enters (&route, &cards[0]));
  g_assert_false (route_enters (&route, &cards[1]));
  g_assert_cmpfloat (kr_route_get_bounds (&route).y, >=, cards[0].y);
}

static void
test_route_self (void)
{
  KrRect card = { 300, 200, 200, 96 };

  assert_clear_of_own_ends (&card, &card, TRUE, NULL, 0, KR_ROUTE_SELF);
}

static KrMap *
create_map (void)
{
  KrMap *map = kr_map_new ();
  const char *phases[] = { "p1", "p2" };
  const char *lanes[] = { "online", "offline" };

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      g_autoptr(KrPhase) phase = kr_phase_new (phases[i]);

      g_object_set (phase, "width", 300.0 + i * 100, "title", phases[i], NULL);
      kr_map_insert_item (map, i, KR_ITEM (phase));
    }
  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      g_autoptr(KrLane) lane = kr_lane_new (lanes[i]);

      kr_map_insert_item (map, i, KR_ITEM (lane));
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i + 1);
      g_autoptr(KrTouchpoint) touchpoint = kr_touchpoint_new (id);

      g_object_set (touchpoint, "phase-id", phases[i % 2], "lane-id", lanes[i / 2],
                    "x", 20.0, "y", 30.0, "title", id, NULL);
      kr_map_insert_item (map, i, KR_ITEM (touchpoint));
    }

  return map;
}

/* Cards sit in their cell: resizing a phase carries the cards of the next one along. */
static void
test_layout (void)
{
  g_autoptr(KrMap) map = create_map ();
  KrTouchpoint *second = kr_map_lookup_touchpoint (map, "t2");
  KrTouchpoint *third = kr_map_lookup_touchpoint (map, "t3");
  KrRect rect, bounds;

  {
    g_autoptr(KrLayout) layout = kr_layout_new (map);

    g_assert_true (kr_layout_get_card_rect (layout, second, &rect));
    g_assert_cmpfloat (rect.x, ==, KR_LAYOUT_LANE_HEADER_WIDTH + 300 + 20);
    g_assert_cmpfloat (rect.y, ==, KR_LAYOUT_PHASE_HEADER_HEIGHT + 30);
    g_assert_true (kr_layout_get_card_rect (layout, third, &rect));
    g_assert_cmpfloat (rect.y, ==, KR_LAYOUT_PHASE_HEADER_HEIGHT + KR_LANE_DEFAULT_HEIGHT + 30);

    bounds = kr_layout_get_bounds (layout);
    g_assert_cmpfloat (bounds.width, ==, KR_LAYOUT_LANE_HEADER_WIDTH + 700);
    g_assert_cmpfloat (bounds.height, ==, KR_LAYOUT_PHASE_HEADER_HEIGHT + 2 * KR_LANE_DEFAULT_HEIGHT +
                                          KR_LAYOUT_EMOTION_BAND_HEIGHT);
  }

  g_object_set (kr_map_lookup_phase (map, "p1"), "width", 500.0, NULL);
  {
    g_autoptr(KrLayout) layout = kr_layout_new (map);

    g_assert_true (kr_layout_get_card_rect (layout, second, &rect));
    g_assert_cmpfloat (rect.x, ==, KR_LAYOUT_LANE_HEADER_WIDTH + 500 + 20);
  }
}

static void
test_theme_contrast (void)
{
  for (KrThemeId id = 0; id < KR_N_THEMES; id++)
    {
      const KrTheme *theme = kr_theme_get (id);

      g_test_message ("theme %s", theme->name);
      g_assert_cmpfloat (kr_color_contrast (&theme->text, &theme->card_background), >=, 4.5);
      g_assert_cmpfloat (kr_color_contrast (&theme->text_muted, &theme->card_background), >=, 4.5);
      g_assert_cmpfloat (kr_color_contrast (&theme->text, &theme->header_background), >=, 4.5);
      g_assert_cmpfloat (kr_color_contrast (&theme->text, &theme->lane_header), >=, 4.5);
      g_assert_cmpfloat (kr_color_contrast (&theme->badge_text, &theme->badge_background), >=, 4.5);
    }
}

/* The renderer paints cards where the layout puts them, and nothing outside the viewport. */
static void
test_renderer_draws_cards (void)
{
  g_autoptr(KrMap) map = create_map ();
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_DARK);
  g_autoptr(KrLayout) layout = kr_layout_new (map);
  KrRect bounds = kr_layout_get_bounds (layout);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) bounds.width, (int) bounds.height);
  cairo_t *cr = cairo_create (surface);
  KrRect card;
  guint32 *pixels;
  int stride;

  kr_renderer_draw (renderer, cr, map, &bounds, KR_RENDER_DEFAULT);
  cairo_surface_flush (surface);

  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  g_assert_true (kr_layout_get_card_rect (layout, kr_map_lookup_touchpoint (map, "t1"), &card));

  /* inside a card: the dark theme's card colour #353535; outside: the band, not the card */
  g_assert_cmphex (pixels[(int) (card.y + 80) * stride + (int) (card.x + 100)] & 0xffffff, ==, 0x353535);
  g_assert_cmphex (pixels[(int) (card.y - 10) * stride + (int) (card.x + 100)] & 0xffffff, !=, 0x353535);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* How many pixels of @card's title area, drawn at @scale, differ from its background. */
static guint
count_title_pixels (KrMap        *map,
                    const char   *id,
                    double        scale)
{
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_LIGHT);
  g_autoptr(KrLayout) layout = kr_layout_new (map);
  KrRect bounds = kr_layout_get_bounds (layout), card;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (bounds.width * scale),
                                                         (int) ceil (bounds.height * scale));
  cairo_t *cr = cairo_create (surface);
  const guint32 *pixels;
  guint32 background;
  guint count = 0;
  int stride;

  cairo_scale (cr, scale, scale);
  kr_renderer_draw (renderer, cr, map, &bounds, KR_RENDER_DEFAULT);
  cairo_surface_flush (surface);
  pixels = (const guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;

  g_assert_true (kr_layout_get_card_rect (layout, kr_map_lookup_touchpoint (map, id), &card));
  /* the card's own colour, right of the title, under the channel */
  background = pixels[(int) ((card.y + 12) * scale) * stride + (int) ((card.x + card.width - 8) * scale)];
  for (int y = (int) ((card.y + 32) * scale); y < (int) ((card.y + 66) * scale); y++)
    for (int x = (int) ((card.x + 20) * scale); x < (int) ((card.x + card.width - 16) * scale); x++)
      count += pixels[y * stride + x] != background;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return count;
}

/* Zoomed out beyond reading, a card's title still shows, as grey lines as long as it. */
static void
test_greeked_titles (void)
{
  g_autoptr(KrMap) map = create_map ();
  KrTouchpoint *long_title = kr_map_lookup_touchpoint (map, "t1");
  KrTouchpoint *no_title = kr_map_lookup_touchpoint (map, "t2");
  guint long_pixels, short_pixels;

  g_object_set (long_title, "title", "Information evening at the company, with a tour", NULL);
  g_object_set (no_title, "title", "", NULL);

  long_pixels = count_title_pixels (map, "t1", 0.25);
  short_pixels = count_title_pixels (map, "t3", 0.25);   /* its title is “t3” */
  g_assert_cmpuint (count_title_pixels (map, "t2", 0.25), ==, 0);
  g_assert_cmpuint (short_pixels, >, 0);
  g_assert_cmpuint (long_pixels, >, 3 * short_pixels);
}

static void
test_extent_includes_loops (void)
{
  g_autoptr(KrMap) map = create_map ();
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_LIGHT);
  g_autoptr(KrConnection) loop = kr_connection_new ("c1");
  g_autoptr(KrLayout) layout = kr_layout_new (map);
  KrRect before = kr_renderer_get_extent (renderer, map);
  KrRect after;

  g_assert_cmpfloat (before.height, ==, kr_layout_get_bounds (layout).height);

  /* a loop back from the lower lane's card, with no room above, dips under the map */
  g_object_set (loop, "from-id", "t3", "to-id", "t3", NULL);
  kr_map_insert_item (map, 0, KR_ITEM (loop));
  after = kr_renderer_get_extent (renderer, map);
  g_assert_cmpfloat (after.width, >=, before.width);
  g_assert_cmpfloat (after.height, >=, before.height);
}

/* What @n_threads draw of the same random curves (thin, wide, dashed) on a white page. */
static cairo_surface_t *
draw_random_curves (guint n_threads)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 480);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(KrLineMask) mask = NULL;
  static const double dashes[] = { 8, 6 };

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.7, 0.7);
  mask = kr_line_mask_new (cr);
  kr_line_mask_set_max_threads (mask, n_threads);
  for (guint i = 0; i < 2000; i++)
    {
      KrPoint points[4];

      for (int p = 0; p < 4; p++)
        points[p] = (KrPoint) { g_rand_double_range (rand, -100, 1000), g_rand_double_range (rand, -100, 800) };
      kr_line_mask_add_curve (mask, points, g_rand_double_range (rand, 0.5, 6), i % 3 ? NULL : dashes,
                              i % 3 ? 0 : G_N_ELEMENTS (dashes));
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  kr_line_mask_paint (mask, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Arrows are drawn on all cores, each into its own rows: the picture is the same for any
 * number of threads, to the bit. */
static void
test_line_mask_threads (void)
{
  cairo_surface_t *one = draw_random_curves (1);
  cairo_surface_t *several = draw_random_curves (8);
  int stride = cairo_image_surface_get_stride (one);
  const guint8 *a = cairo_image_surface_get_data (one), *b = cairo_image_surface_get_data (several);
  gsize dark = 0;

  for (int i = 0; i < stride * 480; i += 4)
    dark += a[i] < 128;
  g_assert_cmpuint (dark, >, 640 * 480 / 20);   /* the curves were drawn */
  g_assert_cmpmem (a, stride * 480, b, stride * 480);

  cairo_surface_destroy (one);
  cairo_surface_destroy (several);
}

/* A straight line two pixels wide on whole pixels covers its two rows (to a unit of
 * rounding) and nothing else. */
static void
test_line_mask_coverage (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 100, 40);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(KrLineMask) mask = kr_line_mask_new (cr);
  const KrPoint points[4] = { { 10, 20 }, { 30, 20 }, { 60, 20 }, { 90, 20 } };
  const guint8 *data;
  int stride;

  kr_line_mask_add_curve (mask, points, 2, NULL, 0);
  cairo_set_source_rgba (cr, 0, 0, 0, 1);
  kr_line_mask_paint (mask, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  for (int x = 11; x < 89; x++)
    {
      g_assert_cmpuint (data[18 * stride + x], <=, 1);
      g_assert_cmpuint (data[19 * stride + x], >=, 254);
      g_assert_cmpuint (data[20 * stride + x], >=, 254);
      g_assert_cmpuint (data[21 * stride + x], <=, 1);
    }
  g_assert_cmpuint (data[19 * stride + 95], ==, 0);
  cairo_surface_destroy (surface);
}

/* Cards stacked above one another push the emotion curve to the right; it still ends inside
 * the map, not beyond its last phase. */
static void
test_emotion_curve_stays_inside (void)
{
  g_autoptr(KrMap) map = create_map ();
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_LIGHT);
  g_autoptr(KrLayout) layout = NULL;
  KrRect band, viewport;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 *pixels, background;
  int stride, right;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("stacked%u", i);
      g_autoptr(KrTouchpoint) touchpoint = kr_touchpoint_new (id);

      g_object_set (touchpoint, "phase-id", "p2", "lane-id", "online", "x", 20.0, "y", 30.0 + i * 110,
                    "emotion", 1 + (int) (i % 5), NULL);
      kr_map_insert_item (map, kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT), KR_ITEM (touchpoint));
    }
  layout = kr_layout_new (map);
  band = kr_layout_get_emotion_band (layout);
  g_assert_cmpfloat (band.height, >, 0);

  /* the band and 400 units of nothing beyond the map's end */
  viewport = (KrRect) { band.x, band.y, band.width + 400, band.height };
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) viewport.width, (int) viewport.height);
  cr = cairo_create (surface);
  cairo_translate (cr, -viewport.x, -viewport.y);
  kr_renderer_draw (renderer, cr, map, &viewport, KR_RENDER_DEFAULT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  right = (int) band.width;
  background = pixels[2 * stride + right + 300];
  for (int y = 0; y < (int) band.height; y++)
    for (int x = right + 8; x < (int) viewport.width; x++)
      g_assert_cmphex (pixels[y * stride + x], ==, background);

  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/route/forward", test_route_forward);
  g_test_add_func ("/route/vertical", test_route_vertical);
  g_test_add_func ("/route/backward", test_route_backward);
  g_test_add_func ("/route/backward-below", test_route_backward_below);
  g_test_add_func ("/route/self", test_route_self);
  g_test_add_func ("/layout/cells", test_layout);
  g_test_add_func ("/theme/contrast", test_theme_contrast);
  g_test_add_func ("/renderer/draws-cards", test_renderer_draws_cards);
  g_test_add_func ("/renderer/extent", test_extent_includes_loops);
  g_test_add_func ("/renderer/greeked-titles", test_greeked_titles);
  g_test_add_func ("/renderer/emotion-curve-stays-inside", test_emotion_curve_stays_inside);
  g_test_add_func ("/line-mask/coverage", test_line_mask_coverage);
  g_test_add_func ("/line-mask/threads", test_line_mask_threads);

  return g_test_run ();
}
