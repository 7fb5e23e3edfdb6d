/* test-history.c: undo, redo, merging and the save point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-history.h"
#include "kr-map-saver.h"
#include "kr-set-property-command.h"

static KrCommand *
set_string (gpointer    object,
            const char *property,
            const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return kr_set_property_command_new (object, property, &value, "Edit");
}

static KrCommand *
set_double (gpointer    object,
            const char *property,
            double      number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  return kr_set_property_command_new (object, property, &value, "Move");
}

static void
test_undo_redo (void)
{
  g_autoptr(KrMap) map = kr_map_new ();
  g_autoptr(KrHistory) history = kr_history_new (map);
  g_autoptr(KrTouchpoint) touchpoint = kr_touchpoint_new ("t1");

  kr_map_insert_item (map, 0, KR_ITEM (touchpoint));
  kr_history_mark_saved (history);
  g_assert_false (kr_history_is_modified (history));
  g_assert_false (kr_history_can_undo (history));

  kr_history_push (history, set_string (touchpoint, "title", "Ads"));
  kr_history_break_merge (history);
  kr_history_push (history, set_double (touchpoint, "x", 100));
  g_assert_cmpstr (kr_touchpoint_get_title (touchpoint), ==, "Ads");
  g_assert_cmpfloat (kr_touchpoint_get_x (touchpoint), ==, 100);
  g_assert_true (kr_history_is_modified (history));
  g_assert_cmpstr (kr_history_get_undo_description (history), ==, "Move");

  g_assert_true (kr_history_undo (history));
  g_assert_cmpfloat (kr_touchpoint_get_x (touchpoint), ==, 24);
  g_assert_true (kr_history_undo (history));
  g_assert_cmpstr (kr_touchpoint_get_title (touchpoint), ==, "");
  g_assert_false (kr_history_undo (history));
  g_assert_false (kr_history_is_modified (history));

  g_assert_true (kr_history_redo (history));
  g_assert_true (kr_history_redo (history));
  g_assert_false (kr_history_redo (history));
  g_assert_cmpfloat (kr_touchpoint_get_x (touchpoint), ==, 100);
  g_assert_true (kr_history_is_modified (history));
}

/* Typing into one field is one step; another field starts a new one. */
static void
test_merge (void)
{
  g_autoptr(KrMap) map = kr_map_new ();
  g_autoptr(KrHistory) history = kr_history_new (map);

  kr_history_push (history, set_string (map, "title", "C"));
  kr_history_push (history, set_string (map, "title", "CR"));
  kr_history_push (history, set_string (map, "title", "CRM"));
  kr_history_push (history, set_string (map, "description", "Choosing a CRM"));

  g_assert_true (kr_history_undo (history));
  g_assert_cmpstr (kr_map_get_title (map), ==, "CRM");
  g_assert_true (kr_history_undo (history));
  g_assert_cmpstr (kr_map_get_title (map), ==, "");
  g_assert_false (kr_history_can_undo (history));
}

/* Saving ends a merge run, so the saved state stays reachable by undo. */
static void
test_save_point_stops_merge (void)
{
  g_autoptr(KrMap) map = kr_map_new ();
  g_autoptr(KrHistory) history = kr_history_new (map);

  kr_history_push (history, set_string (map, "title", "Draft"));
  kr_history_mark_saved (history);
  kr_history_push (history, set_string (map, "title", "Final"));
  g_assert_true (kr_history_is_modified (history));

  g_assert_true (kr_history_undo (history));
  g_assert_cmpstr (kr_map_get_title (map), ==, "Draft");
  g_assert_false (kr_history_is_modified (history));
}

/* A new edit after undoing past the save point can never return to it. */
static void
test_save_point_dropped (void)
{
  g_autoptr(KrMap) map = kr_map_new ();
  g_autoptr(KrHistory) history = kr_history_new (map);

  kr_history_push (history, set_string (map, "title", "Saved"));
  kr_history_mark_saved (history);
  kr_history_undo (history);
  kr_history_push (history, set_string (map, "description", "Other"));
  g_assert_true (kr_history_is_modified (history));
  kr_history_undo (history);
  g_assert_true (kr_history_is_modified (history));
}

/* Random edits undone all the way give back the original bytes; redone, the edited ones. */
static void
test_random_edits_round_trip (void)
{
  g_autoptr(KrMap) map = kr_map_new ();
  g_autoptr(KrHistory) history = kr_history_new (map);
  g_autoptr(GPtrArray) touchpoints = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *original = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(KrPhase) phase = kr_phase_new ("p1");

  kr_map_insert_item (map, 0, KR_ITEM (phase));
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *id = kr_map_generate_id (map, KR_ITEM_TOUCHPOINT);
      KrTouchpoint *touchpoint = kr_touchpoint_new (id);

      g_object_set (touchpoint, "phase-id", "p1", NULL);
      kr_map_insert_item (map, i, KR_ITEM (touchpoint));
      g_ptr_array_add (touchpoints, touchpoint);
    }
  original = kr_map_to_data (map, NULL);

  for (int i = 0; i < 200; i++)
    {
      KrTouchpoint *touchpoint = touchpoints->pdata[g_rand_int_range (rand, 0, touchpoints->len)];
      g_autofree char *title = g_strdup_printf ("Title %d", i);

      if (g_rand_boolean (rand))
        kr_history_push (history, set_string (touchpoint, "title", title));
      else
        kr_history_push (history, set_double (touchpoint, "y", g_rand_double_range (rand, 0, 500)));
      if (g_rand_int_range (rand, 0, 3) == 0)
        kr_history_break_merge (history);
    }
  edited = kr_map_to_data (map, NULL);

  while (kr_history_undo (history))
    ;
  undone = kr_map_to_data (map, NULL);
  g_assert_cmpstr (undone, ==, original);

  while (kr_history_redo (history))
    ;
  redone = kr_map_to_data (map, NULL);
  g_assert_cmpstr (redone, ==, edited);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/undo-redo", test_undo_redo);
  g_test_add_func ("/history/merge", test_merge);
  g_test_add_func ("/history/save-point-stops-merge", test_save_point_stops_merge);
  g_test_add_func ("/history/save-point-dropped", test_save_point_dropped);
  g_test_add_func ("/history/random-edits", test_random_edits_round_trip);

  return g_test_run ();
}
