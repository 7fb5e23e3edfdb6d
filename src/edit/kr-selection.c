/* kr-selection.c
 *
 * Items that leave the map (deleted, or undone) leave the selection too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-selection.h"

struct _KrSelection
{
  GObject parent_instance;

  KrMap *map;
  GPtrArray *items;      /* in selection order, with references */
  GHashTable *members;   /* the same items, for lookups */
};

G_DEFINE_FINAL_TYPE (KrSelection, kr_selection, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (KrSelection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
prune (KrSelection *self)
{
  gboolean changed = FALSE;

  for (guint i = self->items->len; i > 0; i--)
    {
      KrItem *item = self->items->pdata[i - 1];

      if (kr_map_lookup (self->map, kr_item_get_kind (item), kr_item_get_id (item)) != item)
        {
          g_hash_table_remove (self->members, item);
          g_ptr_array_remove_index (self->items, i - 1);
          changed = TRUE;
        }
    }

  if (changed)
    emit_changed (self);
}

static void
kr_selection_dispose (GObject *object)
{
  KrSelection *self = KR_SELECTION (object);

  if (self->map != NULL)
    for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
      g_signal_handlers_disconnect_by_data (kr_map_get_items (self->map, kind), self);

  g_clear_object (&self->map);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (kr_selection_parent_class)->dispose (object);
}

static void
kr_selection_class_init (KrSelectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kr_selection_dispose;

  /**
   * KrSelection::changed:
   *
   * Emitted when items are selected or unselected.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kr_selection_init (KrSelection *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->members = g_hash_table_new (NULL, NULL);
}

KrSelection *
kr_selection_new (KrMap *map)
{
  KrSelection *self;

  g_return_val_if_fail (KR_IS_MAP (map), NULL);

  self = g_object_new (KR_TYPE_SELECTION, NULL);
  self->map = g_object_ref (map);
  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    g_signal_connect_swapped (kr_map_get_items (map, kind), "items-changed", G_CALLBACK (prune), self);

  return self;
}

/* The selected items, in the order they were selected (borrowed). */
GPtrArray *
kr_selection_get_items (KrSelection *self)
{
  g_return_val_if_fail (KR_IS_SELECTION (self), NULL);
  return self->items;
}

/* The selected touchpoints, in map order. */
GPtrArray *
kr_selection_get_touchpoints (KrSelection *self)
{
  GPtrArray *touchpoints = g_ptr_array_new ();

  g_return_val_if_fail (KR_IS_SELECTION (self), touchpoints);

  for (guint i = 0; i < kr_map_get_n_items (self->map, KR_ITEM_TOUCHPOINT); i++)
    {
      KrItem *item = kr_map_get_item (self->map, KR_ITEM_TOUCHPOINT, i);

      if (g_hash_table_contains (self->members, item))
        g_ptr_array_add (touchpoints, item);
    }

  return touchpoints;
}

guint
kr_selection_get_n_items (KrSelection *self)
{
  g_return_val_if_fail (KR_IS_SELECTION (self), 0);
  return self->items->len;
}

gboolean
kr_selection_contains (KrSelection *self,
                       gpointer     item)
{
  g_return_val_if_fail (KR_IS_SELECTION (self), FALSE);
  return g_hash_table_contains (self->members, item);
}

/* The one selected item, or NULL when none or several are selected. */
gpointer
kr_selection_get_single (KrSelection *self)
{
  g_return_val_if_fail (KR_IS_SELECTION (self), NULL);
  return self->items->len == 1 ? self->items->pdata[0] : NULL;
}

static gboolean
add_item (KrSelection *self,
          gpointer     item)
{
  g_return_val_if_fail (KR_IS_ITEM (item), FALSE);

  if (!g_hash_table_add (self->members, item))
    return FALSE;

  g_ptr_array_add (self->items, g_object_ref (item));
  return TRUE;
}

static gboolean
clear_items (KrSelection *self)
{
  if (self->items->len == 0)
    return FALSE;

  g_hash_table_remove_all (self->members);
  g_ptr_array_set_size (self->items, 0);
  return TRUE;
}

void
kr_selection_set (KrSelection *self,
                  GPtrArray   *items)
{
  g_return_if_fail (KR_IS_SELECTION (self));

  clear_items (self);
  for (guint i = 0; items && i < items->len; i++)
    add_item (self, items->pdata[i]);
  emit_changed (self);
}

void
kr_selection_select_only (KrSelection *self,
                          gpointer     item)
{
  g_return_if_fail (KR_IS_SELECTION (self));

  if (self->items->len == 1 && self->items->pdata[0] == item)
    return;

  clear_items (self);
  if (item != NULL)
    add_item (self, item);
  emit_changed (self);
}

void
kr_selection_toggle (KrSelection *self,
                     gpointer     item)
{
  g_return_if_fail (KR_IS_SELECTION (self));

  if (g_hash_table_remove (self->members, item))
    g_ptr_array_remove (self->items, item);
  else
    add_item (self, item);
  emit_changed (self);
}

void
kr_selection_add (KrSelection *self,
                  gpointer     item)
{
  g_return_if_fail (KR_IS_SELECTION (self));

  if (add_item (self, item))
    emit_changed (self);
}

void
kr_selection_clear (KrSelection *self)
{
  g_return_if_fail (KR_IS_SELECTION (self));

  if (clear_items (self))
    emit_changed (self);
}
