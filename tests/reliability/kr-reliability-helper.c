/* kr-reliability-helper.c: a process for test-reliability to kill or to starve of disk space
 *
 *   kr-reliability-helper save-loop FILE FIRST SIZE   save version FIRST, FIRST+1, … into FILE until killed
 *   kr-reliability-helper save FILE VERSION SIZE      save one version; on failure print the message, exit 1
 *   kr-reliability-helper autosave FILE               open FILE, edit it, autosave it, print the id, SIGKILL itself
 *
 * SIZE is the number of touchpoints of a version (see kr-test-versions.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "kr-autosave.h"
#include "kr-document.h"
#include "kr-map-saver.h"
#include "kr-set-property-command.h"
#include "kr-test-versions.h"

static guint
parse_number (const char *text)
{
  guint64 number;
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &number, &error))
    g_error ("%s", error->message);

  return (guint) number;
}

static int
save_version (GFile *file,
              guint  version,
              guint  size)
{
  g_autoptr(KrMap) map = kr_test_version_new (version, size);
  g_autoptr(GError) error = NULL;

  if (!kr_map_save_to_file (map, file, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

static int
save_loop (GFile *file,
           guint  first,
           guint  size)
{
  for (guint version = first;; version++)
    if (save_version (file, version, size) != 0)
      return 1;
}

/* Leaves an autosave behind as a crash would: the process dies without discarding it. */
static int
autosave_and_die (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KrDocument) document = kr_document_load (file, &error);
  g_autoptr(KrAutosave) autosave = kr_autosave_new ();
  g_auto(GValue) title = G_VALUE_INIT;

  if (document == NULL)
    g_error ("%s", error->message);

  g_value_init (&title, G_TYPE_STRING);
  g_value_set_string (&title, "Edited before the crash");
  kr_history_push (kr_document_get_history (document),
                   kr_set_property_command_new (kr_document_get_map (document), "title", &title, "Rename"));

  if (!kr_autosave_write (autosave, document, &error))
    g_error ("%s", error->message);

  g_print ("%s\n", kr_autosave_get_id (autosave));
  fflush (stdout);
  raise (SIGKILL);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;

  if (argc == 5 && g_str_equal (argv[1], "save-loop"))
    {
      file = g_file_new_for_path (argv[2]);
      return save_loop (file, parse_number (argv[3]), parse_number (argv[4]));
    }

  if (argc == 5 && g_str_equal (argv[1], "save"))
    {
      file = g_file_new_for_path (argv[2]);
      return save_version (file, parse_number (argv[3]), parse_number (argv[4]));
    }

  if (argc == 3 && g_str_equal (argv[1], "autosave"))
    {
      file = g_file_new_for_path (argv[2]);
      return autosave_and_die (file);
    }

  g_printerr ("usage: see the comment at the top of kr-reliability-helper.c\n");
  return 2;
}
