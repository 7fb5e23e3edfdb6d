/* kr-spatial-index.h: which things lie in a rectangle or under a point, without looking at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-geometry.h"

G_BEGIN_DECLS

typedef struct _KrSpatialIndex KrSpatialIndex;

typedef struct
{
  gpointer data;
  KrRect   bounds;
} KrSpatialEntry;

/* Called for each entry found; the index must not be changed from inside. */
typedef void (*KrSpatialIndexFunc) (gpointer      data,
                                    const KrRect *bounds,
                                    gpointer      user_data);

KrSpatialIndex *kr_spatial_index_new        (void);
void            kr_spatial_index_free       (KrSpatialIndex       *self);
void            kr_spatial_index_build      (KrSpatialIndex       *self,
                                             const KrSpatialEntry *entries,
                                             guint                 n_entries);
void            kr_spatial_index_clear      (KrSpatialIndex       *self);
guint           kr_spatial_index_get_size   (KrSpatialIndex       *self);

void            kr_spatial_index_insert     (KrSpatialIndex       *self,
                                             gpointer              data,
                                             const KrRect         *bounds);
gboolean        kr_spatial_index_remove     (KrSpatialIndex       *self,
                                             gpointer              data);
gboolean        kr_spatial_index_move       (KrSpatialIndex       *self,
                                             gpointer              data,
                                             const KrRect         *bounds);
gboolean        kr_spatial_index_raise      (KrSpatialIndex       *self,
                                             gpointer              data);
gboolean        kr_spatial_index_contains   (KrSpatialIndex       *self,
                                             gpointer              data);
gboolean        kr_spatial_index_get_bounds (KrSpatialIndex       *self,
                                             gpointer              data,
                                             KrRect               *bounds);

void            kr_spatial_index_foreach    (KrSpatialIndex       *self,
                                             const KrRect         *rect,
                                             KrSpatialIndexFunc    func,
                                             gpointer              user_data);
GPtrArray      *kr_spatial_index_query      (KrSpatialIndex       *self,
                                             const KrRect         *rect);
void            kr_spatial_index_query_bounds (KrSpatialIndex     *self,
                                               const KrRect       *rect,
                                               GArray             *bounds);
gpointer        kr_spatial_index_hit_test   (KrSpatialIndex       *self,
                                             double                x,
                                             double                y);
void            kr_spatial_index_sort       (KrSpatialIndex       *self,
                                             GPtrArray            *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KrSpatialIndex, kr_spatial_index_free)

G_END_DECLS
