/* kr-set-shared-property-command.h: giving several objects the same value of one property
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-command.h"

G_BEGIN_DECLS

#define KR_TYPE_SET_SHARED_PROPERTY_COMMAND (kr_set_shared_property_command_get_type ())
G_DECLARE_FINAL_TYPE (KrSetSharedPropertyCommand, kr_set_shared_property_command, KR, SET_SHARED_PROPERTY_COMMAND, KrCommand)

KrCommand *kr_set_shared_property_command_new (GPtrArray    *objects,
                                               const char   *property,
                                               const GValue *value,
                                               const char   *description);

G_END_DECLS
