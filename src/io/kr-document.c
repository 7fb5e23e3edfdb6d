/* kr-document.c
 *
 * The document remembers what it last loaded from or saved to its file (size, modification
 * and status change times, SHA-256 of the bytes), so that a save can refuse to overwrite a
 * file another program changed meanwhile. GLib's etag is only the modification time, which
 * `cp -p` or `touch -r` set back at will; the status change time can not be set back. Times
 * tick coarsely (a few milliseconds), so, like git's "racy" check, they are trusted only when
 * they were already in the past when read; otherwise, and whenever they differ, the hash
 * decides (a file that was only touched or rewritten with the same bytes is unchanged).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "kr-atomic-write.h"
#include "kr-document.h"
#include "kr-map-loader.h"
#include "kr-map-saver.h"

#define DISK_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
                        G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC "," \
                        G_FILE_ATTRIBUTE_TIME_CHANGED "," G_FILE_ATTRIBUTE_TIME_CHANGED_USEC

/* How old file times must be to be sure no write in the same clock tick went unseen. */
#define SETTLED_TIME_SPAN (2 * G_TIME_SPAN_SECOND)

/* The file as the document last loaded or saved it. */
typedef struct
{
  gboolean known;
  goffset size;
  gint64 mtime;        /* microseconds since the epoch, 0 when unknown */
  gint64 ctime;
  gint64 stamped_at;   /* when the times were read */
  char *sha256;
} DiskStamp;

struct _KrDocument
{
  GObject parent_instance;

  KrMap *map;
  KrHistory *history;
  GFile *file;
  char *warning;
  gboolean read_only;
  gboolean recovered;   /* restored from an autosave and not saved since */
  DiskStamp disk;
};

G_DEFINE_FINAL_TYPE (KrDocument, kr_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (kr-document-error-quark, kr_document_error)

enum {
  PROP_0,
  PROP_MAP,
  PROP_HISTORY,
  PROP_FILE,
  PROP_READ_ONLY,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kr_document_dispose (GObject *object)
{
  KrDocument *self = KR_DOCUMENT (object);

  g_clear_object (&self->history);
  g_clear_object (&self->map);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (kr_document_parent_class)->dispose (object);
}

static void
kr_document_finalize (GObject *object)
{
  KrDocument *self = KR_DOCUMENT (object);

  g_clear_pointer (&self->warning, g_free);
  g_clear_pointer (&self->disk.sha256, g_free);

  G_OBJECT_CLASS (kr_document_parent_class)->finalize (object);
}

static void
kr_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KrDocument *self = KR_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, kr_document_is_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_document_class_init (KrDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kr_document_dispose;
  object_class->finalize = kr_document_finalize;
  object_class->get_property = kr_document_get_property;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL, KR_TYPE_MAP,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, KR_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kr_document_init (KrDocument *self)
{
}

static void
history_modified_cb (KrDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* A new, unsaved document editing @map. */
KrDocument *
kr_document_new (KrMap *map)
{
  KrDocument *self;

  g_return_val_if_fail (KR_IS_MAP (map), NULL);

  self = g_object_new (KR_TYPE_DOCUMENT, NULL);
  self->map = g_object_ref (map);
  self->history = kr_history_new (map);
  kr_history_mark_saved (self->history);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (history_modified_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/* A time attribute of @info in microseconds, 0 when it is missing. */
static gint64
file_info_get_time (GFileInfo  *info,
                    const char *seconds_attribute,
                    const char *usec_attribute)
{
  if (info == NULL || !g_file_info_has_attribute (info, seconds_attribute))
    return 0;

  return (gint64) g_file_info_get_attribute_uint64 (info, seconds_attribute) * G_USEC_PER_SEC +
         g_file_info_get_attribute_uint32 (info, usec_attribute);
}

static void
remember_times (DiskStamp *stamp,
                GFileInfo *info)
{
  stamp->mtime = file_info_get_time (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  stamp->ctime = file_info_get_time (info, G_FILE_ATTRIBUTE_TIME_CHANGED, G_FILE_ATTRIBUTE_TIME_CHANGED_USEC);
  stamp->stamped_at = g_get_real_time ();
}

/* Whether @info shows the times of @stamp, and these were settled when read. */
static gboolean
times_prove_unchanged (const DiskStamp *stamp,
                       GFileInfo       *info)
{
  DiskStamp now;

  remember_times (&now, info);
  return stamp->mtime != 0 && stamp->ctime != 0 &&
         now.mtime == stamp->mtime && now.ctime == stamp->ctime &&
         stamp->stamped_at - MAX (stamp->mtime, stamp->ctime) >= SETTLED_TIME_SPAN;
}

/* Remembers that the file holds @data; @info (queried before reading or after writing) gives
 * its times. */
static void
remember_disk (KrDocument *self,
               const void *data,
               gsize       length,
               GFileInfo  *info)
{
  self->disk.known = TRUE;
  self->disk.size = (goffset) length;
  remember_times (&self->disk, info);
  g_free (self->disk.sha256);
  self->disk.sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}

static KrDocument *
document_from_file (GFile       *file,
                    gboolean     keep_file,
                    GError     **error)
{
  g_autofree char *name = kr_file_get_display_name (file);
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(KrMap) map = NULL;
  KrDocument *self;
  KrLoadInfo info;
  const char *data;
  gsize length;

  contents = kr_map_read_file (file, &file_info, error);
  if (contents == NULL)
    return NULL;

  data = g_bytes_get_data (contents, &length);
  map = kr_map_load_from_data (data, length, name, &info, error);
  if (map == NULL)
    return NULL;

  self = kr_document_new (map);
  if (keep_file)
    {
      self->file = g_object_ref (file);
      remember_disk (self, data, length, file_info);
    }

  if (info.newer_version)
    {
      self->read_only = keep_file;
      self->warning = g_strdup_printf (_("This map was written by a newer version of Kringel "
                                         "(file format %d). It is opened read-only so nothing "
                                         "in it gets lost; use Save As to keep a copy."),
                                       info.version);
    }

  return self;
}

/* Opens @file for editing; a file from a newer Kringel opens read-only. Temporary files
 * that interrupted saves left beside it are removed. */
KrDocument *
kr_document_load (GFile   *file,
                  GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  kr_atomic_write_clean_stale (file);
  return document_from_file (file, TRUE, error);
}

/* A new, unsaved document with a copy of the map in @template_file. */
KrDocument *
kr_document_new_from_file (GFile   *template_file,
                           GError **error)
{
  g_return_val_if_fail (G_IS_FILE (template_file), NULL);

  return document_from_file (template_file, FALSE, error);
}

/**
 * kr_document_new_recovered:
 * @map: a map restored from an autosave (see kr_autosave_restore())
 * @file: (nullable): the file the map was opened from, or %NULL when it was never saved
 *
 * A document for work restored after a crash. It counts as modified until it is saved, and
 * saving it to @file overwrites what is there now (the person chose to restore).
 */
KrDocument *
kr_document_new_recovered (KrMap *map,
                           GFile *file)
{
  KrDocument *self;

  g_return_val_if_fail (KR_IS_MAP (map), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = kr_document_new (map);
  self->recovered = TRUE;

  if (file != NULL)
    {
      g_autoptr(GFileInfo) file_info = NULL;
      g_autoptr(GBytes) contents = NULL;

      self->file = g_object_ref (file);
      contents = kr_map_read_file (file, &file_info, NULL);
      if (contents != NULL)
        remember_disk (self, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), file_info);
    }

  return self;
}

KrMap *
kr_document_get_map (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), NULL);
  return self->map;
}

KrHistory *
kr_document_get_history (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), NULL);
  return self->history;
}

/* The file the document is saved in, or NULL when it was never saved. */
GFile *
kr_document_get_file (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
kr_document_get_read_only (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), FALSE);
  return self->read_only;
}

/* A warning to show when the document was opened, or NULL. */
const char *
kr_document_get_warning (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), NULL);
  return self->warning;
}

/* The name to show for the document: its file name, else the map's title. */
char *
kr_document_dup_title (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      return g_filename_display_name (basename);
    }

  if (*kr_map_get_title (self->map) != '\0')
    return g_strdup (kr_map_get_title (self->map));

  return g_strdup (_("Untitled Map"));
}

gboolean
kr_document_is_modified (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), FALSE);
  return self->recovered || kr_history_is_modified (self->history);
}

/**
 * kr_document_check_disk:
 *
 * Compares the document's file with what the document last loaded from or saved to it: size
 * and times first, the SHA-256 of the contents when the times can not tell (a file that was
 * only touched, or rewritten with the same bytes, is unchanged). Call it when the window
 * becomes active again; kr_document_save() calls it itself.
 *
 * Returns: what was found; %KR_DISK_STATE_UNKNOWN with @error set when the file could not
 *   be examined. A document without a file is always %KR_DISK_STATE_UNCHANGED.
 */
KrDiskState
kr_document_check_disk (KrDocument  *self,
                        GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  gsize length;

  g_return_val_if_fail (KR_IS_DOCUMENT (self), KR_DISK_STATE_UNKNOWN);

  if (self->file == NULL || !self->disk.known)
    return KR_DISK_STATE_UNCHANGED;

  name = kr_file_get_display_name (self->file);
  info = g_file_query_info (self->file, DISK_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        return KR_DISK_STATE_DELETED;

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return KR_DISK_STATE_UNKNOWN;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) != self->disk.size)
    return KR_DISK_STATE_CHANGED;

  if (times_prove_unchanged (&self->disk, info))
    return KR_DISK_STATE_UNCHANGED;

  if (!g_file_load_contents (self->file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return KR_DISK_STATE_UNKNOWN;
    }

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  if (!g_str_equal (sha256, self->disk.sha256))
    return KR_DISK_STATE_CHANGED;

  /* Only touched, or the times were not settled yet: remember them so the next check can
   * trust them. */
  remember_times (&self->disk, info);
  return KR_DISK_STATE_UNCHANGED;
}

/* Writes the map into @file and makes it the saved state. */
static gboolean
write_to_file (KrDocument  *self,
               GFile       *file,
               GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = kr_map_to_data (self->map, &length);
  if (!kr_write_file_atomically (file, data, length, error))
    return FALSE;

  info = g_file_query_info (file, DISK_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  remember_disk (self, data, length, info);

  if (self->recovered)
    {
      self->recovered = FALSE;
      if (!kr_history_is_modified (self->history))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  kr_history_mark_saved (self->history);
  return TRUE;
}

/* Saves into the document's file, unless another program changed it meanwhile; see
 * kr_document_save_full(). */
gboolean
kr_document_save (KrDocument  *self,
                  GError     **error)
{
  return kr_document_save_full (self, KR_SAVE_NONE, error);
}

/**
 * kr_document_save_full:
 * @flags: %KR_SAVE_FORCE to overwrite a file that changed on disk
 *
 * Saves the document into its file, atomically: on any failure the file is left as it was,
 * the document stays modified and @error names the file. Without %KR_SAVE_FORCE, a file that
 * another program changed since the document loaded or saved it is not touched and the error
 * is %KR_DOCUMENT_ERROR_CHANGED_ON_DISK: ask whether to overwrite, save elsewhere or reload.
 */
gboolean
kr_document_save_full (KrDocument   *self,
                       KrSaveFlags   flags,
                       GError      **error)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("This map is open read-only; use Save As to keep a copy"));
      return FALSE;
    }

  if (!(flags & KR_SAVE_FORCE) && kr_document_check_disk (self, NULL) == KR_DISK_STATE_CHANGED)
    {
      g_autofree char *name = kr_file_get_display_name (self->file);

      g_set_error (error, KR_DOCUMENT_ERROR, KR_DOCUMENT_ERROR_CHANGED_ON_DISK,
                   _("“%s” was changed by another program after it was opened or saved here"), name);
      return FALSE;
    }

  return write_to_file (self, self->file, error);
}

/* Saves into @file, which becomes the document's file. */
gboolean
kr_document_save_as (KrDocument  *self,
                     GFile       *file,
                     GError     **error)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!write_to_file (self, file, error))
    return FALSE;

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  if (self->read_only)
    {
      self->read_only = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }

  return TRUE;
}
