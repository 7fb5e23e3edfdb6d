/* kr-renderer.h: the one renderer of maps, for screen, export and projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "kr-geometry.h"
#include "kr-map.h"
#include "kr-theme.h"

G_BEGIN_DECLS

typedef enum {
  KR_RENDER_DEFAULT        = 0,
  KR_RENDER_NO_BACKGROUND  = 1 << 0,   /* leave the background transparent */
} KrRenderFlags;

#define KR_TYPE_RENDERER (kr_renderer_get_type ())
G_DECLARE_FINAL_TYPE (KrRenderer, kr_renderer, KR, RENDERER, GObject)

KrRenderer *kr_renderer_new       (KrThemeId      theme);
KrThemeId   kr_renderer_get_theme (KrRenderer    *self);
void        kr_renderer_set_theme (KrRenderer    *self,
                                   KrThemeId      theme);
KrRect      kr_renderer_get_extent (KrRenderer  *self,
                                    KrMap       *map);
void        kr_renderer_draw      (KrRenderer    *self,
                                   cairo_t       *cr,
                                   KrMap         *map,
                                   const KrRect  *viewport,
                                   KrRenderFlags  flags);

G_END_DECLS
