/* kr-map.h: a customer journey map, the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kr-connection.h"
#include "kr-item.h"
#include "kr-lane.h"
#include "kr-persona.h"
#include "kr-phase.h"
#include "kr-touchpoint.h"

G_BEGIN_DECLS

#define KR_FORMAT_VERSION 1

#define KR_TYPE_MAP (kr_map_get_type ())
G_DECLARE_FINAL_TYPE (KrMap, kr_map, KR, MAP, GObject)

KrMap         *kr_map_new              (void);
const char    *kr_map_get_title        (KrMap      *self);
const char    *kr_map_get_description  (KrMap      *self);
const char    *kr_map_get_locale       (KrMap      *self);
double         kr_map_get_view_zoom    (KrMap      *self);
double         kr_map_get_view_x       (KrMap      *self);
double         kr_map_get_view_y       (KrMap      *self);
gboolean       kr_map_get_show_personas      (KrMap *self);
gboolean       kr_map_get_show_notes         (KrMap *self);
gboolean       kr_map_get_show_emotion_curve (KrMap *self);
const char    *kr_map_get_theme              (KrMap *self);
const KrField *kr_map_get_fields       (guint      *n_fields);

GListModel    *kr_map_get_items        (KrMap      *self,
                                        KrItemKind  kind);
guint          kr_map_get_n_items      (KrMap      *self,
                                        KrItemKind  kind);
gpointer       kr_map_get_item         (KrMap      *self,
                                        KrItemKind  kind,
                                        guint       position);
gpointer       kr_map_lookup           (KrMap      *self,
                                        KrItemKind  kind,
                                        const char *id);
gboolean       kr_map_find_position    (KrMap      *self,
                                        KrItem     *item,
                                        guint      *position);
void           kr_map_insert_item      (KrMap      *self,
                                        guint       position,
                                        KrItem     *item);
void           kr_map_remove_item      (KrMap      *self,
                                        KrItem     *item);
void           kr_map_move_item        (KrMap      *self,
                                        KrItem     *item,
                                        guint       new_position);
char          *kr_map_generate_id      (KrMap      *self,
                                        KrItemKind  kind);

#define kr_map_lookup_phase(map, id)      ((KrPhase *) kr_map_lookup ((map), KR_ITEM_PHASE, (id)))
#define kr_map_lookup_lane(map, id)       ((KrLane *) kr_map_lookup ((map), KR_ITEM_LANE, (id)))
#define kr_map_lookup_persona(map, id)    ((KrPersona *) kr_map_lookup ((map), KR_ITEM_PERSONA, (id)))
#define kr_map_lookup_touchpoint(map, id) ((KrTouchpoint *) kr_map_lookup ((map), KR_ITEM_TOUCHPOINT, (id)))

G_END_DECLS
