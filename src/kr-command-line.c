/* kr-command-line.c
 *
 * `kringel --export` loads, renders and writes without ever initialising GTK, so it runs on
 * a server without a display. Errors go to stderr as "kringel: FILE:LINE:COLUMN: message".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "kr-command-line.h"
#include "kr-export.h"
#include "kr-map-loader.h"

static int
fail (const char *message)
{
  g_printerr ("kringel: %s\n", message);
  return 1;
}

/* Exports the map in @input to @output; returns the process exit status. */
int
kr_command_line_export (const char *output,
                        const char *format_name,
                        const char *input)
{
  g_autoptr(GFile) input_file = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(KrMap) map = NULL;
  g_autoptr(GError) error = NULL;
  KrExportOptions options;

  kr_export_options_init (&options);

  if (format_name != NULL)
    {
      if (!kr_export_format_from_name (format_name, &options.format))
        {
          g_autofree char *message = g_strdup_printf (_("unknown format “%s”; use png, svg or pdf"), format_name);
          return fail (message);
        }
    }
  else if (!kr_export_format_guess (output, &options.format))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: cannot tell the format from the name; add --format png, svg or pdf"), output);
      return fail (message);
    }

  input_file = g_file_new_for_commandline_arg (input);
  map = kr_map_load_from_file (input_file, NULL, &error);
  if (map == NULL)
    return fail (error->message);

  output_file = g_file_new_for_commandline_arg (output);
  if (!kr_export_map_to_file (map, output_file, &options, &error))
    return fail (error->message);

  return 0;
}
