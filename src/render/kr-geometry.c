/* kr-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-geometry.h"

KrRect
kr_rect_union (const KrRect *a,
               const KrRect *b)
{
  double x = MIN (a->x, b->x);
  double y = MIN (a->y, b->y);

  return (KrRect) { x, y,
                    MAX (kr_rect_right (a), kr_rect_right (b)) - x,
                    MAX (kr_rect_bottom (a), kr_rect_bottom (b)) - y };
}
