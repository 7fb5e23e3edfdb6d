/* kr-scene.h: what the renderer keeps of one map between frames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-layout.h"
#include "kr-map.h"
#include "kr-route.h"
#include "kr-spatial-index.h"

G_BEGIN_DECLS

/* The curve of one connection, as last routed. */
typedef struct
{
  KrConnection *connection;
  KrTouchpoint *from;       /* NULL when an end is not on the map: not drawn */
  KrTouchpoint *to;
  guint         position;   /* in the map's list of connections: the drawing order */
  int           fan;        /* of parallel arrows between the same two cards */
  KrRoute       route;
  KrRect        bounds;     /* of the curve */
  KrRect        reach;      /* where other cards sway it (loops back only) */
} KrSceneRoute;

/* Cards drawn somewhere else than the model says (a drag in progress). */
typedef struct
{
  GHashTable *moved;        /* KrTouchpoint set, or NULL */
  double      dx;
  double      dy;
} KrSceneMove;

typedef struct _KrScene KrScene;

KrScene            *kr_scene_new            (KrMap              *map,
                                             KrItem             *resized,
                                             double              resized_size);
void                kr_scene_free           (KrScene            *self);
gboolean            kr_scene_is_for         (KrScene            *self,
                                             KrMap              *map,
                                             KrItem             *resized,
                                             double              resized_size);
void                kr_scene_update         (KrScene            *self);

KrLayout           *kr_scene_get_layout     (KrScene            *self);
KrSpatialIndex     *kr_scene_get_cards      (KrScene            *self);
KrSpatialIndex     *kr_scene_get_routes     (KrScene            *self);
GPtrArray          *kr_scene_get_all_routes (KrScene            *self);
const KrSceneRoute *kr_scene_get_route      (KrScene            *self,
                                             KrConnection       *connection);
KrRect              kr_scene_get_extent     (KrScene            *self);
gboolean            kr_scene_get_card_rect  (KrScene            *self,
                                             KrTouchpoint       *touchpoint,
                                             const KrSceneMove  *move,
                                             KrRect             *rect);
GPtrArray          *kr_scene_collect_affected (KrScene          *self,
                                               const KrSceneMove *move,
                                               gboolean          with_loops);
guint64             kr_scene_get_version    (KrScene            *self);
guint64             kr_scene_get_card_version (KrScene          *self,
                                               KrTouchpoint     *touchpoint);
void                kr_scene_reroute        (KrScene            *self,
                                             const KrSceneRoute *route,
                                             const KrSceneMove  *move,
                                             KrSceneRoute       *moved_route);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KrScene, kr_scene_free)

G_END_DECLS
