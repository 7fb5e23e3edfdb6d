/* kr-png-writer-private.h: for tests, writers with a chosen number of worker threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-png-writer.h"

G_BEGIN_DECLS

/* The rows of one deflate stream: the file's bytes depend on it, never on the workers. */
#define KR_PNG_WRITER_BAND_ROWS 64

KrPngWriter *kr_png_writer_new_with_workers    (cairo_format_t   format,
                                                int              width,
                                                int              height,
                                                double           dpi,
                                                guint            n_workers);
GBytes      *kr_png_writer_encode_with_workers (cairo_surface_t *surface,
                                                double           dpi,
                                                guint            n_workers,
                                                GError         **error);

G_END_DECLS
