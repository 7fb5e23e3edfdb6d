/* kr-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <epoxy/gl.h>
#include <glib/gi18n.h>
#include <string.h>

#include "kr-application.h"
#include "kr-preferences-window.h"
#include "kr-templates.h"
#include "kr-window.h"

#define MAX_RECENT_FILES 8

/* From the generated kringel-resources.c */
GResource *kringel_get_resource (void);

struct _KrApplication
{
  AdwApplication parent_instance;

  GMenu *recent_menu;
  GSettings *settings;   /* NULL when the schema is not installed */
  gboolean present_on_open;
  gboolean recovery_offered;
};

G_DEFINE_FINAL_TYPE (KrApplication, kr_application, ADW_TYPE_APPLICATION)

/* Every accelerator of the application, in one place. Undo and redo are not here: they are
 * bindings of the window, so that Ctrl+Z in a text field undoes the typing. */
static const struct {
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.copy-image", { "<Control><Shift>c", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-fit", { "<Control>0", NULL } },
  { "win.zoom-reset", { "<Control>1", NULL } },
};

static void offer_recovery (KrApplication *self,
                            GtkWindow     *parent);

static KrWindow *
find_window_for_file (KrApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *window_file;

      if (!KR_IS_WINDOW (l->data))
        continue;

      window_file = kr_window_get_file (l->data);
      if (window_file != NULL && g_file_equal (window_file, file))
        return l->data;
    }

  return NULL;
}

/* Opens @file in a window of its own (or brings up the window that has it). */
static void
open_file (KrApplication *self,
           GFile         *file)
{
  KrWindow *window = find_window_for_file (self, file);

  if (window == NULL)
    {
      window = kr_window_new (self);
      kr_window_open_file (window, file);
    }

  gtk_window_present (GTK_WINDOW (window));

  if (self->present_on_open)
    {
      self->present_on_open = FALSE;
      kr_window_present_map (window);
    }
  else
    offer_recovery (self, GTK_WINDOW (window));
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GListModel       *recovered)
{
  KrApplication *self = KR_APPLICATION (g_application_get_default ());

  for (guint i = 0; i < g_list_model_get_n_items (recovered); i++)
    {
      g_autoptr(KrAutosave) autosave = g_list_model_get_item (recovered, i);

      if (g_str_equal (response, "recover"))
        {
          KrWindow *window = kr_window_new (self);

          kr_window_restore (window, autosave);
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (g_str_equal (response, "discard"))
        kr_autosave_discard (autosave, NULL);
    }
}

/* After a crash, unsaved maps wait in the state folder: offer them back, once per start. */
static void
offer_recovery (KrApplication *self,
                GtkWindow     *parent)
{
  g_autoptr(GListModel) recovered = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  guint n;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  recovered = kr_autosave_list_recovered (&error);
  if (recovered == NULL)
    {
      g_warning ("Could not look for recovered maps: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (recovered);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KrAutosave) autosave = g_list_model_get_item (recovered, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (kr_autosave_get_time (autosave));
      g_autofree char *time = g_date_time_format (local, "%x %X");

      g_string_append_printf (list, "\n• %s (%s)", kr_autosave_get_title (autosave), time);
    }

  dialog = adw_message_dialog_new (parent,
                                   g_dngettext (GETTEXT_PACKAGE, "Recover an Unsaved Map?",
                                                "Recover Unsaved Maps?", n), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s%s",
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Kringel was closed before this map was saved:",
                                               "Kringel was closed before these maps were saved:", n),
                                  list->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_data (dialog, "response", G_CALLBACK (recovery_response_cb),
                         g_steal_pointer (&recovered), (GClosureNotify) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new map: from the template chosen in the preferences, or blank. */
static void
kr_application_activate (GApplication *app)
{
  KrApplication *self = KR_APPLICATION (app);
  KrWindow *window = kr_window_new (self);
  g_autofree char *template = self->settings ? g_settings_get_string (self->settings, "default-template") : NULL;

  if (template == NULL || *template == '\0' || !kr_window_new_from_template (window, template))
    kr_window_new_map (window);
  gtk_window_present (GTK_WINDOW (window));
  offer_recovery (self, GTK_WINDOW (window));
}

static void
kr_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    open_file (KR_APPLICATION (app), files[i]);
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  kr_application_activate (G_APPLICATION (user_data));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  KrApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      open_file (self, file);
    }

  g_object_unref (dialog);
}

static GtkFileFilter *
create_map_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey maps"));
  gtk_file_filter_add_mime_type (filter, "application/x-kringel");
  gtk_file_filter_add_suffix (filter, "kringel");
  gtk_file_filter_add_suffix (filter, "json");

  return filter;
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  KrApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = create_map_filter ();

  dialog = gtk_file_chooser_native_new (_("Open Map"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_file (KR_APPLICATION (user_data), file);
}

static void
new_from_template_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  KrWindow *window = kr_window_new (KR_APPLICATION (user_data));

  kr_window_new_from_template (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { _("The Kringel developers"), NULL };

  adw_show_about_window (parent,
                         "application-name", _("Kringel"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Kringel developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Draw customer journey maps: phases, touchpoints, loops back and "
                                       "personas, for workshops and slides."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KrApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->settings == NULL)
    return;

  gtk_window_present (GTK_WINDOW (kr_preferences_window_new (parent, self->settings)));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  /* Closing each window asks about its unsaved changes. */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);

  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "new", new_activated },
  { "open", open_activated },
  { "open-recent", open_recent_activated, "s" },
  { "new-from-template", new_from_template_activated, "s" },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "quit", quit_activated },
};

static gboolean
is_map_file (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  return g_str_has_suffix (uri, ".kringel") ||
         g_strcmp0 (gtk_recent_info_get_mime_type (info), "application/x-kringel") == 0;
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *time_a = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *time_b = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (time_b, time_a);
}

static void
update_recent_menu (KrApplication *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint count = 0;

  g_menu_remove_all (self->recent_menu);
  items = g_list_sort (items, compare_recent);

  for (GList *l = items; l && count < MAX_RECENT_FILES; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (!is_map_file (info) || !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      count++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
apply_style (KrApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int theme = g_settings_get_enum (self->settings, "default-theme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[CLAMP (theme, 0, (int) G_N_ELEMENTS (schemes) - 1)]);
}

static void
load_settings (KrApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed; using defaults", APP_ID);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::default-theme", G_CALLBACK (apply_style), self);
  apply_style (self);
}

/* Whether GL on @display is emulated on the processor (Mesa's llvmpipe and softpipe). */
static gboolean
gl_is_software (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (display, NULL);
  const char *renderer;
  gboolean software;

  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return FALSE;

  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  software = renderer != NULL && (strstr (renderer, "llvmpipe") || strstr (renderer, "softpipe") ||
                                  strstr (renderer, "swrast"));
  gdk_gl_context_clear_current ();
  return software;
}

/**
 * kr_prefer_cairo_on_software_gl:
 *
 * GTK 4.8's GL renderer repaints the whole window for every frame. Where GL is emulated on
 * the processor (no graphics driver: virtual machines, remote desktops, Xvfb) that costs
 * 50–100 ms a frame, and panning a map stutters; GTK's cairo renderer repaints only what
 * changed and holds 60 frames a second there. So Kringel asks for the cairo renderer on
 * such machines, unless GSK_RENDERER chooses. Call before the first window is shown: GTK
 * reads GSK_RENDERER once.
 */
void
kr_prefer_cairo_on_software_gl (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (g_getenv ("GSK_RENDERER") == NULL && display != NULL && gl_is_software (display))
    g_setenv ("GSK_RENDERER", "cairo", FALSE);
}

static void
kr_application_startup (GApplication *app)
{
  KrApplication *self = KR_APPLICATION (app);

  G_APPLICATION_CLASS (kr_application_parent_class)->startup (app);
  kr_prefer_cairo_on_software_gl ();
  load_settings (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accelerators[i].action,
                                           accelerators[i].accels);

  gtk_window_set_default_icon_name (APP_ID);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

static void
kr_application_dispose (GObject *object)
{
  KrApplication *self = KR_APPLICATION (object);

  g_clear_object (&self->recent_menu);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kr_application_parent_class)->dispose (object);
}

static void
kr_application_class_init (KrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kr_application_dispose;

  app_class->activate = kr_application_activate;
  app_class->open = kr_application_open;
  app_class->startup = kr_application_startup;
}

static void
kr_application_init (KrApplication *self)
{
  kr_ensure_resources ();
  self->recent_menu = g_menu_new ();
}

KrApplication *
kr_application_new (void)
{
  return g_object_new (KR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/kringel/Kringel",
                       NULL);
}

/* Runs the application, opening @files (paths or URIs), or a new map when there are none. */
int
kr_application_run_with_files (KrApplication      *self,
                               const char * const *files)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "kringel");
  for (guint i = 0; files && files[i]; i++)
    g_ptr_array_add (argv, (gpointer) files[i]);
  g_ptr_array_add (argv, NULL);

  return g_application_run (G_APPLICATION (self), (int) argv->len - 1, (char **) argv->pdata);
}

/* The menu of recently used maps, kept up to date. */
GMenuModel *
kr_application_get_recent_menu (KrApplication *self)
{
  g_return_val_if_fail (KR_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}

/* Makes sure the compiled-in resources (UI templates, CSS, templates) are registered. The
 * generated code registers them from a constructor, but a static library drops that object
 * file unless something refers to it: this is that reference. */
void
kr_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      GError *error = NULL;
      GResource *resource = kringel_get_resource ();

      if (g_resources_lookup_data ("/io/github/kringel/Kringel/style.css", 0, &error) == NULL)
        {
          g_clear_error (&error);
          g_resources_register (resource);
        }
      else
        g_bytes_unref (g_resources_lookup_data ("/io/github/kringel/Kringel/style.css", 0, NULL));

      g_once_init_leave (&registered, 1);
    }
}

/* With --present, the map opened from the command line goes straight into presentation. */
void
kr_application_set_present_on_open (KrApplication *self,
                                    gboolean       present)
{
  g_return_if_fail (KR_IS_APPLICATION (self));

  self->present_on_open = present;
}
