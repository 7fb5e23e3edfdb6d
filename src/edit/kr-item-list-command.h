/* kr-item-list-command.h: adding, removing and reordering items of a map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-command.h"

G_BEGIN_DECLS

#define KR_TYPE_ITEM_LIST_COMMAND (kr_item_list_command_get_type ())
G_DECLARE_FINAL_TYPE (KrItemListCommand, kr_item_list_command, KR, ITEM_LIST_COMMAND, KrCommand)

KrCommand *kr_item_list_command_new_insert (KrItem     *item,
                                            guint       position,
                                            const char *description);
KrCommand *kr_item_list_command_new_remove (KrMap      *map,
                                            KrItem     *item,
                                            const char *description);
KrCommand *kr_item_list_command_new_move   (KrMap      *map,
                                            KrItem     *item,
                                            guint       new_position,
                                            const char *description);

G_END_DECLS
