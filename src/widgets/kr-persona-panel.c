/* kr-persona-panel.c
 *
 * The list of the map's personas (add, reorder, delete) and, for the one selected, all its
 * fields and its photo. The selected persona is the "highlight persona" (the canvas
 * highlights its touchpoints); with "Show only this persona's journey" on it is also the
 * "filter persona". Both are ids, NULL for none, so that a view can bind to them.
 *
 * Moving a persona re-creates its row; the panel keeps it selected across such changes of
 * the list (and across undo and redo) by noting the persona before the list box updates its
 * rows and selecting it again afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "kr-color-palette.h"
#include "kr-form.h"
#include "kr-persona-panel.h"
#include "kr-persona-row.h"
#include "kr-photo.h"
#include "kr-text-area.h"

struct _KrPersonaPanel
{
  GtkWidget parent_instance;

  KrEditor *editor;
  KrSelection *selection;
  KrMap *map;
  KrForm *form;
  KrPersona *persona;            /* selected */
  KrPersona *reselect;           /* selected before the list changed; see personas_changed_cb() */
  gboolean list_changing;
  char *highlight_persona;
  char *filter_persona;
  GCancellable *cancellable;

  /* template children */
  GtkButton *add_button;
  GtkListBox *persona_list;
  GtkWidget *list_toolbar;
  GtkButton *move_up_button;
  GtkButton *move_down_button;
  GtkButton *delete_button;
  GtkWidget *filter_row;
  GtkSwitch *filter_switch;
  GtkWidget *details_box;
  AdwAvatar *photo_avatar;
  GtkButton *choose_photo_button;
  GtkButton *remove_photo_button;
  AdwEntryRow *name_row;
  AdwEntryRow *role_row;
  AdwEntryRow *age_row;
  AdwEntryRow *gender_row;
  AdwEntryRow *income_row;
  KrColorPalette *persona_palette;
  KrTextArea *goals_area;
  KrTextArea *pain_points_area;
  KrTextArea *motives_area;
  KrTextArea *influencers_area;
  KrTextArea *quote_area;
};

G_DEFINE_FINAL_TYPE (KrPersonaPanel, kr_persona_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PERSONA,
  PROP_HIGHLIGHT_PERSONA,
  PROP_FILTER_PERSONA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string_property (KrPersonaPanel *self,
                     char          **field,
                     const char     *value,
                     int             prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_highlight_and_filter (KrPersonaPanel *self)
{
  const char *id = self->persona ? kr_item_get_id (KR_ITEM (self->persona)) : NULL;

  set_string_property (self, &self->highlight_persona, id, PROP_HIGHLIGHT_PERSONA);
  set_string_property (self, &self->filter_persona, gtk_switch_get_active (self->filter_switch) ? id : NULL,
                       PROP_FILTER_PERSONA);
}

static void
update_buttons (KrPersonaPanel *self)
{
  guint position = 0;
  guint n = self->map ? kr_map_get_n_items (self->map, KR_ITEM_PERSONA) : 0;
  gboolean found = self->persona && kr_map_find_position (self->map, KR_ITEM (self->persona), &position);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->map != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_up_button), found && position > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_down_button), found && position + 1 < n);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), found);
  gtk_widget_set_sensitive (self->filter_row, found);
  gtk_widget_set_visible (self->details_box, found);
  gtk_widget_set_visible (self->list_toolbar, n > 0);
}

static void
sync_photo (KrPersonaPanel *self)
{
  const char *photo = self->persona ? kr_persona_get_photo (self->persona) : NULL;
  g_autoptr(GdkTexture) texture = kr_photo_to_texture (photo);

  adw_avatar_set_custom_image (self->photo_avatar, GDK_PAINTABLE (texture));
  adw_avatar_set_text (self->photo_avatar, self->persona ? kr_persona_get_name (self->persona) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_photo_button), photo != NULL);
}

static void
persona_notify_cb (KrPersonaPanel *self,
                   GParamSpec     *pspec)
{
  if (g_str_equal (pspec->name, "photo") || g_str_equal (pspec->name, "name"))
    sync_photo (self);
}

/* Makes @persona (or none) the one shown and edited. */
static void
show_persona (KrPersonaPanel *self,
              KrPersona      *persona)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();

  if (self->persona != persona)
    {
      if (self->persona != NULL)
        g_signal_handlers_disconnect_by_data (self->persona, self);
      g_set_object (&self->persona, persona);
      if (persona != NULL)
        g_signal_connect_swapped (persona, "notify", G_CALLBACK (persona_notify_cb), self);

      if (persona != NULL)
        g_ptr_array_add (targets, persona);
      kr_form_set_targets (self->form, targets);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
    }

  sync_photo (self);
  update_buttons (self);
  update_highlight_and_filter (self);
}

static void
row_selected_cb (KrPersonaPanel *self,
                 GtkListBoxRow  *row)
{
  if (self->list_changing)
    return;

  show_persona (self, KR_IS_PERSONA_ROW (row) ? kr_persona_row_get_persona (KR_PERSONA_ROW (row)) : NULL);
}

static GtkListBoxRow *
find_row (KrPersonaPanel *self,
          KrPersona      *persona)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->persona_list, i)); i++)
    if (kr_persona_row_get_persona (KR_PERSONA_ROW (row)) == persona)
      return row;

  return NULL;
}

static void
select_row_of (KrPersonaPanel *self,
               KrPersona      *persona)
{
  GtkListBoxRow *row = persona ? find_row (self, persona) : NULL;

  if (row != NULL)
    gtk_list_box_select_row (self->persona_list, row);
  else
    {
      gtk_list_box_unselect_all (self->persona_list);
      show_persona (self, NULL);
    }
}

/**
 * kr_persona_panel_select:
 * @persona: (nullable): one of the map's personas, or %NULL for none
 */
void
kr_persona_panel_select (KrPersonaPanel *self,
                         KrPersona      *persona)
{
  g_return_if_fail (KR_IS_PERSONA_PANEL (self));

  g_clear_object (&self->reselect);
  select_row_of (self, persona);
}

static void
personas_changing_cb (KrPersonaPanel *self)
{
  self->list_changing = TRUE;
  if (self->persona != NULL)
    g_set_object (&self->reselect, self->persona);
}

/* Moving a persona removes and inserts it, in two changes of the list, and undoing its
 * deletion brings it back: the persona last selected stays wanted while it is away. */
static void
personas_changed_cb (KrPersonaPanel *self)
{
  self->list_changing = FALSE;
  select_row_of (self, self->reselect && kr_map_find_position (self->map, KR_ITEM (self->reselect), NULL)
                       ? self->reselect : NULL);
  update_buttons (self);
}

static void
add_clicked_cb (KrPersonaPanel *self)
{
  KrPersona *persona;

  if (self->editor == NULL)
    return;

  persona = kr_editor_add_persona (self->editor, G_MAXUINT);
  kr_persona_panel_select (self, persona);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
move_by (KrPersonaPanel *self,
         int             delta)
{
  guint position;

  if (self->editor == NULL || self->persona == NULL ||
      !kr_map_find_position (self->map, KR_ITEM (self->persona), &position) ||
      (delta < 0 && position == 0))
    return;

  kr_editor_move_persona (self->editor, self->persona, position + delta);
}

static void
move_up_clicked_cb (KrPersonaPanel *self)
{
  move_by (self, -1);
}

static void
move_down_clicked_cb (KrPersonaPanel *self)
{
  move_by (self, 1);
}

static void
delete_clicked_cb (KrPersonaPanel *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *description = NULL;
  KrPersona *next = NULL;
  guint position;

  if (self->editor == NULL || self->persona == NULL ||
      !kr_map_find_position (self->map, KR_ITEM (self->persona), &position))
    return;

  g_ptr_array_add (items, self->persona);
  description = kr_editor_delete (self->editor, items);

  /* select the neighbour that took its place */
  if (kr_map_get_n_items (self->map, KR_ITEM_PERSONA) > 0)
    next = kr_map_get_item (self->map, KR_ITEM_PERSONA, MIN (position, kr_map_get_n_items (self->map, KR_ITEM_PERSONA) - 1));
  kr_persona_panel_select (self, next);
}

static void
filter_toggled_cb (KrPersonaPanel *self)
{
  update_highlight_and_filter (self);
}

static void
show_error (KrPersonaPanel *self,
            const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Could Not Use the Photo"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  KrPersonaPanel *panel;
  KrPersona *persona;
} PhotoRequest;

static void
photo_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PhotoRequest *request = user_data;
  KrPersonaPanel *self = request->panel;
  g_autoptr(GError) error = NULL;
  g_autofree char *photo = kr_photo_load_finish (result, &error);

  if (photo != NULL && self->editor != NULL &&
      kr_map_find_position (self->map, KR_ITEM (request->persona), NULL))
    kr_editor_set_persona_photo (self->editor, request->persona, photo);
  else if (photo == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error->message);

  g_object_unref (request->panel);
  g_object_unref (request->persona);
  g_free (request);
}

/* Reads a picture file, makes it a small photo and gives it to the selected persona. */
void
kr_persona_panel_load_photo (KrPersonaPanel *self,
                             GFile          *file)
{
  PhotoRequest *request;

  g_return_if_fail (KR_IS_PERSONA_PANEL (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->persona == NULL)
    return;

  request = g_new0 (PhotoRequest, 1);
  request->panel = g_object_ref (self);
  request->persona = g_object_ref (self->persona);
  kr_photo_load_async (file, self->cancellable, photo_loaded_cb, request);
}

static void
photo_chooser_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           KrPersonaPanel  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      kr_persona_panel_load_photo (self, file);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_photo_clicked_cb (KrPersonaPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Choose a Photo"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect (dialog, "response", G_CALLBACK (photo_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
remove_photo_clicked_cb (KrPersonaPanel *self)
{
  if (self->editor != NULL && self->persona != NULL)
    kr_editor_set_persona_photo (self->editor, self->persona, NULL);
}

/* A persona selected on the map is selected here too. */
static void
selection_changed_cb (KrPersonaPanel *self)
{
  gpointer item = kr_selection_get_single (self->selection);

  if (KR_IS_PERSONA (item) && item != self->persona)
    kr_persona_panel_select (self, item);
}

static void
disconnect_editor (KrPersonaPanel *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (kr_map_get_items (self->map, KR_ITEM_PERSONA), self);
  if (self->persona != NULL)
    g_signal_handlers_disconnect_by_data (self->persona, self);
}

static void
kr_persona_panel_dispose (GObject *object)
{
  KrPersonaPanel *self = KR_PERSONA_PANEL (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  disconnect_editor (self);
  if (self->persona_list != NULL)
    gtk_list_box_bind_model (self->persona_list, NULL, NULL, NULL, NULL);

  g_clear_object (&self->form);
  g_clear_object (&self->persona);
  g_clear_object (&self->reselect);
  g_clear_object (&self->editor);
  g_clear_object (&self->selection);
  g_clear_object (&self->map);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), KR_TYPE_PERSONA_PANEL);
  /* the template's top widget is not a bound child: unparent it ourselves */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kr_persona_panel_parent_class)->dispose (object);
}

static void
kr_persona_panel_finalize (GObject *object)
{
  KrPersonaPanel *self = KR_PERSONA_PANEL (object);

  g_free (self->highlight_persona);
  g_free (self->filter_persona);

  G_OBJECT_CLASS (kr_persona_panel_parent_class)->finalize (object);
}

static void
kr_persona_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KrPersonaPanel *self = KR_PERSONA_PANEL (object);

  switch (prop_id)
    {
    case PROP_PERSONA:
      g_value_set_object (value, self->persona);
      break;
    case PROP_HIGHLIGHT_PERSONA:
      g_value_set_string (value, self->highlight_persona);
      break;
    case PROP_FILTER_PERSONA:
      g_value_set_string (value, self->filter_persona);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_persona_panel_class_init (KrPersonaPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kr_persona_panel_dispose;
  object_class->finalize = kr_persona_panel_finalize;
  object_class->get_property = kr_persona_panel_get_property;

  /* the selected persona */
  properties[PROP_PERSONA] =
    g_param_spec_object ("persona", NULL, NULL, KR_TYPE_PERSONA,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the id of the persona whose touchpoints the map highlights, or NULL */
  properties[PROP_HIGHLIGHT_PERSONA] =
    g_param_spec_string ("highlight-persona", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the id of the only persona whose journey the map shows, or NULL for all */
  properties[PROP_FILTER_PERSONA] =
    g_param_spec_string ("filter-persona", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KR_TYPE_COLOR_PALETTE);
  g_type_ensure (KR_TYPE_TEXT_AREA);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kringel/Kringel/ui/kr-persona-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kr-persona-panel");

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, KrPersonaPanel, name)
  BIND (add_button);
  BIND (persona_list);
  BIND (list_toolbar);
  BIND (move_up_button);
  BIND (move_down_button);
  BIND (delete_button);
  BIND (filter_row);
  BIND (filter_switch);
  BIND (details_box);
  BIND (photo_avatar);
  BIND (choose_photo_button);
  BIND (remove_photo_button);
  BIND (name_row);
  BIND (role_row);
  BIND (age_row);
  BIND (gender_row);
  BIND (income_row);
  BIND (persona_palette);
  BIND (goals_area);
  BIND (pain_points_area);
  BIND (motives_area);
  BIND (influencers_area);
  BIND (quote_area);
#undef BIND

  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_photo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_photo_clicked_cb);
}

static void
kr_persona_panel_init (KrPersonaPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->form = kr_form_new ();
  kr_form_add (self->form, GTK_WIDGET (self->name_row), "name", KR_FORM_ENTRY);
  kr_form_add (self->form, GTK_WIDGET (self->role_row), "role", KR_FORM_ENTRY);
  kr_form_add (self->form, GTK_WIDGET (self->age_row), "age", KR_FORM_OPTIONAL_INT);
  kr_form_add (self->form, GTK_WIDGET (self->gender_row), "gender", KR_FORM_ENTRY);
  kr_form_add (self->form, GTK_WIDGET (self->income_row), "income", KR_FORM_ENTRY);
  kr_form_add (self->form, GTK_WIDGET (self->persona_palette), "color", KR_FORM_COLOR);
  kr_form_add (self->form, GTK_WIDGET (self->goals_area), "goals", KR_FORM_LINES);
  kr_form_add (self->form, GTK_WIDGET (self->pain_points_area), "pain-points", KR_FORM_LINES);
  kr_form_add (self->form, GTK_WIDGET (self->motives_area), "motives", KR_FORM_LINES);
  kr_form_add (self->form, GTK_WIDGET (self->influencers_area), "influencers", KR_FORM_LINES);
  kr_form_add (self->form, GTK_WIDGET (self->quote_area), "quote", KR_FORM_TEXT);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->photo_avatar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Photo"), -1);
  update_buttons (self);
}

GtkWidget *
kr_persona_panel_new (void)
{
  return g_object_new (KR_TYPE_PERSONA_PANEL, NULL);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return kr_persona_row_new (item);
}

/**
 * kr_persona_panel_set_editor:
 * @editor: (nullable): how to change the map, or %NULL to show nothing
 * @selection: (nullable): the canvas's selection; a persona selected there is selected here
 */
void
kr_persona_panel_set_editor (KrPersonaPanel *self,
                             KrEditor       *editor,
                             KrSelection    *selection)
{
  GListModel *personas;

  g_return_if_fail (KR_IS_PERSONA_PANEL (self));
  g_return_if_fail (editor == NULL || KR_IS_EDITOR (editor));
  g_return_if_fail ((editor == NULL) == (selection == NULL));

  disconnect_editor (self);
  g_clear_object (&self->persona);
  g_clear_object (&self->reselect);
  kr_form_set_targets (self->form, NULL);

  g_set_object (&self->editor, editor);
  g_set_object (&self->selection, selection);
  g_set_object (&self->map, (editor ? kr_editor_get_map (editor) : NULL));
  kr_form_set_editor (self->form, editor);
  gtk_switch_set_active (self->filter_switch, FALSE);

  personas = self->map ? kr_map_get_items (self->map, KR_ITEM_PERSONA) : NULL;
  /* one handler before the list box updates its rows, one after (see the top) */
  if (personas != NULL)
    g_signal_connect_swapped (personas, "items-changed", G_CALLBACK (personas_changing_cb), self);
  gtk_list_box_bind_model (self->persona_list, personas, create_row, self, NULL);
  if (personas != NULL)
    {
      g_signal_connect_swapped (personas, "items-changed", G_CALLBACK (personas_changed_cb), self);
      g_signal_connect_swapped (selection, "changed", G_CALLBACK (selection_changed_cb), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
  show_persona (self, NULL);
}

void
kr_persona_panel_set_editable (KrPersonaPanel *self,
                               gboolean        editable)
{
  g_return_if_fail (KR_IS_PERSONA_PANEL (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), editable);
  gtk_widget_set_sensitive (self->list_toolbar, editable);
  gtk_widget_set_sensitive (self->details_box, editable);
}

/* The selected persona, or NULL. */
KrPersona *
kr_persona_panel_get_persona (KrPersonaPanel *self)
{
  g_return_val_if_fail (KR_IS_PERSONA_PANEL (self), NULL);
  return self->persona;
}

const char *
kr_persona_panel_get_highlight_persona (KrPersonaPanel *self)
{
  g_return_val_if_fail (KR_IS_PERSONA_PANEL (self), NULL);
  return self->highlight_persona;
}

const char *
kr_persona_panel_get_filter_persona (KrPersonaPanel *self)
{
  g_return_val_if_fail (KR_IS_PERSONA_PANEL (self), NULL);
  return self->filter_persona;
}
