/* test-animation.c: the presentation's zoom-and-pan and where its stops are, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "kr-animation.h"
#include "kr-layout.h"
#include "kr-map-loader.h"
#include "kr-renderer.h"
#include "kr-slides.h"

#define FRAME (G_USEC_PER_SEC / 60)

static gboolean
rect_equal (const KrRect *a,
            const KrRect *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

static gboolean
rect_contains (const KrRect *outer,
               const KrRect *inner)
{
  return outer->x <= inner->x + 1e-9 && outer->y <= inner->y + 1e-9 &&
         kr_rect_right (outer) >= kr_rect_right (inner) - 1e-9 &&
         kr_rect_bottom (outer) >= kr_rect_bottom (inner) - 1e-9;
}

static KrMap *
load_template (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KrMap *map = kr_map_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return map;
}

static void
test_easing (void)
{
  double previous = 0;

  g_assert_cmpfloat (kr_ease_in_out_cubic (0), ==, 0);
  g_assert_cmpfloat (kr_ease_in_out_cubic (1), ==, 1);
  g_assert_cmpfloat (kr_ease_in_out_cubic (-3), ==, 0);
  g_assert_cmpfloat (kr_ease_in_out_cubic (7), ==, 1);
  g_assert_cmpfloat_with_epsilon (kr_ease_in_out_cubic (0.5), 0.5, 1e-12);

  for (int i = 1; i <= 1000; i++)
    {
      double t = i / 1000.0;
      double eased = kr_ease_in_out_cubic (t);

      g_assert_cmpfloat (eased, >=, previous);
      g_assert_cmpfloat_with_epsilon (eased, 1 - kr_ease_in_out_cubic (1 - t), 1e-12);
      previous = eased;
    }
}

static void
test_interpolate_ends (void)
{
  KrRect from = { 0, 0, 3200, 1800 };
  KrRect to = { 1234.5, 77.25, 640.125, 360.0703125 };
  KrRect at_start = kr_viewport_interpolate (&from, &to, 0);
  KrRect at_end = kr_viewport_interpolate (&from, &to, 1);

  g_assert_true (rect_equal (&at_start, &from));
  g_assert_true (rect_equal (&at_end, &to));
}

/* Zooming into a part of the view keeps that part in the picture all the way. */
static void
test_zoom_keeps_target_in_view (void)
{
  KrRect overview = { -32, -32, 3000, 1687.5 };
  KrRect phase = { 2400, 500, 500, 281.25 };
  double target_x = phase.x + phase.width / 2, target_y = phase.y + phase.height / 2;

  for (int i = 0; i <= 100; i++)
    {
      KrRect in = kr_viewport_interpolate (&overview, &phase, i / 100.0);
      KrRect out = kr_viewport_interpolate (&phase, &overview, i / 100.0);

      g_assert_true (kr_rect_contains_point (&in, target_x, target_y));
      g_assert_true (kr_rect_contains_point (&out, target_x, target_y));
      /* the screen's shape is kept */
      g_assert_cmpfloat_with_epsilon (in.width / in.height, 16.0 / 9.0, 1e-9);
    }
}

/* A long pan between two views of one size zooms out on the way, symmetrically. */
static void
test_pan_zooms_out_on_the_way (void)
{
  KrRect first = { 0, 0, 800, 450 };
  KrRect last = { 4000, 0, 800, 450 };
  KrRect middle = kr_viewport_interpolate (&first, &last, 0.5);
  KrRect quarter = kr_viewport_interpolate (&first, &last, 0.25);
  KrRect three_quarters = kr_viewport_interpolate (&first, &last, 0.75);

  g_assert_cmpfloat (middle.width, >, first.width);
  g_assert_cmpfloat_with_epsilon (middle.x + middle.width / 2, 2400, 1e-6);
  g_assert_cmpfloat_with_epsilon (quarter.width, three_quarters.width, 1e-6);
  g_assert_cmpfloat_with_epsilon (quarter.x + quarter.width / 2 - 400, 4400 - (three_quarters.x + three_quarters.width / 2), 1e-6);
}

/* Driven by a fake 60 Hz clock: 250–400 ms, smooth, and exactly on the target at the end. */
static void
test_animation_on_fake_clock (void)
{
  KrRect from = { -32, -32, 3333.3, 1874.98 };
  KrRect to = { 118.123456789, 44.987654321, 611.11111, 343.75 };
  KrViewportAnimation animation;
  KrRect viewport, previous;
  gint64 start = 987654321, now = start;
  double total = 0, largest = 0;
  guint frames = 0;

  g_assert_cmpint (KR_ANIMATION_DURATION, >=, 250 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (KR_ANIMATION_DURATION, <=, 400 * G_TIME_SPAN_MILLISECOND);

  kr_viewport_animation_start (&animation, &from, &to, KR_ANIMATION_DURATION);

  /* the first frame starts the clock and still shows where it comes from */
  g_assert_true (kr_viewport_animation_step (&animation, now, &viewport));
  g_assert_true (rect_equal (&viewport, &from));
  previous = viewport;

  while (kr_viewport_animation_step (&animation, now += FRAME, &viewport))
    {
      /* how far the picture moves, as the path measures it: the pan in screen widths, and
       * the zoom as a ratio, weighed by ρ. Along the path this speed follows the easing. */
      double width = (viewport.width + previous.width) / 2;
      double pan = hypot (viewport.x + viewport.width / 2 - previous.x - previous.width / 2,
                          viewport.y + viewport.height / 2 - previous.y - previous.height / 2) / width;
      double moved = hypot (pan, log (viewport.width / previous.width) / KR_ANIMATION_ZOOM_CURVATURE);

      g_assert_false (rect_equal (&viewport, &to));
      total += moved;
      largest = MAX (largest, moved);
      previous = viewport;
      frames++;
      g_assert_cmpuint (frames, <, 100);
    }

  /* ended on time, and exactly on the target: no rounding error left on screen */
  g_assert_cmpint (now - start, >=, KR_ANIMATION_DURATION);
  g_assert_cmpint (now - start, <, KR_ANIMATION_DURATION + FRAME);
  g_assert_cmpmem (&viewport, sizeof viewport, &to, sizeof to);
  g_assert_false (animation.running);
  g_assert_cmpuint (frames, >=, 14);

  /* no stutter: no frame jumps further than the easing allows (a cubic peaks at 3 × its mean) */
  g_assert_cmpfloat (largest, <, 3.2 * total / frames);
  g_assert_cmpfloat (largest, >, 2.5 * total / frames);

  /* later steps stay there */
  g_assert_false (kr_viewport_animation_step (&animation, now + G_USEC_PER_SEC, &viewport));
  g_assert_cmpmem (&viewport, sizeof viewport, &to, sizeof to);
}

/* A late frame (the machine was busy) still lands exactly on the target. */
static void
test_animation_late_frame (void)
{
  KrRect from = { 0, 0, 100, 50 }, to = { 10.1, 20.2, 30.3, 15.15 }, viewport;
  KrViewportAnimation animation;

  kr_viewport_animation_start (&animation, &from, &to, KR_ANIMATION_DURATION);
  g_assert_true (kr_viewport_animation_step (&animation, 1000, &viewport));
  g_assert_false (kr_viewport_animation_step (&animation, 1000 + 10 * G_USEC_PER_SEC, &viewport));
  g_assert_true (rect_equal (&viewport, &to));

  /* without time, it jumps */
  kr_viewport_animation_start (&animation, &from, &to, 0);
  g_assert_false (kr_viewport_animation_step (&animation, 5, &viewport));
  g_assert_true (rect_equal (&viewport, &to));
}

static void
test_fit_aspect (void)
{
  KrRect tall = { 100, 200, 400, 900 };
  KrRect wide = { -50, 10, 5000, 300 };
  KrRect fitted_tall = kr_rect_fit_aspect (&tall, 16.0 / 9.0);
  KrRect fitted_wide = kr_rect_fit_aspect (&wide, 16.0 / 9.0);

  g_assert_cmpfloat_with_epsilon (fitted_tall.width / fitted_tall.height, 16.0 / 9.0, 1e-12);
  g_assert_cmpfloat (fitted_tall.height, ==, tall.height);
  g_assert_true (rect_contains (&fitted_tall, &tall));
  g_assert_cmpfloat_with_epsilon (fitted_tall.x + fitted_tall.width / 2, tall.x + tall.width / 2, 1e-9);

  g_assert_cmpfloat_with_epsilon (fitted_wide.width / fitted_wide.height, 16.0 / 9.0, 1e-12);
  g_assert_cmpfloat (fitted_wide.width, ==, wide.width);
  g_assert_true (rect_contains (&fitted_wide, &wide));
  g_assert_cmpfloat_with_epsilon (fitted_wide.y + fitted_wide.height / 2, wide.y + wide.height / 2, 1e-9);
}

/* Each phase's stop shows its header, its column and the lane titles beside it. */
static void
test_phase_slides (void)
{
  g_autoptr(KrMap) map = load_template ("six-phases-funnel.en.kringel");
  g_autoptr(KrLayout) layout = kr_layout_new (map);
  guint n = kr_layout_get_n_phases (layout);
  KrRect previous = { 0 };

  g_assert_cmpuint (n, ==, 6);
  g_assert_true (kr_layout_has_lanes (layout));

  for (guint i = 0; i < n; i++)
    {
      KrRect header = kr_layout_get_phase_header (layout, i);
      KrRect column = kr_layout_get_phase_column (layout, i);
      KrRect area = kr_slide_get_phase_area (layout, i);
      KrRect slide = kr_slide_get_phase (layout, i);
      KrRect gutter = { header.x - KR_LAYOUT_LANE_HEADER_WIDTH, column.y, KR_LAYOUT_LANE_HEADER_WIDTH, column.height };

      g_assert_true (rect_contains (&area, &header));
      g_assert_true (rect_contains (&area, &column));
      g_assert_cmpfloat (area.x, ==, header.x);
      g_assert_cmpfloat (area.width, ==, header.width);
      g_assert_true (rect_contains (&slide, &area));
      g_assert_true (rect_contains (&slide, &gutter));
      g_assert_cmpfloat (slide.y, ==, area.y - KR_SLIDE_MARGIN);

      /* the phases follow each other without overlapping */
      if (i > 0)
        g_assert_cmpfloat (area.x, ==, kr_rect_right (&previous));
      previous = area;
    }
}

static void
test_overview_slide (void)
{
  g_autoptr(KrMap) map = load_template ("four-phases.en.kringel");
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_PROJECTOR);
  KrRect extent = kr_renderer_get_extent (renderer, map);
  KrRect overview = kr_slide_get_overview (&extent);

  g_assert_cmpfloat (extent.width, >, 0);
  g_assert_true (rect_contains (&overview, &extent));
  g_assert_cmpfloat (overview.width, ==, extent.width + 2 * KR_SLIDE_MARGIN);
}

/* The first phase is shown beside its neighbours, not beside empty space. */
static void
test_keep_within (void)
{
  KrRect bounds = { -20, -20, 2400, 900 };
  KrRect left = { -500, 50, 1400, 787.5 };
  KrRect inside = { 300, 10, 1400, 787.5 };
  KrRect right = { 1800, -40, 1400, 787.5 };
  KrRect too_wide = { 0, 0, 3000, 1687.5 };
  KrRect kept;

  kept = kr_slide_keep_within (&left, &bounds);
  g_assert_cmpfloat (kept.x, ==, -20);
  g_assert_cmpfloat (kept.y, ==, 50);
  g_assert_cmpfloat (kept.width, ==, left.width);

  kept = kr_slide_keep_within (&inside, &bounds);
  g_assert_true (rect_equal (&kept, &inside));

  kept = kr_slide_keep_within (&right, &bounds);
  g_assert_cmpfloat (kr_rect_right (&kept), ==, kr_rect_right (&bounds));
  g_assert_cmpfloat (kept.y, ==, -20);

  kept = kr_slide_keep_within (&too_wide, &bounds);
  g_assert_cmpfloat (kept.x + kept.width / 2, ==, bounds.x + bounds.width / 2);
  g_assert_cmpfloat (kept.y + kept.height / 2, ==, bounds.y + bounds.height / 2);
}

/* A spotlit card sits large in the left half, its notes get the right half. */
static void
test_spotlight_slide (void)
{
  KrRect card = { 900, 400, KR_LAYOUT_CARD_WIDTH, KR_LAYOUT_CARD_HEIGHT };
  KrRect tall_card = { 0, 0, 200, 900 };
  double aspect = 16.0 / 9.0;
  KrRect view = kr_slide_get_spotlight (&card, aspect);
  KrRect tall_view = kr_slide_get_spotlight (&tall_card, aspect);

  g_assert_cmpfloat_with_epsilon (view.width / view.height, aspect, 1e-12);
  g_assert_cmpfloat_with_epsilon ((card.x + card.width / 2 - view.x) / view.width, KR_SLIDE_SPOTLIGHT_CARD_CENTER, 1e-12);
  g_assert_cmpfloat_with_epsilon ((card.y + card.height / 2 - view.y) / view.height, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (card.width / view.width, KR_SLIDE_SPOTLIGHT_CARD_SHARE, 1e-12);
  /* the card ends before the notes begin */
  g_assert_cmpfloat ((kr_rect_right (&card) - view.x) / view.width, <, KR_SLIDE_SPOTLIGHT_NOTES_START);

  g_assert_cmpfloat_with_epsilon (tall_view.width / tall_view.height, aspect, 1e-12);
  g_assert_true (rect_contains (&tall_view, &tall_card));
  g_assert_cmpfloat ((kr_rect_right (&tall_card) - tall_view.x) / tall_view.width, <, KR_SLIDE_SPOTLIGHT_NOTES_START);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/animation/easing", test_easing);
  g_test_add_func ("/animation/interpolate-ends", test_interpolate_ends);
  g_test_add_func ("/animation/zoom-keeps-target-in-view", test_zoom_keeps_target_in_view);
  g_test_add_func ("/animation/pan-zooms-out-on-the-way", test_pan_zooms_out_on_the_way);
  g_test_add_func ("/animation/fake-clock", test_animation_on_fake_clock);
  g_test_add_func ("/animation/late-frame", test_animation_late_frame);
  g_test_add_func ("/animation/fit-aspect", test_fit_aspect);
  g_test_add_func ("/slides/phases", test_phase_slides);
  g_test_add_func ("/slides/overview", test_overview_slide);
  g_test_add_func ("/slides/keep-within", test_keep_within);
  g_test_add_func ("/slides/spotlight", test_spotlight_slide);

  return g_test_run ();
}
