/* kr-canvas-actions.c: keyboard, clipboard, inline editing and context menus of KrCanvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "kr-canvas-private.h"
#include "kr-layout.h"
#include "kr-map-loader.h"
#include "kr-map-saver.h"

#define NUDGE_STEP KR_CANVAS_GRID
#define CLIPBOARD_MIME_TYPE "application/x-kringel"
#define PASTE_OFFSET 24.0

/* Every key of the canvas, in one place. They are bindings of the canvas, so they only act
 * while it has the focus: Delete in a text field deletes text, not cards. */
static const struct {
  guint keyval;
  GdkModifierType modifiers;
  const char *action;
  const char *parameter;   /* GVariant text, or NULL */
} bindings[] = {
  { GDK_KEY_Delete, 0, "canvas.delete", NULL },
  { GDK_KEY_BackSpace, 0, "canvas.delete", NULL },
  { GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL },
  { GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL },
  { GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL },
  { GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL },
  { GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL },
  { GDK_KEY_Escape, 0, "canvas.unselect", NULL },
  { GDK_KEY_Return, 0, "canvas.edit", NULL },
  { GDK_KEY_KP_Enter, 0, "canvas.edit", NULL },
  { GDK_KEY_F2, 0, "canvas.edit", NULL },
  { GDK_KEY_Insert, 0, "canvas.add-touchpoint", NULL },
  { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.add-touchpoint", NULL },
  { GDK_KEY_Tab, 0, "canvas.focus-next", NULL },
  { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "canvas.focus-previous", NULL },
  { GDK_KEY_Tab, GDK_SHIFT_MASK, "canvas.focus-previous", NULL },
  { GDK_KEY_Left, 0, "canvas.nudge", "(-8.0, 0.0)" },
  { GDK_KEY_Right, 0, "canvas.nudge", "(8.0, 0.0)" },
  { GDK_KEY_Up, 0, "canvas.nudge", "(0.0, -8.0)" },
  { GDK_KEY_Down, 0, "canvas.nudge", "(0.0, 8.0)" },
  { GDK_KEY_Left, GDK_SHIFT_MASK, "canvas.nudge", "(-1.0, 0.0)" },
  { GDK_KEY_Right, GDK_SHIFT_MASK, "canvas.nudge", "(1.0, 0.0)" },
  { GDK_KEY_Up, GDK_SHIFT_MASK, "canvas.nudge", "(0.0, -1.0)" },
  { GDK_KEY_Down, GDK_SHIFT_MASK, "canvas.nudge", "(0.0, 1.0)" },
  { GDK_KEY_Left, GDK_ALT_MASK, "canvas.focus-direction", "(-1, 0)" },
  { GDK_KEY_Right, GDK_ALT_MASK, "canvas.focus-direction", "(1, 0)" },
  { GDK_KEY_Up, GDK_ALT_MASK, "canvas.focus-direction", "(0, -1)" },
  { GDK_KEY_Down, GDK_ALT_MASK, "canvas.focus-direction", "(0, 1)" },
};

static const char * const palette[] = {
  "#3d7dd8", "#1c9fa6", "#2ec27e", "#e5a50a", "#e66100", "#e01b24", "#c061cb", "#6a5acd", "#77767b",
};

static const char * const palette_names[] = {
  N_("Blue"), N_("Teal"), N_("Green"), N_("Yellow"), N_("Orange"), N_("Red"), N_("Purple"),
  N_("Violet"), N_("Grey"),
};

/* Focus and reading order */

/* The touchpoints as a journey is read: phase by phase, left to right, top to bottom. */
GPtrArray *
kr_canvas_get_reading_order (KrCanvas *self)
{
  g_autoptr(KrLayout) layout = kr_layout_new (self->map);

  return kr_layout_get_reading_order (layout, self->map);
}

static void
announce_focus (KrCanvas *self)
{
  g_autofree char *label = NULL;

  if (self->focus != NULL)
    {
      KrTouchpoint *touchpoint = KR_TOUCHPOINT (self->focus);
      KrPhase *phase = kr_map_lookup_phase (self->map, kr_touchpoint_get_phase_id (touchpoint));

      /* TRANSLATORS: read out by screen readers: touchpoint title, phase title, emotion 1–5 */
      label = g_strdup_printf (_("Touchpoint “%s” in phase “%s”, emotion %d of 5"),
                               kr_touchpoint_get_title (touchpoint),
                               phase ? kr_phase_get_title (phase) : "",
                               kr_touchpoint_get_emotion (touchpoint));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label ? label : _("Journey map"), -1);
}

/* Moves the keyboard focus to the card @item (selecting it) and scrolls it into view. */
void
kr_canvas_set_focus_item (KrCanvas *self,
                          KrItem   *item)
{
  KrRect rect;

  self->focus = item;
  announce_focus (self);

  if (item != NULL && KR_IS_TOUCHPOINT (item) &&
      kr_renderer_get_card_rect (self->renderer, self->map, KR_TOUCHPOINT (item), &rect))
    kr_canvas_reveal (self, &rect);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_step (KrCanvas *self,
            int       step)
{
  g_autoptr(GPtrArray) order = kr_canvas_get_reading_order (self);
  guint index = 0;
  KrItem *item;

  if (order->len == 0)
    return;

  if (self->focus != NULL && g_ptr_array_find (order, self->focus, &index))
    index = (index + order->len + step) % order->len;
  else
    index = step > 0 ? 0 : order->len - 1;

  item = order->pdata[index];
  kr_selection_select_only (self->selection, item);
  kr_canvas_set_focus_item (self, item);
}

static void
focus_next_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  focus_step (KR_CANVAS (widget), 1);
}

static void
focus_previous_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  focus_step (KR_CANVAS (widget), -1);
}

/* Alt+arrows: the nearest card in that direction, straight ahead counting more than aside. */
static void
focus_direction_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);
  KrItem *best = NULL;
  double best_score = G_MAXDOUBLE;
  KrRect from;
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);

  if (self->focus == NULL ||
      !kr_renderer_get_card_rect (self->renderer, self->map, KR_TOUCHPOINT (self->focus), &from))
    {
      focus_step (self, 1);
      return;
    }

  for (guint i = 0; i < kr_map_get_n_items (self->map, KR_ITEM_TOUCHPOINT); i++)
    {
      KrTouchpoint *candidate = kr_map_get_item (self->map, KR_ITEM_TOUCHPOINT, i);
      double ahead, aside, score;
      KrRect rect;

      if (KR_ITEM (candidate) == self->focus ||
          !kr_renderer_get_card_rect (self->renderer, self->map, candidate, &rect))
        continue;

      ahead = (rect.x + rect.width / 2 - from.x - from.width / 2) * dx +
              (rect.y + rect.height / 2 - from.y - from.height / 2) * dy;
      aside = fabs ((rect.x + rect.width / 2 - from.x - from.width / 2) * dy) +
              fabs ((rect.y + rect.height / 2 - from.y - from.height / 2) * dx);
      if (ahead <= 1)
        continue;

      score = ahead + 2 * aside;
      if (score < best_score)
        best_score = score, best = KR_ITEM (candidate);
    }

  if (best != NULL)
    {
      kr_selection_select_only (self->selection, best);
      kr_canvas_set_focus_item (self, best);
    }
}

/* Creating and deleting */

/* Adds a touchpoint centred at the map point @map_x, @map_y, in the cell there. */
void
kr_canvas_add_touchpoint_at (KrCanvas   *self,
                             double      map_x,
                             double      map_y,
                             const char *channel,
                             gboolean    edit_title)
{
  g_autoptr(KrLayout) layout = kr_layout_new (self->map);
  guint phase_index, lane_index;
  KrTouchpoint *touchpoint;
  KrRect cell;

  if (!kr_layout_find_cell (layout, map_x, map_y, &phase_index, &lane_index, &cell))
    {
      kr_canvas_show_toast (self, _("Add a phase first: touchpoints live in phases"), FALSE);
      return;
    }

  touchpoint = kr_editor_add_touchpoint (self->editor,
                                         kr_item_get_id (kr_map_get_item (self->map, KR_ITEM_PHASE, phase_index)),
                                         kr_layout_has_lanes (layout)
                                           ? kr_item_get_id (kr_map_get_item (self->map, KR_ITEM_LANE, lane_index))
                                           : NULL,
                                         CLAMP (round ((map_x - cell.x - KR_LAYOUT_CARD_WIDTH / 2) / self->grid) * self->grid,
                                                0, MAX (0, cell.width - KR_LAYOUT_CARD_WIDTH)),
                                         CLAMP (round ((map_y - cell.y - KR_LAYOUT_CARD_HEIGHT / 2) / self->grid) * self->grid,
                                                0, MAX (0, cell.height - KR_LAYOUT_CARD_HEIGHT)),
                                         channel);

  kr_selection_select_only (self->selection, touchpoint);
  kr_canvas_set_focus_item (self, KR_ITEM (touchpoint));
  if (edit_title)
    kr_canvas_begin_inline_edit (self, KR_ITEM (touchpoint));
}

static void
view_center (KrCanvas *self,
             double   *x,
             double   *y)
{
  KrRect viewport = kr_canvas_get_viewport (self);

  *x = viewport.x + viewport.width / 2;
  *y = viewport.y + viewport.height / 2;
}

/* Adds a touchpoint of @channel (or none) in the middle of the view, to be named at once. */
void
kr_canvas_add_touchpoint_in_view (KrCanvas   *self,
                                  const char *channel)
{
  double x, y;

  g_return_if_fail (KR_IS_CANVAS (self));

  view_center (self, &x, &y);
  kr_canvas_add_touchpoint_at (self, x, y, channel && *channel ? channel : NULL, TRUE);
}

static void
add_touchpoint_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);
  double x, y;

  if (self->context_item != NULL && g_str_equal (action_name, "canvas.add-touchpoint-here"))
    x = self->context_x, y = self->context_y;
  else
    view_center (self, &x, &y);

  kr_canvas_add_touchpoint_at (self, x, y, NULL, TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);
  g_autoptr(GPtrArray) items = g_ptr_array_copy (kr_selection_get_items (self->selection), NULL, NULL);
  g_autofree char *description = kr_editor_delete (self->editor, items);

  if (description != NULL)
    kr_canvas_show_toast (self, description, TRUE);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);
  g_autoptr(GPtrArray) touchpoints = kr_selection_get_touchpoints (self->selection);
  g_autoptr(GPtrArray) created = NULL;

  if (touchpoints->len == 0)
    return;

  created = kr_editor_duplicate (self->editor, touchpoints, PASTE_OFFSET, PASTE_OFFSET);
  kr_selection_set (self->selection, created);
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);
  g_autoptr(GPtrArray) touchpoints = kr_selection_get_touchpoints (self->selection);
  g_autofree KrPlacement *placements = g_new0 (KrPlacement, touchpoints->len + 1);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);

  if (touchpoints->len == 0)
    {
      /* without a selection, the arrows move the focus */
      focus_direction_action (widget, action_name, g_variant_new ("(ii)", (int) CLAMP (dx, -1, 1), (int) CLAMP (dy, -1, 1)));
      return;
    }

  for (guint i = 0; i < touchpoints->len; i++)
    {
      KrTouchpoint *touchpoint = touchpoints->pdata[i];

      placements[i] = (KrPlacement) {
        touchpoint, kr_touchpoint_get_phase_id (touchpoint), kr_touchpoint_get_lane_id (touchpoint),
        kr_touchpoint_get_x (touchpoint) + dx, kr_touchpoint_get_y (touchpoint) + dy,
      };
    }

  kr_editor_place_touchpoints (self->editor, placements, touchpoints->len);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; i < kr_map_get_n_items (self->map, KR_ITEM_TOUCHPOINT); i++)
    g_ptr_array_add (all, kr_map_get_item (self->map, KR_ITEM_TOUCHPOINT, i));

  kr_selection_set (self->selection, all);
}

static void
unselect_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kr_selection_clear (KR_CANVAS (widget)->selection);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);
  KrItem *item = self->context_item != NULL && g_str_equal (action_name, "canvas.edit-context")
                 ? self->context_item : kr_selection_get_single (self->selection);

  if (item == NULL && self->focus != NULL)
    item = self->focus;
  if (item != NULL)
    kr_canvas_begin_inline_edit (self, item);
}

/* Clipboard */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);
  g_autoptr(KrMap) fragment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];
  char *text;
  gsize length;

  if (kr_selection_get_n_items (self->selection) == 0)
    return;

  fragment = kr_editor_copy (self->editor, kr_selection_get_items (self->selection));
  if (kr_map_get_n_items (fragment, KR_ITEM_TOUCHPOINT) == 0)
    return;

  text = kr_map_to_data (fragment, &length);
  bytes = g_bytes_new_take (text, length);

  /* our own type for Kringel, plain text (the same JSON) for everything else */
  providers[0] = gdk_content_provider_new_for_bytes (CLIPBOARD_MIME_TYPE, bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);

  if (g_str_equal (action_name, "canvas.cut"))
    {
      g_autofree char *description = NULL;
      g_autoptr(GPtrArray) touchpoints = kr_selection_get_touchpoints (self->selection);

      description = kr_editor_delete (self->editor, touchpoints);
    }
}

static void
paste_text (KrCanvas   *self,
            const char *text)
{
  g_autoptr(KrMap) fragment = NULL;
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(KrLayout) layout = NULL;
  guint phase_index = 0, lane_index = 0;
  double x, y;

  if (text != NULL)
    fragment = kr_map_load_from_data (text, strlen (text), _("Clipboard"), NULL, NULL);

  if (fragment == NULL || kr_map_get_n_items (fragment, KR_ITEM_TOUCHPOINT) == 0)
    {
      kr_canvas_show_toast (self, _("The clipboard holds no touchpoints"), FALSE);
      return;
    }

  layout = kr_layout_new (self->map);
  view_center (self, &x, &y);
  if (!kr_layout_find_cell (layout, x, y, &phase_index, &lane_index, NULL))
    {
      kr_canvas_show_toast (self, _("Add a phase first: touchpoints live in phases"), FALSE);
      return;
    }

  created = kr_editor_paste (self->editor, fragment,
                             kr_item_get_id (kr_map_get_item (self->map, KR_ITEM_PHASE, phase_index)),
                             kr_layout_has_lanes (layout)
                               ? kr_item_get_id (kr_map_get_item (self->map, KR_ITEM_LANE, lane_index)) : NULL,
                             PASTE_OFFSET, PASTE_OFFSET);
  kr_selection_set (self->selection, created);
}

static void
paste_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KrCanvas) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (self->map != NULL && self->editable)
    paste_text (self, text);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_ready_cb,
                                 g_object_ref (widget));
}

/* Inline editing */

static const char *
edited_property (KrItem *item)
{
  if (KR_IS_CONNECTION (item))
    return "label";
  return "title";
}

/* The rectangle, in widget coordinates, where @item's text is edited. */
static gboolean
entry_area (KrCanvas *self,
            KrItem   *item,
            KrRect   *area)
{
  g_autoptr(KrLayout) layout = kr_layout_new (self->map);
  KrRect rect = { 0 };
  double x, y, x2, y2;
  guint position;

  if (KR_IS_TOUCHPOINT (item))
    {
      if (!kr_layout_get_card_rect (layout, KR_TOUCHPOINT (item), &rect))
        return FALSE;
      rect = (KrRect) { rect.x + 10, rect.y + 28, rect.width - 20, 40 };
    }
  else if (KR_IS_PHASE (item) && kr_map_find_position (self->map, item, &position))
    {
      rect = kr_layout_get_phase_header (layout, position);
      rect = (KrRect) { rect.x + 36, rect.y + 10, rect.width - 48, 32 };
    }
  else if (KR_IS_LANE (item) && kr_map_find_position (self->map, item, &position))
    {
      rect = kr_layout_get_lane_row (layout, position);
      rect = (KrRect) { 8, rect.y + 10, KR_LAYOUT_LANE_HEADER_WIDTH - 16, 32 };
    }
  else if (KR_IS_CONNECTION (item))
    {
      KrPoint middle = { 0 };
      gboolean found = FALSE;

      for (guint i = 0; !found && i < 1; i++)
        {
          KrTouchpoint *from = kr_map_lookup_touchpoint (self->map, kr_connection_get_from_id (KR_CONNECTION (item)));
          KrTouchpoint *to = kr_map_lookup_touchpoint (self->map, kr_connection_get_to_id (KR_CONNECTION (item)));
          KrRect a, b;

          if (from && to && kr_layout_get_card_rect (layout, from, &a) && kr_layout_get_card_rect (layout, to, &b))
            {
              middle = (KrPoint) { (a.x + kr_rect_right (&b)) / 2, (a.y + b.y + b.height) / 2 };
              found = TRUE;
            }
        }
      if (!found)
        return FALSE;
      rect = (KrRect) { middle.x - 90, middle.y - 16, 180, 32 };
    }
  else
    return FALSE;

  kr_canvas_map_to_widget (self, rect.x, rect.y, &x, &y);
  kr_canvas_map_to_widget (self, kr_rect_right (&rect), kr_rect_bottom (&rect), &x2, &y2);
  *area = (KrRect) { x, y, MAX (160, x2 - x), y2 - y };
  return TRUE;
}

void
kr_canvas_allocate_entry (KrCanvas *self)
{
  int minimum, natural;
  KrRect area;

  if (self->entry == NULL || !gtk_widget_get_visible (self->entry) || self->edited_item == NULL)
    return;

  if (!entry_area (self, self->edited_item, &area))
    return;

  gtk_widget_measure (self->entry, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  gtk_widget_size_allocate (self->entry,
                            &(GtkAllocation) { (int) area.x, (int) (area.y + (area.height - natural) / 2),
                                               (int) area.width, natural }, -1);
}

static void
entry_activate_cb (GtkEntry *entry,
                   KrCanvas *self)
{
  kr_canvas_end_inline_edit (self, TRUE);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      KrCanvas              *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;

  kr_canvas_end_inline_edit (self, FALSE);
  return TRUE;
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      KrCanvas                *self)
{
  kr_canvas_end_inline_edit (self, TRUE);
}

static void
ensure_entry (KrCanvas *self)
{
  GtkEventController *keys, *focus;

  if (self->entry != NULL)
    return;

  self->entry = gtk_entry_new ();
  gtk_widget_add_css_class (self->entry, "kr-inline-entry");
  gtk_widget_set_visible (self->entry, FALSE);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self);
  gtk_widget_add_controller (self->entry, focus);
}

/* Shows a text field over @item's title (or an arrow's label) to edit it in place. */
void
kr_canvas_begin_inline_edit (KrCanvas *self,
                             KrItem   *item)
{
  g_autofree char *text = NULL;

  if (!self->editable || item == NULL || KR_IS_PERSONA (item))
    return;

  kr_canvas_end_inline_edit (self, TRUE);
  ensure_entry (self);

  g_object_get (item, edited_property (item), &text, NULL);
  self->edited_item = item;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  KR_IS_CONNECTION (item) ? _("Arrow label") : _("Title"), -1);
  gtk_widget_set_visible (self->entry, TRUE);
  kr_canvas_allocate_entry (self);
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Ends inline editing, keeping the text as one undoable change if @commit. */
void
kr_canvas_end_inline_edit (KrCanvas *self,
                           gboolean  commit)
{
  KrItem *item = self->edited_item;
  g_autofree char *old_text = NULL;
  const char *text;

  if (item == NULL || self->entry == NULL)
    return;

  self->edited_item = NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_object_get (item, edited_property (item), &old_text, NULL);

  if (commit && g_strcmp0 (old_text, text) != 0)
    {
      kr_history_break_merge (kr_editor_get_history (self->editor));
      kr_editor_set (self->editor, item, edited_property (item), text, NULL);
    }

  gtk_widget_set_visible (self->entry, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Context menus */

static void
set_color_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);
  const char *color = g_variant_get_string (parameter, NULL);
  KrItem *item = self->context_item;

  if (item == NULL || !(KR_IS_PHASE (item) || KR_IS_TOUCHPOINT (item) || KR_IS_PERSONA (item)))
    return;

  /* a card's own colour can go back to its phase's */
  kr_editor_set (self->editor, item, "color", *color == '\0' && KR_IS_TOUCHPOINT (item) ? NULL : color, NULL);
}

static void
set_style_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);

  if (KR_IS_CONNECTION (self->context_item))
    kr_editor_set (self->editor, self->context_item, "style", g_variant_get_string (parameter, NULL), NULL);
}

static void
add_phase_or_lane_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);
  gboolean after = g_variant_get_boolean (parameter);
  gboolean phase = g_str_equal (action_name, "canvas.add-phase");
  KrItem *reference = self->context_item;
  guint position;
  KrItem *created;

  if (reference == NULL || (phase ? !KR_IS_PHASE (reference) : !KR_IS_LANE (reference)) ||
      !kr_map_find_position (self->map, reference, &position))
    position = kr_map_get_n_items (self->map, phase ? KR_ITEM_PHASE : KR_ITEM_LANE);
  else if (after)
    position++;

  created = phase ? KR_ITEM (kr_editor_add_phase (self->editor, position))
                  : KR_ITEM (kr_editor_add_lane (self->editor, position));
  kr_selection_select_only (self->selection, created);
  kr_canvas_begin_inline_edit (self, created);
}

static void
delete_context_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KrCanvas *self = KR_CANVAS (widget);

  if (self->context_item != NULL && !kr_selection_contains (self->selection, self->context_item))
    kr_selection_select_only (self->selection, self->context_item);

  delete_action (widget, action_name, parameter);
}

static GMenu *
color_section (gboolean with_phase_color)
{
  GMenu *section = g_menu_new ();

  if (with_phase_color)
    g_menu_append (section, _("Phase Colour"), "canvas.set-color::");

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(palette_names[i]), NULL);

      g_menu_item_set_action_and_target (item, "canvas.set-color", "s", palette[i]);
      g_menu_append_item (section, item);
    }

  return section;
}

static GMenuModel *
build_context_menu (KrCanvas *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) extra = g_menu_new ();
  g_autoptr(GMenu) colors = NULL;
  KrItem *item = self->context_item;

  if (KR_IS_TOUCHPOINT (item))
    {
      g_menu_append (edit, _("Edit _Title"), "canvas.edit-context");
      g_menu_append (edit, _("_Duplicate"), "canvas.duplicate");
      g_menu_append (edit, _("_Copy"), "canvas.copy");
      colors = color_section (TRUE);
      g_menu_append_submenu (extra, _("C_olour"), G_MENU_MODEL (colors));
      g_menu_append (extra, _("_Delete"), "canvas.delete-context");
    }
  else if (KR_IS_CONNECTION (item))
    {
      g_menu_append (edit, _("Edit _Label"), "canvas.edit-context");
      g_menu_append (edit, _("_Solid Line"), "canvas.set-style::solid");
      g_menu_append (edit, _("Dashed _Line"), "canvas.set-style::dashed");
      g_menu_append (extra, _("_Delete"), "canvas.delete-context");
    }
  else if (KR_IS_PHASE (item) && self->context_on_header)
    {
      g_menu_append (edit, _("_Rename Phase"), "canvas.edit-context");
      g_menu_append (edit, _("Add Phase _Before"), "canvas.add-phase(false)");
      g_menu_append (edit, _("Add Phase _After"), "canvas.add-phase(true)");
      colors = color_section (FALSE);
      g_menu_append_submenu (extra, _("C_olour"), G_MENU_MODEL (colors));
      g_menu_append (extra, _("_Delete Phase"), "canvas.delete-context");
    }
  else if (KR_IS_LANE (item))
    {
      g_menu_append (edit, _("_Rename Lane"), "canvas.edit-context");
      g_menu_append (edit, _("Add Lane _Above"), "canvas.add-lane(false)");
      g_menu_append (edit, _("Add Lane _Below"), "canvas.add-lane(true)");
      g_menu_append (extra, _("_Delete Lane"), "canvas.delete-context");
    }
  else
    {
      g_menu_append (edit, _("Add _Touchpoint Here"), "canvas.add-touchpoint-here");
      g_menu_append (edit, _("_Paste"), "canvas.paste");
      g_menu_append (extra, _("Add _Phase"), "canvas.add-phase(true)");
      g_menu_append (extra, _("Add _Lane"), "canvas.add-lane(true)");
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (extra));
  return G_MENU_MODEL (menu);
}

void
kr_canvas_popup_context_menu (KrCanvas *self,
                              double    widget_x,
                              double    widget_y)
{
  g_autoptr(GMenuModel) model = NULL;

  if (!self->editable)
    return;

  model = build_context_menu (self);
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) widget_x, (int) widget_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* Enables the actions that make sense now. */
void
kr_canvas_update_actions (KrCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_map = self->map != NULL && self->selection != NULL;
  gboolean editable = has_map && self->editable;
  guint n_selected = has_map ? kr_selection_get_n_items (self->selection) : 0;
  const char *edit_actions[] = {
    "canvas.delete", "canvas.delete-context", "canvas.cut", "canvas.duplicate", "canvas.nudge",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (widget, edit_actions[i], editable && n_selected > 0);

  gtk_widget_action_set_enabled (widget, "canvas.copy", n_selected > 0);
  gtk_widget_action_set_enabled (widget, "canvas.paste", editable);
  gtk_widget_action_set_enabled (widget, "canvas.add-touchpoint", editable);
  gtk_widget_action_set_enabled (widget, "canvas.add-touchpoint-here", editable);
  gtk_widget_action_set_enabled (widget, "canvas.add-phase", editable);
  gtk_widget_action_set_enabled (widget, "canvas.add-lane", editable);
  gtk_widget_action_set_enabled (widget, "canvas.edit", editable);
  gtk_widget_action_set_enabled (widget, "canvas.edit-context", editable);
  gtk_widget_action_set_enabled (widget, "canvas.set-color", editable);
  gtk_widget_action_set_enabled (widget, "canvas.set-style", editable);
}

void
kr_canvas_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete-context", NULL, delete_context_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.unselect", NULL, unselect_action);
  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "canvas.edit-context", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-touchpoint", NULL, add_touchpoint_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-touchpoint-here", NULL, add_touchpoint_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-phase", "b", add_phase_or_lane_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane", "b", add_phase_or_lane_action);
  gtk_widget_class_install_action (widget_class, "canvas.set-color", "s", set_color_action);
  gtk_widget_class_install_action (widget_class, "canvas.set-style", "s", set_style_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(dd)", nudge_action);
  gtk_widget_class_install_action (widget_class, "canvas.focus-next", NULL, focus_next_action);
  gtk_widget_class_install_action (widget_class, "canvas.focus-previous", NULL, focus_previous_action);
  gtk_widget_class_install_action (widget_class, "canvas.focus-direction", "(ii)", focus_direction_action);

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      g_autoptr(GtkShortcut) shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (bindings[i].keyval, bindings[i].modifiers),
                          gtk_named_action_new (bindings[i].action));

      if (bindings[i].parameter != NULL)
        gtk_shortcut_set_arguments (shortcut, g_variant_parse (NULL, bindings[i].parameter, NULL, NULL, NULL));
      gtk_widget_class_add_shortcut (widget_class, shortcut);
    }
}
