/* kr-unknown-members.c
 *
 * The model knows nothing of JSON, so the loader hangs the unknown members of each object
 * on it as object data, one set per nested group ("rows", "view") and one for the object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-unknown-members.h"

static GQuark
group_quark (const char *group)
{
  g_autofree char *key = g_strconcat ("kr-unknown-members/", group ? group : "", NULL);

  return g_quark_from_string (key);
}

void
kr_unknown_members_set (gpointer    object,
                        const char *group,
                        JsonObject *members)
{
  g_return_if_fail (G_IS_OBJECT (object));

  g_object_set_qdata_full (object, group_quark (group),
                           members ? json_object_ref (members) : NULL,
                           (GDestroyNotify) json_object_unref);
}

/* The unknown members of @object (or of its nested @group), or NULL. */
JsonObject *
kr_unknown_members_get (gpointer    object,
                        const char *group)
{
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  return g_object_get_qdata (object, group_quark (group));
}

void
kr_unknown_members_copy (gpointer    dest,
                         gpointer    src,
                         const char *group)
{
  kr_unknown_members_set (dest, group, kr_unknown_members_get (src, group));
}
