/* kr-geometry.h: points and rectangles in map coordinates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x, y;
} KrPoint;

typedef struct
{
  double x, y, width, height;
} KrRect;

static inline double
kr_rect_right (const KrRect *rect)
{
  return rect->x + rect->width;
}

static inline double
kr_rect_bottom (const KrRect *rect)
{
  return rect->y + rect->height;
}

static inline gboolean
kr_rect_intersects (const KrRect *a,
                    const KrRect *b)
{
  return a->x < kr_rect_right (b) && b->x < kr_rect_right (a) &&
         a->y < kr_rect_bottom (b) && b->y < kr_rect_bottom (a);
}

static inline gboolean
kr_rect_contains_point (const KrRect *rect,
                        double        x,
                        double        y)
{
  return x >= rect->x && x < kr_rect_right (rect) && y >= rect->y && y < kr_rect_bottom (rect);
}

static inline KrRect
kr_rect_inflate (const KrRect *rect,
                 double        amount)
{
  return (KrRect) { rect->x - amount, rect->y - amount,
                    rect->width + 2 * amount, rect->height + 2 * amount };
}

KrRect kr_rect_union (const KrRect *a,
                      const KrRect *b);

G_END_DECLS
