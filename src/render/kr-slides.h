/* kr-slides.h: what each stop of a presentation shows, in map coordinates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-geometry.h"
#include "kr-layout.h"

G_BEGIN_DECLS

/* Map units around what a stop shows; less than the cell padding, so no sliver of the
 * persona panels above the headers shows at the top of a phase. */
#define KR_SLIDE_MARGIN 20.0

/* A spotlit card sits in the left half of the screen, its notes in the right half. */
#define KR_SLIDE_SPOTLIGHT_CARD_CENTER 0.25  /* of the screen's width */
#define KR_SLIDE_SPOTLIGHT_CARD_SHARE  0.30  /* the card's part of the screen's width */
#define KR_SLIDE_SPOTLIGHT_NOTES_START 0.50  /* where the notes begin, of the width */

KrRect kr_slide_get_phase_area (KrLayout     *layout,
                                guint         phase_index);
KrRect kr_slide_get_phase      (KrLayout     *layout,
                                guint         phase_index);
KrRect kr_slide_get_overview   (const KrRect *extent);
KrRect kr_slide_get_spotlight  (const KrRect *card,
                                double        aspect);
KrRect kr_slide_keep_within    (const KrRect *viewport,
                                const KrRect *bounds);

G_END_DECLS
