/* kr-presentation.h: a map shown full screen on a projector, phase by phase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kr-editor.h"
#include "kr-geometry.h"
#include "kr-selection.h"

G_BEGIN_DECLS

#define KR_TYPE_PRESENTATION (kr_presentation_get_type ())
G_DECLARE_FINAL_TYPE (KrPresentation, kr_presentation, KR, PRESENTATION, GtkWindow)

KrPresentation *kr_presentation_new                (GtkApplication *application,
                                                    KrEditor       *editor,
                                                    KrSelection    *selection);
GdkMonitor     *kr_presentation_pick_monitor       (GdkDisplay     *display,
                                                    GdkMonitor     *editor_monitor);
void            kr_presentation_start              (KrPresentation *self,
                                                    GdkMonitor     *monitor);
KrEditor       *kr_presentation_get_editor         (KrPresentation *self);
KrMap          *kr_presentation_get_map            (KrPresentation *self);

guint           kr_presentation_get_n_phases       (KrPresentation *self);
guint           kr_presentation_get_current_phase  (KrPresentation *self);
void            kr_presentation_set_current_phase  (KrPresentation *self,
                                                    guint           phase);
void            kr_presentation_next               (KrPresentation *self);
void            kr_presentation_previous           (KrPresentation *self);

KrRect          kr_presentation_get_viewport       (KrPresentation *self);
KrRect          kr_presentation_get_target_viewport (KrPresentation *self);
gboolean        kr_presentation_is_animating       (KrPresentation *self);

KrTouchpoint   *kr_presentation_get_spotlight      (KrPresentation *self);
void            kr_presentation_set_spotlight      (KrPresentation *self,
                                                    KrTouchpoint   *touchpoint);

gboolean        kr_presentation_get_editing        (KrPresentation *self);
void            kr_presentation_set_editing        (KrPresentation *self,
                                                    gboolean        editing);
gboolean        kr_presentation_get_reveal         (KrPresentation *self);
void            kr_presentation_set_reveal         (KrPresentation *self,
                                                    gboolean        reveal);
gboolean        kr_presentation_get_timer_visible  (KrPresentation *self);
void            kr_presentation_set_timer_visible  (KrPresentation *self,
                                                    gboolean        visible);
gboolean        kr_presentation_get_pointer_visible (KrPresentation *self);
void            kr_presentation_set_pointer_visible (KrPresentation *self,
                                                    gboolean        visible);

gint64          kr_presentation_get_phase_elapsed  (KrPresentation *self);
gint64          kr_presentation_get_total_elapsed  (KrPresentation *self);
char           *kr_presentation_format_elapsed     (gint64          elapsed);
char           *kr_presentation_dup_phase_label    (KrPresentation *self,
                                                    guint           phase);

G_END_DECLS
