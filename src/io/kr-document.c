/* kr-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "kr-document.h"
#include "kr-map-loader.h"
#include "kr-map-saver.h"

struct _KrDocument
{
  GObject parent_instance;

  KrMap *map;
  KrHistory *history;
  GFile *file;
  char *warning;
  gboolean read_only;
};

G_DEFINE_FINAL_TYPE (KrDocument, kr_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAP,
  PROP_HISTORY,
  PROP_FILE,
  PROP_READ_ONLY,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kr_document_dispose (GObject *object)
{
  KrDocument *self = KR_DOCUMENT (object);

  g_clear_object (&self->history);
  g_clear_object (&self->map);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (kr_document_parent_class)->dispose (object);
}

static void
kr_document_finalize (GObject *object)
{
  KrDocument *self = KR_DOCUMENT (object);

  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (kr_document_parent_class)->finalize (object);
}

static void
kr_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KrDocument *self = KR_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, kr_document_is_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kr_document_class_init (KrDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kr_document_dispose;
  object_class->finalize = kr_document_finalize;
  object_class->get_property = kr_document_get_property;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL, KR_TYPE_MAP,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, KR_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kr_document_init (KrDocument *self)
{
}

static void
history_modified_cb (KrDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* A new, unsaved document editing @map. */
KrDocument *
kr_document_new (KrMap *map)
{
  KrDocument *self;

  g_return_val_if_fail (KR_IS_MAP (map), NULL);

  self = g_object_new (KR_TYPE_DOCUMENT, NULL);
  self->map = g_object_ref (map);
  self->history = kr_history_new (map);
  kr_history_mark_saved (self->history);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (history_modified_cb), self, G_CONNECT_SWAPPED);

  return self;
}

static KrDocument *
document_from_file (GFile       *file,
                    gboolean     keep_file,
                    GError     **error)
{
  g_autoptr(KrMap) map = NULL;
  KrDocument *self;
  KrLoadInfo info;

  map = kr_map_load_from_file (file, &info, error);
  if (map == NULL)
    return NULL;

  self = kr_document_new (map);
  if (keep_file)
    self->file = g_object_ref (file);

  if (info.newer_version)
    {
      self->read_only = keep_file;
      self->warning = g_strdup_printf (_("This map was written by a newer version of Kringel "
                                         "(file format %d). It is opened read-only so nothing "
                                         "in it gets lost; use Save As to keep a copy."),
                                       info.version);
    }

  return self;
}

/* Opens @file for editing; a file from a newer Kringel opens read-only. */
KrDocument *
kr_document_load (GFile   *file,
                  GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return document_from_file (file, TRUE, error);
}

/* A new, unsaved document with a copy of the map in @template_file. */
KrDocument *
kr_document_new_from_file (GFile   *template_file,
                           GError **error)
{
  g_return_val_if_fail (G_IS_FILE (template_file), NULL);

  return document_from_file (template_file, FALSE, error);
}

KrMap *
kr_document_get_map (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), NULL);
  return self->map;
}

KrHistory *
kr_document_get_history (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), NULL);
  return self->history;
}

/* The file the document is saved in, or NULL when it was never saved. */
GFile *
kr_document_get_file (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
kr_document_get_read_only (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), FALSE);
  return self->read_only;
}

/* A warning to show when the document was opened, or NULL. */
const char *
kr_document_get_warning (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), NULL);
  return self->warning;
}

/* The name to show for the document: its file name, else the map's title. */
char *
kr_document_dup_title (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      return g_filename_display_name (basename);
    }

  if (*kr_map_get_title (self->map) != '\0')
    return g_strdup (kr_map_get_title (self->map));

  return g_strdup (_("Untitled Map"));
}

gboolean
kr_document_is_modified (KrDocument *self)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), FALSE);
  return kr_history_is_modified (self->history);
}

gboolean
kr_document_save (KrDocument  *self,
                  GError     **error)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("This map is open read-only; use Save As to keep a copy"));
      return FALSE;
    }

  if (!kr_map_save_to_file (self->map, self->file, error))
    return FALSE;

  kr_history_mark_saved (self->history);
  return TRUE;
}

/* Saves into @file, which becomes the document's file. */
gboolean
kr_document_save_as (KrDocument  *self,
                     GFile       *file,
                     GError     **error)
{
  g_return_val_if_fail (KR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!kr_map_save_to_file (self->map, file, error))
    return FALSE;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  if (self->read_only)
    {
      self->read_only = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }

  kr_history_mark_saved (self->history);
  return TRUE;
}
