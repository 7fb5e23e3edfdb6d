/* test-notes.c: notes, personas and multi-selection edits through KrEditor, undone and saved
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
                                                 "six-phases-funnel.en.kringel", NULL);
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

static char *
save (KrMap *map)
{
  return kr_map_to_data (map, NULL);
}

static KrMap *
reload (KrMap *map)
{
  g_autofree char *data = save (map);
  g_autoptr(GError) error = NULL;
  KrMap *loaded = kr_map_load_from_data (data, strlen (data), "test.kringel", NULL, &error);

  g_assert_no_error (error);
  return loaded;
}

static void
assert_map_is_original (Fixture *fixture)
{
  g_autofree char *now = save (fixture->map);

  g_assert_cmpstr (now, ==, fixture->original);
}

static KrTouchpoint *
touchpoint_at (KrMap *map,
               guint  position)
{
  return kr_map_get_item (map, KR_ITEM_TOUCHPOINT, position);
}

static void
set_note_text (KrEditor   *editor,
               KrNote     *note,
               const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  kr_editor_set_property (editor, note, "text", &value);
}

/* Add, edit, delete: each one undoable step, and what is left survives save and load. */
static void
test_note_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  KrTouchpoint *touchpoint = touchpoint_at (fixture->map, 0);
  GListModel *notes = kr_touchpoint_get_notes (touchpoint);
  guint n_before = g_list_model_get_n_items (notes);
  KrNote *first, *second;
  g_autoptr(KrMap) loaded = NULL;
  GListModel *loaded_notes;
  g_autoptr(KrNote) loaded_note = NULL;
  g_autoptr(KrNote) restored = NULL;

  first = kr_editor_add_note (fixture->editor, touchpoint, "CTR below 1 %");
  second = kr_editor_add_note (fixture->editor, touchpoint, "Ask Sales");
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n_before + 2);
  g_assert_true (g_str_has_suffix (kr_note_get_created (first), "Z"));

  /* typing merges into one step */
  set_note_text (fixture->editor, second, "Ask Sales about");
  set_note_text (fixture->editor, second, "Ask Sales about leads");
  kr_editor_remove_note (fixture->editor, touchpoint, first);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n_before + 1);

  loaded = reload (fixture->map);
  loaded_notes = kr_touchpoint_get_notes (touchpoint_at (loaded, 0));
  g_assert_cmpuint (g_list_model_get_n_items (loaded_notes), ==, n_before + 1);
  loaded_note = g_list_model_get_item (loaded_notes, n_before);
  g_assert_cmpstr (kr_note_get_text (loaded_note), ==, "Ask Sales about leads");
  g_assert_cmpstr (kr_note_get_created (loaded_note), ==, kr_note_get_created (second));

  /* undo the deletion: the first note is back in its place */
  g_assert_true (kr_history_undo (fixture->history));
  restored = g_list_model_get_item (notes, n_before);
  g_assert_true (restored == first);
  /* undo the typing, at once */
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_cmpstr (kr_note_get_text (second), ==, "Ask Sales");
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_false (kr_history_can_undo (fixture->history));
  assert_map_is_original (fixture);

  while (kr_history_redo (fixture->history))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n_before + 1);
}

static void
count_change (KrMap      *map,
              KrItem     *item,
              GParamSpec *pspec,
              guint      *changes)
{
  (*changes)++;
}

/* Adding a note and typing into it reach the map's change signal, so that views redraw. */
static void
test_note_change_notifies_map (Fixture       *fixture,
                               gconstpointer  data)
{
  KrTouchpoint *touchpoint = touchpoint_at (fixture->map, 1);
  guint changes = 0;
  KrNote *note;

  g_signal_connect (fixture->map, "item-changed::notes", G_CALLBACK (count_change), &changes);

  note = kr_editor_add_note (fixture->editor, touchpoint, "");
  g_assert_cmpuint (changes, ==, 1);
  set_note_text (fixture->editor, note, "Call back");
  g_assert_cmpuint (changes, ==, 2);
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_cmpuint (changes, ==, 4);

  g_signal_handlers_disconnect_by_func (fixture->map, count_change, &changes);
}

static void
set_string (GValue     *value,
            const char *text)
{
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text);
}

/* Several cards get one value as one step; typing into it merges; undo gives each its own. */
static void
test_shared_property (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) touchpoints = g_ptr_array_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) typed = G_VALUE_INIT;
  g_auto(GValue) emotion = G_VALUE_INIT;
  g_autofree char *first_channel = g_strdup (kr_touchpoint_get_channel (touchpoint_at (fixture->map, 0)));
  g_autofree char *second_channel = g_strdup (kr_touchpoint_get_channel (touchpoint_at (fixture->map, 1)));

  g_ptr_array_add (touchpoints, touchpoint_at (fixture->map, 0));
  g_ptr_array_add (touchpoints, touchpoint_at (fixture->map, 1));
  g_assert_cmpstr (first_channel, !=, second_channel);

  set_string (&value, "Fa");
  set_string (&typed, "Fax");
  kr_editor_set_shared_property (fixture->editor, touchpoints, "channel", &value);
  kr_editor_set_shared_property (fixture->editor, touchpoints, "channel", &typed);
  g_assert_cmpstr (kr_touchpoint_get_channel (touchpoints->pdata[0]), ==, "Fax");
  g_assert_cmpstr (kr_touchpoint_get_channel (touchpoints->pdata[1]), ==, "Fax");

  g_value_init (&emotion, G_TYPE_INT);
  g_value_set_int (&emotion, 1);
  kr_editor_set_shared_property (fixture->editor, touchpoints, "emotion", &emotion);
  g_assert_cmpint (kr_touchpoint_get_emotion (touchpoints->pdata[1]), ==, 1);

  g_assert_true (kr_history_undo (fixture->history));
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_cmpstr (kr_touchpoint_get_channel (touchpoints->pdata[0]), ==, first_channel);
  g_assert_cmpstr (kr_touchpoint_get_channel (touchpoints->pdata[1]), ==, second_channel);
  g_assert_false (kr_history_can_undo (fixture->history));
  assert_map_is_original (fixture);
}

static void
test_persona_membership (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) touchpoints = g_ptr_array_new ();
  KrPersona *persona = kr_editor_add_persona (fixture->editor, G_MAXUINT);
  const char *id = kr_item_get_id (KR_ITEM (persona));
  char *deleted;

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (touchpoints, touchpoint_at (fixture->map, i));

  kr_editor_set_persona_membership (fixture->editor, touchpoints, id, TRUE);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_strv_contains (kr_touchpoint_get_persona_ids (touchpoints->pdata[i]), id));

  /* taking it off one card is its own step */
  g_ptr_array_set_size (touchpoints, 1);
  kr_editor_set_persona_membership (fixture->editor, touchpoints, id, FALSE);
  g_assert_false (g_strv_contains (kr_touchpoint_get_persona_ids (touchpoints->pdata[0]), id));
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_true (g_strv_contains (kr_touchpoint_get_persona_ids (touchpoints->pdata[0]), id));

  /* deleting the persona strips it from the cards, and undo puts it back on them */
  g_ptr_array_set_size (touchpoints, 0);
  g_ptr_array_add (touchpoints, persona);
  deleted = kr_editor_delete (fixture->editor, touchpoints);
  g_free (deleted);
  g_assert_false (g_strv_contains (kr_touchpoint_get_persona_ids (touchpoint_at (fixture->map, 1)), id));
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_true (g_strv_contains (kr_touchpoint_get_persona_ids (touchpoint_at (fixture->map, 1)), id));

  while (kr_history_undo (fixture->history))
    ;
  assert_map_is_original (fixture);
}

static void
test_persona_add_move_photo (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char photo[] =
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
  guint n = kr_map_get_n_items (fixture->map, KR_ITEM_PERSONA);
  KrPersona *persona = kr_editor_add_persona (fixture->editor, 0);
  g_autoptr(KrMap) loaded = NULL;
  KrPersona *loaded_persona;
  guint position;

  g_assert_cmpuint (kr_map_get_n_items (fixture->map, KR_ITEM_PERSONA), ==, n + 1);
  g_assert_true (kr_map_get_item (fixture->map, KR_ITEM_PERSONA, 0) == (gpointer) persona);
  g_assert_cmpstr (kr_persona_get_name (persona), !=, "");

  kr_editor_move_persona (fixture->editor, persona, n);
  g_assert_true (kr_map_find_position (fixture->map, KR_ITEM (persona), &position));
  g_assert_cmpuint (position, ==, n);

  kr_editor_set_persona_photo (fixture->editor, persona, photo);
  loaded = reload (fixture->map);
  loaded_persona = kr_map_lookup_persona (loaded, kr_item_get_id (KR_ITEM (persona)));
  g_assert_nonnull (loaded_persona);
  g_assert_cmpstr (kr_persona_get_photo (loaded_persona), ==, photo);

  kr_editor_set_persona_photo (fixture->editor, persona, NULL);
  g_assert_null (kr_persona_get_photo (persona));

  for (guint i = 0; i < 4; i++)
    g_assert_true (kr_history_undo (fixture->history));
  g_assert_false (kr_history_can_undo (fixture->history));
  assert_map_is_original (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/notes/round-trip", test_note_round_trip);
  ADD ("/notes/notifies-map", test_note_change_notifies_map);
  ADD ("/notes/shared-property", test_shared_property);
  ADD ("/notes/persona-membership", test_persona_membership);
  ADD ("/notes/persona-add-move-photo", test_persona_add_move_photo);
#undef ADD

  return g_test_run ();
}
