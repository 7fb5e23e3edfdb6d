/* kr-presentation.c
 *
 * A full-screen window without chrome that shows a map in the projector theme and walks
 * through it: the overview first, then phase by phase, each step a zoom-and-pan driven by
 * the frame clock that ends exactly on the phase. A click spotlights a card and shows its
 * notes large; E lets the facilitator edit in front of the room, through the same editor
 * and history as the main window, so every change is undoable there too.
 *
 * Stops: 0 is the overview (the whole map), 1…n are the phases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kr-animation.h"
#include "kr-application.h"
#include "kr-layout.h"
#include "kr-presentation.h"
#include "kr-renderer.h"
#include "kr-slides.h"

#define OVERVIEW 0
#define DRAG_THRESHOLD 6.0       /* screen pixels before a press becomes a drag */
#define HANDLE_RADIUS 10.0       /* screen pixels */
#define SPOTLIGHT_DIM 0.62       /* how dark the room goes around a spotlit card */
#define NEIGHBOUR_VEIL 0.45      /* how much the phases beside the current one fade */
#define HIDDEN_VEIL 0.93         /* how much progressive reveal hides the phases to come */
#define MESSAGE_TIMEOUT 2600     /* ms a short message stays */
#define IDLE_CURSOR_TIMEOUT 2000 /* ms the mouse pointer stays on the projected map once still */
#define MOVING_RESOLUTION 0.5    /* of the screen's, while the view moves */

/* the pointer highlight: warm, translucent, visible on a washed-out projector */
static const GdkRGBA pointer_fill = { 1.0, 0.78, 0.0, 0.38 };
static const GdkRGBA pointer_ring = { 0.85, 0.33, 0.0, 0.95 };
/* marks of the editing mode */
static const GdkRGBA edit_accent = { 0.78, 0.27, 0.0, 1.0 };

typedef enum {
  DRAG_NONE,
  DRAG_CLICK,      /* pressed; becomes a click unless it moves */
  DRAG_MOVE,       /* moving cards (editing) */
  DRAG_CONNECT,    /* drawing an arrow from a card (editing) */
} DragKind;

struct _KrPresentation
{
  GtkWindow parent_instance;

  KrEditor *editor;
  KrSelection *selection;
  KrMap *map;
  KrRenderer *renderer;

  guint current_phase;
  guint n_phases;
  KrTouchpoint *spotlight;
  gboolean editing;
  gboolean reveal;
  gboolean timer_visible;
  gboolean pointer_visible;
  gboolean closed;

  /* the view, in map coordinates */
  KrRect viewport;
  KrRect target;
  KrViewportAnimation animation;
  guint tick_id;

  /* the pointer, in stage coordinates */
  gboolean pointer_inside;
  double pointer_x, pointer_y;
  KrTouchpoint *hover;

  /* a press or drag in progress */
  DragKind drag;
  DragKind pending;
  double press_x, press_y;        /* stage coordinates */
  double drag_dx, drag_dy;        /* map units */
  KrTouchpoint *drag_card;
  GPtrArray *drag_cards;

  /* the card whose title is being typed */
  KrTouchpoint *edited_card;

  /* time spent in each stop: phase id ("" for the overview) → gint64 µs */
  GHashTable *stop_time;
  char *segment_key;
  gint64 segment_start;
  gint64 started_at;
  guint clock_source;
  guint message_source;
  guint idle_cursor_source;

  /* template children (the overlay is the window's child, which GtkWindow disposes) */
  GtkDrawingArea *stage;
  GtkDrawingArea *pointer_layer;   /* over the stage, so a moving pointer redraws only itself */
  GtkLabel *indicator_label;
  GtkLabel *timer_label;
  GtkLabel *editing_label;
  GtkRevealer *message_revealer;
  GtkLabel *message_label;
  GtkWidget *notes_panel;
  GtkLabel *notes_title;
  GtkLabel *notes_description;   /* the notes follow it in the panel… */
  GtkEntry *note_entry;           /* …and this, N: a note from the room, for the spotlit card */
  GtkEntry *title_entry;
};

G_DEFINE_FINAL_TYPE (KrPresentation, kr_presentation, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_EDITOR,
  PROP_SELECTION,
  PROP_CURRENT_PHASE,
  PROP_N_PHASES,
  PROP_SPOTLIGHT,
  PROP_EDITING,
  PROP_REVEAL,
  PROP_TIMER_VISIBLE,
  PROP_POINTER_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_labels        (KrPresentation *self);
static void end_title_edit       (KrPresentation *self,
                                  gboolean        commit);
static void end_note             (KrPresentation *self,
                                  gboolean        commit);
static gboolean is_in_map        (KrPresentation *self,
                                  gpointer        item);

/* Geometry */

static double
stage_width (KrPresentation *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self->stage));
}

static double
stage_height (KrPresentation *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self->stage));
}

/* The screen's shape; 16:9 until the stage has a size. */
static double
stage_aspect (KrPresentation *self)
{
  double width = stage_width (self), height = stage_height (self);

  return width > 0 && height > 0 ? width / height : 16.0 / 9.0;
}

/* How map coordinates become stage coordinates: scaled, then offset. */
static void
get_transform (KrPresentation *self,
               double         *scale,
               double         *offset_x,
               double         *offset_y)
{
  double width = stage_width (self), height = stage_height (self);
  const KrRect *view = &self->viewport;

  *scale = view->width > 0 && view->height > 0 ? MIN (width / view->width, height / view->height) : 1;
  *offset_x = (width - view->width * *scale) / 2;
  *offset_y = (height - view->height * *scale) / 2;
}

static void
stage_to_map (KrPresentation *self,
              double          x,
              double          y,
              double         *map_x,
              double         *map_y)
{
  double scale, offset_x, offset_y;

  get_transform (self, &scale, &offset_x, &offset_y);
  *map_x = (x - offset_x) / scale + self->viewport.x;
  *map_y = (y - offset_y) / scale + self->viewport.y;
}

static KrRect
map_rect_to_stage (KrPresentation *self,
                   const KrRect   *rect)
{
  double scale, offset_x, offset_y;

  get_transform (self, &scale, &offset_x, &offset_y);
  return (KrRect) { (rect->x - self->viewport.x) * scale + offset_x,
                    (rect->y - self->viewport.y) * scale + offset_y,
                    rect->width * scale, rect->height * scale };
}

/* The part of the map on the screen. */
static KrRect
visible_rect (KrPresentation *self)
{
  double x0, y0, x1, y1;

  stage_to_map (self, 0, 0, &x0, &y0);
  stage_to_map (self, stage_width (self), stage_height (self), &x1, &y1);
  return (KrRect) { x0, y0, x1 - x0, y1 - y0 };
}

static KrTouchpoint *
card_at (KrPresentation *self,
         double          stage_x,
         double          stage_y)
{
  double scale, offset_x, offset_y, x, y;
  KrPick pick;

  get_transform (self, &scale, &offset_x, &offset_y);
  stage_to_map (self, stage_x, stage_y, &x, &y);
  kr_renderer_pick (self->renderer, self->map, x, y, 6 / scale, &pick);
  return pick.kind == KR_PICK_CARD ? KR_TOUCHPOINT (pick.item) : NULL;
}

/* The connect handle: a dot on the right edge of a card, in stage coordinates. */
static gboolean
get_handle (KrPresentation *self,
            KrTouchpoint   *card,
            double         *x,
            double         *y)
{
  KrRect rect;

  if (card == NULL || !kr_renderer_get_card_rect (self->renderer, self->map, card, &rect))
    return FALSE;

  rect = map_rect_to_stage (self, &rect);
  *x = kr_rect_right (&rect);
  *y = rect.y + rect.height / 2;
  return TRUE;
}

/* The notes beside a spotlit card and the title being typed follow the view. */
static void
queue_allocate_overlay (KrPresentation *self)
{
  GtkWidget *overlay = gtk_window_get_child (GTK_WINDOW (self));

  if (overlay != NULL)
    gtk_widget_queue_allocate (overlay);
}

/* Stops and the view */

static KrRect
compute_target (KrPresentation *self)
{
  g_autoptr(KrLayout) layout = kr_layout_new (self->map);
  double aspect = stage_aspect (self);
  KrRect extent, overview, frame, card;

  if (self->spotlight != NULL && kr_renderer_get_card_rect (self->renderer, self->map, self->spotlight, &card))
    return kr_slide_get_spotlight (&card, aspect);

  extent = kr_renderer_get_extent (self->renderer, self->map);
  overview = kr_slide_get_overview (&extent);
  if (self->current_phase == OVERVIEW || self->current_phase > kr_layout_get_n_phases (layout))
    return kr_rect_fit_aspect (&overview, aspect);

  frame = kr_slide_get_phase (layout, self->current_phase - 1);
  frame = kr_rect_fit_aspect (&frame, aspect);
  return kr_slide_keep_within (&frame, &overview);
}

static gboolean
animations_enabled (KrPresentation *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

static void
stop_animation (KrPresentation *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->stage), self->tick_id);
      self->tick_id = 0;
    }
  kr_viewport_animation_finish (&self->animation, NULL);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  KrPresentation *self = user_data;
  gboolean more = kr_viewport_animation_step (&self->animation, gdk_frame_clock_get_frame_time (frame_clock),
                                              &self->viewport);

  gtk_widget_queue_draw (widget);
  if (more)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  /* the card being renamed and the notes follow the view */
  queue_allocate_overlay (self);
  return G_SOURCE_REMOVE;
}

/* Moves the view to what the current stop shows: a smooth zoom-and-pan if @animate. */
static void
show_current_stop (KrPresentation *self,
                   gboolean        animate)
{
  self->target = compute_target (self);

  if (!animate || !animations_enabled (self) || !gtk_widget_get_mapped (GTK_WIDGET (self->stage)) ||
      !(self->viewport.width > 0))
    {
      stop_animation (self);
      self->viewport = self->target;
      gtk_widget_queue_draw (GTK_WIDGET (self->stage));
      queue_allocate_overlay (self);
      return;
    }

  /* from wherever the view is now, even halfway through another move */
  kr_viewport_animation_start (&self->animation, &self->viewport, &self->target, KR_ANIMATION_DURATION);
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->stage), tick_cb, self, NULL);
}

static void
stage_resize_cb (GtkDrawingArea *stage,
                 int             width,
                 int             height,
                 KrPresentation *self)
{
  show_current_stop (self, FALSE);
}

/* The workshop clock */

static char *
dup_stop_key (KrPresentation *self)
{
  KrPhase *phase;

  if (self->current_phase == OVERVIEW || self->current_phase > self->n_phases)
    return g_strdup ("");

  phase = kr_map_get_item (self->map, KR_ITEM_PHASE, self->current_phase - 1);
  return g_strdup (kr_item_get_id (KR_ITEM (phase)));
}

static gint64
banked_time (KrPresentation *self,
             const char     *key)
{
  gint64 *banked = g_hash_table_lookup (self->stop_time, key);

  return banked ? *banked : 0;
}

/* Adds the time since the segment began to the stop it was spent in, and begins a new one. */
static void
bank_time (KrPresentation *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 total = banked_time (self, self->segment_key) + (now - self->segment_start);

  g_hash_table_replace (self->stop_time, g_strdup (self->segment_key), g_memdup2 (&total, sizeof total));
  g_free (self->segment_key);
  self->segment_key = dup_stop_key (self);
  self->segment_start = now;
}

static void
update_timer_label (KrPresentation *self)
{
  g_autofree char *text = kr_presentation_format_elapsed (kr_presentation_get_phase_elapsed (self));

  if (g_strcmp0 (gtk_label_get_text (self->timer_label), text) != 0)
    gtk_label_set_text (self->timer_label, text);
}

static gboolean
clock_cb (gpointer user_data)
{
  update_timer_label (user_data);
  return G_SOURCE_CONTINUE;
}

/* Labels */

static gboolean
hide_message_cb (gpointer user_data)
{
  KrPresentation *self = user_data;

  self->message_source = 0;
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

/* Tells the facilitator briefly what a key did. */
static void
show_message (KrPresentation *self,
              const char     *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
  g_clear_handle_id (&self->message_source, g_source_remove);
  self->message_source = g_timeout_add (MESSAGE_TIMEOUT, hide_message_cb, self);
}

/* Puts @widget into the notes panel, after the notes there, before the note entry. They go
 * straight into the panel: GTK 4.8 keeps measuring a box that was once empty as if nothing
 * in it wrapped. */
static void
add_to_notes (KrPresentation *self,
              GtkWidget      *widget)
{
  gtk_box_insert_child_after (GTK_BOX (self->notes_panel), widget,
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->note_entry)));
}

/* A note, large, and when it was written, small, under it. */
static void
add_note_label (KrPresentation *self,
                KrNote         *note)
{
  GtkWidget *text = gtk_label_new (kr_note_get_text (note));
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (kr_note_get_created (note), NULL);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_add_css_class (text, "kr-presentation-note");
  add_to_notes (self, text);

  if (created != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (created);
      /* TRANSLATORS: when a note was written, see g_date_time_format() */
      g_autofree char *date = g_date_time_format (local, _("%-d %B %Y"));
      GtkWidget *date_label = gtk_label_new (date);

      gtk_label_set_xalign (GTK_LABEL (date_label), 0);
      gtk_widget_add_css_class (date_label, "kr-presentation-note-date");
      add_to_notes (self, date_label);
    }
}

static void
update_notes_panel (KrPresentation *self)
{
  GtkWidget *child;
  GListModel *notes;
  const char *description;
  guint n_notes;

  while ((child = gtk_widget_get_next_sibling (GTK_WIDGET (self->notes_description))) != GTK_WIDGET (self->note_entry))
    gtk_box_remove (GTK_BOX (self->notes_panel), child);

  gtk_widget_set_visible (self->notes_panel, self->spotlight != NULL);
  if (self->spotlight == NULL)
    {
      end_note (self, FALSE);
      return;
    }

  gtk_label_set_text (self->notes_title, kr_touchpoint_get_title (self->spotlight));
  description = kr_touchpoint_get_description (self->spotlight);
  gtk_label_set_text (self->notes_description, description);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_description), description != NULL && *description != '\0');

  notes = kr_touchpoint_get_notes (self->spotlight);
  n_notes = g_list_model_get_n_items (notes);
  for (guint i = 0; i < n_notes; i++)
    {
      g_autoptr(KrNote) note = g_list_model_get_item (notes, i);

      add_note_label (self, note);
    }

  if (n_notes == 0)
    {
      GtkWidget *none = gtk_label_new (_("No notes on this touchpoint yet: N adds one"));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "kr-presentation-no-notes");
      add_to_notes (self, none);
    }

  queue_allocate_overlay (self);
}

static void
update_labels (KrPresentation *self)
{
  g_autofree char *indicator = kr_presentation_dup_phase_label (self, self->current_phase);

  gtk_label_set_text (self->indicator_label, indicator);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stage), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, indicator, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_label), self->timer_visible);
  gtk_widget_set_visible (GTK_WIDGET (self->editing_label), self->editing);
  update_timer_label (self);
}

/* Drawing */

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}


/* Fades the phases beside the current one; with progressive reveal, hides those to come. */
static void
draw_veils (KrPresentation *self,
            cairo_t        *cr,
            KrLayout       *layout)
{
  const KrColor *paper = &kr_theme_get (KR_THEME_PROJECTOR)->background;
  guint n = kr_layout_get_n_phases (layout);

  if (self->current_phase == OVERVIEW || self->spotlight != NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      guint phase = i + 1;
      KrRect area = kr_slide_get_phase_area (layout, i);
      double veil;

      if (phase == self->current_phase)
        continue;

      veil = self->reveal && phase > self->current_phase ? HIDDEN_VEIL : NEIGHBOUR_VEIL;
      cairo_set_source_rgba (cr, paper->red, paper->green, paper->blue, veil);
      cairo_rectangle (cr, area.x, area.y, area.width, area.height);
      cairo_fill (cr);
    }
}

/* The marks of the editing mode, in map coordinates scaled by @scale. */
static void
draw_edit_marks (KrPresentation *self,
                 cairo_t        *cr,
                 double          scale)
{
  GPtrArray *selected = kr_selection_get_items (self->selection);
  double hx, hy, x, y;
  KrRect rect;

  for (guint i = 0; i < selected->len; i++)
    if (KR_IS_TOUCHPOINT (selected->pdata[i]) &&
        kr_renderer_get_card_rect (self->renderer, self->map, selected->pdata[i], &rect))
      {
        if (self->drag == DRAG_MOVE && self->drag_cards != NULL &&
            g_ptr_array_find (self->drag_cards, selected->pdata[i], NULL))
          rect.x += self->drag_dx, rect.y += self->drag_dy;

        rect = kr_rect_inflate (&rect, 5 / scale);
        kr_rounded_rect_path (cr, &rect, 14);
        set_source (cr, &edit_accent);
        cairo_set_line_width (cr, 4 / scale);
        cairo_stroke (cr);
      }

  if (self->drag == DRAG_CONNECT && self->drag_card != NULL &&
      kr_renderer_get_card_rect (self->renderer, self->map, self->drag_card, &rect))
    {
      stage_to_map (self, self->pointer_x, self->pointer_y, &x, &y);
      cairo_move_to (cr, kr_rect_right (&rect), rect.y + rect.height / 2);
      cairo_line_to (cr, x, y);
      set_source (cr, &edit_accent);
      cairo_set_line_width (cr, 4 / scale);
      cairo_set_dash (cr, (double[]) { 10 / scale, 7 / scale }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (self->drag == DRAG_NONE && get_handle (self, self->hover, &hx, &hy))
    {
      stage_to_map (self, hx, hy, &x, &y);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, HANDLE_RADIUS / scale, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      set_source (cr, &edit_accent);
      cairo_set_line_width (cr, 3 / scale);
      cairo_stroke (cr);
    }
}

/* Darkens the room and draws the spotlit card again, bright, on top. */
static void
draw_spotlight (KrPresentation *self,
                cairo_t        *cr,
                int             width,
                int             height)
{
  double scale, offset_x, offset_y;
  KrRect card, hole;

  if (!kr_renderer_get_card_rect (self->renderer, self->map, self->spotlight, &card))
    return;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, SPOTLIGHT_DIM);
  cairo_paint (cr);

  get_transform (self, &scale, &offset_x, &offset_y);
  cairo_translate (cr, offset_x, offset_y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -self->viewport.x, -self->viewport.y);

  hole = kr_rect_inflate (&card, 10);
  kr_rounded_rect_path (cr, &hole, 18);
  cairo_clip (cr);
  kr_renderer_draw (self->renderer, cr, self->map, &hole, KR_RENDER_DEFAULT);
  cairo_reset_clip (cr);

  kr_rounded_rect_path (cr, &hole, 18);
  cairo_set_source_rgb (cr, 0.96, 0.76, 0.07);
  cairo_set_line_width (cr, 6 / scale);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_pointer_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  KrPresentation *self = user_data;
  double radius = MAX (34, height * 0.045);

  if (!self->pointer_visible || !self->pointer_inside)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, self->pointer_x, self->pointer_y, radius, 0, 2 * G_PI);
  set_source (cr, &pointer_fill);
  cairo_fill_preserve (cr);
  set_source (cr, &pointer_ring);
  cairo_set_line_width (cr, 5);
  cairo_stroke (cr);
}

/* The map as the room sees it, veils, marks and spotlight included. */
static void
draw_scene (KrPresentation *self,
            cairo_t        *cr,
            int             width,
            int             height)
{
  const KrColor *paper = &kr_theme_get (KR_THEME_PROJECTOR)->background;
  g_autoptr(KrLayout) layout = NULL;
  double scale, offset_x, offset_y;
  KrRect visible;

  cairo_set_source_rgb (cr, paper->red, paper->green, paper->blue);
  cairo_paint (cr);

  if (self->map == NULL || !(self->viewport.width > 0) || !(self->viewport.height > 0))
    return;

  layout = kr_layout_new (self->map);
  visible = visible_rect (self);
  get_transform (self, &scale, &offset_x, &offset_y);

  cairo_save (cr);
  cairo_translate (cr, offset_x, offset_y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -self->viewport.x, -self->viewport.y);
  kr_renderer_draw (self->renderer, cr, self->map, &visible, KR_RENDER_DEFAULT);
  draw_veils (self, cr, layout);
  kr_renderer_draw_headers (self->renderer, cr, self->map, &visible);
  if (self->editing)
    draw_edit_marks (self, cr, scale);
  cairo_restore (cr);

  if (self->spotlight != NULL)
    draw_spotlight (self, cr, width, height);
}

/* While the view moves, the map is drawn at a lower resolution and scaled up: drawing a
 * whole projector's worth of pixels costs more than a frame has (≈ 24 ms at 1920 × 1080,
 * ≈ 5 ms at half that, on the reference machines); the last frame is sharp again. */
static void
draw_stage_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  KrPresentation *self = user_data;

  if (self->tick_id != 0 && width > 1 && height > 1)
    {
      int low_width = (int) ceil (width * MOVING_RESOLUTION), low_height = (int) ceil (height * MOVING_RESOLUTION);
      cairo_surface_t *low = cairo_image_surface_create (CAIRO_FORMAT_RGB24, low_width, low_height);
      cairo_t *low_cr = cairo_create (low);

      cairo_scale (low_cr, MOVING_RESOLUTION, MOVING_RESOLUTION);
      draw_scene (self, low_cr, width, height);
      cairo_destroy (low_cr);

      cairo_save (cr);
      cairo_scale (cr, 1 / MOVING_RESOLUTION, 1 / MOVING_RESOLUTION);
      cairo_set_source_surface (cr, low, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (low);
    }
  else
    draw_scene (self, cr, width, height);
}

/* Overlay children that follow the map: the notes beside a spotlit card, the title entry. */
static gboolean
get_child_position_cb (GtkOverlay     *overlay,
                       GtkWidget      *widget,
                       GdkRectangle   *allocation,
                       KrPresentation *self)
{
  double width = stage_width (self), height = stage_height (self);
  int minimum, natural;

  if (widget == self->notes_panel)
    {
      int panel_width = (int) (width * (1 - KR_SLIDE_SPOTLIGHT_NOTES_START) - width * 0.05);

      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, panel_width, &minimum, &natural, NULL, NULL);
      allocation->width = MAX (panel_width, 1);
      allocation->height = CLAMP (natural, minimum, (int) (height * 0.84));
      allocation->height = MAX (allocation->height, minimum);
      allocation->x = (int) (width * KR_SLIDE_SPOTLIGHT_NOTES_START);
      allocation->y = (int) ((height - allocation->height) / 2);
      return TRUE;
    }

  if (widget == GTK_WIDGET (self->title_entry) && self->edited_card != NULL)
    {
      KrRect card;

      if (!kr_renderer_get_card_rect (self->renderer, self->map, self->edited_card, &card))
        return FALSE;

      card = map_rect_to_stage (self, &card);
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
      allocation->width = (int) MAX (card.width, 220);
      allocation->height = natural;
      allocation->x = (int) (card.x + card.width / 2 - allocation->width / 2.0);
      allocation->y = (int) (card.y + card.height / 2 - natural / 2.0);
      return TRUE;
    }

  return FALSE;
}

/* Editing in front of the room */

static void
begin_title_edit (KrPresentation *self,
                  KrTouchpoint   *card)
{
  g_set_object (&self->edited_card, card);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), kr_touchpoint_get_title (card));
  gtk_widget_set_visible (GTK_WIDGET (self->title_entry), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
  queue_allocate_overlay (self);
}

static void
end_title_edit (KrPresentation *self,
                gboolean        commit)
{
  g_autoptr(KrTouchpoint) card = g_steal_pointer (&self->edited_card);
  const char *text;

  if (card == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  gtk_widget_set_visible (GTK_WIDGET (self->title_entry), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->stage));

  if (commit && g_strcmp0 (text, kr_touchpoint_get_title (card)) != 0)
    kr_editor_set (self->editor, card, "title", text, NULL);
}

static void
title_activate_cb (KrPresentation *self)
{
  end_title_edit (self, TRUE);
}

/* Escape in a title or a note being typed drops it. */
static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      KrPresentation        *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;

  end_title_edit (self, FALSE);
  end_note (self, FALSE);
  return TRUE;
}

/* Notes from the room: N while a card is spotlit */

static gboolean
note_open (KrPresentation *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->note_entry));
}

/* Whether keys go to the note: it is open and has the focus. */
static gboolean
writing_note (KrPresentation *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return note_open (self) && focus != NULL &&
         (focus == GTK_WIDGET (self->note_entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_entry)));
}

static void
begin_note (KrPresentation *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_entry), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
  queue_allocate_overlay (self);
}

/* Adds what the entry holds, if anything, to the spotlit card's notes. */
static void
add_typed_note (KrPresentation *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  if (self->spotlight != NULL && is_in_map (self, self->spotlight) && *text != '\0')
    kr_editor_add_note (self->editor, self->spotlight, text);
}

/* Closes the entry, adding what it holds to the lit card when @commit: whatever takes the
 * focus away (a click on the map, another card lit, the window closing) keeps the note, as
 * it keeps a title being typed; Escape drops it. */
static void
end_note (KrPresentation *self,
          gboolean        commit)
{
  if (!note_open (self))
    return;

  if (commit)
    add_typed_note (self);
  gtk_widget_set_visible (GTK_WIDGET (self->note_entry), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->stage));
  queue_allocate_overlay (self);
}

static void
note_focus_leave_cb (KrPresentation *self)
{
  end_note (self, TRUE);
}

/* Enter adds the note and leaves the entry open for the next. */
static void
note_activate_cb (KrPresentation *self)
{
  add_typed_note (self);
}

static void
finish_move (KrPresentation *self)
{
  kr_editor_move_touchpoints (self->editor, self->drag_cards, round (self->drag_dx), round (self->drag_dy));
}

static void
finish_connect (KrPresentation *self,
                double          stage_x,
                double          stage_y)
{
  KrTouchpoint *target = card_at (self, stage_x, stage_y);
  KrConnection *connection;

  if (target == NULL || self->drag_card == NULL)
    return;

  connection = kr_editor_connect (self->editor, self->drag_card, target);
  if (connection != NULL)
    kr_selection_select_only (self->selection, connection);
}

static void
reset_drag (KrPresentation *self)
{
  self->drag = self->pending = DRAG_NONE;
  self->drag_dx = self->drag_dy = 0;
  g_clear_object (&self->drag_card);
  g_clear_pointer (&self->drag_cards, g_ptr_array_unref);
  kr_renderer_clear_preview (self->renderer);
  gtk_widget_queue_draw (GTK_WIDGET (self->stage));
}

/* Pointer input */

static void
click (KrPresentation *self,
       double          x,
       double          y)
{
  KrTouchpoint *card = card_at (self, x, y);

  if (self->editing)
    {
      if (card != NULL)
        kr_selection_select_only (self->selection, card);
      else
        kr_selection_clear (self->selection);
      return;
    }

  /* a click on the spotlit card, or beside it, lets the room see the map again */
  if (card == NULL || card == self->spotlight)
    kr_presentation_set_spotlight (self, NULL);
  else
    kr_presentation_set_spotlight (self, card);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               KrPresentation *self)
{
  g_autoptr(GPtrArray) selected = NULL;
  KrTouchpoint *card;
  double hx, hy;

  end_title_edit (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->stage));
  reset_drag (self);

  self->press_x = self->pointer_x = x;
  self->press_y = self->pointer_y = y;
  self->drag = DRAG_CLICK;

  if (!self->editing || self->map == NULL)
    return;

  if (get_handle (self, self->hover, &hx, &hy) && hypot (x - hx, y - hy) <= HANDLE_RADIUS + 6)
    {
      self->pending = DRAG_CONNECT;
      g_set_object (&self->drag_card, self->hover);
      return;
    }

  card = card_at (self, x, y);
  if (card == NULL)
    return;

  if (!kr_selection_contains (self->selection, card))
    kr_selection_select_only (self->selection, card);

  self->pending = DRAG_MOVE;
  g_set_object (&self->drag_card, card);
  /* the selection's array holds no references of its own: take them for the drag */
  selected = kr_selection_get_touchpoints (self->selection);
  self->drag_cards = g_ptr_array_copy (selected, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (self->drag_cards, g_object_unref);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                KrPresentation *self)
{
  double scale, offset_sx, offset_sy;

  if (self->drag == DRAG_NONE)
    return;

  self->pointer_x = self->press_x + offset_x;
  self->pointer_y = self->press_y + offset_y;

  if (self->drag == DRAG_CLICK)
    {
      if (hypot (offset_x, offset_y) < DRAG_THRESHOLD || self->pending == DRAG_NONE)
        return;
      self->drag = self->pending;
    }

  if (self->drag == DRAG_MOVE)
    {
      get_transform (self, &scale, &offset_sx, &offset_sy);
      self->drag_dx = offset_x / scale;
      self->drag_dy = offset_y / scale;
      kr_renderer_set_move_preview (self->renderer, self->drag_cards, self->drag_dx, self->drag_dy);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self->stage));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             KrPresentation *self)
{
  DragKind drag = self->drag;

  if (self->map == NULL)
    return;

  if (drag == DRAG_CLICK)
    click (self, self->press_x, self->press_y);
  else if (drag == DRAG_MOVE)
    {
      double scale, offset_sx, offset_sy;

      get_transform (self, &scale, &offset_sx, &offset_sy);
      self->drag_dx = offset_x / scale;
      self->drag_dy = offset_y / scale;
      finish_move (self);
    }
  else if (drag == DRAG_CONNECT)
    finish_connect (self, self->press_x + offset_x, self->press_y + offset_y);

  reset_drag (self);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                KrPresentation   *self)
{
  reset_drag (self);
}

static void
double_click_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 KrPresentation  *self)
{
  KrTouchpoint *card;

  if (n_press != 2 || !self->editing)
    return;

  card = card_at (self, x, y);
  if (card != NULL)
    begin_title_edit (self, card);
}

static const char *
cursor_for (KrPresentation *self,
            KrTouchpoint   *card,
            gboolean        on_handle)
{
  if (!self->editing)
    return card != NULL ? "pointer" : NULL;
  if (on_handle)
    return "crosshair";
  return card != NULL ? "grab" : NULL;
}

/* A still mouse pointer leaves the audience's view of the map; moving it brings it back. */
static gboolean
hide_idle_cursor_cb (gpointer user_data)
{
  KrPresentation *self = user_data;

  self->idle_cursor_source = 0;
  if (self->drag == DRAG_NONE)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self->stage), "none");
  return G_SOURCE_REMOVE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KrPresentation           *self)
{
  KrTouchpoint *card;
  gboolean on_handle = FALSE;
  double hx, hy;

  g_clear_handle_id (&self->idle_cursor_source, g_source_remove);
  self->idle_cursor_source = g_timeout_add (IDLE_CURSOR_TIMEOUT, hide_idle_cursor_cb, self);
  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;

  if (self->map == NULL)
    return;

  card = card_at (self, x, y);
  /* keep the card hovered while the pointer is on its handle, just outside it */
  if (self->editing && get_handle (self, self->hover, &hx, &hy) && hypot (x - hx, y - hy) <= HANDLE_RADIUS + 6)
    {
      card = self->hover;
      on_handle = TRUE;
    }

  if (self->drag == DRAG_NONE)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self->stage), cursor_for (self, card, on_handle));

  if (!self->editing)
    card = NULL;
  if (card != self->hover)
    {
      self->hover = card;
      gtk_widget_queue_draw (GTK_WIDGET (self->stage));
    }

  if (self->drag == DRAG_CONNECT)
    gtk_widget_queue_draw (GTK_WIDGET (self->stage));
  if (self->pointer_visible)
    gtk_widget_queue_draw (GTK_WIDGET (self->pointer_layer));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          KrPresentation           *self)
{
  self->pointer_inside = FALSE;
  if (self->drag == DRAG_NONE)
    self->hover = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self->stage));
  gtk_widget_queue_draw (GTK_WIDGET (self->pointer_layer));
}

static void
setup_input (KrPresentation *self)
{
  GtkWidget *stage = GTK_WIDGET (self->stage);
  GtkGesture *drag, *clicks;
  GtkEventController *motion, *title_keys, *note_keys, *note_focus;

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (stage, GTK_EVENT_CONTROLLER (drag));

  clicks = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (clicks), GDK_BUTTON_PRIMARY);
  /* on release: the press that ends a double-click also begins a drag, which ends typing */
  g_signal_connect (clicks, "released", G_CALLBACK (double_click_cb), self);
  gtk_widget_add_controller (stage, GTK_EVENT_CONTROLLER (clicks));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (stage, motion);

  title_keys = gtk_event_controller_key_new ();
  g_signal_connect (title_keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_entry), title_keys);
  g_signal_connect_swapped (self->title_entry, "activate", G_CALLBACK (title_activate_cb), self);

  note_keys = gtk_event_controller_key_new ();
  g_signal_connect (note_keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), note_keys);
  g_signal_connect_swapped (self->note_entry, "activate", G_CALLBACK (note_activate_cb), self);
  note_focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (note_focus, "leave", G_CALLBACK (note_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), note_focus);

  gtk_drawing_area_set_draw_func (self->stage, draw_stage_cb, self, NULL);
  gtk_drawing_area_set_draw_func (self->pointer_layer, draw_pointer_cb, self, NULL);
  g_signal_connect (self->stage, "resize", G_CALLBACK (stage_resize_cb), self);
}

/* Keys and actions */

static gboolean
typing_title (KrPresentation *self)
{
  return self->edited_card != NULL;
}

/* Whether keys go to text being typed: a card's title or a note. */
static gboolean
typing (KrPresentation *self)
{
  return typing_title (self) || writing_note (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KrPresentation *self = KR_PRESENTATION (widget);

  if (!typing_title (self))
    kr_presentation_next (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KrPresentation *self = KR_PRESENTATION (widget);

  if (!typing_title (self))
    kr_presentation_previous (self);
}

static void
go_to_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KrPresentation *self = KR_PRESENTATION (widget);
  guint phase = g_variant_get_uint32 (parameter);

  if (!typing_title (self) && phase <= self->n_phases)
    kr_presentation_set_current_phase (self, phase);
}

static void
last_phase_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KrPresentation *self = KR_PRESENTATION (widget);

  if (!typing_title (self))
    kr_presentation_set_current_phase (self, self->n_phases);
}

/* Escape leaves the spotlight first, then the presentation. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KrPresentation *self = KR_PRESENTATION (widget);

  if (typing_title (self))
    end_title_edit (self, FALSE);
  else if (writing_note (self))
    end_note (self, FALSE);
  else if (self->drag == DRAG_MOVE || self->drag == DRAG_CONNECT)
    reset_drag (self);
  else if (self->spotlight != NULL)
    kr_presentation_set_spotlight (self, NULL);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KrPresentation *self = KR_PRESENTATION (widget);

  if (self->spotlight == NULL)
    show_message (self, _("Click a card to show its notes; then N adds one"));
  else
    begin_note (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KrPresentation *self = KR_PRESENTATION (widget);

  if (self->editing && !typing_title (self))
    kr_history_undo (kr_editor_get_history (self->editor));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KrPresentation *self = KR_PRESENTATION (widget);

  if (self->editing && !typing_title (self))
    kr_history_redo (kr_editor_get_history (self->editor));
}

static void
update_actions (KrPresentation *self)
{
  KrHistory *history = self->editor ? kr_editor_get_history (self->editor) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.undo",
                                 self->editing && history != NULL && kr_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.redo",
                                 self->editing && history != NULL && kr_history_can_redo (history));
}

/* Every key of the presentation in one place: arrows and what presentation clickers send. */
static const struct {
  guint keyval;
  GdkModifierType modifiers;
  const char *action;
  int phase;   /* for presentation.go-to, else -1 */
} bindings[] = {
  { GDK_KEY_Right, 0, "presentation.next", -1 },
  { GDK_KEY_Down, 0, "presentation.next", -1 },
  { GDK_KEY_Page_Down, 0, "presentation.next", -1 },
  { GDK_KEY_space, 0, "presentation.next", -1 },
  { GDK_KEY_Return, 0, "presentation.next", -1 },
  { GDK_KEY_KP_Right, 0, "presentation.next", -1 },
  { GDK_KEY_Left, 0, "presentation.previous", -1 },
  { GDK_KEY_Up, 0, "presentation.previous", -1 },
  { GDK_KEY_Page_Up, 0, "presentation.previous", -1 },
  { GDK_KEY_BackSpace, 0, "presentation.previous", -1 },
  { GDK_KEY_space, GDK_SHIFT_MASK, "presentation.previous", -1 },
  { GDK_KEY_KP_Left, 0, "presentation.previous", -1 },
  { GDK_KEY_Home, 0, "presentation.go-to", 1 },
  { GDK_KEY_End, 0, "presentation.go-to", OVERVIEW },
  { GDK_KEY_0, 0, "presentation.go-to", OVERVIEW },
  { GDK_KEY_KP_0, 0, "presentation.go-to", OVERVIEW },
  { GDK_KEY_Escape, 0, "presentation.escape", -1 },
  { GDK_KEY_F5, 0, "presentation.close", -1 },
  { GDK_KEY_q, GDK_CONTROL_MASK, "presentation.close", -1 },
  { GDK_KEY_e, 0, "presentation.editing", -1 },
  { GDK_KEY_r, 0, "presentation.reveal", -1 },
  { GDK_KEY_t, 0, "presentation.timer", -1 },
  { GDK_KEY_p, 0, "presentation.pointer", -1 },
  { GDK_KEY_n, 0, "presentation.add-note", -1 },
  { GDK_KEY_z, GDK_CONTROL_MASK, "presentation.undo", -1 },
  { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "presentation.redo", -1 },
  { GDK_KEY_y, GDK_CONTROL_MASK, "presentation.redo", -1 },
};

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *arguments,
             gpointer   user_data)
{
  KrPresentation *self = KR_PRESENTATION (widget);
  g_autoptr(GVariant) parameters = NULL;
  g_autoptr(GVariant) parameter = NULL;
  const char *action;

  /* keys being typed into a card's title or a note belong to it */
  if (typing (self))
    return FALSE;

  g_variant_get (arguments, "(&sv)", &action, &parameters);
  if (g_variant_n_children (parameters) > 0)
    parameter = g_variant_get_child_value (parameters, 0);

  return gtk_widget_activate_action_variant (widget, action, parameter);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action,
              int                    phase)
{
  GVariant *parameter = phase >= 0 ? g_variant_new ("(u)", (guint) phase) : g_variant_new ("()");
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (shortcut_cb, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new ("(sv)", action, parameter));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The keys act before GTK's own (the window's arrow keys move the focus), in the capture
 * phase, but let a title being typed have them. */
static void
setup_shortcuts (KrPresentation *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "kr-presentation-keys");

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), bindings[i].keyval, bindings[i].modifiers,
                  bindings[i].action, bindings[i].phase);

  /* the number keys jump to phase 1 … 9 */
  for (guint phase = 1; phase <= 9; phase++)
    {
      add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_0 + phase, 0, "presentation.go-to", phase);
      add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_0 + phase, 0, "presentation.go-to", phase);
    }

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Following the map */

static gboolean
is_in_map (KrPresentation *self,
           gpointer        item)
{
  return item != NULL &&
         kr_map_lookup (self->map, kr_item_get_kind (item), kr_item_get_id (item)) == item;
}

static void
map_changed (KrPresentation *self)
{
  guint n_phases = kr_map_get_n_items (self->map, KR_ITEM_PHASE);

  if (self->edited_card != NULL && !is_in_map (self, self->edited_card))
    end_title_edit (self, FALSE);
  if (self->hover != NULL && !is_in_map (self, self->hover))
    self->hover = NULL;

  if (n_phases != self->n_phases)
    {
      self->n_phases = n_phases;
      if (self->current_phase > n_phases)
        kr_presentation_set_current_phase (self, n_phases);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PHASES]);
    }

  if (self->spotlight != NULL && !is_in_map (self, self->spotlight))
    kr_presentation_set_spotlight (self, NULL);
  else if (self->spotlight != NULL)
    update_notes_panel (self);

  /* phases that grew or moved carry the view along, without a jolt */
  if (self->tick_id == 0)
    show_current_stop (self, FALSE);
  else
    self->animation.to = self->target = compute_target (self);

  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->stage));
}

static void
connect_map (KrPresentation *self)
{
  g_signal_connect_swapped (self->map, "item-changed", G_CALLBACK (map_changed), self);
  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    g_signal_connect_swapped (kr_map_get_items (self->map, kind), "items-changed", G_CALLBACK (map_changed), self);
  g_signal_connect_swapped (kr_editor_get_history (self->editor), "notify::can-undo",
                            G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (kr_editor_get_history (self->editor), "notify::can-redo",
                            G_CALLBACK (update_actions), self);
}

static void
disconnect_map (KrPresentation *self)
{
  if (self->map == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->map, self);
  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    g_signal_handlers_disconnect_by_data (kr_map_get_items (self->map, kind), self);
  g_signal_handlers_disconnect_by_data (kr_editor_get_history (self->editor), self);
}

/* GObject */

static void
ensure_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "kr-presentation-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/kringel/Kringel/kr-presentation.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "kr-presentation-style", g_object_ref (provider), g_object_unref);
}

static void
emit_closed (KrPresentation *self)
{
  if (self->closed)
    return;

  self->closed = TRUE;
  bank_time (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static gboolean
kr_presentation_close_request (GtkWindow *window)
{
  end_title_edit (KR_PRESENTATION (window), TRUE);
  end_note (KR_PRESENTATION (window), TRUE);

  return GTK_WINDOW_CLASS (kr_presentation_parent_class)->close_request (window);
}

/* Closing and gtk_window_destroy() both end here, whoever holds references. */
static void
kr_presentation_unrealize (GtkWidget *widget)
{
  KrPresentation *self = KR_PRESENTATION (widget);

  stop_animation (self);
  GTK_WIDGET_CLASS (kr_presentation_parent_class)->unrealize (widget);

  if (self->map != NULL)
    emit_closed (self);
}

static void
kr_presentation_constructed (GObject *object)
{
  KrPresentation *self = KR_PRESENTATION (object);

  G_OBJECT_CLASS (kr_presentation_parent_class)->constructed (object);

  g_return_if_fail (KR_IS_EDITOR (self->editor));

  if (self->selection == NULL)
    self->selection = kr_selection_new (kr_editor_get_map (self->editor));

  self->map = g_object_ref (kr_editor_get_map (self->editor));
  self->n_phases = kr_map_get_n_items (self->map, KR_ITEM_PHASE);
  connect_map (self);

  self->segment_key = dup_stop_key (self);
  show_current_stop (self, FALSE);
  update_labels (self);
  update_actions (self);
}

static void
kr_presentation_dispose (GObject *object)
{
  KrPresentation *self = KR_PRESENTATION (object);

  if (self->map != NULL)
    emit_closed (self);

  stop_animation (self);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_handle_id (&self->message_source, g_source_remove);
  g_clear_handle_id (&self->idle_cursor_source, g_source_remove);
  disconnect_map (self);
  reset_drag (self);
  g_clear_object (&self->edited_card);
  g_clear_object (&self->spotlight);
  self->hover = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), KR_TYPE_PRESENTATION);

  g_clear_object (&self->renderer);
  g_clear_object (&self->map);
  g_clear_object (&self->selection);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (kr_presentation_parent_class)->dispose (object);
}

static void
kr_presentation_finalize (GObject *object)
{
  KrPresentation *self = KR_PRESENTATION (object);

  g_hash_table_unref (self->stop_time);
  g_free (self->segment_key);

  G_OBJECT_CLASS (kr_presentation_parent_class)->finalize (object);
}

static void
kr_presentation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KrPresentation *self = KR_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_CURRENT_PHASE:
      g_value_set_uint (value, self->current_phase);
      break;
    case PROP_N_PHASES:
      g_value_set_uint (value, self->n_phases);
      break;
    case PROP_SPOTLIGHT:
      g_value_set_object (value, self->spotlight);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    case PROP_REVEAL:
      g_value_set_boolean (value, self->reveal);
      break;
    case PROP_TIMER_VISIBLE:
      g_value_set_boolean (value, self->timer_visible);
      break;
    case PROP_POINTER_VISIBLE:
      g_value_set_boolean (value, self->pointer_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_presentation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KrPresentation *self = KR_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      self->editor = g_value_dup_object (value);
      break;
    case PROP_SELECTION:
      self->selection = g_value_dup_object (value);
      break;
    case PROP_CURRENT_PHASE:
      kr_presentation_set_current_phase (self, g_value_get_uint (value));
      break;
    case PROP_EDITING:
      kr_presentation_set_editing (self, g_value_get_boolean (value));
      break;
    case PROP_REVEAL:
      kr_presentation_set_reveal (self, g_value_get_boolean (value));
      break;
    case PROP_TIMER_VISIBLE:
      kr_presentation_set_timer_visible (self, g_value_get_boolean (value));
      break;
    case PROP_POINTER_VISIBLE:
      kr_presentation_set_pointer_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_presentation_class_init (KrPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kr_presentation_constructed;
  object_class->dispose = kr_presentation_dispose;
  object_class->finalize = kr_presentation_finalize;
  object_class->get_property = kr_presentation_get_property;
  object_class->set_property = kr_presentation_set_property;

  widget_class->unrealize = kr_presentation_unrealize;
  window_class->close_request = kr_presentation_close_request;

  properties[PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, KR_TYPE_EDITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, KR_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KrPresentation:current-phase:
   *
   * The stop shown: 0 for the whole map, 1 … #KrPresentation:n-phases for a phase.
   */
  properties[PROP_CURRENT_PHASE] =
    g_param_spec_uint ("current-phase", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PHASES] =
    g_param_spec_uint ("n-phases", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPOTLIGHT] =
    g_param_spec_object ("spotlight", NULL, NULL, KR_TYPE_TOUCHPOINT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEAL] =
    g_param_spec_boolean ("reveal", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMER_VISIBLE] =
    g_param_spec_boolean ("timer-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POINTER_VISIBLE] =
    g_param_spec_boolean ("pointer-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KrPresentation::closed:
   *
   * Emitted once, when the presentation ends (Escape, or the window is closed), so the
   * editor window can come back.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  kr_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kringel/Kringel/ui/kr-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, stage);
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, pointer_layer);
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, indicator_label);
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, timer_label);
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, editing_label);
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, message_label);
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, notes_panel);
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, notes_title);
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, notes_description);
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, title_entry);
  gtk_widget_class_bind_template_child (widget_class, KrPresentation, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, get_child_position_cb);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.go-to", "u", go_to_action);
  gtk_widget_class_install_action (widget_class, "presentation.last-phase", NULL, last_phase_action);
  gtk_widget_class_install_action (widget_class, "presentation.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "presentation.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "presentation.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "presentation.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "presentation.redo", NULL, redo_action);
  gtk_widget_class_install_property_action (widget_class, "presentation.editing", "editing");
  gtk_widget_class_install_property_action (widget_class, "presentation.reveal", "reveal");
  gtk_widget_class_install_property_action (widget_class, "presentation.timer", "timer-visible");
  gtk_widget_class_install_property_action (widget_class, "presentation.pointer", "pointer-visible");

  gtk_widget_class_set_css_name (widget_class, "window");
}

static void
kr_presentation_init (KrPresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (gtk_widget_get_display (GTK_WIDGET (self)));

  self->renderer = kr_renderer_new (KR_THEME_PROJECTOR);
  self->stop_time = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->started_at = self->segment_start = g_get_monotonic_time ();
  self->viewport = (KrRect) { 0, 0, 1600, 900 };

  setup_input (self);
  setup_shortcuts (self);
  self->clock_source = g_timeout_add (250, clock_cb, self);
}

/* Public */

/**
 * kr_presentation_new:
 * @application: (nullable): the application the window belongs to
 * @selection: (nullable): the selection of the editor window, which the editing mode shares
 *
 * Returns: (transfer none): a presentation of the map of @editor, not shown yet; see
 *   kr_presentation_start(). Like every toplevel, it is owned by GTK until it is closed.
 */
KrPresentation *
kr_presentation_new (GtkApplication *application,
                     KrEditor       *editor,
                     KrSelection    *selection)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KR_IS_EDITOR (editor), NULL);
  g_return_val_if_fail (selection == NULL || KR_IS_SELECTION (selection), NULL);

  return g_object_new (KR_TYPE_PRESENTATION,
                       "application", application,
                       "editor", editor,
                       "selection", selection,
                       NULL);
}

/**
 * kr_presentation_pick_monitor:
 * @editor_monitor: (nullable): the monitor the editor window is on
 *
 * Returns: (transfer none) (nullable): a monitor other than @editor_monitor to present on
 *   (the projector), or %NULL when there is only one screen.
 */
GdkMonitor *
kr_presentation_pick_monitor (GdkDisplay *display,
                              GdkMonitor *editor_monitor)
{
  GListModel *monitors;
  guint n;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  monitors = gdk_display_get_monitors (display);
  n = g_list_model_get_n_items (monitors);
  if (n < 2)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      /* the list keeps its reference, so the monitor outlives this one */
      if (monitor != editor_monitor && (editor_monitor != NULL || i > 0))
        return monitor;
    }

  return NULL;
}

/**
 * kr_presentation_start:
 * @monitor: (nullable): where to present, or %NULL for wherever the window system puts it
 *
 * Shows the presentation full screen, the whole map first.
 */
void
kr_presentation_start (KrPresentation *self,
                       GdkMonitor     *monitor)
{
  GdkRectangle geometry = { 0 };

  g_return_if_fail (KR_IS_PRESENTATION (self));
  g_return_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor));

  if (monitor == NULL)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
      g_autoptr(GdkMonitor) first = g_list_model_get_item (monitors, 0);

      if (first != NULL)
        gdk_monitor_get_geometry (first, &geometry);
    }
  else
    gdk_monitor_get_geometry (monitor, &geometry);

  /* the size it gets where fullscreen is refused (or before the window manager answers) */
  if (geometry.width > 0 && geometry.height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);

  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));

  self->started_at = self->segment_start = g_get_monotonic_time ();
  g_hash_table_remove_all (self->stop_time);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->stage));
}

KrEditor *
kr_presentation_get_editor (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), NULL);

  return self->editor;
}

KrMap *
kr_presentation_get_map (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), NULL);

  return self->map;
}

guint
kr_presentation_get_n_phases (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), 0);

  return self->n_phases;
}

guint
kr_presentation_get_current_phase (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), 0);

  return self->current_phase;
}

/* Moves to @phase (0: the overview) with a zoom-and-pan; leaves any spotlight. */
void
kr_presentation_set_current_phase (KrPresentation *self,
                                   guint           phase)
{
  g_return_if_fail (KR_IS_PRESENTATION (self));

  phase = MIN (phase, self->n_phases);
  if (phase == self->current_phase && self->spotlight == NULL)
    return;

  g_clear_object (&self->spotlight);
  update_notes_panel (self);
  self->current_phase = phase;
  bank_time (self);
  show_current_stop (self, TRUE);
  update_labels (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPOTLIGHT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PHASE]);
}

/* The next stop: phase 1 after the overview, the overview again after the last phase. */
void
kr_presentation_next (KrPresentation *self)
{
  g_return_if_fail (KR_IS_PRESENTATION (self));

  kr_presentation_set_current_phase (self, self->current_phase >= self->n_phases ? OVERVIEW : self->current_phase + 1);
}

void
kr_presentation_previous (KrPresentation *self)
{
  g_return_if_fail (KR_IS_PRESENTATION (self));

  kr_presentation_set_current_phase (self, self->current_phase == OVERVIEW ? self->n_phases : self->current_phase - 1);
}

/* The part of the map the screen shows now, in map coordinates (centred on the screen). */
KrRect
kr_presentation_get_viewport (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), (KrRect) { 0 });

  return self->viewport;
}

/* Where the view is going: what the current stop shows, fitted to the screen's shape. */
KrRect
kr_presentation_get_target_viewport (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), (KrRect) { 0 });

  return self->target;
}

gboolean
kr_presentation_is_animating (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), FALSE);

  return self->tick_id != 0;
}

KrTouchpoint *
kr_presentation_get_spotlight (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), NULL);

  return self->spotlight;
}

/* Spotlights @touchpoint: zooms to it, dims the rest and shows its notes (NULL: none). */
void
kr_presentation_set_spotlight (KrPresentation *self,
                               KrTouchpoint   *touchpoint)
{
  g_return_if_fail (KR_IS_PRESENTATION (self));
  g_return_if_fail (touchpoint == NULL || KR_IS_TOUCHPOINT (touchpoint));

  if (self->spotlight != touchpoint)
    end_note (self, TRUE);   /* for the card lit until now */
  if (!g_set_object (&self->spotlight, touchpoint))
    return;

  update_notes_panel (self);
  show_current_stop (self, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self->stage));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPOTLIGHT]);
}

gboolean
kr_presentation_get_editing (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), FALSE);

  return self->editing;
}

/* Lets the facilitator drag, rename and connect cards; every change goes through the editor. */
void
kr_presentation_set_editing (KrPresentation *self,
                             gboolean        editing)
{
  g_return_if_fail (KR_IS_PRESENTATION (self));

  editing = !!editing;
  if (self->editing == editing)
    return;

  if (!editing)
    end_title_edit (self, TRUE);
  reset_drag (self);
  self->hover = NULL;
  self->editing = editing;
  if (editing)
    kr_presentation_set_spotlight (self, NULL);

  update_labels (self);
  update_actions (self);
  show_message (self, editing ? _("Editing: drag cards, double-click a card to rename it, drag from the dot on its edge "
                                  "to connect; Ctrl+Z undoes. E ends editing.")
                              : _("Editing ended"));
  gtk_widget_queue_draw (GTK_WIDGET (self->stage));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

gboolean
kr_presentation_get_reveal (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), FALSE);

  return self->reveal;
}

/* Progressive reveal: the phases after the current one stay hidden until they are reached. */
void
kr_presentation_set_reveal (KrPresentation *self,
                            gboolean        reveal)
{
  g_return_if_fail (KR_IS_PRESENTATION (self));

  reveal = !!reveal;
  if (self->reveal == reveal)
    return;

  self->reveal = reveal;
  show_message (self, reveal ? _("Phase by phase: the phases to come stay hidden")
                             : _("All phases shown"));
  gtk_widget_queue_draw (GTK_WIDGET (self->stage));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEAL]);
}

gboolean
kr_presentation_get_timer_visible (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), FALSE);

  return self->timer_visible;
}

/* Shows the time spent in the current phase; the clock runs either way. */
void
kr_presentation_set_timer_visible (KrPresentation *self,
                                   gboolean        visible)
{
  g_return_if_fail (KR_IS_PRESENTATION (self));

  visible = !!visible;
  if (self->timer_visible == visible)
    return;

  self->timer_visible = visible;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMER_VISIBLE]);
}

gboolean
kr_presentation_get_pointer_visible (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), FALSE);

  return self->pointer_visible;
}

/* A large highlight that follows the mouse, for the back of a big room. */
void
kr_presentation_set_pointer_visible (KrPresentation *self,
                                     gboolean        visible)
{
  g_return_if_fail (KR_IS_PRESENTATION (self));

  visible = !!visible;
  if (self->pointer_visible == visible)
    return;

  self->pointer_visible = visible;
  gtk_widget_queue_draw (GTK_WIDGET (self->pointer_layer));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINTER_VISIBLE]);
}

/* µs spent in the current stop, over all the visits to it. */
gint64
kr_presentation_get_phase_elapsed (KrPresentation *self)
{
  g_autofree char *key = NULL;
  gint64 elapsed;

  g_return_val_if_fail (KR_IS_PRESENTATION (self), 0);

  key = dup_stop_key (self);
  elapsed = banked_time (self, key);
  if (!self->closed && g_strcmp0 (key, self->segment_key) == 0)
    elapsed += g_get_monotonic_time () - self->segment_start;

  return elapsed;
}

/* µs since the presentation started. */
gint64
kr_presentation_get_total_elapsed (KrPresentation *self)
{
  g_return_val_if_fail (KR_IS_PRESENTATION (self), 0);

  return g_get_monotonic_time () - self->started_at;
}

/* "mm:ss", or "h:mm:ss" from an hour on. */
char *
kr_presentation_format_elapsed (gint64 elapsed)
{
  gint64 seconds = MAX (0, elapsed) / G_USEC_PER_SEC;

  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                            (int) (seconds / 60 % 60), (int) (seconds % 60));

  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/**
 * kr_presentation_dup_phase_label:
 * @phase: a stop: 0 for the overview, 1 … n for a phase
 *
 * Returns: (transfer full): what the indicator says at @phase, such as
 *   "Phase 2 of 6 — Consideration"
 */
char *
kr_presentation_dup_phase_label (KrPresentation *self,
                                 guint           phase)
{
  const char *title;

  g_return_val_if_fail (KR_IS_PRESENTATION (self), NULL);

  if (phase == OVERVIEW || phase > self->n_phases)
    {
      title = kr_map_get_title (self->map);
      if (title == NULL || *title == '\0')
        return g_strdup (_("Overview"));
      /* TRANSLATORS: the presentation's indicator while it shows the whole map; %s is its title */
      return g_strdup_printf (_("Overview — %s"), title);
    }

  title = kr_phase_get_title (kr_map_get_item (self->map, KR_ITEM_PHASE, phase - 1));
  if (title == NULL || *title == '\0')
    /* TRANSLATORS: the presentation's indicator, such as "Phase 2 of 6" */
    return g_strdup_printf (_("Phase %u of %u"), phase, self->n_phases);

  /* TRANSLATORS: the presentation's indicator, such as "Phase 2 of 6 — Consideration" */
  return g_strdup_printf (_("Phase %u of %u — %s"), phase, self->n_phases, title);
}
