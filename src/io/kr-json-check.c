/* kr-json-check.c
 *
 * One recursive walk serves both kr_json_check() and kr_json_parse(); parsing only adds
 * keeping what was read. Values go into one array in document order, each recording the
 * size of its subtree so that the next sibling is found without pointers; strings are
 * decoded into one block allocated up front (a decoded string with its NUL is never longer
 * than its quoted source, so the block is as large as the input).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kr-json-check.h"

/* Objects with few keys compare linearly; bigger ones switch to a hash set. */
#define LINEAR_KEY_LIMIT 32

/* Longer numbers are copied to the heap to be converted. */
#define NUMBER_BUFFER_SIZE 64

struct _KrJsonDocument
{
  KrJsonValue *values;
  char *texts;
};

typedef struct
{
  const char *start;
  gsize length;
} KeySpan;

typedef struct
{
  GArray *keys;        /* KeySpan */
  GHashTable *key_set; /* char* → NULL, once keys outgrow LINEAR_KEY_LIMIT */
} ObjectKeys;

typedef struct
{
  const char *data;
  const char *pos;
  const char *end;
  guint depth;
  ObjectKeys levels[KR_JSON_MAX_DEPTH + 1];
  GPtrArray *decoded_keys;   /* unescaped keys that spans point into, when checking only */
  const char *error_pos;
  char *error;

  /* Only when parsing: */
  GArray *values;            /* KrJsonValue */
  char *texts_end;           /* where the next decoded string goes */
  const char *member_name;   /* of the value read next */
} Checker;

static gboolean
fail (Checker    *checker,
      const char *at,
      char       *message)
{
  if (checker->error == NULL)
    {
      checker->error_pos = at;
      checker->error = message;
    }
  else
    g_free (message);

  return FALSE;
}

/* Fails at the current position with @message, unless what is there is a known mistake
 * (a comment, a single quote) that deserves its own message. */
static gboolean
fail_unexpected (Checker    *checker,
                 const char *message)
{
  if (checker->pos < checker->end && *checker->pos == '/')
    return fail (checker, checker->pos, g_strdup (_("Comments are not allowed in JSON")));
  if (checker->pos < checker->end && *checker->pos == '\'')
    return fail (checker, checker->pos, g_strdup (_("Strings must use double quotes")));
  if (checker->pos >= checker->end)
    return fail (checker, checker->pos, g_strdup (_("Unexpected end of file")));

  return fail (checker, checker->pos, g_strdup (message));
}

static void
skip_whitespace (Checker *checker)
{
  while (checker->pos < checker->end &&
         (*checker->pos == ' ' || *checker->pos == '\t' ||
          *checker->pos == '\n' || *checker->pos == '\r'))
    checker->pos++;
}

/* Appends a value of @type, named by the pending member name. The pointer is valid until
 * the next value is added: the array may move as it grows. */
static KrJsonValue *
add_value (Checker    *checker,
           KrJsonType  type)
{
  guint index = checker->values->len;
  KrJsonValue *value;

  g_array_set_size (checker->values, index + 1);
  value = &g_array_index (checker->values, KrJsonValue, index);
  value->type = type;
  value->size = 1;
  value->length = 0;
  value->name = checker->member_name;
  value->v.integer = 0;
  checker->member_name = NULL;

  return value;
}

static gboolean
check_value (Checker *checker);

/* The value of four hex digits, or -1. */
static int
read_hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

static gboolean
read_unicode_escape (Checker     *checker,
                     const char  *p,
                     gunichar    *out)
{
  if (checker->end - p < 4)
    return fail (checker, p, g_strdup (_("Incomplete \\u escape")));

  for (int i = 0; i < 4; i++)
    if (!g_ascii_isxdigit (p[i]))
      return fail (checker, p + i, g_strdup (_("Invalid \\u escape")));

  *out = (gunichar) read_hex4 (p);
  return TRUE;
}

static gboolean
check_escape (Checker     *checker,
              const char **p)
{
  const char *escape = *p;   /* at the backslash */
  gunichar value;

  if (escape + 1 >= checker->end)
    return fail (checker, escape, g_strdup (_("Unterminated string")));

  switch (escape[1])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      *p = escape + 2;
      return TRUE;
    case 'u':
      break;
    default:
      return fail (checker, escape, g_strdup_printf (_("Invalid escape “\\%c” in a string"),
                                                    g_ascii_isprint (escape[1]) ? escape[1] : '?'));
    }

  if (!read_unicode_escape (checker, escape + 2, &value))
    return FALSE;

  if (value == 0)
    return fail (checker, escape, g_strdup (_("A string contains a NUL character (\\u0000)")));

  *p = escape + 6;

  if (value >= 0xDC00 && value <= 0xDFFF)
    return fail (checker, escape, g_strdup (_("A string contains a lone low surrogate")));

  if (value >= 0xD800 && value <= 0xDBFF)
    {
      gunichar low;

      if (checker->end - *p < 6 || (*p)[0] != '\\' || (*p)[1] != 'u' ||
          !read_unicode_escape (checker, *p + 2, &low) || low < 0xDC00 || low > 0xDFFF)
        {
          g_clear_pointer (&checker->error, g_free);
          return fail (checker, escape, g_strdup (_("A string contains a lone high surrogate")));
        }
      *p += 6;
    }

  return TRUE;
}

/* The bytes a string can not simply go on with: its end, an escape, control characters
 * and the bytes of non-ASCII characters. */
static const gboolean string_stops[256] = {
  [0x00 ... 0x1F] = TRUE, ['"'] = TRUE, ['\\'] = TRUE, [0x80 ... 0xFF] = TRUE,
};

/* At an opening quote; on success the position is after the closing quote and the span
 * holds the raw contents. */
static gboolean
check_string (Checker  *checker,
              KeySpan  *span,
              gboolean *escaped)
{
  const char *start = checker->pos;
  const char *p = start + 1;
  gboolean non_ascii = FALSE;

  *escaped = FALSE;
  while (p < checker->end)
    {
      guchar c = (guchar) *p;

      if (!string_stops[c])
        p++;
      else if (c == '"')
        break;
      else if (c == '\\')
        {
          *escaped = TRUE;
          if (!check_escape (checker, &p))
            return FALSE;
        }
      else if (c < 0x20)
        return fail (checker, p, g_strdup (_("A string contains a raw control character")));
      else
        {
          non_ascii = TRUE;
          p++;
        }
    }

  if (p >= checker->end)
    return fail (checker, start, g_strdup (_("Unterminated string")));

  /* Only strings may hold non-ASCII bytes; read_document() names the exact place. */
  if (non_ascii && !g_utf8_validate_len (start + 1, (gsize) (p - start - 1), NULL))
    return fail (checker, start, g_strdup (_("The file is not valid UTF-8 text")));

  if ((gsize) (p - start - 1) > KR_JSON_MAX_STRING_BYTES)
    return fail (checker, start, g_strdup_printf (_("A string is longer than %d MiB"),
                                                  KR_JSON_MAX_STRING_BYTES / (1024 * 1024)));

  span->start = start + 1;
  span->length = (gsize) (p - start - 1);
  checker->pos = p + 1;
  return TRUE;
}

/* Writes the text of the raw string contents @raw, whose escapes are valid, to @out;
 * returns its length in bytes. */
static gsize
decode_string (const char *raw,
               gsize       length,
               char       *out)
{
  const char *p = raw;
  const char *end = raw + length;
  char *o = out;

  while (p < end)
    {
      const char *backslash = memchr (p, '\\', (gsize) (end - p));
      gunichar value;

      if (backslash == NULL)
        backslash = end;
      memcpy (o, p, (gsize) (backslash - p));
      o += backslash - p;
      p = backslash;
      if (p >= end)
        break;

      switch (p[1])
        {
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u':
          value = (gunichar) read_hex4 (p + 2);
          if (value >= 0xD800 && value <= 0xDBFF)
            {
              gunichar low = (gunichar) read_hex4 (p + 8);

              value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          o += g_unichar_to_utf8 (value, o);
          p += 6;
          continue;
        default:
          *o++ = p[1];
          break;
        }
      p += 2;
    }

  return (gsize) (o - out);
}

/* Moves the text of @span into the document's block of strings and points @span at it. */
static void
keep_text (Checker  *checker,
           KeySpan  *span,
           gboolean  escaped)
{
  char *text = checker->texts_end;

  if (escaped)
    span->length = decode_string (span->start, span->length, text);
  else
    memcpy (text, span->start, span->length);

  text[span->length] = '\0';
  span->start = text;
  checker->texts_end = text + span->length + 1;
}

/* The text of an escaped key when only checking, so that "a" and "\u0061" are seen as the
 * same member. */
static void
unescape_key (Checker *checker,
              KeySpan *key)
{
  char *text = g_malloc (key->length + 1);

  key->length = decode_string (key->start, key->length, text);
  text[key->length] = '\0';
  key->start = text;
  g_ptr_array_add (checker->decoded_keys, text);
}

static double
convert_double (const char *start,
                gsize       length)
{
  char buffer[NUMBER_BUFFER_SIZE];
  g_autofree char *copy = NULL;
  const char *text = buffer;

  /* The input need not end with a NUL. */
  if (length < sizeof buffer)
    {
      memcpy (buffer, start, length);
      buffer[length] = '\0';
    }
  else
    text = copy = g_strndup (start, length);

  return g_ascii_strtod (text, NULL);
}

static gboolean
check_number (Checker *checker)
{
  const char *start = checker->pos;
  const char *p = start;
  const char *digits;
  gboolean fraction = FALSE, exponent = FALSE;
  double number = 0;

  if (*p == '-')
    p++;

  digits = p;
  if (p >= checker->end || !g_ascii_isdigit (*p))
    return fail (checker, start, g_strdup (_("Invalid number")));

  if (*p == '0' && p + 1 < checker->end && g_ascii_isdigit (p[1]))
    return fail (checker, start, g_strdup (_("Numbers must not start with a zero")));

  while (p < checker->end && g_ascii_isdigit (*p))
    p++;

  if (p - digits > 18 && (p >= checker->end || (*p != '.' && *p != 'e' && *p != 'E')))
    return fail (checker, start, g_strdup (_("The integer is too large")));

  if (p < checker->end && *p == '.')
    {
      fraction = TRUE;
      p++;
      if (p >= checker->end || !g_ascii_isdigit (*p))
        return fail (checker, p, g_strdup (_("Expected a digit after the decimal point")));
      while (p < checker->end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < checker->end && (*p == 'e' || *p == 'E'))
    {
      exponent = TRUE;
      p++;
      if (p < checker->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= checker->end || !g_ascii_isdigit (*p))
        return fail (checker, p, g_strdup (_("Expected a digit in the exponent")));
      while (p < checker->end && g_ascii_isdigit (*p))
        p++;
    }

  if (exponent || (fraction && checker->values != NULL))
    number = convert_double (start, (gsize) (p - start));

  /* An exponent can overflow to infinity, which could not be written back. */
  if (exponent && !isfinite (number))
    return fail (checker, start, g_strdup (_("The number is too large")));

  if (checker->values != NULL)
    {
      KrJsonValue *value;

      if (fraction || exponent)
        {
          value = add_value (checker, KR_JSON_DOUBLE);
          value->v.number = number;
        }
      else
        {
          gint64 integer = 0;

          /* At most 18 digits: no overflow. */
          for (const char *d = digits; d < p; d++)
            integer = integer * 10 + (*d - '0');

          value = add_value (checker, KR_JSON_INTEGER);
          value->v.integer = digits != start ? -integer : integer;
        }
    }

  checker->pos = p;
  return TRUE;
}

static gboolean
check_literal (Checker    *checker,
               const char *literal,
               KrJsonType  type)
{
  gsize length = strlen (literal);

  if ((gsize) (checker->end - checker->pos) < length ||
      memcmp (checker->pos, literal, length) != 0 ||
      (checker->pos + length < checker->end && g_ascii_isalnum (checker->pos[length])))
    return fail (checker, checker->pos, g_strdup (_("Unexpected word; expected a value")));

  if (checker->values != NULL)
    add_value (checker, type)->v.boolean = *literal == 't';

  checker->pos += length;
  return TRUE;
}

static gboolean
check_string_value (Checker *checker)
{
  KeySpan text;
  gboolean escaped;
  KrJsonValue *value;

  if (!check_string (checker, &text, &escaped))
    return FALSE;

  if (checker->values == NULL)
    return TRUE;

  keep_text (checker, &text, escaped);
  value = add_value (checker, KR_JSON_STRING);
  value->length = (guint) text.length;
  value->v.string = text.start;
  return TRUE;
}

static gboolean
key_spans_equal (const KeySpan *a,
                 const KeySpan *b)
{
  return a->length == b->length && memcmp (a->start, b->start, a->length) == 0;
}

static gboolean
remember_key (Checker       *checker,
              ObjectKeys    *keys,
              const KeySpan *key)
{
  if (keys->key_set == NULL)
    {
      for (guint i = 0; i < keys->keys->len; i++)
        if (key_spans_equal (&g_array_index (keys->keys, KeySpan, i), key))
          return FALSE;

      g_array_append_val (keys->keys, *key);
      if (keys->keys->len <= LINEAR_KEY_LIMIT)
        return TRUE;

      keys->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < keys->keys->len; i++)
        {
          KeySpan *span = &g_array_index (keys->keys, KeySpan, i);
          g_hash_table_add (keys->key_set, g_strndup (span->start, span->length));
        }
      return TRUE;
    }

  return g_hash_table_add (keys->key_set, g_strndup (key->start, key->length));
}

static void
object_keys_reset (ObjectKeys *keys)
{
  if (keys->keys == NULL)
    keys->keys = g_array_new (FALSE, FALSE, sizeof (KeySpan));
  g_array_set_size (keys->keys, 0);
  g_clear_pointer (&keys->key_set, g_hash_table_unref);
}

/* At the opening bracket of a container; adds its value when parsing. */
static gboolean
enter (Checker    *checker,
       KrJsonType  type,
       guint      *index)
{
  if (checker->depth >= KR_JSON_MAX_DEPTH)
    return fail (checker, checker->pos,
                 g_strdup_printf (_("Nesting is deeper than %d levels"), KR_JSON_MAX_DEPTH));

  if (checker->values != NULL)
    {
      *index = checker->values->len;
      add_value (checker, type);
    }

  checker->depth++;
  checker->pos++;
  skip_whitespace (checker);
  return TRUE;
}

/* At the closing bracket of a container of @length children. */
static void
leave (Checker *checker,
       guint    index,
       guint    length)
{
  if (checker->values != NULL)
    {
      KrJsonValue *value = &g_array_index (checker->values, KrJsonValue, index);

      value->size = checker->values->len - index;
      value->length = length;
    }

  checker->pos++;
  checker->depth--;
}

static gboolean
check_member_name (Checker    *checker,
                   ObjectKeys *keys)
{
  KeySpan key;
  gboolean escaped;
  const char *key_pos = checker->pos;

  if (checker->pos >= checker->end || *checker->pos != '"')
    return fail_unexpected (checker, _("Expected a member name in double quotes"));
  if (!check_string (checker, &key, &escaped))
    return FALSE;

  if (checker->values != NULL)
    {
      keep_text (checker, &key, escaped);
      checker->member_name = key.start;
    }
  else if (escaped)
    unescape_key (checker, &key);

  if (!remember_key (checker, keys, &key))
    return fail (checker, key_pos,
                 g_strdup_printf (_("Duplicate member “%.*s”"), (int) MIN (key.length, 80), key.start));

  return TRUE;
}

static gboolean
check_object (Checker *checker)
{
  ObjectKeys *keys;
  guint index = 0;
  guint length = 0;

  if (!enter (checker, KR_JSON_OBJECT, &index))
    return FALSE;

  keys = &checker->levels[checker->depth];
  object_keys_reset (keys);

  if (checker->pos < checker->end && *checker->pos == '}')
    goto done;

  for (;;)
    {
      if (!check_member_name (checker, keys))
        return FALSE;

      skip_whitespace (checker);
      if (checker->pos >= checker->end || *checker->pos != ':')
        return fail_unexpected (checker, _("Expected “:” after a member name"));
      checker->pos++;
      skip_whitespace (checker);

      if (!check_value (checker))
        return FALSE;
      length++;

      skip_whitespace (checker);
      if (checker->pos < checker->end && *checker->pos == ',')
        {
          checker->pos++;
          skip_whitespace (checker);
          continue;
        }
      if (checker->pos < checker->end && *checker->pos == '}')
        break;
      return fail_unexpected (checker, _("Expected “,” or “}” in an object"));
    }

done:
  leave (checker, index, length);
  return TRUE;
}

static gboolean
check_array (Checker *checker)
{
  guint index = 0;
  guint length = 0;

  if (!enter (checker, KR_JSON_ARRAY, &index))
    return FALSE;

  if (checker->pos < checker->end && *checker->pos == ']')
    goto done;

  for (;;)
    {
      if (!check_value (checker))
        return FALSE;
      length++;

      skip_whitespace (checker);
      if (checker->pos < checker->end && *checker->pos == ',')
        {
          checker->pos++;
          skip_whitespace (checker);
          continue;
        }
      if (checker->pos < checker->end && *checker->pos == ']')
        break;
      return fail_unexpected (checker, _("Expected “,” or “]” in an array"));
    }

done:
  leave (checker, index, length);
  return TRUE;
}

static gboolean
check_value (Checker *checker)
{
  if (checker->pos >= checker->end)
    return fail (checker, checker->pos, g_strdup (_("Unexpected end of file; expected a value")));

  switch (*checker->pos)
    {
    case '{':
      return check_object (checker);
    case '[':
      return check_array (checker);
    case '"':
      return check_string_value (checker);
    case 't':
      return check_literal (checker, "true", KR_JSON_BOOLEAN);
    case 'f':
      return check_literal (checker, "false", KR_JSON_BOOLEAN);
    case 'n':
      return check_literal (checker, "null", KR_JSON_NULL);
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return check_number (checker);
    case '\'':
      return fail (checker, checker->pos, g_strdup (_("Strings must use double quotes")));
    case '/':
      return fail (checker, checker->pos, g_strdup (_("Comments are not allowed in JSON")));
    default:
      return fail (checker, checker->pos, g_strdup (_("Unexpected character; expected a value")));
    }
}

static void
locate (const char *data,
        const char *at,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }

  /* Count characters, not bytes; the prefix is valid UTF-8 up to @at. */
  *column = (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

/* Fills @problem if @data is not valid UTF-8 without NUL bytes. */
static gboolean
check_utf8 (const char    *data,
            gsize          length,
            KrJsonProblem *problem)
{
  const char *invalid_utf8 = NULL;

  if (g_utf8_validate_len (data, length, &invalid_utf8))
    return TRUE;

  locate (data, invalid_utf8, &problem->line, &problem->column);
  problem->message = g_strdup (*invalid_utf8 == '\0' && invalid_utf8 < data + length
                               ? _("The file contains a NUL byte")
                               : _("The file is not valid UTF-8 text"));
  return FALSE;
}

/* Walks @data; with @values, keeps what it reads there. */
static gboolean
read_document (const char    *data,
               gsize          length,
               GArray        *values,
               char          *texts,
               KrJsonProblem *problem)
{
  Checker checker = { data, data, data + length, 0 };
  g_autoptr(GPtrArray) decoded_keys = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  memset (problem, 0, sizeof *problem);

  checker.decoded_keys = decoded_keys;
  checker.values = values;
  checker.texts_end = texts;
  skip_whitespace (&checker);
  if (checker.pos >= checker.end)
    {
      problem->line = problem->column = 1;
      problem->message = g_strdup (_("The file is empty"));
      return FALSE;
    }

  ok = check_value (&checker);
  if (ok)
    {
      skip_whitespace (&checker);
      if (checker.pos < checker.end)
        ok = fail_unexpected (&checker, _("Unexpected text after the end of the document"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (checker.levels); i++)
    {
      g_clear_pointer (&checker.levels[i].keys, g_array_unref);
      g_clear_pointer (&checker.levels[i].key_set, g_hash_table_unref);
    }

  /* A document that was read whole is valid UTF-8: outside strings only ASCII is allowed,
   * and each string with other bytes was validated. Bytes that are not UTF-8 text anywhere
   * in the file take precedence over any other problem. */
  if (!ok)
    {
      if (check_utf8 (data, length, problem))
        {
          locate (data, checker.error_pos, &problem->line, &problem->column);
          problem->message = g_steal_pointer (&checker.error);
        }
      g_free (checker.error);
    }

  return ok;
}

/* Validates @data; on a problem fills @problem (clear it with kr_json_problem_clear()). */
gboolean
kr_json_check (const char    *data,
               gsize          length,
               KrJsonProblem *problem)
{
  return read_document (data, length, NULL, NULL, problem);
}

/**
 * kr_json_parse:
 *
 * Validates @data like kr_json_check() and keeps its values.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @problem filled
 */
KrJsonDocument *
kr_json_parse (const char    *data,
               gsize          length,
               KrJsonProblem *problem)
{
  /* Most values of a real document take 15 bytes or more of its text. */
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (KrJsonValue), length / 16 + 16);
  g_autofree char *texts = g_malloc (length + 1);
  KrJsonDocument *document;

  if (!read_document (data, length, values, texts, problem))
    return NULL;

  document = g_new (KrJsonDocument, 1);
  document->values = (KrJsonValue *) (gpointer) g_array_free (g_steal_pointer (&values), FALSE);
  document->texts = g_steal_pointer (&texts);
  return document;
}

const KrJsonValue *
kr_json_document_get_root (KrJsonDocument *document)
{
  return document->values;
}

void
kr_json_document_free (KrJsonDocument *document)
{
  g_free (document->values);
  g_free (document->texts);
  g_free (document);
}

void
kr_json_problem_clear (KrJsonProblem *problem)
{
  g_clear_pointer (&problem->message, g_free);
}

/* The member @name of @object, or %NULL. */
const KrJsonValue *
kr_json_object_get_member (const KrJsonValue *object,
                           const char        *name)
{
  const KrJsonValue *member = kr_json_value_get_first_child (object);

  g_return_val_if_fail (object->type == KR_JSON_OBJECT, NULL);

  for (guint i = 0; i < object->length; i++, member = kr_json_value_get_next (member))
    if (g_str_equal (member->name, name))
      return member;

  return NULL;
}
