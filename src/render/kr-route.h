/* kr-route.h: the curve of a connection between two cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-geometry.h"

G_BEGIN_DECLS

typedef enum {
  KR_ROUTE_FORWARD,    /* left to right */
  KR_ROUTE_VERTICAL,   /* up or down within overlapping columns */
  KR_ROUTE_BACKWARD,   /* a loop back, arcing over the cards in between */
  KR_ROUTE_SELF,       /* a card to itself */
} KrRouteKind;

typedef struct
{
  KrRouteKind kind;
  KrPoint points[4];   /* a cubic Bézier: start, two controls, end */
} KrRoute;

void    kr_route_connection   (const KrRect *from,
                               const KrRect *to,
                               gboolean      self_loop,
                               int           lane_index,
                               const KrRect *obstacles,
                               guint         n_obstacles,
                               const KrRect *corridor,
                               KrRoute      *route);
void    kr_route_connection_with_reach (const KrRect *from,
                                        const KrRect *to,
                                        gboolean      self_loop,
                                        int           lane_index,
                                        const KrRect *obstacles,
                                        guint         n_obstacles,
                                        const KrRect *corridor,
                                        KrRoute      *route,
                                        KrRect       *reach);
KrRouteKind kr_route_classify (const KrRect *from,
                               const KrRect *to,
                               gboolean      self_loop);
void    kr_route_get_obstacle_span (const KrRect *from,
                                    const KrRect *to,
                                    double       *left,
                                    double       *right);
KrPoint kr_route_point_at     (const KrRoute *route,
                               double         t);
KrPoint kr_route_tangent_at   (const KrRoute *route,
                               double         t);
KrRect  kr_route_get_bounds   (const KrRoute *route);

G_END_DECLS
