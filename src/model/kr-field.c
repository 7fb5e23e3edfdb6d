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

/* A new reference to one shared empty list of points: most connections have no
 * waypoints, and building an empty GVariant array is not cheap. */
static GVariant *
ref_no_points (void)
{
  static GVariant *no_points;

  if (g_once_init_enter (&no_points))
    g_once_init_leave (&no_points, g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("(dd)"), NULL, 0)));

  return g_variant_ref (no_points);
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
          *FIELD_VARIANT (instance, field) = ref_no_points ();
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

const char *
kr_field_get_string (gpointer       instance,
                     const KrField *field)
{
  g_return_val_if_fail (field->type == KR_FIELD_STRING, NULL);

  return *FIELD_STR (instance, field);
}

const char * const *
kr_field_get_strv (gpointer       instance,
                   const KrField *field)
{
  g_return_val_if_fail (field->type == KR_FIELD_STRV, NULL);

  return (const char * const *) *FIELD_STRV (instance, field);
}

gboolean
kr_field_set_string (gpointer       instance,
                     const KrField *field,
                     const char    *value)
{
  g_return_val_if_fail (field->type == KR_FIELD_STRING, FALSE);

  if (value == NULL && !(field->flags & KR_FIELD_NULLABLE))
    value = "";

  return kr_set_string (FIELD_STR (instance, field), value);
}

/* Takes @value (NULL for an empty list). */
gboolean
kr_field_take_strv (gpointer       instance,
                    const KrField *field,
                    char         **value)
{
  char ***strv = FIELD_STRV (instance, field);

  g_return_val_if_fail (field->type == KR_FIELD_STRV, FALSE);

  if (strv_equal0 ((const char * const *) *strv, (const char * const *) value))
    {
      g_strfreev (value);
      return FALSE;
    }

  g_strfreev (*strv);
  *strv = value ? value : g_new0 (char *, 1);
  return TRUE;
}

gboolean
kr_field_set_int (gpointer       instance,
                  const KrField *field,
                  int            value)
{
  int *number = FIELD_INT (instance, field);

  g_return_val_if_fail (field->type == KR_FIELD_INT, FALSE);

  if (*number == value)
    return FALSE;

  *number = value;
  return TRUE;
}

/* Ignores a value that is not finite. */
gboolean
kr_field_set_double (gpointer       instance,
                     const KrField *field,
                     double         value)
{
  double *number = FIELD_DOUBLE (instance, field);

  g_return_val_if_fail (field->type == KR_FIELD_DOUBLE, FALSE);

  if (*number == value || !isfinite (value))
    return FALSE;

  *number = value;
  return TRUE;
}

gboolean
kr_field_set_boolean (gpointer       instance,
                      const KrField *field,
                      gboolean       value)
{
  gboolean *flag = FIELD_BOOL (instance, field);

  g_return_val_if_fail (field->type == KR_FIELD_BOOLEAN, FALSE);

  value = value != FALSE;
  if (*flag == value)
    return FALSE;

  *flag = value;
  return TRUE;
}

/* Takes @value (NULL for no points): a floating reference or a full one. */
gboolean
kr_field_take_points (gpointer       instance,
                      const KrField *field,
                      GVariant      *value)
{
  GVariant **points = FIELD_VARIANT (instance, field);

  g_return_val_if_fail (field->type == KR_FIELD_POINTS, FALSE);

  value = value != NULL ? g_variant_take_ref (value) : ref_no_points ();

  if (g_variant_equal (*points, value))
    {
      g_variant_unref (value);
      return FALSE;
    }

  g_variant_unref (*points);
  *points = value;
  return TRUE;
}

gboolean
kr_field_set_value (gpointer       instance,
                    const KrField *field,
                    const GValue  *value)
{
  switch (field->type)
    {
    case KR_FIELD_STRING:
      return kr_field_set_string (instance, field, g_value_get_string (value));
    case KR_FIELD_STRV:
      {
        const char * const *strv = g_value_get_boxed (value);

        if (strv_equal0 (kr_field_get_strv (instance, field), strv))
          return FALSE;

        return kr_field_take_strv (instance, field, strv ? g_strdupv ((char **) strv) : NULL);
      }
    case KR_FIELD_INT:
      return kr_field_set_int (instance, field, g_value_get_int (value));
    case KR_FIELD_DOUBLE:
      return kr_field_set_double (instance, field, g_value_get_double (value));
    case KR_FIELD_BOOLEAN:
      return kr_field_set_boolean (instance, field, g_value_get_boolean (value));
    case KR_FIELD_POINTS:
      {
        GVariant *points = g_value_get_variant (value);

        return kr_field_take_points (instance, field, points ? g_variant_ref (points) : NULL);
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
