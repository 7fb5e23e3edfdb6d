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

  return g_test_run ();
}
