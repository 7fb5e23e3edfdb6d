/* test-inspector.c: the inspector and the persona panel, driven through their real widgets
 *
 * Every edit is made the way a person makes it (text into the entry, a toggle of the
 * button, a value of the spin button) and must change the map as one undoable step that
 * undo takes back completely, in the map and in the widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "kr-channel.h"
#include "kr-channel-chooser.h"
#include "kr-color-palette.h"
#include "kr-emotion-scale.h"
#include "kr-inspector.h"
#include "kr-map-loader.h"
#include "kr-map-saver.h"
#include "kr-note-row.h"
#include "kr-persona-panel.h"
#include "kr-photo.h"
#include "kr-text-area.h"

typedef struct
{
  KrMap *map;
  KrHistory *history;
  KrEditor *editor;
  KrSelection *selection;
  GtkWindow *window;
  KrInspector *inspector;
  KrPersonaPanel *panel;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                 "six-phases-funnel.en.kringel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  fixture->map = kr_map_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  fixture->history = kr_history_new (fixture->map);
  fixture->editor = kr_editor_new (fixture->history);
  fixture->selection = kr_selection_new (fixture->map);

  fixture->inspector = KR_INSPECTOR (kr_inspector_new ());
  fixture->panel = KR_PERSONA_PANEL (kr_persona_panel_new ());
  gtk_widget_set_size_request (GTK_WIDGET (fixture->inspector), 340, 700);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->panel), 320, 700);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->panel));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->inspector));
  kr_inspector_set_editor (fixture->inspector, fixture->editor, fixture->selection);
  kr_persona_panel_set_editor (fixture->panel, fixture->editor, fixture->selection);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->editor);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->map);
}

static gpointer
inspector_child (Fixture    *fixture,
                 const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->inspector), KR_TYPE_INSPECTOR, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
panel_child (Fixture    *fixture,
             const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->panel), KR_TYPE_PERSONA_PANEL, name);

  g_assert_nonnull (child);
  return child;
}

static KrTouchpoint *
touchpoint_at (Fixture *fixture,
               guint    position)
{
  return kr_map_get_item (fixture->map, KR_ITEM_TOUCHPOINT, position);
}

static char *
save (Fixture *fixture)
{
  return kr_map_to_data (fixture->map, NULL);
}

static void
type_text_area (KrTextArea *area,
                const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (kr_text_area_get_text_view (area)), text, -1);
}

static void
click (gpointer button)
{
  g_signal_emit_by_name (button, "clicked");
}

/* The focus leaves @widget, as when the person tabs away. */
static void
leave_field (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint left = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_FOCUS (controller))
        {
          g_signal_emit_by_name (controller, "leave");
          left++;
        }
    }

  g_assert_cmpuint (left, >, 0);
}

/* The first line where two saved maps differ, for a readable failure. */
static char *
first_difference (const char *a,
                  const char *b)
{
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);

  for (guint i = 0; lines_a[i] && lines_b[i]; i++)
    if (!g_str_equal (lines_a[i], lines_b[i]))
      return g_strdup_printf ("line %u: %s ≠ %s", i + 1, lines_a[i], lines_b[i]);

  return g_strv_length (lines_a) == g_strv_length (lines_b) ? NULL : g_strdup ("different lengths");
}

/* @edit changes the map as one step; undo restores the saved bytes exactly. */
#define ASSERT_ONE_UNDOABLE_STEP(fixture, edit) G_STMT_START {                        \
    g_autofree char *before_ = save (fixture);                                         \
    g_autofree char *after_ = NULL;                                                    \
    g_autofree char *undone_ = NULL;                                                   \
    g_autofree char *difference_ = NULL;                                               \
    edit;                                                                              \
    after_ = save (fixture);                                                           \
    if (g_str_equal (after_, before_))                                                 \
      g_error ("%s did not change the map", #edit);                                    \
    g_assert_true (kr_history_undo ((fixture)->history));                              \
    undone_ = save (fixture);                                                          \
    difference_ = first_difference (before_, undone_);                                 \
    if (difference_ != NULL)                                                           \
      g_error ("undoing %s left a difference: %s", #edit, difference_);                \
    kr_history_break_merge ((fixture)->history);                                       \
  } G_STMT_END

static void
select_touchpoint (Fixture *fixture,
                   guint    position)
{
  kr_selection_select_only (fixture->selection, touchpoint_at (fixture, position));
  g_assert_cmpstr (kr_inspector_get_page (fixture->inspector), ==, "touchpoint");
}

static guint
drop_down_position (const char *channel)
{
  for (KrChannel i = 1; i < KR_N_CHANNELS; i++)
    if (g_strcmp0 (kr_channel_to_string (i), channel) == 0)
      return i;
  g_assert_not_reached ();
}

static void
test_touchpoint_fields (Fixture       *fixture,
                        gconstpointer  data)
{
  KrTouchpoint *touchpoint = touchpoint_at (fixture, 0);
  GtkEditable *title = inspector_child (fixture, "title_row");
  KrChannelChooser *channel = inspector_child (fixture, "channel_chooser");
  KrEmotionScale *emotion = inspector_child (fixture, "emotion_scale");
  KrColorPalette *palette = inspector_child (fixture, "touchpoint_palette");
  GtkListBox *persona_list = inspector_child (fixture, "persona_list");
  GtkListBoxRow *persona_row;
  GtkCheckButton *persona_check;
  g_autofree char *old_title = g_strdup (kr_touchpoint_get_title (touchpoint));
  int old_emotion = kr_touchpoint_get_emotion (touchpoint);

  select_touchpoint (fixture, 0);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, old_title);

  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_editable_set_text (title, "Retargeting ad"));
  g_assert_cmpstr (gtk_editable_get_text (title), ==, old_title);

  ASSERT_ONE_UNDOABLE_STEP (fixture, type_text_area (inspector_child (fixture, "description_area"), "Shown after a visit"));
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_editable_set_text (inspector_child (fixture, "owner_row"), "Brand team"));
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_editable_set_text (inspector_child (fixture, "kpis_row"), "Click rate"));
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_editable_set_text (inspector_child (fixture, "systems_row"), "Ad server"));
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_spin_button_set_value (inspector_child (fixture, "points_spin"), 8));
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_check_button_set_active (inspector_child (fixture, "done_check"),
                                                                  !kr_touchpoint_get_done (touchpoint)));
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_switch_set_active (inspector_child (fixture, "direct_switch"),
                                                            !kr_touchpoint_get_direct (touchpoint)));

  /* emotion: a face button */
  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    gtk_toggle_button_set_active (kr_emotion_scale_get_button (emotion, old_emotion == 1 ? 5 : 1), TRUE);
    g_assert_cmpint (kr_touchpoint_get_emotion (touchpoint), ==, old_emotion == 1 ? 5 : 1);
  });
  g_assert_cmpint (kr_emotion_scale_get_value (emotion), ==, old_emotion);

  /* channel: a known one from the drop-down, then free text */
  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    gtk_drop_down_set_selected (kr_channel_chooser_get_drop_down (channel), drop_down_position ("letter"));
    g_assert_cmpstr (kr_touchpoint_get_channel (touchpoint), ==, "letter");
  });
  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    gtk_drop_down_set_selected (kr_channel_chooser_get_drop_down (channel), KR_N_CHANNELS);
    gtk_editable_set_text (kr_channel_chooser_get_entry (channel), "Fa");
    gtk_editable_set_text (kr_channel_chooser_get_entry (channel), "Fax");
    g_assert_cmpstr (kr_touchpoint_get_channel (touchpoint), ==, "Fax");
  });

  /* colour: a swatch, then back to the phase's colour */
  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    gtk_toggle_button_set_active (kr_color_palette_get_swatch (palette, "#c01c28"), TRUE);
    g_assert_cmpstr (kr_touchpoint_get_color (touchpoint), ==, "#c01c28");
  });
  g_assert_null (kr_touchpoint_get_color (touchpoint));

  /* personas: the template's persona is ticked; unticking removes it */
  persona_row = gtk_list_box_get_row_at_index (persona_list, 0);
  g_assert_nonnull (persona_row);
  persona_check = g_object_get_data (G_OBJECT (persona_row), "kr-check");
  g_assert_true (gtk_check_button_get_active (persona_check));
  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    gtk_check_button_set_active (persona_check, FALSE);
    g_assert_cmpuint (g_strv_length ((char **) kr_touchpoint_get_persona_ids (touchpoint)), ==, 0);
  });
  g_assert_true (gtk_check_button_get_active (persona_check));
}

/* Typing is one step until the field loses the focus; the model echoing the typing leaves
 * the text and cursor alone. */
static void
test_typing_merges (Fixture       *fixture,
                    gconstpointer  data)
{
  KrTouchpoint *touchpoint = touchpoint_at (fixture, 1);
  GtkEditable *title = inspector_child (fixture, "title_row");
  g_autofree char *original = g_strdup (kr_touchpoint_get_title (touchpoint));
  g_auto(GValue) value = G_VALUE_INIT;

  select_touchpoint (fixture, 1);
  gtk_editable_set_text (title, "W");
  gtk_editable_set_text (title, "We");
  gtk_editable_set_text (title, "Web");
  gtk_editable_set_position (title, 1);
  g_assert_cmpstr (kr_touchpoint_get_title (touchpoint), ==, "Web");

  /* another change of the card (here from elsewhere) does not touch the field */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Changed elsewhere");
  kr_editor_set_property (fixture->editor, touchpoint, "owner", &value);
  g_assert_cmpint (gtk_editable_get_position (title), ==, 1);
  g_assert_true (kr_history_undo (fixture->history));

  leave_field (GTK_WIDGET (title));
  gtk_editable_set_text (title, "Webinar");
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_cmpstr (kr_touchpoint_get_title (touchpoint), ==, "Web");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Web");
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_cmpstr (kr_touchpoint_get_title (touchpoint), ==, original);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, original);
  g_assert_false (kr_history_can_undo (fixture->history));
}

static void
test_multi_selection (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  KrEmotionScale *emotion = inspector_child (fixture, "emotion_scale");
  KrChannelChooser *channel = inspector_child (fixture, "channel_chooser");
  GtkCheckButton *done = inspector_child (fixture, "done_check");
  KrColorPalette *palette = inspector_child (fixture, "touchpoint_palette");
  GtkListBox *persona_list = inspector_child (fixture, "persona_list");
  GtkCheckButton *persona_check;
  gboolean mixed_emotions = FALSE;

  for (guint i = 0; i < 4; i++)
    {
      g_ptr_array_add (items, touchpoint_at (fixture, i));
      mixed_emotions |= kr_touchpoint_get_emotion (items->pdata[i]) != kr_touchpoint_get_emotion (items->pdata[0]);
    }
  kr_selection_set (fixture->selection, items);

  g_assert_cmpstr (kr_inspector_get_page (fixture->inspector), ==, "touchpoint");
  g_assert_cmpstr (gtk_label_get_text (inspector_child (fixture, "touchpoint_heading")), ==, "4 Touchpoints");
  g_assert_false (gtk_widget_get_visible (inspector_child (fixture, "title_group")));
  g_assert_false (gtk_widget_get_visible (inspector_child (fixture, "notes_group")));
  g_assert_true (mixed_emotions);
  g_assert_cmpint (kr_emotion_scale_get_value (emotion), ==, 0);

  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    gtk_toggle_button_set_active (kr_emotion_scale_get_button (emotion, 2), TRUE);
    for (guint i = 0; i < items->len; i++)
      g_assert_cmpint (kr_touchpoint_get_emotion (items->pdata[i]), ==, 2);
  });
  g_assert_cmpint (kr_emotion_scale_get_value (emotion), ==, 0);

  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    gtk_drop_down_set_selected (kr_channel_chooser_get_drop_down (channel), KR_N_CHANNELS);
    gtk_editable_set_text (kr_channel_chooser_get_entry (channel), "P");
    gtk_editable_set_text (kr_channel_chooser_get_entry (channel), "Podcast");
    for (guint i = 0; i < items->len; i++)
      g_assert_cmpstr (kr_touchpoint_get_channel (items->pdata[i]), ==, "Podcast");
  });

  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    gtk_check_button_set_active (done, TRUE);
    for (guint i = 0; i < items->len; i++)
      g_assert_true (kr_touchpoint_get_done (items->pdata[i]));
  });

  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    gtk_toggle_button_set_active (kr_color_palette_get_swatch (palette, "#2ec27e"), TRUE);
    for (guint i = 0; i < items->len; i++)
      g_assert_cmpstr (kr_touchpoint_get_color (items->pdata[i]), ==, "#2ec27e");
  });

  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_switch_set_active (inspector_child (fixture, "direct_switch"),
                                                            !gtk_switch_get_active (inspector_child (fixture, "direct_switch"))));

  /* a persona some cards have is half-ticked; ticking gives it to all, as one step */
  persona_check = g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (persona_list, 0)), "kr-check");
  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    gtk_check_button_set_active (persona_check, FALSE);
    for (guint i = 0; i < items->len; i++)
      g_assert_null (kr_touchpoint_get_persona_ids (items->pdata[i])[0]);
  });
  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    kr_editor_set_persona_membership (fixture->editor, items, "claudia", FALSE);
    g_ptr_array_set_size (items, 2);
    kr_editor_set_persona_membership (fixture->editor, items, "claudia", TRUE);
    g_assert_true (gtk_check_button_get_inconsistent (persona_check));
    g_assert_true (kr_history_undo (fixture->history));
  });
}

static KrNoteRow *
note_row (Fixture *fixture,
          guint    position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (inspector_child (fixture, "notes_list"), position);

  g_assert_true (KR_IS_NOTE_ROW (row));
  return KR_NOTE_ROW (row);
}

/* Notes added, written and deleted in the inspector survive saving and loading. */
static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  KrTouchpoint *touchpoint = touchpoint_at (fixture, 2);
  GListModel *notes = kr_touchpoint_get_notes (touchpoint);
  guint n = g_list_model_get_n_items (notes);
  g_autofree char *saved = NULL;
  g_autoptr(KrMap) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *loaded_notes;
  g_autoptr(KrNote) loaded_note = NULL;

  select_touchpoint (fixture, 2);
  click (inspector_child (fixture, "add_note_button"));
  click (inspector_child (fixture, "add_note_button"));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n + 2);
  type_text_area (kr_note_row_get_text_area (note_row (fixture, n)), "Too many fields in the form");
  type_text_area (kr_note_row_get_text_area (note_row (fixture, n + 1)), "Ask the web team");
  click (kr_note_row_get_delete_button (note_row (fixture, n)));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n + 1);
  g_assert_cmpstr (kr_text_area_get_text (kr_note_row_get_text_area (note_row (fixture, n))), ==, "Ask the web team");

  saved = save (fixture);
  loaded = kr_map_load_from_data (saved, strlen (saved), "notes.kringel", NULL, &error);
  g_assert_no_error (error);
  loaded_notes = kr_touchpoint_get_notes (kr_map_get_item (loaded, KR_ITEM_TOUCHPOINT, 2));
  g_assert_cmpuint (g_list_model_get_n_items (loaded_notes), ==, n + 1);
  loaded_note = g_list_model_get_item (loaded_notes, n);
  g_assert_cmpstr (kr_note_get_text (loaded_note), ==, "Ask the web team");
  g_assert_true (g_str_has_suffix (kr_note_get_created (loaded_note), "Z"));

  /* undo: the deleted note is back with its text, in the list too */
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n + 2);
  g_assert_cmpstr (kr_text_area_get_text (kr_note_row_get_text_area (note_row (fixture, n))), ==,
                   "Too many fields in the form");
  while (kr_history_undo (fixture->history))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n);
}

static void
test_phase_lane_connection (Fixture       *fixture,
                            gconstpointer  data)
{
  KrPhase *phase = kr_map_get_item (fixture->map, KR_ITEM_PHASE, 1);
  KrLane *lane = kr_map_get_item (fixture->map, KR_ITEM_LANE, 0);
  KrConnection *connection = kr_map_get_item (fixture->map, KR_ITEM_CONNECTION, 0);
  const char *rows[] = { "customer_activities_area", "customer_goals_area", "company_goal_area", "phase_kpis_area",
                         "org_activities_area", "responsible_area", "phase_systems_area" };

  kr_selection_select_only (fixture->selection, phase);
  g_assert_cmpstr (kr_inspector_get_page (fixture->inspector), ==, "phase");
  g_assert_cmpstr (gtk_editable_get_text (inspector_child (fixture, "phase_title_row")), ==, kr_phase_get_title (phase));
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_editable_set_text (inspector_child (fixture, "phase_title_row"), "Research"));
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_spin_button_set_value (inspector_child (fixture, "phase_width_spin"), 500));
  ASSERT_ONE_UNDOABLE_STEP (fixture, type_text_area (inspector_child (fixture, "phase_description_area"), "Why"));
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_toggle_button_set_active (
                              kr_color_palette_get_swatch (inspector_child (fixture, "phase_palette"), "#986a44"), TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    ASSERT_ONE_UNDOABLE_STEP (fixture, type_text_area (inspector_child (fixture, rows[i]), rows[i]));
  type_text_area (inspector_child (fixture, "company_goal_area"), "More leads");
  {
    g_autofree char *goal = NULL;

    g_object_get (phase, "company-goal", &goal, NULL);
    g_assert_cmpstr (goal, ==, "More leads");
  }
  g_assert_true (kr_history_undo (fixture->history));

  kr_selection_select_only (fixture->selection, lane);
  g_assert_cmpstr (kr_inspector_get_page (fixture->inspector), ==, "lane");
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_editable_set_text (inspector_child (fixture, "lane_title_row"), "Digital"));
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_spin_button_set_value (inspector_child (fixture, "lane_height_spin"), 300));

  kr_selection_select_only (fixture->selection, connection);
  g_assert_cmpstr (kr_inspector_get_page (fixture->inspector), ==, "connection");
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_editable_set_text (inspector_child (fixture, "connection_label_row"), "later"));
  ASSERT_ONE_UNDOABLE_STEP (fixture, {
    adw_combo_row_set_selected (inspector_child (fixture, "connection_style_row"),
                                kr_connection_is_dashed (connection) ? 0 : 1);
  });

  kr_selection_clear (fixture->selection);
  g_assert_cmpstr (kr_inspector_get_page (fixture->inspector), ==, "map");
  ASSERT_ONE_UNDOABLE_STEP (fixture, gtk_editable_set_text (inspector_child (fixture, "map_title_row"), "Funnel 2027"));

  /* a phase and a card together can not be edited together */
  kr_selection_add (fixture->selection, phase);
  kr_selection_add (fixture->selection, touchpoint_at (fixture, 0));
  g_assert_cmpstr (kr_inspector_get_page (fixture->inspector), ==, "mixed");
}

/* Undoing the addition of the shown card empties the selection and the inspector follows. */
static void
test_follows_removal (Fixture       *fixture,
                      gconstpointer  data)
{
  KrItem *phase = kr_map_get_item (fixture->map, KR_ITEM_PHASE, 0);
  KrItem *lane = kr_map_get_item (fixture->map, KR_ITEM_LANE, 0);
  KrTouchpoint *touchpoint = kr_editor_add_touchpoint (fixture->editor, kr_item_get_id (phase),
                                                       kr_item_get_id (lane), 10, 10, "email");

  g_assert_nonnull (touchpoint);
  kr_selection_select_only (fixture->selection, touchpoint);
  g_assert_cmpstr (kr_inspector_get_page (fixture->inspector), ==, "touchpoint");
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_cmpstr (kr_inspector_get_page (fixture->inspector), ==, "map");
}

static void
test_persona_panel_add_and_save (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *directory = g_dir_make_tmp ("kringel-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "personas.kringel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint n = kr_map_get_n_items (fixture->map, KR_ITEM_PERSONA);
  KrPersona *persona;
  g_auto(GStrv) goals = NULL;
  int age;

  click (panel_child (fixture, "add_button"));
  g_assert_cmpuint (kr_map_get_n_items (fixture->map, KR_ITEM_PERSONA), ==, n + 1);
  persona = kr_persona_panel_get_persona (fixture->panel);
  g_assert_nonnull (persona);
  g_assert_true (kr_map_get_item (fixture->map, KR_ITEM_PERSONA, n) == (gpointer) persona);
  g_assert_cmpstr (kr_persona_panel_get_highlight_persona (fixture->panel), ==, kr_item_get_id (KR_ITEM (persona)));

  /* typing the name is one step, also while the inspector shows the persona */
  kr_selection_select_only (fixture->selection, persona);
  g_assert_cmpstr (kr_inspector_get_page (fixture->inspector), ==, "persona");
  gtk_editable_set_text (panel_child (fixture, "name_row"), "B");
  gtk_editable_set_text (panel_child (fixture, "name_row"), "Bernd");
  g_assert_cmpstr (adw_status_page_get_title (inspector_child (fixture, "persona_page")), ==, "Bernd");
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_cmpstr (kr_persona_get_name (persona), ==, "New persona");
  g_assert_cmpstr (gtk_editable_get_text (panel_child (fixture, "name_row")), ==, "New persona");
  g_assert_true (kr_history_redo (fixture->history));
  kr_history_break_merge (fixture->history);

  gtk_editable_set_text (panel_child (fixture, "name_row"), "Bernd Brandt");
  gtk_editable_set_text (panel_child (fixture, "role_row"), "IT-Leiter");
  gtk_editable_set_text (panel_child (fixture, "age_row"), "4x");
  g_assert_true (gtk_widget_has_css_class (panel_child (fixture, "age_row"), "error"));
  gtk_editable_set_text (panel_child (fixture, "age_row"), "51");
  gtk_editable_set_text (panel_child (fixture, "gender_row"), "male");
  gtk_editable_set_text (panel_child (fixture, "income_row"), "90k");
  type_text_area (panel_child (fixture, "goals_area"), "Secure systems\n\n  Few vendors  \n");
  type_text_area (panel_child (fixture, "pain_points_area"), "Shadow IT");
  type_text_area (panel_child (fixture, "motives_area"), "Control");
  type_text_area (panel_child (fixture, "influencers_area"), "Gartner\nPeers");
  type_text_area (panel_child (fixture, "quote_area"), "Not another tool.");
  gtk_toggle_button_set_active (kr_color_palette_get_swatch (panel_child (fixture, "persona_palette"), "#1c9fa6"), TRUE);

  g_object_get (persona, "goals", &goals, "age", &age, NULL);
  g_assert_cmpuint (g_strv_length (goals), ==, 2);
  g_assert_cmpstr (goals[1], ==, "Few vendors");
  g_assert_cmpint (age, ==, 51);
  /* the trailing empty line the person typed stays in the field */
  g_assert_true (g_str_has_suffix (kr_text_area_get_text (panel_child (fixture, "goals_area")), "\n"));

  g_assert_true (kr_map_save_to_file (fixture->map, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"name\": \"Bernd Brandt\""));
  g_assert_nonnull (strstr (contents, "\"role\": \"IT-Leiter\""));
  g_assert_nonnull (strstr (contents, "\"age\": 51"));
  g_assert_nonnull (strstr (contents, "\"Few vendors\""));
  g_assert_nonnull (strstr (contents, "\"Peers\""));
  g_assert_nonnull (strstr (contents, "\"quote\": \"Not another tool.\""));
  g_assert_nonnull (strstr (contents, "\"color\": \"#1c9fa6\""));

  /* clearing the age makes it unknown again */
  gtk_editable_set_text (panel_child (fixture, "age_row"), "");
  g_assert_cmpint (kr_persona_get_age (persona), ==, -1);

  g_unlink (path);
  g_rmdir (directory);
}

static void
test_persona_panel_reorder_delete (Fixture       *fixture,
                                   gconstpointer  data)
{
  KrPersona *first = kr_map_get_item (fixture->map, KR_ITEM_PERSONA, 0);
  KrPersona *added;
  guint position;
  g_autofree char *before = save (fixture);
  g_autofree char *undone = NULL;
  gboolean first_had_touchpoints = kr_touchpoint_get_persona_ids (touchpoint_at (fixture, 0))[0] != NULL;

  click (panel_child (fixture, "add_button"));
  added = kr_persona_panel_get_persona (fixture->panel);
  g_assert_false (gtk_widget_get_sensitive (panel_child (fixture, "move_down_button")));

  click (panel_child (fixture, "move_up_button"));
  g_assert_true (kr_map_find_position (fixture->map, KR_ITEM (added), &position));
  g_assert_cmpuint (position, ==, 0);
  /* still selected after its row was re-created */
  g_assert_true (kr_persona_panel_get_persona (fixture->panel) == added);
  g_assert_false (gtk_widget_get_sensitive (panel_child (fixture, "move_up_button")));

  click (panel_child (fixture, "move_down_button"));
  g_assert_true (kr_map_find_position (fixture->map, KR_ITEM (added), &position));
  g_assert_cmpuint (position, ==, 1);

  /* highlight follows the selection; the filter only when switched on */
  kr_persona_panel_select (fixture->panel, first);
  g_assert_cmpstr (kr_persona_panel_get_highlight_persona (fixture->panel), ==, kr_item_get_id (KR_ITEM (first)));
  g_assert_null (kr_persona_panel_get_filter_persona (fixture->panel));
  gtk_switch_set_active (panel_child (fixture, "filter_switch"), TRUE);
  g_assert_cmpstr (kr_persona_panel_get_filter_persona (fixture->panel), ==, kr_item_get_id (KR_ITEM (first)));

  /* deleting strips the persona from its cards; undo brings both back */
  g_assert_true (first_had_touchpoints);
  click (panel_child (fixture, "delete_button"));
  g_assert_null (kr_map_lookup_persona (fixture->map, "claudia"));
  g_assert_null (kr_touchpoint_get_persona_ids (touchpoint_at (fixture, 0))[0]);
  g_assert_true (kr_persona_panel_get_persona (fixture->panel) == added);
  g_assert_cmpstr (kr_persona_panel_get_filter_persona (fixture->panel), ==, kr_item_get_id (KR_ITEM (added)));

  while (kr_history_undo (fixture->history))
    ;
  undone = save (fixture);
  g_assert_cmpstr (undone, ==, before);
  g_assert_nonnull (kr_touchpoint_get_persona_ids (touchpoint_at (fixture, 0))[0]);
  g_assert_null (kr_persona_panel_get_persona (fixture->panel));
  g_assert_null (kr_persona_panel_get_highlight_persona (fixture->panel));
  g_assert_null (kr_persona_panel_get_filter_persona (fixture->panel));

  /* a persona selected on the map is selected in the panel */
  kr_selection_select_only (fixture->selection, first);
  g_assert_true (kr_persona_panel_get_persona (fixture->panel) == first);
  g_assert_cmpstr (kr_inspector_get_page (fixture->inspector), ==, "persona");
}

static char *
write_test_picture (const char *directory,
                    int         width,
                    int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  char *path = g_build_filename (directory, "photo.png", NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3d7dd8ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return path;
}

/* A 1000 × 800 picture becomes a photo of at most 256 px, embedded, that the loader takes. */
static void
test_photo_downscaled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *directory = g_dir_make_tmp ("kringel-test-XXXXXX", NULL);
  g_autofree char *path = write_test_picture (directory, 1000, 800);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkPixbuf) photo = NULL;
  g_autoptr(KrMap) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  KrPersona *persona = kr_map_get_item (fixture->map, KR_ITEM_PERSONA, 0);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  kr_persona_panel_select (fixture->panel, persona);
  g_assert_false (gtk_widget_get_visible (panel_child (fixture, "remove_photo_button")));
  kr_persona_panel_load_photo (fixture->panel, file);
  while (kr_persona_get_photo (persona) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (kr_persona_get_photo (persona));
  g_assert_true (g_str_has_prefix (kr_persona_get_photo (persona), "data:image/png;base64,"));
  photo = kr_photo_to_pixbuf (kr_persona_get_photo (persona));
  g_assert_nonnull (photo);
  g_assert_cmpint (gdk_pixbuf_get_width (photo), ==, 256);
  g_assert_cmpint (gdk_pixbuf_get_height (photo), ==, 205);
  g_assert_true (gtk_widget_get_visible (panel_child (fixture, "remove_photo_button")));

  saved = save (fixture);
  loaded = kr_map_load_from_data (saved, strlen (saved), "photo.kringel", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kr_persona_get_photo (kr_map_get_item (loaded, KR_ITEM_PERSONA, 0)), ==,
                   kr_persona_get_photo (persona));

  click (panel_child (fixture, "remove_photo_button"));
  g_assert_null (kr_persona_get_photo (persona));
  g_assert_true (kr_history_undo (fixture->history));
  g_assert_nonnull (kr_persona_get_photo (persona));

  g_unlink (path);
  g_rmdir (directory);
}

/* A transparent picture stays a PNG; a small one is not enlarged. */
static void
test_photo_formats (void)
{
  g_autoptr(GdkPixbuf) transparent = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 300, 600);
  g_autoptr(GdkPixbuf) small = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 40, 30);
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GdkPixbuf) decoded_small = NULL;
  g_autofree char *png = NULL;
  g_autofree char *jpeg = NULL;
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (transparent, 0xff000080);
  gdk_pixbuf_fill (small, 0x00ff00ff);
  png = kr_photo_data_uri_from_pixbuf (transparent, KR_PHOTO_MAX_SIDE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (png, "data:image/png;base64,"));
  decoded = kr_photo_to_pixbuf (png);
  g_assert_cmpint (gdk_pixbuf_get_width (decoded), ==, 128);
  g_assert_cmpint (gdk_pixbuf_get_height (decoded), ==, 256);

  jpeg = kr_photo_data_uri_from_pixbuf (small, KR_PHOTO_MAX_SIDE, &error);
  g_assert_no_error (error);
  decoded_small = kr_photo_to_pixbuf (jpeg);
  g_assert_cmpint (gdk_pixbuf_get_width (decoded_small), ==, 40);
  g_assert_null (kr_photo_to_pixbuf ("data:text/plain;base64,aGk="));
}

/* Every control that shows only an icon has a name for screen readers. */
static void
assert_icon_buttons_named (GtkWidget *widget)
{
  /* GTK's and libadwaita's own composite widgets name their parts themselves */
  if (GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || ADW_IS_ENTRY_ROW (widget) ||
      ADW_IS_COMBO_ROW (widget) || !gtk_widget_get_visible (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_icon_buttons_named (child);

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (child == NULL || GTK_IS_IMAGE (child) || GTK_IS_DRAWING_AREA (child) || GTK_IS_BOX (child))
        {
          if (gtk_widget_get_tooltip_text (widget) == NULL)
            g_error ("a %s in a %s has no tooltip", G_OBJECT_TYPE_NAME (widget),
                     G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
        }
    }
}

static void
test_icon_buttons_named (Fixture       *fixture,
                         gconstpointer  data)
{
  select_touchpoint (fixture, 0);
  click (inspector_child (fixture, "add_note_button"));
  assert_icon_buttons_named (GTK_WIDGET (fixture->inspector));
  assert_icon_buttons_named (GTK_WIDGET (fixture->panel));
}

/* From the generated kringel-resources.c; referring to it links the resources in, whose
 * constructor registers them. */
GResource *kringel_get_resource (void);

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (kringel_get_resource ());

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/inspector/touchpoint-fields", test_touchpoint_fields);
  ADD ("/inspector/typing-merges", test_typing_merges);
  ADD ("/inspector/multi-selection", test_multi_selection);
  ADD ("/inspector/notes", test_notes);
  ADD ("/inspector/phase-lane-connection", test_phase_lane_connection);
  ADD ("/inspector/follows-removal", test_follows_removal);
  ADD ("/inspector/icon-buttons-named", test_icon_buttons_named);
  ADD ("/persona-panel/add-and-save", test_persona_panel_add_and_save);
  ADD ("/persona-panel/reorder-delete", test_persona_panel_reorder_delete);
  ADD ("/persona-panel/photo-downscaled", test_photo_downscaled);
  g_test_add_func ("/photo/formats", test_photo_formats);
#undef ADD

  return g_test_run ();
}
