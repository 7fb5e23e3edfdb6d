/* test-presentation.c: the presentation window under Xvfb, driven through its actions and
 * the signals of its gestures
 *
 * Set KRINGEL_PRESENTATION_SCREENSHOTS=DIR to also save what it shows as PNG files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "kr-animation.h"
#include "kr-document.h"
#include "kr-layout.h"
#include "kr-presentation.h"
#include "kr-presenter-view.h"
#include "kr-renderer.h"
#include "kr-slides.h"

typedef struct
{
  KrDocument *document;
  KrMap *map;
  KrEditor *editor;
  KrSelection *selection;
  KrPresentation *presentation;
  guint n_closed;
} Fixture;

/* Helpers */

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop, frame clock included, until @condition holds or @timeout_ms pass. */
static gboolean
wait_until (gboolean (*condition) (gpointer data),
            gpointer   data,
            guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

static gboolean
is_fullscreen (gpointer data)
{
  return gtk_window_is_fullscreen (data);
}

static gboolean
animation_done (gpointer data)
{
  return !kr_presentation_is_animating (data);
}

static gboolean
closed (gpointer data)
{
  return ((Fixture *) data)->n_closed > 0;
}

static void
wait_for_animation (KrPresentation *presentation)
{
  g_assert_true (wait_until (animation_done, presentation, 3000));
}

static gboolean
rect_contains (const KrRect *outer,
               const KrRect *inner)
{
  return outer->x <= inner->x && outer->y <= inner->y &&
         kr_rect_right (outer) >= kr_rect_right (inner) && kr_rect_bottom (outer) >= kr_rect_bottom (inner);
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_shown_entry (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_get_visible (widget);
}

/* A visible label showing @text (in part), as the room would see it. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  return (GtkLabel *) find_widget (root, is_label_with_text, text);
}

static gboolean
shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_is_visible (widget);
}

static GtkWidget *
get_stage (Fixture *fixture)
{
  GtkWidget *stage = find_widget (GTK_WIDGET (fixture->presentation), is_of_type,
                                  GSIZE_TO_POINTER (GTK_TYPE_DRAWING_AREA));

  g_assert_nonnull (stage);
  return stage;
}

static gpointer
get_controller (GtkWidget *widget,
                GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

/* Where the map point @x, @y is on the stage, once the view has arrived. */
static void
map_to_stage (Fixture *fixture,
              double   x,
              double   y,
              double  *stage_x,
              double  *stage_y)
{
  GtkWidget *stage = get_stage (fixture);
  KrRect view = kr_presentation_get_viewport (fixture->presentation);
  double width = gtk_widget_get_width (stage), height = gtk_widget_get_height (stage);
  double scale = MIN (width / view.width, height / view.height);

  *stage_x = (x - view.x) * scale + (width - view.width * scale) / 2;
  *stage_y = (y - view.y) * scale + (height - view.height * scale) / 2;
}

/* A press, a move by @dx, @dy screen pixels and a release, as the drag gesture reports them. */
static void
drag (Fixture *fixture,
      double   x,
      double   y,
      double   dx,
      double   dy)
{
  GtkGesture *gesture = get_controller (get_stage (fixture), GTK_TYPE_GESTURE_DRAG);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  for (int step = 1; step <= 5; step++)
    g_signal_emit_by_name (gesture, "drag-update", dx * step / 5, dy * step / 5);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
}

static KrRect
card_rect (Fixture      *fixture,
           KrTouchpoint *touchpoint)
{
  g_autoptr(KrLayout) layout = kr_layout_new (fixture->map);
  KrRect card;

  g_assert_true (kr_layout_get_card_rect (layout, touchpoint, &card));
  return card;
}

static double
stage_aspect (Fixture *fixture)
{
  GtkWidget *stage = get_stage (fixture);

  return (double) gtk_widget_get_width (stage) / gtk_widget_get_height (stage);
}

/* What @window shows, rendered as GTK would put it on the screen. */
static GdkTexture *
render_toplevel (GtkWidget *window)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;

  /* laid out and drawn with what was just changed */
  gtk_widget_queue_draw (window);
  gtk_test_widget_wait_for_draw (window);
  /* the window's own CSS background is drawn around its snapshot function, not by it */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  GTK_WIDGET_GET_CLASS (window)->snapshot (window, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static GdkTexture *
render_window (Fixture *fixture)
{
  return render_toplevel (GTK_WIDGET (fixture->presentation));
}

static void
save_toplevel_screenshot (GtkWidget  *window,
                          const char *name)
{
  const char *directory = g_getenv ("KRINGEL_PRESENTATION_SCREENSHOTS");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (directory == NULL)
    return;

  spin ();
  texture = render_toplevel (window);
  path = g_build_filename (directory, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  const char *directory = g_getenv ("KRINGEL_PRESENTATION_SCREENSHOTS");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (directory == NULL)
    return;

  spin ();
  texture = render_window (fixture);
  path = g_build_filename (directory, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* The pixel at @x, @y of the window, as B, G, R, A (GDK's default memory format). */
static void
pixel_at (Fixture *fixture,
          int      x,
          int      y,
          guchar   pixel[4])
{
  g_autoptr(GdkTexture) texture = render_window (fixture);
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);

  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);
  gdk_texture_download (texture, pixels, width * 4);
  memcpy (pixel, pixels + (gsize) y * width * 4 + x * 4, 4);
}

/* The mean brightness (0–1) of the stage pixels over the map rectangle @area. */
static double
brightness (Fixture      *fixture,
            const KrRect *area)
{
  g_autoptr(GdkTexture) texture = render_window (fixture);
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  double x0, y0, x1, y1, sum = 0;
  guint count = 0;

  gdk_texture_download (texture, pixels, width * 4);
  map_to_stage (fixture, area->x, area->y, &x0, &y0);
  map_to_stage (fixture, kr_rect_right (area), kr_rect_bottom (area), &x1, &y1);

  for (int y = MAX (0, (int) y0); y < MIN (height, (int) y1); y += 3)
    for (int x = MAX (0, (int) x0); x < MIN (width, (int) x1); x += 3)
      {
        guchar *pixel = pixels + (gsize) y * width * 4 + x * 4;

        sum += (pixel[0] + pixel[1] + pixel[2]) / (3 * 255.0);
        count++;
      }

  g_assert_cmpuint (count, >, 100);
  return sum / count;
}

/* Fixture */

static void
closed_cb (KrPresentation *presentation,
           Fixture        *fixture)
{
  fixture->n_closed++;
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                 data ? data : "six-phases-funnel.en.kringel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  fixture->document = kr_document_load (file, &error);
  g_assert_no_error (error);
  fixture->map = kr_document_get_map (fixture->document);
  fixture->editor = kr_editor_new (kr_document_get_history (fixture->document));
  fixture->selection = kr_selection_new (fixture->map);

  fixture->presentation = g_object_ref (kr_presentation_new (NULL, fixture->editor, fixture->selection));
  g_signal_connect (fixture->presentation, "closed", G_CALLBACK (closed_cb), fixture);
  kr_presentation_start (fixture->presentation, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->presentation));
  g_assert_true (wait_until (is_fullscreen, fixture->presentation, 3000));
  wait_for_animation (fixture->presentation);
  spin ();
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  if (fixture->n_closed == 0)
    gtk_window_destroy (GTK_WINDOW (fixture->presentation));
  spin ();
  g_assert_cmpuint (fixture->n_closed, ==, 1);

  /* nothing keeps the closed presentation alive */
  {
    gpointer presentation = fixture->presentation;

    g_object_add_weak_pointer (presentation, &presentation);
    g_clear_object (&fixture->presentation);
    spin ();
    g_assert_null (presentation);
  }
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->editor);
  g_clear_object (&fixture->document);
}

/* Tests */

/* Full screen, no header bar, no decorations: only the map, the whole of it. */
static void
test_fullscreen_without_chrome (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->presentation);
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_PROJECTOR);
  KrRect extent = kr_renderer_get_extent (renderer, fixture->map);
  KrRect overview = kr_slide_get_overview (&extent);
  KrRect viewport = kr_presentation_get_viewport (fixture->presentation);
  KrRect expected = kr_rect_fit_aspect (&overview, stage_aspect (fixture));
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  g_assert_true (gtk_window_is_fullscreen (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_false (gtk_window_get_decorated (window));
  g_assert_null (gtk_window_get_titlebar (window));
  g_assert_null (find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (ADW_TYPE_HEADER_BAR)));
  g_assert_null (find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_HEADER_BAR)));

  /* it covers the screen */
  gdk_monitor_get_geometry (monitor, &geometry);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, geometry.width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, geometry.height);

  /* the whole map first */
  g_assert_cmpuint (kr_presentation_get_current_phase (fixture->presentation), ==, 0);
  g_assert_cmpuint (kr_presentation_get_n_phases (fixture->presentation), ==, 6);
  g_assert_cmpmem (&viewport, sizeof viewport, &expected, sizeof expected);
  g_assert_true (rect_contains (&viewport, &extent));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Overview — Customer journey"));

  save_screenshot (fixture, "overview.png");
}

/* Right moves phase by phase: each step ends exactly on the phase, then back to the whole. */
static void
test_step_through_phases (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const titles[] = {
    "Awareness", "Consideration", "Acquisition", "Conversion", "Service & support", "Loyalty",
  };
  KrPresentation *presentation = fixture->presentation;
  g_autoptr(KrLayout) layout = kr_layout_new (fixture->map);
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_PROJECTOR);
  KrRect extent = kr_renderer_get_extent (renderer, fixture->map);
  KrRect overview = kr_slide_get_overview (&extent);
  double aspect = stage_aspect (fixture);

  for (guint phase = 1; phase <= 6; phase++)
    {
      KrRect slide = kr_slide_get_phase (layout, phase - 1);
      KrRect area = kr_slide_get_phase_area (layout, phase - 1);
      KrRect fitted = kr_rect_fit_aspect (&slide, aspect);
      KrRect expected = kr_slide_keep_within (&fitted, &overview);
      KrRect target, viewport;
      g_autofree char *indicator = g_strdup_printf ("Phase %u of 6 — %s", phase, titles[phase - 1]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL));
      g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, phase);
      target = kr_presentation_get_target_viewport (presentation);
      g_assert_cmpmem (&target, sizeof target, &expected, sizeof expected);

      wait_for_animation (presentation);
      viewport = kr_presentation_get_viewport (presentation);
      g_assert_cmpmem (&viewport, sizeof viewport, &target, sizeof target);
      g_assert_true (rect_contains (&viewport, &area));
      /* zoomed in: the phase fills the height of the screen */
      g_assert_cmpfloat (viewport.height, <=, area.height + 2 * KR_SLIDE_MARGIN + 1e-9);
      g_assert_nonnull (find_label (GTK_WIDGET (presentation), indicator));

      if (phase == 2)
        save_screenshot (fixture, "phase-2.png");
    }

  /* past the last phase: the whole map again */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL);
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, 6);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL);
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, 5);

  /* number keys, Home (phase 1) and End (overview) */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.go-to", "u", 3);
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.go-to", "u", 9);
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.go-to", "u", 0);
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, 0);
  wait_for_animation (presentation);
}

typedef struct
{
  KrPresentation *presentation;
  GArray *seen;
} Recorder;

static gboolean
record_until_done (gpointer data)
{
  Recorder *recorder = data;
  KrRect viewport = kr_presentation_get_viewport (recorder->presentation);

  g_array_append_val (recorder->seen, viewport);
  return !kr_presentation_is_animating (recorder->presentation);
}

/* The move is drawn frame by frame, takes its time and ends exactly on the target. */
static void
test_animation_is_frame_driven (Fixture       *fixture,
                                gconstpointer  data)
{
  KrPresentation *presentation = fixture->presentation;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (KrRect));
  Recorder recorder = { presentation, seen };
  KrRect from = kr_presentation_get_viewport (presentation);
  KrRect to, last;
  guint in_between = 0;
  gint64 start, took;

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.go-to", "u", 4);
  to = kr_presentation_get_target_viewport (presentation);
  g_assert_true (kr_presentation_is_animating (presentation));

  start = g_get_monotonic_time ();
  g_assert_true (wait_until (record_until_done, &recorder, 3000));
  took = g_get_monotonic_time () - start;

  for (guint i = 0; i < seen->len; i++)
    {
      KrRect *viewport = &g_array_index (seen, KrRect, i);

      if (memcmp (viewport, &from, sizeof from) != 0 && memcmp (viewport, &to, sizeof to) != 0)
        in_between++;
    }

  last = g_array_index (seen, KrRect, seen->len - 1);
  g_assert_cmpmem (&last, sizeof last, &to, sizeof to);
  /* at least one frame on the way, however busy the machine running the tests */
  g_assert_cmpuint (in_between, >=, 1);
  g_assert_cmpint (took, >=, KR_ANIMATION_DURATION - 20 * G_TIME_SPAN_MILLISECOND);
  g_test_message ("phase 0 → 4: %u distinct frames in %.0f ms", in_between, took / 1000.0);
}

/* A click spotlights a card and shows its notes; Escape leaves it, Escape again ends. */
static void
test_spotlight_and_escape (Fixture       *fixture,
                           gconstpointer  data)
{
  KrPresentation *presentation = fixture->presentation;
  KrTouchpoint *offer = kr_map_lookup_touchpoint (fixture->map, "t7");
  g_autoptr(KrNote) note = kr_note_new ("Procurement wants three quotes before spring", "2026-03-02T09:30:00Z");
  g_autoptr(KrNote) second = kr_note_new ("Legal review took two weeks: start it earlier", "2026-03-09T14:00:00Z");
  g_autoptr(KrNote) first_note = g_list_model_get_item (kr_touchpoint_get_notes (offer), 0);
  KrRect card = card_rect (fixture, offer);
  KrRect viewport, expected;
  GtkLabel *label;
  double x, y;

  kr_touchpoint_insert_note (offer, 1, note);
  kr_touchpoint_insert_note (offer, 2, second);

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.go-to", "u", 3);
  wait_for_animation (presentation);

  /* a click on the card */
  map_to_stage (fixture, card.x + card.width / 2, card.y + card.height / 2, &x, &y);
  drag (fixture, x, y, 0, 0);
  g_assert_true (kr_presentation_get_spotlight (presentation) == offer);
  wait_for_animation (presentation);
  spin ();

  viewport = kr_presentation_get_viewport (presentation);
  expected = kr_slide_get_spotlight (&card, stage_aspect (fixture));
  g_assert_cmpmem (&viewport, sizeof viewport, &expected, sizeof expected);

  /* the notes, large, beside it */
  label = find_label (GTK_WIDGET (presentation), kr_note_get_text (first_note));
  g_assert_true (shown (GTK_WIDGET (label)));
  g_assert_true (shown (GTK_WIDGET (find_label (GTK_WIDGET (presentation), "Procurement wants three quotes"))));
  g_assert_true (shown (GTK_WIDGET (find_label (GTK_WIDGET (presentation), "Offer submitted"))));
  save_screenshot (fixture, "spotlight.png");
  /* the card is lit and the rest is dark */
  {
    KrRect lit = kr_rect_inflate (&card, -30);
    KrRect dark = { card.x, kr_rect_bottom (&card) + 40, card.width, 60 };

    g_assert_cmpfloat (brightness (fixture, &lit), >, 0.7);
    g_assert_cmpfloat (brightness (fixture, &dark), <, 0.45);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.escape", NULL));
  g_assert_null (kr_presentation_get_spotlight (presentation));
  g_assert_null (find_label (GTK_WIDGET (presentation), "Procurement wants three quotes"));
  g_assert_cmpuint (fixture->n_closed, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (presentation)));
  wait_for_animation (presentation);
  viewport = kr_presentation_get_viewport (presentation);
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.escape", NULL));
  g_assert_true (wait_until (closed, fixture, 2000));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (presentation)));
}

/* Editing in front of the room: a drag moves a card as one step, which Ctrl+Z undoes. */
static void
test_edit_drag_and_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  KrPresentation *presentation = fixture->presentation;
  KrHistory *history = kr_document_get_history (fixture->document);
  KrTouchpoint *checklist = kr_map_lookup_touchpoint (fixture->map, "t1");
  g_autoptr(KrLayout) layout = kr_layout_new (fixture->map);
  KrRect card = card_rect (fixture, checklist);
  KrRect second_phase = kr_layout_get_phase_column (layout, 1);
  double x, y, x2, y2;

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.go-to", "u", 0);
  wait_for_animation (presentation);
  map_to_stage (fixture, card.x + card.width / 2, card.y + card.height / 2, &x, &y);
  map_to_stage (fixture, second_phase.x + 200, card.y + card.height / 2, &x2, &y2);

  /* without editing, a drag changes nothing */
  drag (fixture, x, y, x2 - x, 0);
  g_assert_cmpstr (kr_touchpoint_get_phase_id (checklist), ==, "p1");
  g_assert_false (kr_history_can_undo (history));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.editing", NULL));
  g_assert_true (kr_presentation_get_editing (presentation));
  g_assert_true (shown (GTK_WIDGET (find_label (GTK_WIDGET (presentation), "Editing"))));

  drag (fixture, x, y, x2 - x, 0);
  g_assert_cmpstr (kr_touchpoint_get_phase_id (checklist), ==, "p2");
  g_assert_cmpstr (kr_touchpoint_get_lane_id (checklist), ==, "online");
  g_assert_true (kr_history_can_undo (history));
  save_screenshot (fixture, "editing.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.undo", NULL));
  g_assert_cmpstr (kr_touchpoint_get_phase_id (checklist), ==, "p1");
  g_assert_cmpfloat (kr_touchpoint_get_x (checklist), ==, 24);
  g_assert_false (kr_history_can_undo (history));
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.redo", NULL);
  g_assert_cmpstr (kr_touchpoint_get_phase_id (checklist), ==, "p2");
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.undo", NULL);

  /* a double-click renames, through the editor */
  {
    GtkGesture *clicks = get_controller (get_stage (fixture), GTK_TYPE_GESTURE_CLICK);
    GtkWidget *entry;

    drag (fixture, x, y, 0, 0);
    g_signal_emit_by_name (clicks, "released", 2, x, y);
    entry = find_widget (GTK_WIDGET (presentation), is_shown_entry, NULL);
    g_assert_true (shown (entry));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Blog article: CRM selection checklist");
    gtk_editable_set_text (GTK_EDITABLE (entry), "Checklist, renamed live");
    g_signal_emit_by_name (entry, "activate");
    g_assert_false (shown (entry));
    g_assert_cmpstr (kr_touchpoint_get_title (checklist), ==, "Checklist, renamed live");
    gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.undo", NULL);
    g_assert_cmpstr (kr_touchpoint_get_title (checklist), ==, "Blog article: CRM selection checklist");
  }

  /* connecting: from the dot on the card's right edge to another card */
  {
    KrTouchpoint *trade_fair = kr_map_lookup_touchpoint (fixture->map, "t2");
    KrRect target = card_rect (fixture, trade_fair);
    GtkEventController *motion = get_controller (get_stage (fixture), GTK_TYPE_EVENT_CONTROLLER_MOTION);
    guint n_connections = kr_map_get_n_items (fixture->map, KR_ITEM_CONNECTION);
    double hx, hy, tx, ty;

    map_to_stage (fixture, kr_rect_right (&card), card.y + card.height / 2, &hx, &hy);
    map_to_stage (fixture, target.x + target.width / 2, target.y + target.height / 2, &tx, &ty);
    g_signal_emit_by_name (motion, "motion", x, y);
    g_signal_emit_by_name (motion, "motion", hx, hy);
    drag (fixture, hx, hy, tx - hx, ty - hy);
    g_assert_cmpuint (kr_map_get_n_items (fixture->map, KR_ITEM_CONNECTION), ==, n_connections + 1);
    gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.undo", NULL);
    g_assert_cmpuint (kr_map_get_n_items (fixture->map, KR_ITEM_CONNECTION), ==, n_connections);
  }

  /* undo belongs to editing: without it, Ctrl+Z leaves the map alone */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.editing", NULL);
  g_assert_false (kr_presentation_get_editing (presentation));
  drag (fixture, x, y, x2 - x, 0);
  g_assert_cmpstr (kr_touchpoint_get_phase_id (checklist), ==, "p1");
}

/* Progressive reveal greys out the phases still to come. */
static void
test_progressive_reveal (Fixture       *fixture,
                         gconstpointer  data)
{
  KrPresentation *presentation = fixture->presentation;
  g_autoptr(KrLayout) layout = kr_layout_new (fixture->map);
  KrRect next_phase = kr_slide_get_phase_area (layout, 2);
  KrRect previous_phase = kr_slide_get_phase_area (layout, 0);
  double shown_next, hidden_next, hidden_previous;

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.go-to", "u", 2);
  wait_for_animation (presentation);
  shown_next = brightness (fixture, &next_phase);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.reveal", NULL));
  g_assert_true (kr_presentation_get_reveal (presentation));
  hidden_next = brightness (fixture, &next_phase);
  hidden_previous = brightness (fixture, &previous_phase);
  save_screenshot (fixture, "reveal.png");

  g_assert_cmpfloat (hidden_next, >, shown_next);
  g_assert_cmpfloat (hidden_next, >, 0.95);
  /* the phases already told stay readable */
  g_assert_cmpfloat (hidden_previous, <, hidden_next);

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.reveal", NULL);
  g_assert_false (kr_presentation_get_reveal (presentation));
}

static gboolean
label_is_time (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_regex_match_simple ("^[0-9][0-9]:[0-9][0-9]$", gtk_label_get_text (GTK_LABEL (widget)), 0, 0);
}

/* T shows the phase's clock, P the pointer highlight. */
static void
test_timer_and_pointer (Fixture       *fixture,
                        gconstpointer  data)
{
  KrPresentation *presentation = fixture->presentation;
  GtkEventController *motion = get_controller (get_stage (fixture), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_autofree char *zero = kr_presentation_format_elapsed (0);
  g_autofree char *minute = kr_presentation_format_elapsed (61 * G_USEC_PER_SEC + 999999);
  g_autofree char *hour = kr_presentation_format_elapsed (G_GINT64_CONSTANT (3661) * G_USEC_PER_SEC);
  guchar with_pointer[4], without_pointer[4];

  g_assert_cmpstr (zero, ==, "00:00");
  g_assert_cmpstr (minute, ==, "01:01");
  g_assert_cmpstr (hour, ==, "1:01:01");

  g_assert_null (find_widget (GTK_WIDGET (presentation), label_is_time, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.timer", NULL));
  g_assert_true (kr_presentation_get_timer_visible (presentation));
  g_assert_nonnull (find_widget (GTK_WIDGET (presentation), label_is_time, NULL));

  /* each phase has its own clock */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.go-to", "u", 1);
  g_usleep (30 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (kr_presentation_get_phase_elapsed (presentation), >=, 30 * G_TIME_SPAN_MILLISECOND);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.go-to", "u", 2);
  g_assert_cmpint (kr_presentation_get_phase_elapsed (presentation), <, 30 * G_TIME_SPAN_MILLISECOND);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.go-to", "u", 1);
  g_assert_cmpint (kr_presentation_get_phase_elapsed (presentation), >=, 30 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (kr_presentation_get_total_elapsed (presentation), >=, kr_presentation_get_phase_elapsed (presentation));
  wait_for_animation (presentation);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.pointer", NULL));
  g_assert_true (kr_presentation_get_pointer_visible (presentation));
  g_signal_emit_by_name (motion, "motion", 700.0, 500.0);
  save_screenshot (fixture, "timer-pointer.png");
  /* the highlight tints whatever is under the pointer warm yellow: less blue */
  pixel_at (fixture, 700, 500, with_pointer);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.pointer", NULL);
  pixel_at (fixture, 700, 500, without_pointer);
  g_assert_cmpint (without_pointer[0] - with_pointer[0], >=, 60);
  g_assert_cmpint (with_pointer[2], >=, without_pointer[2] - 20);

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.timer", NULL);
  g_assert_null (find_widget (GTK_WIDGET (presentation), label_is_time, NULL));
}

/* Presses the key @keyval as the shortcuts of @widget would handle it. */
static gboolean
press_shortcut (GtkWidget *widget,
                guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* The keys of the presentation, as a keyboard or a clicker sends them. */
static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *presentation = GTK_WIDGET (fixture->presentation);
  static const struct {
    guint keyval;
    guint phase;
  } steps[] = {
    { GDK_KEY_Right, 1 }, { GDK_KEY_Page_Down, 2 }, { GDK_KEY_space, 3 }, { GDK_KEY_Left, 2 },
    { GDK_KEY_Page_Up, 1 }, { GDK_KEY_5, 5 }, { GDK_KEY_KP_2, 2 }, { GDK_KEY_End, 0 }, { GDK_KEY_Home, 1 },
    { GDK_KEY_9, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      press_shortcut (presentation, steps[i].keyval);
      g_assert_cmpuint (kr_presentation_get_current_phase (fixture->presentation), ==, steps[i].phase);
    }

  g_assert_true (press_shortcut (presentation, GDK_KEY_r));
  g_assert_true (kr_presentation_get_reveal (fixture->presentation));
  g_assert_true (press_shortcut (presentation, GDK_KEY_t));
  g_assert_true (kr_presentation_get_timer_visible (fixture->presentation));
  g_assert_true (press_shortcut (presentation, GDK_KEY_p));
  g_assert_true (kr_presentation_get_pointer_visible (fixture->presentation));
  g_assert_true (press_shortcut (presentation, GDK_KEY_e));
  g_assert_true (kr_presentation_get_editing (fixture->presentation));
  g_assert_true (press_shortcut (presentation, GDK_KEY_e));
  g_assert_false (kr_presentation_get_editing (fixture->presentation));
  wait_for_animation (fixture->presentation);

  g_assert_true (press_shortcut (presentation, GDK_KEY_Escape));
  g_assert_true (wait_until (closed, fixture, 2000));
}

/* The presenter view follows the presentation: its phase, the notes, what comes next. */
static void
test_presenter_view (Fixture       *fixture,
                     gconstpointer  data)
{
  KrPresentation *presentation = fixture->presentation;
  GtkWidget *view = g_object_ref_sink (kr_presenter_view_new (presentation));
  GtkWidget *window = gtk_window_new ();

  g_assert_nonnull (find_label (view, "Overview — Customer journey"));
  g_assert_nonnull (find_label (view, "Next: Phase 1 of 6 — Awareness"));

  gtk_widget_activate_action (view, "presenter.next", NULL);
  gtk_widget_activate_action (view, "presenter.next", NULL);
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, 2);
  g_assert_nonnull (find_label (view, "Phase 2 of 6 — Consideration"));
  g_assert_nonnull (find_label (view, "Vendor-independent CRM comparison tool"));
  g_assert_nonnull (find_label (view, "Webinar: CRM in mechanical engineering"));
  g_assert_null (find_label (view, "Contract signed"));
  g_assert_nonnull (find_label (view, "Next: Phase 3 of 6 — Acquisition"));

  /* the clicker's keys reach the presentation from the laptop's window too */
  g_assert_true (press_shortcut (view, GDK_KEY_Page_Down));
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, 3);
  g_assert_true (press_shortcut (view, GDK_KEY_Left));
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, 2);

  kr_presentation_set_current_phase (presentation, 5);
  g_assert_nonnull (find_label (view, "• "));

  /* as the facilitator's laptop shows it */
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  save_toplevel_screenshot (window, "presenter-view.png");

  gtk_widget_activate_action (view, "presenter.end", NULL);
  g_assert_true (wait_until (closed, fixture, 2000));
  g_assert_null (kr_presenter_view_get_presentation (KR_PRESENTER_VIEW (view)));
  g_assert_nonnull (find_label (view, "The presentation has ended"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (view);
}

/* Edits made elsewhere (the main window) show at once; a deleted spotlit card lets go. */
static void
test_follows_the_map (Fixture       *fixture,
                      gconstpointer  data)
{
  KrPresentation *presentation = fixture->presentation;
  KrTouchpoint *kickoff = kr_map_lookup_touchpoint (fixture->map, "t9");
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *deleted = NULL;

  kr_presentation_set_current_phase (presentation, 4);
  kr_presentation_set_spotlight (presentation, kickoff);
  g_assert_true (kr_presentation_get_spotlight (presentation) == kickoff);

  g_ptr_array_add (items, kickoff);
  deleted = kr_editor_delete (fixture->editor, items);
  g_assert_null (kr_presentation_get_spotlight (presentation));

  /* phases removed under the current one: the presentation stays on a phase that exists */
  kr_presentation_set_current_phase (presentation, 6);
  g_ptr_array_set_size (items, 0);
  g_ptr_array_add (items, kr_map_lookup_phase (fixture->map, "p6"));
  g_ptr_array_add (items, kr_map_lookup_phase (fixture->map, "p5"));
  g_free (kr_editor_delete (fixture->editor, items));
  g_assert_cmpuint (kr_presentation_get_n_phases (presentation), ==, 4);
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, 4);
  wait_for_animation (presentation);
  {
    g_autoptr(KrLayout) layout = kr_layout_new (fixture->map);
    g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_PROJECTOR);
    KrRect extent = kr_renderer_get_extent (renderer, fixture->map);
    KrRect overview = kr_slide_get_overview (&extent);
    KrRect slide = kr_slide_get_phase (layout, 3);
    KrRect fitted = kr_rect_fit_aspect (&slide, stage_aspect (fixture));
    KrRect expected = kr_slide_keep_within (&fitted, &overview);
    KrRect viewport = kr_presentation_get_viewport (presentation);

    g_assert_cmpmem (&viewport, sizeof viewport, &expected, sizeof expected);
  }
}

/* With one screen there is no other monitor to take: the presentation uses this one. */
static void
test_single_screen (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GListModel *monitors = gdk_display_get_monitors (display);
  g_autoptr(GdkMonitor) only = g_list_model_get_item (monitors, 0);

  if (g_list_model_get_n_items (monitors) != 1)
    {
      g_test_skip ("needs a display with one monitor");
      return;
    }

  g_assert_null (kr_presentation_pick_monitor (display, NULL));
  g_assert_null (kr_presentation_pick_monitor (display, only));
}

static gboolean
cursor_hidden (GtkWidget *stage)
{
  GdkCursor *cursor = gtk_widget_get_cursor (stage);

  return cursor != NULL && g_strcmp0 (gdk_cursor_get_name (cursor), "none") == 0;
}

/* The mouse pointer leaves the projected map when it stays still, and comes back with the
 * next move. */
static void
test_idle_cursor_hides (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *stage = get_stage (fixture);
  GtkEventController *motion = get_controller (stage, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  gint64 end;

  g_signal_emit_by_name (motion, "motion", 40.0, 40.0);
  g_assert_false (cursor_hidden (stage));

  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!cursor_hidden (stage) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cursor_hidden (stage));

  g_signal_emit_by_name (motion, "motion", 42.0, 40.0);
  g_assert_false (cursor_hidden (stage));
}

/* N while a card is spotlit takes a note from the room: Enter adds it as one step of the
 * history and leaves the entry open for the next; keys typed meanwhile are the note's, not
 * the presentation's; Escape closes it and leaves the card lit. */
static void
test_note_from_the_room (Fixture       *fixture,
                         gconstpointer  data)
{
  KrPresentation *presentation = fixture->presentation;
  KrHistory *history = kr_document_get_history (fixture->document);
  KrTouchpoint *offer = kr_map_lookup_touchpoint (fixture->map, "t7");
  KrTouchpoint *other = kr_map_lookup_touchpoint (fixture->map, "t1");
  GListModel *notes = kr_touchpoint_get_notes (offer);
  guint n_notes = g_list_model_get_n_items (notes);
  guint n_other_notes = g_list_model_get_n_items (kr_touchpoint_get_notes (other));
  guint phase = kr_presentation_get_current_phase (presentation);
  g_autoptr(KrNote) added = NULL;
  GtkWidget *entry;

  /* without a lit card, N says how */
  g_assert_true (press_shortcut (GTK_WIDGET (presentation), GDK_KEY_n));
  g_assert_true (shown (GTK_WIDGET (find_label (GTK_WIDGET (presentation), "then N adds one"))));
  g_assert_null (find_widget (GTK_WIDGET (presentation), is_shown_entry, NULL));

  kr_presentation_set_spotlight (presentation, offer);
  spin ();
  g_assert_true (press_shortcut (GTK_WIDGET (presentation), GDK_KEY_n));
  entry = find_widget (GTK_WIDGET (presentation), is_shown_entry, NULL);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (presentation)), entry));

  /* a space is part of the note: it does not go on to the next phase */
  g_assert_false (press_shortcut (GTK_WIDGET (presentation), GDK_KEY_space));
  g_assert_cmpuint (kr_presentation_get_current_phase (presentation), ==, phase);

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Wants a price list before the visit  ");
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n_notes + 1);
  added = g_list_model_get_item (notes, n_notes);
  g_assert_cmpstr (kr_note_get_text (added), ==, "Wants a price list before the visit");
  g_assert_true (shown (GTK_WIDGET (find_label (GTK_WIDGET (presentation), "Wants a price list"))));
  g_assert_true (shown (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (entry), "And a second one");
  save_screenshot (fixture, "note-from-the-room.png");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  /* an empty note is none */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n_notes + 1);

  g_assert_true (kr_history_can_undo (history));
  kr_history_undo (history);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n_notes);
  g_assert_null (find_label (GTK_WIDGET (presentation), "Wants a price list"));

  /* Escape drops what is typed */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Never mind");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.escape", NULL));
  g_assert_false (shown (entry));
  g_assert_true (kr_presentation_get_spotlight (presentation) == offer);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n_notes);

  /* lighting another card keeps the note, for the card it was typed for */
  g_assert_true (press_shortcut (GTK_WIDGET (presentation), GDK_KEY_n));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Asks about maintenance costs");
  kr_presentation_set_spotlight (presentation, other);
  spin ();
  g_assert_false (shown (entry));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n_notes + 1);
  g_assert_cmpuint (g_list_model_get_n_items (kr_touchpoint_get_notes (other)), ==, n_other_notes);
  /* the stage has the keys again */
  g_assert_true (press_shortcut (GTK_WIDGET (presentation), GDK_KEY_Escape));
  g_assert_null (kr_presentation_get_spotlight (presentation));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add ((path), Fixture, NULL, setup, (func), teardown)
  ADD ("/presentation/fullscreen-without-chrome", test_fullscreen_without_chrome);
  ADD ("/presentation/step-through-phases", test_step_through_phases);
  ADD ("/presentation/keys", test_keys);
  ADD ("/presentation/animation-is-frame-driven", test_animation_is_frame_driven);
  ADD ("/presentation/spotlight-and-escape", test_spotlight_and_escape);
  ADD ("/presentation/note-from-the-room", test_note_from_the_room);
  ADD ("/presentation/edit-drag-and-undo", test_edit_drag_and_undo);
  ADD ("/presentation/progressive-reveal", test_progressive_reveal);
  ADD ("/presentation/timer-and-pointer", test_timer_and_pointer);
  ADD ("/presentation/presenter-view", test_presenter_view);
  ADD ("/presentation/follows-the-map", test_follows_the_map);
  ADD ("/presentation/idle-cursor-hides", test_idle_cursor_hides);
#undef ADD
  g_test_add_func ("/presentation/single-screen", test_single_screen);

  return g_test_run ();
}
