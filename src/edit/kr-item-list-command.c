/* kr-item-list-command.c
 *
 * One item going into a map's list, out of it, or to another place in it. Removing
 * remembers the position so that undo puts the item back exactly where it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-item-list-command.h"

typedef enum {
  CHANGE_INSERT,
  CHANGE_REMOVE,
  CHANGE_MOVE,
} ListChange;

struct _KrItemListCommand
{
  KrCommand parent_instance;

  KrItem *item;
  ListChange change;
  guint position;       /* where it is inserted, removed from, or moved from */
  guint new_position;   /* where it is moved to */
};

G_DEFINE_FINAL_TYPE (KrItemListCommand, kr_item_list_command, KR_TYPE_COMMAND)

static void
insert (KrItemListCommand *self,
        KrMap             *map)
{
  kr_map_insert_item (map, self->position, self->item);
}

/* The position is taken when removing, not when the command is made, so that several
 * removals from one list undo (in reverse order) to exactly the old order. */
static void
remove_item (KrItemListCommand *self,
             KrMap             *map)
{
  if (!kr_map_find_position (map, self->item, &self->position))
    g_return_if_reached ();

  kr_map_remove_item (map, self->item);
}

static void
kr_item_list_command_apply (KrCommand *command,
                            KrMap     *map)
{
  KrItemListCommand *self = KR_ITEM_LIST_COMMAND (command);

  switch (self->change)
    {
    case CHANGE_INSERT:
      insert (self, map);
      break;
    case CHANGE_REMOVE:
      remove_item (self, map);
      break;
    case CHANGE_MOVE:
      kr_map_move_item (map, self->item, self->new_position);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
kr_item_list_command_revert (KrCommand *command,
                             KrMap     *map)
{
  KrItemListCommand *self = KR_ITEM_LIST_COMMAND (command);

  switch (self->change)
    {
    case CHANGE_INSERT:
      kr_map_remove_item (map, self->item);
      break;
    case CHANGE_REMOVE:
      insert (self, map);
      break;
    case CHANGE_MOVE:
      kr_map_move_item (map, self->item, self->position);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
kr_item_list_command_dispose (GObject *object)
{
  KrItemListCommand *self = KR_ITEM_LIST_COMMAND (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (kr_item_list_command_parent_class)->dispose (object);
}

static void
kr_item_list_command_class_init (KrItemListCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KrCommandClass *command_class = KR_COMMAND_CLASS (klass);

  object_class->dispose = kr_item_list_command_dispose;
  command_class->apply = kr_item_list_command_apply;
  command_class->revert = kr_item_list_command_revert;
}

static void
kr_item_list_command_init (KrItemListCommand *self)
{
}

static KrCommand *
create (KrItem     *item,
        ListChange  change,
        guint       position,
        guint       new_position,
        const char *description)
{
  KrItemListCommand *self = g_object_new (KR_TYPE_ITEM_LIST_COMMAND, "description", description, NULL);

  self->item = g_object_ref (item);
  self->change = change;
  self->position = position;
  self->new_position = new_position;

  return KR_COMMAND (self);
}

/* Inserts @item (not yet in a map) at @position of its kind's list. */
KrCommand *
kr_item_list_command_new_insert (KrItem     *item,
                                 guint       position,
                                 const char *description)
{
  g_return_val_if_fail (KR_IS_ITEM (item), NULL);

  return create (item, CHANGE_INSERT, position, 0, description);
}

/* Removes @item from @map. References to it are the caller's business (see KrEditor). */
KrCommand *
kr_item_list_command_new_remove (KrMap      *map,
                                 KrItem     *item,
                                 const char *description)
{
  g_return_val_if_fail (KR_IS_MAP (map), NULL);
  g_return_val_if_fail (KR_IS_ITEM (item), NULL);

  return create (item, CHANGE_REMOVE, 0, 0, description);
}

KrCommand *
kr_item_list_command_new_move (KrMap      *map,
                               KrItem     *item,
                               guint       new_position,
                               const char *description)
{
  guint position;

  g_return_val_if_fail (KR_IS_MAP (map), NULL);
  g_return_val_if_fail (KR_IS_ITEM (item), NULL);

  if (!kr_map_find_position (map, item, &position))
    g_return_val_if_reached (NULL);

  return create (item, CHANGE_MOVE, position, new_position, description);
}
