/* kr-form.c
 *
 * Binds widgets to properties of a set of "targets" (one touchpoint, several touchpoints, a
 * phase, a persona…). A change in a widget becomes one command through KrEditor, for all
 * targets at once; a change of a target (an edit, or undo) is shown in the widgets. Showing
 * compares what the widget already means with the model and leaves it alone when they
 * agree, so that the model echoing the person's own typing never moves the cursor. When
 * the targets differ in a property, the widget shows "mixed" (no choice, an inconsistent
 * check). Typing merges into one step until the field loses the focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-channel-chooser.h"
#include "kr-color-palette.h"
#include "kr-emotion-scale.h"
#include "kr-form.h"
#include "kr-text-area.h"

typedef struct
{
  KrForm *form;
  GtkWidget *widget;
  char *property;
  KrFormKind kind;
  const char * const *choices;
} Binding;

struct _KrForm
{
  GObject parent_instance;

  KrEditor *editor;
  GPtrArray *targets;
  GPtrArray *bindings;
  guint updating;      /* showing the model in the widgets */
  guint committing;    /* changing the model from a widget */
};

G_DEFINE_FINAL_TYPE (KrForm, kr_form, G_TYPE_OBJECT)

static void
binding_free (Binding *binding)
{
  g_signal_handlers_disconnect_by_data (binding->widget, binding);
  g_object_unref (binding->widget);
  g_free (binding->property);
  g_free (binding);
}

static void
disconnect_targets (KrForm *self)
{
  for (guint i = 0; i < self->targets->len; i++)
    g_signal_handlers_disconnect_by_data (self->targets->pdata[i], self);
}

static void
kr_form_dispose (GObject *object)
{
  KrForm *self = KR_FORM (object);

  if (self->targets != NULL)
    disconnect_targets (self);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (kr_form_parent_class)->dispose (object);
}

static void
kr_form_class_init (KrFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kr_form_dispose;
}

static void
kr_form_init (KrForm *self)
{
  self->targets = g_ptr_array_new_with_free_func (g_object_unref);
  self->bindings = g_ptr_array_new_with_free_func ((GDestroyNotify) binding_free);
}

KrForm *
kr_form_new (void)
{
  return g_object_new (KR_TYPE_FORM, NULL);
}

/* Splits text into its non-empty lines, without surrounding white space. */
char **
kr_form_parse_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0')
        g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

/* An age as typed: TRUE with -1 for an empty field, FALSE for something not a number. */
static gboolean
parse_optional_int (const char *text,
                    int         maximum,
                    int        *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint64 number;

  if (*stripped == '\0')
    {
      *value = -1;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (stripped, 10, 0, maximum, &number, NULL))
    return FALSE;

  *value = (int) number;
  return TRUE;
}

static GParamSpec *
find_pspec (gpointer    target,
            const char *property)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (target), property);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *strv_a = g_value_get_boxed (a);
      const char * const *strv_b = g_value_get_boxed (b);
      const char * const empty[] = { NULL };

      return g_strv_equal (strv_a ? strv_a : empty, strv_b ? strv_b : empty);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* The value all targets share, in @value (initialised); FALSE when they differ or there
 * are none. */
static gboolean
get_common_value (KrForm     *self,
                  const char *property,
                  GValue     *value)
{
  GParamSpec *pspec;

  if (self->targets->len == 0)
    return FALSE;

  pspec = find_pspec (self->targets->pdata[0], property);
  g_return_val_if_fail (pspec != NULL, FALSE);

  g_value_init (value, pspec->value_type);
  g_object_get_property (self->targets->pdata[0], property, value);

  for (guint i = 1; i < self->targets->len; i++)
    {
      g_auto(GValue) other = G_VALUE_INIT;

      g_value_init (&other, pspec->value_type);
      g_object_get_property (self->targets->pdata[i], property, &other);
      if (!values_equal (pspec, value, &other))
        return FALSE;
    }

  return TRUE;
}

static void
show_string (Binding    *binding,
             const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (binding->widget);

  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static void
show_lines (Binding            *binding,
            const char * const *lines)
{
  KrTextArea *area = KR_TEXT_AREA (binding->widget);
  g_auto(GStrv) shown = kr_form_parse_lines (kr_text_area_get_text (area));
  const char * const empty[] = { NULL };

  if (lines == NULL)
    lines = empty;
  if (!g_strv_equal ((const char * const *) shown, lines))
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) lines);

      kr_text_area_set_text (area, text);
    }
}

static void
show_optional_int (Binding *binding,
                   int      value)
{
  GtkEditable *editable = GTK_EDITABLE (binding->widget);
  int shown;

  gtk_widget_remove_css_class (binding->widget, "error");
  if (!parse_optional_int (gtk_editable_get_text (editable), G_MAXINT, &shown) || shown != value)
    {
      g_autofree char *text = value < 0 ? g_strdup ("") : g_strdup_printf ("%d", value);

      gtk_editable_set_text (editable, text);
    }
}

static void
show_choice (Binding    *binding,
             const char *choice)
{
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; choice && binding->choices[i]; i++)
    if (g_str_equal (binding->choices[i], choice))
      position = i;

  adw_combo_row_set_selected (ADW_COMBO_ROW (binding->widget), position);
}

static double
value_as_double (const GValue *value)
{
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value);
  if (G_VALUE_HOLDS_DOUBLE (value))
    return g_value_get_double (value);
  return 0;
}

static void
show_value (Binding      *binding,
            const GValue *value)
{
  switch (binding->kind)
    {
    case KR_FORM_ENTRY:
      show_string (binding, value ? g_value_get_string (value) : "");
      break;
    case KR_FORM_TEXT:
      kr_text_area_set_text (KR_TEXT_AREA (binding->widget), value ? g_value_get_string (value) : "");
      break;
    case KR_FORM_LINES:
      show_lines (binding, value ? g_value_get_boxed (value) : NULL);
      break;
    case KR_FORM_OPTIONAL_INT:
      show_optional_int (binding, value ? g_value_get_int (value) : -1);
      break;
    case KR_FORM_SPIN:
      if (value != NULL && gtk_spin_button_get_value (GTK_SPIN_BUTTON (binding->widget)) != value_as_double (value))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (binding->widget), value_as_double (value));
      break;
    case KR_FORM_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (binding->widget), value && g_value_get_boolean (value));
      break;
    case KR_FORM_CHECK:
      gtk_check_button_set_inconsistent (GTK_CHECK_BUTTON (binding->widget), value == NULL);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (binding->widget), value && g_value_get_boolean (value));
      break;
    case KR_FORM_COLOR:
      if (value != NULL)
        kr_color_palette_set_color (KR_COLOR_PALETTE (binding->widget), g_value_get_string (value));
      else
        kr_color_palette_set_mixed (KR_COLOR_PALETTE (binding->widget));
      break;
    case KR_FORM_EMOTION:
      kr_emotion_scale_set_value (KR_EMOTION_SCALE (binding->widget), value ? g_value_get_int (value) : 0);
      break;
    case KR_FORM_CHANNEL:
      if (value != NULL)
        kr_channel_chooser_set_channel (KR_CHANNEL_CHOOSER (binding->widget), g_value_get_string (value));
      else
        kr_channel_chooser_set_mixed (KR_CHANNEL_CHOOSER (binding->widget));
      break;
    case KR_FORM_CHOICE:
      show_choice (binding, value ? g_value_get_string (value) : NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
refresh_binding (KrForm  *self,
                 Binding *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean common = get_common_value (self, binding->property, &value);

  self->updating++;
  show_value (binding, common ? &value : NULL);
  self->updating--;
}

/* Reads what the widget says into @value (initialised to the property's type); FALSE when
 * it says nothing valid. */
static gboolean
read_widget (Binding    *binding,
             GParamSpec *pspec,
             GValue     *value)
{
  g_value_init (value, pspec->value_type);

  switch (binding->kind)
    {
    case KR_FORM_ENTRY:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (binding->widget)));
      return TRUE;
    case KR_FORM_TEXT:
      g_value_set_string (value, kr_text_area_get_text (KR_TEXT_AREA (binding->widget)));
      return TRUE;
    case KR_FORM_LINES:
      g_value_take_boxed (value, kr_form_parse_lines (kr_text_area_get_text (KR_TEXT_AREA (binding->widget))));
      return TRUE;
    case KR_FORM_OPTIONAL_INT:
      {
        int number;
        gboolean valid = parse_optional_int (gtk_editable_get_text (GTK_EDITABLE (binding->widget)),
                                             G_PARAM_SPEC_INT (pspec)->maximum, &number);

        if (valid)
          {
            gtk_widget_remove_css_class (binding->widget, "error");
            g_value_set_int (value, number);
          }
        else
          gtk_widget_add_css_class (binding->widget, "error");
        return valid;
      }
    case KR_FORM_SPIN:
      if (G_VALUE_HOLDS_INT (value))
        g_value_set_int (value, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (binding->widget)));
      else
        g_value_set_double (value, gtk_spin_button_get_value (GTK_SPIN_BUTTON (binding->widget)));
      return TRUE;
    case KR_FORM_SWITCH:
      g_value_set_boolean (value, gtk_switch_get_active (GTK_SWITCH (binding->widget)));
      return TRUE;
    case KR_FORM_CHECK:
      gtk_check_button_set_inconsistent (GTK_CHECK_BUTTON (binding->widget), FALSE);
      g_value_set_boolean (value, gtk_check_button_get_active (GTK_CHECK_BUTTON (binding->widget)));
      return TRUE;
    case KR_FORM_COLOR:
      g_value_set_string (value, kr_color_palette_get_color (KR_COLOR_PALETTE (binding->widget)));
      return !kr_color_palette_get_mixed (KR_COLOR_PALETTE (binding->widget));
    case KR_FORM_EMOTION:
      g_value_set_int (value, kr_emotion_scale_get_value (KR_EMOTION_SCALE (binding->widget)));
      return g_value_get_int (value) > 0;
    case KR_FORM_CHANNEL:
      g_value_set_string (value, kr_channel_chooser_get_channel (KR_CHANNEL_CHOOSER (binding->widget)));
      return !kr_channel_chooser_get_mixed (KR_CHANNEL_CHOOSER (binding->widget));
    case KR_FORM_CHOICE:
      {
        guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (binding->widget));

        if (position >= g_strv_length ((char **) binding->choices))
          return FALSE;
        g_value_set_string (value, binding->choices[position]);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/* The person changed @binding's widget: one command for all targets. */
static void
commit (Binding *binding)
{
  KrForm *self = binding->form;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) current = G_VALUE_INIT;
  GParamSpec *pspec;

  if (self->updating > 0 || self->editor == NULL || self->targets->len == 0)
    return;

  pspec = find_pspec (self->targets->pdata[0], binding->property);
  if (!read_widget (binding, pspec, &value))
    return;

  if (get_common_value (self, binding->property, &current) && values_equal (pspec, &value, &current))
    return;

  /* The targets change one after the other; showing their changes meanwhile would show
   * "mixed" and undo what the person just chose (such as "Other" for a channel). */
  self->committing++;
  kr_editor_set_shared_property (self->editor, self->targets, binding->property, &value);
  self->committing--;
}

static void
widget_changed_cb (GObject *widget,
                   Binding *binding)
{
  commit (binding);
}

static void
widget_notify_cb (GObject    *widget,
                  GParamSpec *pspec,
                  Binding    *binding)
{
  commit (binding);
}

/* Typing in a field merges into one step until the field loses the focus. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                KrForm                  *self)
{
  if (self->editor != NULL)
    kr_history_break_merge (kr_editor_get_history (self->editor));
}

static void
connect_widget (Binding *binding)
{
  static const char * const notify_signals[] = {
    [KR_FORM_TEXT] = "notify::text",
    [KR_FORM_LINES] = "notify::text",
    [KR_FORM_SWITCH] = "notify::active",
    [KR_FORM_COLOR] = "notify::color",
    [KR_FORM_EMOTION] = "notify::value",
    [KR_FORM_CHANNEL] = "notify::channel",
    [KR_FORM_CHOICE] = "notify::selected",
  };

  switch (binding->kind)
    {
    case KR_FORM_ENTRY:
    case KR_FORM_OPTIONAL_INT:
      g_signal_connect (binding->widget, "changed", G_CALLBACK (widget_changed_cb), binding);
      break;
    case KR_FORM_SPIN:
      g_signal_connect (binding->widget, "value-changed", G_CALLBACK (widget_changed_cb), binding);
      break;
    case KR_FORM_CHECK:
      g_signal_connect (binding->widget, "toggled", G_CALLBACK (widget_changed_cb), binding);
      break;
    case KR_FORM_TEXT:
    case KR_FORM_LINES:
    case KR_FORM_SWITCH:
    case KR_FORM_COLOR:
    case KR_FORM_EMOTION:
    case KR_FORM_CHANNEL:
    case KR_FORM_CHOICE:
      g_signal_connect (binding->widget, notify_signals[binding->kind], G_CALLBACK (widget_notify_cb), binding);
      break;
    default:
      g_assert_not_reached ();
    }
}

static Binding *
add_binding (KrForm     *self,
             GtkWidget  *widget,
             const char *property,
             KrFormKind  kind)
{
  Binding *binding = g_new0 (Binding, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  binding->form = self;
  binding->widget = g_object_ref (widget);
  binding->property = g_strdup (property);
  binding->kind = kind;
  g_ptr_array_add (self->bindings, binding);

  connect_widget (binding);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
  gtk_widget_add_controller (widget, focus);

  return binding;
}

/* Shows @property of the targets in @widget and changes it when the person changes @widget. */
void
kr_form_add (KrForm     *self,
             GtkWidget  *widget,
             const char *property,
             KrFormKind  kind)
{
  g_return_if_fail (KR_IS_FORM (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (kind != KR_FORM_CHOICE);

  refresh_binding (self, add_binding (self, widget, property, kind));
}

/* @values: the strings that the positions of @row's model stand for, NULL-terminated */
void
kr_form_add_choice (KrForm             *self,
                    AdwComboRow        *row,
                    const char         *property,
                    const char * const *values)
{
  Binding *binding;

  g_return_if_fail (KR_IS_FORM (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  binding = add_binding (self, GTK_WIDGET (row), property, KR_FORM_CHOICE);
  binding->choices = values;
  refresh_binding (self, binding);
}

void
kr_form_set_editor (KrForm   *self,
                    KrEditor *editor)
{
  g_return_if_fail (KR_IS_FORM (self));

  g_set_object (&self->editor, editor);
}

static void
target_notify_cb (GObject    *target,
                  GParamSpec *pspec,
                  KrForm     *self)
{
  if (self->committing > 0)
    return;

  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = self->bindings->pdata[i];

      if (g_str_equal (binding->property, pspec->name))
        refresh_binding (self, binding);
    }
}

/* Edits @targets (objects of one class; NULL or empty for none) from now on. */
void
kr_form_set_targets (KrForm    *self,
                     GPtrArray *targets)
{
  g_return_if_fail (KR_IS_FORM (self));

  disconnect_targets (self);
  g_ptr_array_set_size (self->targets, 0);
  for (guint i = 0; targets && i < targets->len; i++)
    {
      g_ptr_array_add (self->targets, g_object_ref (targets->pdata[i]));
      g_signal_connect (targets->pdata[i], "notify", G_CALLBACK (target_notify_cb), self);
    }

  if (self->editor != NULL)
    kr_history_break_merge (kr_editor_get_history (self->editor));
  kr_form_refresh (self);
}

/* The objects edited (borrowed). */
GPtrArray *
kr_form_get_targets (KrForm *self)
{
  g_return_val_if_fail (KR_IS_FORM (self), NULL);
  return self->targets;
}

void
kr_form_refresh (KrForm *self)
{
  g_return_if_fail (KR_IS_FORM (self));

  for (guint i = 0; i < self->bindings->len; i++)
    refresh_binding (self, self->bindings->pdata[i]);
}
