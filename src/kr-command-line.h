/* kr-command-line.h: what `kringel` does without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KrCommandLine KrCommandLine;

KrCommandLine *kr_command_line_new                 (void);
void           kr_command_line_free                (KrCommandLine       *self);
GOptionGroup  *kr_command_line_create_option_group (KrCommandLine       *self);
char          *kr_command_line_get_help_description (void);
gboolean       kr_command_line_wants_export        (KrCommandLine       *self);
gboolean       kr_command_line_check_unused        (KrCommandLine       *self,
                                                    GError             **error);
int            kr_command_line_export              (KrCommandLine       *self,
                                                    const char * const  *inputs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KrCommandLine, kr_command_line_free)

G_END_DECLS
