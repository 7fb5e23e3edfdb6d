/* kr-renderer.h: the one renderer of maps, for screen, export and projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "kr-geometry.h"
#include "kr-map.h"
#include "kr-route.h"
#include "kr-theme.h"

G_BEGIN_DECLS

typedef enum {
  KR_RENDER_DEFAULT        = 0,
  KR_RENDER_NO_BACKGROUND  = 1 << 0,   /* leave the background transparent */
  KR_RENDER_NO_NOTES       = 1 << 1,   /* layers an export may leave out */
  KR_RENDER_NO_PERSONAS    = 1 << 2,
  KR_RENDER_NO_EMOTION_CURVE = 1 << 3,
  KR_RENDER_NO_PHASE_ROWS  = 1 << 4,
  KR_RENDER_NO_GRID        = 1 << 5,
  /* a drag in two layers: all but the dragged cards and their arrows, or only those */
  KR_RENDER_STATIC_LAYER   = 1 << 6,
  KR_RENDER_MOVING_LAYER   = 1 << 7,
} KrRenderFlags;

#define KR_RENDER_HAS_DRAG_LAYERS 1

typedef enum {
  KR_PICK_NOTHING,
  KR_PICK_CARD,          /* item: the touchpoint */
  KR_PICK_CONNECTION,    /* item: the connection */
  KR_PICK_PHASE_HEADER,  /* item: the phase */
  KR_PICK_PHASE_EDGE,    /* item: the phase whose right edge it is */
  KR_PICK_LANE_HEADER,   /* item: the lane */
  KR_PICK_LANE_EDGE,     /* item: the lane whose bottom edge it is */
  KR_PICK_CELL,          /* empty space in a cell: phase and lane (NULL without lanes) */
} KrPickKind;

typedef struct
{
  KrPickKind kind;
  KrItem    *item;
  KrPhase   *phase;   /* the column under the point, if any */
  KrLane    *lane;    /* the row under the point, if any */
  KrRect     cell;    /* the cell of phase and lane */
} KrPick;

typedef void (*KrRouteFunc) (KrConnection  *connection,
                             const KrRoute *route,
                             gpointer       user_data);

#define KR_TYPE_RENDERER (kr_renderer_get_type ())
G_DECLARE_FINAL_TYPE (KrRenderer, kr_renderer, KR, RENDERER, GObject)

KrRenderer *kr_renderer_new       (KrThemeId      theme);
void        kr_renderer_preload_fonts (KrThemeId   theme);
void        kr_renderer_wait_for_fonts (void);
KrThemeId   kr_renderer_get_theme (KrRenderer    *self);
void        kr_renderer_set_theme (KrRenderer    *self,
                                   KrThemeId      theme);
KrRect      kr_renderer_get_extent (KrRenderer  *self,
                                    KrMap       *map);
void        kr_renderer_draw      (KrRenderer    *self,
                                   cairo_t       *cr,
                                   KrMap         *map,
                                   const KrRect  *viewport,
                                   KrRenderFlags  flags);
void        kr_rounded_rect_path      (cairo_t      *cr,
                                       const KrRect *rect,
                                       double        radius);
void        kr_renderer_draw_headers (KrRenderer *self,
                                      cairo_t    *cr,
                                      KrMap      *map,
                                      const KrRect *viewport);
void        kr_renderer_set_move_preview   (KrRenderer *self,
                                            GPtrArray  *touchpoints,
                                            double      dx,
                                            double      dy);
void        kr_renderer_set_resize_preview (KrRenderer *self,
                                            KrItem     *phase_or_lane,
                                            double      size);
void        kr_renderer_clear_preview      (KrRenderer *self);
void        kr_renderer_set_highlight_persona (KrRenderer *self,
                                               const char *persona_id);
void        kr_renderer_set_filter_persona    (KrRenderer *self,
                                               const char *persona_id);
void        kr_renderer_foreach_route      (KrRenderer   *self,
                                            KrMap        *map,
                                            const KrRect *area,
                                            KrRouteFunc   func,
                                            gpointer      user_data);
gboolean    kr_renderer_get_card_rect      (KrRenderer   *self,
                                            KrMap        *map,
                                            KrTouchpoint *touchpoint,
                                            KrRect       *rect);
GPtrArray  *kr_renderer_get_cards_in       (KrRenderer   *self,
                                            KrMap        *map,
                                            const KrRect *area);
void        kr_renderer_pick               (KrRenderer *self,
                                            KrMap      *map,
                                            double      x,
                                            double      y,
                                            double      tolerance,
                                            KrPick     *pick);

G_END_DECLS
