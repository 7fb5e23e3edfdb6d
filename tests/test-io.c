/* test-io.c: loading, saving and exporting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "kr-document.h"
#include "kr-export.h"
#include "kr-map-loader.h"
#include "kr-map-saver.h"

/* The .kringel files in @subdirectory of the tests' source folder. */
static GPtrArray *
list_fixtures (const char *subdirectory)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, subdirectory, NULL);
  g_autoptr(GDir) dir = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (directory, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".kringel"))
      g_ptr_array_add (paths, g_build_filename (directory, name, NULL));

  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  return paths;
}

/* Loading and saving a canonical file gives back exactly its bytes. */
static void
assert_round_trip (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) map = NULL;
  gsize length, saved_length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  map = kr_map_load_from_data (contents, length, path, NULL, &error);
  g_assert_no_error (error);
  saved = kr_map_to_data (map, &saved_length);

  if (g_test_verbose () && strcmp (contents, saved) != 0)
    g_printerr ("%s saved as:\n%s\n", path, saved);
  g_assert_cmpstr (saved, ==, contents);
  g_assert_cmpuint (saved_length, ==, length);
}

static void
test_round_trip_templates (void)
{
  g_autoptr(GPtrArray) paths = list_fixtures ("../data/templates");

  g_assert_cmpuint (paths->len, ==, 8);
  for (guint i = 0; i < paths->len; i++)
    assert_round_trip (paths->pdata[i]);
}

static void
test_round_trip_fixtures (void)
{
  g_autoptr(GPtrArray) paths = list_fixtures ("data/good");

  g_assert_cmpuint (paths->len, >=, 5);
  for (guint i = 0; i < paths->len; i++)
    assert_round_trip (paths->pdata[i]);
}

static void
test_template_contents (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                 "six-phases-decision.de.kringel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) map = kr_map_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kr_map_get_n_items (map, KR_ITEM_PHASE), ==, 6);
  g_assert_cmpuint (kr_map_get_n_items (map, KR_ITEM_LANE), ==, 2);
  g_assert_cmpuint (kr_map_get_n_items (map, KR_ITEM_PERSONA), >=, 1);
  g_assert_cmpuint (kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT), >=, 12);
  g_assert_cmpstr (kr_map_get_locale (map), ==, "de");
}

static void
test_unknown_members_kept (void)
{
  const char *input =
    "{\"format\": \"kringel\", \"version\": 1, \"future\": {\"a\": [1, 2.5, null]},"
    " \"phases\": [{\"id\": \"p1\", \"rows\": {\"kpis\": \"CTR\", \"extra_row\": \"x\"}, \"shape\": \"round\"}],"
    " \"view\": {\"zoom\": 2, \"rotation\": 90}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) map = kr_map_load_from_data (input, strlen (input), "test", NULL, &error);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  saved = kr_map_to_data (map, NULL);
  g_assert_nonnull (strstr (saved, "\"future\": {\n    \"a\": [\n      1,\n      2.5,\n      null\n    ]\n  }"));
  g_assert_nonnull (strstr (saved, "\"extra_row\": \"x\""));
  g_assert_nonnull (strstr (saved, "\"shape\": \"round\""));
  g_assert_nonnull (strstr (saved, "\"rotation\": 90"));
  g_assert_nonnull (strstr (saved, "\"kpis\": \"CTR\""));
}

static void
test_newer_version (void)
{
  const char *input = "{\"format\": \"kringel\", \"version\": 7, \"title\": \"From the future\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) map = NULL;
  KrLoadInfo info;

  map = kr_map_load_from_data (input, strlen (input), "future.kringel", &info, &error);
  g_assert_no_error (error);
  g_assert_true (info.newer_version);
  g_assert_cmpint (info.version, ==, 7);
  g_assert_cmpstr (kr_map_get_title (map), ==, "From the future");
}

static char *
read_expected (const char *fixture)
{
  g_autofree char *base = g_strndup (fixture, strlen (fixture) - strlen (".kringel"));
  g_autofree char *expected_path = g_strconcat (base, ".expected", NULL);
  g_autofree char *expected = NULL;

  if (!g_file_get_contents (expected_path, &expected, NULL, NULL))
    g_error ("%s has no .expected file", fixture);

  return g_strdup (g_strchomp (expected));
}

/* Every bad file fails with exactly the message its .expected file holds (FILE standing for
 * the path), and never yields a map. */
static void
test_bad_input (void)
{
  g_autoptr(GPtrArray) paths = list_fixtures ("data/bad");

  g_assert_cmpuint (paths->len, >=, 30);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(KrMap) map = kr_map_load_from_file (file, NULL, &error);
      g_autofree char *expected = read_expected (path);
      g_autoptr(GString) message = NULL;

      g_test_message ("%s", path);
      g_assert_null (map);
      g_assert_nonnull (error);
      message = g_string_new (error->message);
      g_string_replace (message, path, "FILE", 1);
      g_assert_cmpstr (message->str, ==, expected);
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/map.kringel");
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) map = kr_map_load_from_file (file, NULL, &error);

  g_assert_null (map);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/map.kringel: "));
}

static KrMap *
create_small_map (void)
{
  KrMap *map = kr_map_new ();
  g_autoptr(KrPhase) phase = kr_phase_new ("p1");
  g_autoptr(KrTouchpoint) touchpoint = kr_touchpoint_new ("t1");

  g_object_set (map, "title", "Small", NULL);
  g_object_set (phase, "title", "Awareness", NULL);
  g_object_set (touchpoint, "phase-id", "p1", "title", "Google Ads", "x", 12.5, NULL);
  kr_map_insert_item (map, 0, KR_ITEM (phase));
  kr_map_insert_item (map, 0, KR_ITEM (touchpoint));

  return map;
}

static void
test_save_number_format (void)
{
  g_autoptr(KrMap) map = create_small_map ();
  g_autoptr(KrTouchpoint) touchpoint = g_object_ref (kr_map_lookup_touchpoint (map, "t1"));
  g_autofree char *saved = NULL;

  g_object_set (touchpoint, "y", 1.0 / 3.0, NULL);
  g_object_set (map, "view-zoom", 0.75, NULL);
  saved = kr_map_to_data (map, NULL);

  g_assert_nonnull (strstr (saved, "\"x\": 12.5,"));
  g_assert_nonnull (strstr (saved, "\"y\": 0.333333,"));
  g_assert_nonnull (strstr (saved, "\"zoom\": 0.75,"));
  g_assert_nonnull (strstr (saved, "\"width\": 360,"));
  g_assert_true (g_str_has_suffix (saved, "}\n"));
}

static void
test_save_and_reload (void)
{
  g_autoptr(KrMap) map = create_small_map ();
  g_autofree char *directory = g_dir_make_tmp ("kringel-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "map.kringel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) reloaded = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (kr_map_save_to_file (map, file, &error));
  g_assert_no_error (error);
  reloaded = kr_map_load_from_file (file, NULL, &error);
  g_assert_no_error (error);

  first = kr_map_to_data (map, NULL);
  second = kr_map_to_data (reloaded, NULL);
  g_assert_cmpstr (first, ==, second);

  g_unlink (path);
  g_rmdir (directory);
}

/* A failed save leaves no file (and no temporary file) behind and says where it failed. */
static void
test_save_failure (void)
{
  g_autoptr(KrMap) map = create_small_map ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/map.kringel");
  g_autoptr(GError) error = NULL;

  g_assert_false (kr_map_save_to_file (map, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "map.kringel"));
}

/* Saving over a file keeps its permissions and writes through a symlink. */
static void
test_save_keeps_permissions_and_symlinks (void)
{
  g_autoptr(KrMap) map = create_small_map ();
  g_autofree char *directory = g_dir_make_tmp ("kringel-test-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (directory, "real.kringel", NULL);
  g_autofree char *link = g_build_filename (directory, "link.kringel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct stat info;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink ("real.kringel", link), ==, 0);

  g_assert_true (kr_map_save_to_file (map, file, &error));
  g_assert_no_error (error);

  g_assert_cmpint (lstat (link, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));
  g_assert_cmpint (stat (target, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0640);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"kringel\""));

  g_unlink (link);
  g_unlink (target);
  g_rmdir (directory);
}

static void
test_document_modified_and_read_only (void)
{
  const char *input = "{\"format\": \"kringel\", \"version\": 9}";
  g_autofree char *directory = g_dir_make_tmp ("kringel-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "future.kringel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, input, -1, NULL));
  document = kr_document_load (file, &error);
  g_assert_no_error (error);
  g_assert_true (kr_document_get_read_only (document));
  g_assert_nonnull (kr_document_get_warning (document));
  g_assert_false (kr_document_is_modified (document));

  /* saving a read-only document is refused and the file stays as it was */
  g_assert_false (kr_document_save (document, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, input);

  g_unlink (path);
  g_rmdir (directory);
}

static void
assert_export (KrExportFormat format,
               const char    *magic)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                 "three-phases.en.kringel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KrMap) map = kr_map_load_from_file (file, NULL, NULL);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  KrExportOptions options;

  kr_export_options_init (&options);
  options.format = format;

  first = kr_export_map_to_bytes (map, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (first), >, 1000);
  g_assert_cmpint (memcmp (g_bytes_get_data (first, NULL), magic, strlen (magic)), ==, 0);

  /* SVG and PDF carry ids that count up within a process (and a PDF its creation time);
   * their repeatability across runs is checked by test-command-line. */
  if (format == KR_EXPORT_PNG)
    {
      second = kr_export_map_to_bytes (map, &options, &error);
      g_assert_true (g_bytes_equal (first, second));
    }
}

static void
test_export_formats (void)
{
  assert_export (KR_EXPORT_PNG, "\x89PNG");
  assert_export (KR_EXPORT_SVG, "<?xml");
  assert_export (KR_EXPORT_PDF, "%PDF");
}

static void
test_export_too_large (void)
{
  g_autoptr(KrMap) map = create_small_map ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  KrExportOptions options;

  kr_export_options_init (&options);
  options.scale = 100;
  bytes = kr_export_map_to_bytes (map, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "32767"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/round-trip/templates", test_round_trip_templates);
  g_test_add_func ("/io/round-trip/fixtures", test_round_trip_fixtures);
  g_test_add_func ("/io/template-contents", test_template_contents);
  g_test_add_func ("/io/unknown-members", test_unknown_members_kept);
  g_test_add_func ("/io/newer-version", test_newer_version);
  g_test_add_func ("/io/bad-input", test_bad_input);
  g_test_add_func ("/io/missing-file", test_missing_file);
  g_test_add_func ("/io/save/number-format", test_save_number_format);
  g_test_add_func ("/io/save/reload", test_save_and_reload);
  g_test_add_func ("/io/save/failure", test_save_failure);
  g_test_add_func ("/io/save/permissions-and-symlinks", test_save_keeps_permissions_and_symlinks);
  g_test_add_func ("/io/document/read-only", test_document_modified_and_read_only);
  g_test_add_func ("/io/export/formats", test_export_formats);
  g_test_add_func ("/io/export/too-large", test_export_too_large);

  return g_test_run ();
}
