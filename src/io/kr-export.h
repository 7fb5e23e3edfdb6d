/* kr-export.h: PNG, SVG and PDF pictures of a map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kr-map.h"
#include "kr-theme.h"

G_BEGIN_DECLS

#define KR_EXPORT_ERROR (kr_export_error_quark ())

typedef enum {
  KR_EXPORT_ERROR_TOO_LARGE,
  KR_EXPORT_ERROR_FAILED,
  KR_EXPORT_ERROR_UNKNOWN_FORMAT,
} KrExportError;

typedef enum {
  KR_EXPORT_PNG,
  KR_EXPORT_SVG,
  KR_EXPORT_PDF,
} KrExportFormat;

#define KR_EXPORT_MAX_PIXELS 32767   /* cairo's limit for an image side */
#define KR_EXPORT_MARGIN 24.0

typedef struct
{
  KrExportFormat format;
  double         scale;         /* device pixels (PNG) or points (SVG, PDF) per map unit */
  KrThemeId      theme;
  gboolean       transparent;
} KrExportOptions;

GQuark    kr_export_error_quark      (void);
void      kr_export_options_init     (KrExportOptions  *options);
gboolean  kr_export_format_from_name (const char       *name,
                                      KrExportFormat   *format);
gboolean  kr_export_format_guess     (const char       *filename,
                                      KrExportFormat   *format);
GBytes   *kr_export_map_to_bytes     (KrMap            *map,
                                      const KrExportOptions *options,
                                      GError          **error);
gboolean  kr_export_map_to_file      (KrMap            *map,
                                      GFile            *file,
                                      const KrExportOptions *options,
                                      GError          **error);

G_END_DECLS
