/* kr-svg-text-renderer.h: hands the glyphs Pango places for a layout to a function
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* @x, @y: where @glyphs start, in Pango units from the layout's origin */
typedef void (*KrSvgGlyphsFunc) (PangoFont        *font,
                                 PangoGlyphString *glyphs,
                                 int               x,
                                 int               y,
                                 gpointer          user_data);

/* Pango 1.50 declares no cleanup for its renderer type, which G_DECLARE_FINAL_TYPE needs */
#if !PANGO_VERSION_CHECK (1, 51, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PangoRenderer, g_object_unref)
#endif

#define KR_TYPE_SVG_TEXT_RENDERER (kr_svg_text_renderer_get_type ())

G_DECLARE_FINAL_TYPE (KrSvgTextRenderer, kr_svg_text_renderer, KR, SVG_TEXT_RENDERER, PangoRenderer)

KrSvgTextRenderer *kr_svg_text_renderer_new (KrSvgGlyphsFunc func,
                                             gpointer        user_data);

G_END_DECLS
