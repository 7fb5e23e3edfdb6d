/* kr-preferences-window.c
 *
 * Every row is bound to its GSettings key; nothing to apply or save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "kr-preferences-window.h"
#include "kr-templates.h"

struct _KrPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  GPtrArray *template_ids;   /* the setting's value for each row of template_row */

  AdwComboRow *theme_row;
  GtkSwitch *snap_switch;
  GtkSpinButton *grid_spin;
  GtkSpinButton *autosave_spin;
  AdwComboRow *template_row;
  AdwComboRow *format_row;
  GtkSpinButton *scale_spin;
  AdwComboRow *background_row;
  AdwComboRow *export_theme_row;
};

G_DEFINE_FINAL_TYPE (KrPreferencesWindow, kr_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Combo rows hold an index; the settings hold a string (an enum nick or an id). */
static gboolean
string_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  GPtrArray *strings = user_data;
  const char *string = g_variant_get_string (variant, NULL);
  guint index = 0;

  g_ptr_array_find_with_equal_func (strings, string, g_str_equal, &index);
  g_value_set_uint (value, index);
  return TRUE;
}

static GVariant *
index_to_string (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  GPtrArray *strings = user_data;
  guint index = g_value_get_uint (value);

  if (index >= strings->len)
    return NULL;

  return g_variant_new_string (strings->pdata[index]);
}

static void
bind_combo (KrPreferencesWindow *self,
            AdwComboRow         *row,
            const char          *key,
            GPtrArray           *strings)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                string_to_index, index_to_string,
                                g_ptr_array_ref (strings), (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
strings (const char *first,
         ...)
{
  GPtrArray *array = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_ptr_array_add (array, (gpointer) s);
  va_end (args);

  return array;
}

static void
fill_templates (KrPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const KrTemplate *templates;
  guint n;

  gtk_string_list_append (names, _("A blank map"));
  g_ptr_array_add (self->template_ids, (gpointer) "");

  templates = kr_templates_get (&n);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (names, _(templates[i].name));
      g_ptr_array_add (self->template_ids, (gpointer) templates[i].id);
    }

  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
}

static void
kr_preferences_window_dispose (GObject *object)
{
  KrPreferencesWindow *self = KR_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->template_ids, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), KR_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (kr_preferences_window_parent_class)->dispose (object);
}

static void
kr_preferences_window_class_init (KrPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kr_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kringel/Kringel/ui/kr-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KrPreferencesWindow, theme_row);
  gtk_widget_class_bind_template_child (widget_class, KrPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, KrPreferencesWindow, grid_spin);
  gtk_widget_class_bind_template_child (widget_class, KrPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, KrPreferencesWindow, template_row);
  gtk_widget_class_bind_template_child (widget_class, KrPreferencesWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, KrPreferencesWindow, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, KrPreferencesWindow, background_row);
  gtk_widget_class_bind_template_child (widget_class, KrPreferencesWindow, export_theme_row);
}

static void
kr_preferences_window_init (KrPreferencesWindow *self)
{
  self->template_ids = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_templates (self);
}

GtkWidget *
kr_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  KrPreferencesWindow *self;
  g_autoptr(GPtrArray) themes = strings ("system", "light", "dark", NULL);
  g_autoptr(GPtrArray) formats = strings ("png", "svg", "pdf", NULL);
  g_autoptr(GPtrArray) backgrounds = strings ("opaque", "transparent", NULL);
  g_autoptr(GPtrArray) export_themes = strings ("light", "dark", "projector", NULL);

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KR_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  self->settings = g_object_ref (settings);

  bind_combo (self, self->theme_row, "default-theme", themes);
  bind_combo (self, self->template_row, "default-template", self->template_ids);
  bind_combo (self, self->format_row, "export-format", formats);
  bind_combo (self, self->background_row, "export-background", backgrounds);
  bind_combo (self, self->export_theme_row, "export-theme", export_themes);
  g_settings_bind (settings, "snap-to-grid", self->snap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "grid-size", gtk_spin_button_get_adjustment (self->grid_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave-interval", gtk_spin_button_get_adjustment (self->autosave_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "export-scale", gtk_spin_button_get_adjustment (self->scale_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  return GTK_WIDGET (self);
}
