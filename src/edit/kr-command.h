/* kr-command.h: one undoable change of a map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-map.h"

G_BEGIN_DECLS

#define KR_TYPE_COMMAND (kr_command_get_type ())
G_DECLARE_DERIVABLE_TYPE (KrCommand, kr_command, KR, COMMAND, GObject)

struct _KrCommandClass
{
  GObjectClass parent_class;

  void     (*apply)  (KrCommand *self,
                      KrMap     *map);
  void     (*revert) (KrCommand *self,
                      KrMap     *map);
  /* Absorbs @next (a later command of the same kind, such as more typing in one field);
   * returns FALSE when they should stay separate steps. */
  gboolean (*merge)  (KrCommand *self,
                      KrCommand *next);
};

const char *kr_command_get_description (KrCommand  *self);
void        kr_command_set_description (KrCommand  *self,
                                        const char *description);
void        kr_command_apply           (KrCommand  *self,
                                        KrMap      *map);
void        kr_command_revert          (KrCommand  *self,
                                        KrMap      *map);
gboolean    kr_command_merge           (KrCommand  *self,
                                        KrCommand  *next);

G_END_DECLS
