/* kr-emotion-scale.h: an emotion score 1–5 chosen among five faces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KR_EMOTION_MIN 1
#define KR_EMOTION_MAX 5

#define KR_TYPE_EMOTION_SCALE (kr_emotion_scale_get_type ())
G_DECLARE_FINAL_TYPE (KrEmotionScale, kr_emotion_scale, KR, EMOTION_SCALE, GtkWidget)

GtkWidget       *kr_emotion_scale_new        (void);
int              kr_emotion_scale_get_value  (KrEmotionScale *self);
void             kr_emotion_scale_set_value  (KrEmotionScale *self,
                                              int             value);
GtkToggleButton *kr_emotion_scale_get_button (KrEmotionScale *self,
                                              int             value);
void             kr_emotion_face_draw        (cairo_t        *cr,
                                              int             value,
                                              double          center_x,
                                              double          center_y,
                                              double          radius);

G_END_DECLS
