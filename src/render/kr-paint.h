/* kr-paint.h: the drawing calls of the renderer, for cairo surfaces and the SVG writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

void     kr_paint_fill                 (cairo_t     *cr);
void     kr_paint_fill_preserve        (cairo_t     *cr);
void     kr_paint_stroke               (cairo_t     *cr);
void     kr_paint_source               (cairo_t     *cr);
void     kr_paint_layout               (cairo_t     *cr,
                                        PangoLayout *layout);
void     kr_paint_push_clip            (cairo_t     *cr);
void     kr_paint_pop_clip             (cairo_t     *cr);
void     kr_paint_push_group           (cairo_t     *cr);
void     kr_paint_pop_group_with_alpha (cairo_t     *cr,
                                        double       alpha);
gboolean kr_paint_begin_stamp          (cairo_t     *cr,
                                        const char  *key,
                                        double       x,
                                        double       y);
void     kr_paint_end_stamp            (cairo_t     *cr);
gboolean kr_paint_has_stamps           (cairo_t     *cr);
gboolean kr_paint_is_vector            (cairo_t     *cr);

cairo_status_t kr_paint_append_to_byte_array (void                *byte_array,
                                              const unsigned char *data,
                                              unsigned int         length);

G_END_DECLS
