/* kr-touchpoint.h: a card, one moment where customer and company meet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kr-item.h"
#include "kr-note.h"

G_BEGIN_DECLS

#define KR_TOUCHPOINT_DEFAULT_EMOTION 3
#define KR_TOUCHPOINT_MAX_EMOTION 5   /* emotions go from 1, very negative, to this */

#define KR_TYPE_TOUCHPOINT (kr_touchpoint_get_type ())
G_DECLARE_FINAL_TYPE (KrTouchpoint, kr_touchpoint, KR, TOUCHPOINT, KrItem)

KrTouchpoint        *kr_touchpoint_new             (const char   *id);
const char          *kr_touchpoint_get_phase_id    (KrTouchpoint *self);
const char          *kr_touchpoint_get_lane_id     (KrTouchpoint *self);
double               kr_touchpoint_get_x           (KrTouchpoint *self);
double               kr_touchpoint_get_y           (KrTouchpoint *self);
const char          *kr_touchpoint_get_title       (KrTouchpoint *self);
const char          *kr_touchpoint_get_description (KrTouchpoint *self);
const char          *kr_touchpoint_get_channel     (KrTouchpoint *self);
gboolean             kr_touchpoint_get_direct      (KrTouchpoint *self);
int                  kr_touchpoint_get_emotion     (KrTouchpoint *self);
const char * const  *kr_touchpoint_get_persona_ids (KrTouchpoint *self);
int                  kr_touchpoint_get_points      (KrTouchpoint *self);
gboolean             kr_touchpoint_get_done        (KrTouchpoint *self);
const char          *kr_touchpoint_get_color       (KrTouchpoint *self);
GListModel          *kr_touchpoint_get_notes       (KrTouchpoint *self);
void                 kr_touchpoint_insert_note     (KrTouchpoint *self,
                                                    guint         position,
                                                    KrNote       *note);
void                 kr_touchpoint_remove_note     (KrTouchpoint *self,
                                                    guint         position);

G_END_DECLS
