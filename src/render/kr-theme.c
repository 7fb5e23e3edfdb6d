/* kr-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "kr-theme.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

static const KrTheme themes[KR_N_THEMES] = {
  [KR_THEME_LIGHT] = {
    .id = KR_THEME_LIGHT,
    .name = "light",
    .background = RGB (0xfafafa),
    .band_tint = RGB (0xffffff),
    .band_tint_amount = 0.93,
    .header_background = RGB (0xffffff),
    .text = RGB (0x1f2328),
    .text_muted = RGB (0x59636e),
    .lane_header = RGB (0xf0f1f3),
    .grid_line = RGBA (0x1f2328, 0.12),
    .card_background = RGB (0xffffff),
    .card_border = RGBA (0x1f2328, 0.18),
    .card_shadow = RGBA (0x000000, 0.08),
    .connection = RGB (0x4a5563),
    .badge_background = RGB (0x3d4451),
    .badge_text = RGB (0xffffff),
    .emotion_low = RGB (0xc01c28),
    .emotion_mid = RGB (0xb36200),
    .emotion_high = RGB (0x26874a),
    .font_family = "Cantarell, DejaVu Sans, Sans",
    .font_scale = 1.0,
    .line_width = 2.0,
    .card_border_width = 1.0,
  },
  [KR_THEME_DARK] = {
    .id = KR_THEME_DARK,
    .name = "dark",
    .background = RGB (0x1e1e1e),
    .band_tint = RGB (0x242424),
    .band_tint_amount = 0.85,
    .header_background = RGB (0x2a2a2a),
    .text = RGB (0xf2f2f2),
    .text_muted = RGB (0xb8bcc2),
    .lane_header = RGB (0x303030),
    .grid_line = RGBA (0xffffff, 0.12),
    .card_background = RGB (0x353535),
    .card_border = RGBA (0xffffff, 0.16),
    .card_shadow = RGBA (0x000000, 0.3),
    .connection = RGB (0xc0c6cf),
    .badge_background = RGB (0xdfe3e8),
    .badge_text = RGB (0x1e1e1e),
    .emotion_low = RGB (0xff7b72),
    .emotion_mid = RGB (0xf5b14c),
    .emotion_high = RGB (0x57d18b),
    .font_family = "Cantarell, DejaVu Sans, Sans",
    .font_scale = 1.0,
    .line_width = 2.0,
    .card_border_width = 1.0,
  },
  [KR_THEME_PROJECTOR] = {
    .id = KR_THEME_PROJECTOR,
    .name = "projector",
    .background = RGB (0xffffff),
    .band_tint = RGB (0xffffff),
    .band_tint_amount = 0.86,
    .header_background = RGB (0xffffff),
    .text = RGB (0x000000),
    .text_muted = RGB (0x2b2b2b),
    .lane_header = RGB (0xe6e6e6),
    .grid_line = RGBA (0x000000, 0.35),
    .card_background = RGB (0xffffff),
    .card_border = RGB (0x000000),
    .card_shadow = RGBA (0x000000, 0.0),
    .connection = RGB (0x000000),
    .badge_background = RGB (0x000000),
    .badge_text = RGB (0xffffff),
    .emotion_low = RGB (0xb00020),
    .emotion_mid = RGB (0x8a4b00),
    .emotion_high = RGB (0x006b2e),
    .font_family = "Cantarell, DejaVu Sans, Sans",
    .font_scale = 1.0,   /* the presentation zooms in; cards keep their two title lines */
    .line_width = 3.5,
    .card_border_width = 2.5,
  },
};

const KrTheme *
kr_theme_get (KrThemeId id)
{
  g_return_val_if_fail (id < KR_N_THEMES, &themes[KR_THEME_LIGHT]);

  return &themes[id];
}

gboolean
kr_theme_id_from_name (const char *name,
                       KrThemeId  *id)
{
  for (guint i = 0; i < KR_N_THEMES; i++)
    if (g_strcmp0 (themes[i].name, name) == 0)
      {
        *id = themes[i].id;
        return TRUE;
      }

  return FALSE;
}

/* Parses "#rrggbb"; leaves @color alone and returns FALSE for anything else. */
gboolean
kr_color_parse (const char *text,
                KrColor    *color)
{
  guint64 value;
  char *end;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  value = g_ascii_strtoull (text + 1, &end, 16);
  if (*end != '\0')
    return FALSE;

  *color = (KrColor) RGB ((guint32) value);
  return TRUE;
}

KrColor
kr_color_mix (const KrColor *a,
              const KrColor *b,
              double         amount)
{
  return (KrColor) {
    a->red + (b->red - a->red) * amount,
    a->green + (b->green - a->green) * amount,
    a->blue + (b->blue - a->blue) * amount,
    a->alpha + (b->alpha - a->alpha) * amount,
  };
}

static double
linear_channel (double value)
{
  return value <= 0.03928 ? value / 12.92 : pow ((value + 0.055) / 1.055, 2.4);
}

/* Relative luminance as WCAG 2 defines it. */
double
kr_color_luminance (const KrColor *color)
{
  return 0.2126 * linear_channel (color->red) +
         0.7152 * linear_channel (color->green) +
         0.0722 * linear_channel (color->blue);
}

/* WCAG contrast ratio, 1 to 21. */
double
kr_color_contrast (const KrColor *a,
                   const KrColor *b)
{
  double la = kr_color_luminance (a);
  double lb = kr_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
