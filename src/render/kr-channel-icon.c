/* kr-channel-icon.c
 *
 * Each pictogram is drawn as strokes in a 16×16 box with the current source colour, so it
 * looks the same on screen, in every export format and in every theme.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "kr-channel-icon.h"
#include "kr-paint.h"

static void
rounded_box (cairo_t *cr, double x, double y, double w, double h, double r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
envelope (cairo_t *cr)
{
  cairo_rectangle (cr, 1.5, 3.5, 13, 9);
  cairo_move_to (cr, 1.5, 3.5);
  cairo_line_to (cr, 8, 9);
  cairo_line_to (cr, 14.5, 3.5);
}

static void
draw_glyph (cairo_t   *cr,
            KrChannel  channel)
{
  switch (channel)
    {
    case KR_CHANNEL_WEBSITE:
      cairo_arc (cr, 8, 8, 6.5, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_save (cr);
      cairo_translate (cr, 8, 8);
      cairo_scale (cr, 0.45, 1);
      cairo_arc (cr, 0, 0, 6.5, 0, 2 * G_PI);
      cairo_restore (cr);
      cairo_move_to (cr, 1.5, 8);
      cairo_line_to (cr, 14.5, 8);
      break;
    case KR_CHANNEL_EMAIL:
      envelope (cr);
      break;
    case KR_CHANNEL_LETTER:
      envelope (cr);
      cairo_rectangle (cr, 10.5, 5, 2.5, 2.5);
      break;
    case KR_CHANNEL_PHONE:
      cairo_move_to (cr, 3, 2.5);
      cairo_curve_to (cr, 3, 9, 7, 13.5, 13.5, 13.5);
      cairo_line_to (cr, 13.5, 10.5);
      cairo_line_to (cr, 10.5, 9.5);
      cairo_line_to (cr, 9, 11);
      cairo_curve_to (cr, 7, 10, 6, 9, 5, 7);
      cairo_line_to (cr, 6.5, 5.5);
      cairo_line_to (cr, 5.5, 2.5);
      cairo_close_path (cr);
      break;
    case KR_CHANNEL_STORE:
      cairo_move_to (cr, 1.5, 6);
      cairo_line_to (cr, 3, 2.5);
      cairo_line_to (cr, 13, 2.5);
      cairo_line_to (cr, 14.5, 6);
      cairo_close_path (cr);
      cairo_rectangle (cr, 2.5, 6, 11, 7.5);
      cairo_rectangle (cr, 6.5, 9, 3, 4.5);
      break;
    case KR_CHANNEL_SOCIAL:
      cairo_arc (cr, 5, 6, 2.2, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 11, 6, 2.2, 0, 2 * G_PI);
      cairo_move_to (cr, 1, 14);
      cairo_curve_to (cr, 1, 9.5, 9, 9.5, 9, 14);
      cairo_move_to (cr, 7, 14);
      cairo_curve_to (cr, 7, 9.5, 15, 9.5, 15, 14);
      break;
    case KR_CHANNEL_EVENT:
      rounded_box (cr, 1.5, 3, 13, 11, 1.5);
      cairo_move_to (cr, 1.5, 6.5);
      cairo_line_to (cr, 14.5, 6.5);
      cairo_move_to (cr, 5, 1.5);
      cairo_line_to (cr, 5, 4.5);
      cairo_move_to (cr, 11, 1.5);
      cairo_line_to (cr, 11, 4.5);
      break;
    case KR_CHANNEL_AD:
      cairo_move_to (cr, 2, 6);
      cairo_line_to (cr, 6, 6);
      cairo_line_to (cr, 13, 2.5);
      cairo_line_to (cr, 13, 13.5);
      cairo_line_to (cr, 6, 10);
      cairo_line_to (cr, 2, 10);
      cairo_close_path (cr);
      cairo_move_to (cr, 5, 10);
      cairo_line_to (cr, 6, 14);
      break;
    case KR_CHANNEL_REVIEW:
      for (int i = 0; i < 5; i++)
        {
          double outer = -G_PI / 2 + i * 2 * G_PI / 5;
          double inner = outer + G_PI / 5;

          if (i == 0)
            cairo_move_to (cr, 8 + 7 * cos (outer), 8.5 + 7 * sin (outer));
          else
            cairo_line_to (cr, 8 + 7 * cos (outer), 8.5 + 7 * sin (outer));
          cairo_line_to (cr, 8 + 3 * cos (inner), 8.5 + 3 * sin (inner));
        }
      cairo_close_path (cr);
      break;
    case KR_CHANNEL_CHAT:
      rounded_box (cr, 1.5, 2, 13, 9, 3);
      cairo_move_to (cr, 4.5, 11);
      cairo_line_to (cr, 3.5, 14.5);
      cairo_line_to (cr, 8, 11);
      break;
    case KR_CHANNEL_APP:
      rounded_box (cr, 4, 1.5, 8, 13, 1.5);
      cairo_move_to (cr, 7, 12.5);
      cairo_line_to (cr, 9, 12.5);
      break;
    case KR_CHANNEL_OTHER:
    case KR_N_CHANNELS:
    default:
      cairo_arc (cr, 8, 8, 2.5, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 8, 8, 6.5, 0, 2 * G_PI);
      break;
    }
}

/* Draws the pictogram of @channel in the square at @x, @y of side @size. */
void
kr_channel_icon_draw (cairo_t   *cr,
                      KrChannel  channel,
                      double     x,
                      double     y,
                      double     size)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / 16, size / 16);
  cairo_new_path (cr);
  draw_glyph (cr, channel);
  cairo_set_line_width (cr, 1.4);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  kr_paint_stroke (cr);
  cairo_restore (cr);
}
