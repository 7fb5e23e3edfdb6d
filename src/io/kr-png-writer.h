/* kr-png-writer.h: PNG files from cairo image surfaces, with their physical resolution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _KrPngWriter KrPngWriter;

KrPngWriter     *kr_png_writer_new        (cairo_format_t   format,
                                           int              width,
                                           int              height,
                                           double           dpi);
cairo_surface_t *kr_png_writer_begin_rows (KrPngWriter     *self,
                                           int             *first_row,
                                           int             *n_rows);
void             kr_png_writer_end_rows   (KrPngWriter     *self);
GBytes          *kr_png_writer_finish     (KrPngWriter     *self,
                                           GError         **error);
void             kr_png_writer_free       (KrPngWriter     *self);

GBytes          *kr_png_writer_encode     (cairo_surface_t *surface,
                                           double           dpi,
                                           GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KrPngWriter, kr_png_writer_free)

G_END_DECLS
