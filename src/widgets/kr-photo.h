/* kr-photo.h: persona photos, downscaled and embedded as data: URIs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KR_PHOTO_MAX_SIDE 256

char       *kr_photo_data_uri_from_pixbuf (GdkPixbuf     *pixbuf,
                                           int            max_side,
                                           GError       **error);
char       *kr_photo_data_uri_from_file   (GFile         *file,
                                           int            max_side,
                                           GCancellable  *cancellable,
                                           GError       **error);
void        kr_photo_load_async           (GFile         *file,
                                           GCancellable  *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer       user_data);
char       *kr_photo_load_finish          (GAsyncResult  *result,
                                           GError       **error);
GdkPixbuf  *kr_photo_to_pixbuf            (const char    *data_uri);
GdkTexture *kr_photo_to_texture           (const char    *data_uri);

G_END_DECLS
