/* test-io.c: loading, saving and exporting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "kr-document.h"
#include "kr-export.h"
#include "kr-json-check.h"
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

/* kr_json_parse() keeps every value in document order, decoded, with json-glib's
 * distinction between integers and doubles. */
static void
test_json_parse_values (void)
{
  const char *input =
    "{\"int\": -42, \"zero\": -0, \"double\": 2.5, \"exponent\": 1e2, \"big\": 123456789012345678,"
    " \"text\": \"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00\", \"\\u0061\": true, \"no\": false,"
    " \"nothing\": null, \"list\": [[], {}, [1, [2]], \"x\"], \"last\": {\"inner\": \"y\"}}";
  const char *kinds[] = { "int", "zero", "double", "exponent", "big", "text", "a", "no", "nothing", "list", "last" };
  g_autoptr(KrJsonDocument) document = NULL;
  const KrJsonValue *root, *value, *element;
  KrJsonProblem problem;

  document = kr_json_parse (input, strlen (input), &problem);
  g_assert_nonnull (document);
  root = kr_json_document_get_root (document);
  g_assert_cmpint (root->type, ==, KR_JSON_OBJECT);
  g_assert_null (root->name);
  g_assert_cmpuint (root->length, ==, G_N_ELEMENTS (kinds));
  g_assert_cmpuint (root->size, ==, 20);

  /* Members in order, each followed by its subtree. */
  value = kr_json_value_get_first_child (root);
  for (guint i = 0; i < root->length; i++, value = kr_json_value_get_next (value))
    g_assert_cmpstr (value->name, ==, kinds[i]);
  g_assert_true (value == root + root->size);

  value = kr_json_object_get_member (root, "int");
  g_assert_cmpint (value->type, ==, KR_JSON_INTEGER);
  g_assert_cmpint (value->v.integer, ==, -42);
  value = kr_json_object_get_member (root, "zero");
  g_assert_cmpint (value->type, ==, KR_JSON_INTEGER);
  g_assert_cmpint (value->v.integer, ==, 0);
  value = kr_json_object_get_member (root, "double");
  g_assert_cmpint (value->type, ==, KR_JSON_DOUBLE);
  g_assert_cmpfloat (value->v.number, ==, 2.5);
  value = kr_json_object_get_member (root, "exponent");
  g_assert_cmpint (value->type, ==, KR_JSON_DOUBLE);
  g_assert_cmpfloat (value->v.number, ==, 100);
  value = kr_json_object_get_member (root, "big");
  g_assert_cmpint (value->type, ==, KR_JSON_INTEGER);
  g_assert_cmpint (value->v.integer, ==, G_GINT64_CONSTANT (123456789012345678));

  value = kr_json_object_get_member (root, "text");
  g_assert_cmpint (value->type, ==, KR_JSON_STRING);
  g_assert_cmpstr (value->v.string, ==, "a\"b\\c/d\n\xc3\xa9\xf0\x9f\x98\x80");
  g_assert_cmpuint (value->length, ==, strlen (value->v.string));

  value = kr_json_object_get_member (root, "a");
  g_assert_cmpint (value->type, ==, KR_JSON_BOOLEAN);
  g_assert_true (value->v.boolean);
  value = kr_json_object_get_member (root, "no");
  g_assert_cmpint (value->type, ==, KR_JSON_BOOLEAN);
  g_assert_false (value->v.boolean);
  value = kr_json_object_get_member (root, "nothing");
  g_assert_cmpint (value->type, ==, KR_JSON_NULL);
  g_assert_null (kr_json_object_get_member (root, "missing"));

  value = kr_json_object_get_member (root, "list");
  g_assert_cmpint (value->type, ==, KR_JSON_ARRAY);
  g_assert_cmpuint (value->length, ==, 4);
  g_assert_cmpuint (value->size, ==, 8);
  element = kr_json_value_get_first_child (value);
  g_assert_null (element->name);
  g_assert_cmpint (element->type, ==, KR_JSON_ARRAY);
  g_assert_cmpuint (element->length, ==, 0);
  element = kr_json_value_get_next (element);
  g_assert_cmpint (element->type, ==, KR_JSON_OBJECT);
  g_assert_cmpuint (element->length, ==, 0);
  element = kr_json_value_get_next (element);
  g_assert_cmpint (element->type, ==, KR_JSON_ARRAY);
  g_assert_cmpuint (element->size, ==, 4);
  element = kr_json_value_get_next (element);
  g_assert_cmpstr (element->v.string, ==, "x");
  g_assert_cmpstr (kr_json_value_get_next (value)->name, ==, "last");

  value = kr_json_object_get_member (kr_json_object_get_member (root, "last"), "inner");
  g_assert_cmpstr (value->v.string, ==, "y");
}

/* kr_json_check() (used without a tree, for autosave headers) and kr_json_parse() judge
 * every document alike. */
static void
assert_check_and_parse_agree (const char *data,
                              gsize       length)
{
  KrJsonProblem checked, parsed;
  gboolean check_ok = kr_json_check (data, length, &checked);
  g_autoptr(KrJsonDocument) document = kr_json_parse (data, length, &parsed);

  g_assert_cmpint (check_ok, ==, document != NULL);
  if (check_ok)
    return;

  g_assert_cmpuint (checked.line, ==, parsed.line);
  g_assert_cmpuint (checked.column, ==, parsed.column);
  g_assert_cmpstr (checked.message, ==, parsed.message);
  kr_json_problem_clear (&checked);
  kr_json_problem_clear (&parsed);
}

static void
test_json_check_and_parse_agree (void)
{
  g_autoptr(GPtrArray) paths = list_fixtures ("data/bad");

  g_ptr_array_extend_and_steal (paths, list_fixtures ("data/good"));
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (paths->pdata[i], &contents, &length, NULL));
      assert_check_and_parse_agree (contents, length);
    }
}

static void
assert_json_problem (const char *data,
                     gsize       length,
                     guint       line,
                     guint       column,
                     const char *message)
{
  KrJsonProblem problem;
  g_autoptr(KrJsonDocument) document = kr_json_parse (data, length, &problem);

  g_assert_null (document);
  g_assert_cmpuint (problem.line, ==, line);
  g_assert_cmpuint (problem.column, ==, column);
  g_assert_cmpstr (problem.message, ==, message);
  kr_json_problem_clear (&problem);
  assert_check_and_parse_agree (data, length);
}

/* Text that is not UTF-8 is named before any other problem, wherever it is. */
static void
test_json_utf8 (void)
{
  const char *after_syntax_error = "{\"a\": 1,, \"b\": \"\xff\"}";
  const char *nul_in_string = "{\"a\": \"x\0\"}";
  const char *non_ascii_word = "{\"a\": \xc3\xa9}";
  const char *umlauts = "{\"\xc3\xa4\": \"\xc3\xb6\xe2\x82\xac\"}";
  g_autoptr(KrJsonDocument) document = NULL;
  KrJsonProblem problem;

  assert_json_problem (after_syntax_error, strlen (after_syntax_error), 1, 17,
                       "The file is not valid UTF-8 text");
  assert_json_problem (nul_in_string, 11, 1, 9, "The file contains a NUL byte");
  assert_json_problem (non_ascii_word, strlen (non_ascii_word), 1, 7,
                       "Unexpected character; expected a value");

  document = kr_json_parse (umlauts, strlen (umlauts), &problem);
  g_assert_nonnull (document);
  g_assert_cmpstr (kr_json_document_get_root (document)[1].name, ==, "\xc3\xa4");
  g_assert_cmpstr (kr_json_document_get_root (document)[1].v.string, ==, "\xc3\xb6\xe2\x82\xac");
}

/* A number may end the input, which need not end with a NUL: nothing after it is read. */
static void
test_json_number_at_end (void)
{
  const char *numbers[] = { "1e5", "2.5", "-7" };
  g_autofree char *overflowing = g_strdup ("1e5999");
  KrJsonProblem problem;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      gsize length = strlen (numbers[i]);
      g_autofree char *data = g_memdup2 (numbers[i], length);
      g_autoptr(KrJsonDocument) document = kr_json_parse (data, length, &problem);
      const KrJsonValue *root;

      g_assert_nonnull (document);
      root = kr_json_document_get_root (document);
      if (i == 2)
        g_assert_cmpint (root->v.integer, ==, -7);
      else
        g_assert_cmpfloat (root->v.number, ==, g_ascii_strtod (numbers[i], NULL));
    }

  g_assert_true (kr_json_check (overflowing, 3, &problem));
}

/* Members may come in any order and any may be left out: the file loads as its canonical
 * form does. */
static void
test_member_order (void)
{
  const char *canonical =
    "{\"format\": \"kringel\", \"version\": 1, \"title\": \"Order\","
    " \"phases\": [{\"id\": \"p1\", \"title\": \"One\", \"rows\": {\"kpis\": \"CTR\", \"systems\": \"CRM\"}}],"
    " \"touchpoints\": [{\"id\": \"t1\", \"phase\": \"p1\", \"x\": 10, \"y\": 20, \"title\": \"A\","
    " \"emotion\": 4, \"points\": 2, \"notes\": [{\"text\": \"n\", \"created\": \"2026-11-22T10:00:00Z\"}],"
    " \"x-extra\": 1}, {\"id\": \"t2\", \"phase\": \"p1\"}],"
    " \"connections\": [{\"id\": \"c1\", \"from\": \"t1\", \"to\": \"t2\", \"waypoints\": [{\"x\": 1, \"y\": 2}]}],"
    " \"view\": {\"zoom\": 1.5, \"x\": 2, \"y\": 3}}";
  const char *shuffled =
    "{\"view\": {\"y\": 3, \"x\": 2, \"zoom\": 1.5},"
    " \"connections\": [{\"waypoints\": [{\"y\": 2, \"x\": 1}], \"to\": \"t2\", \"from\": \"t1\", \"id\": \"c1\"}],"
    " \"touchpoints\": [{\"x-extra\": 1, \"notes\": [{\"created\": \"2026-11-22T10:00:00Z\", \"text\": \"n\"}],"
    " \"points\": 2, \"emotion\": 4, \"title\": \"A\", \"y\": 20, \"x\": 10, \"phase\": \"p1\", \"id\": \"t1\"},"
    " {\"phase\": \"p1\", \"id\": \"t2\"}],"
    " \"phases\": [{\"rows\": {\"systems\": \"CRM\", \"kpis\": \"CTR\"}, \"title\": \"One\", \"id\": \"p1\"}],"
    " \"title\": \"Order\", \"version\": 1, \"format\": \"kringel\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) expected = kr_map_load_from_data (canonical, strlen (canonical), "canonical", NULL, &error);
  g_autoptr(KrMap) map = NULL;
  g_autofree char *expected_saved = NULL;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  map = kr_map_load_from_data (shuffled, strlen (shuffled), "shuffled", NULL, &error);
  g_assert_no_error (error);

  expected_saved = kr_map_to_data (expected, NULL);
  saved = kr_map_to_data (map, NULL);
  g_assert_cmpstr (saved, ==, expected_saved);
  g_assert_nonnull (strstr (saved, "\"x-extra\": 1"));
  g_assert_cmpfloat (kr_map_get_view_zoom (map), ==, 1.5);
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
  g_test_add_func ("/io/json/parse-values", test_json_parse_values);
  g_test_add_func ("/io/json/check-and-parse-agree", test_json_check_and_parse_agree);
  g_test_add_func ("/io/json/utf8", test_json_utf8);
  g_test_add_func ("/io/json/number-at-end", test_json_number_at_end);
  g_test_add_func ("/io/load/member-order", test_member_order);
  g_test_add_func ("/io/save/number-format", test_save_number_format);
  g_test_add_func ("/io/save/reload", test_save_and_reload);
  g_test_add_func ("/io/save/failure", test_save_failure);
  g_test_add_func ("/io/save/permissions-and-symlinks", test_save_keeps_permissions_and_symlinks);
  g_test_add_func ("/io/document/read-only", test_document_modified_and_read_only);
  g_test_add_func ("/io/export/formats", test_export_formats);
  g_test_add_func ("/io/export/too-large", test_export_too_large);

  return g_test_run ();
}
