/* kr-animation.h: an eased zoom-and-pan from one viewport to another, on any clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-geometry.h"

G_BEGIN_DECLS

/* Long enough to follow, short enough not to wait for: 250–400 ms. */
#define KR_ANIMATION_DURATION (320 * G_TIME_SPAN_MILLISECOND)

/* ρ of van Wijk and Nuij: how far a long pan zooms out on the way (√2 is their default;
 * a projected map reads better with less). */
#define KR_ANIMATION_ZOOM_CURVATURE 1.2

typedef struct
{
  KrRect   from;
  KrRect   to;
  gint64   start_time;   /* µs on the driving clock; -1 until the first step */
  gint64   duration;     /* µs */
  gboolean running;
} KrViewportAnimation;

double   kr_ease_in_out_cubic          (double                progress);
KrRect   kr_viewport_interpolate       (const KrRect         *from,
                                        const KrRect         *to,
                                        double                progress);
KrRect   kr_rect_fit_aspect            (const KrRect         *content,
                                        double                aspect);
void     kr_viewport_animation_start   (KrViewportAnimation  *self,
                                        const KrRect         *from,
                                        const KrRect         *to,
                                        gint64                duration);
gboolean kr_viewport_animation_step    (KrViewportAnimation  *self,
                                        gint64                now,
                                        KrRect               *viewport);
void     kr_viewport_animation_finish  (KrViewportAnimation  *self,
                                        KrRect               *viewport);

G_END_DECLS
