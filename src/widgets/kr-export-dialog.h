/* kr-export-dialog.h: exporting a map for slides, with a live preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kr-map.h"
#include "kr-geometry.h"
#include "kr-selection.h"

G_BEGIN_DECLS

#define KR_TYPE_EXPORT_DIALOG (kr_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KrExportDialog, kr_export_dialog, KR, EXPORT_DIALOG, AdwWindow)

GtkWidget *kr_export_dialog_new (GtkWindow    *parent,
                                 KrMap        *map,
                                 KrSelection  *selection,
                                 const KrRect *view,
                                 const char   *suggested_name,
                                 GSettings    *settings);

G_END_DECLS
