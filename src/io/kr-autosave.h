/* kr-autosave.h: unsaved work kept in the user's state folder and offered back after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kr-document.h"
#include "kr-map.h"

G_BEGIN_DECLS

#define KR_AUTOSAVE_ERROR (kr_autosave_error_quark ())

typedef enum {
  KR_AUTOSAVE_ERROR_NOT_FOUND,  /* the recovery file was discarded or never written */
  KR_AUTOSAVE_ERROR_INVALID,    /* the recovery file is not one Kringel wrote */
} KrAutosaveError;

#define KR_TYPE_AUTOSAVE (kr_autosave_get_type ())
G_DECLARE_FINAL_TYPE (KrAutosave, kr_autosave, KR, AUTOSAVE, GObject)

GQuark      kr_autosave_error_quark    (void);
char       *kr_autosave_dup_directory  (void);

KrAutosave *kr_autosave_new            (void);
GListModel *kr_autosave_list_recovered (GError     **error);

const char *kr_autosave_get_id         (KrAutosave  *self);
GFile      *kr_autosave_get_location   (KrAutosave  *self);
const char *kr_autosave_get_title      (KrAutosave  *self);
GDateTime  *kr_autosave_get_time       (KrAutosave  *self);
GFile      *kr_autosave_get_file       (KrAutosave  *self);

gboolean    kr_autosave_write          (KrAutosave  *self,
                                        KrDocument  *document,
                                        GError     **error);
KrMap      *kr_autosave_restore        (KrAutosave  *self,
                                        GFile      **file,
                                        GError     **error);
gboolean    kr_autosave_discard        (KrAutosave  *self,
                                        GError     **error);

G_END_DECLS
