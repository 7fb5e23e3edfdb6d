/* fuzz-common.h: what both libFuzzer harnesses share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize  (int            *argc,
                           char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A GLib critical or warning is a finding, as it is in the tests (G_DEBUG=fatal-criticals). */
static inline void
fuzz_make_glib_messages_fatal (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_fatal_mask ("Kringel", G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* Aborts, so that libFuzzer keeps the input, when a property of the program does not hold. */
#define fuzz_check(condition, ...) \
  G_STMT_START { \
    if (!(condition)) \
      { \
        g_printerr ("fuzz check failed: %s: ", #condition); \
        g_printerr (__VA_ARGS__); \
        g_printerr ("\n"); \
        abort (); \
      } \
  } G_STMT_END
