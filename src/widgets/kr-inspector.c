/* kr-inspector.c
 *
 * Shows what is selected on the canvas: nothing (the map's own fields), one touchpoint (all
 * its fields and its notes), several touchpoints (the fields they can share: channel,
 * contact, emotion, personas, done, colour — each change one step for all of them), a
 * phase, a lane or a connection. The fields are KrForm bindings, which turn changes into
 * KrEditor commands and show changes of the model (undo too) without disturbing typing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "kr-channel-chooser.h"
#include "kr-color-palette.h"
#include "kr-emotion-scale.h"
#include "kr-form.h"
#include "kr-inspector.h"
#include "kr-note-row.h"
#include "kr-text-area.h"

struct _KrInspector
{
  GtkWidget parent_instance;

  KrEditor *editor;
  KrSelection *selection;
  KrMap *map;
  KrForm *map_form;
  KrForm *touchpoint_form;
  KrForm *phase_form;
  KrForm *lane_form;
  KrForm *connection_form;
  GPtrArray *touchpoints;      /* those shown, in map order */
  gboolean syncing_personas;

  /* template children */
  GtkStack *stack;
  AdwStatusPage *persona_page;
  AdwStatusPage *mixed_page;

  AdwEntryRow *map_title_row;
  KrTextArea *map_description_area;
  GtkWidget *show_group;
  GtkSwitch *show_personas_switch;
  GtkSwitch *show_notes_switch;
  GtkSwitch *show_curve_switch;

  GtkLabel *touchpoint_heading;
  GtkWidget *title_group;
  AdwEntryRow *title_row;
  KrTextArea *description_area;
  KrChannelChooser *channel_chooser;
  GtkWidget *channel_mixed_label;
  AdwActionRow *direct_row;
  GtkSwitch *direct_switch;
  KrEmotionScale *emotion_scale;
  GtkListBox *persona_list;
  GtkWidget *work_group;
  AdwEntryRow *owner_row;
  AdwEntryRow *kpis_row;
  AdwEntryRow *systems_row;
  GtkWidget *points_row;
  GtkSpinButton *points_spin;
  GtkCheckButton *done_check;
  KrColorPalette *touchpoint_palette;
  GtkWidget *notes_group;
  GtkListBox *notes_list;
  GtkButton *add_note_button;

  AdwEntryRow *phase_title_row;
  GtkSpinButton *phase_width_spin;
  KrTextArea *phase_description_area;
  KrColorPalette *phase_palette;
  KrTextArea *customer_activities_area;
  KrTextArea *customer_goals_area;
  KrTextArea *company_goal_area;
  KrTextArea *phase_kpis_area;
  KrTextArea *org_activities_area;
  KrTextArea *responsible_area;
  KrTextArea *phase_systems_area;

  AdwEntryRow *lane_title_row;
  GtkSpinButton *lane_height_spin;

  AdwEntryRow *connection_label_row;
  AdwComboRow *connection_style_row;
};

G_DEFINE_FINAL_TYPE (KrInspector, kr_inspector, GTK_TYPE_WIDGET)

static const char * const connection_styles[] = { "solid", "dashed", NULL };

static void
disconnect_editor (KrInspector *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->map != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->map, self);
      g_signal_handlers_disconnect_by_data (kr_map_get_items (self->map, KR_ITEM_PERSONA), self);
    }
}

static void
kr_inspector_dispose (GObject *object)
{
  KrInspector *self = KR_INSPECTOR (object);
  GtkWidget *child;

  disconnect_editor (self);
  if (self->notes_list != NULL)
    gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
  if (self->persona_list != NULL)
    gtk_list_box_bind_model (self->persona_list, NULL, NULL, NULL, NULL);

  g_clear_object (&self->map_form);
  g_clear_object (&self->touchpoint_form);
  g_clear_object (&self->phase_form);
  g_clear_object (&self->lane_form);
  g_clear_object (&self->connection_form);
  g_clear_pointer (&self->touchpoints, g_ptr_array_unref);
  g_clear_object (&self->editor);
  g_clear_object (&self->selection);
  g_clear_object (&self->map);

  gtk_widget_dispose_template (GTK_WIDGET (self), KR_TYPE_INSPECTOR);
  /* the template's top widget is not a bound child: unparent it ourselves */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kr_inspector_parent_class)->dispose (object);
}

/* Ticks each persona that all shown touchpoints have, half-ticks those only some have. */
static void
sync_persona_checks (KrInspector *self)
{
  GtkWidget *row;

  self->syncing_personas = TRUE;
  for (guint i = 0; (row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->persona_list, i))); i++)
    {
      KrPersona *persona = g_object_get_data (G_OBJECT (row), "kr-persona");
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "kr-check");
      const char *id = kr_item_get_id (KR_ITEM (persona));
      guint members = 0;

      for (guint t = 0; t < self->touchpoints->len; t++)
        if (g_strv_contains (kr_touchpoint_get_persona_ids (self->touchpoints->pdata[t]), id))
          members++;

      gtk_check_button_set_active (check, members > 0 && members == self->touchpoints->len);
      gtk_check_button_set_inconsistent (check, members > 0 && members < self->touchpoints->len);
    }
  self->syncing_personas = FALSE;
}

static void
persona_check_toggled_cb (GtkCheckButton *check,
                          KrInspector    *self)
{
  KrPersona *persona = g_object_get_data (G_OBJECT (check), "kr-persona");

  if (self->syncing_personas || self->editor == NULL || self->touchpoints->len == 0)
    return;

  gtk_check_button_set_inconsistent (check, FALSE);
  kr_editor_set_persona_membership (self->editor, self->touchpoints, kr_item_get_id (KR_ITEM (persona)),
                                    gtk_check_button_get_active (check));
}

static GtkWidget *
create_persona_check_row (gpointer item,
                          gpointer user_data)
{
  KrInspector *self = user_data;
  KrPersona *persona = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (persona, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (persona, "name", check, "tooltip-text", G_BINDING_SYNC_CREATE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_object_set_data_full (G_OBJECT (row), "kr-persona", g_object_ref (persona), g_object_unref);
  g_object_set_data (G_OBJECT (row), "kr-check", check);
  g_object_set_data (G_OBJECT (check), "kr-persona", persona);
  g_signal_connect (check, "toggled", G_CALLBACK (persona_check_toggled_cb), self);

  return row;
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  KrInspector *self = user_data;

  return kr_note_row_new (self->editor, self->touchpoints->pdata[0], item);
}

static void
add_note_clicked_cb (KrInspector *self)
{
  GtkListBoxRow *row;
  guint n;

  if (self->editor == NULL || self->touchpoints->len != 1)
    return;

  kr_editor_add_note (self->editor, self->touchpoints->pdata[0], "");
  n = g_list_model_get_n_items (kr_touchpoint_get_notes (self->touchpoints->pdata[0]));
  row = gtk_list_box_get_row_at_index (self->notes_list, n - 1);
  if (KR_IS_NOTE_ROW (row))
    gtk_widget_grab_focus (GTK_WIDGET (kr_note_row_get_text_area (KR_NOTE_ROW (row))));
}

static GPtrArray *
single (gpointer item)
{
  GPtrArray *array = g_ptr_array_new ();

  g_ptr_array_add (array, item);
  return array;
}

static void
clear_forms (KrInspector *self)
{
  kr_form_set_targets (self->map_form, NULL);
  kr_form_set_targets (self->touchpoint_form, NULL);
  kr_form_set_targets (self->phase_form, NULL);
  kr_form_set_targets (self->lane_form, NULL);
  kr_form_set_targets (self->connection_form, NULL);
}

/* Whether the shown touchpoints differ in @property. */
static gboolean
touchpoints_differ (KrInspector *self,
                    const char  *property)
{
  for (guint i = 1; i < self->touchpoints->len; i++)
    {
      g_auto(GValue) first = G_VALUE_INIT;
      g_auto(GValue) other = G_VALUE_INIT;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->touchpoints->pdata[0]), property);

      g_value_init (&first, pspec->value_type);
      g_value_init (&other, pspec->value_type);
      g_object_get_property (self->touchpoints->pdata[0], property, &first);
      g_object_get_property (self->touchpoints->pdata[i], property, &other);
      if (g_param_values_cmp (pspec, &first, &other) != 0)
        return TRUE;
    }

  return FALSE;
}

/* A switch and a drop-down can not show "some of each": say it in words. */
static void
update_mixed_hints (KrInspector *self)
{
  gboolean direct_mixed = touchpoints_differ (self, "direct");

  gtk_widget_set_visible (self->channel_mixed_label, touchpoints_differ (self, "channel"));
  adw_action_row_set_subtitle (self->direct_row,
                               direct_mixed ? _("Some of the touchpoints are direct, some indirect")
                                            : _("The company itself meets the customer here"));
}

static void
show_touchpoints (KrInspector *self,
                  GPtrArray   *touchpoints)
{
  gboolean one = touchpoints->len == 1;

  g_ptr_array_set_size (self->touchpoints, 0);
  for (guint i = 0; i < touchpoints->len; i++)
    g_ptr_array_add (self->touchpoints, g_object_ref (touchpoints->pdata[i]));

  if (one)
    gtk_label_set_text (self->touchpoint_heading, _("Touchpoint"));
  else
    {
      g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Touchpoint", "%u Touchpoints",
                                                               touchpoints->len), touchpoints->len);

      gtk_label_set_text (self->touchpoint_heading, heading);
    }

  /* several cards share only some fields */
  gtk_widget_set_visible (self->title_group, one);
  gtk_widget_set_visible (GTK_WIDGET (self->description_area), one);
  gtk_widget_set_visible (self->work_group, one);
  gtk_widget_set_visible (self->points_row, one);
  gtk_widget_set_visible (self->notes_group, one);

  kr_form_set_targets (self->touchpoint_form, touchpoints);
  gtk_list_box_bind_model (self->notes_list, one ? kr_touchpoint_get_notes (touchpoints->pdata[0]) : NULL,
                           create_note_row, self, NULL);
  sync_persona_checks (self);
  update_mixed_hints (self);
}

/* The page for the selection, and the items it edits. */
static const char *
choose_page (KrInspector *self,
             GPtrArray   *items)
{
  KrItemKind kind;

  if (self->editor == NULL)
    return "empty";
  if (items->len == 0)
    return "map";

  kind = kr_item_get_kind (items->pdata[0]);
  for (guint i = 1; i < items->len; i++)
    if (kr_item_get_kind (items->pdata[i]) != kind)
      return "mixed";

  if (kind == KR_ITEM_TOUCHPOINT)
    return "touchpoint";
  if (items->len > 1)
    return "mixed";

  switch (kind)
    {
    case KR_ITEM_PHASE:
      return "phase";
    case KR_ITEM_LANE:
      return "lane";
    case KR_ITEM_CONNECTION:
      return "connection";
    case KR_ITEM_PERSONA:
      return "persona";
    case KR_ITEM_TOUCHPOINT:
    case KR_N_ITEM_KINDS:
    default:
      return "mixed";
    }
}

static void
show_persona_name (KrInspector *self,
                   KrPersona   *persona)
{
  const char *name = kr_persona_get_name (persona);

  adw_status_page_set_title (self->persona_page, *name ? name : _("Persona"));
}

static void
update (KrInspector *self)
{
  GPtrArray *items = self->selection ? kr_selection_get_items (self->selection) : NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  const char *page = choose_page (self, items ? items : empty);

  clear_forms (self);
  if (!g_str_equal (page, "touchpoint"))
    {
      g_ptr_array_set_size (self->touchpoints, 0);
      gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
    }

  if (g_str_equal (page, "map"))
    {
      g_autoptr(GPtrArray) targets = single (self->map);

      kr_form_set_targets (self->map_form, targets);
    }
  else if (g_str_equal (page, "touchpoint"))
    {
      g_autoptr(GPtrArray) touchpoints = kr_selection_get_touchpoints (self->selection);

      show_touchpoints (self, touchpoints);
    }
  else if (g_str_equal (page, "phase"))
    kr_form_set_targets (self->phase_form, items);
  else if (g_str_equal (page, "lane"))
    kr_form_set_targets (self->lane_form, items);
  else if (g_str_equal (page, "connection"))
    kr_form_set_targets (self->connection_form, items);
  else if (g_str_equal (page, "persona"))
    show_persona_name (self, items->pdata[0]);

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
map_item_changed_cb (KrInspector *self,
                     KrItem      *item,
                     GParamSpec  *pspec)
{
  if (KR_IS_PERSONA (item))
    {
      if (g_str_equal (pspec->name, "name") && kr_selection_get_single (self->selection) == (gpointer) item)
        show_persona_name (self, KR_PERSONA (item));
    }
  else if (g_ptr_array_find (self->touchpoints, item, NULL))
    {
      if (g_str_equal (pspec->name, "persona-ids"))
        sync_persona_checks (self);
      else if (g_str_equal (pspec->name, "direct") || g_str_equal (pspec->name, "channel"))
        update_mixed_hints (self);
    }
}

static void
personas_changed_cb (KrInspector *self)
{
  sync_persona_checks (self);
}

static void
kr_inspector_class_init (KrInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kr_inspector_dispose;

  g_type_ensure (KR_TYPE_CHANNEL_CHOOSER);
  g_type_ensure (KR_TYPE_COLOR_PALETTE);
  g_type_ensure (KR_TYPE_EMOTION_SCALE);
  g_type_ensure (KR_TYPE_TEXT_AREA);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kringel/Kringel/ui/kr-inspector.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kr-inspector");

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, KrInspector, name)
  BIND (stack);
  BIND (persona_page);
  BIND (mixed_page);
  BIND (map_title_row);
  BIND (map_description_area);
  BIND (show_group);
  BIND (show_personas_switch);
  BIND (show_notes_switch);
  BIND (show_curve_switch);
  BIND (touchpoint_heading);
  BIND (title_group);
  BIND (title_row);
  BIND (description_area);
  BIND (channel_chooser);
  BIND (channel_mixed_label);
  BIND (direct_row);
  BIND (direct_switch);
  BIND (emotion_scale);
  BIND (persona_list);
  BIND (work_group);
  BIND (owner_row);
  BIND (kpis_row);
  BIND (systems_row);
  BIND (points_row);
  BIND (points_spin);
  BIND (done_check);
  BIND (touchpoint_palette);
  BIND (notes_group);
  BIND (notes_list);
  BIND (add_note_button);
  BIND (phase_title_row);
  BIND (phase_width_spin);
  BIND (phase_description_area);
  BIND (phase_palette);
  BIND (customer_activities_area);
  BIND (customer_goals_area);
  BIND (company_goal_area);
  BIND (phase_kpis_area);
  BIND (org_activities_area);
  BIND (responsible_area);
  BIND (phase_systems_area);
  BIND (lane_title_row);
  BIND (lane_height_spin);
  BIND (connection_label_row);
  BIND (connection_style_row);
#undef BIND

  gtk_widget_class_bind_template_callback (widget_class, add_note_clicked_cb);
}

/* The map's "show" switches exist only in a model that has those fields. */
static void
add_show_switches (KrInspector *self)
{
  static const struct {
    const char *property;
    gsize offset;
  } switches[] = {
    { "show-personas", G_STRUCT_OFFSET (KrInspector, show_personas_switch) },
    { "show-notes", G_STRUCT_OFFSET (KrInspector, show_notes_switch) },
    { "show-emotion-curve", G_STRUCT_OFFSET (KrInspector, show_curve_switch) },
  };
  g_autoptr(GTypeClass) map_class = g_type_class_ref (KR_TYPE_MAP);
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    {
      GtkWidget *widget = G_STRUCT_MEMBER (GtkWidget *, self, switches[i].offset);
      gboolean known = g_object_class_find_property (G_OBJECT_CLASS (map_class), switches[i].property) != NULL;

      gtk_widget_set_visible (gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW), known);
      if (known)
        kr_form_add (self->map_form, widget, switches[i].property, KR_FORM_SWITCH);
      any |= known;
    }

  gtk_widget_set_visible (self->show_group, any);
}

static void
create_forms (KrInspector *self)
{
  self->map_form = kr_form_new ();
  kr_form_add (self->map_form, GTK_WIDGET (self->map_title_row), "title", KR_FORM_ENTRY);
  kr_form_add (self->map_form, GTK_WIDGET (self->map_description_area), "description", KR_FORM_TEXT);
  add_show_switches (self);

  self->touchpoint_form = kr_form_new ();
  kr_form_add (self->touchpoint_form, GTK_WIDGET (self->title_row), "title", KR_FORM_ENTRY);
  kr_form_add (self->touchpoint_form, GTK_WIDGET (self->description_area), "description", KR_FORM_TEXT);
  kr_form_add (self->touchpoint_form, GTK_WIDGET (self->channel_chooser), "channel", KR_FORM_CHANNEL);
  kr_form_add (self->touchpoint_form, GTK_WIDGET (self->direct_switch), "direct", KR_FORM_SWITCH);
  kr_form_add (self->touchpoint_form, GTK_WIDGET (self->emotion_scale), "emotion", KR_FORM_EMOTION);
  kr_form_add (self->touchpoint_form, GTK_WIDGET (self->owner_row), "owner", KR_FORM_ENTRY);
  kr_form_add (self->touchpoint_form, GTK_WIDGET (self->kpis_row), "kpis", KR_FORM_ENTRY);
  kr_form_add (self->touchpoint_form, GTK_WIDGET (self->systems_row), "systems", KR_FORM_ENTRY);
  kr_form_add (self->touchpoint_form, GTK_WIDGET (self->points_spin), "points", KR_FORM_SPIN);
  kr_form_add (self->touchpoint_form, GTK_WIDGET (self->done_check), "done", KR_FORM_CHECK);
  kr_form_add (self->touchpoint_form, GTK_WIDGET (self->touchpoint_palette), "color", KR_FORM_COLOR);

  self->phase_form = kr_form_new ();
  kr_form_add (self->phase_form, GTK_WIDGET (self->phase_title_row), "title", KR_FORM_ENTRY);
  kr_form_add (self->phase_form, GTK_WIDGET (self->phase_width_spin), "width", KR_FORM_SPIN);
  kr_form_add (self->phase_form, GTK_WIDGET (self->phase_description_area), "description", KR_FORM_TEXT);
  kr_form_add (self->phase_form, GTK_WIDGET (self->phase_palette), "color", KR_FORM_COLOR);
  kr_form_add (self->phase_form, GTK_WIDGET (self->customer_activities_area), "customer-activities", KR_FORM_TEXT);
  kr_form_add (self->phase_form, GTK_WIDGET (self->customer_goals_area), "customer-goals", KR_FORM_TEXT);
  kr_form_add (self->phase_form, GTK_WIDGET (self->company_goal_area), "company-goal", KR_FORM_TEXT);
  kr_form_add (self->phase_form, GTK_WIDGET (self->phase_kpis_area), "kpis", KR_FORM_TEXT);
  kr_form_add (self->phase_form, GTK_WIDGET (self->org_activities_area), "org-activities", KR_FORM_TEXT);
  kr_form_add (self->phase_form, GTK_WIDGET (self->responsible_area), "responsible", KR_FORM_TEXT);
  kr_form_add (self->phase_form, GTK_WIDGET (self->phase_systems_area), "systems", KR_FORM_TEXT);

  self->lane_form = kr_form_new ();
  kr_form_add (self->lane_form, GTK_WIDGET (self->lane_title_row), "title", KR_FORM_ENTRY);
  kr_form_add (self->lane_form, GTK_WIDGET (self->lane_height_spin), "height", KR_FORM_SPIN);

  self->connection_form = kr_form_new ();
  kr_form_add (self->connection_form, GTK_WIDGET (self->connection_label_row), "label", KR_FORM_ENTRY);
  kr_form_add_choice (self->connection_form, self->connection_style_row, "style", connection_styles);
}

static void
kr_inspector_init (KrInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->touchpoints = g_ptr_array_new_with_free_func (g_object_unref);
  kr_color_palette_set_none_label (self->touchpoint_palette, _("Phase colour"));
  create_forms (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
kr_inspector_new (void)
{
  return g_object_new (KR_TYPE_INSPECTOR, NULL);
}

static void
set_forms_editor (KrInspector *self)
{
  kr_form_set_editor (self->map_form, self->editor);
  kr_form_set_editor (self->touchpoint_form, self->editor);
  kr_form_set_editor (self->phase_form, self->editor);
  kr_form_set_editor (self->lane_form, self->editor);
  kr_form_set_editor (self->connection_form, self->editor);
}

/**
 * kr_inspector_set_editor:
 * @editor: (nullable): how to change the map, or %NULL to show nothing
 * @selection: (nullable): what to show, of @editor's map
 *
 * Edits what @selection holds from now on, through @editor.
 */
void
kr_inspector_set_editor (KrInspector *self,
                         KrEditor    *editor,
                         KrSelection *selection)
{
  g_return_if_fail (KR_IS_INSPECTOR (self));
  g_return_if_fail (editor == NULL || KR_IS_EDITOR (editor));
  g_return_if_fail ((editor == NULL) == (selection == NULL));

  disconnect_editor (self);
  gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
  g_ptr_array_set_size (self->touchpoints, 0);

  g_set_object (&self->editor, editor);
  g_set_object (&self->selection, selection);
  g_set_object (&self->map, (editor ? kr_editor_get_map (editor) : NULL));
  set_forms_editor (self);

  gtk_list_box_bind_model (self->persona_list, self->map ? kr_map_get_items (self->map, KR_ITEM_PERSONA) : NULL,
                           create_persona_check_row, self, NULL);
  if (self->map != NULL)
    {
      g_signal_connect_swapped (selection, "changed", G_CALLBACK (update), self);
      g_signal_connect_swapped (self->map, "item-changed", G_CALLBACK (map_item_changed_cb), self);
      g_signal_connect_swapped (kr_map_get_items (self->map, KR_ITEM_PERSONA), "items-changed",
                                G_CALLBACK (personas_changed_cb), self);
    }

  update (self);
}

/* A read-only map is shown, not changed. */
void
kr_inspector_set_editable (KrInspector *self,
                           gboolean     editable)
{
  g_return_if_fail (KR_IS_INSPECTOR (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), editable);
}

/* The name of the page shown: "empty", "map", "touchpoint", "phase", "lane", "connection",
 * "persona" or "mixed". */
const char *
kr_inspector_get_page (KrInspector *self)
{
  g_return_val_if_fail (KR_IS_INSPECTOR (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
