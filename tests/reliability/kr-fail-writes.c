/* kr-fail-writes.c: an LD_PRELOAD shim that fills the disk for one folder
 *
 * For files under $KR_FAIL_WRITES_UNDER, write() succeeds for $KR_FAIL_AFTER_BYTES bytes in
 * total (the last one possibly short, like a disk that fills up) and then fails with ENOSPC.
 * With $KR_FAIL_FSYNC set, fsync() and fdatasync() on such files fail with EIO, as they do
 * when a USB stick is pulled or a network file system loses its server. Other files are not
 * touched. Plain libc only: it runs inside any process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

ssize_t write     (int fd, const void *buffer, size_t count);
int     fsync     (int fd);
int     fdatasync (int fd);

static long long bytes_left = -1;   /* −1 until read from the environment */

static int
is_under_folder (int fd)
{
  const char *folder = getenv ("KR_FAIL_WRITES_UNDER");
  char link[64];
  char path[PATH_MAX];
  ssize_t length;
  size_t folder_length;

  if (folder == NULL || *folder == '\0')
    return 0;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  length = readlink (link, path, sizeof path - 1);
  if (length < 0)
    return 0;
  path[length] = '\0';

  folder_length = strlen (folder);
  return strncmp (path, folder, folder_length) == 0 && path[folder_length] == '/';
}

ssize_t
write (int         fd,
       const void *buffer,
       size_t      count)
{
  static ssize_t (*real_write) (int, const void *, size_t);
  ssize_t written;

  if (real_write == NULL)
    real_write = (ssize_t (*) (int, const void *, size_t)) dlsym (RTLD_NEXT, "write");

  if (!is_under_folder (fd))
    return real_write (fd, buffer, count);

  if (bytes_left < 0)
    {
      const char *limit = getenv ("KR_FAIL_AFTER_BYTES");
      bytes_left = limit ? atoll (limit) : 0;
    }

  if (bytes_left == 0 && count > 0)
    {
      errno = ENOSPC;
      return -1;
    }

  if ((long long) count > bytes_left)
    count = (size_t) bytes_left;

  written = real_write (fd, buffer, count);
  if (written > 0)
    bytes_left -= written;
  return written;
}

static int
fail_sync (int         fd,
           const char *name)
{
  int (*real_sync) (int) = (int (*) (int)) dlsym (RTLD_NEXT, name);

  if (getenv ("KR_FAIL_FSYNC") != NULL && is_under_folder (fd))
    {
      errno = EIO;
      return -1;
    }

  return real_sync (fd);
}

int
fsync (int fd)
{
  return fail_sync (fd, "fsync");
}

int
fdatasync (int fd)
{
  return fail_sync (fd, "fdatasync");
}
