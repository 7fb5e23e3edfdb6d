/* kr-slides.c
 *
 * A presentation stops at the whole map (the overview) and at each phase. A phase is shown
 * with its header, its column of lanes and its part of the emotion curve, plus room on the
 * left for the lane titles, which the presentation keeps drawn along the screen's left edge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-slides.h"

/* The phase at @phase_index: header, column and its stretch of the emotion band. */
KrRect
kr_slide_get_phase_area (KrLayout *layout,
                         guint     phase_index)
{
  KrRect header, column, emotion, area;

  g_return_val_if_fail (layout != NULL, (KrRect) { 0 });
  g_return_val_if_fail (phase_index < kr_layout_get_n_phases (layout), (KrRect) { 0 });

  header = kr_layout_get_phase_header (layout, phase_index);
  column = kr_layout_get_phase_column (layout, phase_index);
  emotion = kr_layout_get_emotion_band (layout);

  area = kr_rect_union (&header, &column);
  if (emotion.height > 0)
    area.height = MAX (kr_rect_bottom (&area), kr_rect_bottom (&emotion)) - area.y;

  return area;
}

/* What the stop at the phase @phase_index shows (before it is widened to the screen's shape). */
KrRect
kr_slide_get_phase (KrLayout *layout,
                    guint     phase_index)
{
  KrRect area = kr_slide_get_phase_area (layout, phase_index);

  if (kr_layout_has_lanes (layout))
    {
      area.x -= KR_LAYOUT_LANE_HEADER_WIDTH;
      area.width += KR_LAYOUT_LANE_HEADER_WIDTH;
    }

  return kr_rect_inflate (&area, KR_SLIDE_MARGIN);
}

/* What the overview shows: everything drawn of the map (see kr_renderer_get_extent()). */
KrRect
kr_slide_get_overview (const KrRect *extent)
{
  return kr_rect_inflate (extent, KR_SLIDE_MARGIN);
}

/**
 * kr_slide_get_spotlight:
 * @card: the spotlit card, in map coordinates
 * @aspect: width / height of the screen
 *
 * Returns: the viewport, of shape @aspect, that shows @card large in the left half of the
 *   screen, leaving the right half to its notes.
 */
KrRect
kr_slide_get_spotlight (const KrRect *card,
                        double        aspect)
{
  double width = card->width / KR_SLIDE_SPOTLIGHT_CARD_SHARE;
  double height;

  g_return_val_if_fail (aspect > 0, *card);

  height = width / aspect;
  if (height * 0.6 < card->height)
    {
      height = card->height / 0.6;
      width = height * aspect;
    }

  return (KrRect) { card->x + card->width / 2 - KR_SLIDE_SPOTLIGHT_CARD_CENTER * width,
                    card->y + card->height / 2 - height / 2, width, height };
}

static void
keep_span_within (double *start,
                  double  size,
                  double  bounds_start,
                  double  bounds_size)
{
  if (size >= bounds_size)
    *start = bounds_start + (bounds_size - size) / 2;
  else
    *start = CLAMP (*start, bounds_start, bounds_start + bounds_size - size);
}

/**
 * kr_slide_keep_within:
 * @bounds: the overview (see kr_slide_get_overview())
 *
 * Returns: @viewport moved as little as needed to show no more empty space beyond the map
 *   than @bounds does; centred on @bounds in a direction where it is larger. The first and
 *   the last phase are then shown beside their neighbours, not beside nothing.
 */
KrRect
kr_slide_keep_within (const KrRect *viewport,
                      const KrRect *bounds)
{
  KrRect kept = *viewport;

  keep_span_within (&kept.x, kept.width, bounds->x, bounds->width);
  keep_span_within (&kept.y, kept.height, bounds->y, bounds->height);
  return kept;
}
