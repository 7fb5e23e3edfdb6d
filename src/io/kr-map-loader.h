/* kr-map-loader.h: reading a map from the Kringel file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kr-map.h"

G_BEGIN_DECLS

#define KR_MAX_FILE_SIZE (200 * 1024 * 1024)
#define KR_MAX_TEXT_BYTES (1024 * 1024)
#define KR_MAX_ID_LENGTH 64
#define KR_MAX_PHOTO_BYTES (4 * 1024 * 1024)   /* of the data: URI */
#define KR_MAX_PHOTO_SIDE 4096                 /* pixels, so that decoding stays cheap */

#define KR_LOAD_ERROR (kr_load_error_quark ())

typedef enum {
  KR_LOAD_ERROR_SYNTAX,      /* not (strict) JSON; the message has LINE:COLUMN */
  KR_LOAD_ERROR_INVALID,     /* JSON, but not a valid map; the message has a JSON path */
  KR_LOAD_ERROR_TOO_LARGE,
  KR_LOAD_ERROR_NOT_A_MAP,
} KrLoadError;

typedef struct
{
  int      version;        /* the file's format version */
  gboolean newer_version;  /* written by a newer Kringel: open read-only */
} KrLoadInfo;

GQuark  kr_load_error_quark   (void);
KrMap  *kr_map_load_from_data (const char  *data,
                               gsize        length,
                               const char  *display_name,
                               KrLoadInfo  *info,
                               GError     **error);
KrMap  *kr_map_load_from_file (GFile       *file,
                               KrLoadInfo  *info,
                               GError     **error);
GBytes *kr_map_read_file      (GFile       *file,
                               GFileInfo  **file_info,
                               GError     **error);
char   *kr_file_get_display_name (GFile    *file);

G_END_DECLS
