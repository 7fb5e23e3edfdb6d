/* test-model.c: the document model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-map.h"

typedef struct
{
  guint count;
  KrItem *item;
  char *property;
} ChangeLog;

static void
item_changed_cb (KrMap      *map,
                 KrItem     *item,
                 GParamSpec *pspec,
                 ChangeLog  *log)
{
  log->count++;
  log->item = item;
  g_free (log->property);
  log->property = g_strdup (pspec->name);
}

static void
test_defaults (void)
{
  g_autoptr(KrTouchpoint) touchpoint = kr_touchpoint_new ("t1");
  g_autoptr(KrPhase) phase = kr_phase_new ("p1");
  g_autoptr(KrPersona) persona = kr_persona_new ("u1");
  g_autoptr(KrConnection) connection = kr_connection_new ("c1");

  g_assert_cmpstr (kr_item_get_id (KR_ITEM (touchpoint)), ==, "t1");
  g_assert_cmpint (kr_touchpoint_get_emotion (touchpoint), ==, 3);
  g_assert_true (kr_touchpoint_get_direct (touchpoint));
  g_assert_false (kr_touchpoint_get_done (touchpoint));
  g_assert_null (kr_touchpoint_get_lane_id (touchpoint));
  g_assert_null (kr_touchpoint_get_color (touchpoint));
  g_assert_cmpfloat (kr_touchpoint_get_x (touchpoint), ==, 24);
  g_assert_cmpuint (g_strv_length ((char **) kr_touchpoint_get_persona_ids (touchpoint)), ==, 0);
  g_assert_cmpfloat (kr_phase_get_width (phase), ==, KR_PHASE_DEFAULT_WIDTH);
  g_assert_cmpstr (kr_phase_get_color (phase), ==, "#3d7dd8");
  g_assert_cmpint (kr_persona_get_age (persona), ==, -1);
  g_assert_null (kr_persona_get_photo (persona));
  g_assert_cmpstr (kr_connection_get_style (connection), ==, "solid");
  g_assert_false (kr_connection_is_dashed (connection));
  g_assert_cmpuint (g_variant_n_children (kr_connection_get_waypoints (connection)), ==, 0);
}

static void
test_items_and_index (void)
{
  g_autoptr(KrMap) map = kr_map_new ();
  g_autoptr(KrPhase) first = kr_phase_new ("p1");
  g_autoptr(KrPhase) second = kr_phase_new ("p2");
  guint position;

  kr_map_insert_item (map, 0, KR_ITEM (first));
  kr_map_insert_item (map, G_MAXUINT, KR_ITEM (second));
  g_assert_cmpuint (kr_map_get_n_items (map, KR_ITEM_PHASE), ==, 2);
  g_assert_true (kr_map_lookup_phase (map, "p2") == second);
  g_assert_true (kr_map_get_item (map, KR_ITEM_PHASE, 0) == first);

  kr_map_move_item (map, KR_ITEM (second), 0);
  g_assert_true (kr_map_get_item (map, KR_ITEM_PHASE, 0) == second);

  g_object_set (first, "id", "renamed", NULL);
  g_assert_null (kr_map_lookup_phase (map, "p1"));
  g_assert_true (kr_map_lookup_phase (map, "renamed") == first);

  kr_map_remove_item (map, KR_ITEM (second));
  g_assert_null (kr_map_lookup_phase (map, "p2"));
  g_assert_true (kr_map_find_position (map, KR_ITEM (first), &position));
  g_assert_cmpuint (position, ==, 0);

  /* kinds have separate id spaces */
  g_assert_null (kr_map_lookup (map, KR_ITEM_TOUCHPOINT, "renamed"));
}

static void
test_generate_id (void)
{
  g_autoptr(KrMap) map = kr_map_new ();
  g_autoptr(KrTouchpoint) taken = kr_touchpoint_new ("t1");
  g_autofree char *id = NULL;

  kr_map_insert_item (map, 0, KR_ITEM (taken));
  id = kr_map_generate_id (map, KR_ITEM_TOUCHPOINT);
  g_assert_cmpstr (id, ==, "t2");
}

static void
test_item_changed_signal (void)
{
  g_autoptr(KrMap) map = kr_map_new ();
  g_autoptr(KrTouchpoint) touchpoint = kr_touchpoint_new ("t1");
  ChangeLog log = { 0 };

  kr_map_insert_item (map, 0, KR_ITEM (touchpoint));
  g_signal_connect (map, "item-changed::title", G_CALLBACK (item_changed_cb), &log);

  g_object_set (touchpoint, "title", "Newsletter", NULL);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (log.item == KR_ITEM (touchpoint));
  g_assert_cmpstr (log.property, ==, "title");

  /* setting the same value is not a change */
  g_object_set (touchpoint, "title", "Newsletter", NULL);
  g_assert_cmpuint (log.count, ==, 1);

  /* the detail filters other properties */
  g_object_set (touchpoint, "emotion", 5, NULL);
  g_assert_cmpuint (log.count, ==, 1);

  /* a removed item no longer reports */
  kr_map_remove_item (map, KR_ITEM (touchpoint));
  g_object_set (touchpoint, "title", "Gone", NULL);
  g_assert_cmpuint (log.count, ==, 1);

  g_free (log.property);
}

static void
test_notes_notify (void)
{
  g_autoptr(KrMap) map = kr_map_new ();
  g_autoptr(KrTouchpoint) touchpoint = kr_touchpoint_new ("t1");
  g_autoptr(KrNote) note = kr_note_new ("CTR below 1 %", NULL);
  ChangeLog log = { 0 };

  kr_map_insert_item (map, 0, KR_ITEM (touchpoint));
  g_signal_connect (map, "item-changed::notes", G_CALLBACK (item_changed_cb), &log);

  kr_touchpoint_insert_note (touchpoint, 0, note);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (g_str_has_suffix (kr_note_get_created (note), "Z"));

  g_object_set (note, "text", "CTR at 2 %", NULL);
  g_assert_cmpuint (log.count, ==, 2);

  kr_touchpoint_remove_note (touchpoint, 0);
  g_assert_cmpuint (log.count, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (kr_touchpoint_get_notes (touchpoint)), ==, 0);

  /* a removed note no longer reports */
  g_object_set (note, "text", "ignored", NULL);
  g_assert_cmpuint (log.count, ==, 3);

  g_free (log.property);
}

static void
test_item_copy (void)
{
  g_autoptr(KrPersona) persona = kr_persona_new ("u1");
  g_autoptr(KrItem) copy = NULL;
  const char *goals[] = { "Fewer tools", "More leads", NULL };
  g_auto(GStrv) copied_goals = NULL;
  int age;

  g_object_set (persona, "name", "Anna", "age", 42, "goals", goals, NULL);
  copy = kr_item_copy (KR_ITEM (persona));

  g_object_get (copy, "age", &age, "goals", &copied_goals, NULL);
  g_assert_cmpstr (kr_persona_get_name (KR_PERSONA (copy)), ==, "Anna");
  g_assert_cmpint (age, ==, 42);
  g_assert_true (g_strv_equal ((const char * const *) copied_goals, goals));
}

/* The map's handlers on an item go with the map: an item kept elsewhere can still change. */
static void
test_item_outlives_map (void)
{
  g_autoptr(KrTouchpoint) touchpoint = kr_touchpoint_new ("t1");
  guint notify = g_signal_lookup ("notify", G_TYPE_OBJECT);
  KrMap *map = kr_map_new ();

  kr_map_insert_item (map, 0, KR_ITEM (touchpoint));
  g_assert_true (g_signal_has_handler_pending (touchpoint, notify, 0, FALSE));

  g_object_unref (map);
  g_assert_false (g_signal_has_handler_pending (touchpoint, notify, 0, FALSE));
  g_object_set (touchpoint, "title", "Still here", "id", "t2", NULL);
  g_assert_cmpstr (kr_item_get_id (KR_ITEM (touchpoint)), ==, "t2");
}

static void
remove_item_cb (KrMap      *map,
                KrItem     *item,
                GParamSpec *pspec,
                gpointer    user_data)
{
  kr_map_remove_item (map, item);
}

/* An item renamed and removed in the same change leaves no stale index entry. */
static void
test_rename_removes_item (void)
{
  g_autoptr(KrMap) map = kr_map_new ();
  g_autoptr(KrPhase) phase = kr_phase_new ("p1");
  gulong handler;

  kr_map_insert_item (map, 0, KR_ITEM (phase));
  handler = g_signal_connect (map, "item-changed::id", G_CALLBACK (remove_item_cb), NULL);

  g_object_set (phase, "id", "p9", NULL);
  g_assert_cmpuint (kr_map_get_n_items (map, KR_ITEM_PHASE), ==, 0);
  g_assert_null (kr_map_lookup_phase (map, "p1"));
  g_assert_null (kr_map_lookup_phase (map, "p9"));

  g_signal_handler_disconnect (map, handler);
  kr_map_insert_item (map, 0, KR_ITEM (phase));
  g_assert_true (kr_map_lookup_phase (map, "p9") == phase);
}

static void
drop_map_cb (KrMap      *map,
             KrItem     *item,
             GParamSpec *pspec,
             gpointer    user_data)
{
  g_object_unref (map);
}

/* A handler of the rename may drop the last reference to the map. */
static void
test_rename_drops_map (void)
{
  g_autoptr(KrPhase) phase = kr_phase_new ("p1");
  KrMap *map = kr_map_new ();

  kr_map_insert_item (map, 0, KR_ITEM (phase));
  g_signal_connect (map, "item-changed::id", G_CALLBACK (drop_map_cb), NULL);
  g_object_add_weak_pointer (G_OBJECT (map), (gpointer *) &map);

  g_object_set (phase, "id", "p9", NULL);
  g_assert_null (map);
  g_assert_cmpstr (kr_item_get_id (KR_ITEM (phase)), ==, "p9");
}

static void
test_waypoints (void)
{
  g_autoptr(KrConnection) connection = kr_connection_new ("c1");
  g_autoptr(KrConnection) other = kr_connection_new ("c2");
  g_autoptr(KrItem) copy = NULL;
  ChangeLog log = { 0 };

  g_signal_connect_swapped (connection, "notify::waypoints", G_CALLBACK (g_nullify_pointer), &log.item);
  log.item = KR_ITEM (connection);

  g_object_set (connection, "waypoints", g_variant_new_parsed ("[(1.0, 2.0), (3.5, -4.0)]"), NULL);
  g_assert_null (log.item);
  g_assert_cmpuint (g_variant_n_children (kr_connection_get_waypoints (connection)), ==, 2);

  copy = kr_item_copy (KR_ITEM (connection));
  g_assert_true (g_variant_equal (kr_connection_get_waypoints (KR_CONNECTION (copy)),
                                  kr_connection_get_waypoints (connection)));

  /* the same points again are no change; none at all are an empty list */
  log.item = KR_ITEM (connection);
  g_object_set (connection, "waypoints", g_variant_new_parsed ("[(1.0, 2.0), (3.5, -4.0)]"), NULL);
  g_assert_nonnull (log.item);
  g_object_set (connection, "waypoints", NULL, NULL);
  g_assert_null (log.item);
  g_assert_cmpuint (g_variant_n_children (kr_connection_get_waypoints (connection)), ==, 0);
  g_assert_true (g_variant_equal (kr_connection_get_waypoints (connection),
                                  kr_connection_get_waypoints (other)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/defaults", test_defaults);
  g_test_add_func ("/model/items-and-index", test_items_and_index);
  g_test_add_func ("/model/generate-id", test_generate_id);
  g_test_add_func ("/model/item-changed", test_item_changed_signal);
  g_test_add_func ("/model/notes-notify", test_notes_notify);
  g_test_add_func ("/model/item-copy", test_item_copy);
  g_test_add_func ("/model/item-outlives-map", test_item_outlives_map);
  g_test_add_func ("/model/rename-removes-item", test_rename_removes_item);
  g_test_add_func ("/model/rename-drops-map", test_rename_drops_map);
  g_test_add_func ("/model/waypoints", test_waypoints);

  return g_test_run ();
}
