/* kr-paint.c
 *
 * The renderer draws through these calls only. On a context of an SVG writer they write
 * SVG elements (see kr-svg-writer.c); on any other context they are cairo's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <pango/pangocairo.h>

#include "kr-paint.h"
#include "kr-svg-writer.h"

void
kr_paint_fill (cairo_t *cr)
{
  KrSvgWriter *svg = kr_svg_writer_from_context (cr);

  if (svg == NULL)
    {
      cairo_fill (cr);
      return;
    }
  kr_svg_writer_fill (svg, cr);
  cairo_new_path (cr);
}

void
kr_paint_fill_preserve (cairo_t *cr)
{
  KrSvgWriter *svg = kr_svg_writer_from_context (cr);

  if (svg == NULL)
    cairo_fill_preserve (cr);
  else
    kr_svg_writer_fill (svg, cr);
}

void
kr_paint_stroke (cairo_t *cr)
{
  KrSvgWriter *svg = kr_svg_writer_from_context (cr);

  if (svg == NULL)
    {
      cairo_stroke (cr);
      return;
    }
  kr_svg_writer_stroke (svg, cr);
  cairo_new_path (cr);
}

/* cairo_paint(): the source everywhere inside the clip. */
void
kr_paint_source (cairo_t *cr)
{
  KrSvgWriter *svg = kr_svg_writer_from_context (cr);

  if (svg == NULL)
    cairo_paint (cr);
  else
    kr_svg_writer_paint (svg, cr);
}

/* Draws @layout at the current point in the source colour, as pango_cairo_show_layout(). */
void
kr_paint_layout (cairo_t     *cr,
                 PangoLayout *layout)
{
  KrSvgWriter *svg = kr_svg_writer_from_context (cr);

  if (svg == NULL)
    pango_cairo_show_layout (cr, layout);
  else
    kr_svg_writer_show_layout (svg, cr, layout);
}

/* Saves the context's state and clips to its path, which is consumed, until
 * kr_paint_pop_clip() restores the state. */
void
kr_paint_push_clip (cairo_t *cr)
{
  KrSvgWriter *svg = kr_svg_writer_from_context (cr);

  cairo_save (cr);
  if (svg == NULL)
    {
      cairo_clip (cr);
      return;
    }
  kr_svg_writer_push_clip (svg, cr);
  cairo_new_path (cr);
}

void
kr_paint_pop_clip (cairo_t *cr)
{
  KrSvgWriter *svg = kr_svg_writer_from_context (cr);

  if (svg != NULL)
    kr_svg_writer_pop_clip (svg);
  cairo_restore (cr);
}

/* What is drawn until kr_paint_pop_group_with_alpha() is painted as one, translucent. */
void
kr_paint_push_group (cairo_t *cr)
{
  KrSvgWriter *svg = kr_svg_writer_from_context (cr);

  if (svg == NULL)
    cairo_push_group (cr);
  else
    kr_svg_writer_push_group (svg);
}

void
kr_paint_pop_group_with_alpha (cairo_t *cr,
                               double   alpha)
{
  KrSvgWriter *svg = kr_svg_writer_from_context (cr);

  if (svg != NULL)
    {
      kr_svg_writer_pop_group (svg, alpha);
      return;
    }
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, alpha);
}

/* Starts drawing what @key names at @x, @y. Returns %TRUE when the caller is to draw it
 * now, as usual, and then call kr_paint_end_stamp(): always on cairo surfaces, once per
 * @key on an SVG writer's context, which refers to that drawing wherever it is used. */
gboolean
kr_paint_begin_stamp (cairo_t    *cr,
                      const char *key,
                      double      x,
                      double      y)
{
  KrSvgWriter *svg = kr_svg_writer_from_context (cr);

  return svg == NULL || kr_svg_writer_begin_stamp (svg, cr, key, x, y);
}

void
kr_paint_end_stamp (cairo_t *cr)
{
  KrSvgWriter *svg = kr_svg_writer_from_context (cr);

  if (svg != NULL)
    kr_svg_writer_end_stamp (svg, cr);
}

/* Whether kr_paint_begin_stamp() draws each stamp only once on @cr. */
gboolean
kr_paint_has_stamps (cairo_t *cr)
{
  return kr_svg_writer_from_context (cr) != NULL;
}

/* Whether @cr draws into a document of shapes (PDF, SVG, PostScript) rather than pixels. */
gboolean
kr_paint_is_vector (cairo_t *cr)
{
  cairo_surface_type_t type;

  if (kr_svg_writer_from_context (cr) != NULL)
    return TRUE;
  type = cairo_surface_get_type (cairo_get_target (cr));
  return type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_SVG || type == CAIRO_SURFACE_TYPE_PS;
}

/* A cairo_write_func_t for writing PNG and PDF streams into a GByteArray. */
cairo_status_t
kr_paint_append_to_byte_array (void                *byte_array,
                               const unsigned char *data,
                               unsigned int         length)
{
  g_byte_array_append (byte_array, data, length);
  return CAIRO_STATUS_SUCCESS;
}
