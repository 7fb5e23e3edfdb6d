/* kr-group-command.h: several commands done and undone as one step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-command.h"

G_BEGIN_DECLS

#define KR_TYPE_GROUP_COMMAND (kr_group_command_get_type ())
G_DECLARE_FINAL_TYPE (KrGroupCommand, kr_group_command, KR, GROUP_COMMAND, KrCommand)

KrGroupCommand *kr_group_command_new     (const char     *description);
void            kr_group_command_add     (KrGroupCommand *self,
                                          KrCommand      *command);
guint           kr_group_command_get_n_commands (KrGroupCommand *self);

G_END_DECLS
