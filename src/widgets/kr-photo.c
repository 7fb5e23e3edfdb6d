/* kr-photo.c
 *
 * A photo chosen from disk goes into the map file itself, so that the file stays one file.
 * It is decoded at no more than KR_PHOTO_MAX_SIDE pixels on its longer side (the JPEG
 * loader decodes big photos at a fraction of their size directly), turned upright by its
 * EXIF orientation, and stored as a PNG when it has transparency, else as a JPEG, which
 * keeps a photo at a few dozen KiB, far below the file format's 4 MiB limit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "kr-map-loader.h"
#include "kr-photo.h"

#define PNG_PREFIX "data:image/png;base64,"
#define JPEG_PREFIX "data:image/jpeg;base64,"

static GdkPixbuf *
scale_down (GdkPixbuf *pixbuf,
            int        max_side)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  double scale = (double) max_side / MAX (width, height);

  if (scale >= 1)
    return g_object_ref (pixbuf);

  return gdk_pixbuf_scale_simple (pixbuf, MAX (1, (int) (width * scale + 0.5)),
                                  MAX (1, (int) (height * scale + 0.5)), GDK_INTERP_HYPER);
}

/* A data: URI of @pixbuf, scaled down to at most @max_side pixels on its longer side. */
char *
kr_photo_data_uri_from_pixbuf (GdkPixbuf  *pixbuf,
                               int         max_side,
                               GError    **error)
{
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autofree char *buffer = NULL;
  g_autofree char *encoded = NULL;
  gsize length;
  char *uri;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);
  g_return_val_if_fail (max_side > 0, NULL);

  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  scaled = scale_down (upright ? upright : pixbuf, max_side);
  /* Always PNG: the renderer (and so every export) draws PNG photos with cairo alone. */
  if (!gdk_pixbuf_save_to_buffer (scaled, &buffer, &length, "png", error, "compression", "9", NULL))
    return NULL;

  encoded = g_base64_encode ((const guchar *) buffer, length);
  uri = g_strconcat (PNG_PREFIX, encoded, NULL);
  if (strlen (uri) > KR_MAX_PHOTO_BYTES)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The picture is too large"));
      g_free (uri);
      return NULL;
    }

  return uri;
}

/* Reads a picture (any format GdkPixbuf knows) and makes a data: URI of it. */
char *
kr_photo_data_uri_from_file (GFile         *file,
                             int            max_side,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (G_INPUT_STREAM (stream), max_side, max_side, TRUE,
                                                cancellable, error);
  if (pixbuf == NULL)
    return NULL;

  return kr_photo_data_uri_from_pixbuf (pixbuf, max_side, error);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  char *uri = kr_photo_data_uri_from_file (task_data, KR_PHOTO_MAX_SIDE, cancellable, &error);

  if (uri == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, uri, g_free);
}

/* kr_photo_data_uri_from_file() in a thread, so that a large photo does not stall the UI. */
void
kr_photo_load_async (GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (G_IS_FILE (file));

  g_task_set_source_tag (task, kr_photo_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

char *
kr_photo_load_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The picture of a photo data: URI, or NULL if it is none (the loader checked it). */
GdkPixbuf *
kr_photo_to_pixbuf (const char *data_uri)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autofree guchar *data = NULL;
  const char *encoded;
  gsize length;
  GdkPixbuf *pixbuf;
  gboolean decoded;

  if (data_uri == NULL)
    return NULL;

  if (g_str_has_prefix (data_uri, PNG_PREFIX))
    encoded = data_uri + strlen (PNG_PREFIX);
  else if (g_str_has_prefix (data_uri, JPEG_PREFIX))
    encoded = data_uri + strlen (JPEG_PREFIX);
  else
    return NULL;

  data = g_base64_decode (encoded, &length);
  loader = gdk_pixbuf_loader_new ();
  decoded = gdk_pixbuf_loader_write (loader, data, length, NULL);
  /* a loader must be closed even when writing failed */
  decoded = gdk_pixbuf_loader_close (loader, NULL) && decoded;
  if (!decoded)
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  return pixbuf ? g_object_ref (pixbuf) : NULL;
}

GdkTexture *
kr_photo_to_texture (const char *data_uri)
{
  g_autoptr(GdkPixbuf) pixbuf = kr_photo_to_pixbuf (data_uri);

  return pixbuf ? gdk_texture_new_for_pixbuf (pixbuf) : NULL;
}
