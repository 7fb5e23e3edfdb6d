/* kr-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kr-autosave.h"
#include "kr-channel-palette.h"
#include "kr-export-dialog.h"
#include "kr-export.h"
#include "kr-inspector.h"
#include "kr-outline.h"
#include "kr-persona-panel.h"
#include "kr-presentation.h"
#include "kr-presenter-view.h"
#include "kr-templates.h"
#include "kr-window.h"

struct _KrWindow
{
  AdwApplicationWindow parent_instance;

  KrDocument *document;
  KrEditor *editor;
  KrSelection *selection;
  GSettings *settings;          /* NULL when the schema is not installed */
  GActionGroup *map_actions;
  KrAutosave *autosave;             /* the recovery copy of this window's unsaved changes */
  guint autosave_source;
  KrPresentation *presentation;     /* weak: the running presentation */
  GtkWindow *presenter_window;      /* weak: its presenter view on the laptop screen */
  gboolean closing_confirmed;

  /* template children */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GCancellable *copy_cancellable;   /* the picture being drawn for the clipboard */
  GtkMenuButton *primary_menu_button;
  GtkMenuButton *template_menu_button;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  KrCanvas *canvas;
  KrOutline *outline;
  KrInspector *inspector;
  KrPersonaPanel *persona_panel;
  GtkStack *sidebar_stack;
  GtkToggleButton *sidebar_button;
  GtkToggleButton *inspector_button;
  GtkLabel *zoom_label;
};

G_DEFINE_FINAL_TYPE (KrWindow, kr_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (KrWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  if (self->document == NULL)
    return;

  name = kr_document_dup_title (self->document);
  file = kr_document_get_file (self->document);

  if (kr_document_get_read_only (self->document))
    subtitle = g_strdup (_("Read-only"));
  else if (file == NULL)
    subtitle = g_strdup (_("Not saved"));
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      subtitle = parent ? g_file_get_parse_name (parent) : NULL;
    }

  if (kr_document_is_modified (self->document))
    {
      g_autofree char *marked = g_strdup_printf ("• %s", name);

      adw_window_title_set_title (self->window_title, marked);
      /* TRANSLATORS: the window title of a map with unsaved changes */
      window_title = g_strdup_printf (_("*%s — Kringel"), name);
    }
  else
    {
      adw_window_title_set_title (self->window_title, name);
      window_title = g_strdup_printf (_("%s — Kringel"), name);
    }

  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_zoom_label (KrWindow *self)
{
  g_autofree char *text = g_strdup_printf ("%.0f %%", kr_canvas_get_zoom (self->canvas) * 100);

  gtk_label_set_text (self->zoom_label, text);
}

static void
show_banner (KrWindow   *self,
             const char *message)
{
  gtk_label_set_text (self->banner_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

/* The canvas follows the desktop's style unless the map chose its own. */
static void
update_canvas_theme (KrWindow *self)
{
  const char *theme = self->document ? kr_map_get_theme (kr_document_get_map (self->document)) : "system";
  gboolean dark;

  if (g_str_equal (theme, "dark"))
    dark = TRUE;
  else if (g_str_equal (theme, "light"))
    dark = FALSE;
  else
    dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  kr_renderer_set_theme (kr_canvas_get_renderer (self->canvas), dark ? KR_THEME_DARK : KR_THEME_LIGHT);
}

static void
map_settings_changed (KrWindow *self)
{
  kr_window_sync_map_actions (self, self->map_actions, kr_document_get_map (self->document));
  update_canvas_theme (self);
}

static gboolean
autosave_cb (gpointer user_data)
{
  KrWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosave_source = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;

  if (kr_document_is_modified (self->document))
    {
      if (!kr_autosave_write (self->autosave, self->document, &error))
        g_warning ("Could not write the recovery copy: %s", error->message);
    }
  else
    kr_autosave_discard (self->autosave, NULL);

  return G_SOURCE_REMOVE;
}

/* Unsaved work is copied to the state folder a few seconds after the last edit. */
static void
schedule_autosave (KrWindow *self)
{
  guint seconds = self->settings ? g_settings_get_uint (self->settings, "autosave-interval") : 5;

  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add_seconds (MAX (seconds, 1), autosave_cb, self);
}

static void
document_changed (KrWindow *self)
{
  if (self->document != NULL && kr_document_is_modified (self->document))
    schedule_autosave (self);
  update_title (self);
  kr_window_update_actions (self);
  if (self->document != NULL)
    {
      gboolean editable = !kr_document_get_read_only (self->document);

      kr_canvas_set_editable (self->canvas, editable);
      kr_inspector_set_editable (self->inspector, editable);
      kr_persona_panel_set_editable (self->persona_panel, editable);
    }
}

static void
presentation_closed_cb (KrWindow *self)
{
  if (self->presenter_window != NULL)
    gtk_window_destroy (self->presenter_window);
  g_clear_weak_pointer (&self->presentation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", TRUE);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
stop_presentation (KrWindow *self)
{
  if (self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presentation));
}

/* Presents the map fullscreen: on a second screen if there is one, with the presenter view
 * (notes, next phase, timer) on this window's screen; else on this screen. */
void
kr_window_present_map (KrWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *projector;
  KrPresentation *presentation;

  if (self->presentation != NULL || self->editor == NULL)
    return;

  projector = kr_presentation_pick_monitor (display, surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL);
  presentation = kr_presentation_new (gtk_window_get_application (GTK_WINDOW (self)), self->editor, self->selection);
  g_set_weak_pointer (&self->presentation, presentation);
  g_signal_connect_object (presentation, "closed", G_CALLBACK (presentation_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", FALSE);

  if (projector != NULL)
    {
      GtkWidget *presenter = gtk_window_new ();

      gtk_window_set_title (GTK_WINDOW (presenter), _("Presenter View"));
      gtk_window_set_transient_for (GTK_WINDOW (presenter), GTK_WINDOW (self));
      gtk_window_set_default_size (GTK_WINDOW (presenter), 1000, 700);
      gtk_window_set_child (GTK_WINDOW (presenter), kr_presenter_view_new (presentation));
      g_set_weak_pointer (&self->presenter_window, GTK_WINDOW (presenter));
      gtk_window_present (GTK_WINDOW (presenter));
    }

  kr_presentation_start (presentation, projector);
}

static char *
suggested_name (KrWindow *self)
{
  g_autofree char *title = kr_document_dup_title (self->document);
  char *dot = g_str_has_suffix (title, ".kringel") || g_str_has_suffix (title, ".json") ? strrchr (title, '.') : NULL;

  if (dot != NULL)
    *dot = '\0';
  g_strdelimit (title, "/\\", '-');
  return g_steal_pointer (&title);
}

/* Ctrl+E: the export dialog, with a preview of exactly what the file will hold. */
void
kr_window_export (KrWindow *self)
{
  g_autofree char *name = suggested_name (self);
  KrRect view = kr_canvas_get_viewport (self->canvas);

  gtk_window_present (GTK_WINDOW (kr_export_dialog_new (GTK_WINDOW (self), kr_document_get_map (self->document),
                                                        self->selection, &view, name, self->settings)));
}

typedef struct
{
  GWeakRef window;
  gboolean selection;   /* of the selected cards, not the whole map */
} CopyImage;

static void
copy_image_free (CopyImage *copy)
{
  g_weak_ref_clear (&copy->window);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CopyImage, copy_image_free)

static void
copy_image_done_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CopyImage) copy = user_data;
  g_autoptr(KrWindow) self = g_weak_ref_get (&copy->window);
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = kr_export_map_to_bytes_finish (result, &error);

  /* a newer copy took its place, or the window went */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bytes == NULL)
    {
      kr_window_show_error (self, _("Could Not Copy the Picture"), error->message);
      return;
    }

  provider = gdk_content_provider_new_for_bytes ("image/png", bytes);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (copy->selection ? _("Copied a picture of the selection")
                                                              : _("Copied a picture of the map")));
}

/* Ctrl+Shift+C: a sharp PNG of the selected cards (or the whole map) on the clipboard, ready
 * to paste into a presentation. Drawn on another thread: a big map takes seconds. */
void
kr_window_copy_image (KrWindow *self)
{
  g_autoptr(GPtrArray) touchpoints = kr_selection_get_touchpoints (self->selection);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  CopyImage *copy = g_new0 (CopyImage, 1);
  KrExportOptions options;

  for (guint i = 0; i < touchpoints->len; i++)
    g_strv_builder_add (builder, kr_item_get_id (touchpoints->pdata[i]));
  ids = g_strv_builder_end (builder);

  kr_export_options_init (&options);
  options.scale = 2;
  options.scope = touchpoints->len > 0 ? KR_EXPORT_SELECTION : KR_EXPORT_WHOLE_MAP;
  options.selection = (const char * const *) ids;

  g_weak_ref_init (&copy->window, self);
  copy->selection = touchpoints->len > 0;
  g_cancellable_cancel (self->copy_cancellable);
  g_clear_object (&self->copy_cancellable);
  self->copy_cancellable = g_cancellable_new ();
  kr_export_map_to_bytes_async (kr_document_get_map (self->document), &options, self->copy_cancellable,
                                copy_image_done_cb, copy);
}

/* Coming back to the window: has another program changed or removed the file meanwhile? */
static void
check_disk (KrWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  KrDiskState state;

  if (!gtk_window_is_active (GTK_WINDOW (self)) || self->document == NULL ||
      kr_document_get_file (self->document) == NULL)
    return;

  state = kr_document_check_disk (self->document, NULL);
  name = kr_document_dup_title (self->document);
  if (state == KR_DISK_STATE_CHANGED)
    message = g_strdup_printf (_("Another program changed “%s” since it was opened here. Saving will ask "
                                 "whether to replace it, save elsewhere or reload."), name);
  else if (state == KR_DISK_STATE_DELETED)
    message = g_strdup_printf (_("“%s” was deleted or moved. Save to write it again."), name);

  if (message != NULL)
    show_banner (self, message);
}

/* The persona chosen in the panel is highlighted on the map, or is all it shows. */
static void
persona_focus_changed (KrWindow *self)
{
  KrRenderer *renderer = kr_canvas_get_renderer (self->canvas);

  kr_renderer_set_highlight_persona (renderer, kr_persona_panel_get_highlight_persona (self->persona_panel));
  kr_renderer_set_filter_persona (renderer, kr_persona_panel_get_filter_persona (self->persona_panel));
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

/* F9: the persona panel in the side bar, or the side bar away if it is showing already. */
void
kr_window_toggle_personas (KrWindow *self)
{
  gboolean showing = gtk_toggle_button_get_active (self->sidebar_button) &&
                     g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "personas") == 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, "personas");
  gtk_toggle_button_set_active (self->sidebar_button, !showing);
}

void
kr_window_toggle_inspector (KrWindow *self)
{
  gtk_toggle_button_set_active (self->inspector_button, !gtk_toggle_button_get_active (self->inspector_button));
}

/* Shows @document in the window, replacing what was there. */
void
kr_window_set_document (KrWindow   *self,
                        KrDocument *document)
{
  g_return_if_fail (KR_IS_WINDOW (self));
  g_return_if_fail (KR_IS_DOCUMENT (document));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (kr_document_get_map (self->document), self);
    }

  /* a presentation shows the old map through the old editor */
  stop_presentation (self);
  if (self->autosave != NULL)
    kr_autosave_discard (self->autosave, NULL);
  g_set_object (&self->document, document);
  g_signal_connect_swapped (kr_document_get_map (document), "notify", G_CALLBACK (map_settings_changed), self);
  map_settings_changed (self);
  g_signal_connect_swapped (document, "notify", G_CALLBACK (document_changed), self);
  g_signal_connect_swapped (kr_document_get_history (document), "notify", G_CALLBACK (document_changed), self);

  g_clear_object (&self->editor);
  g_clear_object (&self->selection);
  self->editor = kr_editor_new (kr_document_get_history (document));
  self->selection = kr_selection_new (kr_document_get_map (document));
  kr_canvas_set_editor (self->canvas, self->editor, self->selection);
  kr_outline_set_map (self->outline, kr_document_get_map (document), self->selection);
  kr_inspector_set_editor (self->inspector, self->editor, self->selection);
  kr_persona_panel_set_editor (self->persona_panel, self->editor, self->selection);
  kr_canvas_set_editable (self->canvas, !kr_document_get_read_only (document));
  show_banner (self, kr_document_get_warning (document));
  document_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) "application/x-kringel",
    .app_name = (char *) "Kringel",
    .app_exec = (char *) "kringel %f",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* A blank map to start from: one phase and the two usual lanes. */
static KrMap *
create_blank_map (void)
{
  KrMap *map = kr_map_new ();
  g_autoptr(KrPhase) phase = kr_phase_new ("p1");
  g_autoptr(KrLane) online = kr_lane_new ("l1");
  g_autoptr(KrLane) offline = kr_lane_new ("l2");

  g_object_set (phase, "title", _("Awareness"), NULL);
  g_object_set (online, "title", _("Online"), NULL);
  g_object_set (offline, "title", _("Offline"), NULL);
  kr_map_insert_item (map, 0, KR_ITEM (phase));
  kr_map_insert_item (map, 0, KR_ITEM (online));
  kr_map_insert_item (map, 1, KR_ITEM (offline));

  return map;
}

void
kr_window_new_map (KrWindow *self)
{
  g_autoptr(KrMap) map = create_blank_map ();
  g_autoptr(KrDocument) document = kr_document_new (map);

  kr_window_set_document (self, document);
}

static void
canvas_toast_cb (KrCanvas   *canvas,
                 const char *message,
                 gboolean    offer_undo,
                 KrWindow   *self)
{
  AdwToast *toast = adw_toast_new (message);

  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Loads @file; on failure shows why and keeps what the window had. */
gboolean
kr_window_open_file (KrWindow *self,
                     GFile    *file)
{
  g_autoptr(KrDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KR_IS_WINDOW (self), FALSE);

  document = kr_document_load (file, &error);
  if (document == NULL)
    {
      if (self->document == NULL)
        kr_window_new_map (self);
      kr_window_show_error (self, _("Could Not Open the Map"), error->message);
      return FALSE;
    }

  kr_window_set_document (self, document);
  add_to_recent (file);
  return TRUE;
}

gboolean
kr_window_new_from_template (KrWindow   *self,
                             const char *template_id)
{
  const KrTemplate *template = kr_templates_lookup (template_id);
  g_autoptr(KrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (KR_IS_WINDOW (self), FALSE);

  if (template == NULL)
    {
      g_warning ("No template “%s”", template_id);
      return FALSE;
    }

  file = kr_template_get_file (template, kr_templates_language ());
  document = kr_document_new_from_file (file, &error);
  if (document == NULL)
    {
      if (self->document == NULL)
        kr_window_new_map (self);
      kr_window_show_error (self, _("Could Not Open the Template"), error->message);
      return FALSE;
    }

  kr_window_set_document (self, document);
  return TRUE;
}

/* The view is stored in the file but is not an edit: it is copied into the map only when
 * saving and does not go through the history. */
static void
store_view (KrWindow *self)
{
  KrRect viewport = kr_canvas_get_viewport (self->canvas);

  g_object_set (kr_document_get_map (self->document),
                "view-zoom", kr_canvas_get_zoom (self->canvas),
                "view-x", viewport.x,
                "view-y", viewport.y,
                NULL);
}

static void
saved (KrWindow *self)
{
  g_autoptr(GError) error = NULL;

  show_banner (self, NULL);
  add_to_recent (kr_document_get_file (self->document));
  if (!kr_autosave_discard (self->autosave, &error) &&
      !g_error_matches (error, KR_AUTOSAVE_ERROR, KR_AUTOSAVE_ERROR_NOT_FOUND))
    g_warning ("Could not remove the recovery copy: %s", error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Map saved")));
}

static void reload (KrWindow *self);

static void
changed_on_disk_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             KrWindow         *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "overwrite"))
    {
      store_view (self);
      if (kr_document_save_full (self->document, KR_SAVE_FORCE, &error))
        saved (self);
      else
        kr_window_show_error (self, _("Could Not Save the Map"), error->message);
    }
  else if (g_str_equal (response, "save-as"))
    kr_window_save_as (self, FALSE);
  else if (g_str_equal (response, "reload"))
    reload (self);
}

/* Another program changed the file: the person decides, nothing is overwritten silently. */
static void
ask_about_changed_file (KrWindow *self)
{
  g_autofree char *name = kr_document_dup_title (self->document);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Was Changed"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Another program changed “%s” after it was opened. Saving now "
                                    "would replace those changes."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (changed_on_disk_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Loads the file again, dropping the unsaved changes (the person chose to). */
static void
reload (KrWindow *self)
{
  g_autoptr(GFile) file = g_object_ref (kr_document_get_file (self->document));
  g_autoptr(GError) error = NULL;

  kr_autosave_discard (self->autosave, &error);
  kr_window_open_file (self, file);
}

/* Saves the document into @file (or its own file when NULL); shows any failure. */
gboolean
kr_window_save_to (KrWindow *self,
                   GFile    *file)
{
  g_autoptr(GError) error = NULL;
  gboolean done;

  g_return_val_if_fail (KR_IS_WINDOW (self), FALSE);

  store_view (self);
  if (file != NULL)
    done = kr_document_save_as (self->document, file, &error);
  else
    done = kr_document_save (self->document, &error);

  if (!done)
    {
      if (g_error_matches (error, KR_DOCUMENT_ERROR, KR_DOCUMENT_ERROR_CHANGED_ON_DISK))
        ask_about_changed_file (self);
      else
        kr_window_show_error (self, _("Could Not Save the Map"), error->message);
      return FALSE;
    }

  saved (self);
  return TRUE;
}

/* Shows a map recovered after a crash: unsaved, so the person saves it where they want. */
void
kr_window_restore (KrWindow   *self,
                   KrAutosave *recovered)
{
  g_autoptr(KrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KrMap) map = kr_autosave_restore (recovered, &file, &error);

  if (map == NULL)
    {
      kr_window_new_map (self);
      kr_window_show_error (self, _("Could Not Recover the Map"), error->message);
      return;
    }

  document = kr_document_new_recovered (map, file);
  kr_window_set_document (self, document);
  /* the recovered copy now belongs to this window: replaced by its next autosave */
  g_set_object (&self->autosave, recovered);
  schedule_autosave (self);
}

void
kr_window_show_error (KrWindow   *self,
                      const char *heading,
                      const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   KrWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->closing_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      if (kr_document_get_file (self->document) == NULL || kr_document_get_read_only (self->document))
        kr_window_save_as (self, TRUE);
      else if (kr_window_save_to (self, NULL))
        gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_window_state (KrWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
apply_snapping (KrWindow *self)
{
  kr_canvas_set_snapping (self->canvas, g_settings_get_uint (self->settings, "grid-size"),
                          g_settings_get_boolean (self->settings, "snap-to-grid"));
}

static void
restore_window_state (KrWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema == NULL)
    return;

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_swapped (self->settings, "changed::grid-size", G_CALLBACK (apply_snapping), self);
  g_signal_connect_swapped (self->settings, "changed::snap-to-grid", G_CALLBACK (apply_snapping), self);
  apply_snapping (self);
}

static gboolean
kr_window_close_request (GtkWindow *window)
{
  KrWindow *self = KR_WINDOW (window);
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  if (self->closing_confirmed || self->document == NULL || !kr_document_is_modified (self->document))
    {
      /* saved, or the person chose to discard: the recovery copy goes too */
      kr_autosave_discard (self->autosave, NULL);
      save_window_state (self);
      return GTK_WINDOW_CLASS (kr_window_parent_class)->close_request (window);
    }

  title = kr_document_dup_title (self->document);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not saved will be "
                                    "permanently lost."), title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static GMenuModel *
create_template_menu (void)
{
  GMenu *menu = g_menu_new ();
  const KrTemplate *templates;
  guint n_templates;

  templates = kr_templates_get (&n_templates);
  for (guint i = 0; i < n_templates; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(templates[i].name), NULL);

      g_menu_item_set_action_and_target (item, "app.new-from-template", "s", templates[i].id);
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static void
kr_window_constructed (GObject *object)
{
  KrWindow *self = KR_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GMenuModel) templates = create_template_menu ();
  GMenuModel *primary_menu = gtk_menu_button_get_menu_model (self->primary_menu_button);
  g_autoptr(GMenu) template_menu = g_menu_new ();

  G_OBJECT_CLASS (kr_window_parent_class)->constructed (object);

  g_menu_append_section (template_menu, _("New From Template"), templates);
  gtk_menu_button_set_menu_model (self->template_menu_button, G_MENU_MODEL (template_menu));

  /* The recent files go into the placeholder section of the primary menu. */
  if (KR_IS_APPLICATION (app) && primary_menu != NULL && G_IS_MENU (primary_menu))
    g_menu_insert_section (G_MENU (primary_menu), 1, _("Recent Maps"),
                           kr_application_get_recent_menu (KR_APPLICATION (app)));
}

static void
kr_window_dispose (GObject *object)
{
  KrWindow *self = KR_WINDOW (object);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (kr_document_get_history (self->document), self);
      g_signal_handlers_disconnect_by_data (kr_document_get_map (self->document), self);
    }
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_cancellable_cancel (self->copy_cancellable);
  g_clear_object (&self->copy_cancellable);
  stop_presentation (self);
  g_clear_object (&self->document);
  g_clear_object (&self->map_actions);
  g_clear_object (&self->editor);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_object (&self->autosave);

  gtk_widget_dispose_template (GTK_WIDGET (self), KR_TYPE_WINDOW);

  G_OBJECT_CLASS (kr_window_parent_class)->dispose (object);
}

static void
kr_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KrWindow *self = KR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_window_class_init (KrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kr_window_constructed;
  object_class->dispose = kr_window_dispose;
  object_class->get_property = kr_window_get_property;

  window_class->close_request = kr_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KR_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KR_TYPE_CANVAS);
  g_type_ensure (KR_TYPE_CHANNEL_PALETTE);
  g_type_ensure (KR_TYPE_OUTLINE);
  g_type_ensure (KR_TYPE_INSPECTOR);
  g_type_ensure (KR_TYPE_PERSONA_PANEL);
  kr_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kringel/Kringel/ui/kr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, template_menu_button);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, persona_panel);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, KrWindow, zoom_label);

  kr_window_class_add_actions (widget_class);
}

static void
kr_window_init (KrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  restore_window_state (self);

  self->autosave = kr_autosave_new ();
  g_signal_connect (self, "notify::is-active", G_CALLBACK (check_disk), NULL);
  self->map_actions = kr_window_create_map_actions (self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "map", self->map_actions);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (update_canvas_theme), self);

  g_signal_connect_swapped (self->canvas, "notify::zoom", G_CALLBACK (update_zoom_label), self);
  g_signal_connect (self->canvas, "show-toast", G_CALLBACK (canvas_toast_cb), self);
  g_signal_connect_swapped (self->persona_panel, "notify::highlight-persona", G_CALLBACK (persona_focus_changed), self);
  g_signal_connect_swapped (self->persona_panel, "notify::filter-persona", G_CALLBACK (persona_focus_changed), self);
  update_zoom_label (self);
}

KrWindow *
kr_window_new (KrApplication *application)
{
  return g_object_new (KR_TYPE_WINDOW, "application", application, NULL);
}

KrDocument *
kr_window_get_document (KrWindow *self)
{
  g_return_val_if_fail (KR_IS_WINDOW (self), NULL);
  return self->document;
}

GFile *
kr_window_get_file (KrWindow *self)
{
  g_return_val_if_fail (KR_IS_WINDOW (self), NULL);
  return self->document ? kr_document_get_file (self->document) : NULL;
}

KrCanvas *
kr_window_get_canvas (KrWindow *self)
{
  g_return_val_if_fail (KR_IS_WINDOW (self), NULL);
  return self->canvas;
}
