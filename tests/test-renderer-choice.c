/* test-renderer-choice.c: which GTK renderer draws Kringel's windows
 *
 * Not a GTest program with gtk_test_init(): that turns GL off, and this is about what GTK
 * does with GL on. Run twice by meson: as found, and with GSK_RENDERER=gl set, which must be
 * kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "kr-application.h"
#include "kr-window.h"

static void
wait_for_draw (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_choice (void)
{
  g_autofree char *chosen = g_strdup (g_getenv ("GSK_RENDERER"));
  GtkWidget *window;
  const char *renderer;

  kr_prefer_cairo_on_software_gl ();
  window = GTK_WIDGET (kr_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (window);
  renderer = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));

  if (chosen != NULL)
    {
      /* what the user chose stays */
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, chosen);
      g_assert_cmpstr (renderer, ==, "GskGLRenderer");
    }
  else
    {
      /* Xvfb has no GL but Mesa's emulation on the processor (or none at all): cairo draws */
      g_assert_cmpstr (renderer, ==, "GskCairoRenderer");
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  kr_ensure_resources ();

  g_test_add_func ("/renderer/choice", test_choice);

  return g_test_run ();
}
