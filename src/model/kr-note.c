/* kr-note.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kr-note.h"

struct _KrNote
{
  GObject parent_instance;

  char *text;
  char *created;
};

G_DEFINE_FINAL_TYPE (KrNote, kr_note, G_TYPE_OBJECT)

static const KrField note_fields[] = {
  { "text", "text", NULL, KR_FIELD_STRING, 0, G_STRUCT_OFFSET (KrNote, text), .fallback_string = "" },
  { "created", "created", NULL, KR_FIELD_STRING, KR_FIELD_TIMESTAMP, G_STRUCT_OFFSET (KrNote, created), .fallback_string = "" },
};

static GParamSpec *properties[G_N_ELEMENTS (note_fields)];

KR_FIELDS_DEFINE_PROPERTY_HANDLERS (kr_note, note_fields)

static void
kr_note_finalize (GObject *object)
{
  kr_fields_clear (object, note_fields, G_N_ELEMENTS (note_fields));

  G_OBJECT_CLASS (kr_note_parent_class)->finalize (object);
}

static void
kr_note_class_init (KrNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kr_note_finalize;
  object_class->get_property = kr_note_get_property;
  object_class->set_property = kr_note_set_property;

  kr_fields_install (object_class, 1, note_fields, G_N_ELEMENTS (note_fields), properties);
}

static void
kr_note_init (KrNote *self)
{
  kr_fields_init (self, note_fields, G_N_ELEMENTS (note_fields));
}

/* A note; @created is an ISO 8601 UTC time, or NULL for now. */
KrNote *
kr_note_new (const char *text,
             const char *created)
{
  g_autofree char *now = NULL;

  if (created == NULL)
    {
      g_autoptr(GDateTime) time = g_date_time_new_now_utc ();

      now = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
      created = now;
    }

  return g_object_new (KR_TYPE_NOTE, "text", text, "created", created, NULL);
}

KrNote *
kr_note_copy (KrNote *self)
{
  g_return_val_if_fail (KR_IS_NOTE (self), NULL);

  return kr_note_new (self->text, self->created);
}

const char *
kr_note_get_text (KrNote *self)
{
  g_return_val_if_fail (KR_IS_NOTE (self), NULL);
  return self->text;
}

const char *
kr_note_get_created (KrNote *self)
{
  g_return_val_if_fail (KR_IS_NOTE (self), NULL);
  return self->created;
}

const KrField *
kr_note_get_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (note_fields);
  return note_fields;
}
