/* kr-svg-writer.c
 *
 * cairo 1.16's SVG surface records the whole page, replays it at the end and formats
 * every number through printf: for a big map that is most of an export's time. The
 * renderer draws only filled and stroked paths in solid colours, text, photos, clips and
 * translucent groups, so this writer turns exactly those into SVG elements as they are
 * drawn (see kr-paint.c). A cairo context still keeps the state (matrix, path, colour,
 * line style); the writer reads it at each drawing call.
 *
 * Paths are written in the document's units (the context's device space), glyphs once
 * each as a path in <defs> that every use of it refers to, so the file renders the same
 * in librsvg, Inkscape and browsers whatever fonts they have.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <pango/pangocairo.h>

#include "kr-paint.h"
#include "kr-svg-text-renderer.h"
#include "kr-svg-writer.h"

#define PATH_DECIMALS 2
#define GLYPH_DECIMALS 3   /* glyphs are defined at their font size and may be scaled up */

struct _KrSvgWriter
{
  double width;
  double height;
  char *title;

  GString *defs;           /* glyphs, clip paths, pictures */
  GString *stamps;         /* drawings used many times, see kr_svg_writer_begin_stamp() */
  GString *body;
  GString *out;            /* body, or stamps while one is drawn */
  GArray *groups;          /* OpenGroup, innermost last */

  cairo_t *cr;
  cairo_t *glyph_cr;       /* where glyph outlines are taken from */
  KrSvgTextRenderer *text;

  GHashTable *fonts;       /* cairo_scaled_font_t → GHashTable of glyph + 1 → id (0: nothing to draw) */
  GHashTable *images;      /* cairo_surface_t → id */
  GHashTable *stamp_ids;   /* key → id, for stamps drawn with stamp_matrix */
  cairo_matrix_t stamp_matrix;
  guint n_glyphs;
  guint n_clips;
  guint n_stamps;

  guint inner_stamps;      /* stamps begun inside the one being drawn: drawn in it */
  guint drawn_stamp;       /* the stamp being drawn, and where it is used first */
  double drawn_stamp_x;
  double drawn_stamp_y;
};

/* A <g> not closed yet: a clip's, written at once, or a translucent group's, whose start
 * tag is inserted when its opacity is known. */
typedef struct
{
  GString *out;
  gsize start;
  gboolean clip;
} OpenGroup;

static const cairo_user_data_key_t writer_key;

/* Numbers */

/* Appends @value with at most @decimals decimals, without trailing zeros; printf would
 * cost more than everything else the writer does. */
static void
append_number (GString *out,
               double   value,
               guint    decimals)
{
  static const double factors[] = { 1, 10, 100, 1000, 1e4, 1e5, 1e6 };
  char digits[32];
  char *end = digits + sizeof digits, *p = end;
  double scaled;
  gboolean negative;
  guint64 n;

  decimals = MIN (decimals, G_N_ELEMENTS (factors) - 1);
  scaled = value * factors[decimals];
  if (!isfinite (scaled) || fabs (scaled) > 1e15)
    scaled = 0;
  n = (guint64) llround (fabs (scaled));
  negative = scaled < 0 && n > 0;

  while (decimals > 0 && n % 10 == 0)
    {
      n /= 10;
      decimals--;
    }
  for (guint i = 0; i < decimals; i++)
    {
      *--p = (char) ('0' + n % 10);
      n /= 10;
    }
  if (decimals > 0)
    *--p = '.';
  do
    {
      *--p = (char) ('0' + n % 10);
      n /= 10;
    }
  while (n > 0);
  if (negative)
    *--p = '-';

  g_string_append_len (out, p, end - p);
}

static void
append_uint (GString *out,
             guint    value)
{
  char digits[16];
  char *end = digits + sizeof digits, *p = end;

  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  g_string_append_len (out, p, end - p);
}

static gboolean
is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) ||
         (c >= 0x10000 && c <= 0x10ffff);
}

/* Appends @text escaped for XML, without the characters XML 1.0 has no place for (control
 * characters, U+FFFE, U+FFFF), which no reader would accept even as references. */
static void
append_xml_text (GString    *out,
                 const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        default:
          if (is_xml_char (c))
            g_string_append_unichar (out, c);
          break;
        }
    }
}

static void
append_attribute_number (GString    *out,
                         const char *name,
                         double      value,
                         guint       decimals)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_number (out, value, decimals);
  g_string_append_c (out, '"');
}

static void
append_matrix (GString              *out,
               const cairo_matrix_t *matrix)
{
  const double values[] = { matrix->xx, matrix->yx, matrix->xy, matrix->yy, matrix->x0, matrix->y0 };

  g_string_append (out, " transform=\"matrix(");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_number (out, values[i], i < 4 ? 6 : PATH_DECIMALS);
    }
  g_string_append (out, ")\"");
}

/* Paths */

static void
append_point (GString                 *out,
              char                     command,
              const cairo_path_data_t *point,
              guint                    decimals)
{
  if (command != '\0')
    g_string_append_c (out, command);
  else
    g_string_append_c (out, ' ');
  append_number (out, point->point.x, decimals);
  g_string_append_c (out, ' ');
  append_number (out, point->point.y, decimals);
}

/* Appends @path as SVG path data; a move that nothing draws from is left out. */
static void
append_path_data (GString            *out,
                  const cairo_path_t *path,
                  guint               decimals)
{
  const cairo_path_data_t *move = NULL;

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];

      switch (data->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          move = &data[1];
          break;
        case CAIRO_PATH_LINE_TO:
          if (move != NULL)
            append_point (out, 'M', g_steal_pointer (&move), decimals);
          append_point (out, 'L', &data[1], decimals);
          break;
        case CAIRO_PATH_CURVE_TO:
          if (move != NULL)
            append_point (out, 'M', g_steal_pointer (&move), decimals);
          append_point (out, 'C', &data[1], decimals);
          append_point (out, '\0', &data[2], decimals);
          append_point (out, '\0', &data[3], decimals);
          break;
        case CAIRO_PATH_CLOSE_PATH:
          /* a sub-path that never left its start has nothing to close */
          if (move == NULL)
            g_string_append_c (out, 'Z');
          move = NULL;
          break;
        default:
          break;
        }
    }
}

/* The context's path in device space, where cairo keeps it: no rounding on the way. */
static cairo_path_t *
copy_device_path (cairo_t *cr)
{
  cairo_matrix_t matrix;
  cairo_path_t *path;

  cairo_get_matrix (cr, &matrix);
  cairo_identity_matrix (cr);
  path = cairo_copy_path (cr);
  cairo_set_matrix (cr, &matrix);
  return path;
}

static gboolean
path_draws (const cairo_path_t *path)
{
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    if (path->data[i].header.type == CAIRO_PATH_LINE_TO || path->data[i].header.type == CAIRO_PATH_CURVE_TO)
      return TRUE;
  return FALSE;
}

/* Appends ` d="…"` for the context's path; %FALSE, appending nothing, when it draws nothing. */
static gboolean
append_d (GString *out,
          cairo_t *cr)
{
  cairo_path_t *path = copy_device_path (cr);
  gboolean draws = path->status == CAIRO_STATUS_SUCCESS && path_draws (path);

  if (draws)
    {
      g_string_append (out, " d=\"");
      append_path_data (out, path, PATH_DECIMALS);
      g_string_append_c (out, '"');
    }
  cairo_path_destroy (path);
  return draws;
}

/* Colours */

static void
append_hex_byte (GString *out,
                 double   channel)
{
  static const char hex[] = "0123456789abcdef";
  int value = (int) round (CLAMP (channel, 0, 1) * 255);

  g_string_append_c (out, hex[value >> 4]);
  g_string_append_c (out, hex[value & 15]);
}

/* Appends ` fill="#rrggbb"` (or stroke) and its opacity for the context's source, which
 * the renderer only ever sets to a colour. */
static void
append_paint (GString    *out,
              const char *property,
              cairo_t    *cr)
{
  double red = 0, green = 0, blue = 0, alpha = 1;

  if (cairo_pattern_get_rgba (cairo_get_source (cr), &red, &green, &blue, &alpha) != CAIRO_STATUS_SUCCESS)
    g_warning ("The SVG writer draws only in solid colours");

  g_string_append_printf (out, " %s=\"#", property);
  append_hex_byte (out, red);
  append_hex_byte (out, green);
  append_hex_byte (out, blue);
  g_string_append_c (out, '"');
  if (alpha < 1)
    {
      g_string_append_printf (out, " %s-opacity=\"", property);
      append_number (out, CLAMP (alpha, 0, 1), 3);
      g_string_append_c (out, '"');
    }
}

/* How much longer a line is on the page than in user space. */
static double
line_scale (cairo_t *cr)
{
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  return sqrt (fabs (matrix.xx * matrix.yy - matrix.xy * matrix.yx));
}

/* The document */

KrSvgWriter *
kr_svg_writer_new (double width,
                   double height)
{
  KrSvgWriter *self = g_new0 (KrSvgWriter, 1);
  cairo_surface_t *state_only = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *glyph_surface = cairo_recording_surface_create (CAIRO_CONTENT_ALPHA, NULL);

  self->width = width;
  self->height = height;
  self->defs = g_string_sized_new (64 * 1024);
  self->stamps = g_string_sized_new (64 * 1024);
  self->body = g_string_sized_new (1024 * 1024);
  self->out = self->body;
  self->groups = g_array_new (FALSE, FALSE, sizeof (OpenGroup));
  self->fonts = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) cairo_scaled_font_destroy,
                                       (GDestroyNotify) g_hash_table_unref);
  self->images = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) cairo_surface_destroy, NULL);
  self->stamp_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* the context only keeps state: nothing is ever drawn on its surface */
  self->cr = cairo_create (state_only);
  cairo_set_user_data (self->cr, &writer_key, self, NULL);
  self->glyph_cr = cairo_create (glyph_surface);
  cairo_surface_destroy (state_only);
  cairo_surface_destroy (glyph_surface);

  return self;
}

void
kr_svg_writer_free (KrSvgWriter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->text);
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->glyph_cr, cairo_destroy);
  g_clear_pointer (&self->fonts, g_hash_table_unref);
  g_clear_pointer (&self->images, g_hash_table_unref);
  g_clear_pointer (&self->stamp_ids, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  if (self->defs != NULL)
    g_string_free (self->defs, TRUE);
  if (self->stamps != NULL)
    g_string_free (self->stamps, TRUE);
  if (self->body != NULL)
    g_string_free (self->body, TRUE);
  g_free (self);
}

/**
 * kr_svg_writer_get_context:
 *
 * Returns: (transfer none): the context to draw the document with, through the kr_paint_*()
 *   functions; its user space starts as the document's, in points.
 */
cairo_t *
kr_svg_writer_get_context (KrSvgWriter *self)
{
  return self->cr;
}

/* Names the document, for screen readers and the title of a browser's tab. */
void
kr_svg_writer_set_title (KrSvgWriter *self,
                         const char  *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * kr_svg_writer_from_context:
 *
 * Returns: (nullable) (transfer none): the writer @cr draws for, if it is one's context.
 */
KrSvgWriter *
kr_svg_writer_from_context (cairo_t *cr)
{
  return cairo_get_user_data (cr, &writer_key);
}

static void close_all (KrSvgWriter *self);

/**
 * kr_svg_writer_finish:
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when its context went into
 *   an error (cairo_status() says which); groups left open are closed.
 */
GBytes *
kr_svg_writer_finish (KrSvgWriter *self)
{
  GString *document;

  g_return_val_if_fail (self != NULL, NULL);

  if (cairo_status (self->cr) != CAIRO_STATUS_SUCCESS)
    return NULL;
  close_all (self);

  document = g_string_sized_new (self->defs->len + self->stamps->len + self->body->len + 512);
  g_string_append (document, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                             "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"");
  g_string_append (document, " width=\"");
  append_number (document, self->width, PATH_DECIMALS);
  g_string_append (document, "pt\" height=\"");
  append_number (document, self->height, PATH_DECIMALS);
  g_string_append (document, "pt\" viewBox=\"0 0 ");
  append_number (document, self->width, PATH_DECIMALS);
  g_string_append_c (document, ' ');
  append_number (document, self->height, PATH_DECIMALS);
  g_string_append (document, "\">\n");
  if (self->title != NULL && *self->title != '\0')
    {
      g_string_append (document, "<title>");
      append_xml_text (document, self->title);
      g_string_append (document, "</title>\n");
    }
  g_string_append (document, "<defs>\n");
  g_string_append_len (document, self->defs->str, self->defs->len);
  g_string_append_len (document, self->stamps->str, self->stamps->len);
  /* cairo's miter limit, not SVG's 4 */
  g_string_append (document, "</defs>\n<g stroke-miterlimit=\"10\">\n");
  g_string_append_len (document, self->body->str, self->body->len);
  g_string_append (document, "</g>\n</svg>\n");

  return g_string_free_to_bytes (document);
}

/* Drawing */

/* Starts a <path> element of the context's path; %FALSE, starting nothing, when the path
 * draws nothing. */
static gboolean
begin_path_element (GString *out,
                    cairo_t *cr)
{
  gsize start = out->len;

  g_string_append (out, "<path");
  if (append_d (out, cr))
    return TRUE;

  g_string_truncate (out, start);
  return FALSE;
}

void
kr_svg_writer_fill (KrSvgWriter *self,
                    cairo_t     *cr)
{
  GString *out = self->out;

  if (!begin_path_element (out, cr))
    return;
  append_paint (out, "fill", cr);
  if (cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_EVEN_ODD)
    g_string_append (out, " fill-rule=\"evenodd\"");
  g_string_append (out, "/>\n");
}

static void
append_line_style (GString *out,
                   cairo_t *cr)
{
  static const char *caps[] = { [CAIRO_LINE_CAP_ROUND] = "round", [CAIRO_LINE_CAP_SQUARE] = "square" };
  static const char *joins[] = { [CAIRO_LINE_JOIN_ROUND] = "round", [CAIRO_LINE_JOIN_BEVEL] = "bevel" };
  cairo_line_cap_t cap = cairo_get_line_cap (cr);
  cairo_line_join_t join = cairo_get_line_join (cr);
  double scale = line_scale (cr);
  int n_dashes = cairo_get_dash_count (cr);

  /* a hairline stays a hairline, however far the drawing is scaled down */
  append_attribute_number (out, "stroke-width", MAX (cairo_get_line_width (cr) * scale, 0.001), 3);
  if (cap != CAIRO_LINE_CAP_BUTT && cap < G_N_ELEMENTS (caps))
    g_string_append_printf (out, " stroke-linecap=\"%s\"", caps[cap]);
  if (join != CAIRO_LINE_JOIN_MITER && join < G_N_ELEMENTS (joins))
    g_string_append_printf (out, " stroke-linejoin=\"%s\"", joins[join]);
  else if (join == CAIRO_LINE_JOIN_MITER && cairo_get_miter_limit (cr) != 10)
    append_attribute_number (out, "stroke-miterlimit", cairo_get_miter_limit (cr), 3);

  if (n_dashes > 0)
    {
      g_autofree double *dashes = g_new (double, n_dashes);
      double offset;

      cairo_get_dash (cr, dashes, &offset);
      g_string_append (out, " stroke-dasharray=\"");
      for (int i = 0; i < n_dashes; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          append_number (out, dashes[i] * scale, 3);
        }
      g_string_append_c (out, '"');
      if (offset != 0)
        append_attribute_number (out, "stroke-dashoffset", offset * scale, 3);
    }
}

void
kr_svg_writer_stroke (KrSvgWriter *self,
                      cairo_t     *cr)
{
  GString *out = self->out;

  if (!begin_path_element (out, cr))
    return;
  g_string_append (out, " fill=\"none\"");
  append_paint (out, "stroke", cr);
  append_line_style (out, cr);
  g_string_append (out, "/>\n");
}

/* The id of @image in <defs>, added as a PNG the first time. */
static guint
image_id (KrSvgWriter     *self,
          cairo_surface_t *image)
{
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (self->images, image));
  g_autoptr(GByteArray) png = NULL;
  g_autofree char *base64 = NULL;

  if (id != 0)
    return id;

  png = g_byte_array_new ();
  if (cairo_surface_write_to_png_stream (image, kr_paint_append_to_byte_array, png) != CAIRO_STATUS_SUCCESS)
    return 0;
  base64 = g_base64_encode (png->data, png->len);

  id = g_hash_table_size (self->images) + 1;
  g_hash_table_insert (self->images, cairo_surface_reference (image), GUINT_TO_POINTER (id));
  g_string_append_printf (self->defs, "<image id=\"i%u\" width=\"%d\" height=\"%d\" "
                                      "xlink:href=\"data:image/png;base64,",
                          id, cairo_image_surface_get_width (image), cairo_image_surface_get_height (image));
  g_string_append (self->defs, base64);
  g_string_append (self->defs, "\"/>\n");
  return id;
}

/* Paints the source everywhere (inside the clip): a colour or a picture. */
void
kr_svg_writer_paint (KrSvgWriter *self,
                     cairo_t     *cr)
{
  cairo_pattern_t *source = cairo_get_source (cr);
  cairo_surface_t *image = NULL;
  cairo_matrix_t to_user, to_device;
  guint id;

  if (cairo_pattern_get_type (source) == CAIRO_PATTERN_TYPE_SOLID)
    {
      g_string_append (self->out, "<rect x=\"0\" y=\"0\"");
      append_attribute_number (self->out, "width", self->width, PATH_DECIMALS);
      append_attribute_number (self->out, "height", self->height, PATH_DECIMALS);
      append_paint (self->out, "fill", cr);
      g_string_append (self->out, "/>\n");
      return;
    }

  if (cairo_pattern_get_surface (source, &image) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_get_type (image) != CAIRO_SURFACE_TYPE_IMAGE || (id = image_id (self, image)) == 0)
    {
      g_warning ("The SVG writer paints only colours and pictures");
      return;
    }

  cairo_pattern_get_matrix (source, &to_user);
  cairo_matrix_invert (&to_user);
  cairo_get_matrix (cr, &to_device);
  cairo_matrix_multiply (&to_device, &to_user, &to_device);
  g_string_append_printf (self->out, "<use xlink:href=\"#i%u\"", id);
  append_matrix (self->out, &to_device);
  g_string_append (self->out, "/>\n");
}

static void
push_open_group (KrSvgWriter *self,
                 gboolean     clip)
{
  OpenGroup group = { self->out, self->out->len, clip };

  g_array_append_val (self->groups, group);
}

/* Takes off the innermost open group, if it is of the kind asked for and in the part of
 * the document being written; %FALSE otherwise, which is a mistake of the caller's. */
static gboolean
pop_open_group (KrSvgWriter *self,
                gboolean     clip,
                OpenGroup   *group)
{
  g_return_val_if_fail (self->groups->len > 0, FALSE);

  *group = g_array_index (self->groups, OpenGroup, self->groups->len - 1);
  g_return_val_if_fail (group->clip == clip && group->out == self->out, FALSE);
  g_array_set_size (self->groups, self->groups->len - 1);
  return TRUE;
}

/* Clips what is drawn until kr_svg_writer_pop_clip() to the context's path. */
void
kr_svg_writer_push_clip (KrSvgWriter *self,
                         cairo_t     *cr)
{
  guint id;

  g_return_if_fail (self != NULL);

  id = ++self->n_clips;
  g_string_append_printf (self->defs, "<clipPath id=\"c%u\"><path", id);
  if (!append_d (self->defs, cr))
    g_string_append (self->defs, " d=\"M0 0Z\"");   /* an empty path clips everything away */
  if (cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_EVEN_ODD)
    g_string_append (self->defs, " clip-rule=\"evenodd\"");
  g_string_append (self->defs, "/></clipPath>\n");

  g_string_append_printf (self->out, "<g clip-path=\"url(#c%u)\">\n", id);
  push_open_group (self, TRUE);
}

void
kr_svg_writer_pop_clip (KrSvgWriter *self)
{
  OpenGroup group;

  g_return_if_fail (self != NULL);

  if (pop_open_group (self, TRUE, &group))
    g_string_append (self->out, "</g>\n");
}

/* Starts a group whose opacity kr_svg_writer_pop_group() gives. */
void
kr_svg_writer_push_group (KrSvgWriter *self)
{
  g_return_if_fail (self != NULL);

  push_open_group (self, FALSE);
}

/* Ends a group started by kr_svg_writer_push_group(), painted with @opacity. */
void
kr_svg_writer_pop_group (KrSvgWriter *self,
                         double       opacity)
{
  g_autoptr(GString) start_tag = NULL;
  OpenGroup group;

  g_return_if_fail (self != NULL);

  if (!pop_open_group (self, FALSE, &group))
    return;

  /* only the group's own elements move to make room for its start */
  start_tag = g_string_new ("<g opacity=\"");
  append_number (start_tag, CLAMP (opacity, 0, 1), 3);
  g_string_append (start_tag, "\">\n");
  g_string_insert_len (self->out, group.start, start_tag->str, start_tag->len);
  g_string_append (self->out, "</g>\n");
}

/* Text */

/* The id of the outline of @glyph in @font in <defs>, or 0 when it draws nothing (a space). */
static guint
glyph_id (KrSvgWriter         *self,
          cairo_scaled_font_t *font,
          gulong               glyph)
{
  GHashTable *glyphs = g_hash_table_lookup (self->fonts, font);
  gpointer id = NULL;
  cairo_path_t *path;

  if (glyphs == NULL)
    {
      glyphs = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (self->fonts, cairo_scaled_font_reference (font), glyphs);
    }
  else if (g_hash_table_lookup_extended (glyphs, GSIZE_TO_POINTER (glyph + 1), NULL, &id))
    return GPOINTER_TO_UINT (id);

  cairo_set_scaled_font (self->glyph_cr, font);
  cairo_new_path (self->glyph_cr);
  cairo_glyph_path (self->glyph_cr, &(cairo_glyph_t) { glyph, 0, 0 }, 1);
  path = cairo_copy_path (self->glyph_cr);
  cairo_new_path (self->glyph_cr);

  if (path->status == CAIRO_STATUS_SUCCESS && path_draws (path))
    {
      id = GUINT_TO_POINTER (++self->n_glyphs);
      g_string_append_printf (self->defs, "<path id=\"g%u\" d=\"", self->n_glyphs);
      append_path_data (self->defs, path, GLYPH_DECIMALS);
      g_string_append (self->defs, "\"/>\n");
    }
  cairo_path_destroy (path);

  g_hash_table_insert (glyphs, GSIZE_TO_POINTER (glyph + 1), id);
  return GPOINTER_TO_UINT (id);
}

static void
write_glyphs (PangoFont        *font,
              PangoGlyphString *glyphs,
              int               x,
              int               y,
              gpointer          user_data)
{
  KrSvgWriter *self = user_data;
  cairo_scaled_font_t *scaled_font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  int advance = 0;

  if (scaled_font == NULL)
    return;

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      const PangoGlyphInfo *info = &glyphs->glyphs[i];
      guint id = 0;

      /* missing glyphs (Pango's hex boxes) are left out, as blanks */
      if (info->glyph != PANGO_GLYPH_EMPTY && (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0)
        id = glyph_id (self, scaled_font, info->glyph);
      if (id != 0)
        {
          g_string_append (self->out, "<use xlink:href=\"#g");
          append_uint (self->out, id);
          g_string_append_c (self->out, '"');
          append_attribute_number (self->out, "x", (double) (x + advance + info->geometry.x_offset) / PANGO_SCALE,
                                   PATH_DECIMALS);
          append_attribute_number (self->out, "y", (double) (y + info->geometry.y_offset) / PANGO_SCALE,
                                   PATH_DECIMALS);
          g_string_append (self->out, "/>\n");
        }
      advance += info->geometry.width;
    }
}

/* Draws @layout with its top left corner at the context's current point, in its colour. */
void
kr_svg_writer_show_layout (KrSvgWriter *self,
                           cairo_t     *cr,
                           PangoLayout *layout)
{
  GString *out = self->out;
  gsize start = out->len, content;
  cairo_matrix_t matrix;
  double x = 0, y = 0;

  if (self->text == NULL)
    self->text = kr_svg_text_renderer_new (write_glyphs, self);

  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x, &y);
  cairo_get_matrix (cr, &matrix);
  cairo_matrix_translate (&matrix, x, y);

  g_string_append (out, "<g");
  append_paint (out, "fill", cr);
  if (matrix.xx == 1 && matrix.yy == 1 && matrix.xy == 0 && matrix.yx == 0)
    {
      g_string_append (out, " transform=\"translate(");
      append_number (out, matrix.x0, PATH_DECIMALS);
      g_string_append_c (out, ' ');
      append_number (out, matrix.y0, PATH_DECIMALS);
      g_string_append (out, ")\"");
    }
  else
    append_matrix (out, &matrix);
  g_string_append (out, ">\n");
  content = out->len;

  pango_renderer_draw_layout (PANGO_RENDERER (self->text), layout, 0, 0);

  if (out->len == content)
    g_string_truncate (out, start);
  else
    g_string_append (out, "</g>\n");
}

/* Stamps */

static void
append_stamp_use (KrSvgWriter *self,
                  guint        id,
                  double       x,
                  double       y)
{
  g_string_append (self->out, "<use xlink:href=\"#s");
  append_uint (self->out, id);
  g_string_append_c (self->out, '"');
  append_attribute_number (self->out, "x", x, PATH_DECIMALS);
  append_attribute_number (self->out, "y", y, PATH_DECIMALS);
  g_string_append (self->out, "/>\n");
}

static gboolean
same_linear_part (const cairo_matrix_t *a,
                  const cairo_matrix_t *b)
{
  return a->xx == b->xx && a->yx == b->yx && a->xy == b->xy && a->yy == b->yy;
}

/**
 * kr_svg_writer_begin_stamp:
 * @key: names what is drawn, the same for the same drawing
 * @x, @y: where it is drawn, in user space
 *
 * Uses the drawing known as @key at @x, @y. Returns %TRUE when it is new: then the caller
 * draws it as usual, at @x, @y, and calls kr_svg_writer_end_stamp(); the document holds
 * it once and refers to it wherever it is used.
 */
gboolean
kr_svg_writer_begin_stamp (KrSvgWriter *self,
                           cairo_t     *cr,
                           const char  *key,
                           double       x,
                           double       y)
{
  cairo_matrix_t matrix;
  double device_x = x, device_y = y;
  guint id;

  g_return_val_if_fail (self != NULL, TRUE);

  if (self->out != self->body)
    {
      self->inner_stamps++;
      return TRUE;
    }

  cairo_get_matrix (cr, &matrix);
  cairo_user_to_device (cr, &device_x, &device_y);
  if (!same_linear_part (&matrix, &self->stamp_matrix))
    {
      /* drawn at another scale, the stamps so far do not fit */
      g_hash_table_remove_all (self->stamp_ids);
      self->stamp_matrix = matrix;
    }

  id = GPOINTER_TO_UINT (g_hash_table_lookup (self->stamp_ids, key));
  if (id != 0)
    {
      append_stamp_use (self, id, device_x, device_y);
      return FALSE;
    }

  id = ++self->n_stamps;
  g_hash_table_insert (self->stamp_ids, g_strdup (key), GUINT_TO_POINTER (id));
  self->drawn_stamp = id;
  self->drawn_stamp_x = device_x;
  self->drawn_stamp_y = device_y;

  self->out = self->stamps;
  g_string_append (self->out, "<g id=\"s");
  append_uint (self->out, id);
  g_string_append (self->out, "\">\n");

  /* drawn at @x, @y, the stamp starts at the origin of the document */
  cairo_save (cr);
  matrix.x0 = matrix.y0 = 0;
  cairo_set_matrix (cr, &matrix);
  cairo_translate (cr, -x, -y);
  return TRUE;
}

void
kr_svg_writer_end_stamp (KrSvgWriter *self,
                         cairo_t     *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->out == self->stamps);

  if (self->inner_stamps > 0)
    {
      self->inner_stamps--;
      return;
    }

  cairo_restore (cr);
  g_string_append (self->out, "</g>\n");
  self->out = self->body;
  append_stamp_use (self, self->drawn_stamp, self->drawn_stamp_x, self->drawn_stamp_y);
}

/* Ends what a drawing left open, innermost first. */
static void
close_all (KrSvgWriter *self)
{
  while (self->groups->len > 0 || self->out != self->body)
    {
      const OpenGroup *group = self->groups->len > 0 ? &g_array_index (self->groups, OpenGroup, self->groups->len - 1)
                                                     : NULL;

      if (group != NULL && group->out == self->out && group->clip)
        kr_svg_writer_pop_clip (self);
      else if (group != NULL && group->out == self->out)
        kr_svg_writer_pop_group (self, 1);
      else if (self->out != self->body)
        {
          self->inner_stamps = 0;
          kr_svg_writer_end_stamp (self, self->cr);
        }
      else
        g_array_set_size (self->groups, self->groups->len - 1);   /* of a stamp ended before it */
    }
}
