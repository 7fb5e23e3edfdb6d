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

struct _KrLineMask
{
  cairo_matrix_t to_device;
  double scale;               /* device pixels per user unit */
  int x, y, width, height;    /* of the mask, in device pixels */
  int stride;
  cairo_surface_t *surface;
  unsigned char *data;
};

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

  return self;
}

void
kr_line_mask_free (KrLineMask *self)
{
  if (self == NULL)
    return;

  cairo_surface_destroy (self->surface);
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

/* A line a pixel wide (Xiaolin Wu's): in each column, the two pixels nearest the line share
 * its coverage. Most arrows of a map seen whole are drawn this way, so this works in fixed
 * point, 16 bits of fraction. */
static void
add_thin_piece (KrLineMask *self,
                double      x0,
                double      y0,
                double      x1,
                double      slope,
                double      strength,
                gboolean    transposed)
{
  int limit = transposed ? self->height : self->width;
  unsigned int other_limit = transposed ? self->width : self->height;
  int first = MAX (floor_to_int (x0), 0), last = MIN (floor_to_int (x1), limit - 1);
  double start = y0 + slope * (first + 0.5 - x0) - 0.5;
  int level = (int) (strength * 255 + 0.5);
  gint64 y, step;
  /* along a row when transposed, along a column otherwise */
  ptrdiff_t along = transposed ? self->stride : 1, across = transposed ? 1 : self->stride;

  if (first > last || !(fabs (start) < 1e6) || !(fabs (slope) <= 1))
    return;

  y = (gint64) floor (start * 65536);
  step = (gint64) (slope * 65536);

  for (int x = first; x <= last; x++, y += step)
    {
      gint64 row = y >> 16;
      int below = (int) (((y & 0xffff) * level) >> 16);
      unsigned char *pixel = self->data + x * along + row * across;

      if ((guint64) row < other_limit)
        cover_byte (pixel, level - below);
      if ((guint64) (row + 1) < other_limit)
        cover_byte (pixel + across, below);
    }
}

/* Covers, in each column from @x0 to @x1, the pixels overlapping the band of half height
 * @band around the line through (x0, y0) with @slope, by how much they overlap; in fixed
 * point, 16 bits of fraction. An end that is a true end of the line (@end0, @end1) covers
 * its end column only as far as it reaches into it. */
static void
add_band_piece (KrLineMask *self,
                double      x0,
                double      y0,
                double      x1,
                double      slope,
                double      band,
                gboolean    end0,
                gboolean    end1,
                double      strength,
                gboolean    transposed)
{
  int limit = transposed ? self->height : self->width;
  unsigned int other_limit = transposed ? self->width : self->height;
  int first = MAX (floor_to_int (x0), 0), last = MIN (floor_to_int (x1), limit - 1);
  double middle = y0 + slope * (first + 0.5 - x0);
  int full_level = (int) (strength * 255 + 0.5);
  gint64 low, high, step;
  ptrdiff_t along = transposed ? self->stride : 1, across = transposed ? 1 : self->stride;

  if (first > last || !(fabs (middle) < 1e6) || !(fabs (slope) <= 1))
    return;

  low = (gint64) floor ((middle - band) * 65536);
  high = (gint64) floor ((middle + band) * 65536);
  step = (gint64) (slope * 65536);

  for (int x = first; x <= last; x++, low += step, high += step)
    {
      gint64 row = low >> 16, last_row = high >> 16;
      unsigned char *column = self->data + x * along;
      int level = full_level;

      if ((end0 && x == first) || (end1 && x == last))
        level = (int) (full_level * (MIN (x1, x + 1.0) - MAX (x0, (double) x)) + 0.5);

      if (row == last_row)
        {
          if ((guint64) row < other_limit)
            cover_byte (column + row * across, (int) (((high - low) * level) >> 16));
          continue;
        }

      if ((guint64) row < other_limit)
        cover_byte (column + row * across, (int) (((65536 - (low & 0xffff)) * level) >> 16));
      for (row++; row < last_row; row++)
        if ((guint64) row < other_limit)
          cover_byte (column + row * across, level);
      if ((guint64) last_row < other_limit)
        cover_byte (column + last_row * across, (int) (((high & 0xffff) * level) >> 16));
    }
}

/* A straight piece from (x0, y0) to (x1, y1), device pixels relative to the mask. Where it
 * joins the next piece of the same line (not @end0/@end1), it covers its end pixel fully:
 * the neighbour covers the same pixel, and coverage is the maximum, not the sum. */
static void
add_piece (KrLineMask *self,
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
  int limit;
  double slope, band;

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

  limit = transposed ? self->height : self->width;
  slope = (y1 - y0) / (x1 - x0);
  band = half_width * sqrt (1 + slope * slope);

  if (x1 < 0 || x0 >= limit || MAX (y0, y1) + band < 0 ||
      MIN (y0, y1) - band >= (transposed ? self->width : self->height))
    return;

  if (half_width <= MIN_HALF_WIDTH)
    {
      add_thin_piece (self, x0, y0, x1, slope, strength, transposed);
      return;
    }

  add_band_piece (self, x0, y0, x1, slope, band, end0, end1, strength, transposed);
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

/**
 * kr_line_mask_add_curve:
 * @points: a cubic Bézier curve in user coordinates
 * @width: of the line, in user units
 * @dashes: (nullable): lengths of dashes and gaps, in user units
 *
 * Adds a curve to the mask. Lines thinner than a pixel on the device are drawn a pixel wide
 * and fainter.
 */
void
kr_line_mask_add_curve (KrLineMask    *self,
                        const KrPoint  points[4],
                        double         width,
                        const double  *dashes,
                        guint          n_dashes)
{
  double x[4], y[4];
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE, top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  double half_width = width * self->scale / 2, strength = 1, curvature;
  double dash_position = 0;
  guint dash = 0;
  gboolean on = TRUE;
  KrPoint previous;
  int n;

  for (int i = 0; i < 4; i++)
    {
      x[i] = points[i].x, y[i] = points[i].y;
      cairo_matrix_transform_point (&self->to_device, &x[i], &y[i]);
      x[i] -= self->x, y[i] -= self->y;
      left = MIN (left, x[i]), right = MAX (right, x[i]);
      top = MIN (top, y[i]), bottom = MAX (bottom, y[i]);
    }

  /* a curve lies inside the hull of its control points */
  if (!isfinite (left + right + top + bottom) || right < -half_width - 1 || bottom < -half_width - 1 ||
      left > self->width + half_width + 1 || top > self->height + half_width + 1)
    return;

  if (half_width < MIN_HALF_WIDTH)
    {
      strength = MAX (half_width / MIN_HALF_WIDTH, MIN_STRENGTH);
      half_width = MIN_HALF_WIDTH;
    }

  /* pieces short enough to stray less than TOLERANCE: the error of n chords is at most
   * 3/4 · max |P0 − 2P1 + P2|, |P1 − 2P2 + P3| / n² */
  curvature = MAX (hypot (x[0] - 2 * x[1] + x[2], y[0] - 2 * y[1] + y[2]),
                   hypot (x[1] - 2 * x[2] + x[3], y[1] - 2 * y[2] + y[3]));
  n = (int) CLAMP (ceil (sqrt (0.75 * curvature / TOLERANCE)), 1, MAX_PIECES);

  previous = bezier_point (x, y, 0);
  for (int i = 1; i <= n; i++)
    {
      KrPoint next = bezier_point (x, y, (double) i / n);

      if (dashes == NULL || n_dashes == 0)
        add_piece (self, previous.x, previous.y, next.x, next.y, i == 1, i == n, half_width, strength);
      else
        {
          double piece = hypot (next.x - previous.x, next.y - previous.y), done = 0;

          /* cut the piece where dashes start and end */
          while (done < piece)
            {
              double dash_length = MAX (dashes[dash] * self->scale, 0.5);
              double step = MIN (piece - done, dash_length - dash_position);

              if (on)
                add_piece (self, previous.x + (next.x - previous.x) * done / piece,
                           previous.y + (next.y - previous.y) * done / piece,
                           previous.x + (next.x - previous.x) * (done + step) / piece,
                           previous.y + (next.y - previous.y) * (done + step) / piece,
                           dash_position == 0, dash_position + step >= dash_length, half_width, strength);

              done += step;
              dash_position += step;
              if (dash_position >= dash_length)
                {
                  dash_position = 0;
                  dash = (dash + 1) % n_dashes;
                  on = !on;
                }
            }
        }

      previous = next;
    }
}

/* Paints the curves added so far with @cr's current source. */
void
kr_line_mask_paint (KrLineMask *self,
                    cairo_t    *cr)
{
  cairo_surface_mark_dirty (self->surface);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_mask_surface (cr, self->surface, self->x, self->y);
  cairo_restore (cr);
}
