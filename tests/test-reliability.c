/* test-reliability.c: saving into a full disk, saves killed half-way, stale temporary files,
 * files changed by another program, autosave and recovery, and the loader's limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* unshare() and CLONE_NEWNS */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kr-atomic-write.h"
#include "kr-autosave.h"
#include "kr-document.h"
#include "kr-json-check.h"
#include "kr-map-loader.h"
#include "kr-map-saver.h"
#include "kr-set-property-command.h"
#include "reliability/kr-test-versions.h"

/* Touchpoints per test map: about 1 KiB each in the file. */
#define SMALL_MAP 40
#define LARGE_MAP 150

/* ---- helpers ---------------------------------------------------------------------------- */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("kringel-reliability-XXXXXX", &error);
  char *resolved;

  g_assert_no_error (error);
  /* The LD_PRELOAD shim compares canonical paths. */
  resolved = realpath (directory, NULL);
  g_assert_nonnull (resolved);
  return resolved;
}

static void
remove_tree (const char *path)
{
  struct stat info;

  if (lstat (path, &info) != 0)
    return;

  if (S_ISDIR (info.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @directory, sorted, joined by spaces. */
static char *
list_names (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static guint
count_temporary_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint count = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.' && strstr (name, ".kringel-") != NULL)
      count++;

  return count;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static char *
version_data (guint version,
              guint size)
{
  g_autoptr(KrMap) map = kr_test_version_new (version, size);

  return kr_map_to_data (map, NULL);
}

static void
save_version (const char *path,
              guint       version,
              guint       size)
{
  g_autofree char *data = version_data (version, size);

  write_file (path, data, -1);
}

/* Moves the times of @path @seconds into the past. */
static void
age_file (const char *path,
          int         seconds)
{
  struct timespec times[2];

  clock_gettime (CLOCK_REALTIME, &times[0]);
  times[0].tv_sec -= seconds;
  times[1] = times[0];
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW), ==, 0);
}

/* Changes the map of @document through its history, as an edit in the window would. */
static void
edit_document (KrDocument *document,
               const char *property,
               const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  kr_history_push (kr_document_get_history (document),
                   kr_set_property_command_new (kr_document_get_map (document), property, &value, "Edit"));
}

static char *
helper_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "reliability", "kr-reliability-helper", NULL);
}

/* The environment for a helper process, with @extra (NAME=VALUE pairs, NULL-terminated). */
static char **
helper_environment (const char *first_extra,
                    ...)
{
  char **environment = g_get_environ ();
  const char *asan_options = g_environ_getenv (environment, "ASAN_OPTIONS");
  g_autofree char *asan = NULL;
  va_list args;

  /* A preloaded shim comes before the AddressSanitizer runtime; that is fine here. */
  asan = g_strconcat (asan_options ? asan_options : "", asan_options ? ":" : "",
                      "verify_asan_link_order=0", NULL);
  environment = g_environ_setenv (environment, "ASAN_OPTIONS", asan, TRUE);

  va_start (args, first_extra);
  for (const char *pair = first_extra; pair != NULL; pair = va_arg (args, const char *))
    {
      g_auto(GStrv) parts = g_strsplit (pair, "=", 2);
      environment = g_environ_setenv (environment, parts[0], parts[1], TRUE);
    }
  va_end (args);

  return environment;
}

/* ---- (a) a full disk -------------------------------------------------------------------- */

/* Fills the file system of @directory: writes @path until it has no space left, then frees
 * @leave_free bytes again. */
static void
fill_file_system (const char *path,
                  gsize       leave_free)
{
  static const char block[4096] = { 'x' };
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  off_t size = 0;

  g_assert_cmpint (fd, >=, 0);
  for (;;)
    {
      ssize_t written = write (fd, block, sizeof block);

      if (written <= 0)
        break;
      size += written;
    }
  g_assert_cmpint (errno, ==, ENOSPC);
  g_assert_cmpint (ftruncate (fd, size > (off_t) leave_free ? size - (off_t) leave_free : 0), ==, 0);
  close (fd);
}

/* Mounts a tmpfs of @size bytes on @directory in a mount namespace of this process only, so
 * that it disappears with the process even if the test crashes. */
static gboolean
mount_tiny_file_system (const char *directory,
                        gsize       size)
{
  g_autofree char *options = g_strdup_printf ("size=%" G_GSIZE_FORMAT ",mode=0700", size);

  if (unshare (CLONE_NEWNS) != 0)
    {
      g_test_skip_printf ("cannot make a mount namespace: %s", g_strerror (errno));
      return FALSE;
    }

  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("kringel-test", directory, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      g_test_skip_printf ("cannot mount a tmpfs: %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

/* A save into a full tmpfs fails with a message naming the file, leaves the original byte for
 * byte and no temporary file behind, and the document stays modified; with space it works. */
static void
test_save_into_full_tmpfs (void)
{
  g_autofree char *directory = make_temp_dir ();
  g_autofree char *path = g_build_filename (directory, "map.kringel", NULL);
  g_autofree char *filler = g_build_filename (directory, "filler", NULL);
  g_autofree char *original = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big_text = g_strnfill (150 * 1024, 'w');
  gsize original_length;

  if (!mount_tiny_file_system (directory, 256 * 1024))
    {
      remove_tree (directory);
      return;
    }

  save_version (path, 1, SMALL_MAP);
  original = read_file (path, &original_length);
  document = kr_document_load (file, &error);
  g_assert_no_error (error);
  edit_document (document, "description", big_text);

  /* no space at all, then space for only part of the new file */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *after = NULL;
      g_autofree char *names = NULL;
      gsize after_length;

      fill_file_system (filler, attempt == 0 ? 0 : 64 * 1024);
      g_assert_false (kr_document_save (document, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);

      after = read_file (path, &after_length);
      g_assert_cmpmem (after, after_length, original, original_length);
      names = list_names (directory);
      g_assert_cmpstr (names, ==, "filler map.kringel");
      g_assert_true (kr_document_is_modified (document));
    }

  g_unlink (filler);
  g_assert_true (kr_document_save (document, &error));
  g_assert_no_error (error);
  g_assert_false (kr_document_is_modified (document));
  {
    g_autofree char *saved = read_file (path, NULL);
    g_autofree char *expected = kr_map_to_data (kr_document_get_map (document), NULL);
    g_assert_cmpstr (saved, ==, expected);
  }

  g_assert_cmpint (umount2 (directory, MNT_DETACH), ==, 0);
  remove_tree (directory);
}

static void
assert_helper_save_fails (const char *directory,
                          const char *path,
                          const char *original,
                          gsize       original_length,
                          const char *expected_reason,
                          char      **environment)
{
  g_autofree char *helper = helper_path ();
  const char *argv[] = { helper, "save", path, "2", G_STRINGIFY (SMALL_MAP), NULL };
  g_autofree char *standard_error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  gsize after_length;
  int status;

  g_spawn_sync (NULL, (char **) argv, environment, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &standard_error, &status, &error);
  g_assert_no_error (error);
  g_test_message ("helper said: %s", standard_error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (standard_error, path));
  g_assert_nonnull (strstr (standard_error, expected_reason));

  after = read_file (path, &after_length);
  g_assert_cmpmem (after, after_length, original, original_length);
  names = list_names (directory);
  g_assert_cmpstr (names, ==, "map.kringel");
}

/* The same with write() and fsync() failing through an LD_PRELOAD shim, which works where no
 * file system can be mounted (CI containers). */
static void
test_save_with_injected_write_failures (void)
{
  g_autofree char *directory = make_temp_dir ();
  g_autofree char *path = g_build_filename (directory, "map.kringel", NULL);
  g_autofree char *shim = g_test_build_filename (G_TEST_BUILT, "reliability", "kr-fail-writes.so", NULL);
  g_autofree char *preload = g_strconcat ("LD_PRELOAD=", shim, NULL);
  g_autofree char *under = g_strconcat ("KR_FAIL_WRITES_UNDER=", directory, NULL);
  g_autofree char *original = NULL;
  g_autofree char *helper = helper_path ();
  gsize original_length;

  g_assert_true (g_file_test (shim, G_FILE_TEST_EXISTS));
  save_version (path, 1, SMALL_MAP);
  original = read_file (path, &original_length);

  {
    g_auto(GStrv) environment = helper_environment (preload, under, "KR_FAIL_AFTER_BYTES=0", NULL);
    assert_helper_save_fails (directory, path, original, original_length, g_strerror (ENOSPC), environment);
  }
  {
    g_auto(GStrv) environment = helper_environment (preload, under, "KR_FAIL_AFTER_BYTES=10000", NULL);
    assert_helper_save_fails (directory, path, original, original_length, g_strerror (ENOSPC), environment);
  }
  {
    g_auto(GStrv) environment = helper_environment (preload, under, "KR_FAIL_AFTER_BYTES=100000000",
                                                    "KR_FAIL_FSYNC=1", NULL);
    assert_helper_save_fails (directory, path, original, original_length, g_strerror (EIO), environment);
  }

  /* with enough space the same helper saves, so the failures above came from the shim */
  {
    g_auto(GStrv) environment = helper_environment (preload, under, "KR_FAIL_AFTER_BYTES=100000000", NULL);
    const char *argv[] = { helper, "save", path, "2", G_STRINGIFY (SMALL_MAP), NULL };
    g_autofree char *saved = NULL;
    g_autofree char *expected = version_data (2, SMALL_MAP);
    g_autoptr(GError) error = NULL;
    int status;

    g_spawn_sync (NULL, (char **) argv, environment, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
    saved = read_file (path, NULL);
    g_assert_cmpstr (saved, ==, expected);
  }

  remove_tree (directory);
}

/* ---- (b) a save killed half-way --------------------------------------------------------- */

/* The file holds exactly one of the versions the helper saved: returns its number. */
static guint
assert_holds_a_version (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) map = NULL;
  gsize length;
  guint version;

  contents = read_file (path, &length);
  map = kr_map_load_from_data (contents, length, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kr_test_version_parse (map, &version));
  expected = version_data (version, LARGE_MAP);
  g_assert_cmpstr (contents, ==, expected);

  return version;
}

/* A process killed (SIGKILL) at random moments while it saves version after version always
 * leaves a file that loads and equals one of the versions, never older than the last seen. */
static void
test_save_killed_at_random_moments (void)
{
  g_autofree char *directory = make_temp_dir ();
  g_autofree char *path = g_build_filename (directory, "map.kringel", NULL);
  g_autofree char *helper = helper_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint last_version = 0, rounds_with_new_version = 0, rounds_killed_mid_save = 0;
  const guint n_rounds = 50;

  save_version (path, 0, LARGE_MAP);

  for (guint round = 0; round < n_rounds; round++)
    {
      guint first = (round + 1) * 100000;
      g_autofree char *first_text = g_strdup_printf ("%u", first);
      const char *argv[] = { helper, "save-loop", path, first_text, G_STRINGIFY (LARGE_MAP), NULL };
      GPid pid;
      int status;
      guint version;

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
      g_assert_no_error (error);

      g_usleep (g_test_rand_int_range (0, 150) * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      version = assert_holds_a_version (path);
      g_assert_true (version == last_version || version >= first);
      if (version != last_version)
        rounds_with_new_version++;
      if (count_temporary_files (directory) > 0)
        rounds_killed_mid_save++;
      last_version = version;
    }

  g_test_message ("%u rounds: %u saw new versions, %u left a temporary file (killed mid-save)",
                  n_rounds, rounds_with_new_version, rounds_killed_mid_save);
  g_assert_cmpuint (rounds_with_new_version, >, 0);

  /* once old enough, what the kills left behind is cleaned up when the map is opened */
  {
    g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *temporary = g_build_filename (directory, name, NULL);
        age_file (temporary, 120);
      }
  }
  document = kr_document_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_temporary_files (directory), ==, 0);

  remove_tree (directory);
}

/* ---- (c) stale temporary files ---------------------------------------------------------- */

static void
create_old_file (const char *directory,
                 const char *name,
                 int         age)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);

  write_file (path, "half a map", -1);
  age_file (path, age);
}

/* Opening a map removes the temporary files a killed save left beside it once they are older
 * than a minute, and nothing else. */
static void
test_stale_temporary_files_removed (void)
{
  g_autofree char *directory = make_temp_dir ();
  g_autofree char *path = g_build_filename (directory, "map.kringel", NULL);
  g_autofree char *link = g_build_filename (directory, "link.kringel", NULL);
  g_autofree char *folder = g_build_filename (directory, ".map.kringel.kringel-Dir456", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(KrDocument) document = NULL;
  g_autoptr(KrDocument) through_link = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  save_version (path, 1, SMALL_MAP);
  create_old_file (directory, ".map.kringel.kringel-AbC123", 120);    /* stale: removed */
  create_old_file (directory, ".map.kringel.kringel-XyZ789", 10);     /* maybe being written */
  create_old_file (directory, ".other.kringel.kringel-AbC123", 120);  /* another map's */
  create_old_file (directory, ".map.kringel.kringel-AbC12", 120);     /* not from mkstemp */
  create_old_file (directory, "map.kringel.kringel-AbC123", 120);     /* not hidden */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  age_file (folder, 120);

  document = kr_document_load (file, &error);
  g_assert_no_error (error);
  names = list_names (directory);
  g_assert_cmpstr (names, ==, ".map.kringel.kringel-AbC12 .map.kringel.kringel-Dir456 "
                              ".map.kringel.kringel-XyZ789 .other.kringel.kringel-AbC123 "
                              "map.kringel map.kringel.kringel-AbC123");

  /* opened through a symlink, the leftovers beside the real file are found */
  g_assert_cmpint (symlink ("map.kringel", link), ==, 0);
  create_old_file (directory, ".map.kringel.kringel-Sym000", 120);
  through_link = kr_document_load (link_file, &error);
  g_assert_no_error (error);
  {
    g_autofree char *leftover = g_build_filename (directory, ".map.kringel.kringel-Sym000", NULL);
    g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpuint (kr_atomic_write_clean_stale (file), ==, 0);

  remove_tree (directory);
}

/* ---- external modification -------------------------------------------------------------- */

static void
assert_disk_state (KrDocument  *document,
                   KrDiskState  expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (kr_document_check_disk (document, &error), ==, expected);
  g_assert_no_error (error);
}

static void
assert_file_holds_document (const char *path,
                            KrDocument *document)
{
  g_autofree char *saved = read_file (path, NULL);
  g_autofree char *expected = kr_map_to_data (kr_document_get_map (document), NULL);

  g_assert_cmpstr (saved, ==, expected);
}

/* Another program's change is written with the same size: "Version 1" becomes "Version 7". */
static void
change_same_size (const char *path)
{
  gsize length;
  g_autofree char *contents = read_file (path, &length);
  char *title = strstr (contents, "Version 1");

  g_assert_nonnull (title);
  title[strlen ("Version ")] = '7';
  write_file (path, contents, (gssize) length);
}

static void
test_document_changed_on_disk (void)
{
  g_autofree char *directory = make_temp_dir ();
  g_autofree char *path = g_build_filename (directory, "map.kringel", NULL);
  g_autofree char *replacement = g_build_filename (directory, "replacement", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = NULL;
  struct stat before;

  save_version (path, 1, SMALL_MAP);
  document = kr_document_load (file, &error);
  g_assert_no_error (error);
  assert_disk_state (document, KR_DISK_STATE_UNCHANGED);
  edit_document (document, "title", "Version 1, edited");

  /* touched, or replaced by a copy with the same bytes: not a change */
  age_file (path, 3600);
  assert_disk_state (document, KR_DISK_STATE_UNCHANGED);
  {
    g_autofree char *same = read_file (path, NULL);
    write_file (replacement, same, -1);
    g_assert_cmpint (g_rename (replacement, path), ==, 0);
  }
  assert_disk_state (document, KR_DISK_STATE_UNCHANGED);

  /* changed with the same size: refused, the other program's file stays, still modified */
  change_same_size (path);
  assert_disk_state (document, KR_DISK_STATE_CHANGED);
  g_assert_false (kr_document_save (document, &error));
  g_assert_error (error, KR_DOCUMENT_ERROR, KR_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  other = read_file (path, NULL);
  g_assert_nonnull (strstr (other, "Version 7"));
  g_assert_true (kr_document_is_modified (document));

  /* the person chose to overwrite */
  g_assert_true (kr_document_save_full (document, KR_SAVE_FORCE, &error));
  g_assert_no_error (error);
  assert_file_holds_document (path, document);
  assert_disk_state (document, KR_DISK_STATE_UNCHANGED);
  g_assert_false (kr_document_is_modified (document));

  /* changed with the same size and the old modification time put back (cp -p, touch -r) */
  g_assert_cmpint (stat (path, &before), ==, 0);
  {
    g_autofree char *contents = read_file (path, NULL);
    char *edited = strstr (contents, "Version 1, edited");
    struct timespec times[2] = { before.st_atim, before.st_mtim };

    edited[strlen ("Version 1, edit")] = 'E';
    write_file (path, contents, -1);
    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  }
  assert_disk_state (document, KR_DISK_STATE_CHANGED);

  /* changed size */
  g_assert_true (kr_document_save_full (document, KR_SAVE_FORCE, &error));
  write_file (path, "{\"format\": \"kringel\", \"version\": 1}", -1);
  assert_disk_state (document, KR_DISK_STATE_CHANGED);

  /* deleted: saving puts it back */
  g_unlink (path);
  assert_disk_state (document, KR_DISK_STATE_DELETED);
  edit_document (document, "title", "Saved again");
  g_assert_true (kr_document_save (document, &error));
  g_assert_no_error (error);
  assert_file_holds_document (path, document);
  assert_disk_state (document, KR_DISK_STATE_UNCHANGED);

  remove_tree (directory);
}

/* Save As watches the new file; a document that was never saved has nothing to compare. */
static void
test_document_changed_on_disk_after_save_as (void)
{
  g_autofree char *directory = make_temp_dir ();
  g_autofree char *path = g_build_filename (directory, "new.kringel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KrMap) map = kr_test_version_new (1, SMALL_MAP);
  g_autoptr(KrDocument) document = kr_document_new (map);
  g_autoptr(GError) error = NULL;

  assert_disk_state (document, KR_DISK_STATE_UNCHANGED);
  g_assert_true (kr_document_save_as (document, file, &error));
  g_assert_no_error (error);
  assert_disk_state (document, KR_DISK_STATE_UNCHANGED);

  change_same_size (path);
  assert_disk_state (document, KR_DISK_STATE_CHANGED);
  g_assert_false (kr_document_save (document, &error));
  g_assert_error (error, KR_DOCUMENT_ERROR, KR_DOCUMENT_ERROR_CHANGED_ON_DISK);

  remove_tree (directory);
}

/* ---- autosave and recovery -------------------------------------------------------------- */

static GListModel *
list_recovered (void)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = kr_autosave_list_recovered (&error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* main() points XDG_STATE_HOME into a temporary folder, for this process and its helpers. */
static void
assert_state_dir_is_private (void)
{
  g_assert_cmpstr (g_get_user_state_dir (), ==, g_getenv ("XDG_STATE_HOME"));
  g_assert_true (g_str_has_prefix (g_get_user_state_dir (), g_get_tmp_dir ()));
}

/* An autosave written, the process killed (SIGKILL), the recovery offered and restored
 * exactly, saved, and discarded. */
static void
test_autosave_restore_after_kill (void)
{
  g_autofree char *directory = make_temp_dir ();
  g_autofree char *path = g_build_filename (directory, "workshop.kringel", NULL);
  g_autofree char *template = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                     "three-phases.en.kringel", NULL);
  g_autofree char *template_data = read_file (template, NULL);
  g_autofree char *helper = helper_path ();
  const char *argv[] = { helper, "autosave", path, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) recovered = NULL;
  g_autoptr(KrAutosave) autosave = NULL;
  g_autoptr(KrDocument) expected_document = NULL;
  g_autoptr(KrDocument) document = NULL;
  g_autoptr(KrMap) map = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *standard_output = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *restored = NULL;
  int status;

  assert_state_dir_is_private ();
  write_file (path, template_data, -1);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &standard_output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  /* the next start offers it */
  recovered = list_recovered ();
  g_assert_cmpuint (g_list_model_get_n_items (recovered), ==, 1);
  autosave = g_list_model_get_item (recovered, 0);
  g_assert_cmpstr (kr_autosave_get_id (autosave), ==, g_strstrip (standard_output));
  g_assert_cmpstr (kr_autosave_get_title (autosave), ==, "workshop.kringel");
  g_assert_true (g_file_equal (kr_autosave_get_file (autosave), file));
  after = g_date_time_new_now_utc ();
  g_assert_cmpint (g_date_time_compare (before, kr_autosave_get_time (autosave)), <=, 0);
  g_assert_cmpint (g_date_time_compare (kr_autosave_get_time (autosave), after), <=, 0);

  /* and restores exactly what was there before the crash */
  map = kr_autosave_restore (autosave, &original, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (original, file));
  expected_document = kr_document_load (file, &error);
  g_assert_no_error (error);
  edit_document (expected_document, "title", "Edited before the crash");
  expected = kr_map_to_data (kr_document_get_map (expected_document), NULL);
  restored = kr_map_to_data (map, NULL);
  g_assert_cmpstr (restored, ==, expected);

  /* the restored document is unsaved work until saved */
  document = kr_document_new_recovered (map, original);
  g_assert_true (kr_document_is_modified (document));
  g_assert_true (kr_document_save (document, &error));
  g_assert_no_error (error);
  g_assert_false (kr_document_is_modified (document));
  assert_file_holds_document (path, document);

  g_assert_true (kr_autosave_discard (autosave, &error));
  g_assert_no_error (error);
  g_clear_object (&recovered);
  recovered = list_recovered ();
  g_assert_cmpuint (g_list_model_get_n_items (recovered), ==, 0);
  g_assert_true (kr_autosave_discard (autosave, &error));

  remove_tree (directory);
}

/* Never-saved maps, several documents, one file each, newest first; strange files in the
 * folder are skipped and kept; leftovers of killed autosaves go. */
static void
test_autosave_several_documents (void)
{
  g_autofree char *recovery_directory = kr_autosave_dup_directory ();
  g_autofree char *garbage = g_build_filename (recovery_directory, "garbage.kringel-recovery", NULL);
  g_autofree char *notes = g_build_filename (recovery_directory, "notes.txt", NULL);
  g_autoptr(KrMap) first_map = kr_test_version_new (1, SMALL_MAP);
  g_autoptr(KrMap) second_map = kr_test_version_new (2, SMALL_MAP);
  g_autoptr(KrDocument) first = kr_document_new (first_map);
  g_autoptr(KrDocument) second = kr_document_new (second_map);
  g_autoptr(KrAutosave) first_autosave = kr_autosave_new ();
  g_autoptr(KrAutosave) second_autosave = kr_autosave_new ();
  g_autoptr(GListModel) recovered = NULL;
  g_autoptr(GError) error = NULL;
  const char *strange_title = "Workshop \"Berlin\"\nline two\t\u00e9\u2028";

  assert_state_dir_is_private ();
  g_assert_cmpstr (kr_autosave_get_title (first_autosave), ==, NULL);
  g_assert_cmpstr (kr_autosave_get_id (first_autosave), !=, kr_autosave_get_id (second_autosave));

  edit_document (first, "title", strange_title);
  g_assert_true (kr_autosave_write (first_autosave, first, &error));
  g_assert_no_error (error);
  g_usleep (2000);
  g_assert_true (kr_autosave_write (second_autosave, second, &error));
  g_assert_no_error (error);

  write_file (garbage, "{\"format\": \"kringel-recovery\"", -1);
  write_file (notes, "not ours", -1);
  {
    g_autofree char *name = g_strdup_printf (".%s.kringel-recovery.kringel-AbCdEf", kr_autosave_get_id (first_autosave));
    create_old_file (recovery_directory, name, 120);
  }

  recovered = list_recovered ();
  g_assert_cmpuint (g_list_model_get_n_items (recovered), ==, 2);
  {
    g_autoptr(KrAutosave) newest = g_list_model_get_item (recovered, 0);
    g_autoptr(KrAutosave) oldest = g_list_model_get_item (recovered, 1);

    g_assert_cmpstr (kr_autosave_get_id (newest), ==, kr_autosave_get_id (second_autosave));
    g_assert_cmpstr (kr_autosave_get_title (newest), ==, "Version 2");
    g_assert_null (kr_autosave_get_file (newest));
    g_assert_cmpstr (kr_autosave_get_title (oldest), ==, strange_title);
  }
  g_assert_true (g_file_test (garbage, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temporary_files (recovery_directory), ==, 0);

  /* writing again replaces the document's one file, which becomes the newest */
  edit_document (first, "description", "More work");
  g_usleep (2000);
  g_assert_true (kr_autosave_write (first_autosave, first, &error));
  g_clear_object (&recovered);
  recovered = list_recovered ();
  g_assert_cmpuint (g_list_model_get_n_items (recovered), ==, 2);
  {
    g_autoptr(KrAutosave) newest = g_list_model_get_item (recovered, 0);
    g_autoptr(KrMap) map = kr_autosave_restore (newest, NULL, &error);
    g_autofree char *restored = NULL;
    g_autofree char *expected = kr_map_to_data (first_map, NULL);

    g_assert_no_error (error);
    restored = kr_map_to_data (map, NULL);
    g_assert_cmpstr (restored, ==, expected);
    g_assert_cmpstr (kr_map_get_title (map), ==, strange_title);
  }

  /* discarded: gone from the list and from the disk, and restoring says so */
  g_assert_true (kr_autosave_discard (first_autosave, &error));
  g_assert_true (kr_autosave_discard (second_autosave, &error));
  g_assert_no_error (error);
  g_clear_object (&recovered);
  recovered = list_recovered ();
  g_assert_cmpuint (g_list_model_get_n_items (recovered), ==, 0);
  g_assert_false (g_file_query_exists (kr_autosave_get_location (first_autosave), NULL));
  g_assert_null (kr_autosave_restore (first_autosave, NULL, &error));
  g_assert_error (error, KR_AUTOSAVE_ERROR, KR_AUTOSAVE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_unlink (garbage);
  g_unlink (notes);
}

/* ---- limits ----------------------------------------------------------------------------- */

/* Bytes this process has read so far, from /proc/self/io. */
static guint64
bytes_read_so_far (void)
{
  g_autofree char *io = read_file ("/proc/self/io", NULL);
  const char *line = strstr (io, "rchar: ");

  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("rchar: "), NULL, 10);
}

/* A file over 200 MiB is refused before anything of it is read. */
static void
test_limit_file_size (void)
{
  g_autofree char *directory = make_temp_dir ();
  g_autofree char *path = g_build_filename (directory, "huge.kringel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) map = NULL;
  g_autoptr(KrDocument) document = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: the file is larger than 200 MiB", path);
  guint64 before;

  g_assert_cmpint (KR_MAX_FILE_SIZE, ==, 200 * 1024 * 1024);
  write_file (path, "", 0);
  g_assert_cmpint (truncate (path, (off_t) KR_MAX_FILE_SIZE + 1), ==, 0);

  before = bytes_read_so_far ();
  map = kr_map_load_from_file (file, NULL, &error);
  g_assert_null (map);
  g_assert_error (error, KR_LOAD_ERROR, KR_LOAD_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  document = kr_document_load (file, &error);
  g_assert_null (document);
  g_assert_error (error, KR_LOAD_ERROR, KR_LOAD_ERROR_TOO_LARGE);
  g_assert_cmpuint (bytes_read_so_far () - before, <, 1024 * 1024);

  remove_tree (directory);
}

static char *
map_with_unknown_member (const char *member_value)
{
  return g_strdup_printf ("{\"format\": \"kringel\", \"version\": 1, \"x-extra\": %s}", member_value);
}

static void
assert_load_fails (const char *data,
                   gsize       length,
                   const char *expected_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) map = kr_map_load_from_data (data, length, "FILE", NULL, &error);

  g_assert_null (map);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
assert_loads_and_round_trips (const char *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) map = kr_map_load_from_data (data, strlen (data), "FILE", NULL, &error);
  g_autoptr(KrMap) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;

  g_assert_no_error (error);
  saved = kr_map_to_data (map, NULL);
  again = kr_map_load_from_data (saved, strlen (saved), "saved", NULL, &error);
  g_assert_no_error (error);
  saved_again = kr_map_to_data (again, NULL);
  g_assert_cmpstr (saved, ==, saved_again);
}

static char *
nested_arrays (guint depth)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* 64 levels load (and save back), 65 and a million are refused without a stack overflow. */
static void
test_limit_nesting (void)
{
  g_autofree char *deepest_allowed = nested_arrays (KR_JSON_MAX_DEPTH - 1);
  g_autofree char *one_too_deep = nested_arrays (KR_JSON_MAX_DEPTH);
  g_autofree char *absurd = nested_arrays (1000000);
  g_autofree char *allowed = map_with_unknown_member (deepest_allowed);
  g_autofree char *refused = map_with_unknown_member (one_too_deep);
  g_autofree char *refused_absurd = map_with_unknown_member (absurd);
  g_autofree char *message = g_strdup_printf ("FILE:1:%u: Nesting is deeper than 64 levels",
                                              (guint) strlen ("{\"format\": \"kringel\", \"version\": 1, \"x-extra\": ") + 64);

  g_assert_cmpint (KR_JSON_MAX_DEPTH, ==, 64);
  assert_loads_and_round_trips (allowed);
  assert_load_fails (refused, strlen (refused), message);
  assert_load_fails (refused_absurd, strlen (refused_absurd), message);
}

/* Texts up to 1 MiB load, longer ones are refused with the path of the member; no string
 * of any member may pass 4 MiB. */
static void
test_limit_string_length (void)
{
  g_autofree char *at_limit = g_strnfill (KR_MAX_TEXT_BYTES, 'a');
  g_autofree char *over_limit = g_strnfill (KR_MAX_TEXT_BYTES + 1, 'a');
  g_autofree char *huge = g_strnfill (KR_JSON_MAX_STRING_BYTES + 1, 'a');
  g_autofree char *allowed = g_strdup_printf ("{\"format\": \"kringel\", \"version\": 1, \"title\": \"%s\"}", at_limit);
  g_autofree char *refused = g_strdup_printf ("{\"format\": \"kringel\", \"version\": 1, \"title\": \"%s\"}", over_limit);
  g_autofree char *refused_unknown = g_strdup_printf ("{\"format\": \"kringel\", \"version\": 1, \"x\": \"%s\"}", huge);

  assert_loads_and_round_trips (allowed);
  assert_load_fails (refused, strlen (refused), "FILE: $.title: the text is longer than 1 MiB");
  assert_load_fails (refused_unknown, strlen (refused_unknown), "FILE:1:42: A string is longer than 8 MiB");
}

static char *
map_with_photo (const char *photo)
{
  return g_strdup_printf ("{\"format\": \"kringel\", \"version\": 1, \"personas\": "
                          "[{\"id\": \"u1\", \"name\": \"Anna\", \"photo\": \"%s\"}]}", photo);
}

/* A PNG header of @width × @height pixels, as a data: URI. */
static char *
png_uri (guint32 width,
         guint32 height)
{
  guchar png[33] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  g_autofree char *encoded = NULL;

  for (int i = 0; i < 4; i++)
    {
      png[16 + i] = (guchar) (width >> (24 - 8 * i));
      png[20 + i] = (guchar) (height >> (24 - 8 * i));
    }
  png[24] = 8;
  png[25] = 6;

  encoded = g_base64_encode (png, sizeof png);
  return g_strconcat ("data:image/png;base64,", encoded, NULL);
}

/* Photos are refused over 4 MiB and over 4096 pixels a side, before anything decodes them. */
static void
test_limit_photo (void)
{
  g_autofree char *largest = png_uri (KR_MAX_PHOTO_SIDE, KR_MAX_PHOTO_SIDE);
  g_autofree char *too_wide = png_uri (KR_MAX_PHOTO_SIDE + 1, 1);
  g_autofree char *padding = g_strnfill (KR_MAX_PHOTO_BYTES, 'A');
  g_autofree char *too_long = g_strconcat ("data:image/png;base64,", padding, NULL);
  g_autofree char *allowed = map_with_photo (largest);
  g_autofree char *refused_size = map_with_photo (too_wide);
  g_autofree char *refused_length = map_with_photo (too_long);

  assert_loads_and_round_trips (allowed);
  assert_load_fails (refused_size, strlen (refused_size),
                     "FILE: $.personas[0].photo: the picture is 4097 × 1 pixels; at most 4096 × 4096 are allowed");
  assert_load_fails (refused_length, strlen (refused_length),
                     "FILE: $.personas[0].photo: the picture is larger than 4 MiB");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_home = make_temp_dir ();
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks the folders it replaces, which LeakSanitizer
   * reports. Set before GLib reads it; the helpers inherit it. */
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reliability/save/full-tmpfs", test_save_into_full_tmpfs);
  g_test_add_func ("/reliability/save/injected-write-failures", test_save_with_injected_write_failures);
  g_test_add_func ("/reliability/save/killed-at-random-moments", test_save_killed_at_random_moments);
  g_test_add_func ("/reliability/save/stale-temporary-files", test_stale_temporary_files_removed);
  g_test_add_func ("/reliability/document/changed-on-disk", test_document_changed_on_disk);
  g_test_add_func ("/reliability/document/changed-on-disk-after-save-as", test_document_changed_on_disk_after_save_as);
  g_test_add_func ("/reliability/autosave/restore-after-kill", test_autosave_restore_after_kill);
  g_test_add_func ("/reliability/autosave/several-documents", test_autosave_several_documents);
  g_test_add_func ("/reliability/limits/file-size", test_limit_file_size);
  g_test_add_func ("/reliability/limits/nesting", test_limit_nesting);
  g_test_add_func ("/reliability/limits/string-length", test_limit_string_length);
  g_test_add_func ("/reliability/limits/photo", test_limit_photo);

  status = g_test_run ();
  remove_tree (state_home);
  return status;
}
