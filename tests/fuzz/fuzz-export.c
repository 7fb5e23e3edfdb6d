/* fuzz-export.c: libFuzzer harness for loading and exporting a map
 *
 * Whatever loads must export to PNG, SVG and PDF without a crash or a GLib critical. The
 * scale keeps the picture small so that the fuzzer spends its time on layout and drawing
 * code, not on filling pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fuzz-common.h"
#include "kr-export.h"
#include "kr-map-loader.h"
#include "kr-renderer.h"

#define LARGEST_SIDE 256.0

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_glib_messages_fatal ();
  return 0;
}

static double
small_scale (KrMap *map)
{
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_LIGHT);
  KrRect extent = kr_renderer_get_extent (renderer, map);
  double side = MAX (extent.width, extent.height) + 2 * KR_EXPORT_MARGIN;

  return MIN (0.25, LARGEST_SIDE / MAX (side, 1.0));
}

/* An SVG must be well-formed XML, whatever the map's texts hold. */
static void
check_well_formed (GBytes *svg)
{
  GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (svg, &length);
  const char *body = memchr (text, '\n', length);   /* GMarkup reads no XML declaration */

  fuzz_check (body != NULL, "the SVG has no declaration line");
  if (g_markup_parse_context_parse (context, body + 1, length - (body + 1 - text), &error))
    g_markup_parse_context_end_parse (context, &error);
  fuzz_check (error == NULL, "the SVG is not well-formed: %s", error ? error->message : "");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const KrThemeId themes[] = { KR_THEME_LIGHT, KR_THEME_DARK, KR_THEME_PROJECTOR };
  g_autoptr(KrMap) map = NULL;
  KrExportOptions options;

  map = kr_map_load_from_data ((const char *) data, size, "fuzz", NULL, NULL);
  if (map == NULL)
    return 0;

  kr_export_options_init (&options);
  options.scale = small_scale (map);

  for (KrExportFormat format = KR_EXPORT_PNG; format <= KR_EXPORT_PDF; format++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      options.format = format;
      options.theme = themes[format % G_N_ELEMENTS (themes)];
      bytes = kr_export_map_to_bytes (map, &options, &error);
      fuzz_check (bytes != NULL, "export %d failed: %s", format, error->message);
      fuzz_check (g_bytes_get_size (bytes) > 0, "export %d is empty", format);
      if (format == KR_EXPORT_SVG)
        check_well_formed (bytes);
    }

  return 0;
}
