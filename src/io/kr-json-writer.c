/* kr-json-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kr-json-writer.h"

typedef struct
{
  gboolean has_items;
  gboolean after_member;   /* a member name was written; its value follows on the line */
} Level;

struct _KrJsonWriter
{
  GString *out;
  GArray *levels;   /* Level */
};

KrJsonWriter *
kr_json_writer_new (void)
{
  KrJsonWriter *self = g_new0 (KrJsonWriter, 1);

  self->out = g_string_sized_new (4096);
  self->levels = g_array_new (FALSE, TRUE, sizeof (Level));

  return self;
}

void
kr_json_writer_free (KrJsonWriter *self)
{
  if (self == NULL)
    return;

  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_array_unref (self->levels);
  g_free (self);
}

/* Ends the document with a newline and returns its text. */
char *
kr_json_writer_finish (KrJsonWriter *self,
                       gsize        *length)
{
  char *text;

  g_string_append_c (self->out, '\n');
  if (length != NULL)
    *length = self->out->len;

  text = g_string_free (self->out, FALSE);
  self->out = NULL;
  kr_json_writer_free (self);

  return text;
}

static Level *
current_level (KrJsonWriter *self)
{
  if (self->levels->len == 0)
    return NULL;

  return &g_array_index (self->levels, Level, self->levels->len - 1);
}

static void
newline (KrJsonWriter *self,
         guint         depth)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (self->out, "  ");
}

/* Called before every value: puts it on its own line inside an array. */
static void
before_value (KrJsonWriter *self)
{
  Level *level = current_level (self);

  if (level == NULL)
    return;

  if (level->after_member)
    {
      level->after_member = FALSE;
      return;
    }

  if (level->has_items)
    g_string_append_c (self->out, ',');
  level->has_items = TRUE;
  newline (self, self->levels->len);
}

static void
begin (KrJsonWriter *self,
       char          bracket)
{
  Level level = { FALSE, FALSE };

  before_value (self);
  g_string_append_c (self->out, bracket);
  g_array_append_val (self->levels, level);
}

static void
end (KrJsonWriter *self,
     char          bracket)
{
  Level *level = current_level (self);
  gboolean has_items;

  g_return_if_fail (level != NULL);

  has_items = level->has_items;
  g_array_set_size (self->levels, self->levels->len - 1);

  if (has_items)
    newline (self, self->levels->len);
  g_string_append_c (self->out, bracket);
}

void
kr_json_writer_begin_object (KrJsonWriter *self)
{
  begin (self, '{');
}

void
kr_json_writer_end_object (KrJsonWriter *self)
{
  end (self, '}');
}

void
kr_json_writer_begin_array (KrJsonWriter *self)
{
  begin (self, '[');
}

void
kr_json_writer_end_array (KrJsonWriter *self)
{
  end (self, ']');
}

static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');

  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }

  g_string_append_c (out, '"');
}

void
kr_json_writer_member (KrJsonWriter *self,
                       const char   *name)
{
  Level *level = current_level (self);

  g_return_if_fail (level != NULL);

  if (level->has_items)
    g_string_append_c (self->out, ',');
  level->has_items = TRUE;
  newline (self, self->levels->len);
  append_quoted (self->out, name);
  g_string_append (self->out, ": ");
  level->after_member = TRUE;
}

void
kr_json_writer_string (KrJsonWriter *self,
                       const char   *text)
{
  before_value (self);
  append_quoted (self->out, text ? text : "");
}

/* Integral numbers as integers, others with at most six decimals, no trailing zeros. */
void
kr_json_writer_number (KrJsonWriter *self,
                       double        number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (!isfinite (number))
    number = 0;

  if (number == floor (number) && fabs (number) < 1e15)
    {
      kr_json_writer_int (self, (gint64) number);
      return;
    }

  g_ascii_formatd (buffer, sizeof buffer, "%.6f", number);
  end = buffer + strlen (buffer) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  if (g_str_equal (buffer, "-0"))
    g_strlcpy (buffer, "0", sizeof buffer);

  before_value (self);
  g_string_append (self->out, buffer);
}

void
kr_json_writer_int (KrJsonWriter *self,
                    gint64        number)
{
  before_value (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, number);
}

void
kr_json_writer_boolean (KrJsonWriter *self,
                        gboolean      value)
{
  before_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
kr_json_writer_null (KrJsonWriter *self)
{
  before_value (self);
  g_string_append (self->out, "null");
}

/* A double as it was read: the shortest text that reads back the same, kept a double. */
static void
append_exact_double (GString *out,
                     double   number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, number);
      if (g_ascii_strtod (buffer, NULL) == number)
        break;
    }

  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

/* Writes a json-glib node (an unknown member) as faithfully as possible. */
void
kr_json_writer_node (KrJsonWriter *self,
                     JsonNode     *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      kr_json_writer_begin_object (self);
      kr_json_writer_members (self, json_node_get_object (node));
      kr_json_writer_end_object (self);
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        kr_json_writer_begin_array (self);
        for (guint i = 0; i < json_array_get_length (array); i++)
          kr_json_writer_node (self, json_array_get_element (array, i));
        kr_json_writer_end_array (self);
      }
      break;

    case JSON_NODE_NULL:
      kr_json_writer_null (self);
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          kr_json_writer_string (self, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          kr_json_writer_boolean (self, json_node_get_boolean (node));
          break;
        case G_TYPE_INT64:
          kr_json_writer_int (self, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          if (isfinite (json_node_get_double (node)))
            {
              before_value (self);
              append_exact_double (self->out, json_node_get_double (node));
            }
          else
            kr_json_writer_null (self);
          break;
        default:
          kr_json_writer_null (self);
        }
    }
}

/* Writes every member of @object, in order, into the object being written. */
void
kr_json_writer_members (KrJsonWriter *self,
                        JsonObject   *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      kr_json_writer_member (self, name);
      kr_json_writer_node (self, node);
    }
}
