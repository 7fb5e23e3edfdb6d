/* kr-layout.h: where phases, lanes and cards of a map are, in map coordinates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-geometry.h"
#include "kr-map.h"

G_BEGIN_DECLS

#define KR_LAYOUT_LANE_HEADER_WIDTH  150.0
#define KR_LAYOUT_PHASE_HEADER_HEIGHT 76.0
#define KR_LAYOUT_CARD_WIDTH         200.0
#define KR_LAYOUT_CARD_HEIGHT         96.0
#define KR_LAYOUT_CELL_PADDING        24.0
#define KR_LAYOUT_PERSONA_BAND_HEIGHT 200.0
#define KR_LAYOUT_PERSONA_CARD_WIDTH 320.0
#define KR_LAYOUT_EMOTION_BAND_HEIGHT 170.0

typedef struct _KrLayout KrLayout;

KrLayout *kr_layout_new              (KrMap        *map);
KrLayout *kr_layout_new_resized      (KrMap        *map,
                                      KrItem       *resized,
                                      double        size);
void      kr_layout_free             (KrLayout     *self);
KrRect    kr_layout_get_bounds       (KrLayout     *self);
KrRect    kr_layout_get_lanes_area   (KrLayout     *self);
double    kr_layout_get_header_top   (KrLayout     *self);
KrRect    kr_layout_get_persona_band (KrLayout     *self);
KrRect    kr_layout_get_persona_card (KrLayout     *self,
                                      guint         index);
KrRect    kr_layout_get_emotion_band (KrLayout     *self);
GPtrArray *kr_layout_get_reading_order (KrLayout   *self,
                                        KrMap      *map);
guint     kr_layout_get_n_phases     (KrLayout     *self);
KrRect    kr_layout_get_phase_column (KrLayout     *self,
                                      guint         index);
KrRect    kr_layout_get_phase_header (KrLayout     *self,
                                      guint         index);
guint     kr_layout_get_n_lanes      (KrLayout     *self);
KrRect    kr_layout_get_lane_row     (KrLayout     *self,
                                      guint         index);
gboolean  kr_layout_get_cell         (KrLayout     *self,
                                      const char   *phase_id,
                                      const char   *lane_id,
                                      KrRect       *cell);
gboolean  kr_layout_find_cell        (KrLayout     *self,
                                      double        x,
                                      double        y,
                                      guint        *phase_index,
                                      guint        *lane_index,
                                      KrRect       *cell);
gboolean  kr_layout_has_lanes        (KrLayout     *self);
gboolean  kr_layout_place_moved_card (KrLayout     *self,
                                      KrMap        *map,
                                      KrTouchpoint *touchpoint,
                                      double        dx,
                                      double        dy,
                                      const char  **phase_id,
                                      const char  **lane_id,
                                      double       *x,
                                      double       *y);
gboolean  kr_layout_get_card_rect    (KrLayout     *self,
                                      KrTouchpoint *touchpoint,
                                      KrRect       *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KrLayout, kr_layout_free)

G_END_DECLS
