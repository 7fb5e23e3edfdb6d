/* kr-line-mask.c
 *
 * cairo 1.16 strokes a line at about 140 ns per pixel row it crosses (its scan converter
 * samples 15 sub-rows and walks every edge of the stroke's outline in each), and no stroke
 * costs less than about 4 µs: the arcs of loops cost 50–150 µs each at 100 %, and the
 * 15,000 arrows of a 10,000-card map 60 ms or more when seen whole. Arrows are thin and of
 * one colour, so they are drawn here into an alpha mask of the visible area instead, and
 * the mask is painted in one operation: each curve is cut into short straight pieces, and
 * each piece covers, in every pixel column (or row) it crosses, the pixels its band of the
 * line's width overlaps, by the overlapped length (a box filter across the line). Pieces of
 * a curve join without seams because coverage is kept as the maximum, not the sum; where
 * two arrows cross the mask saturates the same way.
 *
 * Curves are kept until the mask is painted, then drawn on all cores at once: each thread
 * draws every curve, but only into its own band of rows, so no pixel has two writers and
 * the mask is the same whatever the number of threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stddef.h>

#include "kr-line-mask.h"

#define MAX_PIXELS      (8192.0 * 8192.0)
#define TOLERANCE       0.2    /* device pixels a straight piece may stray from the curve */
#define MAX_PIECES      256
#define MIN_HALF_WIDTH  0.5    /* thinner lines are drawn this wide, but fainter… */
#define MIN_STRENGTH    0.5    /* …though not so faint they vanish */
#define MAX_DASHES      4
#define CURVES_PER_THREAD 256  /* fewer are drawn faster than a thread starts */
#define MAX_THREADS     8

typedef struct
{
  double x[4], y[4];          /* device pixels, relative to the mask */
  double half_width;          /* device pixels */
  double strength;
  double dashes[MAX_DASHES];  /* device pixels */
  guint n_dashes;
} Curve;

struct _KrLineMask
{
  cairo_matrix_t to_device;
  double scale;               /* device pixels per user unit */
  int x, y, width, height;    /* of the mask, in device pixels */
  int stride;
  cairo_surface_t *surface;
  unsigned char *data;
  GArray *curves;             /* Curve, drawn when painted */
  guint max_threads;
};

/* The rows of the mask one thread draws into. */
typedef struct
{
  KrLineMask *mask;
  int top, bottom;            /* bottom excluded */
} Band;

/**
 * kr_line_mask_new:
 *
 * Returns: (nullable): a mask for the area @cr draws in, or %NULL when @cr's transformation
 *   rotates, skews or stretches, or the area is too large: stroke with cairo instead.
 */
KrLineMask *
kr_line_mask_new (cairo_t *cr)
{
  KrLineMask *self;
  cairo_matrix_t matrix;
  double x1, y1, x2, y2;

  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx <= 0 || fabs (matrix.xx - matrix.yy) > 1e-9 * matrix.xx)
    return NULL;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  cairo_user_to_device (cr, &x1, &y1);
  cairo_user_to_device (cr, &x2, &y2);
  x1 = floor (x1), y1 = floor (y1), x2 = ceil (x2), y2 = ceil (y2);
  if (!(x2 > x1 && y2 > y1) || (x2 - x1) * (y2 - y1) > MAX_PIXELS)
    return NULL;

  self = g_new0 (KrLineMask, 1);
  self->to_device = matrix;
  self->scale = matrix.xx;
  self->x = (int) x1, self->y = (int) y1;
  self->width = (int) (x2 - x1), self->height = (int) (y2 - y1);
  self->surface = cairo_image_surface_create (CAIRO_FORMAT_A8, self->width, self->height);
  self->stride = cairo_image_surface_get_stride (self->surface);
  self->data = cairo_image_surface_get_data (self->surface);
  cairo_surface_flush (self->surface);
  self->curves = g_array_new (FALSE, FALSE, sizeof (Curve));
  self->max_threads = MAX_THREADS;

  return self;
}

void
kr_line_mask_free (KrLineMask *self)
{
  if (self == NULL)
    return;

  cairo_surface_destroy (self->surface);
  g_array_unref (self->curves);
  g_free (self);
}

/* floor () for the coordinates of a mask, without a call into libm */
static inline int
floor_to_int (double value)
{
  int truncated;

  value = CLAMP (value, -2.0, 1e8);
  truncated = (int) value;
  return truncated - (value < truncated);
}

static inline void
cover_byte (unsigned char *pixel,
            int            value)
{
  int old = *pixel;

  *pixel = (unsigned char) (value > old ? value : old);   /* without a branch to mispredict */
}

/* The range a piece walks along (its longer axis) and the range across it, as far as
 * @band draws: columns and rows, or rows and columns when @transposed. */
typedef struct
{
  int along_min, along_max;   /* both included */
  gint64 across_min;
  guint64 across_count;
  ptrdiff_t along, across;    /* bytes a step moves in the mask */
} Walk;

static Walk
walk_for (const Band *band,
          gboolean    transposed)
{
  const KrLineMask *mask = band->mask;

  if (transposed)
    return (Walk) { band->top, band->bottom - 1, 0, (guint64) mask->width, mask->stride, 1 };

  return (Walk) { 0, mask->width - 1, band->top, (guint64) (band->bottom - band->top), 1, mask->stride };
}

static inline void
cover (const Band  *band,
       const Walk  *walk,
       int          x,
       gint64       row,
       int          value)
{
  if ((guint64) (row - walk->across_min) < walk->across_count)
    cover_byte (band->mask->data + x * walk->along + row * walk->across, value);
}

/* A line a pixel wide (Xiaolin Wu's): in each column, the two pixels nearest the line share
 * its coverage. Most arrows of a map seen whole are drawn this way, so this works in fixed
 * point, 16 bits of fraction. */
static void
add_thin_piece (const Band *band,
                double      x0,
                double      y0,
                double      x1,
                double      slope,
                double      strength,
                gboolean    transposed)
{
  Walk walk = walk_for (band, transposed);
  /* fixed point from the piece's first pixel in the mask, whichever band draws: the same
   * coverage for any number of bands */
  int origin = MAX (floor_to_int (x0), 0);
  int first = MAX (origin, walk.along_min), last = MIN (floor_to_int (x1), walk.along_max);
  double start = y0 + slope * (origin + 0.5 - x0) - 0.5;
  int level = (int) (strength * 255 + 0.5);
  gint64 y, step;

  if (first > last || !(fabs (start) < 1e6) || !(fabs (slope) <= 1))
    return;

  step = (gint64) (slope * 65536);
  y = (gint64) floor (start * 65536) + (first - origin) * step;

  for (int x = first; x <= last; x++, y += step)
    {
      gint64 row = y >> 16;
      int below = (int) (((y & 0xffff) * level) >> 16);

      cover (band, &walk, x, row, level - below);
      cover (band, &walk, x, row + 1, below);
    }
}

/* Covers, in each column from @x0 to @x1, the pixels overlapping the band of half height
 * @half around the line through (x0, y0) with @slope, by how much they overlap; in fixed
 * point, 16 bits of fraction. An end that is a true end of the line (@end0, @end1) covers
 * its end column only as far as it reaches into it. */
static void
add_band_piece (const Band *band,
                double      x0,
                double      y0,
                double      x1,
                double      slope,
                double      half,
                gboolean    end0,
                gboolean    end1,
                double      strength,
                gboolean    transposed)
{
  Walk walk = walk_for (band, transposed);
  int origin = MAX (floor_to_int (x0), 0), end = floor_to_int (x1);   /* as in add_thin_piece () */
  int first = MAX (origin, walk.along_min), last = MIN (end, walk.along_max);
  double middle = y0 + slope * (origin + 0.5 - x0);
  int full_level = (int) (strength * 255 + 0.5);
  gint64 low, high, step;

  if (first > last || !(fabs (middle) < 1e6) || !(fabs (slope) <= 1))
    return;

  step = (gint64) (slope * 65536);
  low = (gint64) floor ((middle - half) * 65536) + (first - origin) * step;
  high = (gint64) floor ((middle + half) * 65536) + (first - origin) * step;

  for (int x = first; x <= last; x++, low += step, high += step)
    {
      gint64 row = low >> 16, last_row = high >> 16;
      int level = full_level;

      if ((end0 && x == origin) || (end1 && x == end))
        level = (int) (full_level * (MIN (x1, x + 1.0) - MAX (x0, (double) x)) + 0.5);

      if (row == last_row)
        {
          cover (band, &walk, x, row, (int) (((high - low) * level) >> 16));
          continue;
        }

      cover (band, &walk, x, row, (int) (((65536 - (low & 0xffff)) * level) >> 16));
      for (row++; row < last_row; row++)
        cover (band, &walk, x, row, level);
      cover (band, &walk, x, last_row, (int) (((high & 0xffff) * level) >> 16));
    }
}

/* A straight piece from (x0, y0) to (x1, y1), device pixels relative to the mask. Where it
 * joins the next piece of the same line (not @end0/@end1), it covers its end pixel fully:
 * the neighbour covers the same pixel, and coverage is the maximum, not the sum. */
static void
add_piece (const Band *band,
           double      x0,
           double      y0,
           double      x1,
           double      y1,
           gboolean    end0,
           gboolean    end1,
           double      half_width,
           double      strength)
{
  gboolean transposed = fabs (y1 - y0) > fabs (x1 - x0);
  double slope, half;
  Walk walk;

  /* walk along the longer axis; "x" is that axis from here on */
  if (transposed)
    {
      double t;

      t = x0, x0 = y0, y0 = t;
      t = x1, x1 = y1, y1 = t;
    }
  if (x0 > x1)
    {
      double t;
      gboolean e;

      t = x0, x0 = x1, x1 = t;
      t = y0, y0 = y1, y1 = t;
      e = end0, end0 = end1, end1 = e;
    }
  if (x1 - x0 < 1e-6)
    return;

  walk = walk_for (band, transposed);
  slope = (y1 - y0) / (x1 - x0);
  half = half_width * sqrt (1 + slope * slope);

  if (x1 < walk.along_min || x0 >= walk.along_max + 1 || MAX (y0, y1) + half < walk.across_min ||
      MIN (y0, y1) - half >= walk.across_min + (double) walk.across_count)
    return;

  if (half_width <= MIN_HALF_WIDTH)
    {
      add_thin_piece (band, x0, y0, x1, slope, strength, transposed);
      return;
    }

  add_band_piece (band, x0, y0, x1, slope, half, end0, end1, strength, transposed);
}

static KrPoint
bezier_point (const double x[4],
              const double y[4],
              double       t)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

  return (KrPoint) { a * x[0] + b * x[1] + c * x[2] + d * x[3], a * y[0] + b * y[1] + c * y[2] + d * y[3] };
}

/* Whether any of @curve can reach into @band's rows (a curve lies inside the hull of its
 * control points). */
static gboolean
curve_reaches (const Curve *curve,
               const Band  *band)
{
  double top = MIN (MIN (curve->y[0], curve->y[1]), MIN (curve->y[2], curve->y[3]));
  double bottom = MAX (MAX (curve->y[0], curve->y[1]), MAX (curve->y[2], curve->y[3]));

  /* a piece covers up to its half width times √2 across the rows it walks along */
  double reach = curve->half_width * G_SQRT2 + 2;

  return bottom + reach >= band->top && top - reach < band->bottom;
}

static void
draw_curve (const Band  *band,
            const Curve *curve)
{
  const double *x = curve->x, *y = curve->y;
  double dash_position = 0, curvature;
  guint dash = 0;
  gboolean on = TRUE;
  KrPoint previous;
  int n;

  if (!curve_reaches (curve, band))
    return;

  /* pieces short enough to stray less than TOLERANCE: the error of n chords is at most
   * 3/4 · max |P0 − 2P1 + P2|, |P1 − 2P2 + P3| / n² */
  curvature = MAX (hypot (x[0] - 2 * x[1] + x[2], y[0] - 2 * y[1] + y[2]),
                   hypot (x[1] - 2 * x[2] + x[3], y[1] - 2 * y[2] + y[3]));
  n = (int) CLAMP (ceil (sqrt (0.75 * curvature / TOLERANCE)), 1, MAX_PIECES);

  previous = bezier_point (x, y, 0);
  for (int i = 1; i <= n; i++)
    {
      KrPoint next = bezier_point (x, y, (double) i / n);

      if (curve->n_dashes == 0)
        add_piece (band, previous.x, previous.y, next.x, next.y, i == 1, i == n, curve->half_width, curve->strength);
      else
        {
          double piece = hypot (next.x - previous.x, next.y - previous.y), done = 0;

          /* cut the piece where dashes start and end */
          while (done < piece)
            {
              double dash_length = curve->dashes[dash];
              double step = MIN (piece - done, dash_length - dash_position);

              if (on)
                add_piece (band, previous.x + (next.x - previous.x) * done / piece,
                           previous.y + (next.y - previous.y) * done / piece,
                           previous.x + (next.x - previous.x) * (done + step) / piece,
                           previous.y + (next.y - previous.y) * (done + step) / piece,
                           dash_position == 0, dash_position + step >= dash_length, curve->half_width,
                           curve->strength);

              done += step;
              dash_position += step;
              if (dash_position >= dash_length)
                {
                  dash_position = 0;
                  dash = (dash + 1) % curve->n_dashes;
                  on = !on;
                }
            }
        }

      previous = next;
    }
}

/**
 * kr_line_mask_add_curve:
 * @points: a cubic Bézier curve in user coordinates
 * @width: of the line, in user units
 * @dashes: (nullable): lengths of dashes and gaps, in user units (at most four)
 *
 * Adds a curve to the mask, drawn when the mask is painted. Lines thinner than a pixel on
 * the device are drawn a pixel wide and fainter.
 */
void
kr_line_mask_add_curve (KrLineMask    *self,
                        const KrPoint  points[4],
                        double         width,
                        const double  *dashes,
                        guint          n_dashes)
{
  Curve curve = { .half_width = width * self->scale / 2, .strength = 1 };
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE, top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  for (int i = 0; i < 4; i++)
    {
      curve.x[i] = points[i].x, curve.y[i] = points[i].y;
      cairo_matrix_transform_point (&self->to_device, &curve.x[i], &curve.y[i]);
      curve.x[i] -= self->x, curve.y[i] -= self->y;
      left = MIN (left, curve.x[i]), right = MAX (right, curve.x[i]);
      top = MIN (top, curve.y[i]), bottom = MAX (bottom, curve.y[i]);
    }

  /* a curve lies inside the hull of its control points */
  if (!isfinite (left + right + top + bottom) || right < -curve.half_width - 1 ||
      bottom < -curve.half_width - 1 || left > self->width + curve.half_width + 1 ||
      top > self->height + curve.half_width + 1)
    return;

  if (curve.half_width < MIN_HALF_WIDTH)
    {
      curve.strength = MAX (curve.half_width / MIN_HALF_WIDTH, MIN_STRENGTH);
      curve.half_width = MIN_HALF_WIDTH;
    }

  curve.n_dashes = dashes != NULL ? MIN (n_dashes, MAX_DASHES) : 0;
  for (guint i = 0; i < curve.n_dashes; i++)
    curve.dashes[i] = MAX (dashes[i] * self->scale, 0.5);

  g_array_append_val (self->curves, curve);
}

static gpointer
draw_band (gpointer data)
{
  const Band *band = data;
  GArray *curves = band->mask->curves;

  for (guint i = 0; i < curves->len; i++)
    draw_curve (band, &g_array_index (curves, Curve, i));

  return NULL;
}

/* Draws the curves added so far, in bands of rows on as many threads as help. */
static void
draw_curves (KrLineMask *self)
{
  guint n_threads = CLAMP (MIN (g_get_num_processors (), self->curves->len / CURVES_PER_THREAD), 1,
                           self->max_threads);
  Band bands[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL };

  for (guint i = 0; i < n_threads; i++)
    bands[i] = (Band) { self, (int) ((gint64) self->height * i / n_threads),
                        (int) ((gint64) self->height * (i + 1) / n_threads) };

  for (guint i = 1; i < n_threads; i++)
    threads[i] = g_thread_new ("kr-line-mask", draw_band, &bands[i]);
  draw_band (&bands[0]);
  for (guint i = 1; i < n_threads; i++)
    g_thread_join (threads[i]);

  g_array_set_size (self->curves, 0);
}

/* At most @n_threads (1 … 8) draw the curves: the mask is the same for any number. */
void
kr_line_mask_set_max_threads (KrLineMask *self,
                              guint       n_threads)
{
  self->max_threads = CLAMP (n_threads, 1, MAX_THREADS);
}

/* Paints the curves added so far with @cr's current source. */
void
kr_line_mask_paint (KrLineMask *self,
                    cairo_t    *cr)
{
  draw_curves (self);
  cairo_surface_mark_dirty (self->surface);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_mask_surface (cr, self->surface, self->x, self->y);
  cairo_restore (cr);
}
