/* kr-set-property-command.h: changing one property of a map, an item or a note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-command.h"

G_BEGIN_DECLS

#define KR_TYPE_SET_PROPERTY_COMMAND (kr_set_property_command_get_type ())
G_DECLARE_FINAL_TYPE (KrSetPropertyCommand, kr_set_property_command, KR, SET_PROPERTY_COMMAND, KrCommand)

KrCommand *kr_set_property_command_new (gpointer      object,
                                        const char   *property,
                                        const GValue *value,
                                        const char   *description);

G_END_DECLS
