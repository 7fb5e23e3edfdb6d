/* kr-json-check.h: strict RFC 8259 validation before json-glib sees a document
 *
 * json-glib 1.6 is lenient (comments, single quotes, octal numbers, wrapped integers,
 * duplicate keys, strings cut at \u0000) and overflows the stack on deep nesting. This
 * checker walks the bytes once, without building anything, and reports the first problem
 * with its line and column.
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

gboolean kr_json_check         (const char    *data,
                                gsize          length,
                                KrJsonProblem *problem);
void     kr_json_problem_clear (KrJsonProblem *problem);

G_END_DECLS
