/* kr-svg-text-renderer.c
 *
 * Pango works out lines, alignment, runs and ellipses; this renderer only passes on the
 * glyph strings it is asked to draw, so the SVG writer can place each glyph itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-svg-text-renderer.h"

struct _KrSvgTextRenderer
{
  PangoRenderer parent_instance;

  KrSvgGlyphsFunc func;
  gpointer user_data;
};

G_DEFINE_FINAL_TYPE (KrSvgTextRenderer, kr_svg_text_renderer, PANGO_TYPE_RENDERER)

static void
kr_svg_text_renderer_draw_glyphs (PangoRenderer    *renderer,
                                  PangoFont        *font,
                                  PangoGlyphString *glyphs,
                                  int               x,
                                  int               y)
{
  KrSvgTextRenderer *self = KR_SVG_TEXT_RENDERER (renderer);

  self->func (font, glyphs, x, y, self->user_data);
}

/* Kringel sets no underline or strikethrough; should a layout ever ask for a rectangle or
 * trapezoid, it is left out rather than drawn wrong. */
static void
kr_svg_text_renderer_draw_rectangle (PangoRenderer   *renderer,
                                     PangoRenderPart  part,
                                     int              x,
                                     int              y,
                                     int              width,
                                     int              height)
{
}

static void
kr_svg_text_renderer_draw_trapezoid (PangoRenderer   *renderer,
                                     PangoRenderPart  part,
                                     double           y1,
                                     double           x11,
                                     double           x21,
                                     double           y2,
                                     double           x12,
                                     double           x22)
{
}

static void
kr_svg_text_renderer_class_init (KrSvgTextRendererClass *klass)
{
  PangoRendererClass *renderer_class = PANGO_RENDERER_CLASS (klass);

  renderer_class->draw_glyphs = kr_svg_text_renderer_draw_glyphs;
  renderer_class->draw_rectangle = kr_svg_text_renderer_draw_rectangle;
  renderer_class->draw_trapezoid = kr_svg_text_renderer_draw_trapezoid;
}

static void
kr_svg_text_renderer_init (KrSvgTextRenderer *self)
{
}

KrSvgTextRenderer *
kr_svg_text_renderer_new (KrSvgGlyphsFunc func,
                          gpointer        user_data)
{
  KrSvgTextRenderer *self = g_object_new (KR_TYPE_SVG_TEXT_RENDERER, NULL);

  self->func = func;
  self->user_data = user_data;
  return self;
}
