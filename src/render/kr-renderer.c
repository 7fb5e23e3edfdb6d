/* kr-renderer.c
 *
 * kr_renderer_draw() paints the part of a map inside @viewport (map coordinates) onto any
 * cairo context whose transformation already maps map coordinates to the device. The canvas,
 * every export format and the presenter all come through here, so what is on screen and
 * what is in a file can not differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "kr-channel-icon.h"
#include "kr-layout.h"
#include "kr-line-mask.h"
#include "kr-paint.h"
#include "kr-renderer.h"
#include "kr-route.h"
#include "kr-scene.h"

#define CARD_RADIUS    10.0
#define CARD_PADDING   12.0
#define ACCENT_WIDTH    6.0
#define ARROW_LENGTH   12.0
#define FACE_SIZE      22.0

/* Below TINY_SCALE device pixels per map unit, cards are boxes a few pixels large and are
 * drawn together in a few fills (a card drawn alone costs cairo 10–40 µs: 10,000 of them do
 * not fit in a frame). */
#define TINY_SCALE 0.1

#define TEXT_CACHE_SIZE 2048   /* laid-out texts kept between frames */

/* Cards drawn in full are kept as pictures between frames, up to this many bytes, and
 * painted in one operation (about 10 µs instead of 100–200 µs for a card with its text). */
#define CARD_CACHE_BYTES (48 * 1024 * 1024)
#define CARD_CACHE_MAX_SCALE 3.0
#define CARD_MARGIN 4.0        /* map units around a card for its shadow and outline */
#define CARD_CACHE_MAX_FRAME (4096.0 * 4096.0)   /* larger pictures (exports) draw cards directly */

struct _KrRenderer
{
  GObject parent_instance;

  KrThemeId theme_id;
  const KrTheme *theme;

  /* a drag in progress: these cards are drawn moved by (preview_dx, preview_dy) */
  GHashTable *preview_moved;
  double preview_dx;
  double preview_dy;
  /* a resize in progress: this phase or lane is drawn at preview_size */
  KrItem *preview_resized;
  double preview_size;

  /* persona focus: cards of other personas are dimmed (highlight) or left out (filter) */
  char *highlight_persona;
  char *filter_persona;

  GHashTable *photos;   /* data: URI → cairo_surface_t, decoded persona photos */

  /* kept between frames: see kr-scene.c */
  KrScene *scene;             /* of the map drawn last */
  PangoContext *pango;
  GHashTable *texts;          /* key → CachedText */
  GQueue text_order;          /* of CachedText, most recently used first */
  GHashTable *cards;          /* KrTouchpoint → CachedCard */
  /* key → recording surface, for PDF (see draw_stamped ()). They outlive the documents
   * that show them: cairo 1.16 loses memory when a recording painted into a document is
   * destroyed before the document. */
  GHashTable *stamps;
  GHashTable *raster_stamps;  /* "key@scale" → image surface, see paint_raster_stamp () */
  GQueue card_order;          /* of CachedCard, most recently used first */
  gsize card_bytes;
  /* what is computed from all touchpoints, kept while the map is the same */
  KrScene *summary_scene;
  guint64 summary_version;
  GPtrArray *reading_order;
  GArray *progress;           /* Progress per phase, then the whole journey's */
  gboolean any_progress;
};

typedef struct
{
  char *key;
  PangoLayout *layout;
  GList link;
} CachedText;

typedef struct
{
  KrTouchpoint *touchpoint;   /* only compared, never used */
  guint64 version;
  double scale;
  cairo_surface_t *surface;
  int margin;                 /* device pixels around the card */
  GList link;
} CachedCard;

G_DEFINE_FINAL_TYPE (KrRenderer, kr_renderer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_THEME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one call of kr_renderer_draw() works with. */
typedef struct
{
  KrRenderer *renderer;
  const KrTheme *theme;
  cairo_t *cr;
  KrMap *map;
  KrLayout *layout;   /* the scene's */
  KrRect viewport;
  double scale;       /* device pixels per map unit, for level of detail; G_MAXDOUBLE on
                       * vector surfaces, which keep every detail: a PDF is zoomed into */
  KrScene *scene;
  KrSceneMove move;   /* the drag preview */
  KrRenderFlags layer;  /* KR_RENDER_STATIC_LAYER, KR_RENDER_MOVING_LAYER or neither */
  GHashTable *stamps;   /* on vector surfaces: the renderer's, see draw_stamped () */
  gboolean raster_stamps;   /* on raster surfaces, neither rotated nor stretched */
  gboolean painted_stamps;  /* kr_paint_begin_stamp() draws each once */
} Frame;

/* Below this many device pixels, text can not be read and is not drawn. */
#define LEGIBLE_PIXELS 4.0

static gboolean
legible (Frame  *frame,
         double  size)
{
  return size * frame->scale >= LEGIBLE_PIXELS;
}

static gboolean
has_persona (KrTouchpoint *touchpoint,
             const char   *persona_id)
{
  return g_strv_contains (kr_touchpoint_get_persona_ids (touchpoint), persona_id);
}

/* Whether @touchpoint is drawn at all: not when a persona filter leaves it out. */
static gboolean
card_visible (Frame        *frame,
              KrTouchpoint *touchpoint)
{
  const char *filter = frame->renderer->filter_persona;

  return filter == NULL || has_persona (touchpoint, filter);
}

/* Whether @touchpoint is drawn faded because another persona is highlighted. */
static gboolean
card_dimmed (Frame        *frame,
             KrTouchpoint *touchpoint)
{
  const char *highlight = frame->renderer->highlight_persona;

  return highlight != NULL && !has_persona (touchpoint, highlight);
}

/* Where the card of @touchpoint is drawn, a drag in progress included. */
static gboolean
card_rect (Frame        *frame,
           KrTouchpoint *touchpoint,
           KrRect       *rect)
{
  return kr_scene_get_card_rect (frame->scene, touchpoint, &frame->move, rect);
}

static void
cached_text_free (gpointer data)
{
  CachedText *text = data;

  g_free (text->key);
  g_object_unref (text->layout);
  g_free (text);
}

static void
clear_text_cache (KrRenderer *self)
{
  g_queue_init (&self->text_order);
  g_hash_table_remove_all (self->texts);
}

static void
cached_card_free (gpointer data)
{
  CachedCard *card = data;

  cairo_surface_destroy (card->surface);
  g_free (card);
}

static gsize
cached_card_bytes (CachedCard *card)
{
  return (gsize) cairo_image_surface_get_stride (card->surface) * cairo_image_surface_get_height (card->surface);
}

static void
clear_card_cache (KrRenderer *self)
{
  g_queue_init (&self->card_order);
  g_hash_table_remove_all (self->cards);
  self->card_bytes = 0;
}

static void
kr_renderer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KrRenderer *self = KR_RENDERER (object);

  switch (prop_id)
    {
    case PROP_THEME:
      g_value_set_uint (value, self->theme_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_renderer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KrRenderer *self = KR_RENDERER (object);

  switch (prop_id)
    {
    case PROP_THEME:
      kr_renderer_set_theme (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_renderer_dispose (GObject *object)
{
  KrRenderer *self = KR_RENDERER (object);

  kr_renderer_clear_preview (self);
  g_clear_pointer (&self->highlight_persona, g_free);
  g_clear_pointer (&self->filter_persona, g_free);
  g_clear_pointer (&self->photos, g_hash_table_unref);
  g_clear_pointer (&self->scene, kr_scene_free);
  g_clear_pointer (&self->reading_order, g_ptr_array_unref);
  g_clear_pointer (&self->progress, g_array_unref);
  clear_text_cache (self);
  clear_card_cache (self);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (kr_renderer_parent_class)->dispose (object);
}

static void
kr_renderer_finalize (GObject *object)
{
  KrRenderer *self = KR_RENDERER (object);

  g_hash_table_unref (self->texts);
  g_hash_table_unref (self->cards);
  g_hash_table_unref (self->stamps);
  g_hash_table_unref (self->raster_stamps);

  G_OBJECT_CLASS (kr_renderer_parent_class)->finalize (object);
}

static void
kr_renderer_class_init (KrRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kr_renderer_dispose;
  object_class->finalize = kr_renderer_finalize;
  object_class->get_property = kr_renderer_get_property;
  object_class->set_property = kr_renderer_set_property;

  properties[PROP_THEME] =
    g_param_spec_uint ("theme", NULL, NULL, 0, KR_N_THEMES - 1, KR_THEME_LIGHT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kr_renderer_init (KrRenderer *self)
{
  self->theme_id = KR_THEME_LIGHT;
  self->theme = kr_theme_get (KR_THEME_LIGHT);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, cached_text_free);
  g_queue_init (&self->text_order);
  self->cards = g_hash_table_new_full (NULL, NULL, NULL, cached_card_free);
  g_queue_init (&self->card_order);
  self->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cairo_surface_destroy);
  self->raster_stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) cairo_surface_destroy);
}

KrRenderer *
kr_renderer_new (KrThemeId theme)
{
  return g_object_new (KR_TYPE_RENDERER, "theme", theme, NULL);
}

KrThemeId
kr_renderer_get_theme (KrRenderer *self)
{
  g_return_val_if_fail (KR_IS_RENDERER (self), KR_THEME_LIGHT);

  return self->theme_id;
}

void
kr_renderer_set_theme (KrRenderer *self,
                       KrThemeId   theme)
{
  g_return_if_fail (KR_IS_RENDERER (self));
  g_return_if_fail (theme < KR_N_THEMES);

  if (self->theme_id == theme)
    return;

  self->theme_id = theme;
  self->theme = kr_theme_get (theme);
  clear_text_cache (self);   /* fonts and sizes come with the theme */
  clear_card_cache (self);
  g_hash_table_remove_all (self->stamps);
  g_hash_table_remove_all (self->raster_stamps);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

/* Drawing helpers */

static void
set_color (cairo_t       *cr,
           const KrColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static guint
pack_color (const KrColor *color)
{
  return (guint) (color->red * 255) << 24 | (guint) (color->green * 255) << 16 |
         (guint) (color->blue * 255) << 8 | (guint) (color->alpha * 255);
}

/* Adds a rectangle with rounded corners to the path, as a sub-path of its own. */
void
kr_rounded_rect_path (cairo_t      *cr,
                      const KrRect *rect,
                      double        radius)
{
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

#define STAMP_BLEED 4.0   /* map units a stamp's drawing may reach beyond its box */

typedef void (*StampFunc) (Frame         *frame,
                           double         x,
                           double         y,
                           gconstpointer  data);

#define MAX_RASTER_STAMPS 512

/* Runs @draw with @frame drawing on @cr instead of its own, then destroys @cr. */
static void
draw_into (Frame         *frame,
           cairo_t       *cr,
           double         x,
           double         y,
           StampFunc      draw,
           gconstpointer  data)
{
  cairo_t *frame_cr = frame->cr;

  frame->cr = cr;
  draw (frame, x, y, data);
  frame->cr = frame_cr;
  cairo_destroy (cr);
}

/* On raster surfaces a stamp is a picture at the frame's scale, painted where it lands on
 * whole pixels: there it looks as if drawn in place (up to rounding of a unit), and a card's
 * frame, icon and face cost one composite instead of their curves. */
static gboolean
paint_raster_stamp (Frame         *frame,
                    const char    *key,
                    double         width,
                    double         height,
                    double         x,
                    double         y,
                    StampFunc      draw,
                    gconstpointer  data)
{
  GHashTable *stamps = frame->renderer->raster_stamps;
  double device_x = x, device_y = y, scale = frame->scale;
  int bleed = (int) ceil (STAMP_BLEED * scale);
  g_autofree char *scaled_key = NULL;
  cairo_surface_t *stamp;

  cairo_user_to_device (frame->cr, &device_x, &device_y);
  if (fabs (device_x - round (device_x)) > 1e-6 || fabs (device_y - round (device_y)) > 1e-6)
    return FALSE;

  scaled_key = g_strdup_printf ("%s@%g", key, scale);
  stamp = g_hash_table_lookup (stamps, scaled_key);
  if (stamp == NULL)
    {
      cairo_t *cr;

      if (g_hash_table_size (stamps) >= MAX_RASTER_STAMPS)
        g_hash_table_remove_all (stamps);
      stamp = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale) + 2 * bleed,
                                          (int) ceil (height * scale) + 2 * bleed);
      cr = cairo_create (stamp);
      cairo_translate (cr, bleed, bleed);
      cairo_scale (cr, scale, scale);
      draw_into (frame, cr, 0, 0, draw, data);
      g_hash_table_insert (stamps, g_steal_pointer (&scaled_key), stamp);
    }

  cairo_save (frame->cr);
  cairo_identity_matrix (frame->cr);
  cairo_set_source_surface (frame->cr, stamp, round (device_x) - bleed, round (device_y) - bleed);
  cairo_paint (frame->cr);
  cairo_restore (frame->cr);
  return TRUE;
}

/* Draws what @draw draws at @x, @y. In PDF documents the decorations every card repeats
 * (its frame, channel icon, face, persona dots, labels) are recorded once per key and
 * painted from the recording: the PDF holds each once as a form XObject and refers to it,
 * instead of repeating its curves, whose numbers cost cairo most of an export's time. SVG
 * documents hold each once too (kr_paint_begin_stamp()). */
static void
draw_stamped (Frame         *frame,
              const char    *key,
              double         width,
              double         height,
              double         x,
              double         y,
              StampFunc      draw,
              gconstpointer  data)
{
  cairo_surface_t *stamp;

  if (frame->stamps == NULL)
    {
      if (frame->raster_stamps && paint_raster_stamp (frame, key, width, height, x, y, draw, data))
        return;
      if (kr_paint_begin_stamp (frame->cr, key, x, y))
        {
          draw (frame, x, y, data);
          kr_paint_end_stamp (frame->cr);
        }
      return;
    }

  stamp = g_hash_table_lookup (frame->stamps, key);
  if (stamp == NULL)
    {
      cairo_rectangle_t extents = { 0, 0, width + 2 * STAMP_BLEED, height + 2 * STAMP_BLEED };

      stamp = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      draw_into (frame, cairo_create (stamp), STAMP_BLEED, STAMP_BLEED, draw, data);
      g_hash_table_insert (frame->stamps, g_strdup (key), stamp);
    }

  cairo_save (frame->cr);
  cairo_set_source_surface (frame->cr, stamp, x - STAMP_BLEED, y - STAMP_BLEED);
  cairo_paint (frame->cr);
  cairo_restore (frame->cr);
}

static KrColor
phase_color (KrPhase *phase)
{
  KrColor color = { 0.24, 0.49, 0.85, 1 };

  kr_color_parse (kr_phase_get_color (phase), &color);
  return color;
}

typedef enum {
  TEXT_REGULAR,
  TEXT_BOLD,
} TextWeight;

static PangoContext *
create_pango_context (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: text wraps the same at every zoom and in every export, so one layout
   * serves every zoom and every surface. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  return context;
}

static PangoFontDescription *
create_font_description (const KrTheme *theme,
                         double         size,
                         TextWeight     weight)
{
  PangoFontDescription *font = pango_font_description_from_string (theme->font_family);

  pango_font_description_set_absolute_size (font, size * theme->font_scale * PANGO_SCALE);
  pango_font_description_set_weight (font, weight == TEXT_BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return font;
}

/* Fonts loaded ahead, see kr_renderer_preload_fonts() */
static GMutex preload_lock;
static GThread *preload_thread;
static PangoFontMap *preloaded_fonts;

/* Finding fonts (fontconfig sorts every font for each size) and reading their glyphs takes
 * a command-line export about 20 ms before it draws its first word: done here, on another
 * core, while the map is loaded and its arrows are routed. */
static gpointer
preload_fonts (gpointer data)
{
  static const struct { double size; TextWeight weight; } styles[] = {
    { 11, TEXT_REGULAR }, { 11, TEXT_BOLD }, { 12, TEXT_REGULAR }, { 12, TEXT_BOLD }, { 13, TEXT_BOLD },
    { 14, TEXT_BOLD }, { 15, TEXT_BOLD }, { 16, TEXT_BOLD }, { 18, TEXT_BOLD },
  };
  const KrTheme *theme = data;
  PangoFontMap *fonts = pango_cairo_font_map_new ();
  PangoContext *context = create_pango_context (fonts);
  g_autoptr(PangoLayout) layout = pango_layout_new (context);

  pango_layout_set_text (layout, "The quick brown fox jumps over the lazy dog: 0123456789, THE QUICK BROWN FOX "
                                 "JUMPS OVER THE LAZY DOG! ÄÖÜäöüß –“”„…✎", -1);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autoptr(PangoFontDescription) font = create_font_description (theme, styles[i].size, styles[i].weight);

      pango_layout_set_font_description (layout, font);
      pango_layout_get_pixel_size (layout, NULL, NULL);
    }

  g_object_unref (context);
  return fonts;
}

/**
 * kr_renderer_preload_fonts:
 *
 * Starts loading the fonts of @theme on another thread; the first renderer to lay out text
 * waits for them and every renderer uses them from then on. For a process that draws on one
 * thread only and not for GTK's text, such as the command line's export.
 */
void
kr_renderer_preload_fonts (KrThemeId theme)
{
  g_mutex_lock (&preload_lock);
  if (preload_thread == NULL && preloaded_fonts == NULL)
    preload_thread = g_thread_new ("kringel-fonts", preload_fonts, (gpointer) kr_theme_get (theme));
  g_mutex_unlock (&preload_lock);
}

/**
 * kr_renderer_wait_for_fonts:
 *
 * Waits until the fonts kr_renderer_preload_fonts() loads are there, if it was called.
 */
void
kr_renderer_wait_for_fonts (void)
{
  g_mutex_lock (&preload_lock);
  if (preload_thread != NULL)
    preloaded_fonts = g_thread_join (g_steal_pointer (&preload_thread));
  g_mutex_unlock (&preload_lock);
}

static PangoFontMap *
get_font_map (void)
{
  kr_renderer_wait_for_fonts ();
  return preloaded_fonts != NULL ? preloaded_fonts : pango_cairo_font_map_get_default ();
}

static char *
text_cache_key (const char     *text,
                double          size,
                TextWeight      weight,
                double          width,
                int             max_lines,
                PangoAlignment  alignment)
{
  return g_strdup_printf ("%d %d %d %d %d %s", (int) lround (size * PANGO_SCALE), weight, (int) (width * PANGO_SCALE),
                          max_lines, alignment, text);
}

static PangoLayout *
create_text_layout (PangoContext   *context,
                    const KrTheme  *theme,
                    const char     *text,
                    double          size,
                    TextWeight      weight,
                    double          width,
                    int             max_lines,
                    PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = create_font_description (theme, size, weight);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, max_lines > 0 ? -max_lines : -1);
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* Keeps @layout under @key, both taken, as the most recently used. */
static void
cache_text_layout (KrRenderer  *self,
                   char        *key,
                   PangoLayout *layout)
{
  CachedText *cached = g_new0 (CachedText, 1);

  cached->key = key;
  cached->layout = layout;
  cached->link.data = cached;
  g_hash_table_insert (self->texts, cached->key, cached);
  g_queue_push_head_link (&self->text_order, &cached->link);

  if (self->text_order.length > TEXT_CACHE_SIZE)
    {
      GList *oldest = g_queue_pop_tail_link (&self->text_order);

      g_hash_table_remove (self->texts, ((CachedText *) oldest->data)->key);
    }
}

/* The layout of @text with these properties, made once and kept while it is used (the
 * TEXT_CACHE_SIZE most recently drawn texts are kept). */
static PangoLayout *
get_text_layout (Frame          *frame,
                 const char     *text,
                 double          size,
                 TextWeight      weight,
                 double          width,
                 int             max_lines,
                 PangoAlignment  alignment)
{
  KrRenderer *self = frame->renderer;
  g_autofree char *key = text_cache_key (text, size, weight, width, max_lines, alignment);
  CachedText *cached = g_hash_table_lookup (self->texts, key);
  PangoLayout *layout;

  if (cached != NULL)
    {
      g_queue_unlink (&self->text_order, &cached->link);
      g_queue_push_head_link (&self->text_order, &cached->link);
      return cached->layout;
    }

  if (self->pango == NULL)
    self->pango = create_pango_context (get_font_map ());

  layout = create_text_layout (self->pango, frame->theme, text, size, weight, width, max_lines, alignment);
  cache_text_layout (self, g_steal_pointer (&key), layout);
  return layout;
}

#define GREEKED_MAX_LINES 40

/* Text too small to read, as grey lines where it would be: as many as it would take (about
 * half its size a letter, as an estimate), the last as long as what is left of it. Returns
 * their height. */
static double
draw_greeked_text (Frame          *frame,
                   const char     *text,
                   double          size,
                   const KrColor  *color,
                   double          x,
                   double          y,
                   double          width,
                   int             max_lines,
                   PangoAlignment  alignment)
{
  double em = size * frame->theme->font_scale, line_height = em * 1.2;
  double length = g_utf8_strlen (text, -1) * em * 0.55;
  KrColor grey = *color;
  int lines = 0;

  /* lines under a pixel high are not seen */
  if (em * 0.5 * frame->scale < 1 || width <= 0)
    return 0;

  if (max_lines <= 0)
    max_lines = GREEKED_MAX_LINES;
  for (; lines < max_lines && length > 0; lines++, length -= width)
    {
      double line_width = MIN (length, width);
      double left = alignment == PANGO_ALIGN_CENTER ? x + (width - line_width) / 2
                    : alignment == PANGO_ALIGN_RIGHT ? x + width - line_width : x;

      cairo_rectangle (frame->cr, left, y + lines * line_height + em * 0.35, line_width, em * 0.5);
    }
  grey.alpha *= 0.3;
  set_color (frame->cr, &grey);
  kr_paint_fill (frame->cr);
  return lines * line_height;
}

/* Lays out @text in at most @width and @max_lines lines, ellipsized; returns its height.
 * Too small to read, it is grey lines instead. */
static double
draw_text (Frame         *frame,
           const char    *text,
           double         size,
           TextWeight     weight,
           const KrColor *color,
           double         x,
           double         y,
           double         width,
           int            max_lines,
           PangoAlignment alignment)
{
  PangoLayout *layout;
  int text_width, text_height;

  if (text == NULL || *text == '\0')
    return 0;
  if (!legible (frame, size))
    return draw_greeked_text (frame, text, size, color, x, y, width, max_lines, alignment);

  layout = get_text_layout (frame, text, size, weight, width, max_lines, alignment);

  set_color (frame->cr, color);
  cairo_move_to (frame->cr, x, y);
  kr_paint_layout (frame->cr, layout);

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  return text_height;
}

/* A line of text many cards repeat: a channel's name, points, a count of notes. */
typedef struct
{
  const char *text;
  double size;
  TextWeight weight;
  const KrColor *color;
  double width;
  PangoAlignment alignment;
} Label;

static void
draw_label_at (Frame         *frame,
               double         x,
               double         y,
               gconstpointer  data)
{
  const Label *label = data;

  draw_text (frame, label->text, label->size, label->weight, label->color, x, y, label->width, 1, label->alignment);
}

static void
draw_label (Frame       *frame,
            const Label *label,
            double       x,
            double       y)
{
  g_autofree char *key = NULL;

  if (frame->stamps == NULL && !frame->raster_stamps && !frame->painted_stamps)
    {
      draw_label_at (frame, x, y, label);
      return;
    }

  key = g_strdup_printf ("label %x %g %d %g %d %s", pack_color (label->color), label->size, label->weight,
                         label->width, label->alignment, label->text);
  draw_stamped (frame, key, label->width, 2 * label->size * frame->theme->font_scale, x, y, draw_label_at, label);
}

/* Phases, lanes and headers */

static void
draw_background (Frame *frame)
{
  KrRect bounds = kr_layout_get_bounds (frame->layout);
  KrRect area = kr_rect_union (&bounds, &frame->viewport);

  set_color (frame->cr, &frame->theme->background);
  cairo_rectangle (frame->cr, area.x, area.y, area.width, area.height);
  kr_paint_fill (frame->cr);
}

static void
draw_phase_columns (Frame *frame)
{
  guint n = kr_layout_get_n_phases (frame->layout);

  for (guint i = 0; i < n; i++)
    {
      KrPhase *phase = kr_map_get_item (frame->map, KR_ITEM_PHASE, i);
      KrRect column = kr_layout_get_phase_column (frame->layout, i);
      KrColor accent = phase_color (phase);
      KrColor band = kr_color_mix (&accent, &frame->theme->band_tint, frame->theme->band_tint_amount);

      if (!kr_rect_intersects (&column, &frame->viewport))
        continue;

      set_color (frame->cr, &band);
      cairo_rectangle (frame->cr, column.x, column.y, column.width, column.height);
      kr_paint_fill (frame->cr);

      /* the border to the next column */
      set_color (frame->cr, &frame->theme->grid_line);
      cairo_rectangle (frame->cr, kr_rect_right (&column) - 1, column.y, 1, column.height);
      kr_paint_fill (frame->cr);
    }
}

static void
draw_lane_titles (Frame *frame)
{
  guint n = kr_layout_get_n_lanes (frame->layout);
  gboolean named = kr_layout_has_lanes (frame->layout);

  for (guint i = 0; i < n; i++)
    {
      KrRect row = kr_layout_get_lane_row (frame->layout, i);
      KrRect title_cell = { 0, row.y, KR_LAYOUT_LANE_HEADER_WIDTH, row.height };

      if (!kr_rect_intersects (&title_cell, &frame->viewport))
        continue;

      set_color (frame->cr, &frame->theme->lane_header);
      cairo_rectangle (frame->cr, title_cell.x, title_cell.y, title_cell.width, title_cell.height);
      kr_paint_fill (frame->cr);

      if (named)
        draw_text (frame, kr_lane_get_title (kr_map_get_item (frame->map, KR_ITEM_LANE, i)), 15, TEXT_BOLD,
                   &frame->theme->text, 16, row.y + 16, KR_LAYOUT_LANE_HEADER_WIDTH - 32, 4, PANGO_ALIGN_LEFT);

      set_color (frame->cr, &frame->theme->grid_line);
      cairo_rectangle (frame->cr, 0, kr_rect_bottom (&row) - 1, title_cell.width, 1);
      cairo_rectangle (frame->cr, title_cell.width - 1, row.y, 1, row.height);
      kr_paint_fill (frame->cr);
    }
}

/* The lines between the rows; the lane titles come with the headers. */
static void
draw_lane_lines (Frame *frame)
{
  guint n = kr_layout_get_n_lanes (frame->layout);

  set_color (frame->cr, &frame->theme->grid_line);
  for (guint i = 0; i < n; i++)
    {
      KrRect row = kr_layout_get_lane_row (frame->layout, i);

      cairo_rectangle (frame->cr, 0, kr_rect_bottom (&row) - 1, row.width, 1);
    }
  kr_paint_fill (frame->cr);
}

static gboolean has_progress (Frame *frame);
static void update_summary (Frame *frame);

#define PROGRESS_WIDTH 130.0

static void
draw_phase_headers (Frame *frame)
{
  gboolean progress_shown = has_progress (frame);
  guint n = kr_layout_get_n_phases (frame->layout);
  double top = kr_layout_get_header_top (frame->layout);
  KrRect corner = { 0, top, KR_LAYOUT_LANE_HEADER_WIDTH, KR_LAYOUT_PHASE_HEADER_HEIGHT };

  set_color (frame->cr, &frame->theme->header_background);
  cairo_rectangle (frame->cr, corner.x, corner.y, corner.width, corner.height);
  kr_paint_fill (frame->cr);

  for (guint i = 0; i < n; i++)
    {
      KrPhase *phase = kr_map_get_item (frame->map, KR_ITEM_PHASE, i);
      KrRect header = kr_layout_get_phase_header (frame->layout, i);
      KrColor accent = phase_color (phase);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      double text_x = header.x + 20;
      double text_width = header.width - 40;
      double title_height;

      if (!kr_rect_intersects (&header, &frame->viewport))
        continue;

      set_color (frame->cr, &frame->theme->header_background);
      cairo_rectangle (frame->cr, header.x, header.y, header.width, header.height);
      kr_paint_fill (frame->cr);

      set_color (frame->cr, &accent);
      cairo_rectangle (frame->cr, header.x, header.y, header.width, 6);
      kr_paint_fill (frame->cr);

      if (progress_shown)
        text_width -= PROGRESS_WIDTH + 12;

      draw_text (frame, number, 13, TEXT_BOLD, &frame->theme->text_muted,
                 text_x, header.y + 16, text_width, 1, PANGO_ALIGN_LEFT);
      title_height = draw_text (frame, kr_phase_get_title (phase), 18, TEXT_BOLD, &frame->theme->text,
                                text_x + 22, header.y + 14, text_width - 22, 1, PANGO_ALIGN_LEFT);
      draw_text (frame, kr_phase_get_description (phase), 12, TEXT_REGULAR, &frame->theme->text_muted,
                 text_x + 22, header.y + 18 + MAX (title_height, 20), text_width - 22, 1, PANGO_ALIGN_LEFT);

      set_color (frame->cr, &frame->theme->grid_line);
      cairo_rectangle (frame->cr, kr_rect_right (&header) - 1, header.y + 6, 1, header.height - 6);
      kr_paint_fill (frame->cr);
    }

  set_color (frame->cr, &frame->theme->grid_line);
  cairo_rectangle (frame->cr, 0, top + KR_LAYOUT_PHASE_HEADER_HEIGHT - 1,
                   kr_layout_get_bounds (frame->layout).width, 1);
  kr_paint_fill (frame->cr);
}

/* Cards */

static KrColor
emotion_color (const KrTheme *theme,
               int            emotion)
{
  double amount = (CLAMP (emotion, 1, 5) - 1) / 4.0;

  if (amount <= 0.5)
    return kr_color_mix (&theme->emotion_low, &theme->emotion_mid, amount * 2);

  return kr_color_mix (&theme->emotion_mid, &theme->emotion_high, (amount - 0.5) * 2);
}

/* A round face whose mouth curves from a frown (1) to a smile (5). */
static void
draw_emotion_face (Frame  *frame,
                   int     emotion,
                   double  x,
                   double  y,
                   double  size)
{
  cairo_t *cr = frame->cr;
  KrColor color = emotion_color (frame->theme, emotion);
  double r = size / 2, cx = x + r, cy = y + r;
  double curve = (CLAMP (emotion, 1, 5) - 3) / 2.0;   /* −1 … 1 */

  set_color (cr, &color);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  kr_paint_fill (cr);

  set_color (cr, &frame->theme->card_background);
  cairo_arc (cr, cx - r * 0.35, cy - r * 0.2, r * 0.12, 0, 2 * G_PI);
  kr_paint_fill (cr);
  cairo_arc (cr, cx + r * 0.35, cy - r * 0.2, r * 0.12, 0, 2 * G_PI);
  kr_paint_fill (cr);

  cairo_save (cr);   /* the round cap is the mouth's only */
  cairo_set_line_width (cr, MAX (1.5, size / 12));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, cx - r * 0.45, cy + r * 0.3 - curve * r * 0.12);
  cairo_curve_to (cr, cx - r * 0.2, cy + r * 0.3 + curve * r * 0.3,
                  cx + r * 0.2, cy + r * 0.3 + curve * r * 0.3,
                  cx + r * 0.45, cy + r * 0.3 - curve * r * 0.12);
  kr_paint_stroke (cr);
  cairo_restore (cr);
}

static void
draw_card_face (Frame         *frame,
                double         x,
                double         y,
                gconstpointer  emotion)
{
  draw_emotion_face (frame, *(const int *) emotion, x, y, FACE_SIZE);
}

static KrColor
persona_color (KrMap      *map,
               const char *persona_id)
{
  KrPersona *persona = kr_map_lookup_persona (map, persona_id);
  KrColor color = { 0.56, 0.36, 0.82, 1 };

  if (persona != NULL)
    kr_color_parse (kr_persona_get_color (persona), &color);

  return color;
}

static double
badge_width (Frame      *frame,
             const char *text)
{
  return 12 + 8 * g_utf8_strlen (text, -1) * frame->theme->font_scale;
}

static void
draw_badge_at (Frame         *frame,
               double         x,
               double         y,
               gconstpointer  text)
{
  KrRect pill = { x, y, badge_width (frame, text), 18 };

  set_color (frame->cr, &frame->theme->badge_background);
  kr_rounded_rect_path (frame->cr, &pill, 9);
  kr_paint_fill (frame->cr);
  draw_text (frame, text, 11, TEXT_BOLD, &frame->theme->badge_text,
             pill.x, pill.y + 2, pill.width, 1, PANGO_ALIGN_CENTER);
}

/* A pill with a count, such as the number of notes, ending at @right. */
static void
draw_badge (Frame      *frame,
            const char *text,
            double      right,
            double      y)
{
  double width = badge_width (frame, text);
  g_autofree char *key = g_strdup_printf ("badge %s", text);

  draw_stamped (frame, key, width, 18, right - width, y, draw_badge_at, text);
}

static void
draw_done_check (Frame         *frame,
                 double         x,
                 double         y,
                 gconstpointer  unused)
{
  cairo_t *cr = frame->cr;

  set_color (cr, &frame->theme->emotion_high);
  cairo_new_path (cr);
  cairo_arc (cr, x + 9, y + 9, 9, 0, 2 * G_PI);
  kr_paint_fill (cr);
  set_color (cr, &frame->theme->card_background);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x + 5, y + 9.5);
  cairo_line_to (cr, x + 8, y + 12.5);
  cairo_line_to (cr, x + 13.5, y + 6);
  kr_paint_stroke (cr);
}

static double
draw_done_mark (Frame        *frame,
                KrTouchpoint *touchpoint,
                double        right,
                double        y)
{
  if (!kr_touchpoint_get_done (touchpoint))
    return 0;

  draw_stamped (frame, "done", 18, 18, right - 18, y, draw_done_check, NULL);
  return 18;
}

/* A persona's dot on a card, ringed in the card's colour. */
static void
draw_persona_dot (Frame         *frame,
                  double         x,
                  double         y,
                  gconstpointer  color)
{
  set_color (frame->cr, color);
  cairo_new_path (frame->cr);
  cairo_arc (frame->cr, x + 6, y + 6, 6, 0, 2 * G_PI);
  kr_paint_fill_preserve (frame->cr);
  set_color (frame->cr, &frame->theme->card_background);
  cairo_set_line_width (frame->cr, 1.5);
  kr_paint_stroke (frame->cr);
}

static void
draw_card_footer (Frame        *frame,
                  KrTouchpoint *touchpoint,
                  const KrRect *card)
{
  const char * const *personas = kr_touchpoint_get_persona_ids (touchpoint);
  guint n_notes = g_list_model_get_n_items (kr_touchpoint_get_notes (touchpoint));
  double y = kr_rect_bottom (card) - CARD_PADDING - 18;
  double right = kr_rect_right (card) - CARD_PADDING;
  double x = card->x + ACCENT_WIDTH + CARD_PADDING;

  for (guint i = 0; personas && personas[i] && i < 6; i++)
    {
      KrColor color = persona_color (frame->map, personas[i]);
      char key[32];

      g_snprintf (key, sizeof key, "dot %x", pack_color (&color));
      draw_stamped (frame, key, 12, 12, x + 1 + i * 12, y + 3, draw_persona_dot, &color);
    }

  right -= draw_done_mark (frame, touchpoint, right, y);

  if (kr_touchpoint_get_points (touchpoint) > 0)
    {
      /* TRANSLATORS: progress points of a touchpoint, shown on its card */
      int n_points = kr_touchpoint_get_points (touchpoint);
      g_autofree char *points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d pt", "%d pts", n_points),
                                                 n_points);

      right -= 6;
      draw_label (frame, &(Label) { points, 11, TEXT_BOLD, &frame->theme->text_muted, 60, PANGO_ALIGN_RIGHT },
                  right - 60, y + 2);
      right -= 62;
    }

  if (n_notes > 0)
    {
      g_autofree char *count = g_strdup_printf ("✎ %u", n_notes);

      draw_badge (frame, count, right, y);
    }
}

/* A card too small to read: its shape and colour only. */
static void
draw_card_shape (Frame        *frame,
                 const KrRect *card,
                 const KrColor *accent)
{
  cairo_t *cr = frame->cr;

  set_color (cr, &frame->theme->card_background);
  cairo_rectangle (cr, card->x, card->y, card->width, card->height);
  kr_paint_fill (cr);
  set_color (cr, accent);
  cairo_rectangle (cr, card->x, card->y, ACCENT_WIDTH * 2, card->height);
  kr_paint_fill (cr);
}

typedef struct
{
  double width, height;
  KrColor accent;
  gboolean direct;
} CardFrame;

/* A card's shadow, face, accent strip and outline. */
static void
draw_card_frame (Frame         *frame,
                 double         x,
                 double         y,
                 gconstpointer  data)
{
  const CardFrame *card_frame = data;
  cairo_t *cr = frame->cr;
  KrRect card = { x, y, card_frame->width, card_frame->height };
  KrRect shadow = { x, y + 2, card.width, card.height };

  set_color (cr, &frame->theme->card_shadow);
  kr_rounded_rect_path (cr, &shadow, CARD_RADIUS);
  kr_paint_fill (cr);

  set_color (cr, &frame->theme->card_background);
  kr_rounded_rect_path (cr, &card, CARD_RADIUS);
  kr_paint_fill_preserve (cr);

  /* the accent strip, clipped to the card's rounded corners */
  kr_paint_push_clip (cr);
  set_color (cr, &card_frame->accent);
  cairo_rectangle (cr, card.x, card.y, ACCENT_WIDTH, card.height);
  kr_paint_fill (cr);
  kr_paint_pop_clip (cr);

  /* indirect touchpoints (word of mouth, reviews) get a dashed outline */
  kr_rounded_rect_path (cr, &card, CARD_RADIUS);
  set_color (cr, &frame->theme->card_border);
  cairo_set_line_width (cr, frame->theme->card_border_width);
  if (!card_frame->direct)
    cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
  kr_paint_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_channel_icon (Frame         *frame,
                   double         x,
                   double         y,
                   gconstpointer  kind)
{
  set_color (frame->cr, &frame->theme->text_muted);
  kr_channel_icon_draw (frame->cr, *(const KrChannel *) kind, x, y, 14);
}

#define TITLE_SIZE 14

static double
card_title_width (const KrRect *card)
{
  return card->width - ACCENT_WIDTH - 2 * CARD_PADDING;
}

/* As many title lines as fit above the footer (fewer with the projector's large type). */
static int
card_title_lines (Frame        *frame,
                  const KrRect *card)
{
  int lines = (int) ((card->height - 2 * CARD_PADDING - 18 - 20) / (TITLE_SIZE * frame->theme->font_scale * 1.2));

  return CLAMP (lines, 1, 2);
}

static void
draw_card (Frame        *frame,
           KrTouchpoint *touchpoint,
           const KrRect *card)
{
  KrPhase *phase = kr_map_lookup_phase (frame->map, kr_touchpoint_get_phase_id (touchpoint));
  KrColor accent = phase ? phase_color (phase) : frame->theme->connection;
  double inner_x = card->x + ACCENT_WIDTH + CARD_PADDING;
  double inner_width = card_title_width (card);
  const char *channel = kr_touchpoint_get_channel (touchpoint);
  KrChannel kind = kr_channel_from_string (channel);
  int emotion = kr_touchpoint_get_emotion (touchpoint);
  int title_lines;
  char key[64];

  kr_color_parse (kr_touchpoint_get_color (touchpoint), &accent);

  if (!legible (frame, TITLE_SIZE))
    {
      draw_card_shape (frame, card, &accent);
      draw_text (frame, kr_touchpoint_get_title (touchpoint), TITLE_SIZE, TEXT_BOLD, &frame->theme->text,
                 inner_x, card->y + CARD_PADDING + 20, inner_width, card_title_lines (frame, card), PANGO_ALIGN_LEFT);
      return;
    }

  g_snprintf (key, sizeof key, "card %x %x %x %d", (guint) (card->width * 64), (guint) (card->height * 64),
              pack_color (&accent), kr_touchpoint_get_direct (touchpoint));
  draw_stamped (frame, key, card->width, card->height, card->x, card->y, draw_card_frame,
                &(CardFrame) { card->width, card->height, accent, kr_touchpoint_get_direct (touchpoint) });

  g_snprintf (key, sizeof key, "icon %d", kind);
  draw_stamped (frame, key, 14, 14, inner_x, card->y + CARD_PADDING, draw_channel_icon, &kind);
  draw_label (frame, &(Label) { kr_channel_get_display_name (channel), 11, TEXT_REGULAR, &frame->theme->text_muted,
                                inner_width - 19 - FACE_SIZE - 4, PANGO_ALIGN_LEFT },
              inner_x + 19, card->y + CARD_PADDING - 0.5);

  g_snprintf (key, sizeof key, "face %d", emotion);
  draw_stamped (frame, key, FACE_SIZE, FACE_SIZE, kr_rect_right (card) - CARD_PADDING - FACE_SIZE,
                card->y + CARD_PADDING - 4, draw_card_face, &emotion);

  title_lines = card_title_lines (frame, card);
  draw_text (frame, kr_touchpoint_get_title (touchpoint), TITLE_SIZE, TEXT_BOLD, &frame->theme->text,
             inner_x, card->y + CARD_PADDING + 20, inner_width, title_lines, PANGO_ALIGN_LEFT);

  draw_card_footer (frame, touchpoint, card);
}

static KrColor
card_accent (Frame        *frame,
             KrTouchpoint *touchpoint)
{
  KrPhase *phase = kr_map_lookup_phase (frame->map, kr_touchpoint_get_phase_id (touchpoint));
  KrColor accent = phase ? phase_color (phase) : frame->theme->connection;

  kr_color_parse (kr_touchpoint_get_color (touchpoint), &accent);
  return accent;
}

/* @rect in whole device pixels: boxes on pixel boundaries are what cairo fills fastest. */
static cairo_rectangle_int_t
device_box (cairo_t      *cr,
            const KrRect *rect)
{
  double x1 = rect->x, y1 = rect->y, x2 = kr_rect_right (rect), y2 = kr_rect_bottom (rect);

  cairo_user_to_device (cr, &x1, &y1);
  cairo_user_to_device (cr, &x2, &y2);
  x1 = round (x1), y1 = round (y1), x2 = round (x2), y2 = round (y2);

  return (cairo_rectangle_int_t) { (int) x1, (int) y1, (int) MAX (x2 - x1, 1), (int) MAX (y2 - y1, 1) };
}

/* Cards of a few pixels: outlined boxes in two fills and accents in one fill per colour, all
 * on whole device pixels. Dimmed cards (another persona highlighted) are left as outlines. */
static void
draw_tiny_cards (Frame     *frame,
                 GPtrArray *touchpoints,
                 GArray    *rects)
{
  cairo_t *cr = frame->cr;
  g_autoptr(GHashTable) by_accent = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) boxes = g_array_sized_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t), rects->len);
  int accent_width = MAX (1, (int) round (ACCENT_WIDTH * frame->scale));
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < rects->len; i++)
    {
      cairo_rectangle_int_t box = device_box (cr, &g_array_index (rects, KrRect, i));

      g_array_append_val (boxes, box);
    }

  cairo_save (cr);
  cairo_identity_matrix (cr);

  set_color (cr, &frame->theme->card_border);
  for (guint i = 0; i < boxes->len; i++)
    {
      cairo_rectangle_int_t *box = &g_array_index (boxes, cairo_rectangle_int_t, i);

      cairo_rectangle (cr, box->x, box->y, box->width, box->height);
    }
  kr_paint_fill (cr);

  set_color (cr, &frame->theme->card_background);
  for (guint i = 0; i < boxes->len; i++)
    {
      cairo_rectangle_int_t *box = &g_array_index (boxes, cairo_rectangle_int_t, i);

      if (box->width > 2 && box->height > 2)
        cairo_rectangle (cr, box->x + 1, box->y + 1, box->width - 2, box->height - 2);
    }
  kr_paint_fill (cr);

  for (guint i = 0; i < touchpoints->len; i++)
    {
      KrColor accent = card_accent (frame, touchpoints->pdata[i]);
      guint rgba = pack_color (&accent);
      GArray *group;

      if (card_dimmed (frame, touchpoints->pdata[i]))
        continue;

      group = g_hash_table_lookup (by_accent, GUINT_TO_POINTER (rgba));
      if (group == NULL)
        {
          group = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
          g_hash_table_insert (by_accent, GUINT_TO_POINTER (rgba), group);
        }
      g_array_append_val (group, g_array_index (boxes, cairo_rectangle_int_t, i));
    }

  g_hash_table_iter_init (&iter, by_accent);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *group = value;
      guint rgba = GPOINTER_TO_UINT (key);

      for (guint i = 0; i < group->len; i++)
        {
          cairo_rectangle_int_t *box = &g_array_index (group, cairo_rectangle_int_t, i);

          cairo_rectangle (cr, box->x, box->y, MIN (accent_width, box->width), box->height);
        }
      cairo_set_source_rgba (cr, (rgba >> 24) / 255.0, ((rgba >> 16) & 0xff) / 255.0,
                             ((rgba >> 8) & 0xff) / 255.0, (rgba & 0xff) / 255.0);
      kr_paint_fill (cr);
    }

  cairo_restore (cr);
}

/* The picture of @touchpoint's card at the frame's scale, drawn now if the kept one is
 * missing or out of date. */
static CachedCard *
get_card_picture (Frame        *frame,
                  KrTouchpoint *touchpoint,
                  const KrRect *card)
{
  KrRenderer *self = frame->renderer;
  guint64 version = kr_scene_get_card_version (frame->scene, touchpoint);
  CachedCard *cached = g_hash_table_lookup (self->cards, touchpoint);
  int margin = (int) ceil (CARD_MARGIN * frame->scale);
  cairo_t *cr, *frame_cr = frame->cr;

  if (cached != NULL && cached->version == version && cached->scale == frame->scale)
    {
      g_queue_unlink (&self->card_order, &cached->link);
      g_queue_push_head_link (&self->card_order, &cached->link);
      return cached;
    }

  if (cached != NULL)
    {
      g_queue_unlink (&self->card_order, &cached->link);
      self->card_bytes -= cached_card_bytes (cached);
      g_hash_table_remove (self->cards, touchpoint);
    }

  cached = g_new0 (CachedCard, 1);
  cached->touchpoint = touchpoint;
  cached->version = version;
  cached->scale = frame->scale;
  cached->margin = margin;
  cached->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                (int) ceil (card->width * frame->scale) + 2 * margin,
                                                (int) ceil (card->height * frame->scale) + 2 * margin);
  cached->link.data = cached;

  cr = cairo_create (cached->surface);
  cairo_translate (cr, margin, margin);
  cairo_scale (cr, frame->scale, frame->scale);
  cairo_translate (cr, -card->x, -card->y);
  frame->cr = cr;
  draw_card (frame, touchpoint, card);
  frame->cr = frame_cr;
  cairo_destroy (cr);

  g_hash_table_insert (self->cards, touchpoint, cached);
  g_queue_push_head_link (&self->card_order, &cached->link);
  self->card_bytes += cached_card_bytes (cached);

  while (self->card_bytes > CARD_CACHE_BYTES && self->card_order.length > 1)
    {
      CachedCard *oldest = g_queue_pop_tail_link (&self->card_order)->data;

      self->card_bytes -= cached_card_bytes (oldest);
      g_hash_table_remove (self->cards, oldest->touchpoint);
    }

  return cached;
}

/* Whether cards may be painted from pictures: on raster surfaces, at zooms where pictures
 * stay small and cards show their text, when the map is neither rotated nor stretched. */
static gboolean
can_use_card_pictures (Frame *frame)
{
  cairo_matrix_t matrix;

  if (frame->scale == G_MAXDOUBLE || frame->scale > CARD_CACHE_MAX_SCALE || !legible (frame, 14) ||
      frame->viewport.width * frame->viewport.height * frame->scale * frame->scale > CARD_CACHE_MAX_FRAME)
    return FALSE;

  cairo_get_matrix (frame->cr, &matrix);
  return matrix.xy == 0 && matrix.yx == 0 && matrix.xx == matrix.yy;
}

static void
draw_one_card (Frame        *frame,
               KrTouchpoint *touchpoint,
               const KrRect *card,
               gboolean      use_pictures)
{
  gboolean dimmed = card_dimmed (frame, touchpoint);
  CachedCard *picture;
  double x = card->x, y = card->y;

  if (!use_pictures)
    {
      if (dimmed)
        kr_paint_push_group (frame->cr);
      draw_card (frame, touchpoint, card);
      if (dimmed)
        kr_paint_pop_group_with_alpha (frame->cr, 0.22);
      return;
    }

  /* painted on whole device pixels, so the picture is not resampled */
  picture = get_card_picture (frame, touchpoint, card);
  cairo_user_to_device (frame->cr, &x, &y);
  cairo_save (frame->cr);
  cairo_identity_matrix (frame->cr);
  cairo_set_source_surface (frame->cr, picture->surface, round (x) - picture->margin, round (y) - picture->margin);
  cairo_paint_with_alpha (frame->cr, dimmed ? 0.22 : 1);
  cairo_restore (frame->cr);
}

/* The visible cards, bottom to top, and their rectangles; cards being dragged last, above
 * the others. */
static void
collect_cards (Frame      *frame,
               GPtrArray **drawn_out,
               GArray    **rects_out)
{
  KrSpatialIndex *index = kr_scene_get_cards (frame->scene);
  KrRect reach = kr_rect_inflate (&frame->viewport, 4);
  g_autoptr(GPtrArray) visible = frame->layer == KR_RENDER_MOVING_LAYER ? g_ptr_array_new ()
                                                                       : kr_spatial_index_query (index, &reach);
  GHashTable *moved = frame->move.moved;
  GPtrArray *drawn = g_ptr_array_sized_new (visible->len);
  GArray *rects = g_array_sized_new (FALSE, FALSE, sizeof (KrRect), visible->len);

  for (guint i = 0; i < visible->len; i++)
    if (moved == NULL || !g_hash_table_contains (moved, visible->pdata[i]))
      g_ptr_array_add (drawn, visible->pdata[i]);

  if (moved != NULL && frame->layer != KR_RENDER_STATIC_LAYER)
    {
      g_autoptr(GPtrArray) moving = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer touchpoint;

      g_hash_table_iter_init (&iter, moved);
      while (g_hash_table_iter_next (&iter, &touchpoint, NULL))
        g_ptr_array_add (moving, touchpoint);
      kr_spatial_index_sort (index, moving);
      for (guint i = 0; i < moving->len; i++)
        g_ptr_array_add (drawn, moving->pdata[i]);
    }

  for (guint i = 0; i < drawn->len; i++)
    {
      KrRect card;

      if (card_visible (frame, drawn->pdata[i]) && card_rect (frame, drawn->pdata[i], &card) &&
          kr_rect_intersects (&card, &reach))
        g_array_append_val (rects, card);
      else
        g_ptr_array_remove_index (drawn, i--);
    }

  *drawn_out = drawn;
  *rects_out = rects;
}

static void
draw_cards (Frame *frame)
{
  g_autoptr(GPtrArray) drawn = NULL;
  g_autoptr(GArray) rects = NULL;
  gboolean use_pictures;

  collect_cards (frame, &drawn, &rects);
  if (frame->scale < TINY_SCALE)
    {
      draw_tiny_cards (frame, drawn, rects);
      return;
    }

  use_pictures = can_use_card_pictures (frame);
  for (guint i = 0; i < drawn->len; i++)
    draw_one_card (frame, drawn->pdata[i], &g_array_index (rects, KrRect, i), use_pictures);
}

/* Connections */

static void
append_arrowhead (cairo_t       *cr,
                  const KrRoute *route,
                  double         size)
{
  KrPoint tip = route->points[3];
  KrPoint direction = kr_route_tangent_at (route, 1);
  double length = hypot (direction.x, direction.y);
  double dx = direction.x / length, dy = direction.y / length;

  cairo_move_to (cr, tip.x, tip.y);
  cairo_line_to (cr, tip.x - size * dx + size * 0.5 * dy, tip.y - size * dy - size * 0.5 * dx);
  cairo_line_to (cr, tip.x - size * dx - size * 0.5 * dy, tip.y - size * dy + size * 0.5 * dx);
  cairo_close_path (cr);
}

static void
draw_connection_label (Frame         *frame,
                       const KrRoute *route,
                       const char    *label)
{
  KrPoint middle = kr_route_point_at (route, 0.5);
  PangoLayout *layout = get_text_layout (frame, label, 12, TEXT_REGULAR, 160, 0, PANGO_ALIGN_LEFT);
  int width, height;
  KrRect box;

  pango_layout_get_pixel_size (layout, &width, &height);

  box = (KrRect) { middle.x - width / 2.0 - 6, middle.y - height / 2.0 - 3, width + 12, height + 6 };
  set_color (frame->cr, &frame->theme->background);
  kr_rounded_rect_path (frame->cr, &box, 6);
  kr_paint_fill_preserve (frame->cr);
  set_color (frame->cr, &frame->theme->grid_line);
  cairo_set_line_width (frame->cr, 1);
  kr_paint_stroke (frame->cr);

  set_color (frame->cr, &frame->theme->text);
  cairo_move_to (frame->cr, box.x + 6, box.y + 3);
  kr_paint_layout (frame->cr, layout);
}

typedef void (*RouteFunc) (Frame         *frame,
                           KrConnection  *connection,
                           const KrRoute *route,
                           gpointer       user_data);

static gboolean
route_shown (Frame              *frame,
             const KrSceneRoute *route)
{
  return route->from != NULL && card_visible (frame, route->from) && card_visible (frame, route->to);
}

/* Calls @func, in map order, with the route of every shown connection whose curve reaches
 * into @area (every one, if @area is NULL). Routes are kept between frames by the scene;
 * while cards are dragged, the arrows they end or that arc near them are routed anew. */
static void
route_connections (Frame        *frame,
                   const KrRect *area,
                   RouteFunc     func,
                   gpointer      user_data)
{
  KrScene *scene = frame->scene;
  /* the layers of a drag split the arrows ending on dragged cards from the others; loops
   * they pass keep their shape until the drag ends */
  g_autoptr(GPtrArray) affected = kr_scene_collect_affected (scene, &frame->move, frame->layer == 0);
  g_autoptr(GHashTable) replaced = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) moved = g_array_sized_new (FALSE, FALSE, sizeof (KrSceneRoute), affected->len);
  g_autoptr(GPtrArray) routes = NULL;
  guint next_moved = 0;

  for (guint i = 0; i < affected->len; i++)
    {
      KrSceneRoute route;

      kr_scene_reroute (scene, affected->pdata[i], &frame->move, &route);
      g_array_append_val (moved, route);
      g_hash_table_add (replaced, affected->pdata[i]);
    }

  if (area != NULL)
    routes = kr_spatial_index_query (kr_scene_get_routes (scene), area);
  else
    routes = g_ptr_array_ref (kr_scene_get_all_routes (scene));

  /* the moved routes merged into the others by their place in the map */
  for (guint i = 0; i <= routes->len; i++)
    {
      const KrSceneRoute *route = i < routes->len ? routes->pdata[i] : NULL;

      while (next_moved < moved->len &&
             (route == NULL || g_array_index (moved, KrSceneRoute, next_moved).position <= route->position))
        {
          const KrSceneRoute *moved_route = &g_array_index (moved, KrSceneRoute, next_moved++);

          if (frame->layer != KR_RENDER_STATIC_LAYER && route_shown (frame, moved_route) &&
              (area == NULL || kr_rect_intersects (&moved_route->bounds, area)))
            func (frame, moved_route->connection, &moved_route->route, user_data);
        }

      if (route != NULL && frame->layer != KR_RENDER_MOVING_LAYER && route_shown (frame, route) &&
          !g_hash_table_contains (replaced, route))
        func (frame, route->connection, &route->route, user_data);
    }
}

/* How far a label may reach beyond its curve's control points */
#define LABEL_REACH 90.0

typedef struct
{
  KrLineMask *lines;         /* on raster surfaces */
  GArray *labels;            /* KrRoute */
  GPtrArray *label_texts;
} ConnectionBatch;

/* Labels are drawn after every line, so no arrow crosses one. */
static void
add_label (Frame           *frame,
           KrConnection    *connection,
           const KrRoute   *route,
           ConnectionBatch *batch)
{
  const char *label = kr_connection_get_label (connection);

  if (*label != '\0' && legible (frame, 12))
    {
      g_array_append_val (batch->labels, *route);
      g_ptr_array_add (batch->label_texts, (gpointer) label);
    }
}

static void
draw_connection (Frame         *frame,
                 KrConnection  *connection,
                 const KrRoute *route,
                 gpointer       user_data)
{
  cairo_t *cr = frame->cr;
  KrRect bounds = kr_route_get_bounds (route);

  bounds = kr_rect_inflate (&bounds, LABEL_REACH);
  if (!kr_rect_intersects (&bounds, &frame->viewport))
    return;

  set_color (cr, &frame->theme->connection);
  cairo_save (cr);
  cairo_set_line_width (cr, frame->theme->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (kr_connection_is_dashed (connection))
    cairo_set_dash (cr, (double[]) { 8, 6 }, 2, 0);

  cairo_move_to (cr, route->points[0].x, route->points[0].y);
  cairo_curve_to (cr, route->points[1].x, route->points[1].y, route->points[2].x, route->points[2].y,
                  route->points[3].x, route->points[3].y);
  kr_paint_stroke (cr);
  cairo_restore (cr);

  append_arrowhead (cr, route, ARROW_LENGTH + frame->theme->line_width * 2);
  kr_paint_fill (cr);

  add_label (frame, connection, route, user_data);
}

static void
add_to_batch (Frame         *frame,
              KrConnection  *connection,
              const KrRoute *route,
              gpointer       user_data)
{
  static const double dashes[] = { 8, 6 };
  ConnectionBatch *batch = user_data;
  /* dashes of a pixel or less are not seen */
  gboolean dashed = kr_connection_is_dashed (connection) && frame->scale >= TINY_SCALE;

  kr_line_mask_add_curve (batch->lines, route->points, frame->theme->line_width,
                          dashed ? dashes : NULL, dashed ? G_N_ELEMENTS (dashes) : 0);

  if (frame->scale >= TINY_SCALE)
    append_arrowhead (frame->cr, route, ARROW_LENGTH + frame->theme->line_width * 2);

  add_label (frame, connection, route, batch);
}

/* On raster surfaces the lines of all arrows go into one mask (see kr-line-mask.c), their
 * heads into one fill; on any surface the labels come last, above every line. */
static void
draw_connections (Frame *frame)
{
  KrRect area = kr_rect_inflate (&frame->viewport, LABEL_REACH);
  g_autoptr(KrLineMask) lines = NULL;
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (KrRoute));
  g_autoptr(GPtrArray) label_texts = g_ptr_array_new ();
  ConnectionBatch batch;

  if (frame->scale < G_MAXDOUBLE)
    lines = kr_line_mask_new (frame->cr);
  batch = (ConnectionBatch) { lines, labels, label_texts };

  if (lines == NULL)
    route_connections (frame, &area, draw_connection, &batch);
  else
    {
      cairo_new_path (frame->cr);
      route_connections (frame, &area, add_to_batch, &batch);
      set_color (frame->cr, &frame->theme->connection);
      kr_line_mask_paint (lines, frame->cr);
      kr_paint_fill (frame->cr);
    }

  for (guint i = 0; i < labels->len; i++)
    draw_connection_label (frame, &g_array_index (labels, KrRoute, i), label_texts->pdata[i]);
}

static void
extend_by_route (Frame         *frame,
                 KrConnection  *connection,
                 const KrRoute *route,
                 gpointer       user_data)
{
  KrRect *extent = user_data;
  KrRect bounds = kr_route_get_bounds (route);

  *extent = kr_rect_union (extent, &bounds);
}

/* Personas */

typedef struct
{
  const guint8 *data;
  gsize length;
  gsize offset;
} MemoryReader;

static cairo_status_t
read_memory (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  MemoryReader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The decoded photo of a persona (a PNG data: URI), or NULL; cached by the renderer. */
static cairo_surface_t *
persona_photo (KrRenderer *self,
               const char *uri)
{
  const char *prefix = "data:image/png;base64,";
  cairo_surface_t *surface;
  g_autofree guchar *bytes = NULL;
  MemoryReader reader;
  gsize length;

  if (uri == NULL || !g_str_has_prefix (uri, prefix))
    return NULL;

  if (self->photos == NULL)
    self->photos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) cairo_surface_destroy);
  if (g_hash_table_size (self->photos) > 64)
    g_hash_table_remove_all (self->photos);

  surface = g_hash_table_lookup (self->photos, uri);
  if (surface != NULL)
    return cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS ? surface : NULL;

  bytes = g_base64_decode (uri + strlen (prefix), &length);
  reader = (MemoryReader) { bytes, length, 0 };
  surface = cairo_image_surface_create_from_png_stream (read_memory, &reader);
  g_hash_table_insert (self->photos, g_strdup (uri), surface);

  return cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS ? surface : NULL;
}

static char *
initials (const char *name)
{
  GString *result = g_string_new (NULL);
  gboolean start = TRUE;

  for (const char *p = name; p && *p && result->len < 8; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        start = TRUE;
      else if (start)
        {
          g_string_append_unichar (result, g_unichar_toupper (c));
          start = FALSE;
        }
    }

  return g_string_free (result, FALSE);
}

static void
draw_persona_portrait (Frame     *frame,
                       KrPersona *persona,
                       double     cx,
                       double     cy,
                       double     radius,
                       const KrColor *color)
{
  cairo_t *cr = frame->cr;
  cairo_surface_t *photo = persona_photo (frame->renderer, kr_persona_get_photo (persona));

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);

  if (photo != NULL)
    {
      double width = cairo_image_surface_get_width (photo);
      double height = cairo_image_surface_get_height (photo);
      double scale = 2 * radius / MIN (width, height);

      kr_paint_push_clip (cr);
      cairo_translate (cr, cx - width * scale / 2, cy - height * scale / 2);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, photo, 0, 0);
      kr_paint_source (cr);
      kr_paint_pop_clip (cr);
    }
  else
    {
      g_autofree char *letters = initials (kr_persona_get_name (persona));

      set_color (cr, color);
      kr_paint_fill (cr);
      draw_text (frame, letters, radius * 0.8, TEXT_BOLD, &frame->theme->badge_text,
                 cx - radius, cy - radius * 0.55, 2 * radius, 1, PANGO_ALIGN_CENTER);
    }
}

static char *
persona_details (KrPersona *persona)
{
  g_autofree char *income = NULL;
  g_autofree char *gender = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int age = kr_persona_get_age (persona);

  g_object_get (persona, "income", &income, "gender", &gender, NULL);
  if (age >= 0)
    /* TRANSLATORS: a persona's age on the map */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", age), age));
  if (gender && *gender)
    g_ptr_array_add (parts, g_steal_pointer (&gender));
  if (income && *income)
    g_ptr_array_add (parts, g_steal_pointer (&income));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
first_items (KrPersona  *persona,
             const char *property,
             const char *heading)
{
  g_auto(GStrv) items = NULL;
  g_autofree char *joined = NULL;

  g_object_get (persona, property, &items, NULL);
  if (items == NULL || items[0] == NULL)
    return NULL;

  joined = g_strjoinv (", ", items);
  return g_strdup_printf ("%s: %s", heading, joined);
}

static void
draw_persona_card (Frame        *frame,
                   KrPersona    *persona,
                   const KrRect *card)
{
  cairo_t *cr = frame->cr;
  KrColor color = { 0.56, 0.36, 0.82, 1 };
  KrRect shadow = { card->x, card->y + 2, card->width, card->height };
  double text_x = card->x + 92, text_width = card->width - 92 - CARD_PADDING;
  g_autofree char *details = persona_details (persona);
  g_autofree char *goals = first_items (persona, "goals", _("Goals"));
  g_autofree char *pains = first_items (persona, "pain-points", _("Pain points"));
  g_autofree char *quote = NULL;
  const char *highlight = frame->renderer->highlight_persona;
  double y;

  kr_color_parse (kr_persona_get_color (persona), &color);
  if (*kr_persona_get_quote (persona) != '\0')
    quote = g_strdup_printf ("„%s“", kr_persona_get_quote (persona));

  set_color (cr, &frame->theme->card_shadow);
  kr_rounded_rect_path (cr, &shadow, CARD_RADIUS);
  kr_paint_fill (cr);
  set_color (cr, &frame->theme->card_background);
  kr_rounded_rect_path (cr, card, CARD_RADIUS);
  kr_paint_fill_preserve (cr);
  if (highlight != NULL && g_str_equal (highlight, kr_item_get_id (KR_ITEM (persona))))
    {
      set_color (cr, &color);
      cairo_set_line_width (cr, 3);
    }
  else
    {
      set_color (cr, &frame->theme->card_border);
      cairo_set_line_width (cr, frame->theme->card_border_width);
    }
  kr_paint_stroke (cr);

  set_color (cr, &color);
  cairo_rectangle (cr, card->x + CARD_RADIUS, card->y, card->width - 2 * CARD_RADIUS, 5);
  kr_paint_fill (cr);

  draw_persona_portrait (frame, persona, card->x + 48, card->y + 50, 30, &color);

  y = card->y + 16;
  y += draw_text (frame, kr_persona_get_name (persona), 16, TEXT_BOLD, &frame->theme->text,
                  text_x, y, text_width, 1, PANGO_ALIGN_LEFT) + 2;
  y += draw_text (frame, kr_persona_get_role (persona), 12, TEXT_REGULAR, &frame->theme->text,
                  text_x, y, text_width, 2, PANGO_ALIGN_LEFT) + 2;
  draw_text (frame, details, 11, TEXT_REGULAR, &frame->theme->text_muted,
             text_x, y, text_width, 1, PANGO_ALIGN_LEFT);

  y = card->y + 92;
  if (quote != NULL)
    y += draw_text (frame, quote, 12, TEXT_REGULAR, &frame->theme->text,
                    card->x + CARD_PADDING, y, card->width - 2 * CARD_PADDING, 2, PANGO_ALIGN_LEFT) + 3;
  if (goals != NULL && y < kr_rect_bottom (card) - 28)
    y += draw_text (frame, goals, 11, TEXT_REGULAR, &frame->theme->text_muted,
                    card->x + CARD_PADDING, y, card->width - 2 * CARD_PADDING, 1, PANGO_ALIGN_LEFT) + 1;
  if (pains != NULL && y < kr_rect_bottom (card) - 14)
    draw_text (frame, pains, 11, TEXT_REGULAR, &frame->theme->text_muted,
               card->x + CARD_PADDING, y, card->width - 2 * CARD_PADDING, 1, PANGO_ALIGN_LEFT);
}

static void
draw_persona_band (Frame *frame)
{
  KrRect band = kr_layout_get_persona_band (frame->layout);
  guint n = kr_map_get_n_items (frame->map, KR_ITEM_PERSONA);

  if (band.height <= 0 || !kr_rect_intersects (&band, &frame->viewport))
    return;

  for (guint i = 0; i < n; i++)
    {
      KrRect card = kr_layout_get_persona_card (frame->layout, i);

      if (kr_rect_intersects (&card, &frame->viewport))
        draw_persona_card (frame, kr_map_get_item (frame->map, KR_ITEM_PERSONA, i), &card);
    }
}

/* The emotion curve */

#define EMOTION_PADDING 30.0
#define EMOTION_MIN_STEP 36.0

static double
emotion_y (const KrRect *band,
           int           emotion)
{
  return band->y + EMOTION_PADDING + (5 - CLAMP (emotion, 1, 5)) / 4.0 * (band->height - 2 * EMOTION_PADDING);
}

/* A smooth curve through @points, whose x increase: monotone cubic interpolation
 * (Fritsch–Carlson), so that it never overshoots the faces at 1 and 5. Only the part from
 * @first to @last, a Bézier segment (four points) for each stretch. */
static GArray *
curve_through (const KrPoint *points,
               guint          n,
               guint          first,
               guint          last)
{
  g_autofree double *slopes = g_new0 (double, n);
  g_autofree double *secants = g_new0 (double, n);
  GArray *segments = g_array_sized_new (FALSE, FALSE, 4 * sizeof (KrPoint), last - first);

  for (guint i = 0; i + 1 < n; i++)
    secants[i] = (points[i + 1].y - points[i].y) / MAX (points[i + 1].x - points[i].x, 1e-6);

  slopes[0] = secants[0];
  slopes[n - 1] = secants[n - 2];
  for (guint i = 1; i + 1 < n; i++)
    slopes[i] = secants[i - 1] * secants[i] <= 0 ? 0 : (secants[i - 1] + secants[i]) / 2;

  for (guint i = 0; i + 1 < n; i++)
    if (secants[i] == 0)
      slopes[i] = slopes[i + 1] = 0;
    else
      {
        double a = slopes[i] / secants[i], b = slopes[i + 1] / secants[i];
        double length = hypot (a, b);

        if (length > 3)
          {
            slopes[i] = 3 / length * a * secants[i];
            slopes[i + 1] = 3 / length * b * secants[i];
          }
      }

  for (guint i = first; i < last; i++)
    {
      double dx = (points[i + 1].x - points[i].x) / 3;
      KrPoint segment[4] = {
        points[i],
        { points[i].x + dx, points[i].y + slopes[i] * dx },
        { points[i + 1].x - dx, points[i + 1].y - slopes[i + 1] * dx },
        points[i + 1],
      };

      g_array_append_val (segments, segment);
    }
  return segments;
}

/* On raster surfaces the curve goes through a line mask of the band only, like the arrows:
 * seen whole, the curve of a big map has several points a pixel, which cairo strokes at
 * a cost of all the arrows together. */
static void
stroke_emotion_curve (Frame        *frame,
                      const KrRect *band,
                      GArray       *segments)
{
  cairo_t *cr = frame->cr;
  double width = frame->theme->line_width * 1.5;
  g_autoptr(KrLineMask) lines = NULL;

  cairo_save (cr);
  set_color (cr, &frame->theme->text_muted);
  if (frame->scale < G_MAXDOUBLE)
    {
      cairo_rectangle (cr, band->x, band->y, band->width, band->height);
      cairo_clip (cr);
      lines = kr_line_mask_new (cr);
    }

  if (lines != NULL)
    {
      for (guint i = 0; i < segments->len; i++)
        kr_line_mask_add_curve (lines, &g_array_index (segments, KrPoint, 4 * i), width, NULL, 0);
      kr_line_mask_paint (lines, cr);
    }
  else
    {
      const KrPoint *points = (const KrPoint *) segments->data;

      cairo_move_to (cr, points[0].x, points[0].y);
      for (guint i = 0; i < segments->len; i++)
        cairo_curve_to (cr, points[4 * i + 1].x, points[4 * i + 1].y, points[4 * i + 2].x, points[4 * i + 2].y,
                        points[4 * i + 3].x, points[4 * i + 3].y);
      cairo_set_line_width (cr, width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      kr_paint_stroke (cr);
    }
  cairo_restore (cr);
}

static gboolean
is_pain_point (const int *emotions,
               guint      n,
               guint      i)
{
  return emotions[i] <= 2 &&
         (i == 0 || emotions[i] <= emotions[i - 1]) &&
         (i + 1 == n || emotions[i] <= emotions[i + 1]);
}

#define PAIN_LABEL_GAP 8.0
#define PAIN_RING_RADIUS 13.0

static PangoLayout *
get_pain_label (Frame *frame)
{
  return get_text_layout (frame, _("Pain point"), 12, TEXT_BOLD, 120, 1, PANGO_ALIGN_CENTER);
}

static void
draw_pain_label (Frame         *frame,
                 const KrPoint *point)
{
  draw_text (frame, _("Pain point"), 12, TEXT_BOLD, &frame->theme->emotion_low,
             point->x - 60, point->y + 16, 120, 1, PANGO_ALIGN_CENTER);
}

/* Whether a point of the row below @i's lies under the label of @i, which reaches @reach
 * to each side: the points are in order from left to right. */
static gboolean
label_covers_row_below (const KrPoint *points,
                        const int     *emotions,
                        guint          n,
                        guint          i,
                        double         reach)
{
  for (guint j = i; j-- > 0 && points[i].x - points[j].x < reach;)
    if (emotions[j] == emotions[i] - 1)
      return TRUE;
  for (guint j = i + 1; j < n && points[j].x - points[i].x < reach; j++)
    if (emotions[j] == emotions[i] - 1)
      return TRUE;
  return FALSE;
}

/* Which of the pain points up to @last get a label: each where it covers neither the label
 * before it at its height nor a point of the row below. Decided from the curve's start, so
 * that the same labels show whichever part of the curve is drawn. */
static gboolean *
label_pain_points (Frame         *frame,
                   const KrPoint *points,
                   const int     *emotions,
                   guint          n,
                   guint          last)
{
  gboolean *labelled = g_new0 (gboolean, n);
  double label_end[KR_TOUCHPOINT_MAX_EMOTION + 1];
  PangoRectangle extents;
  double half_width;

  pango_layout_get_pixel_extents (get_pain_label (frame), NULL, &extents);
  half_width = extents.width / 2.0;
  for (guint level = 0; level <= KR_TOUCHPOINT_MAX_EMOTION; level++)
    label_end[level] = -G_MAXDOUBLE;

  for (guint i = 0; i <= last; i++)
    {
      int level = CLAMP (emotions[i], 0, KR_TOUCHPOINT_MAX_EMOTION);

      if (is_pain_point (emotions, n, i) && points[i].x - half_width >= label_end[level] &&
          !label_covers_row_below (points, emotions, n, i, half_width + PAIN_RING_RADIUS))
        {
          labelled[i] = TRUE;
          label_end[level] = points[i].x + half_width + PAIN_LABEL_GAP;
        }
    }
  return labelled;
}

static void
draw_emotion_band (Frame *frame)
{
  KrRect band = kr_layout_get_emotion_band (frame->layout);
  GPtrArray *order;
  g_autoptr(GArray) points = NULL;
  g_autofree int *emotions = NULL;
  g_autofree gboolean *labelled = NULL;
  cairo_t *cr = frame->cr;
  guint n = 0, first = 0, last;
  /* dots of less than a pixel and a half are not seen */
  gboolean dots = 7 * frame->scale >= 1.5;

  if (band.height <= 0 || !kr_rect_intersects (&band, &frame->viewport))
    return;

  set_color (cr, &frame->theme->lane_header);
  cairo_rectangle (cr, 0, band.y, KR_LAYOUT_LANE_HEADER_WIDTH, band.height);
  kr_paint_fill (cr);
  set_color (cr, &frame->theme->grid_line);
  for (int level = 1; level <= KR_TOUCHPOINT_MAX_EMOTION; level++)
    cairo_rectangle (cr, KR_LAYOUT_LANE_HEADER_WIDTH, emotion_y (&band, level),
                     band.width - KR_LAYOUT_LANE_HEADER_WIDTH, 1);
  cairo_rectangle (cr, 0, kr_rect_bottom (&band) - 1, band.width, 1);
  kr_paint_fill (cr);

  draw_text (frame, _("Emotion"), 15, TEXT_BOLD, &frame->theme->text, 16, band.y + 12,
             KR_LAYOUT_LANE_HEADER_WIDTH - 32, 1, PANGO_ALIGN_LEFT);
  draw_emotion_face (frame, 5, KR_LAYOUT_LANE_HEADER_WIDTH - 38, emotion_y (&band, 5) - 11, 22);
  draw_emotion_face (frame, 1, KR_LAYOUT_LANE_HEADER_WIDTH - 38, emotion_y (&band, 1) - 11, 22);

  update_summary (frame);
  order = frame->renderer->reading_order;
  points = g_array_sized_new (FALSE, FALSE, sizeof (KrPoint), order->len);
  emotions = g_new0 (int, order->len + 1);
  for (guint i = 0; i < order->len; i++)
    {
      KrTouchpoint *touchpoint = order->pdata[i];
      KrRect card;
      KrPoint point;

      if (!card_visible (frame, touchpoint) || !card_rect (frame, touchpoint, &card))
        continue;

      point = (KrPoint) { card.x + card.width / 2, emotion_y (&band, kr_touchpoint_get_emotion (touchpoint)) };
      /* cards above one another follow each other a little to the right */
      if (points->len > 0)
        point.x = MAX (point.x, g_array_index (points, KrPoint, points->len - 1).x + EMOTION_MIN_STEP);
      g_array_append_val (points, point);
      emotions[n++] = kr_touchpoint_get_emotion (touchpoint);
    }

  if (n == 0)
    return;

  /* many cards above one another push the curve past the map's end: then it is squeezed
   * back, keeping its order, between its first point and the end */
  {
    KrPoint *first_point = &g_array_index (points, KrPoint, 0);
    double start = first_point->x, end = g_array_index (points, KrPoint, n - 1).x;
    double limit = kr_rect_right (&band) - EMOTION_MIN_STEP / 2;

    if (end > limit && end > start && limit > start)
      for (guint i = 0; i < n; i++)
        first_point[i].x = start + (first_point[i].x - start) * (limit - start) / (end - start);
  }

  /* only the stretch of the curve in view, and a point beyond on each side */
  last = n - 1;
  while (first + 1 < n && g_array_index (points, KrPoint, first + 1).x < frame->viewport.x - 14)
    first++;
  for (guint i = first; i < n; i++)
    if (g_array_index (points, KrPoint, i).x > kr_rect_right (&frame->viewport) + 14)
      {
        last = i;
        break;
      }

  if (n > 1 && last > first)
    {
      g_autoptr(GArray) segments = curve_through ((KrPoint *) points->data, n, first, last);

      stroke_emotion_curve (frame, &band, segments);
    }

  if (!dots)
    return;

  labelled = label_pain_points (frame, (KrPoint *) points->data, emotions, n, last);
  for (guint i = first; i <= last; i++)
    {
      KrPoint *point = &g_array_index (points, KrPoint, i);
      KrColor color = emotion_color (frame->theme, emotions[i]);

      cairo_new_path (cr);
      cairo_arc (cr, point->x, point->y, 7, 0, 2 * G_PI);
      set_color (cr, &color);
      kr_paint_fill_preserve (cr);
      set_color (cr, &frame->theme->card_background);
      cairo_set_line_width (cr, 2);
      kr_paint_stroke (cr);

      if (is_pain_point (emotions, n, i))
        {
          cairo_new_path (cr);
          cairo_arc (cr, point->x, point->y, PAIN_RING_RADIUS, 0, 2 * G_PI);
          set_color (cr, &frame->theme->emotion_low);
          cairo_set_line_width (cr, 2.5);
          kr_paint_stroke (cr);
          if (labelled[i])
            draw_pain_label (frame, point);
        }
    }
}

/* Notes as sticky notes */

#define STICKY_WIDTH 170.0
#define STICKY_GAP 14.0

static const KrColor sticky_paper = { 1.0, 0.953, 0.639, 1 };
static const KrColor sticky_ink = { 0.24, 0.22, 0.27, 1 };

static char *
notes_text (KrTouchpoint *touchpoint)
{
  GListModel *notes = kr_touchpoint_get_notes (touchpoint);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(KrNote) note = g_list_model_get_item (notes, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "• %s", kr_note_get_text (note));
    }

  return g_string_free (text, FALSE);
}

/* The sticky note of @touchpoint's notes, beside its card. */
static gboolean
sticky_rect (Frame        *frame,
             KrTouchpoint *touchpoint,
             KrRect       *rect)
{
  guint n = g_list_model_get_n_items (kr_touchpoint_get_notes (touchpoint));
  KrRect card;

  if (n == 0 || !card_rect (frame, touchpoint, &card))
    return FALSE;

  *rect = (KrRect) { kr_rect_right (&card) + STICKY_GAP, card.y + 8, STICKY_WIDTH, MIN (40 + 18 * n * 2, 150) };
  return TRUE;
}

static void
draw_sticky_notes (Frame *frame)
{
  cairo_t *cr = frame->cr;

  KrRect reach = { frame->viewport.x - STICKY_GAP - STICKY_WIDTH, frame->viewport.y - 8,
                   frame->viewport.width + STICKY_GAP + STICKY_WIDTH, frame->viewport.height + 8 };
  g_autoptr(GPtrArray) near = NULL;

  if (!kr_map_get_show_notes (frame->map))
    return;

  /* a note sits right of its card, a little lower */
  near = kr_spatial_index_query (kr_scene_get_cards (frame->scene), &reach);
  for (guint i = 0; i < near->len; i++)
    {
      KrTouchpoint *touchpoint = near->pdata[i];
      KrRect sticky, shadow;
      g_autofree char *text = NULL;

      if (!card_visible (frame, touchpoint) || !sticky_rect (frame, touchpoint, &sticky) ||
          !kr_rect_intersects (&sticky, &frame->viewport))
        continue;

      text = notes_text (touchpoint);
      shadow = (KrRect) { sticky.x + 2, sticky.y + 3, sticky.width, sticky.height };

      set_color (cr, &frame->theme->card_shadow);
      cairo_rectangle (cr, shadow.x, shadow.y, shadow.width, shadow.height);
      kr_paint_fill (cr);
      set_color (cr, &sticky_paper);
      cairo_rectangle (cr, sticky.x, sticky.y, sticky.width, sticky.height);
      kr_paint_fill (cr);

      /* a line to the card it belongs to */
      set_color (cr, &sticky_ink);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, sticky.x - STICKY_GAP, sticky.y + 14);
      cairo_line_to (cr, sticky.x, sticky.y + 14);
      kr_paint_stroke (cr);

      draw_text (frame, text, 12, TEXT_REGULAR, &sticky_ink, sticky.x + 10, sticky.y + 8,
                 sticky.width - 20, (int) ((sticky.height - 16) / 16), PANGO_ALIGN_LEFT);
    }
}

/* Progress */

typedef struct
{
  int points;
  int done;
} Progress;

/* Points and points done per phase (indexed like the phases) and for the whole journey
 * (the last entry); FALSE when no touchpoint has points. */
static gboolean
collect_progress (Frame    *frame,
                  Progress *progress,
                  guint     n_phases)
{
  gboolean any = FALSE;

  memset (progress, 0, sizeof (Progress) * (n_phases + 1));
  for (guint i = 0; i < kr_map_get_n_items (frame->map, KR_ITEM_TOUCHPOINT); i++)
    {
      KrTouchpoint *touchpoint = kr_map_get_item (frame->map, KR_ITEM_TOUCHPOINT, i);
      KrPhase *phase = kr_map_lookup_phase (frame->map, kr_touchpoint_get_phase_id (touchpoint));
      int points = kr_touchpoint_get_points (touchpoint);
      int done = kr_touchpoint_get_done (touchpoint) ? points : 0;
      guint index;

      if (points <= 0 || phase == NULL || !kr_map_find_position (frame->map, KR_ITEM (phase), &index))
        continue;

      any = TRUE;
      progress[index].points += points;
      progress[index].done += done;
      progress[n_phases].points += points;
      progress[n_phases].done += done;
    }

  return any;
}

static void
draw_progress_bar (Frame         *frame,
                   const Progress *progress,
                   const KrColor *color,
                   double         x,
                   double         y,
                   double         width)
{
  double fraction = progress->points > 0 ? (double) progress->done / progress->points : 0;
  /* TRANSLATORS: progress of a phase: points done / all points · percentage */
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d / %d pt · %.0f %%",
                                                         "%d / %d pts · %.0f %%", progress->points),
                                            progress->done, progress->points, fraction * 100);
  KrRect track = { x, y + 18, width, 6 };
  KrRect filled = { x, y + 18, width * fraction, 6 };

  draw_text (frame, label, 11, TEXT_BOLD, &frame->theme->text_muted, x, y, width, 1, PANGO_ALIGN_RIGHT);
  set_color (frame->cr, &frame->theme->grid_line);
  kr_rounded_rect_path (frame->cr, &track, 3);
  kr_paint_fill (frame->cr);
  if (filled.width > 0)
    {
      set_color (frame->cr, color);
      kr_rounded_rect_path (frame->cr, &filled, 3);
      kr_paint_fill (frame->cr);
    }
}

/* Brings what is computed from all touchpoints (reading order, progress) up to date with
 * the map: once per change of the map, not once per frame. */
static void
update_summary (Frame *frame)
{
  KrRenderer *self = frame->renderer;
  guint n = kr_layout_get_n_phases (frame->layout);

  if (self->summary_scene == frame->scene && self->summary_version == kr_scene_get_version (frame->scene) &&
      self->progress != NULL && self->progress->len == n + 1)
    return;

  g_clear_pointer (&self->reading_order, g_ptr_array_unref);
  self->reading_order = kr_layout_get_reading_order (frame->layout, frame->map);

  if (self->progress == NULL)
    self->progress = g_array_new (FALSE, TRUE, sizeof (Progress));
  g_array_set_size (self->progress, n + 1);
  self->any_progress = collect_progress (frame, (Progress *) self->progress->data, n);

  self->summary_scene = frame->scene;
  self->summary_version = kr_scene_get_version (frame->scene);
}

static gboolean
has_progress (Frame *frame)
{
  update_summary (frame);
  return frame->renderer->any_progress;
}

/* A bar per phase in its header and the whole journey's in the corner, like the progress
 * tracking of sales tools: points of done touchpoints against all points. */
static void
draw_progress (Frame *frame)
{
  guint n = kr_layout_get_n_phases (frame->layout);
  Progress *progress;
  double top = kr_layout_get_header_top (frame->layout);

  if (!has_progress (frame))
    return;

  progress = (Progress *) frame->renderer->progress->data;

  for (guint i = 0; i < n; i++)
    {
      KrRect header = kr_layout_get_phase_header (frame->layout, i);
      KrColor accent = phase_color (kr_map_get_item (frame->map, KR_ITEM_PHASE, i));

      if (progress[i].points > 0 && kr_rect_intersects (&header, &frame->viewport))
        draw_progress_bar (frame, &progress[i], &accent, kr_rect_right (&header) - PROGRESS_WIDTH - 20,
                           header.y + 18, PROGRESS_WIDTH);
    }

  /* TRANSLATORS: heading of the whole journey's progress bar, above the lane titles */
  draw_text (frame, _("Journey"), 12, TEXT_BOLD, &frame->theme->text, 16, top + 14,
             KR_LAYOUT_LANE_HEADER_WIDTH - 32, 1, PANGO_ALIGN_LEFT);
  draw_progress_bar (frame, &progress[n], &frame->theme->emotion_high, 16, top + 38,
                     KR_LAYOUT_LANE_HEADER_WIDTH - 32);
}

/* Device pixels per map unit, or G_MAXDOUBLE on vector surfaces. */
static double
device_scale (cairo_t *cr)
{
  double dx = 1, dy = 0;

  if (kr_paint_is_vector (cr))
    return G_MAXDOUBLE;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return hypot (dx, dy);
}

static void
frame_init (Frame      *frame,
            KrRenderer *self,
            cairo_t    *cr,
            KrMap      *map,
            const KrRect *viewport)
{
  if (self->scene == NULL || !kr_scene_is_for (self->scene, map, self->preview_resized, self->preview_size))
    {
      g_clear_pointer (&self->scene, kr_scene_free);
      self->scene = kr_scene_new (map, self->preview_resized, self->preview_size);
      self->summary_scene = NULL;
    }
  kr_scene_update (self->scene);

  *frame = (Frame) { self, self->theme, cr, map, kr_scene_get_layout (self->scene), *viewport,
                     cr ? device_scale (cr) : 1, self->scene,
                     { self->preview_moved, self->preview_dx, self->preview_dy } };
  /* recorded stamps for PDF documents; SVG documents are an SVG writer's, with stamps of its own */
  if (frame->scale == G_MAXDOUBLE && cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF)
    frame->stamps = self->stamps;
  frame->painted_stamps = cr != NULL && kr_paint_has_stamps (cr);
  if (cr != NULL && frame->scale != G_MAXDOUBLE)
    {
      cairo_matrix_t matrix;

      cairo_get_matrix (cr, &matrix);
      frame->raster_stamps = matrix.xy == 0 && matrix.yx == 0 && matrix.xx > 0 && matrix.xx == matrix.yy;
    }
}

static void
frame_clear (Frame *frame)
{
  frame->layout = NULL;
  frame->scene = NULL;
  frame->stamps = NULL;
}

/**
 * kr_renderer_get_extent:
 *
 * Returns: the rectangle, in map coordinates, that everything drawn of @map lies in:
 *   phases, lanes, cards and the arcs of loops that rise above them.
 */
KrRect
kr_renderer_get_extent (KrRenderer *self,
                        KrMap      *map)
{
  KrRect extent = { 0 };
  Frame frame;

  g_return_val_if_fail (KR_IS_RENDERER (self), extent);
  g_return_val_if_fail (KR_IS_MAP (map), extent);

  frame_init (&frame, self, NULL, map, &extent);
  extent = kr_scene_get_extent (frame.scene);
  if (frame.move.moved != NULL)
    route_connections (&frame, NULL, extend_by_route, &extent);
  if (kr_map_get_show_notes (map))
    for (guint i = 0; i < kr_map_get_n_items (map, KR_ITEM_TOUCHPOINT); i++)
      {
        KrRect sticky;

        if (sticky_rect (&frame, kr_map_get_item (map, KR_ITEM_TOUCHPOINT, i), &sticky))
          extent = kr_rect_union (&extent, &sticky);
      }
  frame_clear (&frame);

  return extent;
}

/**
 * kr_renderer_draw:
 * @cr: a context whose user space is map coordinates
 * @viewport: the part of the map to draw, in map coordinates
 *
 * Draws @map; anything outside @viewport may be skipped.
 *
 * While cards are dragged (kr_renderer_set_move_preview()), a view can keep a picture of
 * the map drawn once with %KR_RENDER_STATIC_LAYER and, for each frame of the drag, paint it
 * and draw over it with %KR_RENDER_MOVING_LAYER: only the dragged cards and their arrows.
 */
void
kr_renderer_draw (KrRenderer    *self,
                  cairo_t       *cr,
                  KrMap         *map,
                  const KrRect  *viewport,
                  KrRenderFlags  flags)
{
  Frame frame;

  g_return_if_fail (KR_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (KR_IS_MAP (map));
  g_return_if_fail (viewport != NULL);
  g_return_if_fail ((flags & KR_RENDER_STATIC_LAYER) == 0 || (flags & KR_RENDER_MOVING_LAYER) == 0);

  frame_init (&frame, self, cr, map, viewport);
  frame.layer = flags & (KR_RENDER_STATIC_LAYER | KR_RENDER_MOVING_LAYER);
  cairo_save (cr);

  if (frame.layer == KR_RENDER_MOVING_LAYER)
    {
      draw_connections (&frame);
      draw_cards (&frame);
      cairo_restore (cr);
      frame_clear (&frame);
      return;
    }

  if (!(flags & KR_RENDER_NO_BACKGROUND))
    draw_background (&frame);

  draw_phase_columns (&frame);
  draw_lane_lines (&frame);
  draw_lane_titles (&frame);
  draw_phase_headers (&frame);
  draw_progress (&frame);
  /* layers an export may leave out (it also crops their space away) */
  if (!(flags & KR_RENDER_NO_PERSONAS))
    draw_persona_band (&frame);
  if (!(flags & KR_RENDER_NO_EMOTION_CURVE))
    draw_emotion_band (&frame);
  draw_connections (&frame);
  draw_cards (&frame);
  if (!(flags & KR_RENDER_NO_NOTES))
    draw_sticky_notes (&frame);

  cairo_restore (cr);
  frame_clear (&frame);
}

/* Drag previews */

/* Draws @touchpoints moved by @dx, @dy (and their arrows following) until cleared. */
void
kr_renderer_set_move_preview (KrRenderer *self,
                              GPtrArray  *touchpoints,
                              double      dx,
                              double      dy)
{
  g_return_if_fail (KR_IS_RENDERER (self));

  if (self->preview_moved == NULL)
    self->preview_moved = g_hash_table_new (NULL, NULL);
  else
    g_hash_table_remove_all (self->preview_moved);

  for (guint i = 0; touchpoints && i < touchpoints->len; i++)
    g_hash_table_add (self->preview_moved, touchpoints->pdata[i]);

  self->preview_dx = dx;
  self->preview_dy = dy;
}

/* Draws the phase (width) or lane (height) @phase_or_lane at @size until cleared. */
void
kr_renderer_set_resize_preview (KrRenderer *self,
                                KrItem     *phase_or_lane,
                                double      size)
{
  g_return_if_fail (KR_IS_RENDERER (self));

  g_set_object (&self->preview_resized, phase_or_lane);
  self->preview_size = size;
}

void
kr_renderer_clear_preview (KrRenderer *self)
{
  g_return_if_fail (KR_IS_RENDERER (self));

  g_clear_pointer (&self->preview_moved, g_hash_table_unref);
  g_clear_object (&self->preview_resized);
}

typedef struct
{
  KrRouteFunc func;
  gpointer user_data;
} RouteCallback;

static void
call_route_func (Frame         *frame,
                 KrConnection  *connection,
                 const KrRoute *route,
                 gpointer       user_data)
{
  RouteCallback *callback = user_data;

  callback->func (connection, route, callback->user_data);
}

/**
 * kr_renderer_foreach_route:
 * @area: (nullable): only the curves reaching into this part of the map, or all
 *
 * Calls @func with the curve of every connection, as it is drawn, in map order.
 */
void
kr_renderer_foreach_route (KrRenderer   *self,
                           KrMap        *map,
                           const KrRect *area,
                           KrRouteFunc   func,
                           gpointer      user_data)
{
  RouteCallback callback = { func, user_data };
  KrRect nowhere = { 0 };
  Frame frame;

  g_return_if_fail (KR_IS_RENDERER (self));
  g_return_if_fail (KR_IS_MAP (map));

  frame_init (&frame, self, NULL, map, &nowhere);
  route_connections (&frame, area, call_route_func, &callback);
  frame_clear (&frame);
}

gboolean
kr_renderer_get_card_rect (KrRenderer   *self,
                           KrMap        *map,
                           KrTouchpoint *touchpoint,
                           KrRect       *rect)
{
  KrRect nowhere = { 0 };
  Frame frame;
  gboolean found;

  g_return_val_if_fail (KR_IS_RENDERER (self), FALSE);

  frame_init (&frame, self, NULL, map, &nowhere);
  found = card_rect (&frame, touchpoint, rect);
  frame_clear (&frame);

  return found;
}

/**
 * kr_renderer_get_cards_in:
 *
 * Returns: (transfer container) (element-type KrTouchpoint): the touchpoints whose cards
 *   (where the map puts them, not where a drag preview shows them) reach into @area, bottom
 *   to top. Costs what is found, not the size of the map.
 */
GPtrArray *
kr_renderer_get_cards_in (KrRenderer   *self,
                          KrMap        *map,
                          const KrRect *area)
{
  Frame frame;
  GPtrArray *cards;

  g_return_val_if_fail (KR_IS_RENDERER (self), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  frame_init (&frame, self, NULL, map, area);
  cards = kr_spatial_index_query (kr_scene_get_cards (frame.scene), area);
  frame_clear (&frame);

  return cards;
}

/* Picking */

#define EDGE_REACH 5.0   /* how close to a border counts as on it, in map units at 100 % */

typedef struct
{
  double x, y, tolerance;
  KrConnection *best;
  double best_distance;
} ConnectionSearch;

static void
measure_connection (Frame         *frame,
                    KrConnection  *connection,
                    const KrRoute *route,
                    gpointer       user_data)
{
  ConnectionSearch *search = user_data;
  KrRect bounds = kr_route_get_bounds (route);

  bounds = kr_rect_inflate (&bounds, search->tolerance);
  if (!kr_rect_contains_point (&bounds, search->x, search->y))
    return;

  for (int i = 0; i <= 64; i++)
    {
      KrPoint point = kr_route_point_at (route, i / 64.0);
      double distance = hypot (point.x - search->x, point.y - search->y);

      if (distance <= search->tolerance && distance < search->best_distance)
        {
          search->best = connection;
          search->best_distance = distance;
        }
    }
}

static gboolean
pick_card (Frame  *frame,
           double  x,
           double  y,
           KrPick *pick)
{
  KrSpatialIndex *cards = kr_scene_get_cards (frame->scene);
  g_autoptr(GPtrArray) under = kr_spatial_index_query (cards, &(KrRect) { x, y, 0, 0 });
  KrTouchpoint *found = NULL;

  /* cards being dragged are drawn above the others */
  if (frame->move.moved != NULL)
    {
      g_autoptr(GPtrArray) moving = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer touchpoint;

      g_hash_table_iter_init (&iter, frame->move.moved);
      while (g_hash_table_iter_next (&iter, &touchpoint, NULL))
        g_ptr_array_add (moving, touchpoint);
      kr_spatial_index_sort (cards, moving);
      g_ptr_array_extend (under, moving, NULL, NULL);
    }

  /* the last card is drawn on top, so it is found first */
  for (guint i = under->len; i > 0 && found == NULL; i--)
    {
      KrTouchpoint *touchpoint = under->pdata[i - 1];
      KrRect card;

      if (card_rect (frame, touchpoint, &card) && kr_rect_contains_point (&card, x, y))
        found = touchpoint;
    }

  if (found == NULL)
    return FALSE;

  pick->kind = KR_PICK_CARD;
  pick->item = KR_ITEM (found);
  return TRUE;
}

static void
pick_frame (Frame  *frame,
            KrLayout *layout,
            double  x,
            double  y,
            double  tolerance,
            KrPick *pick)
{
  KrRect bounds = kr_layout_get_bounds (layout);
  ConnectionSearch search = { x, y, tolerance, NULL, G_MAXDOUBLE };
  double edge = EDGE_REACH * tolerance / 6;
  KrRect lanes;
  guint phase_index, lane_index;

  if (kr_layout_find_cell (layout, x, y, &phase_index, &lane_index, &pick->cell))
    {
      pick->phase = kr_map_get_item (frame->map, KR_ITEM_PHASE, phase_index);
      if (kr_layout_has_lanes (layout))
        pick->lane = kr_map_get_item (frame->map, KR_ITEM_LANE, lane_index);
    }

  if (pick_card (frame, x, y, pick))
    return;

  route_connections (frame, &(KrRect) { x - tolerance, y - tolerance, 2 * tolerance, 2 * tolerance },
                     measure_connection, &search);
  if (search.best != NULL)
    {
      pick->kind = KR_PICK_CONNECTION;
      pick->item = KR_ITEM (search.best);
      return;
    }

  if (x < 0 || y < 0 || x > kr_rect_right (&bounds) + edge || y > kr_rect_bottom (&bounds) + edge)
    return;

  for (guint i = 0; i < kr_layout_get_n_phases (layout); i++)
    {
      KrRect header = kr_layout_get_phase_header (layout, i);

      if (fabs (x - kr_rect_right (&header)) <= edge && y <= kr_rect_bottom (&bounds))
        {
          pick->kind = KR_PICK_PHASE_EDGE;
          pick->item = kr_map_get_item (frame->map, KR_ITEM_PHASE, i);
          return;
        }
      if (kr_rect_contains_point (&header, x, y))
        {
          pick->kind = KR_PICK_PHASE_HEADER;
          pick->item = kr_map_get_item (frame->map, KR_ITEM_PHASE, i);
          return;
        }
    }

  lanes = kr_layout_get_lanes_area (layout);
  if (kr_layout_has_lanes (layout) && x < KR_LAYOUT_LANE_HEADER_WIDTH && y >= lanes.y)
    for (guint i = 0; i < kr_layout_get_n_lanes (layout); i++)
      {
        KrRect row = kr_layout_get_lane_row (layout, i);

        if (fabs (y - kr_rect_bottom (&row)) <= edge)
          {
            pick->kind = KR_PICK_LANE_EDGE;
            pick->item = kr_map_get_item (frame->map, KR_ITEM_LANE, i);
            return;
          }
        if (kr_rect_contains_point (&row, x, y))
          {
            pick->kind = KR_PICK_LANE_HEADER;
            pick->item = kr_map_get_item (frame->map, KR_ITEM_LANE, i);
            return;
          }
      }

  if (pick->phase != NULL && kr_rect_contains_point (&lanes, x, y))
    pick->kind = KR_PICK_CELL;
}

/**
 * kr_renderer_pick:
 * @tolerance: how far from a line still counts as on it, in map units
 *
 * Finds what is drawn at the map point @x, @y: a card, an arrow, a header or a border to
 * drag, or an empty cell.
 */
void
kr_renderer_pick (KrRenderer *self,
                  KrMap      *map,
                  double      x,
                  double      y,
                  double      tolerance,
                  KrPick     *pick)
{
  KrRect nowhere = { 0 };
  Frame frame;

  g_return_if_fail (KR_IS_RENDERER (self));
  g_return_if_fail (KR_IS_MAP (map));

  *pick = (KrPick) { KR_PICK_NOTHING };
  frame_init (&frame, self, NULL, map, &nowhere);
  pick_frame (&frame, frame.layout, x, y, tolerance, pick);
  frame_clear (&frame);
}

/* Sticky headers */

/**
 * kr_renderer_draw_headers:
 *
 * Draws the phase titles along the top edge of @viewport and the lane titles along its left
 * edge, over the map, for when the view has scrolled them away.
 */
void
kr_renderer_draw_headers (KrRenderer   *self,
                          cairo_t      *cr,
                          KrMap        *map,
                          const KrRect *viewport)
{
  Frame frame;

  g_return_if_fail (KR_IS_RENDERER (self));

  frame_init (&frame, self, cr, map, viewport);

  if (viewport->x > 0 && kr_layout_has_lanes (frame.layout))
    {
      cairo_save (cr);
      cairo_translate (cr, viewport->x, 0);
      frame.viewport.x = 0;
      draw_lane_titles (&frame);
      frame.viewport.x = viewport->x;
      cairo_restore (cr);
    }

  if (viewport->y > kr_layout_get_header_top (frame.layout))
    {
      cairo_save (cr);
      cairo_translate (cr, 0, viewport->y);
      cairo_translate (cr, 0, -kr_layout_get_header_top (frame.layout));
      frame.viewport.y = kr_layout_get_header_top (frame.layout);
      draw_phase_headers (&frame);
      draw_progress (&frame);
      cairo_restore (cr);
    }

  frame_clear (&frame);
}

/* Persona focus */

/* Dims the cards of every persona but @persona_id (NULL: none dimmed). */
void
kr_renderer_set_highlight_persona (KrRenderer *self,
                                   const char *persona_id)
{
  g_return_if_fail (KR_IS_RENDERER (self));

  kr_set_string (&self->highlight_persona, persona_id);
}

/* Leaves out the cards (and their arrows) of every persona but @persona_id (NULL: all). */
void
kr_renderer_set_filter_persona (KrRenderer *self,
                                const char *persona_id)
{
  g_return_if_fail (KR_IS_RENDERER (self));

  kr_set_string (&self->filter_persona, persona_id);
}
