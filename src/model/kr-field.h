/* kr-field.h: table-driven properties shared by the model and the file format
 *
 * Every stored field of a model object is described once, in a KrField table. The table
 * installs the GObject properties, initialises defaults, frees strings, and gives the io
 * layer the member names, order, types and valid ranges of the file format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  KR_FIELD_STRING,
  KR_FIELD_STRV,
  KR_FIELD_INT,
  KR_FIELD_DOUBLE,
  KR_FIELD_BOOLEAN,
  KR_FIELD_POINTS,   /* a GVariant of type a(dd) */
} KrFieldType;

#define KR_POINTS_VARIANT_TYPE ((const GVariantType *) "a(dd)")

typedef enum {
  KR_FIELD_FLAGS_NONE     = 0,
  /* JSON null is allowed: NULL for a string, -1 for an int */
  KR_FIELD_NULLABLE       = 1 << 0,
  /* a string of the form #rrggbb */
  KR_FIELD_COLOR          = 1 << 1,
  /* a string naming an item of the kind in KrField.ref_kind */
  KR_FIELD_REFERENCE      = 1 << 2,
  /* must be present in the file */
  KR_FIELD_REQUIRED       = 1 << 3,
  /* one of KrField.choices */
  KR_FIELD_CHOICE         = 1 << 4,
  /* a data: URI of an image (larger size limit) */
  KR_FIELD_IMAGE          = 1 << 5,
  /* an ISO 8601 date and time */
  KR_FIELD_TIMESTAMP      = 1 << 6,
} KrFieldFlags;

typedef struct
{
  const char   *member;        /* JSON member name */
  const char   *property;      /* GObject property name */
  const char   *group;         /* nested JSON object holding the member, or NULL */
  KrFieldType   type;
  KrFieldFlags  flags;
  guint         offset;        /* of the storage in the instance struct */
  double        min;
  double        max;
  double        fallback;      /* default of a number or boolean */
  const char   *fallback_string;
  int           ref_kind;      /* KrItemKind, with KR_FIELD_REFERENCE */
  const char * const *choices; /* NULL-terminated, with KR_FIELD_CHOICE */
} KrField;

#define KR_FIELD_STRING_INIT(m, p, s, f) \
  { .member = m, .property = p, .type = KR_FIELD_STRING, .offset = G_STRUCT_OFFSET (s, f) }

void     kr_fields_install  (GObjectClass  *klass,
                             guint          first_prop_id,
                             const KrField *fields,
                             guint          n_fields,
                             GParamSpec   **pspecs);
void     kr_fields_init     (gpointer       instance,
                             const KrField *fields,
                             guint          n_fields);
void     kr_fields_clear    (gpointer       instance,
                             const KrField *fields,
                             guint          n_fields);
void     kr_field_get_value (gpointer       instance,
                             const KrField *field,
                             GValue        *value);
gboolean kr_field_set_value (gpointer       instance,
                             const KrField *field,
                             const GValue  *value);
void     kr_fields_copy     (gpointer       dest,
                             gconstpointer  src,
                             const KrField *fields,
                             guint          n_fields);

/* Typed access to the storage of one field, without GValues, for code that reads or
 * writes many objects (loading a file). Setters return whether the value changed and, like
 * kr_field_set_value(), never notify: the caller does, when anyone may be listening. */
const char         *kr_field_get_string  (gpointer       instance,
                                          const KrField *field);
const char * const *kr_field_get_strv    (gpointer       instance,
                                          const KrField *field);
gboolean            kr_field_set_string  (gpointer       instance,
                                          const KrField *field,
                                          const char    *value);
gboolean            kr_field_take_strv   (gpointer       instance,
                                          const KrField *field,
                                          char         **value);
gboolean            kr_field_set_int     (gpointer       instance,
                                          const KrField *field,
                                          int            value);
gboolean            kr_field_set_double  (gpointer       instance,
                                          const KrField *field,
                                          double         value);
gboolean            kr_field_set_boolean (gpointer       instance,
                                          const KrField *field,
                                          gboolean       value);
gboolean            kr_field_take_points (gpointer       instance,
                                          const KrField *field,
                                          GVariant      *value);

gboolean kr_set_string      (char         **dest,
                             const char    *value);

/* Generic GObject property handlers for a class whose properties are all table fields
 * starting at property id 1. */
#define KR_FIELDS_DEFINE_PROPERTY_HANDLERS(prefix, fields_table)                         \
  static void                                                                         \
  prefix##_get_property (GObject *object, guint prop_id, GValue *value,               \
                         GParamSpec *pspec)                                           \
  {                                                                                   \
    if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields_table))                        \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                     \
    else                                                                              \
      kr_field_get_value (object, &fields_table[prop_id - 1], value);                 \
  }                                                                                   \
  static void                                                                         \
  prefix##_set_property (GObject *object, guint prop_id, const GValue *value,         \
                         GParamSpec *pspec)                                           \
  {                                                                                   \
    if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields_table))                        \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                     \
    else if (kr_field_set_value (object, &fields_table[prop_id - 1], value))          \
      g_object_notify_by_pspec (object, pspec);                                       \
  }

G_END_DECLS
