/* kr-export-dialog.c
 *
 * Every choice updates the preview (drawn by the export code itself, so it is what the file
 * will hold) and the line under it: the picture's size and how large its smallest text
 * will be on a 1080p slide, with a warning when that is too small to read. The format,
 * size, theme and background chosen are remembered for the next export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "kr-export.h"
#include "kr-export-dialog.h"

/* The first rows of the size list are scales; presets follow. */
static const double scales[] = { 1, 2, 4 };

struct _KrExportDialog
{
  AdwWindow parent_instance;

  KrMap *map;
  KrSelection *selection;
  KrRect view;
  char *suggested_name;
  GSettings *settings;      /* may be NULL */
  GStrv selection_ids;
  GCancellable *cancellable;  /* while an export is written */
  KrRenderer *renderer;       /* for the preview and sizes: the map's routes, found once */

  GtkDrawingArea *preview;
  GtkLabel *size_label;
  GtkButton *export_button;
  GtkSpinner *spinner;
  GtkWidget *choices;
  AdwComboRow *format_row;
  AdwComboRow *scope_row;
  AdwComboRow *phase_row;
  AdwComboRow *size_row;
  GtkSwitch *slides_switch;
  AdwComboRow *theme_row;
  AdwComboRow *background_row;
  GtkSwitch *personas_switch;
  GtkSwitch *emotion_switch;
};

G_DEFINE_FINAL_TYPE (KrExportDialog, kr_export_dialog, ADW_TYPE_WINDOW)

/* The options as the dialog shows them; strings borrowed from the dialog and the map. */
static void
get_options (KrExportDialog  *self,
             KrExportOptions *options)
{
  guint size = adw_combo_row_get_selected (self->size_row);
  guint phase = adw_combo_row_get_selected (self->phase_row);
  guint n_presets;
  const KrExportPreset *presets = kr_export_get_presets (&n_presets);

  kr_export_options_init (options);
  options->format = adw_combo_row_get_selected (self->format_row);
  options->scope = adw_combo_row_get_selected (self->scope_row);
  options->theme = adw_combo_row_get_selected (self->theme_row);
  options->background = adw_combo_row_get_selected (self->background_row);
  options->view = self->view;
  options->selection = (const char * const *) self->selection_ids;
  options->renderer = self->renderer;

  if (options->scope == KR_EXPORT_PHASE && phase < kr_map_get_n_items (self->map, KR_ITEM_PHASE))
    options->phase_id = kr_item_get_id (kr_map_get_item (self->map, KR_ITEM_PHASE, phase));

  if (size < G_N_ELEMENTS (scales))
    {
      options->size_mode = KR_EXPORT_SIZE_SCALE;
      options->scale = scales[size];
    }
  else if (size - G_N_ELEMENTS (scales) < n_presets)
    {
      options->size_mode = KR_EXPORT_SIZE_PRESET;
      options->preset = &presets[size - G_N_ELEMENTS (scales)];
    }

  if (!gtk_switch_get_active (self->personas_switch))
    options->layers |= KR_RENDER_NO_PERSONAS;
  if (!gtk_switch_get_active (self->emotion_switch))
    options->layers |= KR_RENDER_NO_EMOTION_CURVE;
  options->phases_per_slide = gtk_switch_get_active (self->slides_switch) ? 1 : 0;
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  KrExportDialog *self = user_data;
  KrExportOptions options;
  KrExportSize size;
  double scale;

  get_options (self, &options);
  if (!kr_export_measure (self->map, &options, &size, NULL) || size.width <= 0 || size.height <= 0)
    return;

  /* the first page, fitted and centred, on a checkerboard-free grey */
  scale = MIN (width / size.width, height / size.height);
  cairo_set_source_rgb (cr, 0.85, 0.85, 0.86);
  cairo_paint (cr);
  cairo_translate (cr, (width - size.width * scale) / 2, (height - size.height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, size.width, size.height);
  cairo_clip (cr);
  if (options.background == KR_EXPORT_BACKGROUND_TRANSPARENT)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  kr_export_draw_page (self->map, &options, 0, cr, NULL);
}

static void
update (KrExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  KrExportOptions options;
  KrExportSize size;

  get_options (self, &options);
  gtk_widget_set_visible (GTK_WIDGET (self->phase_row), options.scope == KR_EXPORT_PHASE);

  if (!kr_export_measure (self->map, &options, &size, &error))
    {
      gtk_label_set_text (self->size_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->size_label), "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
      gtk_widget_queue_draw (GTK_WIDGET (self->preview));
      return;
    }

  /* TRANSLATORS: the size of an export and its smallest text when shown on a slide */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%.0f × %.0f %s, %u page · smallest text %.0f px on a 1080p slide",
                                       "%.0f × %.0f %s, %u pages · smallest text %.0f px on a 1080p slide",
                                       size.n_pages),
                          size.width, size.height,
                          options.format == KR_EXPORT_PNG ? _("pixels") : _("points"),
                          size.n_pages, size.smallest_text_on_slide);
  if (!size.legible)
    {
      g_autofree char *warning = g_strdup_printf ("%s\n%s", text,
                                                  _("The text will be too small to read; export slides or fewer phases"));
      gtk_label_set_text (self->size_label, warning);
      gtk_widget_add_css_class (GTK_WIDGET (self->size_label), "warning");
    }
  else
    {
      gtk_label_set_text (self->size_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->size_label), "warning");
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->size_label), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* The combo rows list the settings' enum values in the same order. */
static void
remember_choices (KrExportDialog *self)
{
  guint size = adw_combo_row_get_selected (self->size_row);

  if (self->settings == NULL)
    return;

  g_settings_set_enum (self->settings, "export-format", adw_combo_row_get_selected (self->format_row));
  g_settings_set_enum (self->settings, "export-theme", adw_combo_row_get_selected (self->theme_row));
  g_settings_set_enum (self->settings, "export-background",
                       adw_combo_row_get_selected (self->background_row) == KR_EXPORT_BACKGROUND_TRANSPARENT);
  if (size < G_N_ELEMENTS (scales))
    g_settings_set_double (self->settings, "export-scale", scales[size]);
}

static void
restore_choices (KrExportDialog *self)
{
  double scale;

  if (self->settings == NULL)
    return;

  adw_combo_row_set_selected (self->format_row, g_settings_get_enum (self->settings, "export-format"));
  adw_combo_row_set_selected (self->theme_row, g_settings_get_enum (self->settings, "export-theme"));
  if (g_settings_get_enum (self->settings, "export-background") == 1)
    adw_combo_row_set_selected (self->background_row, KR_EXPORT_BACKGROUND_TRANSPARENT);

  scale = g_settings_get_double (self->settings, "export-scale");
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (scale == scales[i])
      adw_combo_row_set_selected (self->size_row, i);
}

/* While the export is written (big maps take seconds), the choices stay as they are and a
 * spinner turns; closing the dialog cancels the export. */
static void
set_busy (KrExportDialog *self,
          gboolean        busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->choices, !busy);
  if (busy)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->size_label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->size_label), "error");
      gtk_label_set_text (self->size_label, _("Exporting…"));
    }
  else
    update (self);
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KrExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (kr_export_map_to_file_finish (result, &error))
    {
      remember_choices (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* closed meanwhile */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Map"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* export.to-file (a URI): the file chooser's answer */
static void
export_to_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KrExportDialog *self = KR_EXPORT_DIALOG (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  KrExportOptions options;

  if (self->cancellable != NULL)
    return;

  get_options (self, &options);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  kr_export_map_to_file_async (self->map, file, &options, self->cancellable, export_done_cb, g_object_ref (self));
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  KrExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *uri = g_file_get_uri (file);

      gtk_widget_activate_action (GTK_WIDGET (self), "export.to-file", "s", uri);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_clicked_cb (KrExportDialog *self)
{
  KrExportOptions options;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  get_options (self, &options);
  name = g_strdup_printf ("%s.%s", self->suggested_name, kr_export_format_get_extension (options.format));

  chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fill_lists (KrExportDialog *self)
{
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) phases = gtk_string_list_new (NULL);
  const KrExportPreset *presets;
  guint n;

  gtk_string_list_append (sizes, _("Actual size (1×)"));
  gtk_string_list_append (sizes, _("Sharp (2×)"));
  gtk_string_list_append (sizes, _("Very sharp (4×)"));
  presets = kr_export_get_presets (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (sizes, _(presets[i].label));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));

  for (guint i = 0; i < kr_map_get_n_items (self->map, KR_ITEM_PHASE); i++)
    gtk_string_list_append (phases, kr_phase_get_title (kr_map_get_item (self->map, KR_ITEM_PHASE, i)));
  adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (phases));
}

static void
kr_export_dialog_dispose (GObject *object)
{
  KrExportDialog *self = KR_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->renderer);
  g_clear_object (&self->map);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->suggested_name, g_free);
  g_clear_pointer (&self->selection_ids, g_strfreev);

  gtk_widget_dispose_template (GTK_WIDGET (self), KR_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (kr_export_dialog_parent_class)->dispose (object);
}

/* Closing the dialog while an export is written cancels it: nothing is written. */
static gboolean
kr_export_dialog_close_request (GtkWindow *window)
{
  KrExportDialog *self = KR_EXPORT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (kr_export_dialog_parent_class)->close_request (window);
}

static void
kr_export_dialog_class_init (KrExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kr_export_dialog_dispose;
  window_class->close_request = kr_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kringel/Kringel/ui/kr-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, size_label);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, choices);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, phase_row);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, slides_switch);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, personas_switch);
  gtk_widget_class_bind_template_child (widget_class, KrExportDialog, emotion_switch);

  gtk_widget_class_install_action (widget_class, "export.to-file", "s", export_to_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kr_export_dialog_init (KrExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->renderer = kr_renderer_new (KR_THEME_LIGHT);
}

GtkWidget *
kr_export_dialog_new (GtkWindow    *parent,
                      KrMap        *map,
                      KrSelection  *selection,
                      const KrRect *view,
                      const char   *suggested_name,
                      GSettings    *settings)
{
  KrExportDialog *self = g_object_new (KR_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GPtrArray) touchpoints = kr_selection_get_touchpoints (selection);
  GObject *rows[] = {
    G_OBJECT (self->format_row), G_OBJECT (self->scope_row), G_OBJECT (self->phase_row),
    G_OBJECT (self->size_row), G_OBJECT (self->theme_row), G_OBJECT (self->background_row),
  };
  GObject *switches[] = {
    G_OBJECT (self->slides_switch), G_OBJECT (self->personas_switch), G_OBJECT (self->emotion_switch),
  };
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  self->map = g_object_ref (map);
  self->selection = g_object_ref (selection);
  self->view = *view;
  self->suggested_name = g_strdup (suggested_name);
  self->settings = settings ? g_object_ref (settings) : NULL;
  for (guint i = 0; i < touchpoints->len; i++)
    g_strv_builder_add (ids, kr_item_get_id (touchpoints->pdata[i]));
  self->selection_ids = g_strv_builder_end (ids);

  fill_lists (self);
  restore_choices (self);
  if (touchpoints->len > 0)
    adw_combo_row_set_selected (self->scope_row, KR_EXPORT_SELECTION);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_swapped (rows[i], "notify::selected", G_CALLBACK (update), self);
  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    g_signal_connect_swapped (switches[i], "notify::active", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);

  update (self);
  return GTK_WIDGET (self);
}
