/* kr-form.h: widgets bound to properties of the items being edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kr-editor.h"

G_BEGIN_DECLS

typedef enum {
  KR_FORM_ENTRY,         /* a GtkEditable (GtkEntry, AdwEntryRow) for a string */
  KR_FORM_TEXT,          /* a KrTextArea for a string */
  KR_FORM_LINES,         /* a KrTextArea for a list of strings, one per line */
  KR_FORM_OPTIONAL_INT,  /* a GtkEditable for an int that may be unknown (-1, shown empty) */
  KR_FORM_SPIN,          /* a GtkSpinButton for an int or double */
  KR_FORM_SWITCH,        /* a GtkSwitch for a boolean */
  KR_FORM_CHECK,         /* a GtkCheckButton for a boolean */
  KR_FORM_COLOR,         /* a KrColorPalette for a colour string */
  KR_FORM_EMOTION,       /* a KrEmotionScale for an int 1–5 */
  KR_FORM_CHANNEL,       /* a KrChannelChooser for a channel string */
  KR_FORM_CHOICE,        /* an AdwComboRow whose positions stand for strings */
} KrFormKind;

#define KR_TYPE_FORM (kr_form_get_type ())
G_DECLARE_FINAL_TYPE (KrForm, kr_form, KR, FORM, GObject)

KrForm    *kr_form_new         (void);
void       kr_form_add         (KrForm             *self,
                                GtkWidget          *widget,
                                const char         *property,
                                KrFormKind          kind);
void       kr_form_add_choice  (KrForm             *self,
                                AdwComboRow        *row,
                                const char         *property,
                                const char * const *values);
void       kr_form_set_editor  (KrForm             *self,
                                KrEditor           *editor);
void       kr_form_set_targets (KrForm             *self,
                                GPtrArray          *targets);
GPtrArray *kr_form_get_targets (KrForm             *self);
void       kr_form_refresh     (KrForm             *self);

char     **kr_form_parse_lines (const char         *text);

G_END_DECLS
