/* kr-editor.h: the edits a person makes on a map, each one undoable step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-history.h"

G_BEGIN_DECLS

/* Where a touchpoint goes: its cell and its offset inside it. */
typedef struct
{
  KrTouchpoint *touchpoint;
  const char   *phase_id;
  const char   *lane_id;
  double        x;
  double        y;
} KrPlacement;

#define KR_TYPE_EDITOR (kr_editor_get_type ())
G_DECLARE_FINAL_TYPE (KrEditor, kr_editor, KR, EDITOR, GObject)

KrEditor     *kr_editor_new                (KrHistory          *history);
KrHistory    *kr_editor_get_history        (KrEditor           *self);
KrMap        *kr_editor_get_map            (KrEditor           *self);

void          kr_editor_set_property       (KrEditor           *self,
                                            gpointer            object,
                                            const char         *property,
                                            const GValue       *value);
void          kr_editor_set                (KrEditor           *self,
                                            gpointer            object,
                                            const char         *first_property,
                                            ...) G_GNUC_NULL_TERMINATED;
KrTouchpoint *kr_editor_add_touchpoint     (KrEditor           *self,
                                            const char         *phase_id,
                                            const char         *lane_id,
                                            double              x,
                                            double              y,
                                            const char         *channel);
void          kr_editor_place_touchpoints  (KrEditor           *self,
                                            const KrPlacement  *placements,
                                            guint               n_placements);
void          kr_editor_move_touchpoints   (KrEditor           *self,
                                            GPtrArray          *touchpoints,
                                            double              dx,
                                            double              dy);
KrConnection *kr_editor_connect            (KrEditor           *self,
                                            KrTouchpoint       *from,
                                            KrTouchpoint       *to);
KrPhase      *kr_editor_add_phase          (KrEditor           *self,
                                            guint               position);
KrLane       *kr_editor_add_lane           (KrEditor           *self,
                                            guint               position);
void          kr_editor_move_item          (KrEditor           *self,
                                            KrItem             *item,
                                            guint               new_position);
char         *kr_editor_delete             (KrEditor           *self,
                                            GPtrArray          *items);
GPtrArray    *kr_editor_duplicate          (KrEditor           *self,
                                            GPtrArray          *touchpoints,
                                            double              dx,
                                            double              dy);
GPtrArray    *kr_editor_paste              (KrEditor           *self,
                                            KrMap              *fragment,
                                            const char         *fallback_phase_id,
                                            const char         *fallback_lane_id,
                                            double              dx,
                                            double              dy);
KrMap        *kr_editor_copy               (KrEditor           *self,
                                            GPtrArray          *items);

void          kr_editor_set_shared_property    (KrEditor     *self,
                                                GPtrArray    *objects,
                                                const char   *property,
                                                const GValue *value);
void          kr_editor_set_persona_membership (KrEditor     *self,
                                                GPtrArray    *touchpoints,
                                                const char   *persona_id,
                                                gboolean      member);
KrNote       *kr_editor_add_note               (KrEditor     *self,
                                                KrTouchpoint *touchpoint,
                                                const char   *text);
void          kr_editor_remove_note            (KrEditor     *self,
                                                KrTouchpoint *touchpoint,
                                                KrNote       *note);
KrPersona    *kr_editor_add_persona            (KrEditor     *self,
                                                guint         position);
void          kr_editor_move_persona           (KrEditor     *self,
                                                KrPersona    *persona,
                                                guint         new_position);
void          kr_editor_set_persona_photo      (KrEditor     *self,
                                                KrPersona    *persona,
                                                const char   *photo);

G_END_DECLS
