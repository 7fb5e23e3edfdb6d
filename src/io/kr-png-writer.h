/* kr-png-writer.h: PNG files from cairo image surfaces, with their physical resolution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

GBytes *kr_png_writer_encode (cairo_surface_t *surface,
                              double           dpi,
                              GError         **error);

G_END_DECLS
