/* kr-map-saver.c
 *
 * The saver walks the same field tables as the loader, so member names and order can not
 * drift apart; unknown members the loader kept are written after the known ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-atomic-write.h"
#include "kr-json-writer.h"
#include "kr-map-saver.h"
#include "kr-unknown-members.h"

static void
write_field (KrJsonWriter  *writer,
             gpointer       instance,
             const KrField *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  switch (field->type)
    {
    case KR_FIELD_STRING:
      g_value_init (&value, G_TYPE_STRING);
      kr_field_get_value (instance, field, &value);
      if (g_value_get_string (&value) == NULL)
        kr_json_writer_null (writer);
      else
        kr_json_writer_string (writer, g_value_get_string (&value));
      break;

    case KR_FIELD_STRV:
      {
        const char * const *strv;

        g_value_init (&value, G_TYPE_STRV);
        kr_field_get_value (instance, field, &value);
        strv = g_value_get_boxed (&value);

        kr_json_writer_begin_array (writer);
        for (guint i = 0; strv && strv[i]; i++)
          kr_json_writer_string (writer, strv[i]);
        kr_json_writer_end_array (writer);
      }
      break;

    case KR_FIELD_INT:
      g_value_init (&value, G_TYPE_INT);
      kr_field_get_value (instance, field, &value);
      if ((field->flags & KR_FIELD_NULLABLE) && g_value_get_int (&value) < 0)
        kr_json_writer_null (writer);
      else
        kr_json_writer_int (writer, g_value_get_int (&value));
      break;

    case KR_FIELD_DOUBLE:
      g_value_init (&value, G_TYPE_DOUBLE);
      kr_field_get_value (instance, field, &value);
      kr_json_writer_number (writer, g_value_get_double (&value));
      break;

    case KR_FIELD_BOOLEAN:
      g_value_init (&value, G_TYPE_BOOLEAN);
      kr_field_get_value (instance, field, &value);
      kr_json_writer_boolean (writer, g_value_get_boolean (&value));
      break;

    case KR_FIELD_POINTS:
      {
        GVariantIter iter;
        double x, y;

        g_value_init (&value, G_TYPE_VARIANT);
        kr_field_get_value (instance, field, &value);

        kr_json_writer_begin_array (writer);
        g_variant_iter_init (&iter, g_value_get_variant (&value));
        while (g_variant_iter_next (&iter, "(dd)", &x, &y))
          {
            kr_json_writer_begin_object (writer);
            kr_json_writer_member (writer, "x");
            kr_json_writer_number (writer, x);
            kr_json_writer_member (writer, "y");
            kr_json_writer_number (writer, y);
            kr_json_writer_end_object (writer);
          }
        kr_json_writer_end_array (writer);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
write_unknown_members (KrJsonWriter *writer,
                       gpointer      instance,
                       const char   *group)
{
  JsonObject *unknown = kr_unknown_members_get (instance, group);

  if (unknown != NULL)
    kr_json_writer_members (writer, unknown);
}

/* Writes the fields of @instance in table order; consecutive fields of a group go into
 * one nested object, with that group's unknown members. */
static void
write_fields (KrJsonWriter  *writer,
              gpointer       instance,
              const KrField *fields,
              guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *group = fields[i].group;

      if (group == NULL)
        {
          kr_json_writer_member (writer, fields[i].member);
          write_field (writer, instance, &fields[i]);
          continue;
        }

      kr_json_writer_member (writer, group);
      kr_json_writer_begin_object (writer);
      for (; i < n_fields && g_strcmp0 (fields[i].group, group) == 0; i++)
        {
          kr_json_writer_member (writer, fields[i].member);
          write_field (writer, instance, &fields[i]);
        }
      write_unknown_members (writer, instance, group);
      kr_json_writer_end_object (writer);
      i--;
    }
}

static void
write_notes (KrJsonWriter *writer,
             KrTouchpoint *touchpoint)
{
  GListModel *notes = kr_touchpoint_get_notes (touchpoint);
  const KrField *fields;
  guint n_fields;

  fields = kr_note_get_fields (&n_fields);

  kr_json_writer_member (writer, "notes");
  kr_json_writer_begin_array (writer);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(KrNote) note = g_list_model_get_item (notes, i);

      kr_json_writer_begin_object (writer);
      write_fields (writer, note, fields, n_fields);
      write_unknown_members (writer, note, NULL);
      kr_json_writer_end_object (writer);
    }
  kr_json_writer_end_array (writer);
}

static void
write_item (KrJsonWriter *writer,
            KrItem       *item)
{
  KrItemClass *klass = KR_ITEM_GET_CLASS (item);

  kr_json_writer_begin_object (writer);
  kr_json_writer_member (writer, "id");
  kr_json_writer_string (writer, kr_item_get_id (item));
  write_fields (writer, item, klass->fields, klass->n_fields);
  if (KR_IS_TOUCHPOINT (item))
    write_notes (writer, KR_TOUCHPOINT (item));
  write_unknown_members (writer, item, NULL);
  kr_json_writer_end_object (writer);
}

/**
 * kr_map_to_data:
 *
 * Returns: (transfer full): the map as file contents; the same map always gives the same bytes
 */
char *
kr_map_to_data (KrMap *map,
                gsize *length)
{
  KrJsonWriter *writer = kr_json_writer_new ();
  const KrField *fields;
  guint n_fields, n_top_fields;

  g_return_val_if_fail (KR_IS_MAP (map), NULL);

  fields = kr_map_get_fields (&n_fields);
  for (n_top_fields = 0; n_top_fields < n_fields && fields[n_top_fields].group == NULL; n_top_fields++)
    ;

  kr_json_writer_begin_object (writer);
  kr_json_writer_member (writer, "format");
  kr_json_writer_string (writer, "kringel");
  kr_json_writer_member (writer, "version");
  kr_json_writer_int (writer, KR_FORMAT_VERSION);
  write_fields (writer, map, fields, n_top_fields);

  for (KrItemKind kind = 0; kind < KR_N_ITEM_KINDS; kind++)
    {
      guint n_items = kr_map_get_n_items (map, kind);

      kr_json_writer_member (writer, kr_item_kind_get_member_name (kind));
      kr_json_writer_begin_array (writer);
      for (guint i = 0; i < n_items; i++)
        write_item (writer, kr_map_get_item (map, kind, i));
      kr_json_writer_end_array (writer);
    }

  write_fields (writer, map, fields + n_top_fields, n_fields - n_top_fields);
  write_unknown_members (writer, map, NULL);
  kr_json_writer_end_object (writer);

  return kr_json_writer_finish (writer, length);
}

/* Saves @map to @file atomically: on any failure the old file is left as it was. */
gboolean
kr_map_save_to_file (KrMap   *map,
                     GFile   *file,
                     GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (KR_IS_MAP (map), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = kr_map_to_data (map, &length);
  return kr_write_file_atomically (file, data, length, error);
}
