/* kr-bench.c: how fast Kringel loads, saves, draws, hit-tests and exports big maps
 *
 * Generates maps of 100, 1,000 and 10,000 touchpoints (phases, lanes, personas, notes and
 * 1.5 connections per touchpoint, a fifth of them loops back, some self-loops and parallel
 * arrows) and prints a table of medians (min–max) over repeated runs. Frames are drawn the
 * way the canvas draws them: the shared renderer on a 1920 × 1080 surface whose viewport is
 * the visible rectangle of the map. Not part of `meson test`; run it as
 *
 *   build/tests/bench/kr-bench [--sizes 100,1000,10000] [--reps 5] [--quick]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>

#include "kr-bench-common.h"
#include "kr-export.h"
#include "kr-layout.h"
#include "kr-map-loader.h"
#include "kr-map-saver.h"
#include "kr-renderer.h"
#include "kr-spatial-index.h"

#ifndef KR_BENCH_BUILDTYPE
#define KR_BENCH_BUILDTYPE "unknown"
#endif

#define FRAME_WIDTH   1920
#define FRAME_HEIGHT  1080
#define CANVAS_MARGIN 32.0     /* as in kr-canvas.c */
#define CANVAS_MIN_ZOOM 0.05   /* KR_CANVAS_MIN_ZOOM */
#define N_HIT_TESTS  20000

/* Options */

static char *sizes_option = NULL;
static int reps = 5;
static int drag_steps = 60;
static gboolean quick = FALSE;
static gboolean skip_export = FALSE;
static char *write_dir = NULL;
static char *frames_dir = NULL;
static int rss_child_size = 0;

static GOptionEntry option_entries[] = {
  { "sizes", 's', 0, G_OPTION_ARG_STRING, &sizes_option, "Touchpoint counts, comma-separated (100,1000,10000)", "N,…" },
  { "reps", 'r', 0, G_OPTION_ARG_INT, &reps, "Repetitions of each measurement (5)", "N" },
  { "drag-steps", 0, 0, G_OPTION_ARG_INT, &drag_steps, "Frames of the simulated drag (60)", "N" },
  { "quick", 'q', 0, G_OPTION_ARG_NONE, &quick, "Smoke run: sizes 100,1000, 2 repetitions, 10 drag steps", NULL },
  { "no-export", 0, 0, G_OPTION_ARG_NONE, &skip_export, "Skip the PNG, SVG and PDF exports", NULL },
  { "write-maps", 'w', 0, G_OPTION_ARG_FILENAME, &write_dir, "Also write the generated maps into DIR", "DIR" },
  { "write-frames", 0, 0, G_OPTION_ARG_FILENAME, &frames_dir, "Also write the frames at fit and 100 % into DIR as PNG", "DIR" },
  { "rss-child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &rss_child_size, NULL, NULL },
  { NULL }
};

static KrMap *
load_or_die (const char *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;
  KrMap *map = kr_map_load_from_data (data, length, "bench.kringel", NULL, &error);

  if (map == NULL)
    g_error ("The generated map does not load: %s", error->message);

  return map;
}

/* Measuring */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

typedef enum {
  UNIT_MS,
  UNIT_US,
  UNIT_MB,
} Unit;

typedef struct
{
  const char *name;
  Unit unit;
  GArray *samples[8];    /* double, per size */
  char *notes[8];        /* shown instead of samples, e.g. why there are none */
} Row;

enum {
  ROW_FILE_SIZE,
  ROW_LOAD,
  ROW_SAVE,
  ROW_RSS,
  ROW_RSS_FRAMES,
  ROW_EXTENT,
  ROW_INDEX_BUILD,
  ROW_FRAME_FIT,
  ROW_FRAME_100,
  ROW_HIT_TEST,
  ROW_DRAG_100,
  ROW_DRAG_FIT,
  ROW_PREVIEW_100,
  ROW_PREVIEW_FIT,
  ROW_LAYERS_START,
  ROW_LAYERS_100,
  ROW_LAYERS_FIT,
  ROW_EXPORT_PNG,
  ROW_EXPORT_SVG,
  ROW_EXPORT_PDF,
  N_ROWS
};

static Row rows[N_ROWS] = {
  [ROW_FILE_SIZE]   = { "file size", UNIT_MB },
  [ROW_LOAD]        = { "load (kr_map_load_from_data)", UNIT_MS },
  [ROW_SAVE]        = { "save (kr_map_to_data)", UNIT_MS },
  [ROW_RSS]         = { "peak RSS after load (VmHWM)", UNIT_MB },
  [ROW_RSS_FRAMES]  = { "peak RSS after load and 2 frames", UNIT_MB },
  [ROW_EXTENT]      = { "extent (kr_renderer_get_extent)", UNIT_MS },
  [ROW_INDEX_BUILD] = { "spatial index of all cards", UNIT_MS },
  [ROW_FRAME_FIT]   = { "frame 1920x1080 at fit", UNIT_MS },
  [ROW_FRAME_100]   = { "frame 1920x1080 at 100 %", UNIT_MS },
  [ROW_HIT_TEST]    = { "hit test of a point", UNIT_US },
  [ROW_DRAG_100]    = { "drag frame at 100 %, model moved", UNIT_MS },
  [ROW_DRAG_FIT]    = { "drag frame at fit, model moved", UNIT_MS },
  [ROW_PREVIEW_100] = { "drag frame at 100 %, move preview", UNIT_MS },
  [ROW_PREVIEW_FIT] = { "drag frame at fit, move preview", UNIT_MS },
  [ROW_LAYERS_START] = { "drag start: static layer at 100 %", UNIT_MS },
  [ROW_LAYERS_100]  = { "drag frame at 100 %, over static layer", UNIT_MS },
  [ROW_LAYERS_FIT]  = { "drag frame at fit, over static layer", UNIT_MS },
  [ROW_EXPORT_PNG]  = { "export PNG 1x", UNIT_MS },
  [ROW_EXPORT_SVG]  = { "export SVG", UNIT_MS },
  [ROW_EXPORT_PDF]  = { "export PDF", UNIT_MS },
};

static void
add_sample (guint  row,
            guint  column,
            double value)
{
  if (rows[row].samples[column] == NULL)
    rows[row].samples[column] = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (rows[row].samples[column], value);
}

static void
set_note (guint       row,
          guint       column,
          const char *note)
{
  g_free (rows[row].notes[column]);
  rows[row].notes[column] = g_strdup (note);
}

/* What the canvas shows: the zoom and the visible rectangle of the map. */
typedef struct
{
  double zoom;
  KrRect viewport;
} View;

/* The view after kr_canvas_zoom_to_fit() in a 1920 × 1080 canvas (see kr-canvas.c), except
 * that the zoom is not clamped to the canvas' minimum: "fit" shows the whole map. */
static View
fit_view (const KrRect *extent)
{
  double zoom = MIN (1.0, MIN ((FRAME_WIDTH - 2 * CANVAS_MARGIN) / extent->width,
                               (FRAME_HEIGHT - 2 * CANVAS_MARGIN) / extent->height));
  double content_width = extent->width * zoom + 2 * CANVAS_MARGIN;
  double content_height = extent->height * zoom + 2 * CANVAS_MARGIN;
  double dx = MAX (0, (FRAME_WIDTH - content_width) / 2);
  double dy = MAX (0, (FRAME_HEIGHT - content_height) / 2);
  double scroll_x = CLAMP (CANVAS_MARGIN, 0, MAX (0, content_width - FRAME_WIDTH));
  double scroll_y = CLAMP (CANVAS_MARGIN, 0, MAX (0, content_height - FRAME_HEIGHT));
  View view = { zoom };

  view.viewport = (KrRect) { (-dx + scroll_x - CANVAS_MARGIN) / zoom + extent->x,
                             (-dy + scroll_y - CANVAS_MARGIN) / zoom + extent->y,
                             FRAME_WIDTH / zoom, FRAME_HEIGHT / zoom };
  return view;
}

/* 100 %, centred on @rect. */
static View
view_around (const KrRect *rect)
{
  return (View) { 1.0, { rect->x + rect->width / 2 - FRAME_WIDTH / 2.0,
                         rect->y + rect->height / 2 - FRAME_HEIGHT / 2.0,
                         FRAME_WIDTH, FRAME_HEIGHT } };
}

/* One frame, as kr_canvas_snapshot() draws it; over @below, if given. */
static double
draw_layer (KrRenderer      *renderer,
            cairo_surface_t *surface,
            KrMap           *map,
            const View      *view,
            KrRenderFlags    flags,
            cairo_surface_t *below)
{
  double start = now_ms ();
  cairo_t *cr = cairo_create (surface);

  if (below != NULL)
    {
      cairo_set_source_surface (cr, below, 0, 0);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    }

  cairo_scale (cr, view->zoom, view->zoom);
  cairo_translate (cr, -view->viewport.x, -view->viewport.y);
  kr_renderer_draw (renderer, cr, map, &view->viewport, flags);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return now_ms () - start;
}

static double
draw_frame (KrRenderer      *renderer,
            cairo_surface_t *surface,
            KrMap           *map,
            const View      *view)
{
  return draw_layer (renderer, surface, map, view, KR_RENDER_DEFAULT, NULL);
}

static double
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, field);
  return line ? g_ascii_strtod (line + strlen (field) + 1, NULL) : -1;
}

/* In a fresh process, so nothing measured before (exports of other maps) counts: the peak
 * resident memory of generating the file's text and loading it, then of drawing a frame at
 * fit and one at 100 % (with what the renderer keeps between frames). */
static int
run_rss_child (guint n_touchpoints)
{
  gsize length;
  g_autofree char *data = kr_bench_generate_map (n_touchpoints, &length);
  g_autoptr(KrMap) map = load_or_die (data, length);
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_LIGHT);
  g_autoptr(KrLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  double after_load;
  KrRect extent, card;
  View fit, hundred;

  g_clear_pointer (&data, g_free);
  after_load = read_status_kib ("VmHWM:");

  extent = kr_renderer_get_extent (renderer, map);
  layout = kr_layout_new (map);
  kr_layout_get_card_rect (layout, kr_map_get_item (map, KR_ITEM_TOUCHPOINT,
                                                    kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT) / 2), &card);
  fit = fit_view (&extent);
  hundred = view_around (&card);
  draw_frame (renderer, surface, map, &fit);
  draw_frame (renderer, surface, map, &hundred);
  cairo_surface_destroy (surface);

  printf ("%.0f %.0f\n", after_load, read_status_kib ("VmHWM:"));
  return 0;
}

static void
measure_rss (guint n_touchpoints,
             guint column)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *size = g_strdup_printf ("%u", n_touchpoints);
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self_path, "--rss-child", size, NULL };
  double hwm_kib = -1, frames_hwm_kib = -1;
  int status;

  if (self_path == NULL ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL) ||
      sscanf (output, "%lf %lf", &hwm_kib, &frames_hwm_kib) != 2)
    {
      set_note (ROW_RSS, column, "failed");
      set_note (ROW_RSS_FRAMES, column, "failed");
      return;
    }

  add_sample (ROW_RSS, column, hwm_kib / 1024);
  add_sample (ROW_RSS_FRAMES, column, frames_hwm_kib / 1024);
}

static void
measure_load_save (const char *data,
                   gsize       length,
                   guint       column)
{
  for (int rep = 0; rep < reps; rep++)
    {
      double start = now_ms ();
      g_autoptr(KrMap) map = load_or_die (data, length);
      g_autofree char *saved = NULL;
      gsize saved_length;

      add_sample (ROW_LOAD, column, now_ms () - start);

      start = now_ms ();
      saved = kr_map_to_data (map, &saved_length);
      add_sample (ROW_SAVE, column, now_ms () - start);
    }
}

static KrSpatialIndex *
build_card_index (KrMap *map)
{
  g_autoptr(KrLayout) layout = kr_layout_new (map);
  guint n = kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT);
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (KrSpatialEntry), n);
  KrSpatialIndex *index = kr_spatial_index_new ();

  for (guint i = 0; i < n; i++)
    {
      KrSpatialEntry entry = { kr_map_get_item (map, KR_ITEM_TOUCHPOINT, i) };

      if (kr_layout_get_card_rect (layout, entry.data, &entry.bounds))
        g_array_append_val (entries, entry);
    }

  kr_spatial_index_build (index, (KrSpatialEntry *) entries->data, entries->len);
  return index;
}

/* The card a linear search finds at @x, @y: the last one in the map's order. */
static gpointer
hit_test_linearly (KrMap  *map,
                   double  x,
                   double  y)
{
  g_autoptr(KrLayout) layout = kr_layout_new (map);

  for (guint i = kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT); i > 0; i--)
    {
      KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, i - 1);
      KrRect card;

      if (kr_layout_get_card_rect (layout, touchpoint, &card) && kr_rect_contains_point (&card, x, y))
        return touchpoint;
    }

  return NULL;
}

static void
measure_hit_tests (KrMap        *map,
                   const KrRect *extent,
                   guint         column)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(KrSpatialIndex) index = NULL;

  for (int rep = 0; rep < reps; rep++)
    {
      double start = now_ms ();

      g_clear_pointer (&index, kr_spatial_index_free);
      index = build_card_index (map);
      add_sample (ROW_INDEX_BUILD, column, now_ms () - start);
    }

  /* the index agrees with a search through all cards */
  for (int i = 0; i < 200; i++)
    {
      double x = g_rand_double_range (rand, extent->x, kr_rect_right (extent));
      double y = g_rand_double_range (rand, extent->y, kr_rect_bottom (extent));

      if (kr_spatial_index_hit_test (index, x, y) != hit_test_linearly (map, x, y))
        g_error ("The spatial index and a linear search disagree at %g, %g", x, y);
    }

  for (int rep = 0; rep < reps; rep++)
    {
      double start = now_ms ();
      guint hits = 0;

      for (int i = 0; i < N_HIT_TESTS; i++)
        hits += kr_spatial_index_hit_test (index, g_rand_double_range (rand, extent->x, kr_rect_right (extent)),
                                           g_rand_double_range (rand, extent->y, kr_rect_bottom (extent))) != NULL;

      add_sample (ROW_HIT_TEST, column, (now_ms () - start) * 1000 / N_HIT_TESTS);
      if (hits == 0)
        g_error ("No hit test found a card");
    }
}

/* A card dragged over 60 frames: each frame moves it (as the model property would change)
 * and redraws the frame around it. */
static void
measure_drag (KrRenderer      *renderer,
              cairo_surface_t *surface,
              KrMap           *map,
              const View      *view,
              guint            row,
              guint            column)
{
  guint n = kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT);
  KrTouchpoint *card = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, n / 2);
  double x = kr_touchpoint_get_x (card), y = kr_touchpoint_get_y (card);

  for (int rep = 0; rep < reps; rep++)
    {
      for (int step = 1; step <= drag_steps; step++)
        {
          double start = now_ms ();

          g_object_set (card, "x", x + step * 4.0, "y", y + step * 1.5, NULL);
          draw_frame (renderer, surface, map, view);
          add_sample (row, column, now_ms () - start);
        }
      g_object_set (card, "x", x, "y", y, NULL);
    }
}

/* The same drag shown the way the canvas can show it without touching the model: the
 * renderer draws the card moved (kr_renderer_set_move_preview()) until it is dropped. */
static void
measure_preview_drag (KrRenderer      *renderer,
                      cairo_surface_t *surface,
                      KrMap           *map,
                      const View      *view,
                      guint            row,
                      guint            column)
{
  guint n = kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT);
  g_autoptr(GPtrArray) moving = g_ptr_array_new ();

  g_ptr_array_add (moving, kr_map_get_item (map, KR_ITEM_TOUCHPOINT, n / 2));
  for (int rep = 0; rep < reps; rep++)
    {
      for (int step = 1; step <= drag_steps; step++)
        {
          double start = now_ms ();

          kr_renderer_set_move_preview (renderer, moving, step * 4.0, step * 1.5);
          draw_frame (renderer, surface, map, view);
          add_sample (row, column, now_ms () - start);
        }
      kr_renderer_clear_preview (renderer);
    }
}

/* The drag over a picture of everything that stays, drawn once when the drag starts:
 * each frame paints the picture and draws the moving card and its arrows over it. */
static void
measure_layered_drag (KrRenderer      *renderer,
                      cairo_surface_t *surface,
                      KrMap           *map,
                      const View      *view,
                      guint            start_row,
                      guint            row,
                      guint            column)
{
#ifdef KR_RENDER_HAS_DRAG_LAYERS
  guint n = kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT);
  g_autoptr(GPtrArray) moving = g_ptr_array_new ();
  cairo_surface_t *below = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);

  g_ptr_array_add (moving, kr_map_get_item (map, KR_ITEM_TOUCHPOINT, n / 2));
  for (int rep = 0; rep < reps; rep++)
    {
      double start_time;

      kr_renderer_set_move_preview (renderer, moving, 0, 0);
      start_time = draw_layer (renderer, below, map, view, KR_RENDER_STATIC_LAYER, NULL);
      if (start_row != G_MAXUINT)
        add_sample (start_row, column, start_time);

      for (int step = 1; step <= drag_steps; step++)
        {
          double start = now_ms ();

          kr_renderer_set_move_preview (renderer, moving, step * 4.0, step * 1.5);
          draw_layer (renderer, surface, map, view, KR_RENDER_MOVING_LAYER, below);
          add_sample (row, column, now_ms () - start);
        }
      kr_renderer_clear_preview (renderer);
    }

  cairo_surface_destroy (below);
#else
  if (start_row != G_MAXUINT)
    set_note (start_row, column, "needs layers");
  set_note (row, column, "needs layers");
#endif
}

static void
write_frame (cairo_surface_t *surface,
             guint            n_touchpoints,
             const char      *zoom)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (frames_dir == NULL)
    return;

  name = g_strdup_printf ("frame-%u-%s.png", n_touchpoints, zoom);
  path = g_build_filename (frames_dir, name, NULL);
  g_mkdir_with_parents (frames_dir, 0755);
  if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
    fprintf (stderr, "kr-bench: could not write %s\n", path);
}

static void
measure_frames (KrMap *map,
                guint  column)
{
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  guint n = kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT);
  KrRect extent = { 0 }, middle_card = { 0 };
  View fit, hundred;

  for (int rep = 0; rep < reps; rep++)
    {
      double start = now_ms ();

      extent = kr_renderer_get_extent (renderer, map);
      add_sample (ROW_EXTENT, column, now_ms () - start);
    }

  {
    g_autoptr(KrLayout) layout = kr_layout_new (map);

    kr_layout_get_card_rect (layout, kr_map_get_item (map, KR_ITEM_TOUCHPOINT, n / 2), &middle_card);
  }

  fit = fit_view (&extent);
  hundred = view_around (&middle_card);
  fprintf (stderr, "  %u touchpoints: map %.0f × %.0f, fit zoom %.3f%s\n", n, extent.width, extent.height, fit.zoom,
              fit.zoom < CANVAS_MIN_ZOOM ? " (below the canvas' minimum zoom)" : "");

  for (int rep = 0; rep < reps; rep++)
    add_sample (ROW_FRAME_FIT, column, draw_frame (renderer, surface, map, &fit));
  write_frame (surface, n, "fit");
  for (int rep = 0; rep < reps; rep++)
    add_sample (ROW_FRAME_100, column, draw_frame (renderer, surface, map, &hundred));
  write_frame (surface, n, "100");

  measure_hit_tests (map, &extent, column);
  measure_drag (renderer, surface, map, &hundred, ROW_DRAG_100, column);
  measure_drag (renderer, surface, map, &fit, ROW_DRAG_FIT, column);
  measure_preview_drag (renderer, surface, map, &hundred, ROW_PREVIEW_100, column);
  measure_preview_drag (renderer, surface, map, &fit, ROW_PREVIEW_FIT, column);
  measure_layered_drag (renderer, surface, map, &hundred, ROW_LAYERS_START, ROW_LAYERS_100, column);
  measure_layered_drag (renderer, surface, map, &fit, G_MAXUINT, ROW_LAYERS_FIT, column);

  cairo_surface_destroy (surface);
}

static void
measure_exports (KrMap *map,
                 guint  column)
{
  static const struct { KrExportFormat format; guint row; } formats[] = {
    { KR_EXPORT_PNG, ROW_EXPORT_PNG },
    { KR_EXPORT_SVG, ROW_EXPORT_SVG },
    { KR_EXPORT_PDF, ROW_EXPORT_PDF },
  };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (int rep = 0; rep < reps; rep++)
      {
        KrExportOptions options;
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = NULL;
        double start = now_ms ();

        kr_export_options_init (&options);
        options.format = formats[f].format;
        bytes = kr_export_map_to_bytes (map, &options, &error);
        if (bytes == NULL)
          {
            fprintf (stderr, "  export failed: %s\n", error->message);
            set_note (formats[f].row, column,
                      g_error_matches (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_TOO_LARGE) ? "too large" : "failed");
            break;
          }

        add_sample (formats[f].row, column, now_ms () - start);
      }
}

static void
write_map (const char *data,
           gsize       length,
           guint       n_touchpoints)
{
  g_autofree char *name = g_strdup_printf ("bench-%u.kringel", n_touchpoints);
  g_autofree char *path = g_build_filename (write_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (write_dir, 0755);
  if (!g_file_set_contents (path, data, length, &error))
    fprintf (stderr, "kr-bench: %s\n", error->message);
}

static void
measure_size (guint n_touchpoints,
              guint column)
{
  gsize length;
  g_autofree char *data = kr_bench_generate_map (n_touchpoints, &length);
  g_autoptr(KrMap) map = NULL;

  fprintf (stderr, "kr-bench: %u touchpoints…\n", n_touchpoints);
  if (write_dir != NULL)
    write_map (data, length, n_touchpoints);

  add_sample (ROW_FILE_SIZE, column, length / 1e6);
  measure_rss (n_touchpoints, column);
  measure_load_save (data, length, column);

  map = load_or_die (data, length);
  g_clear_pointer (&data, g_free);

  measure_frames (map, column);
  if (skip_export)
    {
      set_note (ROW_EXPORT_PNG, column, "skipped");
      set_note (ROW_EXPORT_SVG, column, "skipped");
      set_note (ROW_EXPORT_PDF, column, "skipped");
    }
  else
    measure_exports (map, column);
}

/* Reporting */

static char *
format_number (double value)
{
  if (value < 1)
    return g_strdup_printf ("%.3f", value);
  if (value < 10)
    return g_strdup_printf ("%.2f", value);
  if (value < 100)
    return g_strdup_printf ("%.1f", value);
  return g_strdup_printf ("%.0f", value);
}

static char *
format_cell (const Row *row,
             guint      column)
{
  GArray *samples = row->samples[column];
  double median;

  if (row->notes[column] != NULL)
    return g_strdup (row->notes[column]);
  if (samples == NULL || samples->len == 0)
    return g_strdup ("–");

  g_array_sort (samples, kr_bench_compare_doubles);
  median = samples->len % 2 ? g_array_index (samples, double, samples->len / 2)
                            : (g_array_index (samples, double, samples->len / 2 - 1) +
                               g_array_index (samples, double, samples->len / 2)) / 2;

  if (samples->len == 1 || g_array_index (samples, double, 0) == g_array_index (samples, double, samples->len - 1))
    return format_number (median);

  {
    g_autofree char *mid = format_number (median);
    g_autofree char *low = format_number (g_array_index (samples, double, 0));
    g_autofree char *high = format_number (g_array_index (samples, double, samples->len - 1));

    return g_strdup_printf ("%s (%s–%s)", mid, low, high);
  }
}

static const char *
unit_name (Unit unit)
{
  switch (unit)
    {
    case UNIT_US: return "µs";
    case UNIT_MB: return "MB";
    case UNIT_MS:
    default: return "ms";
    }
}

static void
print_padded (const char *text,
              guint       width,
              gboolean    right)
{
  guint length = g_utf8_strlen (text, -1);
  guint padding = width > length ? width - length : 0;

  if (right)
    printf ("%*s%s", padding, "", text);
  else
    printf ("%s%*s", text, padding, "");
}

static void
print_table (const guint *sizes,
             guint        n_sizes)
{
  char *cells[N_ROWS][8];
  char *row_labels[N_ROWS];
  guint widths[9] = { 0 };

  for (guint r = 0; r < N_ROWS; r++)
    {
      row_labels[r] = g_strdup_printf ("%s, %s", rows[r].name, unit_name (rows[r].unit));
      widths[0] = MAX (widths[0], g_utf8_strlen (row_labels[r], -1));
      for (guint c = 0; c < n_sizes; c++)
        {
          cells[r][c] = format_cell (&rows[r], c);
          widths[c + 1] = MAX (widths[c + 1], g_utf8_strlen (cells[r][c], -1));
        }
    }

  printf ("| ");
  print_padded ("touchpoints", widths[0], FALSE);
  for (guint c = 0; c < n_sizes; c++)
    {
      g_autofree char *header = g_strdup_printf ("%u", sizes[c]);

      widths[c + 1] = MAX (widths[c + 1], strlen (header));
      printf (" | ");
      print_padded (header, widths[c + 1], TRUE);
    }
  printf (" |\n|");
  for (guint c = 0; c <= n_sizes; c++)
    {
      for (guint i = 0; i < widths[c] + 2 - (c > 0); i++)
        printf ("-");
      printf (c > 0 ? ":|" : "|");
    }
  printf ("\n");

  for (guint r = 0; r < N_ROWS; r++)
    {
      printf ("| ");
      print_padded (row_labels[r], widths[0], FALSE);
      for (guint c = 0; c < n_sizes; c++)
        {
          printf (" | ");
          print_padded (cells[r][c], widths[c + 1], TRUE);
          g_free (cells[r][c]);
        }
      printf (" |\n");
      g_free (row_labels[r]);
    }
}

static char *
read_cpu_model (void)
{
  g_autofree char *cpuinfo = NULL;
  const char *line, *colon, *end;

  if (!g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL) ||
      (line = strstr (cpuinfo, "model name")) == NULL ||
      (colon = strchr (line, ':')) == NULL)
    return g_strdup ("unknown CPU");

  end = strchr (colon, '\n');
  return g_strstrip (g_strndup (colon + 1, end ? (gsize) (end - colon - 1) : strlen (colon + 1)));
}

static void
print_summary (int    argc,
               char **argv)
{
  g_autofree char *command = g_strjoinv (" ", argv);
  g_autofree char *cpu = read_cpu_model ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  struct utsname system;
  double memory_kib = 0;
  g_autofree char *meminfo = NULL;

  if (g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL))
    sscanf (meminfo, "MemTotal: %lf", &memory_kib);
  uname (&system);

  printf ("$ %s\n", command);
  printf ("%s; %s, %u cores, %.1f GiB; %s %s; build %s\n", date, cpu, g_get_num_processors (),
           memory_kib / 1048576, system.sysname, system.release, KR_BENCH_BUILDTYPE);
  printf ("GLib %u.%u.%u, json-glib %s, cairo %s, pango %s; %d repetitions, drag of %d frames\n\n",
           glib_major_version, glib_minor_version, glib_micro_version, JSON_VERSION_S,
           cairo_version_string (), pango_version_string (), reps, drag_steps);
}

static gboolean
parse_sizes (const char *text,
             guint      *sizes,
             guint      *n_sizes)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *n_sizes = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;

      if (*n_sizes == 8 || !g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, 1000000, &value, NULL))
        return FALSE;
      sizes[(*n_sizes)++] = (guint) value;
    }

  return *n_sizes > 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— measure load, save, drawing and export of big maps");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) original_argv = g_strdupv (argv);
  guint sizes[8], n_sizes;

  g_option_context_add_main_entries (context, option_entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "kr-bench: %s\n", error->message);
      return 2;
    }

  if (rss_child_size > 0)
    return run_rss_child (rss_child_size);

  if (quick)
    {
      reps = 2;
      drag_steps = 10;
    }
  if (!parse_sizes (sizes_option ? sizes_option : quick ? "100,1000" : "100,1000,10000", sizes, &n_sizes) ||
      reps < 1 || drag_steps < 1)
    {
      fprintf (stderr, "kr-bench: --sizes takes up to 8 counts like 100,1000,10000; --reps and --drag-steps at least 1\n");
      return 2;
    }

  for (guint i = 0; i < n_sizes; i++)
    measure_size (sizes[i], i);

  fflush (stderr);
  print_summary (g_strv_length (original_argv), original_argv);
  print_table (sizes, n_sizes);
  return 0;
}
