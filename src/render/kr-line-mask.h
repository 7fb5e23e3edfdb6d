/* kr-line-mask.h: many antialiased curves drawn at once, for the arrows of a map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "kr-geometry.h"

G_BEGIN_DECLS

typedef struct _KrLineMask KrLineMask;

KrLineMask *kr_line_mask_new       (cairo_t        *cr);
void        kr_line_mask_free      (KrLineMask     *self);
void        kr_line_mask_add_curve (KrLineMask     *self,
                                    const KrPoint   points[4],
                                    double          width,
                                    const double   *dashes,
                                    guint           n_dashes);
void        kr_line_mask_set_max_threads (KrLineMask *self,
                                          guint       n_threads);
void        kr_line_mask_paint     (KrLineMask     *self,
                                    cairo_t        *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KrLineMask, kr_line_mask_free)

G_END_DECLS
