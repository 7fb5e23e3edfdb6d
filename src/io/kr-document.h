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

KrDocument *kr_document_new           (KrMap       *map);
KrDocument *kr_document_load          (GFile       *file,
                                       GError     **error);
KrDocument *kr_document_new_from_file (GFile       *template_file,
                                       GError     **error);
KrMap      *kr_document_get_map       (KrDocument  *self);
KrHistory  *kr_document_get_history   (KrDocument  *self);
GFile      *kr_document_get_file      (KrDocument  *self);
gboolean    kr_document_get_read_only (KrDocument  *self);
const char *kr_document_get_warning   (KrDocument  *self);
char       *kr_document_dup_title     (KrDocument  *self);
gboolean    kr_document_is_modified   (KrDocument  *self);
gboolean    kr_document_save          (KrDocument  *self,
                                       GError     **error);
gboolean    kr_document_save_as       (KrDocument  *self,
                                       GFile       *file,
                                       GError     **error);

G_END_DECLS
