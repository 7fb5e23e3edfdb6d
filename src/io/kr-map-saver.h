/* kr-map-saver.h: writing a map in the Kringel file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kr-map.h"

G_BEGIN_DECLS

char     *kr_map_to_data      (KrMap   *map,
                               gsize   *length);
gboolean  kr_map_save_to_file (KrMap   *map,
                               GFile   *file,
                               GError **error);

G_END_DECLS
