/* kr-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KR_TYPE_PREFERENCES_WINDOW (kr_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (KrPreferencesWindow, kr_preferences_window, KR, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *kr_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
