/* fuzz-load.c: libFuzzer harness for the map loader
 *
 * Any input must either be refused with one located message or give a map that saves,
 * loads again and saves to the same bytes. A GLib critical or warning is a finding too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fuzz-common.h"
#include "kr-map-loader.h"
#include "kr-map-saver.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_glib_messages_fatal ();
  return 0;
}

static void
check_refusal (const GError *error)
{
  fuzz_check (error != NULL, "no map and no error");
  fuzz_check (error->domain == KR_LOAD_ERROR, "error from %s", g_quark_to_string (error->domain));
  fuzz_check (g_str_has_prefix (error->message, "fuzz:"),
              "the message does not start with the file name: %s", error->message);
  fuzz_check (strchr (error->message, '\n') == NULL, "the message has several lines: %s", error->message);

  /* Every syntax error comes from kr_json_parse() and names its place ("fuzz:LINE:COLUMN: …"). */
  if (error->code == KR_LOAD_ERROR_SYNTAX)
    fuzz_check (g_ascii_isdigit (error->message[strlen ("fuzz:")]),
                "a syntax error without line and column: %s", error->message);
}

static void
check_round_trip (KrMap *map)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) reloaded = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize length, length_again;

  saved = kr_map_to_data (map, &length);
  reloaded = kr_map_load_from_data (saved, length, "saved", NULL, &error);
  fuzz_check (reloaded != NULL, "a saved map does not load: %s", error->message);

  saved_again = kr_map_to_data (reloaded, &length_again);
  fuzz_check (length == length_again && memcmp (saved, saved_again, length) == 0,
              "saving a reloaded map gives different bytes");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KrMap) map = NULL;
  KrLoadInfo info;

  map = kr_map_load_from_data ((const char *) data, size, "fuzz", &info, &error);
  if (map == NULL)
    {
      check_refusal (error);
      return 0;
    }

  fuzz_check (error == NULL, "a map and an error");
  fuzz_check (info.version >= 1, "version %d", info.version);
  check_round_trip (map);
  return 0;
}
