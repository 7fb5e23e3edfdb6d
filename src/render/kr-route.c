/* kr-route.c
 *
 * Connections are cubic Bézier curves. Forward arrows leave the right edge and enter the
 * left edge; loops back leave the top of the source, arc above every card they pass over and
 * come down onto the top of the target, so a return in the journey reads as a *Kringel*
 * rather than a line through the cards. Several arrows between the same pair get a
 * @lane_index (0, 1, −1, 2, …) that fans them apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>

#include "kr-route.h"

#define GAP            16.0   /* horizontal room needed for a forward arrow */
#define ARC_CLEARANCE  30.0   /* between a loop's highest point and the cards below it */
#define FAN_SPACING    18.0

static void
route_forward (const KrRect *from,
               const KrRect *to,
               int           lane_index,
               KrRoute      *route)
{
  double fan = lane_index * FAN_SPACING;
  KrPoint start = { kr_rect_right (from), from->y + from->height / 2 + fan };
  KrPoint end = { to->x, to->y + to->height / 2 + fan };
  double reach = MAX ((end.x - start.x) / 2, 30);

  route->kind = KR_ROUTE_FORWARD;
  route->points[0] = start;
  route->points[1] = (KrPoint) { start.x + reach, start.y };
  route->points[2] = (KrPoint) { end.x - reach, end.y };
  route->points[3] = end;
}

static void
route_vertical (const KrRect *from,
                const KrRect *to,
                int           lane_index,
                KrRoute      *route)
{
  double fan = lane_index * FAN_SPACING;
  gboolean down = to->y >= kr_rect_bottom (from);
  KrPoint start = { from->x + from->width / 2 + fan, down ? kr_rect_bottom (from) : from->y };
  KrPoint end = { to->x + to->width / 2 + fan, down ? to->y : kr_rect_bottom (to) };
  double reach = MAX (fabs (end.y - start.y) / 2, 20) * (down ? 1 : -1);

  route->kind = KR_ROUTE_VERTICAL;
  route->points[0] = start;
  route->points[1] = (KrPoint) { start.x, start.y + reach };
  route->points[2] = (KrPoint) { end.x, end.y - reach };
  route->points[3] = end;
}

/* How high an arc over the cards between @from and @to must rise (@above), or how low an
 * arc under them must dip: clear of both ends and of every card it passes. */
static double
arc_extreme (const KrRect *from,
             const KrRect *to,
             const KrRect *obstacles,
             guint         n_obstacles,
             gboolean      above)
{
  double left, right;
  double extreme = above ? MIN (from->y, to->y) : MAX (kr_rect_bottom (from), kr_rect_bottom (to));
  double inner = above ? MAX (from->y, to->y) : MIN (kr_rect_bottom (from), kr_rect_bottom (to));

  kr_route_get_obstacle_span (from, to, &left, &right);

  /* Cards between the two ends that reach past the nearer end would be crossed; moving the
   * arc can bring more cards into reach, so repeat until it settles. */
  for (gboolean moved = TRUE; moved;)
    {
      moved = FALSE;
      for (guint i = 0; i < n_obstacles; i++)
        {
          const KrRect *card = &obstacles[i];

          if (card->x >= right || kr_rect_right (card) <= left)
            continue;

          if (above && card->y < inner && card->y < extreme &&
              kr_rect_bottom (card) > extreme - ARC_CLEARANCE)
            extreme = card->y, moved = TRUE;
          else if (!above && kr_rect_bottom (card) > inner && kr_rect_bottom (card) > extreme &&
                   card->y < extreme + ARC_CLEARANCE)
            extreme = kr_rect_bottom (card), moved = TRUE;
        }
    }

  return above ? extreme - ARC_CLEARANCE : extreme + ARC_CLEARANCE;
}

/* A loop back leaves the top (or bottom) of the source and lands on the top (or bottom) of
 * the target. It arcs above the cards when that stays inside @corridor (the lanes), else
 * below them, where only free space lies beyond the last lane. */
static void
arc_route (const KrRect *from,
           const KrRect *to,
           double        fan,
           double        extreme,
           gboolean      above,
           KrRoute      *route)
{
  KrPoint start = { from->x + from->width / 2 + fan, above ? from->y : kr_rect_bottom (from) };
  KrPoint end = { to->x + to->width / 2 - fan, above ? to->y : kr_rect_bottom (to) };
  /* A cubic whose two controls share a height gets three quarters of the way to them. */
  double start_control = start.y + (extreme - start.y) / 0.75;
  double end_control = end.y + (extreme - end.y) / 0.75;
  double control_y = above ? MIN (start_control, end_control) : MAX (start_control, end_control);

  route->kind = KR_ROUTE_BACKWARD;
  route->points[0] = start;
  route->points[1] = (KrPoint) { start.x, control_y };
  route->points[2] = (KrPoint) { end.x, control_y };
  route->points[3] = end;
}

#define CROSSING_SAMPLES 47

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  double x = ((const KrPoint *) a)->x, y = ((const KrPoint *) b)->x;

  return (x > y) - (x < y);
}

/* How many other cards the curve runs through: in how many a point of it lies. The points
 * are sorted from left to right, so each card looks only at those above its width. */
static guint
count_crossings (const KrRoute *route,
                 const KrRect  *from,
                 const KrRect  *to,
                 const KrRect  *obstacles,
                 guint          n_obstacles)
{
  KrRect bounds = kr_route_get_bounds (route);
  KrPoint points[CROSSING_SAMPLES];
  guint crossings = 0;

  for (int step = 1; step <= CROSSING_SAMPLES; step++)
    points[step - 1] = kr_route_point_at (route, step / (CROSSING_SAMPLES + 1.0));
  qsort (points, CROSSING_SAMPLES, sizeof (KrPoint), compare_x);

  for (guint i = 0; i < n_obstacles; i++)
    {
      const KrRect *card = &obstacles[i];
      KrRect inside = kr_rect_inflate (card, -2);
      guint low = 0, high = CROSSING_SAMPLES;

      if (!kr_rect_intersects (card, &bounds) ||
          (card->x == from->x && card->y == from->y) || (card->x == to->x && card->y == to->y))
        continue;

      /* the first point not left of the card */
      while (low < high)
        {
          guint middle = (low + high) / 2;

          if (points[middle].x < inside.x)
            low = middle + 1;
          else
            high = middle;
        }

      for (guint step = low; step < CROSSING_SAMPLES && points[step].x <= kr_rect_right (&inside); step++)
        if (kr_rect_contains_point (&inside, points[step].x, points[step].y))
          {
            crossings++;
            break;
          }
    }

  return crossings;
}

/* A loop back leaves the top of the source and lands on the top of the target, arcing
 * over the cards in between, or does the same under them. It takes the side that runs
 * through fewer cards; on a tie, above while that stays inside @corridor (the lanes), else
 * below, where only free space lies beyond the last lane. */
static void
route_backward (const KrRect *from,
                const KrRect *to,
                int           lane_index,
                const KrRect *obstacles,
                guint         n_obstacles,
                const KrRect *corridor,
                KrRoute      *route,
                KrRect       *reach)
{
  double fan = lane_index * FAN_SPACING;
  double peak = arc_extreme (from, to, obstacles, n_obstacles, TRUE) - fabs (fan);
  double trough = arc_extreme (from, to, obstacles, n_obstacles, FALSE) + fabs (fan);
  KrRoute over, under;
  guint crossings_over, crossings_under;

  arc_route (from, to, fan, peak, TRUE, &over);
  arc_route (from, to, fan, trough, FALSE, &under);
  crossings_over = count_crossings (&over, from, to, obstacles, n_obstacles);
  crossings_under = count_crossings (&under, from, to, obstacles, n_obstacles);

  if (crossings_over < crossings_under ||
      (crossings_over == crossings_under && peak >= corridor->y))
    *route = over;
  else
    *route = under;

  /* the cards that decide: those under the higher arc's peak, over the lower arc's bottom,
   * or on either arc */
  if (reach != NULL)
    {
      KrRect over_bounds = kr_route_get_bounds (&over), under_bounds = kr_route_get_bounds (&under);
      double left, right;

      kr_route_get_obstacle_span (from, to, &left, &right);
      *reach = kr_rect_union (&over_bounds, &under_bounds);
      *reach = kr_rect_inflate (reach, ARC_CLEARANCE);
      reach->x = left, reach->width = right - left;
    }
}

static void
route_self (const KrRect *card,
            int           lane_index,
            KrRoute      *route)
{
  double size = 56 + abs (lane_index) * FAN_SPACING;
  double right = kr_rect_right (card);
  KrPoint start = { right, card->y + card->height * 0.3 };
  KrPoint end = { right - card->width * 0.2, card->y };

  route->kind = KR_ROUTE_SELF;
  route->points[0] = start;
  route->points[1] = (KrPoint) { right + size, start.y };
  route->points[2] = (KrPoint) { end.x, card->y - size };
  route->points[3] = end;
}

/**
 * kr_route_connection:
 * @obstacles: the rectangles of other cards a loop back must arc over
 * @corridor: where loops should stay if they can (the lanes)
 *
 * Computes the curve of an arrow from the card at @from to the card at @to.
 */
void
kr_route_connection (const KrRect *from,
                     const KrRect *to,
                     gboolean      self_loop,
                     int           lane_index,
                     const KrRect *obstacles,
                     guint         n_obstacles,
                     const KrRect *corridor,
                     KrRoute      *route)
{
  kr_route_connection_with_reach (from, to, self_loop, lane_index, obstacles, n_obstacles, corridor, route, NULL);
}

/**
 * kr_route_connection_with_reach:
 * @reach: (out) (optional): where another card would change the route: cards outside it
 *   are ignored; an empty rectangle for routes that depend only on their two cards
 *
 * Like kr_route_connection(), and tells which cards mattered, so that a caller keeping
 * routes knows which to compute again when a card moves.
 */
void
kr_route_connection_with_reach (const KrRect *from,
                                const KrRect *to,
                                gboolean      self_loop,
                                int           lane_index,
                                const KrRect *obstacles,
                                guint         n_obstacles,
                                const KrRect *corridor,
                                KrRoute      *route,
                                KrRect       *reach)
{
  if (reach != NULL)
    *reach = (KrRect) { from->x, from->y, 0, 0 };

  switch (kr_route_classify (from, to, self_loop))
    {
    case KR_ROUTE_SELF:
      route_self (from, lane_index, route);
      break;
    case KR_ROUTE_FORWARD:
      route_forward (from, to, lane_index, route);
      break;
    case KR_ROUTE_VERTICAL:
      route_vertical (from, to, lane_index, route);
      break;
    case KR_ROUTE_BACKWARD:
    default:
      route_backward (from, to, lane_index, obstacles, n_obstacles, corridor, route, reach);
      break;
    }
}

/**
 * kr_route_classify:
 *
 * Returns: the kind of curve kr_route_connection() draws from @from to @to. Only loops back
 *   (%KR_ROUTE_BACKWARD) look at obstacles, and only at those overlapping the columns
 *   kr_route_get_obstacle_span() gives.
 */
KrRouteKind
kr_route_classify (const KrRect *from,
                   const KrRect *to,
                   gboolean      self_loop)
{
  if (self_loop)
    return KR_ROUTE_SELF;
  if (to->x >= kr_rect_right (from) + GAP)
    return KR_ROUTE_FORWARD;
  if (kr_rect_right (to) + GAP <= from->x)
    return KR_ROUTE_BACKWARD;
  if (to->y >= kr_rect_bottom (from) + GAP || kr_rect_bottom (to) + GAP <= from->y)
    return KR_ROUTE_VERTICAL;
  return KR_ROUTE_BACKWARD;
}

/* The columns whose cards a loop back between @from and @to must clear: an obstacle that
 * does not overlap them horizontally is ignored. */
void
kr_route_get_obstacle_span (const KrRect *from,
                            const KrRect *to,
                            double       *left,
                            double       *right)
{
  *left = MIN (from->x, to->x);
  *right = MAX (kr_rect_right (from), kr_rect_right (to));
}

KrPoint
kr_route_point_at (const KrRoute *route,
                   double         t)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  const KrPoint *p = route->points;

  return (KrPoint) { a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
                     a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y };
}

/* The direction of travel at @t (not normalised). */
KrPoint
kr_route_tangent_at (const KrRoute *route,
                     double         t)
{
  double u = 1 - t;
  const KrPoint *p = route->points;
  KrPoint tangent = {
    3 * u * u * (p[1].x - p[0].x) + 6 * u * t * (p[2].x - p[1].x) + 3 * t * t * (p[3].x - p[2].x),
    3 * u * u * (p[1].y - p[0].y) + 6 * u * t * (p[2].y - p[1].y) + 3 * t * t * (p[3].y - p[2].y),
  };

  /* At an end whose control coincides with it, fall back to the chord. */
  if (fabs (tangent.x) < 1e-9 && fabs (tangent.y) < 1e-9)
    tangent = (KrPoint) { p[3].x - p[0].x, p[3].y - p[0].y };

  return tangent;
}

/* A rectangle containing the whole curve (sampled closely enough for drawing margins). */
KrRect
kr_route_get_bounds (const KrRoute *route)
{
  double left = route->points[0].x, right = left;
  double top = route->points[0].y, bottom = top;

  for (int i = 1; i <= 32; i++)
    {
      KrPoint point = kr_route_point_at (route, i / 32.0);

      left = MIN (left, point.x);
      right = MAX (right, point.x);
      top = MIN (top, point.y);
      bottom = MAX (bottom, point.y);
    }

  return (KrRect) { left, top, right - left, bottom - top };
}
