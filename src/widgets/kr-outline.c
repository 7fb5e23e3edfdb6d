/* kr-outline.c
 *
 * Phases, under each its touchpoints, under each touchpoint the arrows leaving it: a
 * GtkListView over a GtkTreeListModel. The children of every row are gathered in one pass
 * over the map when the tree is built (filtering all touchpoints for each phase and all
 * arrows for each touchpoint would cost the product of their numbers), and the tree is
 * built again, once, after the map changes. Choosing a row selects the item on the canvas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "kr-channel.h"
#include "kr-outline.h"

struct _KrOutline
{
  GtkWidget parent_instance;

  KrMap *map;
  KrSelection *selection;
  GtkWidget *scroller;
  GtkListView *list;
  GtkSingleSelection *model;
  GHashTable *children;     /* KrPhase or KrTouchpoint → GListStore of its rows' items */
  guint rebuild_source;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (KrOutline, kr_outline, GTK_TYPE_WIDGET)

static void
add_child (KrOutline *self,
           gpointer   parent,
           gpointer   child)
{
  GListStore *store;

  if (parent == NULL)
    return;

  store = g_hash_table_lookup (self->children, parent);
  if (store == NULL)
    {
      store = g_list_store_new (G_OBJECT_TYPE (child));
      g_hash_table_insert (self->children, parent, store);
    }
  g_list_store_append (store, child);
}

static void
gather_children (KrOutline *self)
{
  GListModel *touchpoints = kr_map_get_items (self->map, KR_ITEM_TOUCHPOINT);
  GListModel *connections = kr_map_get_items (self->map, KR_ITEM_CONNECTION);

  g_clear_pointer (&self->children, g_hash_table_unref);
  self->children = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(KrTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);

      add_child (self, kr_map_lookup_phase (self->map, kr_touchpoint_get_phase_id (touchpoint)), touchpoint);
    }

  for (guint i = 0; i < g_list_model_get_n_items (connections); i++)
    {
      g_autoptr(KrConnection) connection = g_list_model_get_item (connections, i);

      add_child (self, kr_map_lookup_touchpoint (self->map, kr_connection_get_from_id (connection)), connection);
    }
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  KrOutline *self = user_data;
  GListStore *store = g_hash_table_lookup (self->children, item);

  return store != NULL ? g_object_ref (G_LIST_MODEL (store)) : NULL;
}

static char *
describe_item (KrOutline *self,
               KrItem    *item)
{
  if (KR_IS_PHASE (item))
    return g_strdup (kr_phase_get_title (KR_PHASE (item)));

  if (KR_IS_TOUCHPOINT (item))
    {
      KrTouchpoint *touchpoint = KR_TOUCHPOINT (item);
      const char *channel = kr_channel_get_display_name (kr_touchpoint_get_channel (touchpoint));

      /* TRANSLATORS: a touchpoint in the outline: title, channel, emotion score */
      return g_strdup_printf (_("%s (%s, emotion %d)"), kr_touchpoint_get_title (touchpoint),
                              *channel ? channel : _("no channel"), kr_touchpoint_get_emotion (touchpoint));
    }

  if (KR_IS_CONNECTION (item))
    {
      KrConnection *connection = KR_CONNECTION (item);
      KrTouchpoint *to = kr_map_lookup_touchpoint (self->map, kr_connection_get_to_id (connection));
      const char *label = kr_connection_get_label (connection);

      /* TRANSLATORS: an arrow in the outline, to the touchpoint named */
      return *label ? g_strdup_printf (_("→ %s: %s"), to ? kr_touchpoint_get_title (to) : "?", label)
                    : g_strdup_printf (_("→ %s"), to ? kr_touchpoint_get_title (to) : "?");
    }

  return g_strdup ("");
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           KrOutline                *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          KrOutline                *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  KrItem *item = gtk_tree_list_row_get_item (row);
  g_autofree char *text = describe_item (self, item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (label), text);
  if (KR_IS_PHASE (item))
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  g_object_unref (item);
}

static void
selected_cb (KrOutline *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->model);

  if (self->syncing || row == NULL || self->selection == NULL)
    return;

  self->syncing = TRUE;
  kr_selection_select_only (self->selection, gtk_tree_list_row_get_item (row));
  g_object_unref (gtk_tree_list_row_get_item (row));   /* get_item returns a reference */
  self->syncing = FALSE;
}

static void build_tree (KrOutline *self);

static gboolean
rebuild_cb (gpointer user_data)
{
  KrOutline *self = user_data;

  self->rebuild_source = 0;
  build_tree (self);
  return G_SOURCE_REMOVE;
}

/* Titles, cells and arrow ends change what rows say and where they are: rebuild the tree
 * (expanded, so nothing visible is lost) once the change is over, while it is shown. */
static void
map_changed (KrOutline *self)
{
  if (self->rebuild_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->rebuild_source = g_idle_add (rebuild_cb, self);
}

static void
kr_outline_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kr_outline_parent_class)->map (widget);

  if (KR_OUTLINE (widget)->map != NULL)
    build_tree (KR_OUTLINE (widget));
}

static void
kr_outline_dispose (GObject *object)
{
  KrOutline *self = KR_OUTLINE (object);

  if (self->map != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->map, self);
      for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
        g_signal_handlers_disconnect_by_data (kr_map_get_items (self->map, kind), self);
    }
  g_clear_object (&self->map);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (kr_outline_parent_class)->dispose (object);
}

static void
kr_outline_class_init (KrOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kr_outline_dispose;
  widget_class->map = kr_outline_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kr-outline");
}

static void
kr_outline_init (KrOutline *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);

  self->list = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outline of the journey"), -1);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
kr_outline_new (void)
{
  return g_object_new (KR_TYPE_OUTLINE, NULL);
}

static void
build_tree (KrOutline *self)
{
  GtkTreeListModel *tree;

  gather_children (self);
  tree = gtk_tree_list_model_new (g_object_ref (kr_map_get_items (self->map, KR_ITEM_PHASE)), FALSE, TRUE,
                                  create_children, self, NULL);
  self->model = gtk_single_selection_new (G_LIST_MODEL (tree));
  gtk_single_selection_set_autoselect (self->model, FALSE);
  gtk_single_selection_set_can_unselect (self->model, TRUE);
  gtk_single_selection_set_selected (self->model, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->model, "notify::selected-item", G_CALLBACK (selected_cb), self);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->model));
  g_object_unref (self->model);   /* the list view keeps it */
}

/* Shows the outline of @map; choosing a row selects in @selection. */
void
kr_outline_set_map (KrOutline   *self,
                    KrMap       *map,
                    KrSelection *selection)
{
  g_return_if_fail (KR_IS_OUTLINE (self));

  if (self->map != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->map, self);
      for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
        g_signal_handlers_disconnect_by_data (kr_map_get_items (self->map, kind), self);
    }

  g_set_object (&self->map, map);
  g_set_object (&self->selection, selection);

  g_signal_connect_swapped (map, "item-changed", G_CALLBACK (map_changed), self);
  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    g_signal_connect_swapped (kr_map_get_items (map, kind), "items-changed", G_CALLBACK (map_changed), self);

  /* an outline out of sight is built when it is shown (see kr_outline_map()) */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_tree (self);
}
