/* kr-command-line.h: what `kringel` does without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int kr_command_line_export (const char *output,
                            const char *format_name,
                            const char *input);

G_END_DECLS
