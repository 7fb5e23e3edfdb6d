/* kr-export.h: PNG, SVG and PDF pictures of a map, whole or in slides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kr-geometry.h"
#include "kr-map.h"
#include "kr-renderer.h"
#include "kr-theme.h"

G_BEGIN_DECLS

#define KR_EXPORT_ERROR (kr_export_error_quark ())

typedef enum {
  KR_EXPORT_ERROR_TOO_LARGE,
  KR_EXPORT_ERROR_FAILED,
  KR_EXPORT_ERROR_UNKNOWN_FORMAT,
  KR_EXPORT_ERROR_INVALID,        /* an option that does not fit the map (unknown phase, …) */
  KR_EXPORT_ERROR_SEVERAL_FILES,  /* slides as PNG or SVG asked for one file's bytes */
} KrExportError;

typedef enum {
  KR_EXPORT_PNG,
  KR_EXPORT_SVG,
  KR_EXPORT_PDF,
} KrExportFormat;

typedef enum {
  KR_EXPORT_WHOLE_MAP,
  KR_EXPORT_SELECTION,   /* the cards named in selection */
  KR_EXPORT_VIEW,        /* the rectangle view, in map coordinates */
  KR_EXPORT_PHASE,       /* the phase phase_id, with the lane titles */
} KrExportScope;

typedef enum {
  KR_EXPORT_SIZE_SCALE,  /* scale times the map's size on a 96 dpi screen at 100 % */
  KR_EXPORT_SIZE_WIDTH,  /* width given, height from the map's proportions */
  KR_EXPORT_SIZE_FIT,    /* fitted into width × height, proportions kept, centred */
  KR_EXPORT_SIZE_PRESET, /* fitted into preset's page */
} KrExportSizeMode;

typedef enum {
  KR_EXPORT_BACKGROUND_THEME,
  KR_EXPORT_BACKGROUND_WHITE,
  KR_EXPORT_BACKGROUND_TRANSPARENT,
} KrExportBackground;

/* A page people put maps on: a slide or a sheet of paper. Its pixel size is its physical
 * size at dpi; SVG and PDF pages get the physical size (in points), PNGs the pixels and
 * the dpi as physical resolution, so a PNG inserted into a presentation fills the slide. */
typedef struct
{
  const char *name;          /* for --preset */
  const char *label;         /* translatable, N_() */
  double      width_points;
  double      height_points;
  double      dpi;
} KrExportPreset;

#define KR_EXPORT_MAX_PIXELS 32767   /* cairo's limit for an image side */
#define KR_EXPORT_MARGIN 24.0
#define KR_EXPORT_SCREEN_DPI 96.0    /* a map unit is a pixel at 96 dpi */

/* Text sizes of the renderer at scale 1 (see kr-renderer.c): card titles and the smallest
 * text on a map (channel names, badges, points). */
#define KR_EXPORT_CARD_TITLE_SIZE 14.0
#define KR_EXPORT_SMALLEST_TEXT_SIZE 11.0
/* Below this many pixels on a 1080p slide the smallest text is hard to read from the back
 * of a room (cap height ≈ 7 px, about 9 arc minutes from 6 m off a 2.5 m high wall). */
#define KR_EXPORT_LEGIBLE_TEXT_SIZE 10.0
/* With fewer pixels than this, letters in a PNG cannot be told apart at any viewing size. */
#define KR_EXPORT_MIN_TEXT_PIXELS 7.0

/* What to export and how. Strings are borrowed: keep them alive while the options are used. */
typedef struct
{
  KrExportFormat         format;
  KrExportScope          scope;
  const char            *phase_id;      /* KR_EXPORT_PHASE */
  const char * const    *selection;     /* KR_EXPORT_SELECTION: touchpoint ids, NULL-terminated */
  KrRect                 view;          /* KR_EXPORT_VIEW */
  KrExportSizeMode       size_mode;
  double                 scale;         /* KR_EXPORT_SIZE_SCALE */
  int                    width;         /* SIZE_WIDTH, SIZE_FIT: pixels (at 96 dpi for SVG, PDF) */
  int                    height;        /* SIZE_FIT */
  const KrExportPreset  *preset;        /* SIZE_PRESET */
  double                 margin;        /* blank map units around the picture */
  KrExportBackground     background;
  KrThemeId              theme;
  KrRenderFlags          layers;        /* KR_RENDER_NO_* bits: the layers left out */
  guint                  phases_per_slide; /* 0: one picture; N: slides of N phases each */
  KrRenderer            *renderer;      /* or NULL; lent to measure, preview and export one map
                                         * with: its routes are found once, not in each call.
                                         * It takes the export's theme: lend one used for
                                         * exports only, not a canvas's */
} KrExportOptions;

/* What an export will produce, known before anything is drawn. */
typedef struct
{
  double   width;           /* of each picture or page: pixels (PNG) or points (SVG, PDF) */
  double   height;
  guint    n_pages;         /* slides; 1 without */
  guint    n_files;         /* PNG and SVG slides are one file each, a PDF holds all */
  double   scale;           /* pixels or points per map unit */
  double   dpi;             /* a PNG's physical resolution; for SVG and PDF the preset's, or 96 */
  double   smallest_text;   /* in the picture's own pixels (at dpi for SVG, PDF) */
  double   smallest_text_on_slide;  /* in pixels, shown full size on a 1920 × 1080 slide */
  double   card_title_on_slide;
  gboolean legible;         /* smallest_text_on_slide reaches KR_EXPORT_LEGIBLE_TEXT_SIZE and a
                             * PNG's smallest_text KR_EXPORT_MIN_TEXT_PIXELS */
} KrExportSize;

GQuark    kr_export_error_quark      (void);
void      kr_export_options_init     (KrExportOptions       *options);

gboolean  kr_export_format_from_name (const char            *name,
                                      KrExportFormat        *format);
gboolean  kr_export_format_guess     (const char            *filename,
                                      KrExportFormat        *format);
const char *kr_export_format_get_extension (KrExportFormat   format);

const KrExportPreset *kr_export_get_presets      (guint      *n_presets);
const KrExportPreset *kr_export_preset_from_name (const char *name);

gboolean  kr_export_measure          (KrMap                 *map,
                                      const KrExportOptions *options,
                                      KrExportSize          *size,
                                      GError               **error);
gboolean  kr_export_draw_page        (KrMap                 *map,
                                      const KrExportOptions *options,
                                      guint                  page,
                                      cairo_t               *cr,
                                      GError               **error);
GPtrArray *kr_export_map_to_files_bytes (KrMap                 *map,
                                         const KrExportOptions *options,
                                         GError               **error);
GBytes   *kr_export_map_to_bytes     (KrMap                 *map,
                                      const KrExportOptions *options,
                                      GError               **error);
GFile    *kr_export_get_numbered_file (GFile                *file,
                                       guint                 number);
gboolean  kr_export_map_to_file      (KrMap                 *map,
                                      GFile                 *file,
                                      const KrExportOptions *options,
                                      GError               **error);
void      kr_export_map_to_file_async  (KrMap                 *map,
                                        GFile                 *file,
                                        const KrExportOptions *options,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data);
gboolean  kr_export_map_to_file_finish (GAsyncResult          *result,
                                        GError               **error);
void      kr_export_map_to_bytes_async  (KrMap                 *map,
                                         const KrExportOptions *options,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
GBytes   *kr_export_map_to_bytes_finish (GAsyncResult          *result,
                                         GError               **error);

G_END_DECLS
