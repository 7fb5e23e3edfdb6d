/* kr-atomic-write.c
 *
 * GLib's g_file_replace_contents() renames a half-written temporary file over the original
 * when a write fails, and writes in place for new files, symlinks and hard links. For local
 * files we therefore write a temporary file beside the real target ourselves (symlinks
 * resolved, permissions copied), fsync it, and only then rename it over. A process killed
 * between creating and renaming leaves the temporary file behind: kr_atomic_write_clean_stale()
 * removes such leftovers later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kr-atomic-write.h"

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* The file a path finally names, following symlinks; @path itself when it does not exist. */
static char *
resolve_target (const char *path)
{
  char *resolved = realpath (path, NULL);
  char *copy;

  if (resolved == NULL)
    return g_strdup (path);

  copy = g_strdup (resolved);
  free (resolved);
  return copy;
}

static gboolean
write_all (int          fd,
           const void  *data,
           gsize        length)
{
  const guint8 *p = data;

  while (length > 0)
    {
      gssize written = write (fd, p, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          if (written == 0)
            errno = EIO;
          return FALSE;
        }

      p += written;
      length -= (gsize) written;
    }

  return TRUE;
}

static void
sync_directory (const char *directory)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

#define TEMP_SUFFIX ".kringel-"
#define TEMP_RANDOM_LENGTH 6   /* the XXXXXX of g_mkstemp() */

/* Where the temporary file for writing @target goes: ".NAME.kringel-XXXXXX" beside it. */
static char *
build_temp_template (const char *directory,
                     const char *basename)
{
  return g_strdup_printf ("%s/.%s" TEMP_SUFFIX "XXXXXX", directory, basename);
}

static gboolean
write_local_file (const char  *path,
                  const void  *data,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *target = resolve_target (path);
  g_autofree char *directory = g_path_get_dirname (target);
  g_autofree char *basename = g_path_get_basename (target);
  g_autofree char *temp_path = build_temp_template (directory, basename);
  struct stat original;
  int saved_errno;
  int fd;

  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    return set_errno_error (error, errno, path);

  if (stat (target, &original) == 0)
    {
      /* Keep the original's permissions and, where allowed, its owner. */
      if (fchmod (fd, original.st_mode & 07777) != 0)
        g_debug ("Could not copy the permissions of %s: %s", target, g_strerror (errno));
      if ((original.st_uid != geteuid () || original.st_gid != getegid ()) &&
          fchown (fd, original.st_uid, original.st_gid) != 0)
        g_debug ("Could not copy the owner of %s: %s", target, g_strerror (errno));
    }
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      if (fchmod (fd, 0666 & ~mask) != 0)
        g_debug ("Could not set the permissions of %s: %s", temp_path, g_strerror (errno));
    }

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto failed;

  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_rename (temp_path, target) != 0)
    goto failed;

  sync_directory (directory);
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp_path);
  return set_errno_error (error, saved_errno, path);
}

/* Where there is no local path (a remote location), GLib's replace is the best we have;
 * cancelling before close makes it keep the original on a failed write. */
static gboolean
write_remote_file (GFile       *file,
                   const void  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (stream != NULL &&
      g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL, cancellable, &local_error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    return TRUE;

  g_cancellable_cancel (cancellable);
  if (stream != NULL)
    g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);

  g_set_error (error, local_error->domain, local_error->code,
               _("Could not save “%s”: %s"), name, local_error->message);
  return FALSE;
}

/**
 * kr_write_file_atomically:
 *
 * Replaces the contents of @file with @data. Either the whole new contents land, or the file
 * is left exactly as it was (a new file is not created) and @error says why, naming the file.
 */
gboolean
kr_write_file_atomically (GFile       *file,
                          const void  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return write_local_file (path, data, length, error);

  return write_remote_file (file, data, length, error);
}

static gboolean
is_temp_name_for (const char *name,
                  const char *basename)
{
  gsize basename_length = strlen (basename);
  const char *random;

  if (name[0] != '.' || strncmp (name + 1, basename, basename_length) != 0 ||
      !g_str_has_prefix (name + 1 + basename_length, TEMP_SUFFIX))
    return FALSE;

  random = name + 1 + basename_length + strlen (TEMP_SUFFIX);
  if (strlen (random) != TEMP_RANDOM_LENGTH)
    return FALSE;

  for (const char *p = random; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/**
 * kr_atomic_write_clean_stale:
 * @file: a file written with kr_write_file_atomically()
 *
 * Removes the temporary files that interrupted writes of @file (a crash, a SIGKILL, a power
 * cut between creating the temporary file and renaming it) left beside it. Only regular files
 * older than %KR_ATOMIC_WRITE_STALE_AGE are removed: a younger one may belong to a save that
 * another process is doing right now. Problems are ignored; this is housekeeping.
 *
 * Returns: how many files were removed
 */
guint
kr_atomic_write_clean_stale (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 now = g_get_real_time ();
  const char *name;
  guint n_removed = 0;

  g_return_val_if_fail (G_IS_FILE (file), 0);

  path = g_file_get_path (file);
  if (path == NULL)
    return 0;

  target = resolve_target (path);
  directory = g_path_get_dirname (target);
  basename = g_path_get_basename (target);

  dir = g_dir_open (directory, 0, NULL);
  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *temp_path = NULL;
      struct stat info;

      if (!is_temp_name_for (name, basename))
        continue;

      temp_path = g_build_filename (directory, name, NULL);
      if (lstat (temp_path, &info) != 0 || !S_ISREG (info.st_mode) ||
          now - (gint64) info.st_mtime * G_TIME_SPAN_SECOND < KR_ATOMIC_WRITE_STALE_AGE)
        continue;

      if (g_unlink (temp_path) == 0)
        n_removed++;
      else
        g_debug ("Could not remove %s: %s", temp_path, g_strerror (errno));
    }

  return n_removed;
}
