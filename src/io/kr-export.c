/* kr-export.c
 *
 * An export is planned first: which parts of the map go on which page, at what scale, in
 * what size. Planning is cheap, so the dialog can show sizes and warn about small text on
 * every change, and the command line can check every input before it writes anything.
 *
 * A page is drawn from pieces, each a rectangle of the map placed somewhere on the page. A
 * slide (or one phase on its own) is the persona strip over the lane-title column and its
 * phases, so every slide repeats the lane titles and the personas. The renderer draws
 * whatever meets the viewport it is given; clipping each piece to its rectangle cuts off the
 * neighbouring phases. Leaving out the persona panels or the emotion curve crops their bands.
 *
 * Sizes: a map unit is a pixel at 96 dpi (the canvas at 100 %). PNGs measure in pixels, SVG
 * and PDF pages in points, so --scale 1 gives the same physical size in every format; a
 * preset is a physical page with a resolution for PNGs.
 *
 * Everything renders into memory, and files are then replaced atomically: a failed export
 * never leaves a partial file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kr-atomic-write.h"
#include "kr-export.h"
#include "kr-layout.h"
#include "kr-map-loader.h"
#include "kr-map-saver.h"
#include "kr-paint.h"
#include "kr-png-writer.h"
#include "kr-svg-writer.h"

G_DEFINE_QUARK (kr-export-error-quark, kr_export_error)

#define POINTS_PER_INCH 72.0
#define SLIDE_WIDTH 1920.0
#define SLIDE_HEIGHT 1080.0
#define MAX_SCALE 100.0
#define MAX_MARGIN 10000.0
#define MAX_SIZE 1000000

#define MM(mm) ((mm) / 25.4 * POINTS_PER_INCH)

/* Slides are PowerPoint's and Keynote's 13.33 × 7.5 in (16:9) and 10 × 7.5 in (4:3). */
static const KrExportPreset presets[] = {
  { "slide-hd", N_("16:9 slide, 1920 × 1080 pixels"), 960, 540, 144 },
  { "slide-4k", N_("16:9 slide, 3840 × 2160 pixels"), 960, 540, 288 },
  { "slide-4:3", N_("4:3 slide, 1024 × 768 pixels"), 720, 540, 102.4 },
  { "a4", N_("A4 landscape, 297 × 210 mm (300 dpi as PNG)"), MM (297), MM (210), 300 },
  { "a3", N_("A3 landscape, 420 × 297 mm (300 dpi as PNG)"), MM (420), MM (297), 300 },
};

static const struct {
  const char *alias;
  const char *name;
} preset_aliases[] = {
  { "16:9", "slide-hd" }, { "1080p", "slide-hd" }, { "1920x1080", "slide-hd" },
  { "4k", "slide-4k" }, { "2160p", "slide-4k" }, { "3840x2160", "slide-4k" },
  { "4:3", "slide-4:3" }, { "1024x768", "slide-4:3" },
};

/* A rectangle of the map, placed at @x, @y map units from the top left of its page's
 * content (inside the margins). */
typedef struct
{
  KrRect source;
  double x;
  double y;
  gboolean clip;
} Piece;

typedef struct
{
  Piece pieces[3];
  guint n_pieces;
  double width;     /* map units, margins included */
  double height;
} Page;

typedef struct
{
  GArray *pages;    /* Page */
  double content_width;   /* of the largest page, map units, margins included */
  double content_height;
  double scale;     /* output units (pixels, or points for SVG and PDF) per map unit */
  double width;     /* output units, every page */
  double height;
  double dpi;
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->pages, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

void
kr_export_options_init (KrExportOptions *options)
{
  *options = (KrExportOptions) {
    .format = KR_EXPORT_PNG,
    .scope = KR_EXPORT_WHOLE_MAP,
    .size_mode = KR_EXPORT_SIZE_SCALE,
    .scale = 1.0,
    .margin = KR_EXPORT_MARGIN,
    .background = KR_EXPORT_BACKGROUND_THEME,
    .theme = KR_THEME_LIGHT,
    .layers = KR_RENDER_DEFAULT,
  };
}

static const char * const format_names[] = { "png", "svg", "pdf" };

gboolean
kr_export_format_from_name (const char     *name,
                            KrExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (name != NULL && g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = (KrExportFormat) i;
        return TRUE;
      }

  return FALSE;
}

/* The format named by the extension of @filename. */
gboolean
kr_export_format_guess (const char     *filename,
                        KrExportFormat *format)
{
  const char *dot = strrchr (filename, '.');

  return dot != NULL && strchr (dot, '/') == NULL && kr_export_format_from_name (dot + 1, format);
}

const char *
kr_export_format_get_extension (KrExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), "png");

  return format_names[format];
}

const KrExportPreset *
kr_export_get_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

/* The preset called @name (or one of its aliases, such as "16:9"), in any case. */
const KrExportPreset *
kr_export_preset_from_name (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (preset_aliases); i++)
    if (g_ascii_strcasecmp (name, preset_aliases[i].alias) == 0)
      name = preset_aliases[i].name;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_ascii_strcasecmp (name, presets[i].name) == 0)
      return &presets[i];

  return NULL;
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (KR_EXPORT_ERROR, KR_EXPORT_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
check_options (const KrExportOptions *options,
               GError               **error)
{
  if (options->format > KR_EXPORT_PDF)
    {
      g_set_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_UNKNOWN_FORMAT, _("Unknown picture format"));
      return FALSE;
    }

  if (options->theme >= KR_N_THEMES)
    return invalid (error, _("Unknown theme"));

  if (!(options->margin >= 0 && options->margin <= MAX_MARGIN))
    return invalid (error, _("The margin must be between 0 and %.0f"), MAX_MARGIN);

  switch (options->size_mode)
    {
    case KR_EXPORT_SIZE_SCALE:
      if (!(options->scale > 0 && options->scale <= MAX_SCALE))
        return invalid (error, _("The scale must be more than 0 and at most %.0f"), MAX_SCALE);
      break;
    case KR_EXPORT_SIZE_FIT:
      if (options->height <= 0 || options->height > MAX_SIZE)
        return invalid (error, _("The height must be between 1 and %d pixels"), MAX_SIZE);
      G_GNUC_FALLTHROUGH;
    case KR_EXPORT_SIZE_WIDTH:
      if (options->width <= 0 || options->width > MAX_SIZE)
        return invalid (error, _("The width must be between 1 and %d pixels"), MAX_SIZE);
      break;
    case KR_EXPORT_SIZE_PRESET:
      if (options->preset == NULL)
        return invalid (error, _("No page size was chosen"));
      break;
    default:
      return invalid (error, _("Unknown size"));
    }

  if (options->phases_per_slide > 0 && options->scope != KR_EXPORT_WHOLE_MAP)
    return invalid (error, _("Slides split the whole map; they cannot be combined with one phase, "
                             "the selection or the current view"));

  return TRUE;
}

/* Pages */

static void
add_page (Plan        *plan,
          const Piece *pieces,
          guint        n_pieces,
          double       margin)
{
  Page page = { .n_pieces = n_pieces };

  for (guint i = 0; i < n_pieces; i++)
    {
      page.pieces[i] = pieces[i];
      page.width = MAX (page.width, pieces[i].x + pieces[i].source.width);
      page.height = MAX (page.height, pieces[i].y + pieces[i].source.height);
    }
  page.width += 2 * margin;
  page.height += 2 * margin;

  g_array_append_val (plan->pages, page);
  plan->content_width = MAX (plan->content_width, page.width);
  plan->content_height = MAX (plan->content_height, page.height);
}

/* The part of the map under the persona band: headers, lanes and the emotion curve (unless
 * left out); cropping is how an export leaves out the persona band and the emotion curve. */
static KrRect
get_body (KrLayout              *layout,
          const KrRect          *extent,
          const KrExportOptions *options)
{
  KrRect emotion = kr_layout_get_emotion_band (layout);
  double top = kr_layout_get_header_top (layout);
  double bottom = kr_rect_bottom (extent);

  if (top == 0 || !(options->layers & KR_RENDER_NO_PERSONAS))
    top = MIN (extent->y, 0);
  if (emotion.height > 0 && (options->layers & KR_RENDER_NO_EMOTION_CURVE))
    bottom = emotion.y;

  return (KrRect) { extent->x, top, extent->width, bottom - top };
}

/* The persona panels, for the top of every slide; empty when left out or when there are none. */
static KrRect
get_persona_strip (KrMap                 *map,
                   KrLayout              *layout,
                   const KrExportOptions *options)
{
  guint n_personas = kr_map_get_n_items (map, KR_ITEM_PERSONA);
  double top = kr_layout_get_header_top (layout);
  KrRect band = kr_layout_get_persona_band (layout);
  KrRect last;

  if (top == 0 || n_personas == 0 || (options->layers & KR_RENDER_NO_PERSONAS))
    return (KrRect) { 0 };

  last = kr_layout_get_persona_card (layout, n_personas - 1);
  return (KrRect) { band.x, band.y, MIN (kr_rect_right (&last) + KR_LAYOUT_CELL_PADDING, band.width), top };
}

/* The phases @first to @last under the persona strip and beside the lane titles: a slide, or
 * one phase on its own. */
static void
add_phases_page (Plan                  *plan,
                 KrMap                 *map,
                 KrLayout              *layout,
                 const KrRect          *extent,
                 guint                  first,
                 guint                  last,
                 const KrExportOptions *options)
{
  KrRect first_column = kr_layout_get_phase_column (layout, first);
  KrRect last_column = kr_layout_get_phase_column (layout, last);
  KrRect personas = get_persona_strip (map, layout, options);
  KrRect body = get_body (layout, extent, options);
  double body_top = MAX (body.y, kr_layout_get_header_top (layout));
  double body_height = kr_rect_bottom (&body) - body_top;
  double lanes_width = KR_LAYOUT_LANE_HEADER_WIDTH - extent->x;
  Piece pieces[3] = {
    { { extent->x, body_top, lanes_width, body_height }, 0, personas.height, TRUE },
    { { first_column.x, body_top, kr_rect_right (&last_column) - first_column.x, body_height },
      lanes_width, personas.height, TRUE },
    { personas, 0, 0, TRUE },
  };

  add_page (plan, pieces, personas.height > 0 ? 3 : 2, options->margin);
}

static gboolean
find_phase (KrMap      *map,
            const char *phase_id,
            guint      *index)
{
  guint n = kr_map_get_n_items (map, KR_ITEM_PHASE);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (kr_item_get_id (kr_map_get_item (map, KR_ITEM_PHASE, i)), phase_id) == 0)
      {
        *index = i;
        return TRUE;
      }

  return FALSE;
}

/* The cards of @ids, with their shadows and borders. */
static gboolean
get_selection_area (KrMap              *map,
                    KrLayout           *layout,
                    const char * const *ids,
                    KrRect             *area,
                    GError            **error)
{
  gboolean found = FALSE;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      KrTouchpoint *touchpoint = kr_map_lookup_touchpoint (map, ids[i]);
      KrRect card;

      if (touchpoint == NULL || !kr_layout_get_card_rect (layout, touchpoint, &card))
        return invalid (error, _("The map has no touchpoint “%s”"), ids[i]);

      card = kr_rect_inflate (&card, 4);
      *area = found ? kr_rect_union (area, &card) : card;
      found = TRUE;
    }

  if (!found)
    return invalid (error, _("Nothing is selected"));

  return TRUE;
}

static gboolean
plan_pages (Plan                  *plan,
            KrMap                 *map,
            KrRenderer            *renderer,
            const KrExportOptions *options,
            GError               **error)
{
  g_autoptr(KrLayout) layout = kr_layout_new (map);
  KrRect extent = kr_renderer_get_extent (renderer, map);
  guint n_phases = kr_layout_get_n_phases (layout);
  double margin = options->margin;
  guint phase;
  Piece piece = { get_body (layout, &extent, options), 0, 0, FALSE };

  switch (options->scope)
    {
    case KR_EXPORT_WHOLE_MAP:
      if (options->phases_per_slide == 0)
        {
          /* cropped: clip, so that nothing of a left-out layer shows */
          piece.clip = piece.source.height != extent.height;
          add_page (plan, &piece, 1, margin);
          break;
        }
      if (n_phases == 0)
        return invalid (error, _("The map has no phases to make slides of"));
      for (guint first = 0; first < n_phases; first += options->phases_per_slide)
        add_phases_page (plan, map, layout, &extent, first,
                         MIN (first + options->phases_per_slide, n_phases) - 1, options);
      break;

    case KR_EXPORT_PHASE:
      if (!find_phase (map, options->phase_id, &phase))
        return invalid (error, _("The map has no phase “%s”"), options->phase_id ? options->phase_id : "");
      add_phases_page (plan, map, layout, &extent, phase, phase, options);
      break;

    case KR_EXPORT_SELECTION:
      if (!get_selection_area (map, layout, options->selection, &piece.source, error))
        return FALSE;
      piece.clip = TRUE;
      add_page (plan, &piece, 1, margin);
      break;

    case KR_EXPORT_VIEW:
      if (!(options->view.width > 0 && options->view.height > 0 &&
            isfinite (options->view.x) && isfinite (options->view.y) &&
            isfinite (options->view.width) && isfinite (options->view.height)))
        return invalid (error, _("The view to export is empty"));
      piece = (Piece) { options->view, 0, 0, TRUE };
      add_page (plan, &piece, 1, margin);
      break;

    default:
      return invalid (error, _("Unknown part of the map to export"));
    }

  return TRUE;
}

/* Sizes */

/* Output units per pixel at 96 dpi: SVG and PDF measure in points. */
static double
units_per_pixel (KrExportFormat format)
{
  return format == KR_EXPORT_PNG ? 1.0 : POINTS_PER_INCH / KR_EXPORT_SCREEN_DPI;
}

/* A PNG has whole pixels; pages of SVG and PDF may be any size. */
static double
whole_pixels (gboolean png,
              double   size)
{
  return png ? ceil (size - 1e-9) : size;
}

static void
plan_size (Plan                  *plan,
           const KrExportOptions *options)
{
  gboolean png = options->format == KR_EXPORT_PNG;
  double unit = units_per_pixel (options->format);
  double cw = plan->content_width, ch = plan->content_height;
  double pixels_per_unit;   /* at 96 dpi */

  if (options->size_mode == KR_EXPORT_SIZE_PRESET)
    {
      const KrExportPreset *preset = options->preset;
      double page_unit = png ? preset->dpi / POINTS_PER_INCH : 1.0;

      plan->width = png ? round (preset->width_points * page_unit) : preset->width_points;
      plan->height = png ? round (preset->height_points * page_unit) : preset->height_points;
      plan->scale = MIN (plan->width / cw, plan->height / ch);
      plan->dpi = preset->dpi;
      return;
    }

  switch (options->size_mode)
    {
    case KR_EXPORT_SIZE_WIDTH:
      pixels_per_unit = options->width / cw;
      plan->width = options->width * unit;
      plan->height = whole_pixels (png, ch * pixels_per_unit * unit);
      break;
    case KR_EXPORT_SIZE_FIT:
      pixels_per_unit = MIN (options->width / cw, options->height / ch);
      plan->width = options->width * unit;
      plan->height = options->height * unit;
      break;
    case KR_EXPORT_SIZE_SCALE:
    default:
      pixels_per_unit = options->scale;
      plan->width = whole_pixels (png, cw * pixels_per_unit * unit);
      plan->height = whole_pixels (png, ch * pixels_per_unit * unit);
      break;
    }

  plan->scale = pixels_per_unit * unit;
  /* a PNG at 2× is as large on paper as at 1×, with twice the detail */
  plan->dpi = png ? KR_EXPORT_SCREEN_DPI * pixels_per_unit : KR_EXPORT_SCREEN_DPI;
}

static gboolean
check_size (const Plan            *plan,
            const KrExportOptions *options,
            GError               **error)
{
  double largest;

  if (options->format != KR_EXPORT_PNG ||
      (plan->width <= KR_EXPORT_MAX_PIXELS && plan->height <= KR_EXPORT_MAX_PIXELS))
    return TRUE;

  largest = KR_EXPORT_MAX_PIXELS / MAX (plan->width, plan->height);
  if (options->size_mode == KR_EXPORT_SIZE_SCALE)
    g_set_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_TOO_LARGE,
                 _("The picture would be %.0f × %.0f pixels, more than the %d pixels a side "
                   "that can be drawn; the largest scale for it is %.2f (%.0f × %.0f pixels)"),
                 plan->width, plan->height, KR_EXPORT_MAX_PIXELS,
                 floor (options->scale * largest * 100) / 100,
                 floor (plan->width * largest), floor (plan->height * largest));
  else
    g_set_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_TOO_LARGE,
                 _("The picture would be %.0f × %.0f pixels, more than the %d pixels a side "
                   "that can be drawn; the largest size that works is %.0f × %.0f pixels"),
                 plan->width, plan->height, KR_EXPORT_MAX_PIXELS,
                 floor (plan->width * largest), floor (plan->height * largest));
  return FALSE;
}

static gboolean
make_plan (Plan                  *plan,
           KrMap                 *map,
           KrRenderer            *renderer,
           const KrExportOptions *options,
           GError               **error)
{
  *plan = (Plan) { .pages = g_array_new (FALSE, FALSE, sizeof (Page)) };

  if (!plan_pages (plan, map, renderer, options, error))
    return FALSE;

  plan_size (plan, options);
  return check_size (plan, options, error);
}

/* The renderer @options lend, in their theme, or a new one. */
static KrRenderer *
get_renderer (const KrExportOptions *options)
{
  if (options->renderer == NULL)
    return kr_renderer_new (options->theme);

  kr_renderer_set_theme (options->renderer, options->theme);
  return g_object_ref (options->renderer);
}

/**
 * kr_export_measure:
 *
 * Tells what exporting @map with @options makes, without drawing anything: the size of the
 * pictures or pages, how many, and whether their text stays legible on a slide.
 *
 * Returns: %FALSE with @error set when the export would fail for its options or size.
 */
gboolean
kr_export_measure (KrMap                 *map,
                   const KrExportOptions *options,
                   KrExportSize          *size,
                   GError               **error)
{
  g_autoptr(KrRenderer) renderer = NULL;
  g_auto(Plan) plan = { 0 };
  const KrTheme *theme;
  double pixels_per_output_unit, on_slide;

  g_return_val_if_fail (KR_IS_MAP (map), FALSE);
  g_return_val_if_fail (options != NULL && size != NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;

  renderer = get_renderer (options);
  theme = kr_theme_get (options->theme);
  if (!make_plan (&plan, map, renderer, options, error))
    return FALSE;

  pixels_per_output_unit = options->format == KR_EXPORT_PNG ? 1.0 : plan.dpi / POINTS_PER_INCH;
  on_slide = plan.scale * MIN (SLIDE_WIDTH / plan.width, SLIDE_HEIGHT / plan.height) * theme->font_scale;

  *size = (KrExportSize) {
    .width = plan.width,
    .height = plan.height,
    .n_pages = plan.pages->len,
    .n_files = options->format == KR_EXPORT_PDF ? 1 : plan.pages->len,
    .scale = plan.scale,
    .dpi = plan.dpi,
    .smallest_text = KR_EXPORT_SMALLEST_TEXT_SIZE * theme->font_scale * plan.scale * pixels_per_output_unit,
    .smallest_text_on_slide = KR_EXPORT_SMALLEST_TEXT_SIZE * on_slide,
    .card_title_on_slide = KR_EXPORT_CARD_TITLE_SIZE * on_slide,
  };
  size->legible = size->smallest_text_on_slide >= KR_EXPORT_LEGIBLE_TEXT_SIZE &&
                  (options->format != KR_EXPORT_PNG || size->smallest_text >= KR_EXPORT_MIN_TEXT_PIXELS);
  return TRUE;
}

/* Drawing */

static void
paint_background (cairo_t               *cr,
                  const KrExportOptions *options)
{
  const KrTheme *theme = kr_theme_get (options->theme);

  switch (options->background)
    {
    case KR_EXPORT_BACKGROUND_TRANSPARENT:
      return;
    case KR_EXPORT_BACKGROUND_WHITE:
      cairo_set_source_rgb (cr, 1, 1, 1);
      break;
    case KR_EXPORT_BACKGROUND_THEME:
    default:
      cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
      break;
    }
  kr_paint_source (cr);
}

/* Map units beyond the rows being drawn where the renderer still looks for things that
 * reach into them: so that a picture drawn in bands of rows is the picture drawn whole. */
#define AREA_REACH 16.0

/* The part of @piece's source that lands in @area (output units), with some reach; %FALSE
 * when none does. */
static gboolean
get_piece_viewport (const Piece  *piece,
                    double        x,
                    double        y,
                    double        scale,
                    const KrRect *area,
                    KrRect       *viewport)
{
  double left = piece->source.x + (area->x - x) / scale - AREA_REACH;
  double top = piece->source.y + (area->y - y) / scale - AREA_REACH;
  double right = piece->source.x + (kr_rect_right (area) - x) / scale + AREA_REACH;
  double bottom = piece->source.y + (kr_rect_bottom (area) - y) / scale + AREA_REACH;

  left = MAX (left, piece->source.x);
  top = MAX (top, piece->source.y);
  right = MIN (right, kr_rect_right (&piece->source));
  bottom = MIN (bottom, kr_rect_bottom (&piece->source));
  *viewport = (KrRect) { left, top, right - left, bottom - top };
  return right > left && bottom > top;
}

/* Draws what of @page falls in @area, in output units (the whole page when %NULL), and
 * perhaps some more around it, for the caller's clip or surface to cut off. */
static void
draw_page_area (cairo_t               *cr,
                KrRenderer            *renderer,
                KrMap                 *map,
                const Plan            *plan,
                const Page            *page,
                const KrExportOptions *options,
                const KrRect          *area)
{
  double s = plan->scale;
  double left = (plan->width - page->width * s) / 2;
  double top = (plan->height - page->height * s) / 2;

  if (options->format == KR_EXPORT_PNG)
    {
      /* whole pixels keep the edges of lines and boxes sharp */
      left = floor (left);
      top = floor (top);
    }

  paint_background (cr, options);

  for (guint i = 0; i < page->n_pieces; i++)
    {
      const Piece *piece = &page->pieces[i];
      double margin = options->margin;
      double x = left + (margin + piece->x) * s, y = top + (margin + piece->y) * s;
      KrRect viewport = piece->source;

      if (area != NULL && !get_piece_viewport (piece, x, y, s, area, &viewport))
        continue;

      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, s, s);
      cairo_translate (cr, -piece->source.x, -piece->source.y);
      if (piece->clip)
        {
          cairo_rectangle (cr, piece->source.x, piece->source.y, piece->source.width, piece->source.height);
          kr_paint_push_clip (cr);
        }
      kr_renderer_draw (renderer, cr, map, &viewport, options->layers | KR_RENDER_NO_BACKGROUND);
      if (piece->clip)
        kr_paint_pop_clip (cr);
      cairo_restore (cr);
    }
}

static void
draw_page (cairo_t               *cr,
           KrRenderer            *renderer,
           KrMap                 *map,
           const Plan            *plan,
           const Page            *page,
           const KrExportOptions *options)
{
  draw_page_area (cr, renderer, map, plan, page, options, NULL);
}

/**
 * kr_export_draw_page:
 * @page: from 0 to the n_pages of kr_export_measure() − 1
 * @cr: a context whose user space is the export's pixels (points for SVG and PDF)
 *
 * Draws one page of the export, background included, from (0, 0) to the width and height
 * kr_export_measure() gives: a live preview is this, scaled down.
 */
gboolean
kr_export_draw_page (KrMap                 *map,
                     const KrExportOptions *options,
                     guint                  page,
                     cairo_t               *cr,
                     GError               **error)
{
  g_autoptr(KrRenderer) renderer = NULL;
  g_auto(Plan) plan = { 0 };

  g_return_val_if_fail (KR_IS_MAP (map), FALSE);
  g_return_val_if_fail (options != NULL && cr != NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;

  renderer = get_renderer (options);
  if (!make_plan (&plan, map, renderer, options, error))
    return FALSE;

  if (page >= plan.pages->len)
    return invalid (error, _("The export has no page %u"), page + 1);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, plan.width, plan.height);
  cairo_clip (cr);
  draw_page (cr, renderer, map, &plan, &g_array_index (plan.pages, Page, page), options);
  cairo_restore (cr);
  return TRUE;
}

static GBytes *
finish (cairo_surface_t *surface,
        GByteArray      *sink,
        GError         **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_FAILED,
                   _("The picture could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_bytes_new (sink->data, sink->len);
}

/* Draws @page a few rows at a time, each on a surface of those rows only: the writer
 * compresses them while the next are drawn. */
static GBytes *
render_png (KrMap                 *map,
            KrRenderer            *renderer,
            const Plan            *plan,
            const Page            *page,
            const KrExportOptions *options,
            GError               **error)
{
  cairo_format_t format = options->background == KR_EXPORT_BACKGROUND_TRANSPARENT
                          ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
  g_autoptr(KrPngWriter) writer = kr_png_writer_new (format, (int) plan->width, (int) plan->height, plan->dpi);
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  cairo_surface_t *rows;
  int y, n_rows;

  while (status == CAIRO_STATUS_SUCCESS && (rows = kr_png_writer_begin_rows (writer, &y, &n_rows)) != NULL)
    {
      cairo_t *cr = cairo_create (rows);

      /* the rows are left from earlier ones; a background paints over all of them */
      if (options->background == KR_EXPORT_BACKGROUND_TRANSPARENT)
        {
          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_paint (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        }
      draw_page_area (cr, renderer, map, plan, page, options, &(KrRect) { 0, y, plan->width, n_rows });
      status = cairo_status (cr);
      cairo_destroy (cr);
      kr_png_writer_end_rows (writer);
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_FAILED,
                   _("The picture could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return kr_png_writer_finish (writer, error);
}

static GBytes *
render_svg (KrMap                 *map,
            KrRenderer            *renderer,
            const Plan            *plan,
            const Page            *page,
            const KrExportOptions *options,
            GError               **error)
{
  g_autoptr(KrSvgWriter) writer = kr_svg_writer_new (plan->width, plan->height);
  cairo_t *cr = kr_svg_writer_get_context (writer);
  GBytes *svg;

  kr_svg_writer_set_title (writer, kr_map_get_title (map));
  draw_page (cr, renderer, map, plan, page, options);
  svg = kr_svg_writer_finish (writer);
  if (svg == NULL)
    g_set_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_FAILED,
                 _("The picture could not be drawn: %s"), cairo_status_to_string (cairo_status (cr)));
  return svg;
}

static GBytes *
render_pdf (KrMap                 *map,
            KrRenderer            *renderer,
            const Plan            *plan,
            const KrExportOptions *options,
            GError               **error)
{
  g_autoptr(GByteArray) sink = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (kr_paint_append_to_byte_array, sink,
                                                                  plan->width, plan->height);
  cairo_t *cr = cairo_create (surface);
  GBytes *pdf;

  /* no creation date: the same map makes the same file */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kringel");
  if (*kr_map_get_title (map) != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, kr_map_get_title (map));

  for (guint i = 0; i < plan->pages->len; i++)
    {
      draw_page (cr, renderer, map, plan, &g_array_index (plan->pages, Page, i), options);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

  pdf = finish (surface, sink, error);
  cairo_surface_destroy (surface);
  return pdf;
}

/**
 * kr_export_map_to_files_bytes:
 *
 * Returns: (element-type GBytes): the contents of each file the export makes: one, or one
 *   per slide for PNG and SVG slides.
 */
GPtrArray *
kr_export_map_to_files_bytes (KrMap                 *map,
                              const KrExportOptions *options,
                              GError               **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(KrRenderer) renderer = NULL;
  g_auto(Plan) plan = { 0 };

  g_return_val_if_fail (KR_IS_MAP (map), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!check_options (options, error))
    return NULL;

  renderer = get_renderer (options);
  if (!make_plan (&plan, map, renderer, options, error))
    return NULL;

  if (options->format == KR_EXPORT_PDF)
    {
      GBytes *pdf = render_pdf (map, renderer, &plan, options, error);

      if (pdf == NULL)
        return NULL;
      g_ptr_array_add (files, pdf);
      return g_steal_pointer (&files);
    }

  for (guint i = 0; i < plan.pages->len; i++)
    {
      const Page *page = &g_array_index (plan.pages, Page, i);
      GBytes *bytes = options->format == KR_EXPORT_PNG
                      ? render_png (map, renderer, &plan, page, options, error)
                      : render_svg (map, renderer, &plan, page, options, error);

      if (bytes == NULL)
        return NULL;
      g_ptr_array_add (files, bytes);
    }

  return g_steal_pointer (&files);
}

static GBytes *
get_single_file (GPtrArray  *files,
                 GError    **error)
{
  if (files->len != 1)
    {
      g_set_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_SEVERAL_FILES,
                   _("The export makes %u files, one per slide"), files->len);
      return NULL;
    }

  return g_bytes_ref (files->pdata[0]);
}

/**
 * kr_export_map_to_bytes:
 *
 * Returns: the one file an export makes (a PNG for the clipboard, say); slides as PNG or SVG
 *   make several and give %KR_EXPORT_ERROR_SEVERAL_FILES.
 */
GBytes *
kr_export_map_to_bytes (KrMap                 *map,
                        const KrExportOptions *options,
                        GError               **error)
{
  g_autoptr(GPtrArray) files = kr_export_map_to_files_bytes (map, options, error);

  return files != NULL ? get_single_file (files, error) : NULL;
}

/**
 * kr_export_get_numbered_file:
 *
 * Returns: where slide @number (from 1) of an export to @file goes: “deck.png” → “deck-2.png”.
 */
GFile *
kr_export_get_numbered_file (GFile *file,
                             guint  number)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  const char *dot = strrchr (basename, '.');
  g_autofree char *numbered = NULL;

  if (dot != NULL && dot != basename)
    numbered = g_strdup_printf ("%.*s-%u%s", (int) (dot - basename), basename, number, dot);
  else
    numbered = g_strdup_printf ("%s-%u", basename, number);

  return parent != NULL ? g_file_get_child (parent, numbered) : g_file_new_for_path (numbered);
}

static gboolean
write_files (GFile                 *file,
             GPtrArray             *files,
             const KrExportOptions *options,
             GError               **error)
{
  gboolean numbered = options->phases_per_slide > 0 && options->format != KR_EXPORT_PDF;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) target = numbered ? kr_export_get_numbered_file (file, i + 1) : g_object_ref (file);
      gsize length;
      const void *data = g_bytes_get_data (files->pdata[i], &length);

      if (!kr_write_file_atomically (target, data, length, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * kr_export_map_to_file:
 *
 * Writes the export to @file, or, for slides as PNG or SVG, to numbered files beside it
 * (see kr_export_get_numbered_file()). Nothing is written unless every picture could be drawn.
 */
gboolean
kr_export_map_to_file (KrMap                 *map,
                       GFile                 *file,
                       const KrExportOptions *options,
                       GError               **error)
{
  g_autoptr(GPtrArray) files = kr_export_map_to_files_bytes (map, options, error);

  return files != NULL && write_files (file, files, options, error);
}

/* Exporting in the background */

typedef struct
{
  char *map_data;            /* the map as it was when the export started */
  gsize map_length;
  GFile *file;               /* or NULL: the bytes of the one file are the result */
  KrExportOptions options;   /* its strings are the two below */
  char *phase_id;
  GStrv selection;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->map_data);
  g_clear_object (&job->file);
  g_free (job->phase_id);
  g_strfreev (job->selection);
  g_free (job);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(KrMap) map = NULL;
  g_autoptr(GPtrArray) files = NULL;
  GBytes *bytes;
  GError *error = NULL;

  map = kr_map_load_from_data (job->map_data, job->map_length, _("the map"), NULL, &error);
  if (map != NULL)
    files = kr_export_map_to_files_bytes (map, &job->options, &error);

  if (g_task_return_error_if_cancelled (task))
    g_clear_error (&error);
  else if (files == NULL)
    g_task_return_error (task, error);
  else if (job->file == NULL)
    {
      bytes = get_single_file (files, &error);
      if (bytes != NULL)
        g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
      else
        g_task_return_error (task, error);
    }
  else if (!write_files (job->file, files, &job->options, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Runs the export of @map as it is now on another thread; @file may be NULL. */
static void
start_export_task (KrMap                 *map,
                   GFile                 *file,
                   const KrExportOptions *options,
                   GCancellable          *cancellable,
                   GAsyncReadyCallback    callback,
                   gpointer               user_data,
                   gpointer               source_tag)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->map_data = kr_map_to_data (map, &job->map_length);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  job->options = *options;
  job->phase_id = g_strdup (options->phase_id);
  job->selection = g_strdupv ((char **) options->selection);
  job->options.phase_id = job->phase_id;
  job->options.selection = (const char * const *) job->selection;
  job->options.renderer = NULL;   /* the caller's thread's */

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

/**
 * kr_export_map_to_file_async:
 *
 * Does what kr_export_map_to_file() does, on another thread, with @map as it is now: the
 * caller may go on changing it. Once @cancellable is cancelled, nothing is written.
 */
void
kr_export_map_to_file_async (KrMap                 *map,
                             GFile                 *file,
                             const KrExportOptions *options,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_return_if_fail (KR_IS_MAP (map));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL);

  start_export_task (map, file, options, cancellable, callback, user_data, kr_export_map_to_file_async);
}

gboolean
kr_export_map_to_file_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kr_export_map_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kr_export_map_to_bytes_async:
 *
 * Does what kr_export_map_to_bytes() does, on another thread, with @map as it is now.
 */
void
kr_export_map_to_bytes_async (KrMap                 *map,
                              const KrExportOptions *options,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_return_if_fail (KR_IS_MAP (map));
  g_return_if_fail (options != NULL);

  start_export_task (map, NULL, options, cancellable, callback, user_data, kr_export_map_to_bytes_async);
}

GBytes *
kr_export_map_to_bytes_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kr_export_map_to_bytes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
