/* kr-selection.h: the items of a map a person has selected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-map.h"

G_BEGIN_DECLS

#define KR_TYPE_SELECTION (kr_selection_get_type ())
G_DECLARE_FINAL_TYPE (KrSelection, kr_selection, KR, SELECTION, GObject)

KrSelection *kr_selection_new            (KrMap       *map);
GPtrArray   *kr_selection_get_items      (KrSelection *self);
GPtrArray   *kr_selection_get_touchpoints (KrSelection *self);
guint        kr_selection_get_n_items    (KrSelection *self);
gboolean     kr_selection_contains       (KrSelection *self,
                                          gpointer     item);
gpointer     kr_selection_get_single     (KrSelection *self);
void         kr_selection_set            (KrSelection *self,
                                          GPtrArray   *items);
void         kr_selection_select_only    (KrSelection *self,
                                          gpointer     item);
void         kr_selection_toggle         (KrSelection *self,
                                          gpointer     item);
void         kr_selection_add            (KrSelection *self,
                                          gpointer     item);
void         kr_selection_clear          (KrSelection *self);

G_END_DECLS
