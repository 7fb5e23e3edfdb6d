/* kr-editor.c
 *
 * Everything a person can change on a map, as functions that build the commands, push them
 * to the history as one step and return what they made. Widgets call these and nothing
 * else to change a map; deleting takes what hangs on the deleted items with it (a phase's
 * cards, a card's arrows), so that undo brings all of it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "kr-editor.h"
#include "kr-group-command.h"
#include "kr-item-list-command.h"
#include "kr-layout.h"
#include "kr-note-list-command.h"
#include "kr-set-property-command.h"
#include "kr-set-shared-property-command.h"

struct _KrEditor
{
  GObject parent_instance;

  KrHistory *history;
};

G_DEFINE_FINAL_TYPE (KrEditor, kr_editor, G_TYPE_OBJECT)

G_STATIC_ASSERT (KR_ITEM_CONNECTION > KR_ITEM_TOUCHPOINT && KR_ITEM_TOUCHPOINT > KR_ITEM_LANE);

static void
kr_editor_dispose (GObject *object)
{
  KrEditor *self = KR_EDITOR (object);

  g_clear_object (&self->history);

  G_OBJECT_CLASS (kr_editor_parent_class)->dispose (object);
}

static void
kr_editor_class_init (KrEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kr_editor_dispose;
}

static void
kr_editor_init (KrEditor *self)
{
}

KrEditor *
kr_editor_new (KrHistory *history)
{
  KrEditor *self;

  g_return_val_if_fail (KR_IS_HISTORY (history), NULL);

  self = g_object_new (KR_TYPE_EDITOR, NULL);
  self->history = g_object_ref (history);
  return self;
}

KrHistory *
kr_editor_get_history (KrEditor *self)
{
  g_return_val_if_fail (KR_IS_EDITOR (self), NULL);
  return self->history;
}

KrMap *
kr_editor_get_map (KrEditor *self)
{
  g_return_val_if_fail (KR_IS_EDITOR (self), NULL);
  return kr_history_get_map (self->history);
}

static void
push (KrEditor  *self,
      KrCommand *command)
{
  kr_history_push (self->history, command);
}

/* Pushes @group unless it is empty; a group of one is pushed as that one command. */
static void
push_group (KrEditor       *self,
            KrGroupCommand *group)
{
  if (kr_group_command_get_n_commands (group) > 0)
    push (self, KR_COMMAND (group));
  else
    g_object_unref (group);
}

static const char *
describe_property (gpointer    object,
                   const char *property)
{
  if (g_str_equal (property, "title") || g_str_equal (property, "name"))
    return _("Rename");
  if (g_str_equal (property, "color"))
    return _("Change colour");
  if (g_str_equal (property, "width") || g_str_equal (property, "height"))
    return _("Resize");
  if (g_str_equal (property, "label"))
    return _("Change label");
  if (g_str_equal (property, "style"))
    return _("Change line style");

  return _("Change");
}

/* Sets one property as an undoable step; repeated settings of the same property merge. */
void
kr_editor_set_property (KrEditor     *self,
                        gpointer      object,
                        const char   *property,
                        const GValue *value)
{
  g_return_if_fail (KR_IS_EDITOR (self));

  push (self, kr_set_property_command_new (object, property, value, describe_property (object, property)));
}

/* Sets several properties (name, value pairs as for g_object_set()) as one step. */
void
kr_editor_set (KrEditor   *self,
               gpointer    object,
               const char *first_property,
               ...)
{
  KrGroupCommand *group = kr_group_command_new (describe_property (object, first_property));
  const char *property = first_property;
  va_list args;

  va_start (args, first_property);
  while (property != NULL)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      g_return_if_fail (pspec != NULL);
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      g_return_if_fail (error == NULL);

      kr_group_command_add (group, kr_set_property_command_new (object, property, &value, NULL));
      property = va_arg (args, const char *);
    }
  va_end (args);

  push_group (self, group);
}

static KrCommand *
set_command (gpointer    object,
             const char *property,
             GType       type,
             gconstpointer data)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  if (type == G_TYPE_STRING)
    g_value_set_string (&value, data);
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (&value, *(const double *) data);
  else if (type == G_TYPE_STRV)
    g_value_set_boxed (&value, data);
  else
    g_assert_not_reached ();

  return kr_set_property_command_new (object, property, &value, NULL);
}

KrTouchpoint *
kr_editor_add_touchpoint (KrEditor   *self,
                          const char *phase_id,
                          const char *lane_id,
                          double      x,
                          double      y,
                          const char *channel)
{
  KrMap *map = kr_editor_get_map (self);
  g_autofree char *id = kr_map_generate_id (map, KR_ITEM_TOUCHPOINT);
  g_autoptr(KrTouchpoint) touchpoint = kr_touchpoint_new (id);

  g_object_set (touchpoint,
                "phase-id", phase_id,
                "lane-id", lane_id,
                "x", MAX (0, x),
                "y", MAX (0, y),
                "channel", channel ? channel : "",
                "title", _("New touchpoint"),
                NULL);

  push (self, kr_item_list_command_new_insert (KR_ITEM (touchpoint), G_MAXUINT, _("Add touchpoint")));
  return touchpoint;
}

/* Moves touchpoints (into other cells too) as one step. */
void
kr_editor_place_touchpoints (KrEditor          *self,
                             const KrPlacement *placements,
                             guint              n_placements)
{
  KrGroupCommand *group = kr_group_command_new (n_placements == 1 ? _("Move touchpoint")
                                                                  : _("Move touchpoints"));

  for (guint i = 0; i < n_placements; i++)
    {
      const KrPlacement *placement = &placements[i];
      double x = MAX (0, placement->x), y = MAX (0, placement->y);

      kr_group_command_add (group, set_command (placement->touchpoint, "phase-id", G_TYPE_STRING, placement->phase_id));
      kr_group_command_add (group, set_command (placement->touchpoint, "lane-id", G_TYPE_STRING, placement->lane_id));
      kr_group_command_add (group, set_command (placement->touchpoint, "x", G_TYPE_DOUBLE, &x));
      kr_group_command_add (group, set_command (placement->touchpoint, "y", G_TYPE_DOUBLE, &y));
    }

  push_group (self, group);
}

/* Moves @touchpoints by @dx, @dy map units as one step; each lands in the cell under its
 * centre (render and edit are one layer: the layout knows where cells are). */
void
kr_editor_move_touchpoints (KrEditor  *self,
                            GPtrArray *touchpoints,
                            double     dx,
                            double     dy)
{
  KrMap *map = kr_editor_get_map (self);
  g_autoptr(KrLayout) layout = NULL;
  g_autofree KrPlacement *placements = NULL;
  guint n = 0;

  g_return_if_fail (KR_IS_EDITOR (self));

  if ((dx == 0 && dy == 0) || touchpoints->len == 0)
    return;

  layout = kr_layout_new (map);
  placements = g_new0 (KrPlacement, touchpoints->len);
  for (guint i = 0; i < touchpoints->len; i++)
    {
      KrPlacement *placement = &placements[n];

      placement->touchpoint = touchpoints->pdata[i];
      if (kr_layout_place_moved_card (layout, map, placement->touchpoint, dx, dy, &placement->phase_id,
                                      &placement->lane_id, &placement->x, &placement->y))
        n++;
    }

  if (n > 0)
    kr_editor_place_touchpoints (self, placements, n);
}

static KrConnection *
new_connection (KrMap      *map,
                const char *from_id,
                const char *to_id)
{
  g_autofree char *id = kr_map_generate_id (map, KR_ITEM_CONNECTION);
  KrConnection *connection = kr_connection_new (id);

  g_object_set (connection, "from-id", from_id, "to-id", to_id, NULL);
  return connection;
}

KrConnection *
kr_editor_connect (KrEditor     *self,
                   KrTouchpoint *from,
                   KrTouchpoint *to)
{
  g_autoptr(KrConnection) connection = NULL;

  g_return_val_if_fail (KR_IS_EDITOR (self), NULL);

  connection = new_connection (kr_editor_get_map (self), kr_item_get_id (KR_ITEM (from)),
                               kr_item_get_id (KR_ITEM (to)));
  push (self, kr_item_list_command_new_insert (KR_ITEM (connection), G_MAXUINT, _("Connect touchpoints")));
  return connection;
}

static const char * const phase_colors[] = {
  "#3d7dd8", "#e5a50a", "#2ec27e", "#9141ac", "#e66100", "#1c9fa6", "#c64600", "#6a5acd",
};

/* Inserts a new item of @kind, named @name and coloured from @colors by its position in
 * the list, at @position (clamped), as one step. Returns it (transfer none). */
static KrItem *
add_named_item (KrEditor           *self,
                KrItemKind          kind,
                guint               position,
                const char         *name_property,
                const char         *name,
                const char * const *colors,
                guint               n_colors,
                const char         *description)
{
  KrMap *map = kr_editor_get_map (self);
  guint n = kr_map_get_n_items (map, kind);
  g_autofree char *id = kr_map_generate_id (map, kind);
  g_autoptr(KrItem) item = g_object_new (kr_item_kind_get_type (kind), "id", id, NULL);

  g_object_set (item, name_property, name, "color", colors[n % n_colors], NULL);
  push (self, kr_item_list_command_new_insert (item, MIN (position, n), description));
  return item;
}

KrPhase *
kr_editor_add_phase (KrEditor *self,
                     guint     position)
{
  return KR_PHASE (add_named_item (self, KR_ITEM_PHASE, position, "title", _("New phase"),
                                   phase_colors, G_N_ELEMENTS (phase_colors), _("Add phase")));
}

/* Adds a lane. The first lane of a map takes in every card, which had no lane before. */
KrLane *
kr_editor_add_lane (KrEditor *self,
                    guint     position)
{
  KrMap *map = kr_editor_get_map (self);
  guint n = kr_map_get_n_items (map, KR_ITEM_LANE);
  g_autofree char *id = kr_map_generate_id (map, KR_ITEM_LANE);
  g_autoptr(KrLane) lane = kr_lane_new (id);
  KrGroupCommand *group = kr_group_command_new (_("Add lane"));

  g_object_set (lane, "title", _("New lane"), NULL);
  kr_group_command_add (group, kr_item_list_command_new_insert (KR_ITEM (lane), MIN (position, n), NULL));

  if (n == 0)
    for (guint i = 0; i < kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT); i++)
      kr_group_command_add (group, set_command (kr_map_get_item (map, KR_ITEM_TOUCHPOINT, i),
                                                "lane-id", G_TYPE_STRING, id));

  push (self, KR_COMMAND (group));
  return lane;
}

void
kr_editor_move_item (KrEditor *self,
                     KrItem   *item,
                     guint     new_position)
{
  push (self, kr_item_list_command_new_move (kr_editor_get_map (self), item, new_position,
                                            KR_IS_PHASE (item) ? _("Move phase") : _("Move lane")));
}

/* Adds to @doomed (a set) everything that can not stay when @item goes. */
static void
collect_dependents (KrMap      *map,
                    KrItem     *item,
                    GHashTable *doomed)
{
  const char *id = kr_item_get_id (item);
  KrItemKind kind = kr_item_get_kind (item);

  if (!g_hash_table_add (doomed, item))
    return;

  if (kind == KR_ITEM_PHASE || kind == KR_ITEM_LANE)
    for (guint i = 0; i < kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT); i++)
      {
        KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, i);
        const char *cell = kind == KR_ITEM_PHASE ? kr_touchpoint_get_phase_id (touchpoint)
                                                 : kr_touchpoint_get_lane_id (touchpoint);

        if (g_strcmp0 (cell, id) == 0)
          collect_dependents (map, KR_ITEM (touchpoint), doomed);
      }

  if (kind == KR_ITEM_TOUCHPOINT)
    for (guint i = 0; i < kr_map_get_n_items (map, KR_ITEM_CONNECTION); i++)
      {
        KrConnection *connection = kr_map_get_item (map, KR_ITEM_CONNECTION, i);

        if (g_strcmp0 (kr_connection_get_from_id (connection), id) == 0 ||
            g_strcmp0 (kr_connection_get_to_id (connection), id) == 0)
          g_hash_table_add (doomed, connection);
      }
}

/* "Deleted 3 touchpoints", naming what the person chose, not what came along. */
static char *
describe_deletion (GPtrArray *items)
{
  guint counts[KR_N_ITEM_KINDS] = { 0 };
  guint kinds = 0;
  KrItemKind last = KR_ITEM_TOUCHPOINT;

  for (guint i = 0; i < items->len; i++)
    {
      last = kr_item_get_kind (items->pdata[i]);
      if (counts[last]++ == 0)
        kinds++;
    }

  if (kinds > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u item", "Deleted %u items", items->len),
                            items->len);

  switch (last)
    {
    case KR_ITEM_PHASE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u phase", "Deleted %u phases", counts[last]), counts[last]);
    case KR_ITEM_LANE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u lane", "Deleted %u lanes", counts[last]), counts[last]);
    case KR_ITEM_PERSONA:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u persona", "Deleted %u personas", counts[last]), counts[last]);
    case KR_ITEM_CONNECTION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u connection", "Deleted %u connections", counts[last]), counts[last]);
    case KR_ITEM_TOUCHPOINT:
    case KR_N_ITEM_KINDS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u touchpoint", "Deleted %u touchpoints", counts[last]), counts[last]);
    }
}

/* Removes persona references of touchpoints that stay, for personas that go. */
static void
strip_persona_references (KrMap          *map,
                          GHashTable     *doomed,
                          KrGroupCommand *group)
{
  for (guint i = 0; i < kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT); i++)
    {
      KrTouchpoint *touchpoint = kr_map_get_item (map, KR_ITEM_TOUCHPOINT, i);
      const char * const *ids = kr_touchpoint_get_persona_ids (touchpoint);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;
      gboolean changed = FALSE;

      if (g_hash_table_contains (doomed, touchpoint))
        continue;

      for (guint p = 0; ids[p]; p++)
        {
          KrPersona *persona = kr_map_lookup_persona (map, ids[p]);

          if (persona != NULL && g_hash_table_contains (doomed, persona))
            changed = TRUE;
          else
            g_strv_builder_add (kept, ids[p]);
        }

      strv = g_strv_builder_end (kept);
      if (changed)
        kr_group_command_add (group, set_command (touchpoint, "persona-ids", G_TYPE_STRV, strv));
    }
}

/**
 * kr_editor_delete:
 * @items: phases, lanes, personas, touchpoints and connections
 *
 * Deletes @items and what depends on them, as one step.
 *
 * Returns: (transfer full) (nullable): what was deleted, for a toast, or %NULL if nothing
 */
char *
kr_editor_delete (KrEditor  *self,
                  GPtrArray *items)
{
  KrMap *map = kr_editor_get_map (self);
  g_autoptr(GHashTable) doomed = g_hash_table_new (NULL, NULL);
  g_autofree char *description = NULL;
  KrGroupCommand *group;

  g_return_val_if_fail (KR_IS_EDITOR (self), NULL);

  if (items == NULL || items->len == 0)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    collect_dependents (map, items->pdata[i], doomed);

  description = describe_deletion (items);
  group = kr_group_command_new (description);
  strip_persona_references (map, doomed, group);

  /* Arrows first, then cards, then what held them (the order of KrItemKind, backwards), so
   * that undo restores the holders first. */
  for (KrItemKind kind = KR_N_ITEM_KINDS; kind-- > 0;)
    {
      for (guint i = kr_map_get_n_items (map, kind); i > 0; i--)
        {
          KrItem *item = kr_map_get_item (map, kind, i - 1);

          if (g_hash_table_contains (doomed, item))
            kr_group_command_add (group, kr_item_list_command_new_remove (map, item, NULL));
        }
    }

  push (self, KR_COMMAND (group));
  return g_steal_pointer (&description);
}

static KrTouchpoint *
copy_touchpoint (KrTouchpoint *touchpoint,
                 const char   *id)
{
  KrTouchpoint *copy = KR_TOUCHPOINT (kr_item_copy (KR_ITEM (touchpoint)));
  GListModel *notes = kr_touchpoint_get_notes (touchpoint);

  kr_item_set_id (KR_ITEM (copy), id);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(KrNote) note = g_list_model_get_item (notes, i);
      g_autoptr(KrNote) note_copy = kr_note_copy (note);

      kr_touchpoint_insert_note (copy, i, note_copy);
    }

  return copy;
}

/* Adds copies of the connections among @sources, between their copies @copies. */
/* Ids come from kr_map_generate_id(), which never hands out the same id twice, so the
 * copies can be made before any of them is in the map. */
static void
copy_connections (KrMap          *source_map,
                  KrMap          *target_map,
                  GHashTable     *copies,
                  KrGroupCommand *group,
                  GPtrArray      *created)
{
  for (guint i = 0; i < kr_map_get_n_items (source_map, KR_ITEM_CONNECTION); i++)
    {
      KrConnection *connection = kr_map_get_item (source_map, KR_ITEM_CONNECTION, i);
      KrItem *from = g_hash_table_lookup (copies, kr_connection_get_from_id (connection));
      KrItem *to = g_hash_table_lookup (copies, kr_connection_get_to_id (connection));
      g_autoptr(KrConnection) copy = NULL;
      g_autofree char *id = NULL;

      if (from == NULL || to == NULL)
        continue;

      id = kr_map_generate_id (target_map, KR_ITEM_CONNECTION);
      copy = KR_CONNECTION (kr_item_copy (KR_ITEM (connection)));
      kr_item_set_id (KR_ITEM (copy), id);
      g_object_set (copy, "from-id", kr_item_get_id (from), "to-id", kr_item_get_id (to), NULL);

      kr_group_command_add (group, kr_item_list_command_new_insert (KR_ITEM (copy), G_MAXUINT, NULL));
      g_ptr_array_add (created, g_object_ref (copy));
    }
}

/**
 * kr_editor_duplicate:
 *
 * Copies @touchpoints, offset by @dx, @dy inside their cells, and the arrows among them.
 *
 * Returns: (transfer container): the new touchpoints and connections
 */
GPtrArray *
kr_editor_duplicate (KrEditor  *self,
                     GPtrArray *touchpoints,
                     double     dx,
                     double     dy)
{
  KrMap *map = kr_editor_get_map (self);
  g_autoptr(GHashTable) copies = g_hash_table_new (g_str_hash, g_str_equal);
  KrGroupCommand *group = kr_group_command_new (_("Duplicate"));
  GPtrArray *created = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < touchpoints->len; i++)
    {
      KrTouchpoint *touchpoint = touchpoints->pdata[i];
      g_autofree char *id = kr_map_generate_id (map, KR_ITEM_TOUCHPOINT);
      g_autoptr(KrTouchpoint) copy = copy_touchpoint (touchpoint, id);

      g_object_set (copy, "x", kr_touchpoint_get_x (touchpoint) + dx,
                    "y", kr_touchpoint_get_y (touchpoint) + dy, NULL);
      kr_group_command_add (group, kr_item_list_command_new_insert (KR_ITEM (copy), G_MAXUINT, NULL));
      g_hash_table_insert (copies, (gpointer) kr_item_get_id (KR_ITEM (touchpoint)), copy);
      g_ptr_array_add (created, g_object_ref (copy));
    }

  copy_connections (map, map, copies, group, created);
  push_group (self, group);

  return created;
}

/* The id in the target map for @id of the fragment: the same id, else an item of the same
 * title, else @fallback. */
static const char *
match_cell (KrMap      *target,
            KrMap      *fragment,
            KrItemKind  kind,
            const char *id,
            const char *fallback)
{
  KrItem *source;

  if (id == NULL)
    return fallback;
  if (kr_map_lookup (target, kind, id) != NULL)
    return id;

  source = kr_map_lookup (fragment, kind, id);
  if (source != NULL)
    {
      g_autofree char *title = NULL;

      g_object_get (source, "title", &title, NULL);
      for (guint i = 0; i < kr_map_get_n_items (target, kind); i++)
        {
          KrItem *candidate = kr_map_get_item (target, kind, i);
          g_autofree char *candidate_title = NULL;

          g_object_get (candidate, "title", &candidate_title, NULL);
          if (g_strcmp0 (title, candidate_title) == 0)
            return kr_item_get_id (candidate);
        }
    }

  return fallback;
}

/**
 * kr_editor_paste:
 * @fragment: a map holding what was copied (see kr_editor_copy())
 * @fallback_phase_id: where cards go whose phase this map does not have
 *
 * Returns: (transfer container): the new touchpoints and connections
 */
GPtrArray *
kr_editor_paste (KrEditor   *self,
                 KrMap      *fragment,
                 const char *fallback_phase_id,
                 const char *fallback_lane_id,
                 double      dx,
                 double      dy)
{
  KrMap *map = kr_editor_get_map (self);
  g_autoptr(GHashTable) copies = g_hash_table_new (g_str_hash, g_str_equal);
  KrGroupCommand *group = kr_group_command_new (_("Paste"));
  GPtrArray *created = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_lanes = kr_map_get_n_items (map, KR_ITEM_LANE) > 0;

  for (guint i = 0; i < kr_map_get_n_items (fragment, KR_ITEM_TOUCHPOINT); i++)
    {
      KrTouchpoint *touchpoint = kr_map_get_item (fragment, KR_ITEM_TOUCHPOINT, i);
      const char *phase_id = match_cell (map, fragment, KR_ITEM_PHASE, kr_touchpoint_get_phase_id (touchpoint),
                                         fallback_phase_id);
      const char *lane_id = has_lanes ? match_cell (map, fragment, KR_ITEM_LANE, kr_touchpoint_get_lane_id (touchpoint),
                                                    fallback_lane_id)
                                      : NULL;
      const char * const *persona_ids = kr_touchpoint_get_persona_ids (touchpoint);
      g_autoptr(GStrvBuilder) kept_personas = g_strv_builder_new ();
      g_auto(GStrv) personas = NULL;
      g_autofree char *id = NULL;
      g_autoptr(KrTouchpoint) copy = NULL;

      if (phase_id == NULL || (has_lanes && lane_id == NULL))
        continue;

      for (guint p = 0; persona_ids[p]; p++)
        if (kr_map_lookup (map, KR_ITEM_PERSONA, persona_ids[p]) != NULL)
          g_strv_builder_add (kept_personas, persona_ids[p]);
      personas = g_strv_builder_end (kept_personas);

      id = kr_map_generate_id (map, KR_ITEM_TOUCHPOINT);
      copy = copy_touchpoint (touchpoint, id);
      g_object_set (copy,
                    "phase-id", phase_id,
                    "lane-id", lane_id,
                    "persona-ids", personas,
                    "x", MAX (0, kr_touchpoint_get_x (touchpoint) + dx),
                    "y", MAX (0, kr_touchpoint_get_y (touchpoint) + dy),
                    NULL);
      kr_group_command_add (group, kr_item_list_command_new_insert (KR_ITEM (copy), G_MAXUINT, NULL));
      g_hash_table_insert (copies, (gpointer) kr_item_get_id (KR_ITEM (touchpoint)), copy);
      g_ptr_array_add (created, g_object_ref (copy));
    }

  copy_connections (fragment, map, copies, group, created);
  push_group (self, group);

  return created;
}

static void
copy_into (KrMap  *fragment,
           KrItem *item)
{
  g_autoptr(KrItem) copy = NULL;

  if (item == NULL || kr_map_lookup (fragment, kr_item_get_kind (item), kr_item_get_id (item)) != NULL)
    return;

  copy = KR_IS_TOUCHPOINT (item) ? KR_ITEM (copy_touchpoint (KR_TOUCHPOINT (item), kr_item_get_id (item)))
                                 : kr_item_copy (item);
  kr_map_insert_item (fragment, G_MAXUINT, copy);
}

/**
 * kr_editor_copy:
 * @items: what is selected
 *
 * Returns: (transfer full): a small valid map of the touchpoints among @items, the arrows
 *   between them and the phases, lanes and personas they refer to, for the clipboard
 */
KrMap *
kr_editor_copy (KrEditor  *self,
                GPtrArray *items)
{
  KrMap *map = kr_editor_get_map (self);
  KrMap *fragment = kr_map_new ();

  for (guint i = 0; i < items->len; i++)
    {
      KrTouchpoint *touchpoint;
      const char * const *personas;

      if (!KR_IS_TOUCHPOINT (items->pdata[i]))
        continue;

      touchpoint = items->pdata[i];
      copy_into (fragment, kr_map_lookup (map, KR_ITEM_PHASE, kr_touchpoint_get_phase_id (touchpoint)));
      copy_into (fragment, kr_map_lookup (map, KR_ITEM_LANE, kr_touchpoint_get_lane_id (touchpoint)));
      personas = kr_touchpoint_get_persona_ids (touchpoint);
      for (guint p = 0; personas[p]; p++)
        copy_into (fragment, kr_map_lookup (map, KR_ITEM_PERSONA, personas[p]));
      copy_into (fragment, KR_ITEM (touchpoint));
    }

  for (guint i = 0; i < kr_map_get_n_items (map, KR_ITEM_CONNECTION); i++)
    {
      KrConnection *connection = kr_map_get_item (map, KR_ITEM_CONNECTION, i);

      if (kr_map_lookup (fragment, KR_ITEM_TOUCHPOINT, kr_connection_get_from_id (connection)) &&
          kr_map_lookup (fragment, KR_ITEM_TOUCHPOINT, kr_connection_get_to_id (connection)))
        copy_into (fragment, KR_ITEM (connection));
    }

  return fragment;
}

/**
 * kr_editor_set_shared_property:
 * @objects: items (or notes) of one kind
 *
 * Gives all @objects the same value of @property, as one step; repeated settings of the same
 * property of the same objects merge (typing).
 */
void
kr_editor_set_shared_property (KrEditor     *self,
                               GPtrArray    *objects,
                               const char   *property,
                               const GValue *value)
{
  const char *description;

  g_return_if_fail (KR_IS_EDITOR (self));
  g_return_if_fail (objects != NULL);

  if (objects->len == 0)
    return;

  description = describe_property (objects->pdata[0], property);
  if (objects->len == 1)
    push (self, kr_set_property_command_new (objects->pdata[0], property, value, description));
  else
    push (self, kr_set_shared_property_command_new (objects, property, value, description));
}

/* Makes @persona_id one of the personas of each of @touchpoints, or of none, as one step. */
void
kr_editor_set_persona_membership (KrEditor   *self,
                                  GPtrArray  *touchpoints,
                                  const char *persona_id,
                                  gboolean    member)
{
  KrGroupCommand *group;

  g_return_if_fail (KR_IS_EDITOR (self));
  g_return_if_fail (persona_id != NULL);

  group = kr_group_command_new (member ? _("Assign persona") : _("Unassign persona"));
  for (guint i = 0; i < touchpoints->len; i++)
    {
      KrTouchpoint *touchpoint = touchpoints->pdata[i];
      const char * const *ids = kr_touchpoint_get_persona_ids (touchpoint);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      if (g_strv_contains (ids, persona_id) == !!member)
        continue;

      for (guint p = 0; ids[p]; p++)
        if (!g_str_equal (ids[p], persona_id))
          g_strv_builder_add (builder, ids[p]);
      if (member)
        g_strv_builder_add (builder, persona_id);

      strv = g_strv_builder_end (builder);
      kr_group_command_add (group, set_command (touchpoint, "persona-ids", G_TYPE_STRV, strv));
    }

  push_group (self, group);
}

/**
 * kr_editor_add_note:
 * @text: what the note says
 *
 * Appends a note, dated now, to @touchpoint.
 *
 * Returns: (transfer none): the note
 */
KrNote *
kr_editor_add_note (KrEditor     *self,
                    KrTouchpoint *touchpoint,
                    const char   *text)
{
  g_autoptr(KrNote) note = NULL;

  g_return_val_if_fail (KR_IS_EDITOR (self), NULL);
  g_return_val_if_fail (KR_IS_TOUCHPOINT (touchpoint), NULL);

  note = kr_note_new (text ? text : "", NULL);
  push (self, kr_note_list_command_new_insert (touchpoint, G_MAXUINT, note, _("Add note")));
  return note;
}

void
kr_editor_remove_note (KrEditor     *self,
                       KrTouchpoint *touchpoint,
                       KrNote       *note)
{
  g_return_if_fail (KR_IS_EDITOR (self));
  g_return_if_fail (KR_IS_TOUCHPOINT (touchpoint));
  g_return_if_fail (KR_IS_NOTE (note));

  push (self, kr_note_list_command_new_remove (touchpoint, note, _("Delete note")));
}

static const char * const persona_colors[] = {
  "#8e5bd0", "#1c9fa6", "#e66100", "#2ec27e", "#c01c28", "#3d7dd8", "#e5a50a", "#986a44",
};

/**
 * kr_editor_add_persona:
 * @position: where in the list of personas, G_MAXUINT for the end
 *
 * Returns: (transfer none): the new persona
 */
KrPersona *
kr_editor_add_persona (KrEditor *self,
                       guint     position)
{
  return KR_PERSONA (add_named_item (self, KR_ITEM_PERSONA, position, "name", _("New persona"),
                                     persona_colors, G_N_ELEMENTS (persona_colors), _("Add persona")));
}

void
kr_editor_move_persona (KrEditor  *self,
                        KrPersona *persona,
                        guint      new_position)
{
  g_return_if_fail (KR_IS_EDITOR (self));
  g_return_if_fail (KR_IS_PERSONA (persona));

  push (self, kr_item_list_command_new_move (kr_editor_get_map (self), KR_ITEM (persona), new_position,
                                            _("Move persona")));
}

/* @photo: a data: URI of a PNG or JPEG picture (see kr_photo_*), or NULL for none */
void
kr_editor_set_persona_photo (KrEditor   *self,
                             KrPersona  *persona,
                             const char *photo)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (KR_IS_EDITOR (self));
  g_return_if_fail (KR_IS_PERSONA (persona));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, photo);
  push (self, kr_set_property_command_new (persona, "photo", &value,
                                           photo ? _("Change photo") : _("Remove photo")));
  /* choosing another photo right after is a step of its own */
  kr_history_break_merge (self->history);
}
