/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kr-application.h"
#include "kr-command-line.h"

static void
setup_translations (void)
{
  const char *localedir = g_getenv ("KRINGEL_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KrApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) files = NULL;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Write a picture of FILE to OUT (PNG, SVG or PDF) without opening a window"), N_("OUT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("The picture format: png, svg or pdf (default: from the name of OUT)"), N_("FORMAT") },
    { "version", 'v', 0, G_OPTION_ARG_NONE, &version, N_("Show the version and quit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE…]") },
    { NULL }
  };

  setup_translations ();

  /* The command line is read here, before GTK, so that --export never needs a display. */
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Kringel draws customer journey maps."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("kringel: %s\n", error->message);
      return 1;
    }

  if (version)
    {
      g_print ("kringel %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (export_path != NULL)
    {
      if (files == NULL || g_strv_length (files) != 1)
        {
          g_printerr ("kringel: %s\n", _("--export needs exactly one map file"));
          return 1;
        }
      return kr_command_line_export (export_path, format, files[0]);
    }

  if (format != NULL)
    {
      g_printerr ("kringel: %s\n", _("--format only applies to --export"));
      return 1;
    }

  app = kr_application_new ();
  return kr_application_run_with_files (app, (const char * const *) files);
}
