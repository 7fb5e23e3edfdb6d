/* kr-scene.c
 *
 * Routing every connection for every frame costs connections × cards (a loop back looks at
 * every card it might cross), and finding the visible cards by looking at all of them costs
 * cards. The scene keeps, between frames, the layout, a spatial index of the cards and one
 * of the curves, and follows the map's change signals: a card that moves re-routes only the
 * arrows that end on it or arc over where it was or is now; a change to phases, lanes, the
 * lists of touchpoints or connections, or an id rebuilds everything on the next update.
 *
 * The map is referenced weakly: a scene whose map is gone answers nothing new and is
 * replaced by the renderer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "kr-scene.h"

struct _KrScene
{
  KrMap *map;                /* weak */
  KrItem *resized;           /* a phase or lane drawn at resized_size, or NULL */
  double resized_size;
  gulong item_changed_id;
  gulong items_changed_ids[KR_N_ITEM_KINDS];

  gboolean stale;            /* rebuild everything on the next update */
  GHashTable *moved_cards;   /* KrTouchpoint: position changed since the last update */

  KrLayout *layout;
  KrRect corridor;
  KrSpatialIndex *cards;     /* KrTouchpoint → card rectangle, stacked in map order */
  KrSpatialIndex *routes;    /* KrSceneRoute → curve bounds, stacked in map order */
  KrSpatialIndex *reaches;   /* KrSceneRoute of a loop back → where cards sway it */
  GPtrArray *all_routes;     /* KrSceneRoute, owned, in map order */
  GHashTable *route_of;      /* KrConnection → KrSceneRoute */
  GHashTable *attached;      /* KrTouchpoint → GPtrArray of KrSceneRoute ending there */
  KrRect extent;
  gboolean extent_stale;

  /* what a card looks like changes with these: see kr_scene_get_card_version() */
  GHashTable *card_versions;   /* KrTouchpoint → guint */
  guint style_version;
  guint64 version;             /* of anything in the map */
  GArray *obstacles;         /* KrRect, scratch space for routing */
};

static void
mark_stale (KrScene *self)
{
  self->stale = TRUE;
  self->style_version++;
  self->version++;
}

static void
bump_style (KrScene *self)
{
  self->style_version++;
  self->version++;
}

static void
item_changed_cb (KrMap      *map,
                 KrItem     *item,
                 GParamSpec *pspec,
                 KrScene    *self)
{
  const char *name = g_param_spec_get_name (pspec);

  self->version++;
  if (KR_IS_TOUCHPOINT (item))
    g_hash_table_insert (self->card_versions, item,
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->card_versions, item)) + 1));
  else
    self->style_version++;   /* phase colours, persona colours, … */

  switch (kr_item_get_kind (item))
    {
    case KR_ITEM_PHASE:
      if (g_str_equal (name, "width") || g_str_equal (name, "id"))
        mark_stale (self);
      break;
    case KR_ITEM_LANE:
      if (g_str_equal (name, "height") || g_str_equal (name, "id"))
        mark_stale (self);
      break;
    case KR_ITEM_TOUCHPOINT:
      if (g_str_equal (name, "x") || g_str_equal (name, "y") ||
          g_str_equal (name, "phase-id") || g_str_equal (name, "lane-id"))
        g_hash_table_add (self->moved_cards, item);
      else if (g_str_equal (name, "id"))
        mark_stale (self);
      break;
    case KR_ITEM_CONNECTION:
      if (g_str_equal (name, "from-id") || g_str_equal (name, "to-id"))
        mark_stale (self);
      break;
    case KR_ITEM_PERSONA:
    case KR_N_ITEM_KINDS:
    default:
      break;
    }
}

static void
map_finalized_cb (gpointer  data,
                  GObject  *where_the_map_was)
{
  KrScene *self = data;

  self->map = NULL;
  self->item_changed_id = 0;
  memset (self->items_changed_ids, 0, sizeof self->items_changed_ids);
}

KrScene *
kr_scene_new (KrMap  *map,
              KrItem *resized,
              double  resized_size)
{
  KrScene *self = g_new0 (KrScene, 1);

  self->map = map;
  g_object_weak_ref (G_OBJECT (map), map_finalized_cb, self);
  self->resized = resized ? g_object_ref (resized) : NULL;
  self->resized_size = resized_size;

  self->item_changed_id = g_signal_connect (map, "item-changed", G_CALLBACK (item_changed_cb), self);
  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    if (kind != KR_ITEM_PERSONA)
      self->items_changed_ids[kind] = g_signal_connect_swapped (kr_map_get_items (map, kind), "items-changed",
                                                                G_CALLBACK (mark_stale), self);
    else
      self->items_changed_ids[kind] = g_signal_connect_swapped (kr_map_get_items (map, kind), "items-changed",
                                                                G_CALLBACK (bump_style), self);

  self->moved_cards = g_hash_table_new (NULL, NULL);
  self->cards = kr_spatial_index_new ();
  self->routes = kr_spatial_index_new ();
  self->reaches = kr_spatial_index_new ();
  self->all_routes = g_ptr_array_new_with_free_func (g_free);
  self->route_of = g_hash_table_new (NULL, NULL);
  self->attached = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (KrRect));
  self->card_versions = g_hash_table_new (NULL, NULL);
  self->stale = TRUE;

  return self;
}

void
kr_scene_free (KrScene *self)
{
  if (self == NULL)
    return;

  if (self->map != NULL)
    {
      g_clear_signal_handler (&self->item_changed_id, self->map);
      for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
        g_clear_signal_handler (&self->items_changed_ids[kind], kr_map_get_items (self->map, kind));
      g_object_weak_unref (G_OBJECT (self->map), map_finalized_cb, self);
    }

  g_clear_object (&self->resized);
  g_clear_pointer (&self->layout, kr_layout_free);
  g_hash_table_unref (self->moved_cards);
  kr_spatial_index_free (self->cards);
  kr_spatial_index_free (self->routes);
  kr_spatial_index_free (self->reaches);
  g_ptr_array_unref (self->all_routes);
  g_hash_table_unref (self->route_of);
  g_hash_table_unref (self->attached);
  g_array_unref (self->obstacles);
  g_hash_table_unref (self->card_versions);
  g_free (self);
}

/* Whether the scene shows @map as it is with the phase or lane @resized at @resized_size. */
gboolean
kr_scene_is_for (KrScene *self,
                 KrMap   *map,
                 KrItem  *resized,
                 double   resized_size)
{
  return self->map == map && self->resized == resized &&
         (resized == NULL || self->resized_size == resized_size);
}

gboolean
kr_scene_get_card_rect (KrScene           *self,
                        KrTouchpoint      *touchpoint,
                        const KrSceneMove *move,
                        KrRect            *rect)
{
  if (!kr_spatial_index_get_bounds (self->cards, touchpoint, rect))
    return FALSE;

  if (move != NULL && move->moved != NULL && g_hash_table_contains (move->moved, touchpoint))
    {
      rect->x += move->dx;
      rect->y += move->dy;
    }

  return TRUE;
}

static gboolean
is_moved (const KrSceneMove *move,
          gpointer           touchpoint)
{
  return move != NULL && move->moved != NULL && g_hash_table_contains (move->moved, touchpoint);
}

/* The cards a loop back from @from to @to must clear: those overlapping the columns between
 * them, in map order (the order the router has always seen them in); dragged cards last,
 * where the drag puts them. */
static void
collect_obstacles (KrScene           *self,
                   const KrRect      *from,
                   const KrRect      *to,
                   const KrSceneMove *move)
{
  double left, right;
  KrRect span;
  g_autoptr(GPtrArray) cards = NULL;
  GHashTableIter iter;
  gpointer touchpoint;

  kr_route_get_obstacle_span (from, to, &left, &right);
  span = (KrRect) { left, -1e12, right - left, 2e12 };

  /* nothing dragged: the index's own bounds, without looking each card up */
  if (move == NULL || move->moved == NULL)
    {
      kr_spatial_index_query_bounds (self->cards, &span, self->obstacles);
      return;
    }

  cards = kr_spatial_index_query (self->cards, &span);
  g_array_set_size (self->obstacles, 0);
  for (guint i = 0; i < cards->len; i++)
    {
      KrRect card;

      if (is_moved (move, cards->pdata[i]))
        continue;
      kr_spatial_index_get_bounds (self->cards, cards->pdata[i], &card);
      g_array_append_val (self->obstacles, card);
    }

  g_hash_table_iter_init (&iter, move->moved);
  while (g_hash_table_iter_next (&iter, &touchpoint, NULL))
    {
      KrRect card;

      if (kr_scene_get_card_rect (self, touchpoint, move, &card) && card.x < right && kr_rect_right (&card) > left)
        g_array_append_val (self->obstacles, card);
    }
}

/* Routes @route's connection with its cards where @move puts them; FALSE if an end is gone. */
static gboolean
route_entry (KrScene           *self,
             KrSceneRoute      *route,
             const KrSceneMove *move)
{
  KrRect from, to;
  gboolean self_loop = route->from == route->to;

  if (!kr_scene_get_card_rect (self, route->from, move, &from) ||
      !kr_scene_get_card_rect (self, route->to, move, &to))
    return FALSE;

  if (kr_route_classify (&from, &to, self_loop) == KR_ROUTE_BACKWARD)
    collect_obstacles (self, &from, &to, move);
  else
    g_array_set_size (self->obstacles, 0);

  kr_route_connection_with_reach (&from, &to, self_loop, route->fan, (const KrRect *) self->obstacles->data,
                                  self->obstacles->len, &self->corridor, &route->route, &route->reach);
  route->bounds = kr_route_get_bounds (&route->route);
  return TRUE;
}

/* Keeps the index of where loops back are swayed by other cards in step with @route. */
static void
index_reach (KrScene      *self,
             KrSceneRoute *route)
{
  if (route->route.kind == KR_ROUTE_BACKWARD)
    kr_spatial_index_insert (self->reaches, route, &route->reach);
  else
    kr_spatial_index_remove (self->reaches, route);
}

/* Parallel arrows between the same two cards (either way) fan out: 0, 1, −1, 2, −2, … */
static int
fan_index (guint rank)
{
  return rank % 2 ? (int) (rank + 1) / 2 : -(int) (rank / 2);
}

static char *
pair_key (const char *a,
          const char *b)
{
  return g_strcmp0 (a, b) < 0 ? g_strconcat (a, "\n", b, NULL) : g_strconcat (b, "\n", a, NULL);
}

static void
attach (KrScene      *self,
        KrTouchpoint *touchpoint,
        KrSceneRoute *route)
{
  GPtrArray *routes = g_hash_table_lookup (self->attached, touchpoint);

  if (routes == NULL)
    {
      routes = g_ptr_array_new ();
      g_hash_table_insert (self->attached, touchpoint, routes);
    }
  g_ptr_array_add (routes, route);
}

static void
build_cards (KrScene *self)
{
  guint n = kr_map_get_n_items (self->map, KR_ITEM_TOUCHPOINT);
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (KrSpatialEntry), n);

  for (guint i = 0; i < n; i++)
    {
      KrSpatialEntry entry = { kr_map_get_item (self->map, KR_ITEM_TOUCHPOINT, i) };

      if (kr_layout_get_card_rect (self->layout, entry.data, &entry.bounds))
        g_array_append_val (entries, entry);
    }

  kr_spatial_index_build (self->cards, (const KrSpatialEntry *) entries->data, entries->len);
}

static void
build_routes (KrScene *self)
{
  guint n = kr_map_get_n_items (self->map, KR_ITEM_CONNECTION);
  g_autoptr(GHashTable) pair_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      KrConnection *connection = kr_map_get_item (self->map, KR_ITEM_CONNECTION, i);
      const char *from_id = kr_connection_get_from_id (connection);
      const char *to_id = kr_connection_get_to_id (connection);
      char *key = pair_key (from_id, to_id);
      guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (pair_counts, key));
      KrSceneRoute *route = g_new0 (KrSceneRoute, 1);

      g_hash_table_replace (pair_counts, key, GUINT_TO_POINTER (rank + 1));

      route->connection = connection;
      route->position = i;
      route->fan = fan_index (rank);
      route->from = kr_map_lookup_touchpoint (self->map, from_id);
      route->to = kr_map_lookup_touchpoint (self->map, to_id);
      g_ptr_array_add (self->all_routes, route);
      g_hash_table_insert (self->route_of, connection, route);

      if (route->from == NULL || route->to == NULL || !route_entry (self, route, NULL))
        {
          route->from = route->to = NULL;
          continue;
        }

      kr_spatial_index_insert (self->routes, route, &route->bounds);
      index_reach (self, route);
      attach (self, route->from, route);
      if (route->to != route->from)
        attach (self, route->to, route);
    }
}

static void
rebuild (KrScene *self)
{
  g_clear_pointer (&self->layout, kr_layout_free);
  kr_spatial_index_clear (self->cards);
  kr_spatial_index_clear (self->routes);
  kr_spatial_index_clear (self->reaches);
  g_ptr_array_set_size (self->all_routes, 0);
  g_hash_table_remove_all (self->route_of);
  g_hash_table_remove_all (self->attached);
  g_hash_table_remove_all (self->moved_cards);

  self->layout = kr_layout_new_resized (self->map, self->resized, self->resized_size);
  self->corridor = kr_layout_get_lanes_area (self->layout);
  build_cards (self);
  build_routes (self);

  self->stale = FALSE;
  self->extent_stale = TRUE;
}

static void
add_attached (KrScene      *self,
              KrTouchpoint *touchpoint,
              GHashTable   *affected)
{
  GPtrArray *routes = g_hash_table_lookup (self->attached, touchpoint);

  for (guint i = 0; routes && i < routes->len; i++)
    g_hash_table_add (affected, routes->pdata[i]);
}

static void
add_to_set (gpointer      data,
            const KrRect *bounds,
            gpointer      user_data)
{
  g_hash_table_add (user_data, data);
}

/* Loops back whose arc a card at @card may sway. */
static void
add_loops_near (KrScene      *self,
                const KrRect *card,
                GHashTable   *affected)
{
  KrRect around = kr_rect_inflate (card, 1);

  kr_spatial_index_foreach (self->reaches, &around, add_to_set, affected);
}

/* Cards moved in the model: move them in the index and re-route what they affect. Anything
 * unusual (a card leaving the map, a map without lanes whose one row grows with its cards)
 * rebuilds instead. */
static void
apply_moves (KrScene *self)
{
  g_autoptr(GHashTable) affected = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer touchpoint, route;

  if (!kr_layout_has_lanes (self->layout))
    {
      rebuild (self);
      return;
    }

  g_hash_table_iter_init (&iter, self->moved_cards);
  while (g_hash_table_iter_next (&iter, &touchpoint, NULL))
    {
      KrRect old_rect, new_rect;

      if (!kr_spatial_index_get_bounds (self->cards, touchpoint, &old_rect) ||
          !kr_layout_get_card_rect (self->layout, touchpoint, &new_rect))
        {
          rebuild (self);
          return;
        }

      kr_spatial_index_move (self->cards, touchpoint, &new_rect);
      add_attached (self, touchpoint, affected);
      add_loops_near (self, &old_rect, affected);
      add_loops_near (self, &new_rect, affected);
    }
  g_hash_table_remove_all (self->moved_cards);

  g_hash_table_iter_init (&iter, affected);
  while (g_hash_table_iter_next (&iter, &route, NULL))
    {
      route_entry (self, route, NULL);
      kr_spatial_index_move (self->routes, route, &((KrSceneRoute *) route)->bounds);
      index_reach (self, route);
    }

  self->extent_stale = TRUE;
}

/* Catches up with the changes to the map since the last update. */
void
kr_scene_update (KrScene *self)
{
  if (self->map == NULL)
    return;

  if (self->stale)
    rebuild (self);
  else if (g_hash_table_size (self->moved_cards) > 0)
    apply_moves (self);
}

KrLayout *
kr_scene_get_layout (KrScene *self)
{
  return self->layout;
}

/* Cards: KrTouchpoint → rectangle, stacked in map order. */
KrSpatialIndex *
kr_scene_get_cards (KrScene *self)
{
  return self->cards;
}

/* Curves that are drawn: KrSceneRoute → bounds, stacked in map order. */
KrSpatialIndex *
kr_scene_get_routes (KrScene *self)
{
  return self->routes;
}

/* Every connection's KrSceneRoute in map order, those not drawn (from == NULL) included. */
GPtrArray *
kr_scene_get_all_routes (KrScene *self)
{
  return self->all_routes;
}

const KrSceneRoute *
kr_scene_get_route (KrScene      *self,
                    KrConnection *connection)
{
  return g_hash_table_lookup (self->route_of, connection);
}

KrRect
kr_scene_get_extent (KrScene *self)
{
  if (self->extent_stale && self->layout != NULL)
    {
      self->extent = kr_layout_get_bounds (self->layout);
      for (guint i = 0; i < self->all_routes->len; i++)
        {
          KrSceneRoute *route = self->all_routes->pdata[i];

          if (route->from != NULL)
            self->extent = kr_rect_union (&self->extent, &route->bounds);
        }
      self->extent_stale = FALSE;
    }

  return self->extent;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const KrSceneRoute *first = *(KrSceneRoute * const *) a;
  const KrSceneRoute *second = *(KrSceneRoute * const *) b;

  return (first->position > second->position) - (first->position < second->position);
}

/**
 * kr_scene_collect_affected:
 * @with_loops: include the loops back near the cards, not only the arrows ending on them
 *
 * Returns: (transfer container): the routes that change when the cards of @move are where
 *   @move puts them: those ending on them and loops near them, in map order.
 */
GPtrArray *
kr_scene_collect_affected (KrScene           *self,
                           const KrSceneMove *move,
                           gboolean           with_loops)
{
  g_autoptr(GHashTable) affected = g_hash_table_new (NULL, NULL);
  GPtrArray *routes;
  GHashTableIter iter;
  gpointer touchpoint;

  if (move != NULL && move->moved != NULL)
    {
      g_hash_table_iter_init (&iter, move->moved);
      while (g_hash_table_iter_next (&iter, &touchpoint, NULL))
        {
          KrRect card;

          if (!kr_spatial_index_get_bounds (self->cards, touchpoint, &card))
            continue;

          add_attached (self, touchpoint, affected);
          if (!with_loops)
            continue;
          add_loops_near (self, &card, affected);
          card.x += move->dx;
          card.y += move->dy;
          add_loops_near (self, &card, affected);
        }
    }

  routes = g_ptr_array_sized_new (g_hash_table_size (affected));
  g_hash_table_iter_init (&iter, affected);
  while (g_hash_table_iter_next (&iter, &touchpoint, NULL))
    g_ptr_array_add (routes, touchpoint);
  g_ptr_array_sort (routes, compare_positions);
  return routes;
}

/* Fills @moved_route with @route as it runs with the cards where @move puts them. */
void
kr_scene_reroute (KrScene            *self,
                  const KrSceneRoute *route,
                  const KrSceneMove  *move,
                  KrSceneRoute       *moved_route)
{
  *moved_route = *route;
  if (moved_route->from != NULL)
    route_entry (self, moved_route, move);
}

/**
 * kr_scene_get_card_version:
 *
 * Returns: a number that changes whenever the card of @touchpoint may look different: when
 *   the touchpoint changes, and when anything else in the map but another touchpoint does.
 */
guint64
kr_scene_get_card_version (KrScene      *self,
                           KrTouchpoint *touchpoint)
{
  return (guint64) self->style_version << 32 | GPOINTER_TO_UINT (g_hash_table_lookup (self->card_versions, touchpoint));
}

/* A number that changes whenever anything in the map does. */
guint64
kr_scene_get_version (KrScene *self)
{
  return self->version;
}
