/* kr-bench-window.c: the real window's speed, timed by GTK's frame clock
 *
 * 1. Startup: from starting the process to the first frame that shows a 1,000-touchpoint
 *    map (the window's frame clock after painting, in a fresh process each time).
 * 2. Panning (middle-button drag) and dragging a card over a 2,000-touchpoint map, with
 *    pointer input made through the XTest extension, so the canvas gets the same events as
 *    from a mouse: frames per second, and the time each frame takes from its update to
 *    the end of its painting (GTK's renderer included).
 *
 * Needs X11 (Xvfb). Not part of `meson test`; run it as
 *
 *   xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- build/tests/bench/kr-bench-window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <X11/extensions/XTest.h>

#include "kr-application.h"
#include "kr-bench-common.h"
#include "kr-canvas-private.h"
#include "kr-window.h"

#define WINDOW_WIDTH  1600
#define WINDOW_HEIGHT 1000

static int startup_size = 1000;
static int motion_size = 2000;
static int reps = 5;
static int n_frames = 120;
static char *first_frame_file = NULL;

static GOptionEntry option_entries[] = {
  { "startup-size", 0, 0, G_OPTION_ARG_INT, &startup_size, "Touchpoints of the map opened at startup (1000)", "N" },
  { "size", 's', 0, G_OPTION_ARG_INT, &motion_size, "Touchpoints of the map panned and dragged over (2000)", "N" },
  { "reps", 'r', 0, G_OPTION_ARG_INT, &reps, "Repetitions of each measurement (5)", "N" },
  { "frames", 'f', 0, G_OPTION_ARG_INT, &n_frames, "Frames of each pan and drag (120)", "N" },
  { "first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &first_frame_file, NULL, NULL },
  { NULL }
};

/* "median (min–max)" of @values, sorted in place. */
static char *
summarize (GArray *values)
{
  double *v = (double *) values->data;

  if (values->len == 0)
    return g_strdup ("–");

  g_array_sort (values, kr_bench_compare_doubles);
  return g_strdup_printf ("%.3g (%.3g–%.3g)", v[values->len / 2], v[0], v[values->len - 1]);
}

static char *
write_map (guint n_touchpoints)
{
  gsize length;
  g_autofree char *data = kr_bench_generate_map (n_touchpoints, &length);
  g_autofree char *name = g_strdup_printf ("kr-bench-%u.kringel", n_touchpoints);
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, length, &error))
    g_error ("%s", error->message);
  return path;
}

/* Startup, in the child: the application opens the file as `kringel FILE` does, and the
 * first frame painted with the map on the canvas prints the monotonic clock and ends it. */

static void
after_first_paint (GdkFrameClock *clock,
                   KrWindow      *window)
{
  KrCanvas *canvas = kr_window_get_canvas (window);

  if (kr_canvas_get_map (canvas) == NULL || !gtk_widget_get_mapped (GTK_WIDGET (canvas)))
    return;

  printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_first_paint, window);
  g_application_quit (g_application_get_default ());
}

static void
window_realized (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_first_paint), window);
}

static void
window_added (GtkApplication *app,
              GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (window_realized), NULL);
}

static int
run_first_frame_child (void)
{
  g_autoptr(KrApplication) app = kr_application_new ();
  const char *files[] = { first_frame_file, NULL };

  g_signal_connect (app, "window-added", G_CALLBACK (window_added), NULL);
  return kr_application_run_with_files (app, files);
}

/* Microseconds from spawning a child to its first frame. */
static double
measure_startup (const char *self_path,
                 const char *map_path)
{
  const char *argv[] = { self_path, "--first-frame", map_path, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("startup child: %s", error->message);

  return (g_ascii_strtoll (output, NULL, 10) - start) / 1000.0;
}

/* Pointer motion through XTest, timed by the frame clock */

typedef struct
{
  GtkWidget *canvas;
  Display *display;
  int button;
  double x, y;          /* root coordinates of the pointer */
  double dx, dy;        /* per frame */
  int frame;
  gint64 update_start;
  GArray *frame_times;  /* µs, of the frame clock */
  GArray *work;         /* ms from the update phase to the end of painting */
  gboolean done;
} Motion;

static void
on_update (GdkFrameClock *clock,
           Motion        *motion)
{
  motion->update_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Motion        *motion)
{
  double work = (g_get_monotonic_time () - motion->update_start) / 1000.0;

  if (motion->frame > 2 && motion->update_start != 0)
    g_array_append_val (motion->work, work);
}

static gboolean
step_motion (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Motion *motion = data;
  double frame_time = gdk_frame_clock_get_frame_time (clock);

  if (motion->frame > 2)
    g_array_append_val (motion->frame_times, frame_time);

  if (motion->frame == 0)
    {
      XTestFakeMotionEvent (motion->display, -1, (int) motion->x, (int) motion->y, 0);
      XTestFakeButtonEvent (motion->display, motion->button, True, 0);
    }
  else if (motion->frame <= n_frames)
    {
      motion->x += motion->dx, motion->y += motion->dy;
      XTestFakeMotionEvent (motion->display, -1, (int) motion->x, (int) motion->y, 0);
    }
  else
    {
      XTestFakeButtonEvent (motion->display, motion->button, False, 0);
      XFlush (motion->display);
      motion->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  XFlush (motion->display);
  motion->frame++;
  return G_SOURCE_CONTINUE;
}

static void
wait_for (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Where a point of the canvas is on the screen. */
static void
canvas_to_root (GtkWidget *canvas,
                double     x,
                double     y,
                double    *root_x,
                double    *root_y)
{
  GtkNative *native = gtk_widget_get_native (canvas);
  GdkSurface *surface = gtk_native_get_surface (native);
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (canvas));
  graphene_point_t point;
  double surface_x, surface_y;
  int rx, ry;
  Window child;

  if (!gtk_widget_compute_point (canvas, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point))
    g_error ("the canvas is not in its window");
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XTranslateCoordinates (display, gdk_x11_surface_get_xid (surface), DefaultRootWindow (display),
                         0, 0, &rx, &ry, &child);
  *root_x = rx + surface_x + point.x;
  *root_y = ry + surface_y + point.y;
}

/* Frames per second and work per frame of one pan or drag from (@x, @y) on the canvas. */
static void
measure_motion (GtkWidget *canvas,
                int        button,
                double     x,
                double     y,
                double     dx,
                double     dy,
                GArray    *fps,
                GArray    *work)
{
  Motion motion = { canvas, gdk_x11_display_get_xdisplay (gtk_widget_get_display (canvas)), button };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (canvas);
  gulong update_id, paint_id;
  double *times;

  canvas_to_root (canvas, x, y, &motion.x, &motion.y);
  motion.dx = dx, motion.dy = dy;
  motion.frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  motion.work = work;

  update_id = g_signal_connect (clock, "update", G_CALLBACK (on_update), &motion);
  paint_id = g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), &motion);
  gtk_widget_add_tick_callback (canvas, step_motion, &motion, NULL);
  wait_for (&motion.done);
  g_signal_handler_disconnect (clock, update_id);
  g_signal_handler_disconnect (clock, paint_id);
  spin (300);

  times = (double *) motion.frame_times->data;
  if (motion.frame_times->len > 1)
    {
      double seconds = (times[motion.frame_times->len - 1] - times[0]) / 1e6;
      double rate = (motion.frame_times->len - 1) / seconds;

      g_array_append_val (fps, rate);
    }
  g_array_unref (motion.frame_times);
}

typedef struct
{
  const char *what;
  GArray *fps;
  GArray *work;
} Row;

static void
print_row (const Row *row)
{
  g_autofree char *fps = summarize (row->fps);
  g_autofree char *work = summarize (row->work);

  printf ("| %-42s | %20s | %22s |\n", row->what, fps, work);
}

static void
measure_motions (const char *map_path)
{
  KrWindow *window = kr_window_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (map_path);
  KrCanvas *canvas;
  GtkWidget *widget;
  KrTouchpoint *card;
  KrRect rect;
  /* the whole map as opened (nothing to pan), then zoomed in */
  static const double zooms[] = { 0, 0.5, 1.0 };
  static const char * const names[] = {
    "drag a card, whole map (as opened)", NULL,
    "pan (middle button), 50 %", "drag a card, 50 %",
    "pan (middle button), 100 %", "drag a card, 100 %",
  };
  Row rows[G_N_ELEMENTS (names)];
  g_autofree char *renderer = NULL;
  double opened_zoom;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    rows[i] = (Row) { names[i], g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)) };

  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  if (!kr_window_open_file (window, file))
    g_error ("could not open %s", map_path);
  gtk_window_present (GTK_WINDOW (window));
  canvas = kr_window_get_canvas (window);
  widget = GTK_WIDGET (canvas);
  spin (1500);
  {
    /* the pointer enters the window before the first press, as a hand's would */
    Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
    double x, y;

    canvas_to_root (widget, 10, 10, &x, &y);
    XTestFakeMotionEvent (display, -1, (int) x, (int) y, 0);
    XFlush (display);
    spin (300);
  }
  opened_zoom = kr_canvas_get_zoom (canvas);
  renderer = g_strdup (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (gtk_widget_get_native (widget))));

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      Row *pan = &rows[2 * z], *drag = &rows[2 * z + 1];

      if (zooms[z] > 0)
        {
          kr_canvas_set_zoom (canvas, zooms[z]);
          spin (500);
        }

      for (int rep = 0; rep < reps; rep++)
        {
          double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
          double x, y;

          /* pan from the middle: right and down, then back */
          if (pan->what != NULL)
            measure_motion (widget, 2, width / 2, height / 2, rep % 2 ? -3 : 3, rep % 2 ? -2 : 2, pan->fps, pan->work);

          /* drag the card nearest the middle of the view to the right and back */
          {
            KrRect view = kr_canvas_get_viewport (canvas);
            KrRect middle = { view.x + view.width / 2 - 1, view.y + view.height / 2 - 1, 2, 2 };
            g_autoptr(GPtrArray) near = NULL;

            for (double reach = 100; reach < 1e6 && (near == NULL || near->len == 0); reach *= 2)
              {
                KrRect around = kr_rect_inflate (&middle, reach);

                g_clear_pointer (&near, g_ptr_array_unref);
                near = kr_renderer_get_cards_in (kr_canvas_get_renderer (canvas), kr_canvas_get_map (canvas), &around);
              }
            card = near->pdata[0];
          }
          kr_renderer_get_card_rect (kr_canvas_get_renderer (canvas), kr_canvas_get_map (canvas), card, &rect);
          kr_canvas_map_to_widget (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
          measure_motion (widget, 1, x, y, rep % 2 ? -2 : 2, 1, drag->fps, drag->work);
          gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
          spin (200);
        }
    }

  printf ("\nPanning and dragging over %d touchpoints: window %d × %d, opened at zoom %.3f, GTK renderer %s; "
          "%d repetitions of %d frames\n\n", motion_size, WINDOW_WIDTH, WINDOW_HEIGHT, opened_zoom, renderer,
          reps, n_frames);
  printf ("| %-42s | %20s | %22s |\n", "", "frames per second", "ms per frame (work)");
  printf ("|--------------------------------------------|---------------------:|-----------------------:|\n");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (rows[i].what != NULL)
        print_row (&rows[i]);
      g_array_unref (rows[i].fps);
      g_array_unref (rows[i].work);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Removes @path and everything in it. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The windows measured are a user of their own: whatever they leave (recovery files of the
 * maps dragged on, recent files) does not reach the person running the benchmark. */
static char *
make_own_user (void)
{
  static const char * const variables[] = { "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  char *home = g_dir_make_tmp ("kr-bench-window-XXXXXX", NULL);

  for (guint i = 0; home != NULL && i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *dir = g_build_filename (home, variables[i], NULL);

      g_setenv (variables[i], dir, TRUE);
    }
  return home;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— the window's speed, timed by GTK's frame clock");
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *startup_map = NULL;
  g_autofree char *motion_map = NULL;
  g_autoptr(GArray) startups = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *startup = NULL;
  g_autofree char *own_user = NULL;

  g_option_context_add_main_entries (context, option_entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "kr-bench-window: %s\n", error->message);
      return 2;
    }

  /* the settings schema of the build, and no change to the user's settings */
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", KR_BENCH_SCHEMA_DIR, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (first_frame_file != NULL)
    return run_first_frame_child ();

  own_user = make_own_user ();   /* before GLib reads the variables; the children inherit them */

  gtk_init ();
  adw_init ();
  kr_ensure_resources ();
  kr_prefer_cairo_on_software_gl ();   /* as the application does at startup */
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      fprintf (stderr, "kr-bench-window: needs an X11 display (run it under xvfb-run)\n");
      return 2;
    }

  startup_map = write_map (startup_size);
  motion_map = write_map (motion_size);

  measure_startup (self_path, startup_map);   /* warms the caches of fonts and files */
  for (int rep = 0; rep < reps; rep++)
    {
      double ms = measure_startup (self_path, startup_map);

      g_array_append_val (startups, ms);
    }
  startup = summarize (startups);
  printf ("Startup to the first frame of %d touchpoints, ms: %s\n", startup_size, startup);

  measure_motions (motion_map);

  g_unlink (startup_map);
  g_unlink (motion_map);
  if (own_user != NULL)
    remove_tree (own_user);
  return 0;
}
