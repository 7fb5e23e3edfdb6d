/* kr-presenter-view.h: what the facilitator sees on the laptop while the projector presents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kr-presentation.h"

G_BEGIN_DECLS

#define KR_TYPE_PRESENTER_VIEW (kr_presenter_view_get_type ())
G_DECLARE_FINAL_TYPE (KrPresenterView, kr_presenter_view, KR, PRESENTER_VIEW, GtkWidget)

GtkWidget      *kr_presenter_view_new              (KrPresentation  *presentation);
KrPresentation *kr_presenter_view_get_presentation (KrPresenterView *self);

G_END_DECLS
