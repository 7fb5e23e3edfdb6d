/* kr-animation.c
 *
 * The presentation moves its view along the path of van Wijk and Nuij ("Smooth and
 * efficient zooming and panning", 2003): a long pan zooms out a little on the way, so the
 * room keeps its bearings, and a zoom keeps the target in sight instead of letting it
 * slide out of the picture. The time on that path is eased in and out. The animation knows
 * nothing of GTK: the widget drives it with its frame clock, the tests with a fake one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "kr-animation.h"

/* Slow at both ends, at full speed in the middle. */
double
kr_ease_in_out_cubic (double progress)
{
  double rest;

  if (progress <= 0)
    return 0;
  if (progress >= 1)
    return 1;
  if (progress < 0.5)
    return 4 * progress * progress * progress;

  rest = -2 * progress + 2;
  return 1 - rest * rest * rest / 2;
}

/**
 * kr_viewport_interpolate:
 * @progress: 0 for @from, 1 for @to
 *
 * Returns: the viewport at @progress along the smooth zoom-and-pan from @from to @to. The
 *   ends are returned exactly.
 */
KrRect
kr_viewport_interpolate (const KrRect *from,
                         const KrRect *to,
                         double        progress)
{
  const double rho = KR_ANIMATION_ZOOM_CURVATURE, rho2 = rho * rho, rho4 = rho2 * rho2;
  double ux0 = from->x + from->width / 2, uy0 = from->y + from->height / 2;
  double ux1 = to->x + to->width / 2, uy1 = to->y + to->height / 2;
  double w0 = from->width, w1 = to->width;
  double dx = ux1 - ux0, dy = uy1 - uy0, d2 = dx * dx + dy * dy;
  double ratio, ux, uy, w, h;

  if (progress <= 0)
    return *from;
  if (progress >= 1)
    return *to;

  if (!(w0 > 0) || !(w1 > 0) || !isfinite (w0) || !isfinite (w1))
    {
      /* nothing to zoom through: a plain linear blend */
      return (KrRect) { from->x + (to->x - from->x) * progress, from->y + (to->y - from->y) * progress,
                        from->width + (to->width - from->width) * progress,
                        from->height + (to->height - from->height) * progress };
    }

  if (d2 < 1e-12)
    {
      /* zooming in place */
      ux = ux0 + dx * progress;
      uy = uy0 + dy * progress;
      w = w0 * exp (log (w1 / w0) * progress);
    }
  else
    {
      double d1 = sqrt (d2);
      double b0 = (w1 * w1 - w0 * w0 + rho4 * d2) / (2 * w0 * rho2 * d1);
      double b1 = (w1 * w1 - w0 * w0 - rho4 * d2) / (2 * w1 * rho2 * d1);
      /* log (√(b² + 1) − b), without its cancellation for large b */
      double r0 = -asinh (b0), r1 = -asinh (b1);
      double s = progress * (r1 - r0) / rho;
      double u = w0 / (rho2 * d1) * (cosh (r0) * tanh (rho * s + r0) - sinh (r0));

      ux = ux0 + u * dx;
      uy = uy0 + u * dy;
      w = w0 * cosh (r0) / cosh (rho * s + r0);
    }

  /* both ends normally have the screen's shape; if not, blend the shape too */
  ratio = from->height / w0 + (to->height / w1 - from->height / w0) * progress;
  h = w * ratio;

  return (KrRect) { ux - w / 2, uy - h / 2, w, h };
}

/**
 * kr_rect_fit_aspect:
 * @aspect: width / height of the screen
 *
 * Returns: the smallest rectangle of shape @aspect that holds @content, centred on it.
 */
KrRect
kr_rect_fit_aspect (const KrRect *content,
                    double        aspect)
{
  double width = content->width, height = content->height;

  if (!(aspect > 0) || !isfinite (aspect))
    return *content;

  if (width < height * aspect)
    width = height * aspect;
  else
    height = width / aspect;

  return (KrRect) { content->x + (content->width - width) / 2, content->y + (content->height - height) / 2,
                    width, height };
}

/* Starts moving from @from to @to in @duration µs; the clock starts at the first step. */
void
kr_viewport_animation_start (KrViewportAnimation *self,
                             const KrRect        *from,
                             const KrRect        *to,
                             gint64               duration)
{
  g_return_if_fail (self != NULL);

  self->from = *from;
  self->to = *to;
  self->start_time = -1;
  self->duration = MAX (0, duration);
  self->running = TRUE;
}

/**
 * kr_viewport_animation_step:
 * @now: the time of the frame being drawn, in µs
 * @viewport: (out): the viewport to draw it with
 *
 * Returns: whether more frames follow. When it returns %FALSE, @viewport is exactly the
 *   target, not a rounding error away from it.
 */
gboolean
kr_viewport_animation_step (KrViewportAnimation *self,
                            gint64               now,
                            KrRect              *viewport)
{
  double progress;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->running)
    {
      *viewport = self->to;
      return FALSE;
    }

  if (self->start_time < 0)
    self->start_time = now;

  if (self->duration == 0 || now - self->start_time >= self->duration)
    {
      kr_viewport_animation_finish (self, viewport);
      return FALSE;
    }

  progress = CLAMP ((double) (now - self->start_time) / self->duration, 0, 1);
  *viewport = kr_viewport_interpolate (&self->from, &self->to, kr_ease_in_out_cubic (progress));
  return TRUE;
}

/* Jumps to the end. */
void
kr_viewport_animation_finish (KrViewportAnimation *self,
                              KrRect              *viewport)
{
  g_return_if_fail (self != NULL);

  self->running = FALSE;
  if (viewport != NULL)
    *viewport = self->to;
}
