/* kr-color-palette.h: a colour chosen from swatches, or any colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KR_TYPE_COLOR_PALETTE (kr_color_palette_get_type ())
G_DECLARE_FINAL_TYPE (KrColorPalette, kr_color_palette, KR, COLOR_PALETTE, GtkWidget)

GtkWidget       *kr_color_palette_new            (void);
const char      *kr_color_palette_get_color      (KrColorPalette *self);
void             kr_color_palette_set_color      (KrColorPalette *self,
                                                  const char     *color);
void             kr_color_palette_set_mixed      (KrColorPalette *self);
gboolean         kr_color_palette_get_mixed      (KrColorPalette *self);
void             kr_color_palette_set_none_label (KrColorPalette *self,
                                                  const char     *label);
GtkToggleButton *kr_color_palette_get_swatch     (KrColorPalette *self,
                                                  const char     *color);

G_END_DECLS
