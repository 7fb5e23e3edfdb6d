/* test-german.c: the editor window speaks German with LANGUAGE=de
 *
 * Runs against the catalogue built into BUILD/po (KRINGEL_LOCALEDIR), so it checks what
 * po/de.po really delivers, the way main.c sets up gettext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kr-templates.h"
#include "kr-window.h"

static void
setup_german (void)
{
  const char *localedir = g_getenv ("KRINGEL_LOCALEDIR");

  /* LANGUAGE picks the catalogue; gettext ignores it in the plain "C" locale, and the only
   * locales a bare Debian has are C, C.UTF-8 and POSIX. */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
has_action (GtkWidget  *widget,
            const char *action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* The first widget under @root (depth first) of @type, and with @action_name if not NULL. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *action_name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (action_name == NULL || has_action (root, action_name)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* The label of the item for @action_name in @menu or any of its sections and submenus. */
static char *
find_menu_label (GMenuModel *menu,
                 const char *action_name)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, action_name) &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return g_steal_pointer (&label);

      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);
          char *found = find_menu_label (linked, action_name);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

static KrWindow *
present_new_map (void)
{
  KrWindow *window = kr_window_new (NULL);

  kr_window_new_map (window);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
test_header_bar (void)
{
  KrWindow *window = present_new_map ();
  GtkWidget *open_button = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "app.open");
  GtkWidget *save_button = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "win.save");
  GtkWidget *undo_button = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "win.undo");

  g_assert_nonnull (open_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (open_button)), ==, "_Öffnen");
  g_assert_nonnull (save_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (save_button)), ==, "_Speichern");
  g_assert_nonnull (undo_button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo_button), ==, "Rückgängig (Strg+Z)");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_unsaved_map_title (void)
{
  KrWindow *window = present_new_map ();
  AdwWindowTitle *title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL));

  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Unbenannte Map");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Nicht gespeichert");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Unbenannte Map — Kringel");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_menus (void)
{
  KrWindow *window = present_new_map ();
  g_autoptr(GPtrArray) menu_buttons = g_ptr_array_new ();
  g_autofree char *open_label = NULL;
  g_autofree char *save_as_label = NULL;
  g_autofree char *template_label = NULL;

  collect_widgets (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, menu_buttons);
  for (guint i = 0; i < menu_buttons->len; i++)
    {
      GMenuModel *model = gtk_menu_button_get_menu_model (menu_buttons->pdata[i]);

      if (model == NULL)
        continue;
      if (open_label == NULL)
        open_label = find_menu_label (model, "app.open");
      if (save_as_label == NULL)
        save_as_label = find_menu_label (model, "win.save-as");
      if (template_label == NULL)
        template_label = find_menu_label (model, "app.new-from-template");
    }

  g_assert_cmpstr (open_label, ==, "Ö_ffnen…");
  g_assert_cmpstr (save_as_label, ==, "Speichern _unter…");
  /* the templates' names come from the code (N_() in kr-templates.c), through gettext */
  g_assert_cmpstr (template_label, ==, "Drei Phasen");
  g_assert_cmpstr (kr_templates_language (), ==, "de");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/kringel/Kringel/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  gboolean found_undo = FALSE;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &title, "accelerator", &accelerator, NULL);
      if (g_strcmp0 (accelerator, "<Control>z") == 0 || g_strcmp0 (accelerator, "<Ctrl>z") == 0)
        {
          g_assert_cmpstr (title, ==, "Rückgängig");
          found_undo = TRUE;
        }
    }
  g_assert_true (found_undo);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "de", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* after gtk_test_init, which sets a locale of its own */
  setup_german ();
  adw_init ();

  g_test_add_func ("/german/header-bar", test_header_bar);
  g_test_add_func ("/german/unsaved-map-title", test_unsaved_map_title);
  g_test_add_func ("/german/menus", test_menus);
  g_test_add_func ("/german/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
