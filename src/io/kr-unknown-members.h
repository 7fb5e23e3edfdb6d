/* kr-unknown-members.h: members of a file this version does not know, kept for writing back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void        kr_unknown_members_set  (gpointer    object,
                                     const char *group,
                                     JsonObject *members);
JsonObject *kr_unknown_members_get  (gpointer    object,
                                     const char *group);
void        kr_unknown_members_copy (gpointer    dest,
                                     gpointer    src,
                                     const char *group);

G_END_DECLS
