/* test-window.c: the real window under Xvfb, driven through its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "kr-canvas-private.h"
#include "kr-outline.h"
#include "kr-set-property-command.h"
#include "kr-window.h"

static char *
template_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "templates", name, NULL);
}

static KrWindow *
open_window (const char *path)
{
  KrWindow *window = kr_window_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (kr_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
rename_map (KrWindow   *window,
            const char *title)
{
  KrDocument *document = kr_window_get_document (window);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, title);
  kr_history_push (kr_document_get_history (document),
                   kr_set_property_command_new (kr_document_get_map (document), "title", &value, "Rename"));
}

static void
test_title (void)
{
  g_autofree char *path = template_path ("three-phases.en.kringel");
  KrWindow *window = open_window (path);
  KrMap *map = kr_canvas_get_map (kr_window_get_canvas (window));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "three-phases.en.kringel — Kringel");
  g_assert_nonnull (map);
  g_assert_cmpuint (kr_map_get_n_items (map, KR_ITEM_PHASE), ==, 3);

  /* an edit marks the title; undo through the window's action removes the mark again */
  rename_map (window, "Renamed");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "*three-phases.en.kringel — Kringel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "three-phases.en.kringel — Kringel");
  g_assert_cmpstr (kr_map_get_title (map), !=, "Renamed");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_save_clears_mark (void)
{
  g_autofree char *path = template_path ("four-phases.de.kringel");
  g_autofree char *directory = g_dir_make_tmp ("kringel-test-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (directory, "kopie.kringel", NULL);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy);
  KrWindow *window = open_window (path);
  g_autofree char *saved = NULL;

  rename_map (window, "Gespeichert");
  g_assert_true (kr_window_save_to (window, copy_file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "kopie.kringel — Kringel");
  g_assert_true (g_file_get_contents (copy, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"title\": \"Gespeichert\""));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (copy);
  g_rmdir (directory);
}

/* A broken file shows an error and leaves the window's map as it was. */
static void
test_open_bad_file_keeps_map (void)
{
  g_autofree char *path = template_path ("three-phases.en.kringel");
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "trailing-comma-object.kringel", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  KrWindow *window = open_window (path);
  KrDocument *before = kr_window_get_document (window);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_before = g_list_model_get_n_items (toplevels);

  g_assert_false (kr_window_open_file (window, bad_file));
  spin ();
  g_assert_true (kr_window_get_document (window) == before);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_before + 1);

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        {
          g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (toplevel)), bad));
          gtk_window_destroy (toplevel);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_zoom_actions (void)
{
  g_autofree char *path = template_path ("six-phases-funnel.en.kringel");
  KrWindow *window = open_window (path);
  KrCanvas *canvas = kr_window_get_canvas (window);
  double fitted;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL);
  fitted = kr_canvas_get_zoom (canvas);
  g_assert_cmpfloat (fitted, <=, 1.0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat (kr_canvas_get_zoom (canvas), ==, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat (kr_canvas_get_zoom (canvas), >, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat (kr_canvas_get_zoom (canvas), <, 1.0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "New from template" gives an unsaved map with the template's content and no file. */
static void
test_new_from_template (void)
{
  KrWindow *window = kr_window_new (NULL);
  KrDocument *document;

  g_assert_true (kr_window_new_from_template (window, "four-phases"));
  document = kr_window_get_document (window);
  g_assert_null (kr_document_get_file (document));
  g_assert_false (kr_document_is_modified (document));
  g_assert_cmpuint (kr_map_get_n_items (kr_document_get_map (document), KR_ITEM_PHASE), ==, 4);
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), " — Kringel"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GBytes **bytes = user_data;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, NULL);

  *bytes = stream ? g_input_stream_read_bytes (stream, 1 << 24, NULL, NULL) : g_bytes_new (NULL, 0);
}

/* Ctrl+Shift+C puts a PNG on the clipboard; Ctrl+E opens the export dialog. */
static void
test_copy_image_and_export_dialog (void)
{
  g_autofree char *path = template_path ("three-phases.en.kringel");
  KrWindow *window = open_window (path);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  const char *mime_types[] = { "image/png", NULL };
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_before = g_list_model_get_n_items (toplevels);
  g_autoptr(GBytes) bytes = NULL;
  gboolean found = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-image", NULL));
  /* drawn on another thread */
  {
    gint64 give_up = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

    while (!gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "image/png") &&
           g_get_monotonic_time () < give_up)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "image/png"));
  }
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, clipboard_read_cb, &bytes);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), "\x89PNG", 4), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_before + 1);
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), "KrExportDialog"))
        {
          found = TRUE;
          gtk_window_destroy (toplevel);
        }
    }
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
open_export_dialog (KrWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  spin ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), "KrExportDialog"))
        return toplevel;
    }
  g_assert_not_reached ();
}

static void
weak_notify_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

/* The dialog writes the file on another thread and closes when it is written; closed
 * before, it writes nothing. */
/* A map of 400 cards, so that an export takes long enough to be cancelled. */
static char *
write_big_map (const char *directory)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"kringel\", \"version\": 1, \"title\": \"Big\", "
                                          "\"phases\": [{\"id\": \"p\", \"title\": \"All\", \"width\": 10000}], "
                                          "\"lanes\": [{\"id\": \"l\", \"title\": \"One\", \"height\": 620}], "
                                          "\"touchpoints\": [");
  char *path = g_build_filename (directory, "big.kringel", NULL);

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (json, "%s{\"id\": \"t%u\", \"phase\": \"p\", \"lane\": \"l\", \"x\": %u, "
                                  "\"y\": %u, \"title\": \"Card %u\"}", i > 0 ? ", " : "", i, 24 + (i / 8) * 196,
                            24 + (i % 8) * 70, i);
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
  return path;
}

static void
test_export_dialog_writes_in_background (void)
{
  g_autofree char *directory = g_dir_make_tmp ("kringel-export-XXXXXX", NULL);
  g_autofree char *path = write_big_map (directory);
  g_autofree char *written = g_build_filename (directory, "written.png", NULL);
  g_autofree char *cancelled = g_build_filename (directory, "cancelled.png", NULL);
  g_autofree char *written_uri = g_filename_to_uri (written, NULL, NULL);
  g_autofree char *cancelled_uri = g_filename_to_uri (cancelled, NULL, NULL);
  KrWindow *window = open_window (path);
  GtkWindow *dialog = open_export_dialog (window);
  gboolean finalized = FALSE;

  g_object_weak_ref (G_OBJECT (dialog), weak_notify_cb, &finalized);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.to-file", "s", written_uri));
  while (!finalized)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));

  dialog = open_export_dialog (window);
  finalized = FALSE;
  g_object_weak_ref (G_OBJECT (dialog), weak_notify_cb, &finalized);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.to-file", "s", cancelled_uri));
  gtk_window_close (dialog);
  while (!finalized)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (written);
  g_unlink (path);
  g_rmdir (directory);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The item of each row of the outline, top to bottom. */
static GPtrArray *
outline_items (GtkWidget *outline)
{
  GtkListView *list = GTK_LIST_VIEW (find_descendant (outline, GTK_TYPE_LIST_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (list));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

      g_ptr_array_add (items, gtk_tree_list_row_get_item (row));
    }
  return items;
}

/* Phases, each followed by its touchpoints in map order, each followed by the arrows that
 * leave it; built when shown, and built again after an edit. */
static void
test_outline (void)
{
  g_autofree char *path = template_path ("three-phases.en.kringel");
  KrWindow *window = open_window (path);
  KrCanvas *canvas = kr_window_get_canvas (window);
  KrMap *map = kr_canvas_get_map (canvas);
  GtkWidget *outline = find_descendant (GTK_WIDGET (window), KR_TYPE_OUTLINE);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  KrPhase *first_phase = kr_map_get_item (map, KR_ITEM_PHASE, 0);

  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (outline)), outline);
  spin ();
  g_assert_true (gtk_widget_get_mapped (outline));

  for (guint p = 0; p < kr_map_get_n_items (map, KR_ITEM_PHASE); p++)
    {
      KrItem *phase = kr_map_get_item (map, KR_ITEM_PHASE, p);

      g_ptr_array_add (expected, phase);
      for (guint t = 0; t < kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT); t++)
        {
          KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, t);

          if (!g_str_equal (kr_touchpoint_get_phase_id (touchpoint), kr_item_get_id (phase)))
            continue;
          g_ptr_array_add (expected, touchpoint);
          for (guint c = 0; c < kr_map_get_n_items (map, KR_ITEM_CONNECTION); c++)
            {
              KrConnection *connection = kr_map_get_item (map, KR_ITEM_CONNECTION, c);

              if (g_str_equal (kr_connection_get_from_id (connection), kr_item_get_id (KR_ITEM (touchpoint))))
                g_ptr_array_add (expected, connection);
            }
        }
    }

  items = outline_items (outline);
  g_assert_cmpuint (items->len, >, kr_map_get_n_items (map, KR_ITEM_PHASE) + 3);
  g_assert_cmpuint (items->len, ==, expected->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_true (items->pdata[i] == expected->pdata[i]);

  /* a new card in the first phase appears under it once the edit is over */
  kr_editor_add_touchpoint (kr_canvas_get_editor (canvas), kr_item_get_id (KR_ITEM (first_phase)),
                            kr_item_get_id (kr_map_get_item (map, KR_ITEM_LANE, 0)), 40, 40, "email");
  spin ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = outline_items (outline);
  g_assert_cmpuint (items->len, ==, expected->len + 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A card offers its connect handle only while it is large enough on screen for a press
 * beside the handle to move it. */
static void
test_handle_needs_room (void)
{
  g_autofree char *path = template_path ("three-phases.en.kringel");
  KrWindow *window = open_window (path);
  KrCanvas *canvas = kr_window_get_canvas (window);
  KrItem *card = kr_map_get_item (kr_canvas_get_map (canvas), KR_ITEM_TOUCHPOINT, 0);
  double x, y;

  kr_canvas_set_zoom (canvas, 1.0);
  g_assert_true (kr_canvas_get_handle_center (canvas, card, &x, &y));
  kr_canvas_set_zoom (canvas, 0.1);
  g_assert_false (kr_canvas_get_handle_center (canvas, card, &x, &y));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/title", test_title);
  g_test_add_func ("/window/save-clears-mark", test_save_clears_mark);
  g_test_add_func ("/window/open-bad-file", test_open_bad_file_keeps_map);
  g_test_add_func ("/window/zoom-actions", test_zoom_actions);
  g_test_add_func ("/window/new-from-template", test_new_from_template);
  g_test_add_func ("/window/copy-image-and-export", test_copy_image_and_export_dialog);
  g_test_add_func ("/window/export-dialog-in-background", test_export_dialog_writes_in_background);
  g_test_add_func ("/window/outline", test_outline);
  g_test_add_func ("/window/handle-needs-room", test_handle_needs_room);

  return g_test_run ();
}
