/* kr-map-loader.c
 *
 * Loading is two passes: kr_json_check() proves the bytes are strict JSON of sane depth,
 * then json-glib builds a tree that the field tables of the model are read from, checking
 * every type and range. Any problem ends the load with one message naming the file and the
 * place; a partial map is never returned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kr-json-check.h"
#include "kr-map-loader.h"
#include "kr-unknown-members.h"

G_DEFINE_QUARK (kr-load-error-quark, kr_load_error)

typedef struct
{
  const char *name;
  GString *path;     /* JSON path of what is being read, like $.touchpoints[3] */
  KrMap *map;
  GError **error;
} Loader;

static gboolean G_GNUC_PRINTF (3, 4)
invalid (Loader     *loader,
         const char *member,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (loader->error, KR_LOAD_ERROR, KR_LOAD_ERROR_INVALID, "%s: %s%s%s: %s",
               loader->name, loader->path->str, member ? "." : "", member ? member : "", message);
  return FALSE;
}

static const char *
node_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("a boolean");
    default:
      return _("a number");
    }
}

static gboolean
expect (Loader     *loader,
        const char *member,
        JsonNode   *node,
        JsonNodeType type,
        GType       value_type,
        const char *expected)
{
  if (JSON_NODE_TYPE (node) == type &&
      (type != JSON_NODE_VALUE || json_node_get_value_type (node) == value_type))
    return TRUE;

  return invalid (loader, member, _("expected %s, found %s"), expected, node_type_name (node));
}

static gboolean
read_number (Loader     *loader,
             const char *member,
             JsonNode   *node,
             double     *number)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    *number = (double) json_node_get_int (node);
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *number = json_node_get_double (node);
  else
    return invalid (loader, member, _("expected a number, found %s"), node_type_name (node));

  if (!isfinite (*number))
    return invalid (loader, member, _("the number is too large"));

  return TRUE;
}

static gboolean
read_text (Loader      *loader,
           const char  *member,
           JsonNode    *node,
           gsize        max_bytes,
           const char **text)
{
  if (!expect (loader, member, node, JSON_NODE_VALUE, G_TYPE_STRING, _("a string")))
    return FALSE;

  *text = json_node_get_string (node);
  if (strlen (*text) > max_bytes)
    return invalid (loader, member, _("the text is longer than %zu MiB"), max_bytes / (1024 * 1024));

  return TRUE;
}

static gboolean
is_color (const char *text)
{
  if (text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

#define PNG_URI_PREFIX "data:image/png;base64,"
#define JPEG_URI_PREFIX "data:image/jpeg;base64,"

static gboolean
is_base64 (const char *text)
{
  gsize length = strlen (text);
  gsize padding = 0;

  if (length % 4 != 0)
    return FALSE;

  while (padding < 2 && padding < length && text[length - 1 - padding] == '=')
    padding++;

  for (gsize i = 0; i < length - padding; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '+' && text[i] != '/')
      return FALSE;

  return TRUE;
}

static guint
read_big_endian_16 (const guchar *bytes)
{
  return (guint) bytes[0] << 8 | bytes[1];
}

static guint32
read_big_endian_32 (const guchar *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

/* The size a PNG says it has, from its IHDR chunk. */
static gboolean
read_png_size (const guchar *data,
               gsize         length,
               guint32      *width,
               guint32      *height)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (length < 24 || memcmp (data, signature, sizeof signature) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;

  *width = read_big_endian_32 (data + 16);
  *height = read_big_endian_32 (data + 20);
  return TRUE;
}

/* The size a JPEG says it has, from its start-of-frame segment. */
static gboolean
read_jpeg_size (const guchar *data,
                gsize         length,
                guint32      *width,
                guint32      *height)
{
  gsize pos = 2;

  if (length < 4 || data[0] != 0xFF || data[1] != 0xD8)
    return FALSE;

  while (pos + 4 <= length)
    {
      guchar marker;
      guint segment_length;

      if (data[pos] != 0xFF)
        return FALSE;
      while (pos < length && data[pos] == 0xFF)
        pos++;
      if (pos >= length)
        return FALSE;
      marker = data[pos++];

      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
        continue;   /* markers without a segment */
      if (marker == 0xD9 || marker == 0xDA || pos + 2 > length)
        return FALSE;   /* image data or its end before any frame */

      segment_length = read_big_endian_16 (data + pos);
      if (segment_length < 2 || pos + segment_length > length)
        return FALSE;

      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
        {
          if (segment_length < 7)
            return FALSE;
          *height = read_big_endian_16 (data + pos + 3);
          *width = read_big_endian_16 (data + pos + 5);
          return TRUE;
        }

      pos += segment_length;
    }

  return FALSE;
}

/* A photo must be a PNG or JPEG data: URI whose picture is small enough to decode safely. */
static gboolean
check_image (Loader        *loader,
             const KrField *field,
             const char    *text)
{
  gboolean png = g_str_has_prefix (text, PNG_URI_PREFIX);
  const char *encoded;
  g_autofree guchar *data = NULL;
  gsize length;
  guint32 width, height;

  if (!png && !g_str_has_prefix (text, JPEG_URI_PREFIX))
    return invalid (loader, field->member, _("expected a PNG or JPEG data: URI"));

  encoded = text + strlen (png ? PNG_URI_PREFIX : JPEG_URI_PREFIX);
  if (!is_base64 (encoded))
    return invalid (loader, field->member, _("the picture is not valid base64"));

  data = g_base64_decode (encoded, &length);
  if (!(png ? read_png_size (data, length, &width, &height) : read_jpeg_size (data, length, &width, &height)))
    return invalid (loader, field->member, png ? _("the picture is not a readable PNG image")
                                              : _("the picture is not a readable JPEG image"));

  if (width == 0 || height == 0 || width > KR_MAX_PHOTO_SIDE || height > KR_MAX_PHOTO_SIDE)
    return invalid (loader, field->member,
                    _("the picture is %u × %u pixels; at most %d × %d are allowed"),
                    width, height, KR_MAX_PHOTO_SIDE, KR_MAX_PHOTO_SIDE);

  return TRUE;
}

static gboolean
check_string_field (Loader        *loader,
                    const KrField *field,
                    const char    *text)
{
  if ((field->flags & KR_FIELD_COLOR) && !is_color (text))
    return invalid (loader, field->member, _("“%s” is not a colour of the form #rrggbb"), text);

  if ((field->flags & KR_FIELD_IMAGE) && !check_image (loader, field, text))
    return FALSE;

  if ((field->flags & KR_FIELD_TIMESTAMP) && *text != '\0')
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

      if (time == NULL)
        return invalid (loader, field->member,
                        _("“%s” is not a date and time like 2026-11-22T10:00:00Z"), text);
    }

  if ((field->flags & KR_FIELD_CHOICE) && !g_strv_contains (field->choices, text))
    {
      g_autofree char *choices = g_strjoinv (", ", (char **) field->choices);
      return invalid (loader, field->member, _("“%s” is not one of %s"), text, choices);
    }

  if ((field->flags & KR_FIELD_REFERENCE) && *text == '\0')
    return invalid (loader, field->member, _("the reference is empty"));

  return TRUE;
}

static gboolean
read_string_list (Loader     *loader,
                  const char *member,
                  JsonNode   *node,
                  GValue     *value)
{
  JsonArray *array;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!expect (loader, member, node, JSON_NODE_ARRAY, G_TYPE_INVALID, _("an array of strings")))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", member, i);
      const char *text;

      if (!read_text (loader, element, json_array_get_element (array, i), KR_MAX_TEXT_BYTES, &text))
        return FALSE;
      g_strv_builder_add (builder, text);
    }

  g_value_take_boxed (value, g_strv_builder_end (builder));
  return TRUE;
}

static gboolean
read_points (Loader     *loader,
             const char *member,
             JsonNode   *node,
             GValue     *value)
{
  JsonArray *array;
  GVariantBuilder builder;

  if (!expect (loader, member, node, JSON_NODE_ARRAY, G_TYPE_INVALID, _("an array of points")))
    return FALSE;

  array = json_node_get_array (node);
  g_variant_builder_init (&builder, KR_POINTS_VARIANT_TYPE);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", member, i);
      JsonNode *point = json_array_get_element (array, i);
      JsonObject *object;
      double xy[2];

      if (!expect (loader, element, point, JSON_NODE_OBJECT, G_TYPE_INVALID, _("a point {\"x\", \"y\"}")))
        goto fail;

      object = json_node_get_object (point);
      for (int axis = 0; axis < 2; axis++)
        {
          const char *name = axis == 0 ? "x" : "y";
          g_autofree char *coordinate = g_strdup_printf ("%s.%s", element, name);
          JsonNode *number = json_object_get_member (object, name);

          if (number == NULL)
            {
              invalid (loader, coordinate, _("the member is missing"));
              goto fail;
            }
          if (!read_number (loader, coordinate, number, &xy[axis]))
            goto fail;
          if (fabs (xy[axis]) > 1e6)
            {
              invalid (loader, coordinate, _("%.12g is out of range (%.12g to %.12g)"), xy[axis], -1e6, 1e6);
              goto fail;
            }
        }

      g_variant_builder_add (&builder, "(dd)", xy[0], xy[1]);
    }

  g_value_set_variant (value, g_variant_builder_end (&builder));
  return TRUE;

fail:
  g_variant_builder_clear (&builder);
  return FALSE;
}

static gboolean
read_field_value (Loader        *loader,
                  const KrField *field,
                  JsonNode      *node,
                  GValue        *value)
{
  const char *text;
  double number;

  if (JSON_NODE_HOLDS_NULL (node) && (field->flags & KR_FIELD_NULLABLE))
    {
      if (field->type == KR_FIELD_INT)
        g_value_init (value, G_TYPE_INT), g_value_set_int (value, -1);
      else
        g_value_init (value, G_TYPE_STRING);
      return TRUE;
    }

  switch (field->type)
    {
    case KR_FIELD_STRING:
      if (field->flags & KR_FIELD_IMAGE)
        {
          if (!expect (loader, field->member, node, JSON_NODE_VALUE, G_TYPE_STRING, _("a string")))
            return FALSE;
          text = json_node_get_string (node);
          if (strlen (text) > KR_MAX_PHOTO_BYTES)
            return invalid (loader, field->member, _("the picture is larger than %d MiB"),
                            KR_MAX_PHOTO_BYTES / (1024 * 1024));
        }
      else if (!read_text (loader, field->member, node, KR_MAX_TEXT_BYTES, &text))
        return FALSE;
      if (!check_string_field (loader, field, text))
        return FALSE;
      g_value_init (value, G_TYPE_STRING);
      g_value_set_static_string (value, text);
      return TRUE;

    case KR_FIELD_STRV:
      g_value_init (value, G_TYPE_STRV);
      return read_string_list (loader, field->member, node, value);

    case KR_FIELD_POINTS:
      g_value_init (value, G_TYPE_VARIANT);
      return read_points (loader, field->member, node, value);

    case KR_FIELD_BOOLEAN:
      if (!expect (loader, field->member, node, JSON_NODE_VALUE, G_TYPE_BOOLEAN, _("true or false")))
        return FALSE;
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;

    case KR_FIELD_INT:
    case KR_FIELD_DOUBLE:
      if (!read_number (loader, field->member, node, &number))
        return FALSE;
      if (number < field->min || number > field->max ||
          (field->type == KR_FIELD_INT && (field->flags & KR_FIELD_NULLABLE) && number < 0))
        return invalid (loader, field->member, _("%.12g is out of range (%.12g to %.12g)"), number,
                        (field->flags & KR_FIELD_NULLABLE) ? 0 : field->min, field->max);
      if (field->type == KR_FIELD_DOUBLE)
        {
          g_value_init (value, G_TYPE_DOUBLE);
          g_value_set_double (value, number);
          return TRUE;
        }
      if (number != floor (number))
        return invalid (loader, field->member, _("expected a whole number, found %.12g"), number);
      g_value_init (value, G_TYPE_INT);
      g_value_set_int (value, (int) number);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* Whether @name is a member the tables describe, at the top of an object (@group NULL)
 * or inside its nested @group object. */
static gboolean
is_known_member (const char    *name,
                 const char    *group,
                 const KrField *fields,
                 guint          n_fields,
                 const char   **extra_members)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (group != NULL)
        {
          if (g_strcmp0 (fields[i].group, group) == 0 && g_str_equal (name, fields[i].member))
            return TRUE;
        }
      else if (g_str_equal (name, fields[i].group ? fields[i].group : fields[i].member))
        return TRUE;
    }

  return extra_members != NULL && g_strv_contains (extra_members, name);
}

static void
keep_unknown_members (gpointer       instance,
                      const char    *group,
                      JsonObject    *object,
                      const KrField *fields,
                      guint          n_fields,
                      const char   **extra_members)
{
  g_autoptr(JsonObject) unknown = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (is_known_member (name, group, fields, n_fields, extra_members))
        continue;

      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, name, json_node_copy (node));
    }

  if (unknown != NULL)
    kr_unknown_members_set (instance, group, unknown);
}

/* Finds the member of @field in @object (or in its nested group object). */
static JsonNode *
find_field_node (Loader        *loader,
                 JsonObject    *object,
                 const KrField *field,
                 gboolean      *ok)
{
  JsonNode *group;

  *ok = TRUE;
  if (field->group == NULL)
    return json_object_get_member (object, field->member);

  group = json_object_get_member (object, field->group);
  if (group == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (group))
    {
      *ok = invalid (loader, field->group, _("expected an object, found %s"), node_type_name (group));
      return NULL;
    }

  return json_object_get_member (json_node_get_object (group), field->member);
}

/* Reads the fields of @instance from @object. @extra_members are members read elsewhere. */
static gboolean
read_fields (Loader        *loader,
             JsonObject    *object,
             gpointer       instance,
             const KrField *fields,
             guint          n_fields,
             const char   **extra_members)
{
  guint n_found = 0;
  const char *last_group = NULL;

  for (guint i = 0; i < n_fields; i++)
    {
      const KrField *field = &fields[i];
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean ok;
      JsonNode *node = find_field_node (loader, object, field, &ok);

      if (!ok)
        return FALSE;

      if (field->group != NULL && g_strcmp0 (field->group, last_group) != 0)
        {
          JsonNode *group = json_object_get_member (object, field->group);

          last_group = field->group;
          if (group != NULL)
            {
              n_found++;
              keep_unknown_members (instance, field->group, json_node_get_object (group),
                                    fields, n_fields, NULL);
            }
        }

      if (node == NULL)
        {
          if (field->flags & KR_FIELD_REQUIRED)
            return invalid (loader, field->member, _("the member is missing"));
          continue;
        }

      if (field->group == NULL)
        n_found++;

      if (field->group != NULL)
        g_string_append_printf (loader->path, ".%s", field->group);
      ok = read_field_value (loader, field, node, &value);
      if (field->group != NULL)
        g_string_truncate (loader->path, loader->path->len - strlen (field->group) - 1);
      if (!ok)
        return FALSE;

      kr_field_set_value (instance, field, &value);
    }

  for (guint i = 0; extra_members && extra_members[i]; i++)
    if (json_object_has_member (object, extra_members[i]))
      n_found++;

  if (json_object_get_size (object) > n_found)
    keep_unknown_members (instance, NULL, object, fields, n_fields, extra_members);

  return TRUE;
}

static gboolean
read_notes (Loader       *loader,
            JsonObject   *object,
            KrTouchpoint *touchpoint)
{
  JsonNode *node = json_object_get_member (object, "notes");
  const KrField *fields;
  guint n_fields;
  JsonArray *array;
  gboolean ok = TRUE;

  if (node == NULL)
    return TRUE;

  if (!expect (loader, "notes", node, JSON_NODE_ARRAY, G_TYPE_INVALID, _("an array of notes")))
    return FALSE;

  fields = kr_note_get_fields (&n_fields);
  array = json_node_get_array (node);

  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize path_length = loader->path->len;
      g_autoptr(KrNote) note = NULL;

      g_string_append_printf (loader->path, ".notes[%u]", i);
      ok = expect (loader, NULL, element, JSON_NODE_OBJECT, G_TYPE_INVALID, _("a note object"));
      if (ok)
        {
          note = kr_note_new ("", "");
          ok = read_fields (loader, json_node_get_object (element), note, fields, n_fields, NULL);
        }
      g_string_truncate (loader->path, path_length);

      if (ok)
        kr_touchpoint_insert_note (touchpoint, i, note);
    }

  return ok;
}

static gboolean
read_id (Loader      *loader,
         JsonObject  *object,
         KrItemKind   kind,
         const char **id)
{
  JsonNode *node = json_object_get_member (object, "id");

  if (node == NULL)
    return invalid (loader, "id", _("the member is missing"));

  if (!read_text (loader, "id", node, KR_MAX_TEXT_BYTES, id))
    return FALSE;

  if (**id == '\0' || g_utf8_strlen (*id, -1) > KR_MAX_ID_LENGTH)
    return invalid (loader, "id", _("an id must have 1 to %d characters"), KR_MAX_ID_LENGTH);

  if (kr_map_lookup (loader->map, kind, *id) != NULL)
    return invalid (loader, "id", _("the id “%s” is used twice"), *id);

  return TRUE;
}

static gboolean
read_item (Loader     *loader,
           KrItemKind  kind,
           JsonNode   *node)
{
  static const char *touchpoint_extras[] = { "id", "notes", NULL };
  static const char *item_extras[] = { "id", NULL };
  g_autoptr(KrItem) item = NULL;
  KrItemClass *klass;
  JsonObject *object;
  const char *id;

  if (!expect (loader, NULL, node, JSON_NODE_OBJECT, G_TYPE_INVALID, _("an object")))
    return FALSE;

  object = json_node_get_object (node);
  if (!read_id (loader, object, kind, &id))
    return FALSE;

  item = g_object_new (kr_item_kind_get_type (kind), "id", id, NULL);
  klass = KR_ITEM_GET_CLASS (item);

  if (!read_fields (loader, object, item, klass->fields, klass->n_fields,
                    kind == KR_ITEM_TOUCHPOINT ? touchpoint_extras : item_extras))
    return FALSE;

  if (kind == KR_ITEM_TOUCHPOINT && !read_notes (loader, object, KR_TOUCHPOINT (item)))
    return FALSE;

  kr_map_insert_item (loader->map, G_MAXUINT, item);
  return TRUE;
}

static gboolean
read_items (Loader     *loader,
            JsonObject *root,
            KrItemKind  kind)
{
  const char *member = kr_item_kind_get_member_name (kind);
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL)
    return TRUE;

  if (!expect (loader, member, node, JSON_NODE_ARRAY, G_TYPE_INVALID, _("an array")))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gboolean ok;

      g_string_printf (loader->path, "$.%s[%u]", member, i);
      ok = read_item (loader, kind, json_array_get_element (array, i));
      g_string_assign (loader->path, "$");
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_reference (Loader        *loader,
                 KrItem        *item,
                 const KrField *field,
                 const char    *id)
{
  const char *kind_name = kr_item_kind_get_member_name (field->ref_kind);

  if (id == NULL || kr_map_lookup (loader->map, field->ref_kind, id) != NULL)
    return TRUE;

  /* TRANSLATORS: the second %s is the name of a list in the file, like "phases" */
  return invalid (loader, field->member, _("“%s” is not an id in %s"), id, kind_name);
}

/* Every reference field of every item must name an existing item. */
static gboolean
check_references (Loader *loader)
{
  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    {
      guint n_items = kr_map_get_n_items (loader->map, kind);

      for (guint i = 0; i < n_items; i++)
        {
          KrItem *item = kr_map_get_item (loader->map, kind, i);
          KrItemClass *klass = KR_ITEM_GET_CLASS (item);
          gboolean ok = TRUE;

          g_string_printf (loader->path, "$.%s[%u]", kr_item_kind_get_member_name (kind), i);

          for (guint f = 0; ok && f < klass->n_fields; f++)
            {
              const KrField *field = &klass->fields[f];
              g_auto(GValue) value = G_VALUE_INIT;

              if (!(field->flags & KR_FIELD_REFERENCE))
                continue;

              g_value_init (&value, field->type == KR_FIELD_STRV ? G_TYPE_STRV : G_TYPE_STRING);
              kr_field_get_value (item, field, &value);

              if (field->type == KR_FIELD_STRV)
                {
                  const char * const *ids = g_value_get_boxed (&value);
                  for (guint r = 0; ok && ids[r]; r++)
                    ok = check_reference (loader, item, field, ids[r]);
                }
              else
                ok = check_reference (loader, item, field, g_value_get_string (&value));
            }

          if (ok && kind == KR_ITEM_TOUCHPOINT &&
              kr_touchpoint_get_lane_id (KR_TOUCHPOINT (item)) == NULL &&
              kr_map_get_n_items (loader->map, KR_ITEM_LANE) > 0)
            ok = invalid (loader, "lane", _("the map has lanes, so every touchpoint needs one"));

          if (!ok)
            return FALSE;
        }
    }

  g_string_assign (loader->path, "$");
  return TRUE;
}

static gboolean
read_header (Loader     *loader,
             JsonObject *root,
             KrLoadInfo *info)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), "kringel") != 0)
    {
      g_set_error (loader->error, KR_LOAD_ERROR, KR_LOAD_ERROR_NOT_A_MAP,
                   _("%s: $.format: this is not a Kringel map (expected \"format\": \"kringel\")"),
                   loader->name);
      return FALSE;
    }

  if (version == NULL)
    return invalid (loader, "version", _("the member is missing"));
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1 || json_node_get_int (version) > G_MAXINT)
    return invalid (loader, "version", _("expected a whole number from 1"));

  info->version = (int) json_node_get_int (version);
  info->newer_version = info->version > KR_FORMAT_VERSION;
  return TRUE;
}

static gboolean
read_map (Loader     *loader,
          JsonNode   *root_node,
          KrLoadInfo *info)
{
  static const char *top_extras[] = {
    "format", "version", "phases", "lanes", "personas", "touchpoints", "connections", NULL
  };
  const KrField *fields;
  guint n_fields;
  JsonObject *root;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return invalid (loader, NULL, _("expected an object, found %s"), node_type_name (root_node));

  root = json_node_get_object (root_node);
  if (!read_header (loader, root, info))
    return FALSE;

  fields = kr_map_get_fields (&n_fields);
  if (!read_fields (loader, root, loader->map, fields, n_fields, top_extras))
    return FALSE;

  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    if (!read_items (loader, root, kind))
      return FALSE;

  return check_references (loader);
}

/**
 * kr_map_load_from_data:
 * @display_name: how to name the source in messages, usually its path
 * @info: (out) (optional): what the file says about itself
 *
 * Returns: (transfer full): the map, or %NULL with @error set to a message of the form
 *   "NAME:LINE:COLUMN: …" (syntax) or "NAME: $.json.path: …" (meaning).
 */
KrMap *
kr_map_load_from_data (const char  *data,
                       gsize        length,
                       const char  *display_name,
                       KrLoadInfo  *info,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GString) path = g_string_new ("$");
  g_autoptr(KrMap) map = NULL;
  KrJsonProblem problem;
  KrLoadInfo local_info;
  Loader loader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (info == NULL)
    info = &local_info;
  memset (info, 0, sizeof *info);

  if (length > KR_MAX_FILE_SIZE)
    {
      g_set_error (error, KR_LOAD_ERROR, KR_LOAD_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), display_name,
                   KR_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* A byte order mark is harmless; skip it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;

  if (!kr_json_check (data, length, &problem))
    {
      g_set_error (error, KR_LOAD_ERROR, KR_LOAD_ERROR_SYNTAX, "%s:%u:%u: %s",
                   display_name, problem.line, problem.column, problem.message);
      kr_json_problem_clear (&problem);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      g_set_error (error, KR_LOAD_ERROR, KR_LOAD_ERROR_SYNTAX, "%s: %s",
                   display_name, parse_error->message);
      return NULL;
    }

  map = kr_map_new ();
  loader = (Loader) { display_name, path, map, error };

  if (!read_map (&loader, json_parser_get_root (parser), info))
    return NULL;

  return g_steal_pointer (&map);
}

/* How to name @file in messages: its path, or its URI when it has none. */
char *
kr_file_get_display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/**
 * kr_map_read_file:
 * @file_info: (out) (optional): the file's size, type and modification time, queried
 *   before reading
 *
 * Reads the bytes of @file for kr_map_load_from_data(), refusing folders and files over
 * %KR_MAX_FILE_SIZE before reading anything. Messages name the file.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
kr_map_read_file (GFile      *file,
                  GFileInfo **file_info,
                  GError    **error)
{
  g_autofree char *name = kr_file_get_display_name (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: the file does not exist"), name);
      else
        g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: this is a folder, not a file"), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > KR_MAX_FILE_SIZE)
    {
      g_set_error (error, KR_LOAD_ERROR, KR_LOAD_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), name, KR_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }

  if (file_info != NULL)
    *file_info = g_steal_pointer (&info);

  return g_bytes_new_take (contents, length);
}

KrMap *
kr_map_load_from_file (GFile       *file,
                       KrLoadInfo  *info,
                       GError     **error)
{
  g_autofree char *name = kr_file_get_display_name (file);
  g_autoptr(GBytes) contents = kr_map_read_file (file, NULL, error);
  const char *data;
  gsize length;

  if (contents == NULL)
    return NULL;

  data = g_bytes_get_data (contents, &length);
  return kr_map_load_from_data (data, length, name, info, error);
}
