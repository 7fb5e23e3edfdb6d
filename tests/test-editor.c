/* test-editor.c: the edits a person makes, and undoing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-editor.h"
#include "kr-map-loader.h"
#include "kr-map-saver.h"

typedef struct
{
  KrMap *map;
  KrHistory *history;
  KrEditor *editor;
  char *original;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                 "four-phases.en.kringel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  fixture->map = kr_map_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  fixture->history = kr_history_new (fixture->map);
  fixture->editor = kr_editor_new (fixture->history);
  fixture->original = kr_map_to_data (fixture->map, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->editor);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->map);
  g_free (fixture->original);
}

/* Undoing everything gives back the original bytes; redoing everything the edited ones. */
static void
assert_undo_redo_round_trip (Fixture *fixture)
{
  g_autofree char *edited = kr_map_to_data (fixture->map, NULL);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  while (kr_history_undo (fixture->history))
    ;
  undone = kr_map_to_data (fixture->map, NULL);
  g_assert_true (g_str_equal (undone, fixture->original));

  while (kr_history_redo (fixture->history))
    ;
  redone = kr_map_to_data (fixture->map, NULL);
  g_assert_true (g_str_equal (redone, edited));
}

static guint
count_connections_of (KrMap      *map,
                      const char *touchpoint_id)
{
  guint count = 0;

  for (guint i = 0; i < kr_map_get_n_items (map, KR_ITEM_CONNECTION); i++)
    {
      KrConnection *connection = kr_map_get_item (map, KR_ITEM_CONNECTION, i);

      if (g_str_equal (kr_connection_get_from_id (connection), touchpoint_id) ||
          g_str_equal (kr_connection_get_to_id (connection), touchpoint_id))
        count++;
    }

  return count;
}

static void
test_delete_touchpoint_takes_arrows (Fixture       *fixture,
                                     gconstpointer  data)
{
  KrTouchpoint *touchpoint = kr_map_get_item (fixture->map, KR_ITEM_TOUCHPOINT, 1);
  g_autofree char *id = g_strdup (kr_item_get_id (KR_ITEM (touchpoint)));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *description = NULL;
  guint n_before = kr_map_get_n_items (fixture->map, KR_ITEM_TOUCHPOINT);

  g_assert_cmpuint (count_connections_of (fixture->map, id), >, 0);
  g_ptr_array_add (items, touchpoint);
  description = kr_editor_delete (fixture->editor, items);

  g_assert_cmpstr (description, ==, "Deleted 1 touchpoint");
  g_assert_cmpuint (kr_map_get_n_items (fixture->map, KR_ITEM_TOUCHPOINT), ==, n_before - 1);
  g_assert_null (kr_map_lookup_touchpoint (fixture->map, id));
  g_assert_cmpuint (count_connections_of (fixture->map, id), ==, 0);

  /* one undo brings back the card and its arrows */
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_false (kr_history_can_undo (fixture->history));
  g_assert_nonnull (kr_map_lookup_touchpoint (fixture->map, id));
  g_assert_true (kr_history_redo (fixture->history));
  assert_undo_redo_round_trip (fixture);
}

static void
test_delete_phase_takes_cards (Fixture       *fixture,
                               gconstpointer  data)
{
  KrPhase *phase = kr_map_get_item (fixture->map, KR_ITEM_PHASE, 0);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *description = NULL;

  g_ptr_array_add (items, phase);
  description = kr_editor_delete (fixture->editor, items);
  g_assert_cmpstr (description, ==, "Deleted 1 phase");

  for (guint i = 0; i < kr_map_get_n_items (fixture->map, KR_ITEM_TOUCHPOINT); i++)
    g_assert_cmpstr (kr_touchpoint_get_phase_id (kr_map_get_item (fixture->map, KR_ITEM_TOUCHPOINT, i)), !=, "p1");

  /* what is left is still a valid map */
  {
    g_autofree char *saved = kr_map_to_data (fixture->map, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(KrMap) reloaded = kr_map_load_from_data (saved, strlen (saved), "saved", NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (reloaded);
  }

  assert_undo_redo_round_trip (fixture);
}

static void
test_delete_persona_strips_references (Fixture       *fixture,
                                       gconstpointer  data)
{
  KrPersona *persona = kr_map_get_item (fixture->map, KR_ITEM_PERSONA, 0);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *description = NULL;

  g_ptr_array_add (items, persona);
  description = kr_editor_delete (fixture->editor, items);

  for (guint i = 0; i < kr_map_get_n_items (fixture->map, KR_ITEM_TOUCHPOINT); i++)
    g_assert_cmpuint (g_strv_length ((char **) kr_touchpoint_get_persona_ids (kr_map_get_item (fixture->map, KR_ITEM_TOUCHPOINT, i))), ==, 0);

  assert_undo_redo_round_trip (fixture);
}

static void
test_duplicate_copies_arrows_between (Fixture       *fixture,
                                      gconstpointer  data)
{
  KrConnection *connection = kr_map_get_item (fixture->map, KR_ITEM_CONNECTION, 0);
  g_autoptr(GPtrArray) touchpoints = g_ptr_array_new ();
  g_autoptr(GPtrArray) created = NULL;
  guint n_connections = kr_map_get_n_items (fixture->map, KR_ITEM_CONNECTION);

  g_ptr_array_add (touchpoints, kr_map_lookup_touchpoint (fixture->map, kr_connection_get_from_id (connection)));
  g_ptr_array_add (touchpoints, kr_map_lookup_touchpoint (fixture->map, kr_connection_get_to_id (connection)));
  created = kr_editor_duplicate (fixture->editor, touchpoints, 24, 24);

  g_assert_cmpuint (created->len, >=, 3);
  g_assert_true (KR_IS_TOUCHPOINT (created->pdata[0]));
  g_assert_nonnull (kr_map_lookup_touchpoint (fixture->map, kr_item_get_id (created->pdata[0])));
  g_assert_cmpfloat (kr_touchpoint_get_x (created->pdata[0]), ==,
                     kr_touchpoint_get_x (touchpoints->pdata[0]) + 24);
  g_assert_cmpuint (kr_map_get_n_items (fixture->map, KR_ITEM_CONNECTION), >, n_connections);

  assert_undo_redo_round_trip (fixture);
}

/* Copying into a fragment and pasting into another map keeps cells by title. */
static void
test_copy_paste_between_maps (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) selection = g_ptr_array_new ();
  g_autoptr(KrMap) fragment = NULL;
  g_autoptr(KrMap) other = kr_map_new ();
  g_autoptr(KrHistory) other_history = kr_history_new (other);
  g_autoptr(KrEditor) other_editor = kr_editor_new (other_history);
  g_autoptr(KrPhase) phase = kr_phase_new ("x1");
  g_autoptr(KrPhase) same_title = kr_phase_new ("x2");
  g_autoptr(KrLane) lane = kr_lane_new ("y1");
  g_autoptr(GPtrArray) created = NULL;
  g_autofree char *text = NULL;
  g_autoptr(KrMap) parsed = NULL;
  KrPhase *first_phase = kr_map_get_item (fixture->map, KR_ITEM_PHASE, 0);

  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (selection, kr_map_get_item (fixture->map, KR_ITEM_TOUCHPOINT, i));
  fragment = kr_editor_copy (fixture->editor, selection);
  g_assert_cmpuint (kr_map_get_n_items (fragment, KR_ITEM_TOUCHPOINT), ==, 2);

  /* through text, as the clipboard carries it */
  text = kr_map_to_data (fragment, NULL);
  parsed = kr_map_load_from_data (text, strlen (text), "clipboard", NULL, NULL);
  g_assert_nonnull (parsed);

  g_object_set (same_title, "title", kr_phase_get_title (first_phase), NULL);
  kr_map_insert_item (other, 0, KR_ITEM (phase));
  kr_map_insert_item (other, 1, KR_ITEM (same_title));
  kr_map_insert_item (other, 0, KR_ITEM (lane));

  created = kr_editor_paste (other_editor, parsed, "x1", "y1", 0, 0);
  g_assert_cmpuint (kr_map_get_n_items (other, KR_ITEM_TOUCHPOINT), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      KrTouchpoint *pasted = kr_map_get_item (other, KR_ITEM_TOUCHPOINT, i);

      g_assert_cmpstr (kr_touchpoint_get_lane_id (pasted), ==, "y1");
      if (g_str_equal (kr_touchpoint_get_phase_id (selection->pdata[i]), kr_item_get_id (KR_ITEM (first_phase))))
        g_assert_cmpstr (kr_touchpoint_get_phase_id (pasted), ==, "x2");
    }

  kr_history_undo (other_history);
  g_assert_cmpuint (kr_map_get_n_items (other, KR_ITEM_TOUCHPOINT), ==, 0);
}

static void
test_place_and_connect (Fixture       *fixture,
                        gconstpointer  data)
{
  KrTouchpoint *touchpoint = kr_map_get_item (fixture->map, KR_ITEM_TOUCHPOINT, 0);
  KrTouchpoint *other = kr_map_get_item (fixture->map, KR_ITEM_TOUCHPOINT, 3);
  KrPlacement placement = { touchpoint, "p3", "offline", 40, 50 };
  KrConnection *loop;

  kr_editor_place_touchpoints (fixture->editor, &placement, 1);
  g_assert_cmpstr (kr_touchpoint_get_phase_id (touchpoint), ==, "p3");
  g_assert_cmpstr (kr_touchpoint_get_lane_id (touchpoint), ==, "offline");
  g_assert_cmpfloat (kr_touchpoint_get_x (touchpoint), ==, 40);

  kr_editor_connect (fixture->editor, touchpoint, other);
  loop = kr_editor_connect (fixture->editor, touchpoint, touchpoint);
  g_assert_cmpstr (kr_connection_get_from_id (loop), ==, kr_connection_get_to_id (loop));

  kr_editor_set (fixture->editor, loop, "label", "again", "style", "dashed", NULL);
  g_assert_true (kr_connection_is_dashed (loop));
  g_assert_cmpstr (kr_history_get_undo_description (fixture->history), ==, "Change label");

  assert_undo_redo_round_trip (fixture);
}

static void
test_phases_and_lanes (Fixture       *fixture,
                       gconstpointer  data)
{
  KrPhase *phase = kr_editor_add_phase (fixture->editor, 1);
  KrLane *lane = kr_editor_add_lane (fixture->editor, 0);
  KrItem *last = kr_map_get_item (fixture->map, KR_ITEM_PHASE, 4);

  g_assert_true (kr_map_get_item (fixture->map, KR_ITEM_PHASE, 1) == phase);
  g_assert_true (kr_map_get_item (fixture->map, KR_ITEM_LANE, 0) == lane);

  kr_editor_move_item (fixture->editor, last, 0);
  g_assert_true (kr_map_get_item (fixture->map, KR_ITEM_PHASE, 0) == last);

  assert_undo_redo_round_trip (fixture);
}

/* The first lane added to a map without lanes takes in every card. */
static void
test_first_lane_adopts_cards (void)
{
  g_autoptr(KrMap) map = kr_map_new ();
  g_autoptr(KrHistory) history = kr_history_new (map);
  g_autoptr(KrEditor) editor = kr_editor_new (history);
  g_autoptr(KrPhase) phase = kr_phase_new ("p1");
  KrTouchpoint *touchpoint;
  KrLane *lane;

  kr_map_insert_item (map, 0, KR_ITEM (phase));
  touchpoint = kr_editor_add_touchpoint (editor, "p1", NULL, 10, 10, "email");
  g_assert_cmpstr (kr_touchpoint_get_channel (touchpoint), ==, "email");
  lane = kr_editor_add_lane (editor, 0);
  g_assert_cmpstr (kr_touchpoint_get_lane_id (touchpoint), ==, kr_item_get_id (KR_ITEM (lane)));

  kr_history_undo (history);
  g_assert_null (kr_touchpoint_get_lane_id (touchpoint));
}

/* Many random edits of every kind, undone and redone. */
static void
test_random_edits (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (int step = 0; step < 120; step++)
    {
      KrMap *map = fixture->map;
      guint n = kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT);
      KrTouchpoint *touchpoint = n ? kr_map_get_item (map, KR_ITEM_TOUCHPOINT, g_rand_int_range (rand, 0, n)) : NULL;
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      g_autofree char *description = NULL;
      g_autoptr(GPtrArray) created = NULL;

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          kr_editor_add_touchpoint (fixture->editor, "p2", "online", g_rand_double_range (rand, 0, 300), 30, "chat");
          break;
        case 1:
          if (touchpoint)
            {
              KrPlacement placement = { touchpoint, "p4", "offline", g_rand_double_range (rand, 0, 200), 20 };
              kr_editor_place_touchpoints (fixture->editor, &placement, 1);
            }
          break;
        case 2:
          if (touchpoint)
            {
              g_ptr_array_add (items, touchpoint);
              description = kr_editor_delete (fixture->editor, items);
            }
          break;
        case 3:
          if (touchpoint)
            kr_editor_connect (fixture->editor, touchpoint, kr_map_get_item (map, KR_ITEM_TOUCHPOINT, 0));
          break;
        case 4:
          if (touchpoint)
            {
              g_ptr_array_add (items, touchpoint);
              created = kr_editor_duplicate (fixture->editor, items, 8, 8);
            }
          break;
        default:
          if (touchpoint)
            kr_editor_set (fixture->editor, touchpoint, "title", "Edited", "emotion", g_rand_int_range (rand, 1, 6), NULL);
          break;
        }
      kr_history_break_merge (fixture->history);
    }

  assert_undo_redo_round_trip (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/editor/delete/touchpoint", test_delete_touchpoint_takes_arrows);
  ADD ("/editor/delete/phase", test_delete_phase_takes_cards);
  ADD ("/editor/delete/persona", test_delete_persona_strips_references);
  ADD ("/editor/duplicate", test_duplicate_copies_arrows_between);
  ADD ("/editor/copy-paste", test_copy_paste_between_maps);
  ADD ("/editor/place-and-connect", test_place_and_connect);
  ADD ("/editor/phases-and-lanes", test_phases_and_lanes);
  ADD ("/editor/random-edits", test_random_edits);
#undef ADD
  g_test_add_func ("/editor/first-lane", test_first_lane_adopts_cards);

  return g_test_run ();
}
