/* kr-export.c
 *
 * Exports render into memory through cairo's stream surfaces, then replace the target
 * atomically: a failed export never leaves a partial file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kr-atomic-write.h"
#include "kr-export.h"
#include "kr-renderer.h"

G_DEFINE_QUARK (kr-export-error-quark, kr_export_error)

void
kr_export_options_init (KrExportOptions *options)
{
  *options = (KrExportOptions) { KR_EXPORT_PNG, 1.0, KR_THEME_LIGHT, FALSE };
}

gboolean
kr_export_format_from_name (const char     *name,
                            KrExportFormat *format)
{
  static const char * const names[] = { "png", "svg", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (name != NULL && g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *format = (KrExportFormat) i;
        return TRUE;
      }

  return FALSE;
}

/* The format named by the extension of @filename. */
gboolean
kr_export_format_guess (const char     *filename,
                        KrExportFormat *format)
{
  const char *dot = strrchr (filename, '.');

  return dot != NULL && kr_export_format_from_name (dot + 1, format);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_surface (const KrExportOptions *options,
                double                 width,
                double                 height,
                GByteArray            *sink)
{
  switch (options->format)
    {
    case KR_EXPORT_SVG:
      {
        cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_to_array, sink, width, height);

        cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
        return surface;
      }
    case KR_EXPORT_PDF:
      return cairo_pdf_surface_create_for_stream (append_to_array, sink, width, height);
    case KR_EXPORT_PNG:
    default:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
    }
}

GBytes *
kr_export_map_to_bytes (KrMap                 *map,
                        const KrExportOptions *options,
                        GError               **error)
{
  g_autoptr(KrRenderer) renderer = kr_renderer_new (options->theme);
  g_autoptr(GByteArray) sink = g_byte_array_new ();
  KrRect extent = kr_renderer_get_extent (renderer, map);
  KrRect area = kr_rect_inflate (&extent, KR_EXPORT_MARGIN);
  double width = ceil (area.width * options->scale);
  double height = ceil (area.height * options->scale);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!(options->scale > 0) || width > KR_EXPORT_MAX_PIXELS || height > KR_EXPORT_MAX_PIXELS)
    {
      double largest = KR_EXPORT_MAX_PIXELS / MAX (area.width, area.height);

      g_set_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_TOO_LARGE,
                   _("The picture would be %.0f × %.0f pixels, more than the %d pixels a side "
                     "that can be written; the largest scale for this map is %.2f"),
                   width, height, KR_EXPORT_MAX_PIXELS, floor (largest * 100) / 100);
      return NULL;
    }

  surface = create_surface (options, width, height, sink);
  cr = cairo_create (surface);
  cairo_scale (cr, options->scale, options->scale);
  cairo_translate (cr, -area.x, -area.y);

  if (!options->transparent)
    {
      const KrTheme *theme = kr_theme_get (options->theme);

      cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
      cairo_paint (cr);
    }

  kr_renderer_draw (renderer, cr, map, &area, KR_RENDER_NO_BACKGROUND);
  cairo_destroy (cr);

  if (options->format == KR_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_to_array, sink);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_FAILED,
                   _("The picture could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&sink));
}

gboolean
kr_export_map_to_file (KrMap                 *map,
                       GFile                 *file,
                       const KrExportOptions *options,
                       GError               **error)
{
  g_autoptr(GBytes) bytes = kr_export_map_to_bytes (map, options, error);
  gsize length;
  const void *data;

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return kr_write_file_atomically (file, data, length, error);
}
