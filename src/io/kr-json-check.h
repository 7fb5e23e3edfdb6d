/* kr-json-check.h: strict RFC 8259 reading, without json-glib
 *
 * json-glib 1.6 is lenient (comments, single quotes, octal numbers, wrapped integers,
 * duplicate keys, strings cut at \u0000), overflows the stack on deep nesting and is slow on
 * big files. This reader walks the bytes once and reports the first problem with its line
 * and column. kr_json_check() only validates; kr_json_parse() also keeps the values, in one
 * flat array in document order (a value is followed by its children), with all strings
 * decoded into one block: a 10 MB document is a handful of allocations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KR_JSON_MAX_DEPTH         64
/* Above every limit of a member (1 MiB of text, a 4 MiB photo), so that the loader can
 * name the member that is too long; a string this long is refused wherever it is. */
#define KR_JSON_MAX_STRING_BYTES  (8 * 1024 * 1024)

typedef struct
{
  guint line;     /* 1-based */
  guint column;   /* 1-based, in characters */
  char *message;  /* translated, without location */
} KrJsonProblem;

typedef enum {
  KR_JSON_NULL,
  KR_JSON_BOOLEAN,
  KR_JSON_INTEGER,   /* written without fraction and exponent, like json-glib's int64 */
  KR_JSON_DOUBLE,
  KR_JSON_STRING,
  KR_JSON_ARRAY,
  KR_JSON_OBJECT,
} KrJsonType;

typedef struct
{
  KrJsonType  type;
  guint       size;         /* values in this subtree, itself included */
  guint       length;       /* children of an array or object, bytes of a string */
  const char *name;         /* the member name when inside an object, else NULL */
  union {
    gboolean    boolean;
    gint64      integer;
    double      number;
    const char *string;     /* NUL-terminated UTF-8 */
  } v;
} KrJsonValue;

typedef struct _KrJsonDocument KrJsonDocument;

gboolean           kr_json_check              (const char         *data,
                                               gsize               length,
                                               KrJsonProblem      *problem);
KrJsonDocument    *kr_json_parse              (const char         *data,
                                               gsize               length,
                                               KrJsonProblem      *problem);
const KrJsonValue *kr_json_document_get_root  (KrJsonDocument     *document);
void               kr_json_document_free      (KrJsonDocument     *document);
void               kr_json_problem_clear      (KrJsonProblem      *problem);

const KrJsonValue *kr_json_object_get_member  (const KrJsonValue  *object,
                                               const char         *name);

/* The first child of an array or object with children. */
static inline const KrJsonValue *
kr_json_value_get_first_child (const KrJsonValue *value)
{
  return value + 1;
}

/* The value after @value and its children: its next sibling, if its parent has one. */
static inline const KrJsonValue *
kr_json_value_get_next (const KrJsonValue *value)
{
  return value + value->size;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KrJsonDocument, kr_json_document_free)

G_END_DECLS
