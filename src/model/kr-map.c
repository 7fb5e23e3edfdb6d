/* kr-map.c
 *
 * The map owns one list per kind of item and an id index for each. Lists are only changed
 * through kr_map_insert_item()/kr_map_remove_item()/kr_map_move_item(), which keeps the
 * index right and lets the map re-emit every change of every item as one "item-changed"
 * signal, precise enough for a view to redraw only what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "kr-map.h"

struct _KrMap
{
  GObject parent_instance;

  char *title;
  char *description;
  char *locale;
  double view_zoom;
  double view_x;
  double view_y;
  gboolean show_personas;
  gboolean show_notes;
  gboolean show_emotion_curve;
  char *theme;

  GListStore *items[KR_N_ITEM_KINDS];
  GHashTable *index[KR_N_ITEM_KINDS];   /* id → KrItem (borrowed) */
  guint next_id[KR_N_ITEM_KINDS];
};

G_DEFINE_FINAL_TYPE (KrMap, kr_map, G_TYPE_OBJECT)

#define OFFSET(member) G_STRUCT_OFFSET (KrMap, member)

static const char * const theme_choices[] = { "system", "light", "dark", NULL };

static const KrField map_fields[] = {
  { "title", "title", NULL, KR_FIELD_STRING, 0, OFFSET (title), .fallback_string = "" },
  { "description", "description", NULL, KR_FIELD_STRING, 0, OFFSET (description), .fallback_string = "" },
  { "locale", "locale", NULL, KR_FIELD_STRING, 0, OFFSET (locale), .fallback_string = "" },
  { "zoom", "view-zoom", "view", KR_FIELD_DOUBLE, 0, OFFSET (view_zoom), 0.05, 20, 1 },
  { "x", "view-x", "view", KR_FIELD_DOUBLE, 0, OFFSET (view_x), -1e6, 1e6, 0 },
  { "y", "view-y", "view", KR_FIELD_DOUBLE, 0, OFFSET (view_y), -1e6, 1e6, 0 },
  { "personas", "show-personas", "show", KR_FIELD_BOOLEAN, 0, OFFSET (show_personas), 0, 1, TRUE },
  { "notes", "show-notes", "show", KR_FIELD_BOOLEAN, 0, OFFSET (show_notes), 0, 1, FALSE },
  { "emotion_curve", "show-emotion-curve", "show", KR_FIELD_BOOLEAN, 0, OFFSET (show_emotion_curve), 0, 1, TRUE },
  { "theme", "theme", "show", KR_FIELD_STRING, KR_FIELD_CHOICE, OFFSET (theme), .fallback_string = "system",
    .choices = theme_choices },
};

static GParamSpec *properties[G_N_ELEMENTS (map_fields)];

enum {
  ITEM_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

KR_FIELDS_DEFINE_PROPERTY_HANDLERS (kr_map, map_fields)

/* Removes the index entry of @item; returns whether it had one. */
static gboolean
unindex_item (KrMap  *self,
              KrItem *item)
{
  GHashTable *index = self->index[kr_item_get_kind (item)];
  GHashTableIter iter;
  gpointer value;

  if (g_hash_table_lookup (index, kr_item_get_id (item)) == item)
    return g_hash_table_remove (index, kr_item_get_id (item));

  /* Its id changed and the entry still has the old one: find it by value. */
  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == item)
      {
        g_hash_table_iter_remove (&iter);
        return TRUE;
      }

  return FALSE;
}

/* Files @item under its new id. An item removed from the map meanwhile (by a handler of
 * the emission before) has no entry and stays out. */
static void
reindex_item (KrMap  *self,
              KrItem *item)
{
  if (unindex_item (self, item))
    g_hash_table_insert (self->index[kr_item_get_kind (item)], g_strdup (kr_item_get_id (item)), item);
}

/* One handler per item, connected with plain g_signal_connect(): g_signal_connect_object()
 * would watch every closure on the map, which makes inserting and disposing thousands of
 * items quadratic. The map disconnects its handlers itself when an item leaves it. */
static void
item_notify_cb (KrItem     *item,
                GParamSpec *pspec,
                KrMap      *self)
{
  /* A handler may drop the last other reference to the map, or dispose it. */
  g_autoptr(KrMap) map = g_object_ref (self);

  g_signal_emit (map, signals[ITEM_CHANGED], g_param_spec_get_name_quark (pspec), item, pspec);

  if (g_str_equal (pspec->name, "id") && map->index[0] != NULL)
    reindex_item (map, item);
}

static void
kr_map_dispose (GObject *object)
{
  KrMap *self = KR_MAP (object);

  for (guint kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    {
      guint n = self->items[kind] ? g_list_model_get_n_items (G_LIST_MODEL (self->items[kind])) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KrItem) item = g_list_model_get_item (G_LIST_MODEL (self->items[kind]), i);
          g_signal_handlers_disconnect_by_data (item, self);
        }

      g_clear_pointer (&self->index[kind], g_hash_table_unref);
      g_clear_object (&self->items[kind]);
    }

  G_OBJECT_CLASS (kr_map_parent_class)->dispose (object);
}

static void
kr_map_finalize (GObject *object)
{
  kr_fields_clear (object, map_fields, G_N_ELEMENTS (map_fields));

  G_OBJECT_CLASS (kr_map_parent_class)->finalize (object);
}

static void
kr_map_class_init (KrMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kr_map_dispose;
  object_class->finalize = kr_map_finalize;
  object_class->get_property = kr_map_get_property;
  object_class->set_property = kr_map_set_property;

  kr_fields_install (object_class, 1, map_fields, G_N_ELEMENTS (map_fields), properties);

  /**
   * KrMap::item-changed:
   * @item: the phase, lane, persona, touchpoint or connection that changed
   * @pspec: the property that changed
   *
   * Emitted when a property of an item in the map changes. Detailed by property name.
   */
  signals[ITEM_CHANGED] =
    g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, KR_TYPE_ITEM, G_TYPE_PARAM);
}

static void
kr_map_init (KrMap *self)
{
  kr_fields_init (self, map_fields, G_N_ELEMENTS (map_fields));

  for (guint kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    {
      self->items[kind] = g_list_store_new (kr_item_kind_get_type (kind));
      self->index[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->next_id[kind] = 1;
    }
}

KrMap *
kr_map_new (void)
{
  return g_object_new (KR_TYPE_MAP, NULL);
}

const char *
kr_map_get_title (KrMap *self)
{
  g_return_val_if_fail (KR_IS_MAP (self), NULL);
  return self->title;
}

const char *
kr_map_get_description (KrMap *self)
{
  g_return_val_if_fail (KR_IS_MAP (self), NULL);
  return self->description;
}

const char *
kr_map_get_locale (KrMap *self)
{
  g_return_val_if_fail (KR_IS_MAP (self), NULL);
  return self->locale;
}

double
kr_map_get_view_zoom (KrMap *self)
{
  g_return_val_if_fail (KR_IS_MAP (self), 1);
  return self->view_zoom;
}

double
kr_map_get_view_x (KrMap *self)
{
  g_return_val_if_fail (KR_IS_MAP (self), 0);
  return self->view_x;
}

double
kr_map_get_view_y (KrMap *self)
{
  g_return_val_if_fail (KR_IS_MAP (self), 0);
  return self->view_y;
}

/* Whether the persona panels are drawn in a band above the phases. */
gboolean
kr_map_get_show_personas (KrMap *self)
{
  g_return_val_if_fail (KR_IS_MAP (self), TRUE);
  return self->show_personas;
}

/* Whether notes are drawn as sticky notes beside their cards. */
gboolean
kr_map_get_show_notes (KrMap *self)
{
  g_return_val_if_fail (KR_IS_MAP (self), FALSE);
  return self->show_notes;
}

/* Whether the emotion curve is drawn in a band under the lanes. */
gboolean
kr_map_get_show_emotion_curve (KrMap *self)
{
  g_return_val_if_fail (KR_IS_MAP (self), TRUE);
  return self->show_emotion_curve;
}

/* The map's own style: "light", "dark", or "system" to follow the desktop. */
const char *
kr_map_get_theme (KrMap *self)
{
  g_return_val_if_fail (KR_IS_MAP (self), "system");
  return self->theme;
}

const KrField *
kr_map_get_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (map_fields);
  return map_fields;
}

GListModel *
kr_map_get_items (KrMap      *self,
                  KrItemKind  kind)
{
  g_return_val_if_fail (KR_IS_MAP (self), NULL);
  g_return_val_if_fail (kind < KR_N_ITEM_KINDS, NULL);

  return G_LIST_MODEL (self->items[kind]);
}

guint
kr_map_get_n_items (KrMap      *self,
                    KrItemKind  kind)
{
  return g_list_model_get_n_items (kr_map_get_items (self, kind));
}

/* The item at @position, borrowed (unlike g_list_model_get_item()). */
gpointer
kr_map_get_item (KrMap      *self,
                 KrItemKind  kind,
                 guint       position)
{
  GObject *item;

  g_return_val_if_fail (KR_IS_MAP (self), NULL);
  g_return_val_if_fail (kind < KR_N_ITEM_KINDS, NULL);

  item = g_list_model_get_object (G_LIST_MODEL (self->items[kind]), position);
  if (item != NULL)
    g_object_unref (item);   /* the store keeps its own reference */

  return item;
}

gpointer
kr_map_lookup (KrMap      *self,
               KrItemKind  kind,
               const char *id)
{
  g_return_val_if_fail (KR_IS_MAP (self), NULL);
  g_return_val_if_fail (kind < KR_N_ITEM_KINDS, NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->index[kind], id);
}

gboolean
kr_map_find_position (KrMap  *self,
                      KrItem *item,
                      guint  *position)
{
  g_return_val_if_fail (KR_IS_MAP (self), FALSE);
  g_return_val_if_fail (KR_IS_ITEM (item), FALSE);

  return g_list_store_find (self->items[kr_item_get_kind (item)], item, position);
}

/* Inserts @item at @position (clamped to the end). Its id must be unique in its kind. */
void
kr_map_insert_item (KrMap  *self,
                    guint   position,
                    KrItem *item)
{
  KrItemKind kind;

  g_return_if_fail (KR_IS_MAP (self));
  g_return_if_fail (KR_IS_ITEM (item));

  kind = kr_item_get_kind (item);
  g_return_if_fail (*kr_item_get_id (item) != '\0');
  g_return_if_fail (kr_map_lookup (self, kind, kr_item_get_id (item)) == NULL);

  g_hash_table_insert (self->index[kind], g_strdup (kr_item_get_id (item)), item);
  g_signal_connect (item, "notify", G_CALLBACK (item_notify_cb), self);

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->items[kind])));
  g_list_store_insert (self->items[kind], position, item);
}

void
kr_map_remove_item (KrMap  *self,
                    KrItem *item)
{
  KrItemKind kind;
  guint position;

  g_return_if_fail (KR_IS_MAP (self));
  g_return_if_fail (KR_IS_ITEM (item));

  kind = kr_item_get_kind (item);
  if (!g_list_store_find (self->items[kind], item, &position))
    g_return_if_reached ();

  unindex_item (self, item);
  g_signal_handlers_disconnect_by_data (item, self);
  g_list_store_remove (self->items[kind], position);
}

void
kr_map_move_item (KrMap  *self,
                  KrItem *item,
                  guint   new_position)
{
  KrItemKind kind;
  guint position;

  g_return_if_fail (KR_IS_MAP (self));
  g_return_if_fail (KR_IS_ITEM (item));

  kind = kr_item_get_kind (item);
  if (!g_list_store_find (self->items[kind], item, &position))
    g_return_if_reached ();

  new_position = MIN (new_position, g_list_model_get_n_items (G_LIST_MODEL (self->items[kind])) - 1);
  if (new_position == position)
    return;

  g_object_ref (item);
  g_list_store_remove (self->items[kind], position);
  g_list_store_insert (self->items[kind], new_position, item);
  g_object_unref (item);
}

/* A fresh id for a new item of @kind, such as "t12". */
char *
kr_map_generate_id (KrMap      *self,
                    KrItemKind  kind)
{
  g_return_val_if_fail (KR_IS_MAP (self), NULL);
  g_return_val_if_fail (kind < KR_N_ITEM_KINDS, NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("%s%u", kr_item_kind_get_id_prefix (kind), self->next_id[kind]++);

      if (kr_map_lookup (self, kind, id) == NULL)
        return id;

      g_free (id);
    }
}
