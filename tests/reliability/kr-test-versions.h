/* kr-test-versions.h: numbered maps that a test and its helper process both can build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kr-map.h"

G_BEGIN_DECLS

KrMap  *kr_test_version_new    (guint        version,
                                guint        n_touchpoints);
gboolean kr_test_version_parse (KrMap       *map,
                                guint       *version);

G_END_DECLS
