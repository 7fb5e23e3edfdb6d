/* kr-inspector.h: the side panel that edits the selected items' fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kr-editor.h"
#include "kr-selection.h"

G_BEGIN_DECLS

#define KR_TYPE_INSPECTOR (kr_inspector_get_type ())
G_DECLARE_FINAL_TYPE (KrInspector, kr_inspector, KR, INSPECTOR, GtkWidget)

GtkWidget  *kr_inspector_new          (void);
void        kr_inspector_set_editor   (KrInspector *self,
                                       KrEditor    *editor,
                                       KrSelection *selection);
void        kr_inspector_set_editable (KrInspector *self,
                                       gboolean     editable);
const char *kr_inspector_get_page     (KrInspector *self);

G_END_DECLS
