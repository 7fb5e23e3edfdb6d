/* kr-outline.h: the map as a tree a screen reader can walk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kr-map.h"
#include "kr-selection.h"

G_BEGIN_DECLS

#define KR_TYPE_OUTLINE (kr_outline_get_type ())
G_DECLARE_FINAL_TYPE (KrOutline, kr_outline, KR, OUTLINE, GtkWidget)

GtkWidget *kr_outline_new     (void);
void       kr_outline_set_map (KrOutline   *self,
                               KrMap       *map,
                               KrSelection *selection);

G_END_DECLS
