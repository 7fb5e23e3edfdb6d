/* kr-document.h: a map together with its file and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kr-history.h"
#include "kr-map.h"

G_BEGIN_DECLS

#define KR_TYPE_DOCUMENT (kr_document_get_type ())
G_DECLARE_FINAL_TYPE (KrDocument, kr_document, KR, DOCUMENT, GObject)

#define KR_DOCUMENT_ERROR (kr_document_error_quark ())
GQuark kr_document_error_quark (void);

typedef enum {
  KR_DOCUMENT_ERROR_CHANGED_ON_DISK,  /* another program wrote the file since it was loaded or saved */
} KrDocumentError;

/* What kr_document_check_disk() found, compared with what was last loaded or saved. */
typedef enum {
  KR_DISK_STATE_UNCHANGED,  /* the file holds what the document last loaded or saved (or there is no file) */
  KR_DISK_STATE_CHANGED,    /* another program changed or replaced the file */
  KR_DISK_STATE_DELETED,    /* the file is gone (deleted, renamed, its folder removed) */
  KR_DISK_STATE_UNKNOWN,    /* the file could not be examined; the error says why */
} KrDiskState;

typedef enum {
  KR_SAVE_NONE  = 0,
  KR_SAVE_FORCE = 1 << 0,   /* overwrite the file even when it changed on disk */
} KrSaveFlags;

KrDocument *kr_document_new           (KrMap       *map);
KrDocument *kr_document_load          (GFile       *file,
                                       GError     **error);
KrDocument *kr_document_new_from_file (GFile       *template_file,
                                       GError     **error);
KrDocument *kr_document_new_recovered (KrMap       *map,
                                       GFile       *file);
KrMap      *kr_document_get_map       (KrDocument  *self);
KrHistory  *kr_document_get_history   (KrDocument  *self);
GFile      *kr_document_get_file      (KrDocument  *self);
gboolean    kr_document_get_read_only (KrDocument  *self);
const char *kr_document_get_warning   (KrDocument  *self);
char       *kr_document_dup_title     (KrDocument  *self);
gboolean    kr_document_is_modified   (KrDocument  *self);
gboolean    kr_document_save          (KrDocument  *self,
                                       GError     **error);
gboolean    kr_document_save_full     (KrDocument  *self,
                                       KrSaveFlags  flags,
                                       GError     **error);
KrDiskState kr_document_check_disk    (KrDocument  *self,
                                       GError     **error);
gboolean    kr_document_save_as       (KrDocument  *self,
                                       GFile       *file,
                                       GError     **error);

G_END_DECLS
