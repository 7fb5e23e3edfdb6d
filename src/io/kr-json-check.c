/* kr-json-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <math.h>
#include <string.h>

#include "kr-json-check.h"

/* Objects with few keys compare linearly; bigger ones switch to a hash set. */
#define LINEAR_KEY_LIMIT 32

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
  GPtrArray *decoded_keys;   /* unescaped keys that spans point into */
  const char *error_pos;
  char *error;
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

static gboolean
check_value (Checker *checker);

static int
hex_value (char c)
{
  return g_ascii_xdigit_value (c);
}

static gboolean
read_unicode_escape (Checker     *checker,
                     const char  *p,
                     gunichar    *out)
{
  gunichar value = 0;

  if (checker->end - p < 4)
    return fail (checker, p, g_strdup (_("Incomplete \\u escape")));

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return fail (checker, p + i, g_strdup (_("Invalid \\u escape")));
      value = value * 16 + (gunichar) digit;
    }

  *out = value;
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

/* At an opening quote; on success the position is after the closing quote and the span
 * holds the raw contents. */
static gboolean
check_string (Checker *checker,
              KeySpan *span)
{
  const char *start = checker->pos;
  const char *p = start + 1;

  while (p < checker->end && *p != '"')
    {
      if ((guchar) *p < 0x20)
        return fail (checker, p, g_strdup (_("A string contains a raw control character")));

      if (*p == '\\')
        {
          if (!check_escape (checker, &p))
            return FALSE;
        }
      else
        p++;
    }

  if (p >= checker->end)
    return fail (checker, start, g_strdup (_("Unterminated string")));

  if ((gsize) (p - start - 1) > KR_JSON_MAX_STRING_BYTES)
    return fail (checker, start, g_strdup_printf (_("A string is longer than %d MiB"),
                                                  KR_JSON_MAX_STRING_BYTES / (1024 * 1024)));

  if (span != NULL)
    {
      span->start = start + 1;
      span->length = (gsize) (p - start - 1);
    }

  checker->pos = p + 1;
  return TRUE;
}

static gboolean
check_number (Checker *checker)
{
  const char *start = checker->pos;
  const char *p = start;
  const char *digits;

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
      p++;
      if (p >= checker->end || !g_ascii_isdigit (*p))
        return fail (checker, p, g_strdup (_("Expected a digit after the decimal point")));
      while (p < checker->end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < checker->end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < checker->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= checker->end || !g_ascii_isdigit (*p))
        return fail (checker, p, g_strdup (_("Expected a digit in the exponent")));
      while (p < checker->end && g_ascii_isdigit (*p))
        p++;

      /* An exponent can overflow to infinity, which could not be written back. */
      if (!isfinite (g_ascii_strtod (start, NULL)))
        return fail (checker, start, g_strdup (_("The number is too large")));
    }

  checker->pos = p;
  return TRUE;
}

static gboolean
check_literal (Checker    *checker,
               const char *literal)
{
  gsize length = strlen (literal);

  if ((gsize) (checker->end - checker->pos) < length ||
      memcmp (checker->pos, literal, length) != 0 ||
      (checker->pos + length < checker->end && g_ascii_isalnum (checker->pos[length])))
    return fail (checker, checker->pos, g_strdup (_("Unexpected word; expected a value")));

  checker->pos += length;
  return TRUE;
}

/* The text of an escaped key, so that "a" and "\u0061" are seen as the same member. The
 * escapes were validated while checking the string. */
static void
unescape_key (Checker *checker,
              KeySpan *key)
{
  GString *text = g_string_sized_new (key->length);
  const char *p = key->start;
  const char *end = key->start + key->length;

  while (p < end)
    {
      gunichar value;

      if (*p != '\\')
        {
          g_string_append_c (text, *p++);
          continue;
        }

      switch (p[1])
        {
        case 'b': g_string_append_c (text, '\b'); break;
        case 'f': g_string_append_c (text, '\f'); break;
        case 'n': g_string_append_c (text, '\n'); break;
        case 'r': g_string_append_c (text, '\r'); break;
        case 't': g_string_append_c (text, '\t'); break;
        case 'u':
          read_unicode_escape (checker, p + 2, &value);
          if (value >= 0xD800 && value <= 0xDBFF)
            {
              gunichar low;

              read_unicode_escape (checker, p + 8, &low);
              value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          g_string_append_unichar (text, value);
          p += 6;
          continue;
        default:
          g_string_append_c (text, p[1]);
          break;
        }
      p += 2;
    }

  key->length = text->len;
  key->start = text->str;
  g_ptr_array_add (checker->decoded_keys, g_string_free (text, FALSE));
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

static gboolean
enter (Checker *checker)
{
  if (checker->depth >= KR_JSON_MAX_DEPTH)
    return fail (checker, checker->pos,
                 g_strdup_printf (_("Nesting is deeper than %d levels"), KR_JSON_MAX_DEPTH));
  checker->depth++;
  checker->pos++;
  skip_whitespace (checker);
  return TRUE;
}

static gboolean
check_object (Checker *checker)
{
  ObjectKeys *keys;

  if (!enter (checker))
    return FALSE;

  keys = &checker->levels[checker->depth];
  object_keys_reset (keys);

  if (checker->pos < checker->end && *checker->pos == '}')
    goto done;

  for (;;)
    {
      KeySpan key;
      const char *key_pos = checker->pos;

      if (checker->pos >= checker->end || *checker->pos != '"')
        return fail_unexpected (checker, _("Expected a member name in double quotes"));
      if (!check_string (checker, &key))
        return FALSE;
      if (memchr (key.start, '\\', key.length) != NULL)
        unescape_key (checker, &key);
      if (!remember_key (checker, keys, &key))
        return fail (checker, key_pos,
                     g_strdup_printf (_("Duplicate member “%.*s”"), (int) MIN (key.length, 80), key.start));

      skip_whitespace (checker);
      if (checker->pos >= checker->end || *checker->pos != ':')
        return fail_unexpected (checker, _("Expected “:” after a member name"));
      checker->pos++;
      skip_whitespace (checker);

      if (!check_value (checker))
        return FALSE;

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
  checker->pos++;
  checker->depth--;
  return TRUE;
}

static gboolean
check_array (Checker *checker)
{
  if (!enter (checker))
    return FALSE;

  if (checker->pos < checker->end && *checker->pos == ']')
    goto done;

  for (;;)
    {
      if (!check_value (checker))
        return FALSE;

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
  checker->pos++;
  checker->depth--;
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
      return check_string (checker, NULL);
    case 't':
      return check_literal (checker, "true");
    case 'f':
      return check_literal (checker, "false");
    case 'n':
      return check_literal (checker, "null");
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

/* Validates @data; on a problem fills @problem (clear it with kr_json_problem_clear()). */
gboolean
kr_json_check (const char    *data,
               gsize          length,
               KrJsonProblem *problem)
{
  Checker checker = { data, data, data + length, 0 };
  g_autoptr(GPtrArray) decoded_keys = g_ptr_array_new_with_free_func (g_free);
  const char *invalid_utf8 = NULL;
  gboolean ok;

  memset (problem, 0, sizeof *problem);

  if (!g_utf8_validate_len (data, length, &invalid_utf8))
    {
      locate (data, invalid_utf8, &problem->line, &problem->column);
      problem->message = g_strdup (*invalid_utf8 == '\0' && invalid_utf8 < data + length
                                   ? _("The file contains a NUL byte")
                                   : _("The file is not valid UTF-8 text"));
      return FALSE;
    }

  checker.decoded_keys = decoded_keys;
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

  if (!ok)
    {
      locate (data, checker.error_pos, &problem->line, &problem->column);
      problem->message = checker.error;
    }

  return ok;
}

void
kr_json_problem_clear (KrJsonProblem *problem)
{
  g_clear_pointer (&problem->message, g_free);
}
