/* kr-json-writer.h: deterministic, indented JSON text
 *
 * Writes the same bytes for the same calls: two-space indentation, members in call order,
 * numbers in one stable form, non-ASCII text as UTF-8. Never writes a non-finite number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _KrJsonWriter KrJsonWriter;

KrJsonWriter *kr_json_writer_new          (void);
void          kr_json_writer_free         (KrJsonWriter *self);
char         *kr_json_writer_finish       (KrJsonWriter *self,
                                           gsize        *length);
void          kr_json_writer_begin_object (KrJsonWriter *self);
void          kr_json_writer_end_object   (KrJsonWriter *self);
void          kr_json_writer_begin_array  (KrJsonWriter *self);
void          kr_json_writer_end_array    (KrJsonWriter *self);
void          kr_json_writer_member       (KrJsonWriter *self,
                                           const char   *name);
void          kr_json_writer_string       (KrJsonWriter *self,
                                           const char   *text);
void          kr_json_writer_number       (KrJsonWriter *self,
                                           double        number);
void          kr_json_writer_int          (KrJsonWriter *self,
                                           gint64        number);
void          kr_json_writer_boolean      (KrJsonWriter *self,
                                           gboolean      value);
void          kr_json_writer_null         (KrJsonWriter *self);
void          kr_json_writer_node         (KrJsonWriter *self,
                                           JsonNode     *node);
void          kr_json_writer_members      (KrJsonWriter *self,
                                           JsonObject   *object);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KrJsonWriter, kr_json_writer_free)

G_END_DECLS
