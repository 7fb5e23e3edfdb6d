/* kr-atomic-write.h: replacing a file so that a failure never leaves it half-written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A temporary file younger than this may belong to a write still going on. */
#define KR_ATOMIC_WRITE_STALE_AGE (60 * G_TIME_SPAN_SECOND)

gboolean kr_write_file_atomically    (GFile       *file,
                                      const void  *data,
                                      gsize        length,
                                      GError     **error);
guint    kr_atomic_write_clean_stale (GFile       *file);

G_END_DECLS
