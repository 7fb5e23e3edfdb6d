/* test-spatial-index.c: the index that culls drawing and finds what is under the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "kr-spatial-index.h"

#define CARD_WIDTH  200.0
#define CARD_HEIGHT  96.0

/* Stand-ins for cards and connections: the index only compares their addresses. */
static int things[64];

static GPtrArray *
query (KrSpatialIndex *index,
       double          x,
       double          y,
       double          width,
       double          height)
{
  return kr_spatial_index_query (index, &(KrRect) { x, y, width, height });
}

static void
test_empty (void)
{
  g_autoptr(KrSpatialIndex) index = kr_spatial_index_new ();
  g_autoptr(GPtrArray) found = query (index, -1e6, -1e6, 2e6, 2e6);

  g_assert_cmpuint (kr_spatial_index_get_size (index), ==, 0);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_null (kr_spatial_index_hit_test (index, 0, 0));
  g_assert_false (kr_spatial_index_remove (index, &things[0]));
  g_assert_false (kr_spatial_index_move (index, &things[0], &(KrRect) { 0, 0, 1, 1 }));
  g_assert_false (kr_spatial_index_raise (index, &things[0]));
  g_assert_false (kr_spatial_index_get_bounds (index, &things[0], NULL));
}

/* Where cards overlap, the one inserted last (or raised) is hit; edges are half open. */
static void
test_hit_test_topmost (void)
{
  g_autoptr(KrSpatialIndex) index = kr_spatial_index_new ();
  KrRect bottom = { 100, 100, CARD_WIDTH, CARD_HEIGHT };
  KrRect top = { 250, 150, CARD_WIDTH, CARD_HEIGHT };

  kr_spatial_index_insert (index, &things[0], &bottom);
  kr_spatial_index_insert (index, &things[1], &top);

  g_assert_true (kr_spatial_index_hit_test (index, 120, 120) == &things[0]);
  g_assert_true (kr_spatial_index_hit_test (index, 260, 160) == &things[1]);
  g_assert_true (kr_spatial_index_hit_test (index, 420, 240) == &things[1]);
  g_assert_null (kr_spatial_index_hit_test (index, 99.9, 120));
  g_assert_null (kr_spatial_index_hit_test (index, 500, 500));

  /* left and top edges are inside, right and bottom edges outside */
  g_assert_true (kr_spatial_index_hit_test (index, 100, 100) == &things[0]);
  g_assert_null (kr_spatial_index_hit_test (index, 300, 110));
  g_assert_null (kr_spatial_index_hit_test (index, 120, 196));

  g_assert_true (kr_spatial_index_raise (index, &things[0]));
  g_assert_true (kr_spatial_index_hit_test (index, 260, 160) == &things[0]);

  /* inserting what is already there moves it and brings it to the top */
  kr_spatial_index_insert (index, &things[1], &top);
  g_assert_cmpuint (kr_spatial_index_get_size (index), ==, 2);
  g_assert_true (kr_spatial_index_hit_test (index, 260, 160) == &things[1]);
}

/* Building from a list stacks in list order and replaces what was there. */
static void
test_build (void)
{
  g_autoptr(KrSpatialIndex) index = kr_spatial_index_new ();
  KrSpatialEntry entries[] = {
    { &things[2], { 0, 0, 50, 50 } },
    { &things[3], { 10, 10, 50, 50 } },
    { &things[4], { 20, 20, 50, 50 } },
  };
  g_autoptr(GPtrArray) found = NULL;

  kr_spatial_index_insert (index, &things[0], &(KrRect) { 0, 0, 1000, 1000 });
  kr_spatial_index_build (index, entries, G_N_ELEMENTS (entries));

  g_assert_cmpuint (kr_spatial_index_get_size (index), ==, 3);
  g_assert_false (kr_spatial_index_contains (index, &things[0]));
  g_assert_true (kr_spatial_index_hit_test (index, 30, 30) == &things[4]);
  g_assert_true (kr_spatial_index_hit_test (index, 15, 15) == &things[3]);

  found = query (index, 0, 0, 100, 100);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_true (found->pdata[0] == &things[2]);
  g_assert_true (found->pdata[1] == &things[3]);
  g_assert_true (found->pdata[2] == &things[4]);

  {
    g_autoptr(GPtrArray) unsorted = g_ptr_array_new ();

    g_ptr_array_add (unsorted, &things[4]);
    g_ptr_array_add (unsorted, &things[2]);
    g_ptr_array_add (unsorted, &things[3]);
    kr_spatial_index_raise (index, &things[2]);
    kr_spatial_index_sort (index, unsorted);
    g_assert_true (unsorted->pdata[0] == &things[3]);
    g_assert_true (unsorted->pdata[1] == &things[4]);
    g_assert_true (unsorted->pdata[2] == &things[2]);
  }

  kr_spatial_index_clear (index);
  g_assert_cmpuint (kr_spatial_index_get_size (index), ==, 0);
  g_assert_null (kr_spatial_index_hit_test (index, 30, 30));
}

/* Moving a card carries it to other cells and, when it grows, to other levels. */
static void
test_move_and_remove (void)
{
  g_autoptr(KrSpatialIndex) index = kr_spatial_index_new ();
  KrRect card = { 100, 100, CARD_WIDTH, CARD_HEIGHT };
  KrRect far = { 90000, 40000, CARD_WIDTH, CARD_HEIGHT };
  KrRect arc = { 300, -400, 20000, 900 };
  KrRect bounds;

  kr_spatial_index_insert (index, &things[0], &card);
  kr_spatial_index_insert (index, &things[1], &card);

  g_assert_true (kr_spatial_index_move (index, &things[0], &far));
  g_assert_true (kr_spatial_index_get_bounds (index, &things[0], &bounds));
  g_assert_cmpfloat (bounds.x, ==, far.x);
  g_assert_true (kr_spatial_index_hit_test (index, 90010, 40010) == &things[0]);
  g_assert_true (kr_spatial_index_hit_test (index, 110, 110) == &things[1]);

  /* the move kept its place in the stacking order: below things[1] */
  g_assert_true (kr_spatial_index_move (index, &things[0], &card));
  g_assert_true (kr_spatial_index_hit_test (index, 110, 110) == &things[1]);

  g_assert_true (kr_spatial_index_move (index, &things[0], &arc));
  g_assert_true (kr_spatial_index_hit_test (index, 19000, 0) == &things[0]);
  g_assert_null (kr_spatial_index_hit_test (index, 90010, 40010));

  g_assert_true (kr_spatial_index_remove (index, &things[1]));
  g_assert_false (kr_spatial_index_remove (index, &things[1]));
  g_assert_true (kr_spatial_index_hit_test (index, 310, 110) == &things[0]);
  g_assert_null (kr_spatial_index_hit_test (index, 110, 110));
  g_assert_cmpuint (kr_spatial_index_get_size (index), ==, 1);
}

/* Rectangles too large or too far out for any grid are still found. */
static void
test_oversize (void)
{
  g_autoptr(KrSpatialIndex) index = kr_spatial_index_new ();
  g_autoptr(GPtrArray) found = NULL;

  kr_spatial_index_insert (index, &things[0], &(KrRect) { -1e10, -5, 2e10, 10 });
  kr_spatial_index_insert (index, &things[1], &(KrRect) { 1e13, 1e13, 10, 10 });
  kr_spatial_index_insert (index, &things[2], &(KrRect) { -4, -4, 8, 8 });

  g_assert_true (kr_spatial_index_hit_test (index, 3e9, 0) == &things[0]);
  g_assert_true (kr_spatial_index_hit_test (index, 0, 0) == &things[2]);
  g_assert_true (kr_spatial_index_hit_test (index, 1e13 + 5, 1e13 + 5) == &things[1]);

  found = query (index, -1, -1, 2, 2);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (found->pdata[0] == &things[0]);
  g_assert_true (found->pdata[1] == &things[2]);

  g_assert_true (kr_spatial_index_move (index, &things[0], &(KrRect) { 10, 10, 5, 5 }));
  g_assert_true (kr_spatial_index_remove (index, &things[1]));
  g_assert_true (kr_spatial_index_hit_test (index, 12, 12) == &things[0]);
  g_assert_null (kr_spatial_index_hit_test (index, 1e13 + 5, 1e13 + 5));
}

/* Not-a-number bounds are refused; not-a-number points hit nothing. */
static void
test_invalid_input (void)
{
  g_autoptr(KrSpatialIndex) index = kr_spatial_index_new ();

  g_test_expect_message ("Kringel", G_LOG_LEVEL_CRITICAL, "*rect_is_valid*");
  kr_spatial_index_insert (index, &things[0], &(KrRect) { NAN, 0, 10, 10 });
  g_test_assert_expected_messages ();

  g_test_expect_message ("Kringel", G_LOG_LEVEL_CRITICAL, "*rect_is_valid*");
  kr_spatial_index_insert (index, &things[0], &(KrRect) { 0, 0, -10, 10 });
  g_test_assert_expected_messages ();

  g_assert_cmpuint (kr_spatial_index_get_size (index), ==, 0);

  kr_spatial_index_insert (index, &things[0], &(KrRect) { 0, 0, 10, 10 });
  g_assert_null (kr_spatial_index_hit_test (index, NAN, 5));
  g_assert_null (kr_spatial_index_hit_test (index, INFINITY, 5));
}

/* Model of the index: a plain list searched one by one. */
typedef struct
{
  gpointer data;
  KrRect bounds;
  guint z;
} Reference;

static KrRect
random_rect (GRand *rand)
{
  double size_class = g_rand_double (rand);
  double width, height;

  /* mostly cards, some long connection arcs, a few very wide ones */
  if (size_class < 0.7)
    width = CARD_WIDTH, height = CARD_HEIGHT;
  else if (size_class < 0.95)
    width = g_rand_double_range (rand, 0, 3000), height = g_rand_double_range (rand, 0, 600);
  else
    width = g_rand_double_range (rand, 0, 60000), height = g_rand_double_range (rand, 0, 2000);

  return (KrRect) { g_rand_double_range (rand, -2000, 40000), g_rand_double_range (rand, -2000, 12000),
                    width, height };
}

static void
count_entry (gpointer      data,
             const KrRect *bounds,
             gpointer      user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
assert_query_matches (KrSpatialIndex *index,
                      GArray         *reference,
                      const KrRect   *rect)
{
  g_autoptr(GPtrArray) found = kr_spatial_index_query (index, rect);
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (KrRect));
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Reference));
  guint n_visited = 0;

  kr_spatial_index_query_bounds (index, rect, bounds);
  for (guint i = 0; i < reference->len; i++)
    {
      Reference *entry = &g_array_index (reference, Reference, i);

      if (kr_rect_intersects (&entry->bounds, rect))
        g_array_append_val (expected, *entry);
    }

  /* the reference is kept in stacking order, bottom to top */
  g_assert_cmpuint (found->len, ==, expected->len);
  g_assert_cmpuint (bounds->len, ==, expected->len);
  for (guint i = 0; i < found->len; i++)
    {
      const KrRect *expected_bounds = &g_array_index (expected, Reference, i).bounds;

      g_assert_true (found->pdata[i] == g_array_index (expected, Reference, i).data);
      g_assert_cmpmem (&g_array_index (bounds, KrRect, i), sizeof (KrRect), expected_bounds, sizeof (KrRect));
    }

  kr_spatial_index_foreach (index, rect, count_entry, &n_visited);
  g_assert_cmpuint (n_visited, ==, expected->len);
}

static void
assert_hit_matches (KrSpatialIndex *index,
                    GArray         *reference,
                    double          x,
                    double          y)
{
  gpointer expected = NULL;

  for (guint i = 0; i < reference->len; i++)
    {
      Reference *entry = &g_array_index (reference, Reference, i);

      if (kr_rect_contains_point (&entry->bounds, x, y))
        expected = entry->data;
    }

  g_assert_true (kr_spatial_index_hit_test (index, x, y) == expected);
}

static guint
find_reference (GArray   *reference,
                gpointer  data)
{
  for (guint i = 0; i < reference->len; i++)
    if (g_array_index (reference, Reference, i).data == data)
      return i;

  g_assert_not_reached ();
}

/* Random inserts, moves, raises and removals; every query and hit test agrees with a
 * search through all entries. */
static void
test_matches_linear_search (void)
{
  g_autoptr(KrSpatialIndex) index = kr_spatial_index_new ();
  g_autoptr(GArray) reference = g_array_new (FALSE, FALSE, sizeof (Reference));
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autofree int *data = g_new0 (int, 600);

  for (guint step = 0; step < 3000; step++)
    {
      double action = g_rand_double (rand);

      if (action < 0.4 || reference->len == 0)
        {
          gpointer item = &data[g_rand_int_range (rand, 0, 600)];
          Reference entry = { item, random_rect (rand), step };

          if (kr_spatial_index_contains (index, item))
            g_array_remove_index (reference, find_reference (reference, item));
          kr_spatial_index_insert (index, item, &entry.bounds);
          g_array_append_val (reference, entry);
        }
      else if (action < 0.7)
        {
          guint i = g_rand_int_range (rand, 0, reference->len);
          Reference *entry = &g_array_index (reference, Reference, i);

          entry->bounds = random_rect (rand);
          g_assert_true (kr_spatial_index_move (index, entry->data, &entry->bounds));
        }
      else if (action < 0.8)
        {
          guint i = g_rand_int_range (rand, 0, reference->len);
          Reference entry = g_array_index (reference, Reference, i);

          g_assert_true (kr_spatial_index_raise (index, entry.data));
          g_array_remove_index (reference, i);
          g_array_append_val (reference, entry);
        }
      else
        {
          guint i = g_rand_int_range (rand, 0, reference->len);

          g_assert_true (kr_spatial_index_remove (index, g_array_index (reference, Reference, i).data));
          g_array_remove_index (reference, i);
        }

      g_assert_cmpuint (kr_spatial_index_get_size (index), ==, reference->len);

      if (step % 10 == 0)
        {
          KrRect rect = random_rect (rand);

          assert_query_matches (index, reference, &rect);
          /* a column from top to bottom, as the router asks for the cards a loop back
           * passes over: large ones are answered from the stacking order too */
          rect = random_rect (rand);
          assert_query_matches (index, reference, &(KrRect) { rect.x, -1e12, 12000, 2e12 });
          /* over everything: answered from the stacking order the index keeps between changes */
          assert_query_matches (index, reference, &(KrRect) { -1e7, -1e7, 2e7, 2e7 });
          assert_query_matches (index, reference, &(KrRect) { -1e7, -1e7, 2e7, 2e7 });
          for (int i = 0; i < 20; i++)
            assert_hit_matches (index, reference, g_rand_double_range (rand, -2000, 42000),
                                g_rand_double_range (rand, -2000, 13000));
        }
    }

  /* every entry is found at its own corner */
  for (guint i = 0; i < reference->len; i++)
    {
      Reference *entry = &g_array_index (reference, Reference, i);

      if (entry->bounds.width > 0 && entry->bounds.height > 0)
        assert_hit_matches (index, reference, entry->bounds.x, entry->bounds.y);
    }
}

static KrSpatialIndex *
create_card_grid (guint n_cards,
                  int  *cards)
{
  KrSpatialIndex *index = kr_spatial_index_new ();
  guint columns = (guint) ceil (sqrt (n_cards * 2.0));

  for (guint i = 0; i < n_cards; i++)
    kr_spatial_index_insert (index, &cards[i],
                             &(KrRect) { 150 + (i % columns) * 240.0, 76 + (i / columns) * 136.0,
                                         CARD_WIDTH, CARD_HEIGHT });
  return index;
}

static double
time_hit_tests (KrSpatialIndex *index,
                guint           n_cards)
{
  guint columns = (guint) ceil (sqrt (n_cards * 2.0));
  double width = columns * 240.0, height = (n_cards / columns + 1) * 136.0;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  gint64 start = g_get_monotonic_time ();
  guint hits = 0;

  for (guint i = 0; i < 20000; i++)
    hits += kr_spatial_index_hit_test (index, 150 + g_rand_double_range (rand, 0, width),
                                       76 + g_rand_double_range (rand, 0, height)) != NULL;

  g_assert_cmpuint (hits, >, 10000);
  return (g_get_monotonic_time () - start) / 20000.0;
}

/* A hit test costs the same in a map of 200,000 cards as in one of 1,000: it looks only
 * near the point. (A search through all cards would be 200 times slower.) */
static void
test_hit_test_cost_is_local (void)
{
  g_autofree int *cards = g_new0 (int, 200000);
  g_autoptr(KrSpatialIndex) small = create_card_grid (1000, cards);
  g_autoptr(KrSpatialIndex) large = create_card_grid (200000, cards);
  double small_time = MIN (time_hit_tests (small, 1000), time_hit_tests (small, 1000));
  double large_time = MIN (time_hit_tests (large, 200000), time_hit_tests (large, 200000));

  g_test_message ("hit test: %.3f µs at 1,000 cards, %.3f µs at 200,000", small_time, large_time);
  g_assert_cmpfloat (large_time, <, 25 * small_time + 2);
}

/* A query over a huge empty area does not walk the area cell by cell. */
static void
test_query_cost_follows_results (void)
{
  g_autofree int *cards = g_new0 (int, 10000);
  g_autoptr(KrSpatialIndex) index = create_card_grid (10000, cards);
  KrRect nowhere = { 1e8, 1e8, 1e8, 1e8 };
  KrRect everything = { -1e8, -1e8, 1e9, 1e9 };
  gint64 start;
  double empty_time;

  {
    g_autoptr(GPtrArray) found = kr_spatial_index_query (index, &everything);

    g_assert_cmpuint (found->len, ==, 10000);
  }

  start = g_get_monotonic_time ();
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(GPtrArray) found = kr_spatial_index_query (index, &nowhere);

      g_assert_cmpuint (found->len, ==, 0);
    }
  empty_time = (g_get_monotonic_time () - start) / 100.0;

  /* 1e8 × 1e8 is 1.5e11 cells; walking them would take hours */
  g_test_message ("query of an empty 1e8 × 1e8 area: %.1f µs", empty_time);
  g_assert_cmpfloat (empty_time, <, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spatial-index/empty", test_empty);
  g_test_add_func ("/spatial-index/hit-test-topmost", test_hit_test_topmost);
  g_test_add_func ("/spatial-index/build", test_build);
  g_test_add_func ("/spatial-index/move-and-remove", test_move_and_remove);
  g_test_add_func ("/spatial-index/oversize", test_oversize);
  g_test_add_func ("/spatial-index/invalid-input", test_invalid_input);
  g_test_add_func ("/spatial-index/matches-linear-search", test_matches_linear_search);
  g_test_add_func ("/spatial-index/hit-test-cost-is-local", test_hit_test_cost_is_local);
  g_test_add_func ("/spatial-index/query-cost-follows-results", test_query_cost_follows_results);

  return g_test_run ();
}
