/* kr-atomic-write.h: replacing a file so that a failure never leaves it half-written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean kr_write_file_atomically (GFile       *file,
                                   const void  *data,
                                   gsize        length,
                                   GError     **error);

G_END_DECLS
