/* kr-svg-writer.h: an SVG document written straight from the renderer's drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _KrSvgWriter KrSvgWriter;

KrSvgWriter *kr_svg_writer_new           (double        width,
                                          double        height);
void         kr_svg_writer_free          (KrSvgWriter  *self);
void         kr_svg_writer_set_title     (KrSvgWriter  *self,
                                          const char   *title);
cairo_t     *kr_svg_writer_get_context   (KrSvgWriter  *self);
KrSvgWriter *kr_svg_writer_from_context  (cairo_t      *cr);
GBytes      *kr_svg_writer_finish        (KrSvgWriter  *self);

void         kr_svg_writer_fill          (KrSvgWriter  *self,
                                          cairo_t      *cr);
void         kr_svg_writer_stroke        (KrSvgWriter  *self,
                                          cairo_t      *cr);
void         kr_svg_writer_paint         (KrSvgWriter  *self,
                                          cairo_t      *cr);
void         kr_svg_writer_show_layout   (KrSvgWriter  *self,
                                          cairo_t      *cr,
                                          PangoLayout  *layout);
void         kr_svg_writer_push_clip     (KrSvgWriter  *self,
                                          cairo_t      *cr);
void         kr_svg_writer_pop_clip      (KrSvgWriter  *self);
gboolean     kr_svg_writer_begin_stamp   (KrSvgWriter  *self,
                                          cairo_t      *cr,
                                          const char   *key,
                                          double        x,
                                          double        y);
void         kr_svg_writer_end_stamp     (KrSvgWriter  *self,
                                          cairo_t      *cr);
void         kr_svg_writer_push_group    (KrSvgWriter  *self);
void         kr_svg_writer_pop_group     (KrSvgWriter  *self,
                                          double        opacity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KrSvgWriter, kr_svg_writer_free)

G_END_DECLS
