/* test-svg-writer.c: the SVG writer's documents are well-formed whatever the drawing does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "kr-paint.h"
#include "kr-svg-writer.h"

/* Finishes @writer and checks that its document is well-formed XML. */
static char *
finish_well_formed (KrSvgWriter *writer)
{
  g_autoptr(GBytes) bytes = kr_svg_writer_finish (writer);
  GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &length);
  /* GMarkup reads no XML declaration */
  g_assert_true (g_str_has_prefix (data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  g_markup_parse_context_parse (context, strchr (data, '\n') + 1, length - (strchr (data, '\n') + 1 - data), &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  return g_strndup (data, length);
}

static void
test_left_open (void)
{
  g_autoptr(KrSvgWriter) writer = kr_svg_writer_new (100, 50);
  cairo_t *cr = kr_svg_writer_get_context (writer);
  g_autofree char *svg = NULL;

  cairo_rectangle (cr, 0, 0, 50, 50);
  kr_paint_push_clip (cr);
  g_assert_true (kr_paint_begin_stamp (cr, "frame", 10, 10));
  kr_paint_push_group (cr);
  cairo_rectangle (cr, 10, 10, 5, 5);
  kr_paint_push_clip (cr);
  cairo_rectangle (cr, 10, 10, 20, 20);
  kr_paint_fill (cr);

  svg = finish_well_formed (writer);
  g_assert_nonnull (strstr (svg, "<g id=\"s1\">"));
}

/* A sub-path that only moves and closes draws nothing and closes nothing. */
static void
test_lone_move (void)
{
  g_autoptr(KrSvgWriter) writer = kr_svg_writer_new (100, 50);
  cairo_t *cr = kr_svg_writer_get_context (writer);
  g_autofree char *svg = NULL;

  cairo_move_to (cr, 1, 1);
  cairo_close_path (cr);
  cairo_move_to (cr, 2, 2);
  cairo_line_to (cr, 3, 3.5);
  cairo_line_to (cr, -0.001, 1234.5678);
  kr_paint_fill (cr);

  svg = finish_well_formed (writer);
  /* cairo keeps points in 1/256 units: 1234.5678 is 1234.56640625 */
  g_assert_nonnull (strstr (svg, "<path d=\"M2 2L3 3.5L0 1234.57\" fill=\"#000000\"/>"));
}

/* What a stamp paints is in the stamp, in <defs>, not where it is used. */
static void
test_stamp_holds_its_drawing (void)
{
  g_autoptr(KrSvgWriter) writer = kr_svg_writer_new (100, 50);
  cairo_t *cr = kr_svg_writer_get_context (writer);
  g_autofree char *svg = NULL;
  const char *stamp, *defs_end, *rect;

  cairo_translate (cr, 5, 5);
  g_assert_true (kr_paint_begin_stamp (cr, "dot", 10, 20));
  cairo_set_source_rgb (cr, 1, 0, 0);
  kr_paint_source (cr);
  /* a stamp begun inside another is drawn in it */
  g_assert_true (kr_paint_begin_stamp (cr, "inner", 10, 20));
  cairo_rectangle (cr, 10, 20, 4, 4);
  kr_paint_fill (cr);
  kr_paint_end_stamp (cr);
  kr_paint_end_stamp (cr);
  g_assert_false (kr_paint_begin_stamp (cr, "dot", 30, 20));

  svg = finish_well_formed (writer);
  stamp = strstr (svg, "<g id=\"s1\">");
  defs_end = strstr (svg, "</defs>");
  rect = strstr (svg, "<rect");
  g_assert_nonnull (stamp);
  g_assert_true (stamp < rect && rect < defs_end);
  g_assert_null (strstr (svg, "id=\"s2\""));
  g_assert_nonnull (strstr (svg, "<path d=\"M0 0L4 0L4 4L0 4Z\" fill=\"#ff0000\"/>"));
  g_assert_nonnull (strstr (svg, "<use xlink:href=\"#s1\" x=\"15\" y=\"25\"/>"));
  g_assert_nonnull (strstr (svg, "<use xlink:href=\"#s1\" x=\"35\" y=\"25\"/>"));
}

/* A group ended in another part of the document than it began is refused, not written
 * into the middle of an element. */
static void
test_group_ended_elsewhere (void)
{
  g_autoptr(KrSvgWriter) writer = kr_svg_writer_new (100, 50);
  cairo_t *cr = kr_svg_writer_get_context (writer);
  g_autofree char *svg = NULL;

  kr_paint_push_group (cr);
  cairo_rectangle (cr, 0, 0, 5, 5);
  kr_paint_fill (cr);
  g_assert_true (kr_paint_begin_stamp (cr, "box", 0, 0));
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*group->out == self->out*");
  kr_paint_pop_group_with_alpha (cr, 0.5);
  g_test_assert_expected_messages ();
  kr_paint_end_stamp (cr);
  kr_paint_pop_group_with_alpha (cr, 0.5);

  svg = finish_well_formed (writer);
  g_assert_nonnull (strstr (svg, "<g opacity=\"0.5\">\n<path"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/svg-writer/left-open", test_left_open);
  g_test_add_func ("/svg-writer/lone-move", test_lone_move);
  g_test_add_func ("/svg-writer/stamp-holds-its-drawing", test_stamp_holds_its_drawing);
  g_test_add_func ("/svg-writer/group-ended-elsewhere", test_group_ended_elsewhere);

  return g_test_run ();
}
