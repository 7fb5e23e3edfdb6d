/* kr-presenter-view.c
 *
 * With a second screen the projector shows the presentation and the laptop shows this:
 * the current phase, the notes of its touchpoints to speak from, what comes next, and the
 * workshop clock. It follows a KrPresentation without owning it; the presentation window
 * belongs to GTK and may close first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kr-application.h"
#include "kr-layout.h"
#include "kr-presenter-view.h"

struct _KrPresenterView
{
  GtkWidget parent_instance;

  KrPresentation *presentation;   /* weak */
  KrMap *map;
  guint clock_source;

  /* template children */
  GtkWidget *content;
  GtkLabel *phase_label;
  GtkLabel *timer_label;
  GtkLabel *total_label;
  GtkLabel *description_label;
  GtkBox *touchpoint_list;
  GtkLabel *next_label;
};

G_DEFINE_FINAL_TYPE (KrPresenterView, kr_presenter_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PRESENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A touchpoint with everything said about it, to speak from. */
static GtkWidget *
create_touchpoint_row (KrTouchpoint *touchpoint,
                       gboolean      spotlit)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GListModel *notes = kr_touchpoint_get_notes (touchpoint);
  const char *description = kr_touchpoint_get_description (touchpoint);

  gtk_box_append (GTK_BOX (box), create_label (kr_touchpoint_get_title (touchpoint), "title-4"));
  if (description != NULL && *description != '\0')
    gtk_box_append (GTK_BOX (box), create_label (description, "dim-label"));

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(KrNote) note = g_list_model_get_item (notes, i);
      g_autofree char *text = g_strdup_printf ("• %s", kr_note_get_text (note));

      gtk_box_append (GTK_BOX (box), create_label (text, "body"));
    }

  gtk_widget_add_css_class (box, "kr-presenter-touchpoint");
  if (spotlit)
    gtk_widget_add_css_class (box, "kr-presenter-spotlit");

  return box;
}

static void
clear_list (KrPresenterView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->touchpoint_list))) != NULL)
    gtk_box_remove (self->touchpoint_list, child);
}

static void
fill_phase (KrPresenterView *self,
            guint            phase_index)
{
  KrPhase *phase = kr_map_get_item (self->map, KR_ITEM_PHASE, phase_index);
  KrTouchpoint *spotlight = kr_presentation_get_spotlight (self->presentation);
  g_autoptr(KrLayout) layout = kr_layout_new (self->map);
  g_autoptr(GPtrArray) order = kr_layout_get_reading_order (layout, self->map);
  const char *phase_id = kr_item_get_id (KR_ITEM (phase));
  guint n = 0;

  gtk_label_set_text (self->description_label, kr_phase_get_description (phase));

  for (guint i = 0; i < order->len; i++)
    {
      KrTouchpoint *touchpoint = order->pdata[i];

      if (g_strcmp0 (kr_touchpoint_get_phase_id (touchpoint), phase_id) != 0)
        continue;

      gtk_box_append (self->touchpoint_list, create_touchpoint_row (touchpoint, touchpoint == spotlight));
      n++;
    }

  if (n == 0)
    gtk_box_append (self->touchpoint_list, create_label (_("No touchpoints in this phase"), "dim-label"));
}

/* The overview: each phase with how many touchpoints it has. */
static void
fill_overview (KrPresenterView *self)
{
  guint n_phases = kr_map_get_n_items (self->map, KR_ITEM_PHASE);
  guint n_touchpoints = kr_map_get_n_items (self->map, KR_ITEM_TOUCHPOINT);

  gtk_label_set_text (self->description_label, kr_map_get_description (self->map));

  for (guint i = 0; i < n_phases; i++)
    {
      KrPhase *phase = kr_map_get_item (self->map, KR_ITEM_PHASE, i);
      const char *phase_id = kr_item_get_id (KR_ITEM (phase));
      g_autofree char *text = NULL;
      guint count = 0;

      for (guint j = 0; j < n_touchpoints; j++)
        if (g_strcmp0 (kr_touchpoint_get_phase_id (kr_map_get_item (self->map, KR_ITEM_TOUCHPOINT, j)), phase_id) == 0)
          count++;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u. %s — %u touchpoint", "%u. %s — %u touchpoints", count),
                              i + 1, kr_phase_get_title (phase), count);
      gtk_box_append (self->touchpoint_list, create_label (text, "title-4"));
    }
}

static void
update_clock (KrPresenterView *self)
{
  g_autofree char *phase_time = NULL;
  g_autofree char *total_time = NULL;
  g_autofree char *total = NULL;

  if (self->presentation == NULL)
    return;

  phase_time = kr_presentation_format_elapsed (kr_presentation_get_phase_elapsed (self->presentation));
  total_time = kr_presentation_format_elapsed (kr_presentation_get_total_elapsed (self->presentation));
  /* TRANSLATORS: time since the presentation began, under the time in the current phase */
  total = g_strdup_printf (_("%s in all"), total_time);

  gtk_label_set_text (self->timer_label, phase_time);
  gtk_label_set_text (self->total_label, total);
}

static gboolean
clock_cb (gpointer user_data)
{
  update_clock (user_data);
  return G_SOURCE_CONTINUE;
}

static void
refresh (KrPresenterView *self)
{
  guint current, n_phases;
  g_autofree char *heading = NULL;
  g_autofree char *next = NULL;
  g_autofree char *next_text = NULL;

  clear_list (self);
  gtk_widget_set_sensitive (self->content, self->presentation != NULL);

  if (self->presentation == NULL || self->map == NULL)
    {
      gtk_label_set_text (self->phase_label, _("The presentation has ended"));
      gtk_label_set_text (self->next_label, "");
      return;
    }

  current = kr_presentation_get_current_phase (self->presentation);
  n_phases = kr_presentation_get_n_phases (self->presentation);
  heading = kr_presentation_dup_phase_label (self->presentation, current);
  gtk_label_set_text (self->phase_label, heading);

  if (current == 0 || current > n_phases)
    fill_overview (self);
  else
    fill_phase (self, current - 1);

  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          *gtk_label_get_text (self->description_label) != '\0');

  next = kr_presentation_dup_phase_label (self->presentation, current >= n_phases ? 0 : current + 1);
  /* TRANSLATORS: what the presentation shows after the current phase */
  next_text = g_strdup_printf (_("Next: %s"), next);
  gtk_label_set_text (self->next_label, next_text);

  update_clock (self);
}

static void
disconnect_presentation (KrPresenterView *self)
{
  if (self->map != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->map, self);
      for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
        g_signal_handlers_disconnect_by_data (kr_map_get_items (self->map, kind), self);
      g_clear_object (&self->map);
    }

  if (self->presentation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->presentation, self);
      g_clear_weak_pointer (&self->presentation);
    }
}

static void
presentation_closed_cb (KrPresenterView *self)
{
  disconnect_presentation (self);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

static void
set_presentation (KrPresenterView *self,
                  KrPresentation  *presentation)
{
  disconnect_presentation (self);
  if (presentation == NULL)
    return;

  g_set_weak_pointer (&self->presentation, presentation);
  self->map = g_object_ref (kr_presentation_get_map (presentation));

  g_signal_connect_swapped (presentation, "notify::current-phase", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (presentation, "notify::spotlight", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (presentation, "notify::n-phases", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (presentation, "closed", G_CALLBACK (presentation_closed_cb), self);
  g_signal_connect_swapped (self->map, "item-changed", G_CALLBACK (refresh), self);
  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    g_signal_connect_swapped (kr_map_get_items (self->map, kind), "items-changed", G_CALLBACK (refresh), self);

  if (self->clock_source == 0)
    self->clock_source = g_timeout_add (500, clock_cb, self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KrPresenterView *self = KR_PRESENTER_VIEW (widget);

  if (self->presentation != NULL)
    kr_presentation_previous (self->presentation);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KrPresenterView *self = KR_PRESENTER_VIEW (widget);

  if (self->presentation != NULL)
    kr_presentation_next (self->presentation);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KrPresenterView *self = KR_PRESENTER_VIEW (widget);

  if (self->presentation != NULL)
    gtk_window_close (GTK_WINDOW (self->presentation));
}

/* A clicker sends its keys to whichever window has the focus, often this one on the
 * laptop: the steps it asks for go to the presentation. */
static const struct {
  guint keyval;
  GdkModifierType modifiers;
  const char *action;
  int phase;   /* for presentation.go-to, else -1 */
} forwarded_keys[] = {
  { GDK_KEY_Right, 0, "presentation.next", -1 },
  { GDK_KEY_Page_Down, 0, "presentation.next", -1 },
  { GDK_KEY_space, 0, "presentation.next", -1 },
  { GDK_KEY_Left, 0, "presentation.previous", -1 },
  { GDK_KEY_Page_Up, 0, "presentation.previous", -1 },
  { GDK_KEY_space, GDK_SHIFT_MASK, "presentation.previous", -1 },
  { GDK_KEY_Home, 0, "presentation.go-to", 1 },
  { GDK_KEY_End, 0, "presentation.go-to", 0 },
  { GDK_KEY_Escape, 0, "presentation.escape", -1 },
  { GDK_KEY_t, 0, "presentation.timer", -1 },
  { GDK_KEY_r, 0, "presentation.reveal", -1 },
};

static gboolean
forward_key_cb (GtkWidget *widget,
                GVariant  *arguments,
                gpointer   user_data)
{
  KrPresenterView *self = KR_PRESENTER_VIEW (widget);
  const char *action;
  int phase;

  if (self->presentation == NULL)
    return FALSE;

  g_variant_get (arguments, "(&si)", &action, &phase);
  if (phase >= 0)
    return gtk_widget_activate_action (GTK_WIDGET (self->presentation), action, "u", (guint) phase);

  return gtk_widget_activate_action (GTK_WIDGET (self->presentation), action, NULL);
}

static void
setup_forwarded_keys (KrPresenterView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (forwarded_keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (forwarded_keys[i].keyval, forwarded_keys[i].modifiers),
                                                gtk_callback_action_new (forward_key_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new ("(si)", forwarded_keys[i].action, forwarded_keys[i].phase));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
kr_presenter_view_dispose (GObject *object)
{
  KrPresenterView *self = KR_PRESENTER_VIEW (object);

  g_clear_handle_id (&self->clock_source, g_source_remove);
  disconnect_presentation (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KR_TYPE_PRESENTER_VIEW);

  G_OBJECT_CLASS (kr_presenter_view_parent_class)->dispose (object);
}

static void
kr_presenter_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KrPresenterView *self = KR_PRESENTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION:
      g_value_set_object (value, self->presentation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_presenter_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KrPresenterView *self = KR_PRESENTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION:
      set_presentation (self, g_value_get_object (value));
      refresh (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_presenter_view_class_init (KrPresenterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kr_presenter_view_dispose;
  object_class->get_property = kr_presenter_view_get_property;
  object_class->set_property = kr_presenter_view_set_property;

  properties[PROP_PRESENTATION] =
    g_param_spec_object ("presentation", NULL, NULL, KR_TYPE_PRESENTATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  kr_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kringel/Kringel/ui/kr-presenter-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KrPresenterView, content);
  gtk_widget_class_bind_template_child (widget_class, KrPresenterView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, KrPresenterView, timer_label);
  gtk_widget_class_bind_template_child (widget_class, KrPresenterView, total_label);
  gtk_widget_class_bind_template_child (widget_class, KrPresenterView, description_label);
  gtk_widget_class_bind_template_child (widget_class, KrPresenterView, touchpoint_list);
  gtk_widget_class_bind_template_child (widget_class, KrPresenterView, next_label);

  gtk_widget_class_install_action (widget_class, "presenter.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presenter.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presenter.end", NULL, end_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kr-presenter-view");
}

static void
kr_presenter_view_init (KrPresenterView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_forwarded_keys (self);
}

/**
 * kr_presenter_view_new:
 *
 * Returns: a view that follows @presentation until it closes.
 */
GtkWidget *
kr_presenter_view_new (KrPresentation *presentation)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (presentation), NULL);

  return g_object_new (KR_TYPE_PRESENTER_VIEW, "presentation", presentation, NULL);
}

/* Returns: (nullable): the presentation followed, %NULL once it has ended. */
KrPresentation *
kr_presenter_view_get_presentation (KrPresenterView *self)
{
  g_return_val_if_fail (KR_IS_PRESENTER_VIEW (self), NULL);

  return self->presentation;
}
