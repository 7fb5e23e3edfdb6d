/* kr-history.h: the undo and redo stacks of a map, and its save point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-command.h"

G_BEGIN_DECLS

#define KR_TYPE_HISTORY (kr_history_get_type ())
G_DECLARE_FINAL_TYPE (KrHistory, kr_history, KR, HISTORY, GObject)

KrHistory  *kr_history_new                  (KrMap     *map);
KrMap      *kr_history_get_map              (KrHistory *self);
void        kr_history_push                 (KrHistory *self,
                                             KrCommand *command);
gboolean    kr_history_undo                 (KrHistory *self);
gboolean    kr_history_redo                 (KrHistory *self);
gboolean    kr_history_can_undo             (KrHistory *self);
gboolean    kr_history_can_redo             (KrHistory *self);
const char *kr_history_get_undo_description (KrHistory *self);
const char *kr_history_get_redo_description (KrHistory *self);
void        kr_history_mark_saved           (KrHistory *self);
gboolean    kr_history_is_modified          (KrHistory *self);
void        kr_history_break_merge          (KrHistory *self);

G_END_DECLS
