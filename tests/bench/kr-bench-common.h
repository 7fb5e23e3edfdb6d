/* kr-bench-common.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A map of @n_touchpoints (phases, lanes, personas, notes and 1.5 connections per
 * touchpoint, a fifth of them loops back, some self-loops and parallel arrows), as the text
 * of a file; the same for the same @n_touchpoints. */
char *kr_bench_generate_map    (guint         n_touchpoints,
                                gsize        *length);
int   kr_bench_compare_doubles (gconstpointer a,
                                gconstpointer b);

G_END_DECLS
