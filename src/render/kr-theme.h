/* kr-theme.h: the colours and sizes a map is drawn with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KR_THEME_LIGHT,
  KR_THEME_DARK,
  KR_THEME_PROJECTOR,
  KR_N_THEMES
} KrThemeId;

typedef struct
{
  double red, green, blue, alpha;
} KrColor;

typedef struct
{
  KrThemeId id;
  const char *name;
  KrColor background;
  KrColor band_tint;        /* mixed with each phase's colour for its column */
  double band_tint_amount;
  KrColor header_background;
  KrColor text;
  KrColor text_muted;
  KrColor lane_header;
  KrColor grid_line;
  KrColor card_background;
  KrColor card_border;
  KrColor card_shadow;
  KrColor connection;
  KrColor badge_background;
  KrColor badge_text;
  KrColor emotion_low;
  KrColor emotion_mid;
  KrColor emotion_high;
  const char *font_family;
  double font_scale;        /* multiplies every text size */
  double line_width;        /* of connections */
  double card_border_width;
} KrTheme;

const KrTheme *kr_theme_get          (KrThemeId    id);
gboolean       kr_theme_id_from_name (const char  *name,
                                      KrThemeId   *id);
gboolean       kr_color_parse        (const char  *text,
                                      KrColor     *color);
KrColor        kr_color_mix          (const KrColor *a,
                                      const KrColor *b,
                                      double         amount);
double         kr_color_luminance    (const KrColor *color);
double         kr_color_contrast     (const KrColor *a,
                                      const KrColor *b);

G_END_DECLS
