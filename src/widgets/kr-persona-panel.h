/* kr-persona-panel.h: the side panel listing and editing a map's personas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kr-editor.h"
#include "kr-selection.h"

G_BEGIN_DECLS

#define KR_TYPE_PERSONA_PANEL (kr_persona_panel_get_type ())
G_DECLARE_FINAL_TYPE (KrPersonaPanel, kr_persona_panel, KR, PERSONA_PANEL, GtkWidget)

GtkWidget  *kr_persona_panel_new                   (void);
void        kr_persona_panel_set_editor            (KrPersonaPanel *self,
                                                    KrEditor       *editor,
                                                    KrSelection    *selection);
void        kr_persona_panel_set_editable          (KrPersonaPanel *self,
                                                    gboolean        editable);
KrPersona  *kr_persona_panel_get_persona           (KrPersonaPanel *self);
void        kr_persona_panel_select                (KrPersonaPanel *self,
                                                    KrPersona      *persona);
const char *kr_persona_panel_get_highlight_persona (KrPersonaPanel *self);
const char *kr_persona_panel_get_filter_persona    (KrPersonaPanel *self);
void        kr_persona_panel_load_photo            (KrPersonaPanel *self,
                                                    GFile          *file);

G_END_DECLS
