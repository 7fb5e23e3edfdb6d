/* kr-field.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "kr-field.h"

#define FIELD_PTR(instance, field) ((guint8 *) (instance) + (field)->offset)
#define FIELD_STR(instance, field) ((char **) FIELD_PTR (instance, field))
#define FIELD_STRV(instance, field) ((char ***) FIELD_PTR (instance, field))
#define FIELD_INT(instance, field) ((int *) FIELD_PTR (instance, field))
#define FIELD_DOUBLE(instance, field) ((double *) FIELD_PTR (instance, field))
#define FIELD_BOOL(instance, field) ((gboolean *) FIELD_PTR (instance, field))
#define FIELD_VARIANT(instance, field) ((GVariant **) FIELD_PTR (instance, field))

gboolean
kr_set_string (char       **dest,
               const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

static GType
field_value_type (const KrField *field)
{
  static const GType types[] = {
    [KR_FIELD_STRING] = G_TYPE_STRING,
    [KR_FIELD_INT] = G_TYPE_INT,
    [KR_FIELD_DOUBLE] = G_TYPE_DOUBLE,
    [KR_FIELD_BOOLEAN] = G_TYPE_BOOLEAN,
  };

  if (field->type == KR_FIELD_STRV)
    return G_TYPE_STRV;
  if (field->type == KR_FIELD_POINTS)
    return G_TYPE_VARIANT;

  return types[field->type];
}

static GParamSpec *
field_param_spec (const KrField *field)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (field->type)
    {
    case KR_FIELD_STRING:
      return g_param_spec_string (field->property, NULL, NULL, field->fallback_string, flags);
    case KR_FIELD_STRV:
      return g_param_spec_boxed (field->property, NULL, NULL, G_TYPE_STRV, flags);
    case KR_FIELD_INT:
      return g_param_spec_int (field->property, NULL, NULL,
                               (int) field->min, (int) field->max, (int) field->fallback, flags);
    case KR_FIELD_DOUBLE:
      return g_param_spec_double (field->property, NULL, NULL,
                                  field->min, field->max, field->fallback, flags);
    case KR_FIELD_BOOLEAN:
      return g_param_spec_boolean (field->property, NULL, NULL, field->fallback != 0, flags);
    case KR_FIELD_POINTS:
      return g_param_spec_variant (field->property, NULL, NULL, KR_POINTS_VARIANT_TYPE, NULL, flags);
    default:
      g_assert_not_reached ();
    }
}

void
kr_fields_install (GObjectClass  *klass,
                   guint          first_prop_id,
                   const KrField *fields,
                   guint          n_fields,
                   GParamSpec   **pspecs)
{
  for (guint i = 0; i < n_fields; i++)
    {
      pspecs[i] = field_param_spec (&fields[i]);
      g_object_class_install_property (klass, first_prop_id + i, pspecs[i]);
    }
}

void
kr_fields_init (gpointer       instance,
                const KrField *fields,
                guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const KrField *field = &fields[i];

      switch (field->type)
        {
        case KR_FIELD_STRING:
          *FIELD_STR (instance, field) = g_strdup (field->fallback_string);
          break;
        case KR_FIELD_STRV:
          *FIELD_STRV (instance, field) = g_new0 (char *, 1);
          break;
        case KR_FIELD_INT:
          *FIELD_INT (instance, field) = (int) field->fallback;
          break;
        case KR_FIELD_DOUBLE:
          *FIELD_DOUBLE (instance, field) = field->fallback;
          break;
        case KR_FIELD_BOOLEAN:
          *FIELD_BOOL (instance, field) = field->fallback != 0;
          break;
        case KR_FIELD_POINTS:
          *FIELD_VARIANT (instance, field) =
            g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("(dd)"), NULL, 0));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

void
kr_fields_clear (gpointer       instance,
                 const KrField *fields,
                 guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].type == KR_FIELD_STRING)
        g_clear_pointer (FIELD_STR (instance, &fields[i]), g_free);
      else if (fields[i].type == KR_FIELD_STRV)
        g_clear_pointer (FIELD_STRV (instance, &fields[i]), g_strfreev);
      else if (fields[i].type == KR_FIELD_POINTS)
        g_clear_pointer (FIELD_VARIANT (instance, &fields[i]), g_variant_unref);
    }
}

void
kr_field_get_value (gpointer       instance,
                    const KrField *field,
                    GValue        *value)
{
  switch (field->type)
    {
    case KR_FIELD_STRING:
      g_value_set_string (value, *FIELD_STR (instance, field));
      break;
    case KR_FIELD_STRV:
      g_value_set_boxed (value, *FIELD_STRV (instance, field));
      break;
    case KR_FIELD_INT:
      g_value_set_int (value, *FIELD_INT (instance, field));
      break;
    case KR_FIELD_DOUBLE:
      g_value_set_double (value, *FIELD_DOUBLE (instance, field));
      break;
    case KR_FIELD_BOOLEAN:
      g_value_set_boolean (value, *FIELD_BOOL (instance, field));
      break;
    case KR_FIELD_POINTS:
      g_value_set_variant (value, *FIELD_VARIANT (instance, field));
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

gboolean
kr_field_set_value (gpointer       instance,
                    const KrField *field,
                    const GValue  *value)
{
  switch (field->type)
    {
    case KR_FIELD_STRING:
      {
        const char *string = g_value_get_string (value);

        if (string == NULL && !(field->flags & KR_FIELD_NULLABLE))
          string = "";

        return kr_set_string (FIELD_STR (instance, field), string);
      }
    case KR_FIELD_STRV:
      {
        char ***strv = FIELD_STRV (instance, field);
        const char * const *new_strv = g_value_get_boxed (value);

        if (strv_equal0 ((const char * const *) *strv, new_strv))
          return FALSE;

        g_strfreev (*strv);
        *strv = new_strv ? g_strdupv ((char **) new_strv) : g_new0 (char *, 1);
        return TRUE;
      }
    case KR_FIELD_INT:
      {
        int *number = FIELD_INT (instance, field);
        int new_number = g_value_get_int (value);

        if (*number == new_number)
          return FALSE;

        *number = new_number;
        return TRUE;
      }
    case KR_FIELD_DOUBLE:
      {
        double *number = FIELD_DOUBLE (instance, field);
        double new_number = g_value_get_double (value);

        if (*number == new_number || !isfinite (new_number))
          return FALSE;

        *number = new_number;
        return TRUE;
      }
    case KR_FIELD_BOOLEAN:
      {
        gboolean *flag = FIELD_BOOL (instance, field);
        gboolean new_flag = g_value_get_boolean (value) != FALSE;

        if (*flag == new_flag)
          return FALSE;

        *flag = new_flag;
        return TRUE;
      }
    case KR_FIELD_POINTS:
      {
        GVariant **points = FIELD_VARIANT (instance, field);
        GVariant *new_points = g_value_get_variant (value);

        if (new_points == NULL)
          new_points = g_variant_new_array (G_VARIANT_TYPE ("(dd)"), NULL, 0);

        if (g_variant_equal (*points, new_points))
          {
            g_variant_unref (g_variant_ref_sink (new_points));
            return FALSE;
          }

        g_variant_unref (*points);
        *points = g_variant_ref_sink (new_points);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

void
kr_fields_copy (gpointer       dest,
                gconstpointer  src,
                const KrField *fields,
                guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, field_value_type (&fields[i]));
      kr_field_get_value ((gpointer) src, &fields[i], &value);
      kr_field_set_value (dest, &fields[i], &value);
    }
}
