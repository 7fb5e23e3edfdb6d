/* kr-spatial-index.c
 *
 * A hierarchy of uniform grids ("loose" grids). An entry lives in exactly one cell: that of
 * its top-left corner, on the finest level whose cells are at least as large as the entry.
 * An entry can therefore reach at most one cell further right and down, so a query looks at
 * the cells its rectangle covers plus one row and column before them, on each level that
 * holds anything. Cards (200 × 96) all sit on the finest level; the long arcs of loops go to
 * coarser ones, where cells are few. Only cells holding entries exist (a hash table per
 * level), and a query over more cells than exist walks the existing ones instead: the cost
 * follows what is found, not the size of the map or of the rectangle.
 *
 * Every entry carries a stacking order (later inserted or raised is higher): hit tests
 * return the highest entry under the point and kr_spatial_index_query() returns its results
 * bottom to top, the order to draw them in. A query over everything (a big map seen whole)
 * takes the entries from a list kept in that order until the index changes, instead of
 * sorting them again for every frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "kr-spatial-index.h"

#define BASE_CELL_SIZE 256.0
#define LEVEL_FACTOR   4.0
#define N_LEVELS       12      /* cells of 256 up to 256 · 4^11 ≈ 1e9 map units */
#define CELL_LIMIT     1e9     /* cell coordinates fit in 32 bits */

typedef struct _Bucket Bucket;

typedef struct
{
  gpointer data;
  KrRect bounds;
  guint64 z;
  Bucket *bucket;   /* NULL for an oversize entry */
  guint slot;       /* position in bucket->entries, or in the oversize array */
} Entry;

struct _Bucket
{
  guint64 key;         /* first: the hash table's key points here */
  gint32 column, row;
  GPtrArray *entries;  /* Entry, unordered */
};

typedef struct
{
  double cell_size;
  GHashTable *buckets;   /* guint64 cell key → Bucket */
  /* every cell ever used lies in these, so far-away queries end at once */
  gint32 first_column, last_column, first_row, last_row;
} Level;

struct _KrSpatialIndex
{
  Level levels[N_LEVELS];
  GHashTable *entries;   /* data → Entry */
  GPtrArray *oversize;   /* Entry too large or too far out for any grid; searched one by one */
  guint64 next_z;
  GPtrArray *stacked;    /* every Entry, bottom to top; NULL after a change */
  double left, top, right, bottom;   /* holds every entry placed since the last clear */
};

static guint
cell_key_hash (gconstpointer key)
{
  guint64 value = *(const guint64 *) key;
  guint32 column = value >> 32, row = (guint32) value;

  return column * 73856093u ^ row * 19349663u;
}

static gboolean
cell_key_equal (gconstpointer a,
                gconstpointer b)
{
  return *(const guint64 *) a == *(const guint64 *) b;
}

static guint64
make_cell_key (gint32 column,
               gint32 row)
{
  return ((guint64) (guint32) column << 32) | (guint32) row;
}

static void
bucket_free (gpointer data)
{
  Bucket *bucket = data;

  g_ptr_array_unref (bucket->entries);
  g_free (bucket);
}

static gint32
cell_of (double coordinate,
         double cell_size)
{
  if (isnan (coordinate))
    return 0;

  return (gint32) CLAMP (floor (coordinate / cell_size), -CELL_LIMIT, CELL_LIMIT);
}

KrSpatialIndex *
kr_spatial_index_new (void)
{
  KrSpatialIndex *self = g_new0 (KrSpatialIndex, 1);
  double cell_size = BASE_CELL_SIZE;

  for (guint i = 0; i < N_LEVELS; i++, cell_size *= LEVEL_FACTOR)
    self->levels[i].cell_size = cell_size;

  self->entries = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->oversize = g_ptr_array_new ();
  self->left = self->top = G_MAXDOUBLE;
  self->right = self->bottom = -G_MAXDOUBLE;

  return self;
}

void
kr_spatial_index_free (KrSpatialIndex *self)
{
  if (self == NULL)
    return;

  kr_spatial_index_clear (self);
  g_hash_table_unref (self->entries);
  g_ptr_array_unref (self->oversize);
  g_free (self);
}

void
kr_spatial_index_clear (KrSpatialIndex *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < N_LEVELS; i++)
    g_clear_pointer (&self->levels[i].buckets, g_hash_table_unref);

  g_ptr_array_set_size (self->oversize, 0);
  g_clear_pointer (&self->stacked, g_ptr_array_unref);
  g_hash_table_remove_all (self->entries);
  self->next_z = 0;
  self->left = self->top = G_MAXDOUBLE;
  self->right = self->bottom = -G_MAXDOUBLE;
}

guint
kr_spatial_index_get_size (KrSpatialIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->entries);
}

static gboolean
rect_is_valid (const KrRect *rect)
{
  return rect != NULL && isfinite (rect->x) && isfinite (rect->y) &&
         isfinite (rect->width) && isfinite (rect->height) &&
         rect->width >= 0 && rect->height >= 0;
}

/* The finest level whose cells hold @bounds, or -1 if none does. */
static int
level_for (KrSpatialIndex *self,
           const KrRect   *bounds)
{
  double extent = MAX (bounds->width, bounds->height);
  double limit = CELL_LIMIT * BASE_CELL_SIZE;

  if (fabs (bounds->x) >= limit || fabs (bounds->y) >= limit)
    return -1;

  for (guint i = 0; i < N_LEVELS; i++)
    if (extent <= self->levels[i].cell_size)
      return i;

  return -1;
}

static void
place_entry (KrSpatialIndex *self,
             Entry          *entry)
{
  int level_index = level_for (self, &entry->bounds);
  Level *level;
  gint32 column, row;
  guint64 key;
  Bucket *bucket;

  g_clear_pointer (&self->stacked, g_ptr_array_unref);
  self->left = MIN (self->left, entry->bounds.x);
  self->top = MIN (self->top, entry->bounds.y);
  self->right = MAX (self->right, kr_rect_right (&entry->bounds));
  self->bottom = MAX (self->bottom, kr_rect_bottom (&entry->bounds));

  if (level_index < 0)
    {
      entry->bucket = NULL;
      entry->slot = self->oversize->len;
      g_ptr_array_add (self->oversize, entry);
      return;
    }

  level = &self->levels[level_index];
  if (level->buckets == NULL)
    level->buckets = g_hash_table_new_full (cell_key_hash, cell_key_equal, NULL, bucket_free);

  column = cell_of (entry->bounds.x, level->cell_size);
  row = cell_of (entry->bounds.y, level->cell_size);
  key = make_cell_key (column, row);

  if (g_hash_table_size (level->buckets) == 0)
    {
      level->first_column = level->last_column = column;
      level->first_row = level->last_row = row;
    }
  level->first_column = MIN (level->first_column, column);
  level->last_column = MAX (level->last_column, column);
  level->first_row = MIN (level->first_row, row);
  level->last_row = MAX (level->last_row, row);

  bucket = g_hash_table_lookup (level->buckets, &key);
  if (bucket == NULL)
    {
      bucket = g_new (Bucket, 1);
      *bucket = (Bucket) { key, column, row, g_ptr_array_new () };
      g_hash_table_insert (level->buckets, &bucket->key, bucket);
    }

  entry->bucket = bucket;
  entry->slot = bucket->entries->len;
  g_ptr_array_add (bucket->entries, entry);
}

/* Takes @entry out of its cell in O(1): the last entry of the cell fills the gap. */
static void
unplace_entry (KrSpatialIndex *self,
               Entry          *entry)
{
  GPtrArray *entries = entry->bucket ? entry->bucket->entries : self->oversize;
  Entry *last = g_ptr_array_index (entries, entries->len - 1);

  g_assert (g_ptr_array_index (entries, entry->slot) == entry);
  g_clear_pointer (&self->stacked, g_ptr_array_unref);

  entries->pdata[entry->slot] = last;
  last->slot = entry->slot;
  g_ptr_array_set_size (entries, entries->len - 1);

  if (entry->bucket != NULL && entries->len == 0)
    {
      int level_index = level_for (self, &entry->bounds);

      g_hash_table_remove (self->levels[level_index].buckets, &entry->bucket->key);
    }

  entry->bucket = NULL;
}

/**
 * kr_spatial_index_insert:
 *
 * Adds @data with @bounds above everything already in the index; if @data is in the index
 * already, it moves there and comes to the top.
 */
void
kr_spatial_index_insert (KrSpatialIndex *self,
                         gpointer        data,
                         const KrRect   *bounds)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (rect_is_valid (bounds));

  entry = g_hash_table_lookup (self->entries, data);
  if (entry != NULL)
    {
      kr_spatial_index_move (self, data, bounds);
      kr_spatial_index_raise (self, data);
      return;
    }

  entry = g_new (Entry, 1);
  *entry = (Entry) { data, *bounds, self->next_z++, NULL, 0 };
  g_hash_table_insert (self->entries, data, entry);
  place_entry (self, entry);
}

/**
 * kr_spatial_index_build:
 *
 * Replaces the contents of the index with @entries, stacked in their order (the last on top).
 */
void
kr_spatial_index_build (KrSpatialIndex       *self,
                        const KrSpatialEntry *entries,
                        guint                 n_entries)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (entries != NULL || n_entries == 0);

  kr_spatial_index_clear (self);
  for (guint i = 0; i < n_entries; i++)
    kr_spatial_index_insert (self, entries[i].data, &entries[i].bounds);
}

gboolean
kr_spatial_index_remove (KrSpatialIndex *self,
                         gpointer        data)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, data);
  if (entry == NULL)
    return FALSE;

  unplace_entry (self, entry);
  g_hash_table_remove (self->entries, data);
  return TRUE;
}

/* Gives @data new @bounds, keeping its place in the stacking order. */
gboolean
kr_spatial_index_move (KrSpatialIndex *self,
                       gpointer        data,
                       const KrRect   *bounds)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rect_is_valid (bounds), FALSE);

  entry = g_hash_table_lookup (self->entries, data);
  if (entry == NULL)
    return FALSE;

  unplace_entry (self, entry);
  entry->bounds = *bounds;
  place_entry (self, entry);
  return TRUE;
}

/* Puts @data above every other entry. */
gboolean
kr_spatial_index_raise (KrSpatialIndex *self,
                        gpointer        data)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, data);
  if (entry == NULL)
    return FALSE;

  entry->z = self->next_z++;
  g_clear_pointer (&self->stacked, g_ptr_array_unref);
  return TRUE;
}

gboolean
kr_spatial_index_contains (KrSpatialIndex *self,
                           gpointer        data)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->entries, data);
}

gboolean
kr_spatial_index_get_bounds (KrSpatialIndex *self,
                             gpointer        data,
                             KrRect         *bounds)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, data);
  if (entry == NULL)
    return FALSE;

  if (bounds != NULL)
    *bounds = entry->bounds;
  return TRUE;
}

typedef void (*EntryFunc) (Entry    *entry,
                           gpointer  user_data);

static void
visit_bucket (Bucket    *bucket,
              EntryFunc  func,
              gpointer   user_data)
{
  for (guint i = 0; i < bucket->entries->len; i++)
    func (g_ptr_array_index (bucket->entries, i), user_data);
}

/* Calls @func, in no particular order, for every entry that may reach into @rect (or onto
 * the point, when @rect is empty): a superset that @func must check. */
static void
visit_candidates (KrSpatialIndex *self,
               const KrRect   *rect,
               EntryFunc       func,
               gpointer        user_data)
{
  for (guint i = 0; i < N_LEVELS; i++)
    {
      Level *level = &self->levels[i];
      gint32 first_column, last_column, first_row, last_row;
      double n_cells;

      if (level->buckets == NULL || g_hash_table_size (level->buckets) == 0)
        continue;

      /* an entry of this level reaching into @rect has its corner at most a cell before it */
      first_column = MAX (cell_of (rect->x, level->cell_size) - 1, level->first_column);
      last_column = MIN (cell_of (kr_rect_right (rect), level->cell_size), level->last_column);
      first_row = MAX (cell_of (rect->y, level->cell_size) - 1, level->first_row);
      last_row = MIN (cell_of (kr_rect_bottom (rect), level->cell_size), level->last_row);
      if (first_column > last_column || first_row > last_row)
        continue;

      n_cells = ((double) last_column - first_column + 1) * ((double) last_row - first_row + 1);

      if (n_cells > g_hash_table_size (level->buckets))
        {
          GHashTableIter iter;
          Bucket *bucket;

          g_hash_table_iter_init (&iter, level->buckets);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &bucket))
            if (bucket->column >= first_column && bucket->column <= last_column &&
                bucket->row >= first_row && bucket->row <= last_row)
              visit_bucket (bucket, func, user_data);
          continue;
        }

      for (gint32 column = first_column; column <= last_column; column++)
        for (gint32 row = first_row; row <= last_row; row++)
          {
            guint64 key = make_cell_key (column, row);
            Bucket *bucket = g_hash_table_lookup (level->buckets, &key);

            if (bucket != NULL)
              visit_bucket (bucket, func, user_data);
          }
    }

  for (guint i = 0; i < self->oversize->len; i++)
    func (g_ptr_array_index (self->oversize, i), user_data);
}

typedef struct
{
  const KrRect *rect;
  KrSpatialIndexFunc func;
  gpointer user_data;
} ForeachData;

static void
foreach_entry (Entry    *entry,
               gpointer  user_data)
{
  ForeachData *foreach = user_data;

  if (kr_rect_intersects (&entry->bounds, foreach->rect))
    foreach->func (entry->data, &entry->bounds, foreach->user_data);
}

/**
 * kr_spatial_index_foreach:
 *
 * Calls @func for each entry whose bounds intersect @rect, in no particular order. Touching
 * edges do not intersect.
 */
void
kr_spatial_index_foreach (KrSpatialIndex     *self,
                          const KrRect       *rect,
                          KrSpatialIndexFunc  func,
                          gpointer            user_data)
{
  ForeachData foreach = { rect, func, user_data };

  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (func != NULL);

  visit_candidates (self, rect, foreach_entry, &foreach);
}

typedef struct
{
  const KrRect *rect;
  GPtrArray *found;
} CollectData;

static void
collect_entry (Entry    *entry,
               gpointer  user_data)
{
  CollectData *collect = user_data;

  if (kr_rect_intersects (&entry->bounds, collect->rect))
    g_ptr_array_add (collect->found, entry);
}

static int
compare_z (gconstpointer a,
           gconstpointer b)
{
  const Entry *first = *(Entry * const *) a;
  const Entry *second = *(Entry * const *) b;

  return (first->z > second->z) - (first->z < second->z);
}

/* Whether @rect holds every entry (and perhaps the places of some removed). */
static gboolean
covers_everything (KrSpatialIndex *self,
                   const KrRect   *rect)
{
  return rect->x <= self->left && kr_rect_right (rect) >= self->right &&
         rect->y <= self->top && kr_rect_bottom (rect) >= self->bottom;
}

static GPtrArray *
get_stacked (KrSpatialIndex *self)
{
  GHashTableIter iter;
  Entry *entry;

  if (self->stacked != NULL)
    return self->stacked;

  self->stacked = g_ptr_array_sized_new (g_hash_table_size (self->entries));
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    g_ptr_array_add (self->stacked, entry);
  g_ptr_array_sort (self->stacked, compare_z);

  return self->stacked;
}

/* Whether @rect covers so much of the index that looking at every entry in the kept
 * stacking order costs less than sorting what lies in it: at least an eighth of the area
 * that holds entries (a column of the map from top to bottom, say). */
static gboolean
covers_much (KrSpatialIndex *self,
             const KrRect   *rect)
{
  double width = self->right - self->left, height = self->bottom - self->top;
  double overlap_width = MIN (kr_rect_right (rect), self->right) - MAX (rect->x, self->left);
  double overlap_height = MIN (kr_rect_bottom (rect), self->bottom) - MAX (rect->y, self->top);

  return width > 0 && height > 0 && overlap_width > 0 && overlap_height > 0 &&
         overlap_width * overlap_height >= width * height / 8;
}

/* The entries meeting @rect, bottom to top. */
static GPtrArray *
find_entries (KrSpatialIndex *self,
              const KrRect   *rect)
{
  GPtrArray *found;
  CollectData collect;

  if (covers_everything (self, rect) || covers_much (self, rect))
    {
      GPtrArray *stacked = get_stacked (self);

      found = g_ptr_array_sized_new (stacked->len);
      collect = (CollectData) { rect, found };
      for (guint i = 0; i < stacked->len; i++)
        collect_entry (stacked->pdata[i], &collect);
    }
  else
    {
      found = g_ptr_array_new ();
      collect = (CollectData) { rect, found };
      visit_candidates (self, rect, collect_entry, &collect);
      g_ptr_array_sort (found, compare_z);
    }

  return found;
}

/**
 * kr_spatial_index_query:
 *
 * Returns: (transfer container): the data of the entries whose bounds intersect @rect,
 *   bottom to top.
 */
GPtrArray *
kr_spatial_index_query (KrSpatialIndex *self,
                        const KrRect   *rect)
{
  GPtrArray *found;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  found = find_entries (self, rect);
  for (guint i = 0; i < found->len; i++)
    found->pdata[i] = ((Entry *) found->pdata[i])->data;

  return found;
}

/**
 * kr_spatial_index_query_bounds:
 * @bounds: (element-type KrRect): set to the bounds of what kr_spatial_index_query() finds,
 *   in the same order, without looking each up
 */
void
kr_spatial_index_query_bounds (KrSpatialIndex *self,
                               const KrRect   *rect,
                               GArray         *bounds)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (bounds != NULL);

  found = find_entries (self, rect);
  g_array_set_size (bounds, 0);
  for (guint i = 0; i < found->len; i++)
    g_array_append_val (bounds, ((Entry *) found->pdata[i])->bounds);
}

typedef struct
{
  double x, y;
  Entry *highest;
} HitData;

static void
keep_highest (Entry    *entry,
              gpointer  user_data)
{
  HitData *hit = user_data;

  if (kr_rect_contains_point (&entry->bounds, hit->x, hit->y) &&
      (hit->highest == NULL || entry->z > hit->highest->z))
    hit->highest = entry;
}

/**
 * kr_spatial_index_hit_test:
 *
 * Returns: (nullable): the data of the highest entry whose bounds contain the point (left
 *   and top edges included, right and bottom excluded), or NULL.
 */
gpointer
kr_spatial_index_hit_test (KrSpatialIndex *self,
                           double          x,
                           double          y)
{
  HitData hit = { x, y, NULL };
  KrRect point = { x, y, 0, 0 };

  g_return_val_if_fail (self != NULL, NULL);

  visit_candidates (self, &point, keep_highest, &hit);
  return hit.highest ? hit.highest->data : NULL;
}

static int
compare_data_z (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *entries = user_data;
  const Entry *first = g_hash_table_lookup (entries, *(gpointer const *) a);
  const Entry *second = g_hash_table_lookup (entries, *(gpointer const *) b);
  guint64 first_z = first ? first->z : 0, second_z = second ? second->z : 0;

  return (first_z > second_z) - (first_z < second_z);
}

/**
 * kr_spatial_index_sort:
 * @data: (element-type gpointer): data of entries of the index
 *
 * Sorts @data bottom to top; data not in the index sort first.
 */
void
kr_spatial_index_sort (KrSpatialIndex *self,
                       GPtrArray      *data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (data != NULL);

  g_ptr_array_sort_with_data (data, compare_data_z, self->entries);
}
