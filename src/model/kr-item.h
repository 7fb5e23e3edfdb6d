/* kr-item.h: the base of every identified thing in a map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kr-field.h"

G_BEGIN_DECLS

typedef enum {
  KR_ITEM_PHASE,
  KR_ITEM_LANE,
  KR_ITEM_PERSONA,
  KR_ITEM_TOUCHPOINT,
  KR_ITEM_CONNECTION,
  KR_N_ITEM_KINDS
} KrItemKind;

#define KR_TYPE_ITEM (kr_item_get_type ())
G_DECLARE_DERIVABLE_TYPE (KrItem, kr_item, KR, ITEM, GObject)

struct _KrItemClass
{
  GObjectClass parent_class;

  KrItemKind     kind;
  const KrField *fields;
  guint          n_fields;
};

const char *kr_item_get_id   (KrItem     *self);
void        kr_item_set_id   (KrItem     *self,
                              const char *id);
KrItemKind  kr_item_get_kind (KrItem     *self);

const char *kr_item_kind_get_member_name (KrItemKind kind);
const char *kr_item_kind_get_id_prefix   (KrItemKind kind);
GType       kr_item_kind_get_type        (KrItemKind kind);
KrItem     *kr_item_copy                 (KrItem    *self);

G_END_DECLS
