/* kr-map-loader.c
 *
 * Loading is two steps: kr_json_parse() proves the bytes are strict JSON of sane depth and
 * keeps the values in a flat array, then the field tables of the model are read from it,
 * checking every type and range and writing each field straight into its object. Any
 * problem ends the load with one message naming the file and the place; a partial map is
 * never returned. json-glib only holds the members Kringel does not know, to write them
 * back.
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
  KrMap *map;
  GError **error;

  /* What is being read, for the JSON path in a message (like $.touchpoints[3].notes[0]).
   * The path is only written out when there is a message. */
  const char *list;      /* the member name of an item list, or NULL at the top level */
  guint item;
  gboolean in_note;
  guint note;
  const char *group;     /* a nested object of fields, like "rows" */
} Loader;

static char *
format_path (Loader *loader)
{
  GString *path = g_string_new ("$");

  if (loader->list != NULL)
    g_string_append_printf (path, ".%s[%u]", loader->list, loader->item);
  if (loader->in_note)
    g_string_append_printf (path, ".notes[%u]", loader->note);
  if (loader->group != NULL)
    g_string_append_printf (path, ".%s", loader->group);

  return g_string_free (path, FALSE);
}

static gboolean G_GNUC_PRINTF (3, 4)
invalid (Loader     *loader,
         const char *member,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = format_path (loader);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (loader->error, KR_LOAD_ERROR, KR_LOAD_ERROR_INVALID, "%s: %s%s%s: %s",
               loader->name, path, member ? "." : "", member ? member : "", message);
  return FALSE;
}

static const char *
value_type_name (const KrJsonValue *value)
{
  switch (value->type)
    {
    case KR_JSON_OBJECT:
      return _("an object");
    case KR_JSON_ARRAY:
      return _("an array");
    case KR_JSON_NULL:
      return _("null");
    case KR_JSON_STRING:
      return _("a string");
    case KR_JSON_BOOLEAN:
      return _("a boolean");
    case KR_JSON_INTEGER:
    case KR_JSON_DOUBLE:
    default:
      return _("a number");
    }
}

static gboolean
expect (Loader            *loader,
        const char        *member,
        const KrJsonValue *value,
        KrJsonType         type,
        const char        *expected)
{
  if (value->type == type)
    return TRUE;

  /* @expected is translated only here: loading calls this for nearly every value. */
  return invalid (loader, member, _("expected %s, found %s"), _(expected), value_type_name (value));
}

static gboolean
read_number (Loader            *loader,
             const char        *member,
             const KrJsonValue *value,
             double            *number)
{
  if (value->type == KR_JSON_INTEGER)
    *number = (double) value->v.integer;
  else if (value->type == KR_JSON_DOUBLE)
    *number = value->v.number;
  else
    return invalid (loader, member, _("expected a number, found %s"), value_type_name (value));

  if (!isfinite (*number))
    return invalid (loader, member, _("the number is too large"));

  return TRUE;
}

static gboolean
read_text (Loader             *loader,
           const char         *member,
           const KrJsonValue  *value,
           gsize               max_bytes,
           const char        **text)
{
  if (!expect (loader, member, value, KR_JSON_STRING, N_("a string")))
    return FALSE;

  *text = value->v.string;
  if (value->length > max_bytes)
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
read_string_list (Loader            *loader,
                  gpointer           instance,
                  const KrField     *field,
                  const KrJsonValue *value)
{
  const KrJsonValue *element = kr_json_value_get_first_child (value);
  g_auto(GStrv) strv = NULL;

  if (!expect (loader, field->member, value, KR_JSON_ARRAY, N_("an array of strings")))
    return FALSE;

  strv = g_new0 (char *, value->length + 1);
  for (guint i = 0; i < value->length; i++, element = kr_json_value_get_next (element))
    {
      if (element->type != KR_JSON_STRING || element->length > KR_MAX_TEXT_BYTES)
        {
          /* The element is named only for a message, which read_text() words. */
          g_autofree char *name = g_strdup_printf ("%s[%u]", field->member, i);
          const char *text;

          return read_text (loader, name, element, KR_MAX_TEXT_BYTES, &text);
        }

      strv[i] = g_strndup (element->v.string, element->length);
    }

  kr_field_take_strv (instance, field, g_steal_pointer (&strv));
  return TRUE;
}

static gboolean
read_point (Loader            *loader,
            const char        *member,
            guint              index,
            const KrJsonValue *point,
            double             xy[2])
{
  g_autofree char *element = g_strdup_printf ("%s[%u]", member, index);

  if (!expect (loader, element, point, KR_JSON_OBJECT, N_("a point {\"x\", \"y\"}")))
    return FALSE;

  for (int axis = 0; axis < 2; axis++)
    {
      const char *name = axis == 0 ? "x" : "y";
      g_autofree char *coordinate = g_strdup_printf ("%s.%s", element, name);
      const KrJsonValue *number = kr_json_object_get_member (point, name);

      if (number == NULL)
        return invalid (loader, coordinate, _("the member is missing"));
      if (!read_number (loader, coordinate, number, &xy[axis]))
        return FALSE;
      if (fabs (xy[axis]) > 1e6)
        return invalid (loader, coordinate, _("%.12g is out of range (%.12g to %.12g)"), xy[axis], -1e6, 1e6);
    }

  return TRUE;
}

static gboolean
read_points (Loader            *loader,
             gpointer           instance,
             const KrField     *field,
             const KrJsonValue *value)
{
  const KrJsonValue *point = kr_json_value_get_first_child (value);
  GVariantBuilder builder;

  if (!expect (loader, field->member, value, KR_JSON_ARRAY, N_("an array of points")))
    return FALSE;

  g_variant_builder_init (&builder, KR_POINTS_VARIANT_TYPE);

  for (guint i = 0; i < value->length; i++, point = kr_json_value_get_next (point))
    {
      double xy[2];

      if (!read_point (loader, field->member, i, point, xy))
        {
          g_variant_builder_clear (&builder);
          return FALSE;
        }

      g_variant_builder_add (&builder, "(dd)", xy[0], xy[1]);
    }

  kr_field_take_points (instance, field, g_variant_builder_end (&builder));
  return TRUE;
}

static gboolean
read_string_field (Loader            *loader,
                   gpointer           instance,
                   const KrField     *field,
                   const KrJsonValue *value)
{
  const char *text;

  if (field->flags & KR_FIELD_IMAGE)
    {
      if (!expect (loader, field->member, value, KR_JSON_STRING, N_("a string")))
        return FALSE;
      text = value->v.string;
      if (value->length > KR_MAX_PHOTO_BYTES)
        return invalid (loader, field->member, _("the picture is larger than %d MiB"),
                        KR_MAX_PHOTO_BYTES / (1024 * 1024));
    }
  else if (!read_text (loader, field->member, value, KR_MAX_TEXT_BYTES, &text))
    return FALSE;

  if (!check_string_field (loader, field, text))
    return FALSE;

  kr_field_set_string (instance, field, text);
  return TRUE;
}

static gboolean
read_number_field (Loader            *loader,
                   gpointer           instance,
                   const KrField     *field,
                   const KrJsonValue *value)
{
  double number;

  if (!read_number (loader, field->member, value, &number))
    return FALSE;

  if (number < field->min || number > field->max ||
      (field->type == KR_FIELD_INT && (field->flags & KR_FIELD_NULLABLE) && number < 0))
    return invalid (loader, field->member, _("%.12g is out of range (%.12g to %.12g)"), number,
                    (field->flags & KR_FIELD_NULLABLE) ? 0 : field->min, field->max);

  if (field->type == KR_FIELD_DOUBLE)
    {
      kr_field_set_double (instance, field, number);
      return TRUE;
    }

  if (number != floor (number))
    return invalid (loader, field->member, _("expected a whole number, found %.12g"), number);

  kr_field_set_int (instance, field, (int) number);
  return TRUE;
}

/* Checks @value and stores it in @field of @instance. */
static gboolean
read_field (Loader            *loader,
            gpointer           instance,
            const KrField     *field,
            const KrJsonValue *value)
{
  if (value->type == KR_JSON_NULL && (field->flags & KR_FIELD_NULLABLE))
    {
      if (field->type == KR_FIELD_INT)
        kr_field_set_int (instance, field, -1);
      else
        kr_field_set_string (instance, field, NULL);
      return TRUE;
    }

  switch (field->type)
    {
    case KR_FIELD_STRING:
      return read_string_field (loader, instance, field, value);

    case KR_FIELD_STRV:
      return read_string_list (loader, instance, field, value);

    case KR_FIELD_POINTS:
      return read_points (loader, instance, field, value);

    case KR_FIELD_BOOLEAN:
      if (!expect (loader, field->member, value, KR_JSON_BOOLEAN, N_("true or false")))
        return FALSE;
      kr_field_set_boolean (instance, field, value->v.boolean);
      return TRUE;

    case KR_FIELD_INT:
    case KR_FIELD_DOUBLE:
      return read_number_field (loader, instance, field, value);

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

/* A json-glib copy of @value, sealed like the nodes of an immutable JsonParser. */
static JsonNode *
json_node_from_value (const KrJsonValue *value)
{
  const KrJsonValue *child = kr_json_value_get_first_child (value);
  JsonNode *node = json_node_alloc ();

  switch (value->type)
    {
    case KR_JSON_NULL:
      json_node_init_null (node);
      break;
    case KR_JSON_BOOLEAN:
      json_node_init_boolean (node, value->v.boolean);
      break;
    case KR_JSON_INTEGER:
      json_node_init_int (node, value->v.integer);
      break;
    case KR_JSON_DOUBLE:
      json_node_init_double (node, value->v.number);
      break;
    case KR_JSON_STRING:
      json_node_init_string (node, value->v.string);
      break;
    case KR_JSON_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_sized_new (value->length);

        for (guint i = 0; i < value->length; i++, child = kr_json_value_get_next (child))
          json_array_add_element (array, json_node_from_value (child));
        json_node_init_array (node, array);
      }
      break;
    case KR_JSON_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();

        for (guint i = 0; i < value->length; i++, child = kr_json_value_get_next (child))
          json_object_set_member (object, child->name, json_node_from_value (child));
        json_node_init_object (node, object);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  json_node_seal (node);
  return node;
}

static void
keep_unknown_members (gpointer           instance,
                      const char        *group,
                      const KrJsonValue *object,
                      const KrField     *fields,
                      guint              n_fields,
                      const char       **extra_members)
{
  const KrJsonValue *member = kr_json_value_get_first_child (object);
  g_autoptr(JsonObject) unknown = NULL;

  for (guint i = 0; i < object->length; i++, member = kr_json_value_get_next (member))
    {
      if (is_known_member (member->name, group, fields, n_fields, extra_members))
        continue;

      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, member->name, json_node_from_value (member));
    }

  if (unknown != NULL)
    kr_unknown_members_set (instance, group, unknown);
}

/* Finds members by name, trying the one after the last found first: files list them in
 * the order of the field tables, so each search usually takes one comparison. */
typedef struct
{
  const KrJsonValue *object;
  const KrJsonValue *next;
  guint next_index;
} MemberCursor;

static void
member_cursor_init (MemberCursor      *cursor,
                    const KrJsonValue *object)
{
  cursor->object = object;
  cursor->next = kr_json_value_get_first_child (object);
  cursor->next_index = 0;
}

static const KrJsonValue *
member_cursor_find (MemberCursor *cursor,
                    const char   *name)
{
  const KrJsonValue *member = cursor->next;
  guint index = cursor->next_index;

  for (guint n = 0; n < cursor->object->length; n++, index++, member = kr_json_value_get_next (member))
    {
      if (index == cursor->object->length)
        {
          index = 0;
          member = kr_json_value_get_first_child (cursor->object);
        }

      if (g_str_equal (member->name, name))
        {
          cursor->next = kr_json_value_get_next (member);
          cursor->next_index = index + 1;
          return member;
        }
    }

  return NULL;
}

/* Reads the fields of @instance from @object. @extra_members are members read elsewhere. */
static gboolean
read_fields (Loader             *loader,
             const KrJsonValue  *object,
             gpointer            instance,
             const KrField      *fields,
             guint               n_fields,
             const char        **extra_members)
{
  MemberCursor members, group_members;
  const KrJsonValue *group = NULL;
  const char *last_group = NULL;
  guint n_found = 0;

  member_cursor_init (&members, object);

  for (guint i = 0; i < n_fields; i++)
    {
      const KrField *field = &fields[i];
      const KrJsonValue *value;
      gboolean ok;

      if (field->group != NULL && g_strcmp0 (field->group, last_group) != 0)
        {
          last_group = field->group;
          group = member_cursor_find (&members, field->group);
          if (group != NULL)
            {
              if (group->type != KR_JSON_OBJECT)
                return invalid (loader, field->group, _("expected an object, found %s"),
                                value_type_name (group));

              n_found++;
              keep_unknown_members (instance, field->group, group, fields, n_fields, NULL);
              member_cursor_init (&group_members, group);
            }
        }

      if (field->group == NULL)
        value = member_cursor_find (&members, field->member);
      else
        value = group != NULL ? member_cursor_find (&group_members, field->member) : NULL;

      if (value == NULL)
        {
          if (field->flags & KR_FIELD_REQUIRED)
            return invalid (loader, field->member, _("the member is missing"));
          continue;
        }

      if (field->group == NULL)
        n_found++;

      loader->group = field->group;
      ok = read_field (loader, instance, field, value);
      loader->group = NULL;
      if (!ok)
        return FALSE;
    }

  for (guint i = 0; extra_members && extra_members[i]; i++)
    if (member_cursor_find (&members, extra_members[i]) != NULL)
      n_found++;

  if (object->length > n_found)
    keep_unknown_members (instance, NULL, object, fields, n_fields, extra_members);

  return TRUE;
}

static gboolean
read_notes (Loader             *loader,
            const KrJsonValue  *object,
            KrTouchpoint       *touchpoint)
{
  const KrJsonValue *notes = kr_json_object_get_member (object, "notes");
  const KrJsonValue *element;
  const KrField *fields;
  guint n_fields;

  if (notes == NULL)
    return TRUE;

  if (!expect (loader, "notes", notes, KR_JSON_ARRAY, N_("an array of notes")))
    return FALSE;

  fields = kr_note_get_fields (&n_fields);
  element = kr_json_value_get_first_child (notes);

  for (guint i = 0; i < notes->length; i++, element = kr_json_value_get_next (element))
    {
      g_autoptr(KrNote) note = NULL;
      gboolean ok;

      loader->in_note = TRUE;
      loader->note = i;
      ok = expect (loader, NULL, element, KR_JSON_OBJECT, N_("a note object"));
      if (ok)
        {
          /* Both fields default to "", unlike kr_note_new()'s time. */
          note = g_object_new (KR_TYPE_NOTE, NULL);
          ok = read_fields (loader, element, note, fields, n_fields, NULL);
        }
      loader->in_note = FALSE;

      if (!ok)
        return FALSE;

      kr_touchpoint_insert_note (touchpoint, i, note);
    }

  return TRUE;
}

static gboolean
read_id (Loader             *loader,
         const KrJsonValue  *object,
         KrItemKind          kind,
         const char        **id)
{
  const KrJsonValue *value = kr_json_object_get_member (object, "id");

  if (value == NULL)
    return invalid (loader, "id", _("the member is missing"));

  if (!read_text (loader, "id", value, KR_MAX_TEXT_BYTES, id))
    return FALSE;

  if (**id == '\0' || g_utf8_strlen (*id, -1) > KR_MAX_ID_LENGTH)
    return invalid (loader, "id", _("an id must have 1 to %d characters"), KR_MAX_ID_LENGTH);

  if (kr_map_lookup (loader->map, kind, *id) != NULL)
    return invalid (loader, "id", _("the id “%s” is used twice"), *id);

  return TRUE;
}

static gboolean
read_item (Loader            *loader,
           KrItemKind         kind,
           const KrJsonValue *object)
{
  static const char *touchpoint_extras[] = { "id", "notes", NULL };
  static const char *item_extras[] = { "id", NULL };
  g_autoptr(KrItem) item = NULL;
  KrItemClass *klass;
  const char *id;

  if (!expect (loader, NULL, object, KR_JSON_OBJECT, N_("an object")))
    return FALSE;

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
read_items (Loader            *loader,
            const KrJsonValue *root,
            KrItemKind         kind)
{
  const char *member = kr_item_kind_get_member_name (kind);
  const KrJsonValue *array = kr_json_object_get_member (root, member);
  const KrJsonValue *element;

  if (array == NULL)
    return TRUE;

  if (!expect (loader, member, array, KR_JSON_ARRAY, N_("an array")))
    return FALSE;

  element = kr_json_value_get_first_child (array);
  for (guint i = 0; i < array->length; i++, element = kr_json_value_get_next (element))
    {
      gboolean ok;

      loader->list = member;
      loader->item = i;
      ok = read_item (loader, kind, element);
      loader->list = NULL;
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Points the path at item @index of @kind, for a message about it. */
static void
set_item_path (Loader     *loader,
               KrItemKind  kind,
               guint       index)
{
  loader->list = kr_item_kind_get_member_name (kind);
  loader->item = index;
}

static gboolean
check_reference (Loader        *loader,
                 KrItemKind     kind,
                 guint          index,
                 const KrField *field,
                 const char    *id)
{
  const char *kind_name = kr_item_kind_get_member_name (field->ref_kind);

  if (id == NULL || kr_map_lookup (loader->map, field->ref_kind, id) != NULL)
    return TRUE;

  set_item_path (loader, kind, index);
  /* TRANSLATORS: the second %s is the name of a list in the file, like "phases" */
  return invalid (loader, field->member, _("“%s” is not an id in %s"), id, kind_name);
}

/* Every reference field of every item must name an existing item. */
static gboolean
check_references (Loader *loader)
{
  gboolean has_lanes = kr_map_get_n_items (loader->map, KR_ITEM_LANE) > 0;

  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    {
      guint n_items = kr_map_get_n_items (loader->map, kind);

      for (guint i = 0; i < n_items; i++)
        {
          KrItem *item = kr_map_get_item (loader->map, kind, i);
          KrItemClass *klass = KR_ITEM_GET_CLASS (item);

          for (guint f = 0; f < klass->n_fields; f++)
            {
              const KrField *field = &klass->fields[f];

              if (!(field->flags & KR_FIELD_REFERENCE))
                continue;

              if (field->type == KR_FIELD_STRV)
                {
                  const char * const *ids = kr_field_get_strv (item, field);

                  for (guint r = 0; ids[r]; r++)
                    if (!check_reference (loader, kind, i, field, ids[r]))
                      return FALSE;
                }
              else if (!check_reference (loader, kind, i, field, kr_field_get_string (item, field)))
                return FALSE;
            }

          if (kind == KR_ITEM_TOUCHPOINT && has_lanes &&
              kr_touchpoint_get_lane_id (KR_TOUCHPOINT (item)) == NULL)
            {
              set_item_path (loader, kind, i);
              return invalid (loader, "lane", _("the map has lanes, so every touchpoint needs one"));
            }
        }
    }

  return TRUE;
}

static gboolean
read_header (Loader            *loader,
             const KrJsonValue *root,
             KrLoadInfo        *info)
{
  const KrJsonValue *format = kr_json_object_get_member (root, "format");
  const KrJsonValue *version = kr_json_object_get_member (root, "version");

  if (format == NULL || format->type != KR_JSON_STRING || !g_str_equal (format->v.string, "kringel"))
    {
      g_set_error (loader->error, KR_LOAD_ERROR, KR_LOAD_ERROR_NOT_A_MAP,
                   _("%s: $.format: this is not a Kringel map (expected \"format\": \"kringel\")"),
                   loader->name);
      return FALSE;
    }

  if (version == NULL)
    return invalid (loader, "version", _("the member is missing"));
  if (version->type != KR_JSON_INTEGER || version->v.integer < 1 || version->v.integer > G_MAXINT)
    return invalid (loader, "version", _("expected a whole number from 1"));

  info->version = (int) version->v.integer;
  info->newer_version = info->version > KR_FORMAT_VERSION;
  return TRUE;
}

static gboolean
read_map (Loader            *loader,
          const KrJsonValue *root,
          KrLoadInfo        *info)
{
  static const char *top_extras[] = {
    "format", "version", "phases", "lanes", "personas", "touchpoints", "connections", NULL
  };
  const KrField *fields;
  guint n_fields;

  if (root->type != KR_JSON_OBJECT)
    return invalid (loader, NULL, _("expected an object, found %s"), value_type_name (root));

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
  g_autoptr(KrJsonDocument) document = NULL;
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

  document = kr_json_parse (data, length, &problem);
  if (document == NULL)
    {
      g_set_error (error, KR_LOAD_ERROR, KR_LOAD_ERROR_SYNTAX, "%s:%u:%u: %s",
                   display_name, problem.line, problem.column, problem.message);
      kr_json_problem_clear (&problem);
      return NULL;
    }

  map = kr_map_new ();
  loader = (Loader) { .name = display_name, .map = map, .error = error };

  if (!read_map (&loader, kr_json_document_get_root (document), info))
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
