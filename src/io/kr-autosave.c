/* kr-autosave.c
 *
 * One recovery file per open document, in g_get_user_state_dir()/kringel/recovery/, named
 * ID.kringel-recovery. It is written atomically, so a crash leaves either the previous or the
 * new autosave, never half of one. Its first line is a small JSON object (one line: JSON
 * escapes every newline inside strings) with what the recovery offer shows:
 *
 *   {"format":"kringel-recovery","version":1,"title":"…","time":"2026-11-22T10:00:00.000000Z","file":"file:///…"}
 *
 * and the rest is the map exactly as kr_map_to_data() writes it, so listing reads only the
 * first line, and restoring gives back the very bytes that would have been saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "kr-atomic-write.h"
#include "kr-autosave.h"
#include "kr-json-check.h"
#include "kr-map-loader.h"
#include "kr-map-saver.h"

#define RECOVERY_SUFFIX ".kringel-recovery"
#define HEADER_FORMAT "kringel-recovery"
#define HEADER_VERSION 1
#define MAX_HEADER_BYTES (64 * 1024)
#define MAX_TITLE_CHARACTERS 200

struct _KrAutosave
{
  GObject parent_instance;

  char *id;
  GFile *location;
  char *title;
  GDateTime *time;
  GFile *file;
};

G_DEFINE_FINAL_TYPE (KrAutosave, kr_autosave, G_TYPE_OBJECT)
G_DEFINE_QUARK (kr-autosave-error-quark, kr_autosave_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_LOCATION,
  PROP_TITLE,
  PROP_TIME,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kr_autosave_dispose (GObject *object)
{
  KrAutosave *self = KR_AUTOSAVE (object);

  g_clear_object (&self->location);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (kr_autosave_parent_class)->dispose (object);
}

static void
kr_autosave_finalize (GObject *object)
{
  KrAutosave *self = KR_AUTOSAVE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (kr_autosave_parent_class)->finalize (object);
}

static void
kr_autosave_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KrAutosave *self = KR_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LOCATION:
      g_value_set_object (value, self->location);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_autosave_class_init (KrAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kr_autosave_dispose;
  object_class->finalize = kr_autosave_finalize;
  object_class->get_property = kr_autosave_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATION] =
    g_param_spec_object ("location", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kr_autosave_init (KrAutosave *self)
{
}

/**
 * kr_autosave_dup_directory:
 *
 * Returns: (transfer full): the folder the recovery files live in
 */
char *
kr_autosave_dup_directory (void)
{
  return g_build_filename (g_get_user_state_dir (), "kringel", "recovery", NULL);
}

static KrAutosave *
autosave_new_with_id (const char *directory,
                      const char *id)
{
  KrAutosave *self = g_object_new (KR_TYPE_AUTOSAVE, NULL);
  g_autofree char *name = g_strconcat (id, RECOVERY_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (directory, name, NULL);

  self->id = g_strdup (id);
  self->location = g_file_new_for_path (path);
  return self;
}

/**
 * kr_autosave_new:
 *
 * A new, empty recovery slot for one document; nothing is written before kr_autosave_write().
 */
KrAutosave *
kr_autosave_new (void)
{
  g_autofree char *directory = kr_autosave_dup_directory ();
  g_autofree char *id = g_uuid_string_random ();

  return autosave_new_with_id (directory, id);
}

/* The id, unique among the recovery files, that names this one. */
const char *
kr_autosave_get_id (KrAutosave *self)
{
  g_return_val_if_fail (KR_IS_AUTOSAVE (self), NULL);
  return self->id;
}

/* The recovery file itself. */
GFile *
kr_autosave_get_location (KrAutosave *self)
{
  g_return_val_if_fail (KR_IS_AUTOSAVE (self), NULL);
  return self->location;
}

/* The document's title when it was last autosaved, or NULL before the first write. */
const char *
kr_autosave_get_title (KrAutosave *self)
{
  g_return_val_if_fail (KR_IS_AUTOSAVE (self), NULL);
  return self->title;
}

/* When the work was last autosaved (UTC), or NULL before the first write. */
GDateTime *
kr_autosave_get_time (KrAutosave *self)
{
  g_return_val_if_fail (KR_IS_AUTOSAVE (self), NULL);
  return self->time;
}

/* The file the document was opened from or saved to, or NULL for a map never saved. */
GFile *
kr_autosave_get_file (KrAutosave *self)
{
  g_return_val_if_fail (KR_IS_AUTOSAVE (self), NULL);
  return self->file;
}

static void
set_description (KrAutosave *self,
                 const char *title,
                 GDateTime  *time,
                 GFile      *file)
{
  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  g_clear_pointer (&self->time, g_date_time_unref);
  self->time = g_date_time_ref (time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);

  if (self->file != file && (self->file == NULL || file == NULL || !g_file_equal (self->file, file)))
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
}

static char *
build_header (const char *title,
              GDateTime  *time,
              GFile      *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *time_text = g_date_time_format_iso8601 (time);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, HEADER_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, HEADER_VERSION);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, time_text);
  json_builder_set_member_name (builder, "file");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      json_builder_add_string_value (builder, uri);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, FALSE);
  return json_generator_to_data (generator, NULL);
}

/**
 * kr_autosave_write:
 * @document: the document whose unsaved state to keep
 *
 * Writes the document's map, title, file and the current time into the recovery file,
 * atomically (the previous autosave stays whole if this one fails). Call it a few seconds
 * after an edit while kr_document_is_modified() is %TRUE.
 */
gboolean
kr_autosave_write (KrAutosave  *self,
                   KrDocument  *document,
                   GError     **error)
{
  g_autofree char *title = NULL;
  g_autofree char *header = NULL;
  g_autofree char *map_data = NULL;
  g_autofree char *directory = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GString) contents = NULL;
  GFile *file;
  gsize map_length;

  g_return_val_if_fail (KR_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (KR_IS_DOCUMENT (document), FALSE);

  title = kr_document_dup_title (document);
  if (g_utf8_strlen (title, -1) > MAX_TITLE_CHARACTERS)
    {
      char *shortened = g_utf8_substring (title, 0, MAX_TITLE_CHARACTERS);
      g_free (title);
      title = shortened;
    }

  file = kr_document_get_file (document);
  header = build_header (title, now, file);
  map_data = kr_map_to_data (kr_document_get_map (document), &map_length);

  parent = g_file_get_parent (self->location);
  directory = g_file_get_path (parent);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (directory);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s” for unsaved work: %s"), name,
                   g_strerror (saved_errno));
      return FALSE;
    }

  contents = g_string_sized_new (strlen (header) + 1 + map_length);
  g_string_append (contents, header);
  g_string_append_c (contents, '\n');
  g_string_append_len (contents, map_data, (gssize) map_length);

  if (!kr_write_file_atomically (self->location, contents->str, contents->len, error))
    return FALSE;

  set_description (self, title, now, file);
  return TRUE;
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Reads the first line of a recovery file into @self; FALSE when it is not one. */
static gboolean
read_header (KrAutosave *self,
             const char *header,
             gsize       length)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GFile) file = NULL;
  KrJsonProblem problem;
  JsonObject *object;
  JsonNode *root, *version, *file_node;
  const char *title, *time_text;

  if (!kr_json_check (header, length, &problem))
    {
      kr_json_problem_clear (&problem);
      return FALSE;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, header, (gssize) length, NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  object = json_node_get_object (root);
  version = json_object_get_member (object, "version");
  title = get_string_member (object, "title");
  time_text = get_string_member (object, "time");
  file_node = json_object_get_member (object, "file");

  if (g_strcmp0 (get_string_member (object, "format"), HEADER_FORMAT) != 0 ||
      version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) != HEADER_VERSION ||
      title == NULL || time_text == NULL || file_node == NULL)
    return FALSE;

  time = g_date_time_new_from_iso8601 (time_text, NULL);
  if (time == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_NULL (file_node))
    {
      const char *uri = get_string_member (object, "file");

      if (uri == NULL || !g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
        return FALSE;
      file = g_file_new_for_uri (uri);
    }

  set_description (self, title, time, file);
  return TRUE;
}

/* The recovery file @id in @directory, with its description read, or NULL. */
static KrAutosave *
autosave_new_from_disk (const char *directory,
                        const char *id)
{
  g_autoptr(KrAutosave) self = autosave_new_with_id (directory, id);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *buffer = g_malloc (MAX_HEADER_BYTES);
  const char *newline;
  gsize length;

  stream = g_file_read (self->location, NULL, &error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, MAX_HEADER_BYTES, &length, NULL, &error))
    {
      g_debug ("Skipping the recovery file %s: %s", id, error->message);
      return NULL;
    }

  newline = memchr (buffer, '\n', length);
  if (newline == NULL || !read_header (self, buffer, (gsize) (newline - buffer)))
    {
      g_debug ("Skipping the recovery file %s: it has no valid first line", id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* A temporary file ".ID.kringel-recovery.kringel-XXXXXX" that a killed autosave left. */
static void
clean_stale_temporary_file (const char *directory,
                            const char *name)
{
  const char *suffix = g_strrstr (name, ".kringel-");
  g_autofree char *target = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (suffix == NULL || suffix == name)
    return;

  target = g_strndup (name + 1, (gsize) (suffix - name - 1));
  if (!g_str_has_suffix (target, RECOVERY_SUFFIX))
    return;

  path = g_build_filename (directory, target, NULL);
  file = g_file_new_for_path (path);
  kr_atomic_write_clean_stale (file);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return g_date_time_compare (KR_AUTOSAVE ((gpointer) b)->time, KR_AUTOSAVE ((gpointer) a)->time);
}

/**
 * kr_autosave_list_recovered:
 *
 * The work that earlier runs autosaved and neither saved nor discarded: after a crash or a
 * kill, offer each to the person with its title, time and file. Call it once at start-up,
 * before any document autosaves. Files that are not recovery files are skipped, never removed.
 *
 * Returns: (transfer full): a list of #KrAutosave, newest first; empty when there is nothing
 *   to recover, %NULL with @error set only when the folder can not be read
 */
GListModel *
kr_autosave_list_recovered (GError **error)
{
  g_autofree char *directory = kr_autosave_dup_directory ();
  g_autoptr(GListStore) store = g_list_store_new (KR_TYPE_AUTOSAVE);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (directory, 0, &local_error);
  if (dir == NULL)
    {
      g_autofree char *display_name = NULL;

      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return G_LIST_MODEL (g_steal_pointer (&store));

      display_name = g_filename_display_name (directory);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not look for unsaved work in “%s”: %s"), display_name, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      KrAutosave *autosave;

      if (name[0] == '.')
        {
          clean_stale_temporary_file (directory, name);
          continue;
        }

      if (!g_str_has_suffix (name, RECOVERY_SUFFIX))
        continue;

      id = g_strndup (name, strlen (name) - strlen (RECOVERY_SUFFIX));
      autosave = autosave_new_from_disk (directory, id);
      if (autosave != NULL)
        g_list_store_insert_sorted (store, autosave, compare_newest_first, NULL);
      g_clear_object (&autosave);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * kr_autosave_restore:
 * @file: (out) (optional) (transfer full): the file the map was opened from or saved to, or
 *   %NULL for a map that was never saved
 *
 * Reads back the autosaved map. Keep using @self for the restored document, so that its next
 * autosaves replace this one; make the document with kr_document_new_recovered().
 *
 * Returns: (transfer full): the map exactly as it was autosaved, or %NULL with @error set
 */
KrMap *
kr_autosave_restore (KrAutosave  *self,
                     GFile      **file,
                     GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  KrMap *map;
  const char *data, *newline;
  gsize length;

  g_return_val_if_fail (KR_IS_AUTOSAVE (self), NULL);

  name = kr_file_get_display_name (self->location);
  contents = kr_map_read_file (self->location, NULL, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, KR_AUTOSAVE_ERROR, KR_AUTOSAVE_ERROR_NOT_FOUND,
                     _("%s: the unsaved work is no longer there"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  data = g_bytes_get_data (contents, &length);
  newline = data != NULL ? memchr (data, '\n', MIN (length, MAX_HEADER_BYTES)) : NULL;
  if (newline == NULL || !read_header (self, data, (gsize) (newline - data)))
    {
      g_set_error (error, KR_AUTOSAVE_ERROR, KR_AUTOSAVE_ERROR_INVALID,
                   _("%s: this is not a file of unsaved work from Kringel"), name);
      return NULL;
    }

  map = kr_map_load_from_data (newline + 1, length - (gsize) (newline + 1 - data), name, NULL, error);
  if (map == NULL)
    return NULL;

  if (file != NULL)
    *file = self->file ? g_object_ref (self->file) : NULL;

  return map;
}

/**
 * kr_autosave_discard:
 *
 * Removes the recovery file: call it when the document was saved, when the person closes it
 * without saving, and when they decline to restore it. Discarding what is not there succeeds.
 */
gboolean
kr_autosave_discard (KrAutosave  *self,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KR_IS_AUTOSAVE (self), FALSE);

  kr_atomic_write_clean_stale (self->location);

  if (!g_file_delete (self->location, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autofree char *name = kr_file_get_display_name (self->location);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not remove the unsaved work “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
