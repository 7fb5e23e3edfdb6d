/* kr-window-actions.c: the actions of a map window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kr-window.h"

#define ZOOM_STEP 1.25

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KrWindow *self = KR_WINDOW (widget);
  KrDocument *document = kr_window_get_document (self);

  if (kr_document_get_file (document) == NULL || kr_document_get_read_only (document))
    kr_window_save_as (self, FALSE);
  else
    kr_window_save_to (self, NULL);
}

typedef struct
{
  KrWindow *window;
  gboolean close_after;
} SaveAsRequest;

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     SaveAsRequest   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (kr_window_save_to (request->window, file) && request->close_after)
        gtk_window_close (GTK_WINDOW (request->window));
    }

  g_object_unref (request->window);
  g_free (request);
  g_object_unref (dialog);
}

/* Asks where to save, then saves (and closes the window if @close_after). */
void
kr_window_save_as (KrWindow *self,
                   gboolean  close_after)
{
  KrDocument *document = kr_window_get_document (self);
  GtkFileChooserNative *dialog;
  SaveAsRequest *request;
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Save Map"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  if (kr_document_get_file (document) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), kr_document_get_file (document), NULL);
  else
    {
      g_autofree char *title = kr_document_dup_title (document);

      name = g_strdup_printf ("%s.kringel", title);
      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  request = g_new0 (SaveAsRequest, 1);
  request->window = g_object_ref (self);
  request->close_after = close_after;
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kr_window_save_as (KR_WINDOW (widget), FALSE);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kr_history_undo (kr_document_get_history (kr_window_get_document (KR_WINDOW (widget))));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kr_history_redo (kr_document_get_history (kr_window_get_document (KR_WINDOW (widget))));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KrCanvas *canvas = kr_window_get_canvas (KR_WINDOW (widget));

  if (g_str_equal (action_name, "win.zoom-in"))
    kr_canvas_set_zoom (canvas, kr_canvas_get_zoom (canvas) * ZOOM_STEP);
  else if (g_str_equal (action_name, "win.zoom-out"))
    kr_canvas_set_zoom (canvas, kr_canvas_get_zoom (canvas) / ZOOM_STEP);
  else if (g_str_equal (action_name, "win.zoom-reset"))
    kr_canvas_set_zoom (canvas, 1.0);
  else
    kr_canvas_zoom_to_fit (canvas);
}

static void
add_touchpoint_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  kr_canvas_add_touchpoint_in_view (kr_window_get_canvas (KR_WINDOW (widget)),
                                    g_variant_get_string (parameter, NULL));
}

/* Phases are added after the last, lanes below the last; the canvas knows how. */
static void
add_phase_or_lane_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KrCanvas *canvas = kr_window_get_canvas (KR_WINDOW (widget));

  gtk_widget_activate_action (GTK_WIDGET (canvas),
                              g_str_equal (action_name, "win.add-phase") ? "canvas.add-phase" : "canvas.add-lane",
                              "b", TRUE);
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  if (g_str_equal (action_name, "win.show-personas"))
    kr_window_toggle_personas (KR_WINDOW (widget));
  else
    kr_window_toggle_inspector (KR_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  if (g_str_equal (action_name, "win.export"))
    kr_window_export (KR_WINDOW (widget));
  else
    kr_window_copy_image (KR_WINDOW (widget));
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kr_window_present_map (KR_WINDOW (widget));
}

void
kr_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-personas", NULL, toggle_panel_action);
  gtk_widget_class_install_action (widget_class, "win.show-inspector", NULL, toggle_panel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-personas", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F4, 0, "win.show-inspector", NULL);
  gtk_widget_class_install_action (widget_class, "win.add-touchpoint", "s", add_touchpoint_action);
  gtk_widget_class_install_action (widget_class, "win.add-phase", NULL, add_phase_or_lane_action);
  gtk_widget_class_install_action (widget_class, "win.add-lane", NULL, add_phase_or_lane_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);

  /* Window bindings, not application accelerators: a focused text field gets Ctrl+Z first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

/* Enables what the document allows. */
void
kr_window_update_actions (KrWindow *self)
{
  KrDocument *document = kr_window_get_document (self);
  KrHistory *history = document ? kr_document_get_history (document) : NULL;
  const char *edit_actions[] = { "win.add-touchpoint", "win.add-phase", "win.add-lane" };

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", history && kr_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", history && kr_history_can_redo (history));

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i],
                                   document && !kr_document_get_read_only (document));
}

/* The map's display settings, saved in the file: stateful actions "map.*" whose state
 * follows the map and whose change is an undoable edit. */

static const char * const map_toggles[] = { "show-personas", "show-notes", "show-emotion-curve" };

static void
map_toggle_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  KrWindow *self = user_data;
  KrEditor *editor = kr_canvas_get_editor (kr_window_get_canvas (self));
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (action));

  if (editor != NULL)
    kr_editor_set (editor, kr_editor_get_map (editor), g_action_get_name (G_ACTION (action)),
                   !g_variant_get_boolean (state), NULL);
}

static void
map_theme_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  KrWindow *self = user_data;
  KrEditor *editor = kr_canvas_get_editor (kr_window_get_canvas (self));

  if (editor != NULL)
    kr_editor_set (editor, kr_editor_get_map (editor), "theme", g_variant_get_string (parameter, NULL), NULL);
}

GActionGroup *
kr_window_create_map_actions (KrWindow *self)
{
  GSimpleActionGroup *group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) theme = g_simple_action_new_stateful ("theme", G_VARIANT_TYPE_STRING,
                                                                 g_variant_new_string ("system"));

  g_signal_connect (theme, "activate", G_CALLBACK (map_theme_activated), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (theme));

  for (guint i = 0; i < G_N_ELEMENTS (map_toggles); i++)
    {
      g_autoptr(GSimpleAction) toggle = g_simple_action_new_stateful (map_toggles[i], NULL,
                                                                      g_variant_new_boolean (FALSE));

      g_signal_connect (toggle, "activate", G_CALLBACK (map_toggle_activated), self);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toggle));
    }

  return G_ACTION_GROUP (group);
}

/* Brings the map.* actions' states in line with @map. */
void
kr_window_sync_map_actions (KrWindow     *self,
                            GActionGroup *group,
                            KrMap        *map)
{
  GAction *theme = g_action_map_lookup_action (G_ACTION_MAP (group), "theme");

  g_simple_action_set_state (G_SIMPLE_ACTION (theme), g_variant_new_string (kr_map_get_theme (map)));
  for (guint i = 0; i < G_N_ELEMENTS (map_toggles); i++)
    {
      GAction *toggle = g_action_map_lookup_action (G_ACTION_MAP (group), map_toggles[i]);
      gboolean shown;

      g_object_get (map, map_toggles[i], &shown, NULL);
      g_simple_action_set_state (G_SIMPLE_ACTION (toggle), g_variant_new_boolean (shown));
    }
}
