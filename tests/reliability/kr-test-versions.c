/* kr-test-versions.c
 *
 * Version N of the test map has the title "Version N" and contents that depend on N, so a
 * file that holds some version can be compared byte by byte with a freshly built one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "kr-test-versions.h"

KrMap *
kr_test_version_new (guint version,
                     guint n_touchpoints)
{
  KrMap *map = kr_map_new ();
  g_autofree char *title = g_strdup_printf ("Version %u", version);
  g_autoptr(KrLane) lane = kr_lane_new ("online");

  g_object_set (map, "title", title, NULL);
  g_object_set (lane, "title", "Online", NULL);
  kr_map_insert_item (map, G_MAXUINT, KR_ITEM (lane));

  for (guint p = 0; p < 3; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);
      g_autoptr(KrPhase) phase = kr_phase_new (id);

      g_object_set (phase, "title", id, NULL);
      kr_map_insert_item (map, G_MAXUINT, KR_ITEM (phase));
    }

  for (guint t = 0; t < n_touchpoints; t++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", t);
      g_autofree char *phase_id = g_strdup_printf ("p%u", t % 3);
      g_autofree char *touchpoint_title = g_strdup_printf ("Touchpoint %u of version %u", t, version);
      g_autoptr(GString) description = g_string_new (NULL);
      g_autoptr(KrTouchpoint) touchpoint = kr_touchpoint_new (id);

      for (guint line = 0; line < 8; line++)
        g_string_append_printf (description, "Line %u of touchpoint %u in version %u.\n", line, t, version);

      g_object_set (touchpoint,
                    "phase-id", phase_id,
                    "lane-id", "online",
                    "title", touchpoint_title,
                    "description", description->str,
                    "x", (double) (t * 7 % 300),
                    "y", (double) ((t + version) % 200),
                    "emotion", (int) ((t + version) % 5 + 1),
                    NULL);
      kr_map_insert_item (map, G_MAXUINT, KR_ITEM (touchpoint));
    }

  return map;
}

/* The version number in the title of @map. */
gboolean
kr_test_version_parse (KrMap *map,
                       guint *version)
{
  const char *title = kr_map_get_title (map);
  guint64 number;

  if (!g_str_has_prefix (title, "Version ") ||
      !g_ascii_string_to_unsigned (title + strlen ("Version "), 10, 0, G_MAXUINT, &number, NULL))
    return FALSE;

  *version = (guint) number;
  return TRUE;
}
