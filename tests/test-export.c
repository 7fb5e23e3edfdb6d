/* test-export.c: sizes, presets, resolution, backgrounds, slides and the files of exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "kr-export.h"
#include "kr-layout.h"
#include "kr-map-loader.h"
#include "kr-paint.h"
#include "kr-renderer.h"
#include "kr-png-writer-private.h"

static KrMap *
load_template (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KrMap *map = kr_map_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return map;
}

/* PNG files */

typedef struct
{
  guint32 width;
  guint32 height;
  guint8 color_type;
  guint32 pixels_per_metre;   /* 0 without pHYs */
} PngInfo;

static guint32
read_uint32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* Walks the chunks of a PNG, checking every CRC. */
static PngInfo
read_png_info (GBytes *png)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (png, &length);
  PngInfo info = { 0 };
  gsize offset = 8;
  gboolean ended = FALSE;

  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);

  while (!ended)
    {
      guint32 chunk_length;
      const guint8 *type, *chunk;

      g_assert_cmpuint (offset + 12, <=, length);
      chunk_length = read_uint32 (data + offset);
      type = data + offset + 4;
      chunk = type + 4;
      g_assert_cmpuint (offset + 12 + chunk_length, <=, length);
      g_assert_cmpuint (read_uint32 (chunk + chunk_length), ==, crc32 (0, type, chunk_length + 4));

      if (memcmp (type, "IHDR", 4) == 0)
        {
          g_assert_cmpuint (offset, ==, 8);
          info.width = read_uint32 (chunk);
          info.height = read_uint32 (chunk + 4);
          info.color_type = chunk[9];
        }
      else if (memcmp (type, "pHYs", 4) == 0)
        {
          g_assert_cmpuint (chunk_length, ==, 9);
          g_assert_cmpuint (read_uint32 (chunk), ==, read_uint32 (chunk + 4));
          g_assert_cmpuint (chunk[8], ==, 1);
          info.pixels_per_metre = read_uint32 (chunk);
        }
      ended = memcmp (type, "IEND", 4) == 0;
      offset += 12 + chunk_length;
    }

  g_assert_cmpuint (offset, ==, length);
  return info;
}

typedef struct
{
  const guint8 *data;
  gsize length;
  gsize offset;
} Reader;

static cairo_status_t
read_from_bytes (void          *closure,
                 unsigned char *data,
                 unsigned int   length)
{
  Reader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Decodes with cairo (libpng): what other programs will see. */
static cairo_surface_t *
decode_png (GBytes *png)
{
  Reader reader = { 0 };
  cairo_surface_t *surface;

  reader.data = g_bytes_get_data (png, &reader.length);
  surface = cairo_image_surface_create_from_png_stream (read_from_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + (gsize) y * cairo_image_surface_get_stride (surface) + 4 * x);
}

static guint32
pixels_per_metre (double dpi)
{
  return (guint32) lround (dpi / 0.0254);
}

static GBytes *
export_bytes (KrMap                 *map,
              const KrExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = kr_export_map_to_bytes (map, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static void
test_png_writer_round_trip (void)
{
  const int sizes[][2] = { { 1, 1 }, { 3, 200 }, { 257, 65 }, { 64, 64 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int transparent = 0; transparent <= 1; transparent++)
      {
        int width = sizes[i][0], height = sizes[i][1];
        cairo_format_t format = transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
        cairo_surface_t *surface = cairo_image_surface_create (format, width, height);
        cairo_surface_t *decoded;
        g_autoptr(GBytes) png = NULL;
        g_autoptr(GError) error = NULL;
        guint8 *data = cairo_image_surface_get_data (surface);
        int stride = cairo_image_surface_get_stride (surface);
        PngInfo info;

        /* every alpha, and colours premultiplied by it */
        for (int y = 0; y < height; y++)
          for (int x = 0; x < width; x++)
            {
              guint alpha = transparent ? (guint) (x * 7 + y * 3) % 256 : 255;
              guint red = (x * 13 + y) % 256 * alpha / 255, green = (y * 5) % 256 * alpha / 255;
              guint blue = (x ^ y) % 256 * alpha / 255;

              *(guint32 *) (data + y * stride + 4 * x) = alpha << 24 | red << 16 | green << 8 | blue;
            }
        cairo_surface_mark_dirty (surface);

        png = kr_png_writer_encode (surface, 96, &error);
        g_assert_no_error (error);
        info = read_png_info (png);
        g_assert_cmpuint (info.width, ==, width);
        g_assert_cmpuint (info.height, ==, height);
        g_assert_cmpuint (info.color_type, ==, transparent ? 6 : 2);
        g_assert_cmpuint (info.pixels_per_metre, ==, 3780);

        decoded = decode_png (png);
        for (int y = 0; y < height; y++)
          for (int x = 0; x < width; x++)
            {
              guint32 expected = *(guint32 *) (data + y * stride + 4 * x);
              guint32 actual = pixel_at (decoded, x, y);

              if (!transparent)
                g_assert_cmphex (actual & 0xffffff, ==, expected & 0xffffff);
              else
                for (int shift = 0; shift < 32; shift += 8)
                  g_assert_cmpint (abs ((int) (actual >> shift & 0xff) - (int) (expected >> shift & 0xff)), <=, 1);
            }

        cairo_surface_destroy (decoded);
        cairo_surface_destroy (surface);
      }
}

/* Shapes, text-like curves, gradients and half-transparent strokes, so that every band has
 * antialiased edges and the "up" filter sees rows that differ. */
static void
draw_test_picture (cairo_t *cr,
                   int      width,
                   int      height)
{
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, width, height);

  cairo_pattern_add_color_stop_rgba (gradient, 0, 0.9, 0.2, 0.1, 1);
  cairo_pattern_add_color_stop_rgba (gradient, 0.5, 0.1, 0.6, 0.9, 0.4);
  cairo_pattern_add_color_stop_rgba (gradient, 1, 0.2, 0.8, 0.3, 0);
  cairo_set_source (cr, gradient);
  cairo_rectangle (cr, 3.5, 2.25, width - 9, height - 7);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);

  for (int i = 0; i < 12; i++)
    {
      cairo_set_source_rgba (cr, (i % 3) / 2.0, (i % 5) / 4.0, (i % 7) / 6.0, 0.3 + (i % 4) * 0.2);
      cairo_set_line_width (cr, 0.7 + i * 0.6);
      cairo_arc (cr, width * (i + 1) / 13.0, height * ((i * 7) % 13) / 13.0, 5 + i * 3.3, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, 0, i * height / 12.0);
      cairo_curve_to (cr, width / 3.0, i * 5.5, width / 2.0, height - i * 9.0, width, height / 2.0 + i);
      cairo_stroke (cr);
    }
}

/* Whether @png holds the pixels of @expected, each channel off by at most @tolerance, and
 * returns how many pixels are off at all. */
static guint
assert_png_is_surface (GBytes          *png,
                       cairo_surface_t *expected,
                       int              tolerance)
{
  cairo_surface_t *decoded = decode_png (png);
  gboolean alpha = cairo_image_surface_get_format (expected) == CAIRO_FORMAT_ARGB32;
  /* without alpha, cairo leaves the top byte of RGB24 pixels undefined */
  guint32 mask = alpha ? 0xffffffff : 0xffffff;
  guint n_off = 0;

  g_assert_cmpuint (read_png_info (png).color_type, ==, alpha ? 6 : 2);
  g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, cairo_image_surface_get_width (expected));
  g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, cairo_image_surface_get_height (expected));
  for (int y = 0; y < cairo_image_surface_get_height (expected); y++)
    for (int x = 0; x < cairo_image_surface_get_width (expected); x++)
      {
        guint32 actual = pixel_at (decoded, x, y) & mask, wanted = pixel_at (expected, x, y) & mask;

        if (actual == wanted)
          continue;
        n_off++;
        for (int shift = 0; shift < 32; shift += 8)
          if (abs ((int) (actual >> shift & 0xff) - (int) (wanted >> shift & 0xff)) > tolerance)
            g_error ("pixel %d, %d is %08x instead of %08x", x, y, actual, wanted);
      }

  cairo_surface_destroy (decoded);
  return n_off;
}

/* Draws the rows of a streaming writer by copying them from @picture. */
static GBytes *
stream_png (cairo_surface_t *picture,
            guint            n_workers)
{
  int width = cairo_image_surface_get_width (picture);
  int height = cairo_image_surface_get_height (picture);
  g_autoptr(KrPngWriter) writer = kr_png_writer_new_with_workers (cairo_image_surface_get_format (picture),
                                                                  width, height, 150, n_workers);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *rows;
  int first_row, n_rows, next_row = 0;
  GBytes *png;

  while ((rows = kr_png_writer_begin_rows (writer, &first_row, &n_rows)) != NULL)
    {
      cairo_t *cr = cairo_create (rows);

      g_assert_cmpint (first_row, ==, next_row);
      g_assert_cmpint (n_rows, >, 0);
      g_assert_cmpint (cairo_image_surface_get_height (rows), ==, n_rows);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_surface (cr, picture, 0, 0);
      cairo_paint (cr);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      kr_png_writer_end_rows (writer);
      next_row += n_rows;
    }
  g_assert_cmpint (next_row, ==, height);

  png = kr_png_writer_finish (writer, &error);
  g_assert_no_error (error);
  return png;
}

/* Bands of rows compressed on any number of threads, whole or drawn a chunk at a time, make
 * the same bytes, and they decode to exactly the pixels drawn. */
static void
test_png_writer_bands (void)
{
  /* heights that are no multiple of the bands' (nor of the chunks') */
  const int sizes[][2] = { { 157, 333 }, { 5, 1100 }, { 301, 63 }, { 1, 1 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int transparent = 0; transparent <= 1; transparent++)
      {
        int width = sizes[i][0], height = sizes[i][1];
        cairo_surface_t *picture = cairo_image_surface_create (transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                                               width, height);
        cairo_t *cr = cairo_create (picture);
        g_autoptr(GBytes) expected = NULL;
        const guint n_workers[] = { 0, 1, 3 };

        draw_test_picture (cr, width, height);
        cairo_destroy (cr);
        g_assert_cmpint (height % KR_PNG_WRITER_BAND_ROWS, !=, 0);

        expected = kr_png_writer_encode_with_workers (picture, 150, 1, NULL);
        g_assert_nonnull (expected);
        g_assert_cmpuint (read_png_info (expected).pixels_per_metre, ==, pixels_per_metre (150));
        g_assert_cmpuint (assert_png_is_surface (expected, picture, 0), ==, 0);

        for (guint j = 0; j < G_N_ELEMENTS (n_workers); j++)
          {
            g_autoptr(GBytes) whole = kr_png_writer_encode_with_workers (picture, 150, n_workers[j], NULL);
            g_autoptr(GBytes) streamed = stream_png (picture, n_workers[j]);

            g_assert_true (g_bytes_equal (whole, expected));
            g_assert_true (g_bytes_equal (streamed, expected));
          }

        cairo_surface_destroy (picture);
      }
}

/* A writer freed before all its rows are drawn stops its threads; one finished early fails. */
static void
test_png_writer_abandoned (void)
{
  g_autoptr(GError) error = NULL;
  KrPngWriter *writer = kr_png_writer_new_with_workers (CAIRO_FORMAT_RGB24, 40, 1000, 96, 2);
  int first_row, n_rows;

  g_assert_nonnull (kr_png_writer_begin_rows (writer, &first_row, &n_rows));
  kr_png_writer_end_rows (writer);
  kr_png_writer_free (writer);

  writer = kr_png_writer_new_with_workers (CAIRO_FORMAT_ARGB32, 40, 1000, 96, 2);
  g_assert_nonnull (kr_png_writer_begin_rows (writer, &first_row, &n_rows));
  kr_png_writer_end_rows (writer);
  g_assert_null (kr_png_writer_finish (writer, &error));
  g_assert_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_FAILED);
  kr_png_writer_free (writer);
}

/* The export draws its PNG a chunk of rows at a time; the pixels are those of the page drawn
 * in one go, on a theme's background and on a transparent one. Only where arrows cross, a
 * very few of their edge pixels may be one level lighter or darker: the renderer computes
 * their coverage in fixed point relative to the rows it draws into. */
static void
test_png_drawn_in_chunks (void)
{
  g_autoptr(KrMap) map = load_template ("six-phases-funnel.en.kringel");
  const KrExportBackground backgrounds[] = { KR_EXPORT_BACKGROUND_THEME, KR_EXPORT_BACKGROUND_TRANSPARENT };

  for (guint i = 0; i < G_N_ELEMENTS (backgrounds); i++)
    {
      g_autoptr(GBytes) png = NULL;
      cairo_surface_t *whole;
      KrExportOptions options;
      KrExportSize size;
      cairo_t *cr;

      kr_export_options_init (&options);
      options.background = backgrounds[i];
      options.scale = 0.75;
      g_assert_true (kr_export_measure (map, &options, &size, NULL));
      g_assert_cmpfloat (size.height, >, 4 * KR_PNG_WRITER_BAND_ROWS);

      png = export_bytes (map, &options);
      whole = cairo_image_surface_create (i == 0 ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32, size.width, size.height);
      cr = cairo_create (whole);
      g_assert_true (kr_export_draw_page (map, &options, 0, cr, NULL));
      cairo_destroy (cr);
      cairo_surface_flush (whole);

      g_assert_cmpuint (assert_png_is_surface (png, whole, 1), <, size.width * size.height / 10000);
      cairo_surface_destroy (whole);
    }
}

/* Sizes and resolution */

static void
assert_png_size (KrMap                 *map,
                 const KrExportOptions *options,
                 double                 width,
                 double                 height,
                 double                 dpi)
{
  g_autoptr(GBytes) png = export_bytes (map, options);
  PngInfo info = read_png_info (png);
  KrExportSize size;

  g_assert_true (kr_export_measure (map, options, &size, NULL));
  g_assert_cmpuint (info.width, ==, (guint) size.width);
  g_assert_cmpuint (info.height, ==, (guint) size.height);
  g_assert_cmpfloat (fabs (info.width - width), <=, 1);
  g_assert_cmpfloat (fabs (info.height - height), <=, 1);
  g_assert_cmpuint (info.pixels_per_metre, ==, pixels_per_metre (size.dpi));
  g_assert_cmpfloat (fabs (size.dpi - dpi), <, 0.1);
}

/* Rendered at the target size, never scaled up from 1×; 96 dpi times the scale. */
static void
test_scale_sizes_and_dpi (void)
{
  g_autoptr(KrMap) map = load_template ("three-phases.en.kringel");
  KrExportOptions options;
  KrExportSize one;
  double scales[] = { 1, 2, 4, 0.5 };

  kr_export_options_init (&options);
  g_assert_true (kr_export_measure (map, &options, &one, NULL));
  g_assert_cmpfloat (one.dpi, ==, 96);
  g_assert_cmpuint (one.n_pages, ==, 1);
  assert_png_size (map, &options, one.width, one.height, 96);
  options.scale = 2;
  assert_png_size (map, &options, 2 * one.width, 2 * one.height, 192);

  /* a part of the map keeps the sizes quick under the sanitizers */
  options.scope = KR_EXPORT_VIEW;
  options.view = (KrRect) { 200, 250, 400, 300 };
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      options.scale = scales[i];
      assert_png_size (map, &options, (400 + 2 * KR_EXPORT_MARGIN) * scales[i],
                       (300 + 2 * KR_EXPORT_MARGIN) * scales[i], 96 * scales[i]);
    }

  /* a width: the height follows */
  options.scope = KR_EXPORT_WHOLE_MAP;
  options.size_mode = KR_EXPORT_SIZE_WIDTH;
  options.width = 1000;
  assert_png_size (map, &options, 1000, one.height * 1000 / one.width, 96 * 1000 / one.width);
}

typedef struct
{
  const char *name;
  guint32 width;
  guint32 height;
  double dpi;
  const char *pdf_media_box;
} ExpectedPreset;

static const ExpectedPreset expected_presets[] = {
  { "slide-hd", 1920, 1080, 144, "/MediaBox [ 0 0 960 540 ]" },
  { "slide-4k", 3840, 2160, 288, "/MediaBox [ 0 0 960 540 ]" },
  { "slide-4:3", 1024, 768, 102.4, "/MediaBox [ 0 0 720 540 ]" },
  { "a4", 3508, 2480, 300, "/MediaBox [ 0 0 841.889764 595.275591 ]" },
  { "a3", 4961, 3508, 300, "/MediaBox [ 0 0 1190.551181 841.889764 ]" },
};

/* How often @text occurs in @bytes, which may hold zeros (compressed PDF streams). */
static guint
count_occurrences (GBytes     *bytes,
                   const char *text)
{
  gsize length, text_length = strlen (text);
  const char *data = g_bytes_get_data (bytes, &length);
  guint count = 0;

  for (gsize i = 0; i + text_length <= length; i++)
    if (memcmp (data + i, text, text_length) == 0)
      count++;

  return count;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  return count_occurrences (bytes, text) > 0;
}

static void
test_presets (void)
{
  g_autoptr(KrMap) map = load_template ("four-phases.en.kringel");
  guint n_presets;

  kr_export_get_presets (&n_presets);
  g_assert_cmpuint (n_presets, ==, G_N_ELEMENTS (expected_presets));

  for (guint i = 0; i < G_N_ELEMENTS (expected_presets); i++)
    {
      const ExpectedPreset *expected = &expected_presets[i];
      g_autoptr(GBytes) png = NULL;
      g_autoptr(GBytes) pdf = NULL;
      KrExportOptions options;
      PngInfo info;

      kr_export_options_init (&options);
      options.size_mode = KR_EXPORT_SIZE_PRESET;
      options.preset = kr_export_preset_from_name (expected->name);
      g_assert_nonnull (options.preset);

      png = export_bytes (map, &options);
      info = read_png_info (png);
      g_assert_cmpuint (info.width, ==, expected->width);
      g_assert_cmpuint (info.height, ==, expected->height);
      g_assert_cmpuint (info.pixels_per_metre, ==, pixels_per_metre (expected->dpi));

      options.format = KR_EXPORT_PDF;
      pdf = export_bytes (map, &options);
      if (!bytes_contain (pdf, expected->pdf_media_box))
        g_error ("%s: no %s in the PDF", expected->name, expected->pdf_media_box);
    }

  g_assert_true (kr_export_preset_from_name ("16:9") == kr_export_preset_from_name ("slide-hd"));
  g_assert_true (kr_export_preset_from_name ("A4") == kr_export_preset_from_name ("a4"));
  g_assert_null (kr_export_preset_from_name ("letter"));
}

/* The bounding box of the pixels that are not fully transparent. */
static void
find_ink (cairo_surface_t *surface,
          int             *left,
          int             *top,
          int             *right,
          int             *bottom)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  *left = width, *top = height, *right = -1, *bottom = -1;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixel_at (surface, x, y) >> 24 != 0)
        {
          *left = MIN (*left, x), *right = MAX (*right, x);
          *top = MIN (*top, y), *bottom = MAX (*bottom, y);
        }
}

/* Fitted into a slide, a map keeps its proportions and sits in the middle: what is drawn
 * lands where the natural-size picture, scaled and centred, puts it. The corners of a
 * transparent export are really transparent. */
static void
test_fit_centred_transparent (void)
{
  const char *templates[] = { "three-phases.en.kringel", "six-phases-funnel.en.kringel" };
  const char *presets[] = { "slide-hd", "slide-4:3" };

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    for (guint p = 0; p < G_N_ELEMENTS (presets); p++)
      {
        g_autoptr(KrMap) map = load_template (templates[i]);
        g_autoptr(GBytes) natural_png = NULL;
        g_autoptr(GBytes) png = NULL;
        cairo_surface_t *natural, *fitted;
        KrExportOptions options;
        int ink[4], natural_ink[4], width, height;
        double content_width, content_height, fit, left, top;

        kr_export_options_init (&options);
        options.background = KR_EXPORT_BACKGROUND_TRANSPARENT;
        options.margin = 0;
        natural_png = export_bytes (map, &options);
        natural = decode_png (natural_png);
        find_ink (natural, &natural_ink[0], &natural_ink[1], &natural_ink[2], &natural_ink[3]);

        options.size_mode = KR_EXPORT_SIZE_PRESET;
        options.preset = kr_export_preset_from_name (presets[p]);
        options.margin = KR_EXPORT_MARGIN;
        png = export_bytes (map, &options);
        g_assert_cmpuint (read_png_info (png).color_type, ==, 6);
        fitted = decode_png (png);
        width = cairo_image_surface_get_width (fitted);
        height = cairo_image_surface_get_height (fitted);

        g_assert_cmphex (pixel_at (fitted, 0, 0), ==, 0);
        g_assert_cmphex (pixel_at (fitted, width - 1, height - 1), ==, 0);
        g_assert_cmphex (pixel_at (fitted, 0, height - 1), ==, 0);
        g_assert_cmphex (pixel_at (fitted, width - 1, 0), ==, 0);

        content_width = cairo_image_surface_get_width (natural) + 2 * KR_EXPORT_MARGIN;
        content_height = cairo_image_surface_get_height (natural) + 2 * KR_EXPORT_MARGIN;
        fit = MIN (width / content_width, height / content_height);
        left = (width - content_width * fit) / 2 + KR_EXPORT_MARGIN * fit;
        top = (height - content_height * fit) / 2 + KR_EXPORT_MARGIN * fit;
        /* one side touches the margins */
        g_assert_true (fabs (left - KR_EXPORT_MARGIN * fit) < 2 || fabs (top - KR_EXPORT_MARGIN * fit) < 2);

        find_ink (fitted, &ink[0], &ink[1], &ink[2], &ink[3]);
        for (int k = 0; k < 4; k++)
          {
            double expected = (k % 2 == 0 ? left : top) + (natural_ink[k] + (k >= 2)) * fit - (k >= 2);

            if (fabs (ink[k] - expected) > 2.5)
              g_error ("%s on %s: edge %d of the drawing at %d, not %.1f", templates[i], presets[p], k, ink[k], expected);
          }

        cairo_surface_destroy (natural);
        cairo_surface_destroy (fitted);
      }
}

static void
test_backgrounds (void)
{
  g_autoptr(KrMap) map = load_template ("three-phases.en.kringel");
  const struct { KrExportBackground background; KrThemeId theme; guint32 corner; guint8 color_type; } cases[] = {
    { KR_EXPORT_BACKGROUND_WHITE, KR_THEME_LIGHT, 0xffffffff, 2 },
    { KR_EXPORT_BACKGROUND_THEME, KR_THEME_LIGHT, 0xfffafafa, 2 },
    { KR_EXPORT_BACKGROUND_THEME, KR_THEME_DARK, 0xff1e1e1e, 2 },
    { KR_EXPORT_BACKGROUND_TRANSPARENT, KR_THEME_DARK, 0x00000000, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) png = NULL;
      cairo_surface_t *surface;
      KrExportOptions options;

      kr_export_options_init (&options);
      options.background = cases[i].background;
      options.theme = cases[i].theme;
      png = export_bytes (map, &options);
      g_assert_cmpuint (read_png_info (png).color_type, ==, cases[i].color_type);
      surface = decode_png (png);
      g_assert_cmphex (pixel_at (surface, 0, 0), ==, cases[i].corner);
      g_assert_cmphex (pixel_at (surface, 2, cairo_image_surface_get_height (surface) - 3), ==, cases[i].corner);
      cairo_surface_destroy (surface);
    }
}

/* Slides and parts of the map */

static guint
count_pdf_pages (GBytes *pdf)
{
  return count_occurrences (pdf, "/Type /Page ") + count_occurrences (pdf, "/Type /Page\n");
}

static void
test_slides (void)
{
  g_autoptr(KrMap) map = load_template ("six-phases-funnel.en.kringel");
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  KrExportOptions options;
  KrExportSize whole, size;

  kr_export_options_init (&options);
  options.size_mode = KR_EXPORT_SIZE_PRESET;
  options.preset = kr_export_preset_from_name ("slide-hd");
  g_assert_true (kr_export_measure (map, &options, &whole, NULL));
  g_assert_false (whole.legible);   /* six phases on one 1080p slide: tiny text */
  g_assert_cmpfloat (whole.smallest_text_on_slide, <, KR_EXPORT_LEGIBLE_TEXT_SIZE);
  g_assert_cmpfloat (fabs (whole.card_title_on_slide / whole.smallest_text_on_slide -
                           KR_EXPORT_CARD_TITLE_SIZE / KR_EXPORT_SMALLEST_TEXT_SIZE), <, 1e-9);

  options.phases_per_slide = 2;
  g_assert_true (kr_export_measure (map, &options, &size, NULL));
  g_assert_cmpuint (size.n_pages, ==, 3);
  g_assert_cmpuint (size.n_files, ==, 3);
  g_assert_true (size.legible);
  g_assert_cmpfloat (size.smallest_text_on_slide, >, 1.2 * whole.smallest_text_on_slide);

  files = kr_export_map_to_files_bytes (map, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 3);
  for (guint i = 0; i < files->len; i++)
    {
      PngInfo info = read_png_info (files->pdata[i]);

      g_assert_cmpuint (info.width, ==, 1920);
      g_assert_cmpuint (info.height, ==, 1080);
    }

  /* one file per slide can not be one file's bytes */
  g_assert_null (kr_export_map_to_bytes (map, &options, &error));
  g_assert_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_SEVERAL_FILES);
  g_clear_error (&error);

  options.format = KR_EXPORT_PDF;
  options.phases_per_slide = 1;
  g_assert_true (kr_export_measure (map, &options, &size, NULL));
  g_assert_cmpuint (size.n_pages, ==, 6);
  g_assert_cmpuint (size.n_files, ==, 1);
  pdf = export_bytes (map, &options);
  g_assert_cmpuint (count_pdf_pages (pdf), ==, 6);

  /* four phases in threes: the last slide has the one left over */
  options.phases_per_slide = 4;
  g_assert_true (kr_export_measure (map, &options, &size, NULL));
  g_assert_cmpuint (size.n_pages, ==, 2);
}

/* A slide shows the persona strip over the lane titles and its phases: both are the same on
 * every slide, and a phase's slide matches the phase exported alone. */
static void
test_slides_repeat_lane_titles (void)
{
  g_autoptr(KrMap) map = load_template ("three-phases.en.kringel");
  g_autoptr(GPtrArray) slides = NULL;
  g_autoptr(GBytes) only_second = NULL;
  cairo_surface_t *first, *second, *alone;
  KrExportOptions options;
  int height;

  kr_export_options_init (&options);
  options.phases_per_slide = 1;
  slides = kr_export_map_to_files_bytes (map, &options, NULL);
  g_assert_cmpuint (slides->len, ==, 3);
  first = decode_png (slides->pdata[0]);
  second = decode_png (slides->pdata[1]);
  height = cairo_image_surface_get_height (first);

  /* the lane title column: margin + 150 units wide */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < (int) KR_EXPORT_MARGIN + 150; x++)
      if (pixel_at (first, x, y) != pixel_at (second, x, y))
        g_error ("the lane titles differ at %d, %d", x, y);

  /* the persona strip: the map's one persona panel, above everything */
  g_assert_cmpuint (kr_map_get_n_items (map, KR_ITEM_PERSONA), ==, 1);
  for (int y = 0; y < (int) (KR_EXPORT_MARGIN + KR_LAYOUT_PERSONA_BAND_HEIGHT); y++)
    for (int x = 0; x < (int) (KR_EXPORT_MARGIN + KR_LAYOUT_PERSONA_CARD_WIDTH + 2 * KR_LAYOUT_CELL_PADDING); x++)
      if (pixel_at (first, x, y) != pixel_at (second, x, y))
        g_error ("the persona strip differs at %d, %d", x, y);

  kr_export_options_init (&options);
  options.scope = KR_EXPORT_PHASE;
  options.phase_id = kr_item_get_id (kr_map_get_item (map, KR_ITEM_PHASE, 1));
  only_second = export_bytes (map, &options);
  alone = decode_png (only_second);
  g_assert_cmpint (cairo_image_surface_get_width (alone), ==, cairo_image_surface_get_width (second));
  g_assert_cmpint (cairo_image_surface_get_height (alone), ==, height);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (alone), cairo_image_surface_get_data (second),
                           (gsize) height * cairo_image_surface_get_stride (second)), ==, 0);

  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
  cairo_surface_destroy (alone);
}

/* The preview the dialog shows is the exported picture. */
static void
test_draw_page_is_the_export (void)
{
  g_autoptr(KrMap) map = load_template ("four-phases.de.kringel");
  g_autoptr(GPtrArray) slides = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *preview;
  KrExportOptions options;
  KrExportSize size;
  cairo_t *cr;

  kr_export_options_init (&options);
  options.size_mode = KR_EXPORT_SIZE_PRESET;
  options.preset = kr_export_preset_from_name ("slide-4:3");
  options.phases_per_slide = 2;
  g_assert_true (kr_export_measure (map, &options, &size, NULL));
  slides = kr_export_map_to_files_bytes (map, &options, NULL);

  preview = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size.width, size.height);
  cr = cairo_create (preview);
  g_assert_true (kr_export_draw_page (map, &options, 1, cr, &error));
  g_assert_no_error (error);
  g_assert_false (kr_export_draw_page (map, &options, 2, cr, &error));
  g_assert_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_INVALID);
  cairo_destroy (cr);
  cairo_surface_flush (preview);

  /* the export is drawn in bands of rows: see test_png_drawn_in_chunks () */
  g_assert_cmpuint (assert_png_is_surface (slides->pdata[1], preview, 1), <, size.width * size.height / 10000);

  cairo_surface_destroy (preview);
}

/* Leaving out the persona panels and the emotion curve crops their bands away. */
static void
test_layers_cropped (void)
{
  g_autoptr(KrMap) map = load_template ("four-phases.en.kringel");
  g_autoptr(KrLayout) layout = kr_layout_new (map);
  KrExportOptions options;
  KrExportSize all, cropped;
  double bands = kr_layout_get_header_top (layout) + kr_layout_get_emotion_band (layout).height;

  g_assert_cmpfloat (kr_layout_get_header_top (layout), >, 0);
  g_assert_cmpfloat (kr_layout_get_emotion_band (layout).height, >, 0);

  kr_export_options_init (&options);
  g_assert_true (kr_export_measure (map, &options, &all, NULL));
  options.layers = KR_RENDER_NO_PERSONAS | KR_RENDER_NO_EMOTION_CURVE;
  g_assert_true (kr_export_measure (map, &options, &cropped, NULL));
  g_assert_cmpfloat (all.width, ==, cropped.width);
  g_assert_cmpfloat (fabs (all.height - cropped.height - bands), <=, 1);

  /* and on slides */
  options.phases_per_slide = 2;
  g_assert_true (kr_export_measure (map, &options, &cropped, NULL));
  options.layers = 0;
  g_assert_true (kr_export_measure (map, &options, &all, NULL));
  g_assert_cmpfloat (fabs (all.height - cropped.height - bands), <=, 1);
}

static void
test_selection_and_view (void)
{
  g_autoptr(KrMap) map = load_template ("three-phases.en.kringel");
  KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, 0);
  const char *ids[] = { kr_item_get_id (KR_ITEM (touchpoint)), NULL };
  const char *unknown[] = { "no-such-card", NULL };
  g_autoptr(GError) error = NULL;
  KrExportOptions options;
  KrExportSize size;

  kr_export_options_init (&options);
  options.scope = KR_EXPORT_SELECTION;
  options.selection = ids;
  g_assert_true (kr_export_measure (map, &options, &size, &error));
  g_assert_no_error (error);
  /* one card of 200 × 96, its shadow and the margins */
  g_assert_cmpfloat (size.width, ==, 200 + 8 + 2 * KR_EXPORT_MARGIN);
  g_assert_cmpfloat (size.height, ==, 96 + 8 + 2 * KR_EXPORT_MARGIN);

  options.selection = unknown;
  g_assert_false (kr_export_measure (map, &options, &size, &error));
  g_assert_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no-such-card"));
  g_clear_error (&error);

  options.scope = KR_EXPORT_VIEW;
  options.view = (KrRect) { 100, 50, 640, 360 };
  options.margin = 0;
  options.scale = 2;
  g_assert_true (kr_export_measure (map, &options, &size, NULL));
  g_assert_cmpfloat (size.width, ==, 1280);
  g_assert_cmpfloat (size.height, ==, 720);

  options.view.width = 0;
  g_assert_false (kr_export_measure (map, &options, &size, &error));
  g_assert_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_INVALID);
  g_clear_error (&error);

  options.scope = KR_EXPORT_PHASE;
  options.phase_id = "nope";
  g_assert_false (kr_export_measure (map, &options, &size, &error));
  g_assert_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_INVALID);
  g_clear_error (&error);

  options.phases_per_slide = 1;
  options.phase_id = kr_item_get_id (kr_map_get_item (map, KR_ITEM_PHASE, 0));
  g_assert_false (kr_export_measure (map, &options, &size, &error));
  g_assert_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_INVALID);
}

static void
test_too_large (void)
{
  g_autoptr(KrMap) map = load_template ("six-phases-funnel.en.kringel");
  g_autoptr(GError) error = NULL;
  KrExportOptions options;
  KrExportSize size;

  kr_export_options_init (&options);
  options.scale = 20;
  g_assert_false (kr_export_measure (map, &options, &size, &error));
  g_assert_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "32767"));
  g_assert_nonnull (strstr (error->message, "the largest scale for it is"));
  g_clear_error (&error);

  options.size_mode = KR_EXPORT_SIZE_WIDTH;
  options.width = 40000;
  g_assert_false (kr_export_measure (map, &options, &size, &error));
  g_assert_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "32767 ×"));
  g_clear_error (&error);

  /* vectors have no pixel limit */
  options.format = KR_EXPORT_PDF;
  g_assert_true (kr_export_measure (map, &options, &size, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (size.width, ==, 30000);
}

/* Files */

static void
test_no_partial_file (void)
{
  g_autoptr(KrMap) map = load_template ("three-phases.en.kringel");
  g_autofree char *directory = g_dir_make_tmp ("kringel-export-XXXXXX", NULL);
  g_autofree char *kept_path = g_build_filename (directory, "kept.png", NULL);
  g_autofree char *new_path = g_build_filename (directory, "new.png", NULL);
  g_autoptr(GFile) kept = g_file_new_for_path (kept_path);
  g_autoptr(GFile) fresh = g_file_new_for_path (new_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *contents = NULL;
  KrExportOptions options;

  g_assert_true (g_file_set_contents (kept_path, "precious", -1, NULL));
  kr_export_options_init (&options);
  options.scale = 100;

  g_assert_false (kr_export_map_to_file (map, kept, &options, &error));
  g_assert_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_false (kr_export_map_to_file (map, fresh, &options, &error));
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (kept_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  dir = g_dir_open (directory, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "kept.png");
  g_assert_null (g_dir_read_name (dir));

  /* slides as numbered files */
  options.scale = 1;
  options.phases_per_slide = 1;
  g_assert_true (kr_export_map_to_file (map, fresh, &options, &error));
  g_assert_no_error (error);
  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr(GFile) slide = kr_export_get_numbered_file (fresh, i);
      g_autofree char *path = g_file_get_path (slide);
      g_autofree char *expected = g_strdup_printf ("%s/new-%u.png", directory, i);

      g_assert_cmpstr (path, ==, expected);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      g_unlink (path);
    }
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));

  g_unlink (kept_path);
  g_rmdir (directory);
}

static void
test_numbered_file (void)
{
  g_autoptr(GFile) deck = g_file_new_for_path ("/tmp/deck.v2.png");
  g_autoptr(GFile) bare = g_file_new_for_path ("/tmp/deck");
  g_autoptr(GFile) first = kr_export_get_numbered_file (deck, 1);
  g_autoptr(GFile) twelfth = kr_export_get_numbered_file (bare, 12);
  g_autofree char *first_path = g_file_get_path (first);
  g_autofree char *twelfth_path = g_file_get_path (twelfth);

  g_assert_cmpstr (first_path, ==, "/tmp/deck.v2-1.png");
  g_assert_cmpstr (twelfth_path, ==, "/tmp/deck-12");
}

static void
test_png_same_bytes_twice (void)
{
  g_autoptr(KrMap) map = load_template ("six-phases-decision.de.kringel");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  KrExportOptions options;

  kr_export_options_init (&options);
  options.scale = 2;
  first = export_bytes (map, &options);
  second = export_bytes (map, &options);
  g_assert_true (g_bytes_equal (first, second));
}

/* A renderer lent to exports (the dialog's, the command line's) makes the same files as a
 * new one, whatever theme it drew in before. */
static void
test_lent_renderer_same_bytes (void)
{
  g_autoptr(KrMap) map = load_template ("six-phases-funnel.en.kringel");
  g_autoptr(KrRenderer) renderer = kr_renderer_new (KR_THEME_DARK);
  KrExportFormat formats[] = { KR_EXPORT_PNG, KR_EXPORT_SVG, KR_EXPORT_PDF };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (KrThemeId theme = KR_THEME_LIGHT; theme < KR_N_THEMES; theme++)
      {
        g_autoptr(GBytes) own = NULL;
        g_autoptr(GBytes) lent = NULL;
        KrExportOptions options;
        KrExportSize size;

        kr_export_options_init (&options);
        options.format = formats[i];
        options.theme = theme;
        own = export_bytes (map, &options);

        options.renderer = renderer;
        g_assert_true (kr_export_measure (map, &options, &size, NULL));
        lent = export_bytes (map, &options);
        g_assert_true (g_bytes_equal (own, lent));
      }
}

/* Vector formats read back by the tools people use */

static char *
strip_spaces (const char *text)
{
  GString *stripped = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (stripped, *p);

  return g_string_free (stripped, FALSE);
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *standard_error = NULL;
  char *output = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &output, &standard_error,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], standard_error);
  return output;
}

static char *
write_temporary (GBytes     *bytes,
                 const char *suffix)
{
  g_autofree char *template = g_strconcat ("kringel-export-XXXXXX", suffix, NULL);
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (template, &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return path;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static void
test_pdf_text_searchable (void)
{
  const char *templates[] = { "three-phases.en.kringel", "four-phases.de.kringel", "six-phases-funnel.en.kringel" };

  if (!have_program ("pdftotext") || !have_program ("pdffonts"))
    {
      g_test_skip ("pdftotext or pdffonts is not installed (poppler-utils)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    for (guint slides = 0; slides <= 1; slides++)
      {
        g_autoptr(KrMap) map = load_template (templates[i]);
        g_autoptr(GBytes) pdf = NULL;
        g_autofree char *path = NULL;
        g_autofree char *text = NULL;
        g_autofree char *stripped = NULL;
        g_autofree char *fonts = NULL;
        g_auto(GStrv) lines = NULL;
        KrExportOptions options;
        guint n = kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT);

        kr_export_options_init (&options);
        options.format = KR_EXPORT_PDF;
        options.phases_per_slide = slides;
        options.size_mode = slides ? KR_EXPORT_SIZE_PRESET : KR_EXPORT_SIZE_SCALE;
        options.preset = kr_export_preset_from_name ("slide-hd");
        pdf = export_bytes (map, &options);
        path = write_temporary (pdf, ".pdf");

        text = run_tool ((const char *[]) { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL });
        stripped = strip_spaces (text);
        g_assert_cmpuint (n, >, 5);
        for (guint k = 0; k < n; k++)
          {
            g_autofree char *title = strip_spaces (kr_touchpoint_get_title (kr_map_get_item (map, KR_ITEM_TOUCHPOINT, k)));

            if (strstr (stripped, title) == NULL)
              g_error ("%s: “%s” is not in the PDF's text:\n%s", templates[i], title, text);
          }

        /* every font embedded: pdffonts' "emb" column says yes */
        fonts = run_tool ((const char *[]) { "pdffonts", path, NULL });
        lines = g_strsplit (fonts, "\n", -1);
        g_assert_cmpuint (g_strv_length (lines), >, 3);
        for (guint k = 2; lines[k] && *lines[k]; k++)
          if (strstr (lines[k], " yes ") == NULL)
            g_error ("a font is not embedded: %s", lines[k]);

        g_unlink (path);
      }
}

/* A PNG data: URI of a photo with four coloured quarters, so a misplaced one shows. */
static char *
quartered_photo_uri (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 60, 40);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autofree char *base64 = NULL;
  const double colors[4][3] = { { 0.9, 0.1, 0.1 }, { 0.1, 0.7, 0.2 }, { 0.1, 0.2, 0.9 }, { 0.95, 0.8, 0.1 } };

  for (int i = 0; i < 4; i++)
    {
      cairo_set_source_rgb (cr, colors[i][0], colors[i][1], colors[i][2]);
      cairo_rectangle (cr, (i % 2) * 30, (i / 2) * 20, 30, 20);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, kr_paint_append_to_byte_array, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  base64 = g_base64_encode (png->data, png->len);
  return g_strconcat ("data:image/png;base64,", base64, NULL);
}

#define TILE 16

/* The PNG librsvg draws of @svg, @width × @height pixels (0: the SVG's own size). */
static GBytes *
draw_with_librsvg (GBytes *svg,
                   int     width,
                   int     height)
{
  g_autofree char *path = write_temporary (svg, ".svg");
  g_autofree char *png_path = g_strconcat (path, ".png", NULL);
  g_autofree char *width_text = g_strdup_printf ("%d", width);
  g_autofree char *height_text = g_strdup_printf ("%d", height);
  const char *size_args[] = { "rsvg-convert", "--width", width_text, "--height", height_text };
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  char *data = NULL;
  gsize length;

  for (guint i = 0; i < (width > 0 ? G_N_ELEMENTS (size_args) : 1); i++)
    g_strv_builder_add (argv, size_args[i]);
  g_strv_builder_add_many (argv, "--format", "png", "--output", png_path, path, NULL);
  args = g_strv_builder_end (argv);

  g_free (run_tool ((const char * const *) args));
  g_assert_true (g_file_get_contents (png_path, &data, &length, NULL));
  g_unlink (png_path);
  g_unlink (path);
  return g_bytes_new_take (data, length);
}

/* Compares, channel by channel, what librsvg draws of @svg with @png (the same export as
 * PNG): they may differ only where edges are antialiased and glyphs hinted differently. */
static void
assert_svg_draws_like_png (GBytes *svg,
                           GBytes *png)
{
  cairo_surface_t *expected = decode_png (png);
  g_autoptr(GBytes) rsvg_png = draw_with_librsvg (svg, cairo_image_surface_get_width (expected),
                                                  cairo_image_surface_get_height (expected));
  cairo_surface_t *drawn = decode_png (rsvg_png);
  guint64 difference = 0, n_far = 0, n_pixels;
  double max_tile_difference = 0;

  g_assert_cmpint (cairo_image_surface_get_width (drawn), ==, cairo_image_surface_get_width (expected));
  g_assert_cmpint (cairo_image_surface_get_height (drawn), ==, cairo_image_surface_get_height (expected));

  n_pixels = (guint64) cairo_image_surface_get_width (expected) * cairo_image_surface_get_height (expected);
  for (int tile_y = 0; tile_y < cairo_image_surface_get_height (expected); tile_y += TILE)
    for (int tile_x = 0; tile_x < cairo_image_surface_get_width (expected); tile_x += TILE)
      {
        guint64 tile_difference = 0, tile_pixels = 0;

        for (int y = tile_y; y < MIN (tile_y + TILE, cairo_image_surface_get_height (expected)); y++)
          for (int x = tile_x; x < MIN (tile_x + TILE, cairo_image_surface_get_width (expected)); x++)
            {
              guint32 a = pixel_at (expected, x, y), b = pixel_at (drawn, x, y);
              guint far = 0;

              for (int shift = 0; shift < 24; shift += 8)
                {
                  guint d = (guint) ABS ((int) (a >> shift & 0xff) - (int) (b >> shift & 0xff));

                  tile_difference += d;
                  far = MAX (far, d);
                }
              n_far += far > 64;
              tile_pixels++;
            }
        difference += tile_difference;
        max_tile_difference = MAX (max_tile_difference, (double) tile_difference / (3.0 * tile_pixels));
      }

  g_test_message ("average difference %.2f, %.3f %% of pixels off by more than a quarter, worst tile %.1f",
                  (double) difference / (3.0 * n_pixels), 100.0 * n_far / n_pixels, max_tile_difference);
  /* measured: 0.5 to 1.7 on average (more where text is dense), 0.06 to 0.6 % of pixels off
   * by more than a quarter; a missing photo or clip made a tile 140 or more */
  g_assert_cmpfloat ((double) difference / (3.0 * n_pixels), <, 2.5);
  g_assert_cmpfloat ((double) n_far / n_pixels, <, 0.01);
  g_assert_cmpfloat (max_tile_difference, <, 40);

  cairo_surface_destroy (expected);
  cairo_surface_destroy (drawn);
}

/* The SVG writer against cairo's drawing of the same map: text, arrows, a photo, every
 * theme, and the clipped pieces of slides. */
static void
test_svg_draws_like_png (void)
{
  g_autoptr(KrMap) map = load_template ("six-phases-decision.en.kringel");
  g_autofree char *photo = quartered_photo_uri ();

  if (!have_program ("rsvg-convert"))
    {
      g_test_skip ("rsvg-convert is not installed (librsvg2-bin)");
      return;
    }

  g_assert_cmpuint (kr_map_get_n_items (map, KR_ITEM_PERSONA), >, 0);
  g_object_set (kr_map_get_item (map, KR_ITEM_PERSONA, 0), "photo", photo, NULL);

  for (KrThemeId theme = KR_THEME_LIGHT; theme < KR_N_THEMES; theme++)
    for (guint phases_per_slide = 0; phases_per_slide <= 2; phases_per_slide += 2)
      {
        g_autoptr(GPtrArray) svgs = NULL;
        g_autoptr(GPtrArray) pngs = NULL;
        g_autoptr(GError) error = NULL;
        KrExportOptions options;

        g_test_message ("theme %d, %u phases a slide", theme, phases_per_slide);
        kr_export_options_init (&options);
        options.theme = theme;
        options.phases_per_slide = phases_per_slide;
        options.format = KR_EXPORT_PNG;
        pngs = kr_export_map_to_files_bytes (map, &options, &error);
        g_assert_no_error (error);
        options.format = KR_EXPORT_SVG;
        svgs = kr_export_map_to_files_bytes (map, &options, &error);
        g_assert_no_error (error);

        g_assert_cmpuint (svgs->len, ==, pngs->len);
        /* the first slide repeats lane titles and personas beside a clipped part */
        assert_svg_draws_like_png (svgs->pdata[0], pngs->pdata[0]);
      }
}

/* A map of @n cards, 8 in each cell of 4 phases and as many lanes as they need, each with
 * a title of its own and an arrow to the next. */
static KrMap *
many_cards_map (guint n)
{
  guint n_lanes = (n + 31) / 32;
  g_autoptr(GString) json = g_string_new ("{\"format\": \"kringel\", \"version\": 1, \"title\": \"Many\",\n"
                                          "\"phases\": [{\"id\": \"p0\", \"title\": \"Awareness\", \"width\": 480}, "
                                          "{\"id\": \"p1\", \"title\": \"Consideration\", \"width\": 480}, "
                                          "{\"id\": \"p2\", \"title\": \"Purchase\", \"width\": 480}, "
                                          "{\"id\": \"p3\", \"title\": \"Loyalty\", \"width\": 480}],\n"
                                          "\"lanes\": [");
  g_autoptr(GError) error = NULL;
  KrMap *map;

  for (guint i = 0; i < n_lanes; i++)
    g_string_append_printf (json, "%s{\"id\": \"l%u\", \"title\": \"Lane %u\", \"height\": 470}",
                            i > 0 ? ", " : "", i, i + 1);
  g_string_append (json, "],\n\"touchpoints\": [");
  for (guint i = 0; i < n; i++)
    {
      guint cell = i / 8, slot = i % 8;

      g_string_append_printf (json, "%s{\"id\": \"t%u\", \"phase\": \"p%u\", \"lane\": \"l%u\", "
                                    "\"x\": %u, \"y\": %u, "
                                    "\"title\": \"Step %u: a visit, a call or a letter about offer %u\", "
                                    "\"channel\": \"%s\", \"emotion\": %u, \"points\": %u}",
                              i > 0 ? ",\n" : "", i, cell % 4, cell / 4, 24 + (slot % 2) * 224, 24 + (slot / 2) * 112,
                              i, i * 7, i % 2 ? "website" : "phone", 1 + i % 5, i % 3);
    }
  g_string_append (json, "],\n\"connections\": [");
  for (guint i = 0; i + 1 < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"c%u\", \"from\": \"t%u\", \"to\": \"t%u\"}",
                            i > 0 ? ",\n" : "", i, i, i + 1);
  g_string_append (json, "]}\n");

  map = kr_map_load_from_data (json->str, json->len, "many cards", NULL, &error);
  g_assert_no_error (error);
  return map;
}

/* Vector documents of many cards (stamps, glyphs used hundreds of times) are the same
 * file every time, and draw what cairo draws. */
static void
test_vector_many_cards (void)
{
  g_autoptr(KrMap) map = many_cards_map (100);
  KrExportFormat formats[] = { KR_EXPORT_SVG, KR_EXPORT_PDF };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) first = NULL;
      g_autoptr(GBytes) second = NULL;
      KrExportOptions options;

      kr_export_options_init (&options);
      options.format = formats[i];
      first = export_bytes (map, &options);
      second = export_bytes (map, &options);
      g_assert_true (g_bytes_equal (first, second));
    }

  if (have_program ("rsvg-convert"))
    {
      g_autoptr(GBytes) svg = NULL;
      g_autoptr(GBytes) png = NULL;
      KrExportOptions options;

      kr_export_options_init (&options);
      options.format = KR_EXPORT_PNG;
      png = export_bytes (map, &options);
      options.format = KR_EXPORT_SVG;
      svg = export_bytes (map, &options);
      assert_svg_draws_like_png (svg, png);
    }
}

typedef struct
{
  double x_min, y_min, x_max, y_max;
} WordBox;

/* The boxes of @word in what `pdftotext -bbox` printed. */
static GArray *
find_word_boxes (const char *bbox_html,
                 const char *word)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (WordBox));
  g_autofree char *closing = g_strdup_printf (">%s</word>", word);

  for (const char *end = strstr (bbox_html, closing); end != NULL; end = strstr (end + 1, closing))
    {
      const char *start = g_strrstr_len (bbox_html, end - bbox_html, "<word ");
      WordBox box;

      g_assert_nonnull (start);
      g_assert_cmpint (sscanf (start, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                               &box.x_min, &box.y_min, &box.x_max, &box.y_max), ==, 4);
      g_array_append_val (boxes, box);
    }
  return boxes;
}

/* Forty unhappy cards stacked in one cell push the emotion curve's points close together,
 * each a pain point: the labels that are drawn never cover each other. */
static void
test_pain_point_labels_apart (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"kringel\", \"version\": 1, \"title\": \"Dense\", "
                                          "\"phases\": [{\"id\": \"p\", \"title\": \"All\", \"width\": 3000}], "
                                          "\"lanes\": [{\"id\": \"l\", \"title\": \"One\"}], \"touchpoints\": [");
  g_autoptr(KrMap) map = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GArray) boxes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *html = NULL;
  KrExportOptions options;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (json, "%s{\"id\": \"t%u\", \"phase\": \"p\", \"lane\": \"l\", \"title\": \"Card %u\", "
                                  "\"emotion\": 1}", i > 0 ? ", " : "", i, i);
  g_string_append (json, "]}");
  map = kr_map_load_from_data (json->str, json->len, "dense", NULL, &error);
  g_assert_no_error (error);

  kr_export_options_init (&options);
  options.format = KR_EXPORT_PDF;
  pdf = export_bytes (map, &options);
  path = write_temporary (pdf, ".pdf");
  html = run_tool ((const char *[]) { "pdftotext", "-bbox", path, "-", NULL });

  boxes = find_word_boxes (html, "Pain");
  g_assert_cmpuint (boxes->len, >, 1);
  g_assert_cmpuint (boxes->len, <, 40);   /* not all have room */
  for (guint i = 0; i < boxes->len; i++)
    for (guint j = i + 1; j < boxes->len; j++)
      {
        const WordBox *a = &g_array_index (boxes, WordBox, i), *b = &g_array_index (boxes, WordBox, j);
        /* a label is two words: “Pain point” reaches about twice as far as “Pain” */
        double a_end = a->x_min + 2.2 * (a->x_max - a->x_min), b_end = b->x_min + 2.2 * (b->x_max - b->x_min);

        g_assert_true (a_end <= b->x_min || b_end <= a->x_min || a->y_max <= b->y_min || b->y_max <= a->y_min);
      }

  g_unlink (path);
}

/* A title with characters XML has no place for still makes an SVG that readers accept. */
static void
test_svg_title_is_xml (void)
{
  g_autoptr(KrMap) map = load_template ("three-phases.en.kringel");
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) png = NULL;
  KrExportOptions options;

  if (!have_program ("rsvg-convert"))
    {
      g_test_skip ("rsvg-convert is not installed (librsvg2-bin)");
      return;
    }

  g_object_set (map, "title", "Q1 \x01 <journey> & \xef\xbf\xbe \xe2\x80\x9cplan\xe2\x80\x9d", NULL);
  kr_export_options_init (&options);
  options.format = KR_EXPORT_SVG;
  svg = export_bytes (map, &options);
  g_assert_true (bytes_contain (svg, "<title>Q1  &lt;journey&gt; &amp;  \xe2\x80\x9cplan\xe2\x80\x9d</title>"));

  png = draw_with_librsvg (svg, 0, 0);
  g_assert_cmpuint (read_png_info (png).width, >, 0);
}

static void
store_result_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The window exports on another thread: the file holds the map as it was when the export
 * started, and an export cancelled writes nothing, not even over a file that is there. */
static void
test_export_in_background (void)
{
  g_autoptr(KrMap) map = load_template ("three-phases.en.kringel");
  g_autofree char *directory = g_dir_make_tmp ("kringel-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "map.svg", NULL);
  g_autofree char *kept_path = g_build_filename (directory, "kept.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) kept = g_file_new_for_path (kept_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *contents = NULL;
  KrExportOptions options;

  kr_export_options_init (&options);
  options.format = KR_EXPORT_SVG;
  g_object_set (map, "title", "Before", NULL);
  kr_export_map_to_file_async (map, file, &options, NULL, store_result_cb, &result);
  g_object_set (map, "title", "After", NULL);
  g_assert_true (kr_export_map_to_file_finish (wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<title>Before</title>"));

  g_assert_true (g_file_set_contents (kept_path, "precious", -1, NULL));
  options.format = KR_EXPORT_PNG;
  g_cancellable_cancel (cancellable);   /* before the thread can finish, whatever the machine's speed */
  kr_export_map_to_file_async (map, kept, &options, cancellable, store_result_cb, &cancelled);
  g_assert_false (kr_export_map_to_file_finish (wait_for_result (&cancelled), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (kept_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");

  /* the bytes of one file, for the clipboard */
  {
    g_autoptr(GAsyncResult) bytes_result = NULL;
    g_autoptr(GBytes) in_background = NULL;
    g_autoptr(GBytes) here = NULL;

    options.format = KR_EXPORT_PNG;
    kr_export_map_to_bytes_async (map, &options, NULL, store_result_cb, &bytes_result);
    in_background = kr_export_map_to_bytes_finish (wait_for_result (&bytes_result), &error);
    g_assert_no_error (error);
    here = export_bytes (map, &options);
    g_assert_true (g_bytes_equal (in_background, here));
  }

  g_unlink (path);
  g_unlink (kept_path);
  g_rmdir (directory);
}

static void
test_svg_for_librsvg (void)
{
  g_autoptr(KrMap) map = load_template ("six-phases-decision.en.kringel");
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) png = NULL;
  KrExportOptions options;
  KrExportSize size;
  PngInfo info;

  if (!have_program ("rsvg-convert"))
    {
      g_test_skip ("rsvg-convert is not installed (librsvg2-bin)");
      return;
    }

  kr_export_options_init (&options);
  options.format = KR_EXPORT_SVG;
  g_assert_true (kr_export_measure (map, &options, &size, NULL));
  svg = export_bytes (map, &options);
  g_assert_false (bytes_contain (svg, "foreignObject"));
  {
    g_autofree char *escaped = g_markup_escape_text (kr_map_get_title (map), -1);
    g_autofree char *title = g_strdup_printf ("<title>%s</title>", escaped);

    g_assert_true (bytes_contain (svg, title));
  }
  png = draw_with_librsvg (svg, 0, 0);
  info = read_png_info (png);
  /* points at 96 dpi: the map's own size in pixels */
  g_assert_cmpfloat (fabs (info.width - size.width * 96 / 72), <=, 1);
  g_assert_cmpfloat (fabs (info.height - size.height * 96 / 72), <=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/png-writer/round-trip", test_png_writer_round_trip);
  g_test_add_func ("/export/png-writer/bands", test_png_writer_bands);
  g_test_add_func ("/export/png-writer/abandoned", test_png_writer_abandoned);
  g_test_add_func ("/export/png/drawn-in-chunks", test_png_drawn_in_chunks);
  g_test_add_func ("/export/size/scale-and-dpi", test_scale_sizes_and_dpi);
  g_test_add_func ("/export/size/presets", test_presets);
  g_test_add_func ("/export/size/too-large", test_too_large);
  g_test_add_func ("/export/fit/centred-transparent", test_fit_centred_transparent);
  g_test_add_func ("/export/backgrounds", test_backgrounds);
  g_test_add_func ("/export/slides", test_slides);
  g_test_add_func ("/export/slides/lane-titles", test_slides_repeat_lane_titles);
  g_test_add_func ("/export/selection-and-view", test_selection_and_view);
  g_test_add_func ("/export/layers-cropped", test_layers_cropped);
  g_test_add_func ("/export/draw-page", test_draw_page_is_the_export);
  g_test_add_func ("/export/file/no-partial-file", test_no_partial_file);
  g_test_add_func ("/export/file/numbered", test_numbered_file);
  g_test_add_func ("/export/file/in-background", test_export_in_background);
  g_test_add_func ("/export/png/same-bytes-twice", test_png_same_bytes_twice);
  g_test_add_func ("/export/lent-renderer-same-bytes", test_lent_renderer_same_bytes);
  g_test_add_func ("/export/pdf/searchable-text", test_pdf_text_searchable);
  g_test_add_func ("/export/svg/librsvg", test_svg_for_librsvg);
  g_test_add_func ("/export/svg/draws-like-png", test_svg_draws_like_png);
  g_test_add_func ("/export/svg/title-is-xml", test_svg_title_is_xml);
  g_test_add_func ("/export/vector/many-cards", test_vector_many_cards);
  g_test_add_func ("/export/pdf/pain-point-labels-apart", test_pain_point_labels_apart);

  return g_test_run ();
}
