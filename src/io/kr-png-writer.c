/* kr-png-writer.c
 *
 * cairo's own PNG writer writes no physical resolution (pHYs) and lets libpng try every
 * filter on every row at zlib's default level: 35 megapixels take over a second. Maps are
 * mostly flat colour, so this writer uses the "up" filter and zlib's fastest level (measured:
 * faster and smaller than the run-length strategy, 1.6 times cairo's file size).
 *
 * The picture is compressed in bands of rows, each band a deflate stream of its own ended by
 * a sync flush, joined into one zlib stream (as pigz does). The bands have a fixed height, so
 * the bytes are the same whatever the number of cores.
 *
 * An export does not draw the whole picture first: it asks for a band's rows at a time
 * (kr_png_writer_begin_rows()), draws them and hands them back, and worker threads compress
 * them while the next rows are drawn. The rows live in a small ring of such chunks, each
 * with a copy of the row above it for the "up" filter: the 140 MB of a 35-megapixel picture
 * are never in memory at once, and the memory drawn into is reused while it is mapped and
 * in the processor's cache (touching fresh pages for the first time costs more page faults
 * than drawing takes). kr_png_writer_encode() compresses a whole surface the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <libdeflate.h>
#include <math.h>
#include <string.h>
#include <zlib.h>

#include "kr-export.h"
#include "kr-png-writer-private.h"

#define IDAT_MAX_LENGTH (1 << 20)
/* Drawing a band at a time measured fastest (faster than 4, 16 or all at once): the
 * renderer's scratch memory stays small, and the compressing threads read rows still in the
 * processor's cache. */
#define CHUNK_BANDS 1   /* bands drawn at a time */
#define N_SLOTS 4       /* chunks in memory at once: one drawn, the others compressed */

enum { FILTER_NONE = 0, FILTER_UP = 2 };

typedef struct
{
  guint8 *deflated;
  gsize deflated_length;
  guint32 adler;
  gsize raw_length;
  gboolean failed;
} Band;

/* Where the rows of a chunk are. */
typedef struct
{
  guint8 *memory;       /* owned when streaming: the row above the chunk, then its rows */
  const guint8 *rows;   /* the chunk's first row */
  int first_row;
  int bands_left;       /* bands of the chunk not compressed yet */
} Slot;

/* What a thread keeps from one band to the next. */
typedef struct
{
  z_stream stream;
  gboolean stream_ready;
  guint8 *filtered;     /* a band's rows, each after its filter-type byte, and one spare byte */
  guint8 *deflated;
  gsize deflated_capacity;
  guint32 *rgba[2];     /* RGBA bytes of a row and of the row above, for ARGB32 */
} Scratch;

struct _KrPngWriter
{
  cairo_format_t format;
  int width;
  int height;
  int stride;
  int channels;        /* 3: RGB from RGB24, 4: RGBA from ARGB32 */
  double dpi;
  Band *bands;
  guint n_bands;
  int chunk_rows;
  Slot slots[N_SLOTS];
  guint n_slots;       /* 1 for a whole surface */

  /* the thread that draws */
  cairo_surface_t *drawing;   /* the chunk between begin and end */
  Scratch scratch;            /* for compressing while it waits */
  int next_row;
  gboolean out_of_memory;

  GMutex mutex;        /* guards what follows, and the slots' bands_left */
  GCond changed;       /* more rows are final, a band is compressed, or the writer is freed */
  int final_rows;      /* from the top, drawn for good */
  guint next_band;     /* the first band no thread has taken */
  gboolean cancelled;
  GPtrArray *workers;  /* GThread */
};

/* Each byte of @a minus the same byte of @b, modulo 256, four at once. */
static inline guint32
subtract_bytes (guint32 a,
                guint32 b)
{
  return ((a | 0x80808080u) - (b & 0x7f7f7f7fu)) ^ ((a ^ ~b) & 0x80808080u);
}

/* cairo stores native-endian 0xAARRGGBB words. Each pixel goes out as R, G, B in a 4-byte
 * store whose last byte the next pixel overwrites (after the last pixel of a row, the next
 * row's filter-type byte or the spare byte at the end does). */
static inline void
store_rgb (guint8  *out,
           guint32  pixel)
{
  guint32 bytes = GUINT32_TO_BE (pixel << 8);

  memcpy (out, &bytes, 4);
}

static guint8 *
filter_rgb_row (const guint32 *row,
                const guint32 *above,
                int            width,
                guint8        *out)
{
  if (above == NULL)
    {
      *out++ = FILTER_NONE;
      for (int x = 0; x < width; x++, out += 3)
        store_rgb (out, row[x]);
      return out;
    }

  /* subtracting the ARGB words subtracts the RGB bytes */
  *out++ = FILTER_UP;
  for (int x = 0; x < width; x++, out += 3)
    store_rgb (out, subtract_bytes (row[x], above[x]));
  return out;
}

/* PNG wants colour that is not premultiplied by alpha. */
static void
unpremultiply_row (const guint32 *row,
                   int            width,
                   guint32       *rgba)
{
  for (int x = 0; x < width; x++)
    {
      guint32 pixel = row[x];
      guint alpha = pixel >> 24;
      guint8 bytes[4] = { pixel >> 16, pixel >> 8, pixel, alpha };

      if (alpha == 0)
        memset (bytes, 0, 3);
      else if (alpha != 0xff)
        for (int i = 0; i < 3; i++)
          bytes[i] = (bytes[i] * 255 + alpha / 2) / alpha;
      memcpy (&rgba[x], bytes, 4);
    }
}

static guint8 *
filter_rgba_row (const guint32 *rgba,
                 const guint32 *above,
                 int            width,
                 guint8        *out)
{
  *out++ = above != NULL ? FILTER_UP : FILTER_NONE;
  for (int x = 0; x < width; x++, out += 4)
    {
      guint32 word = above != NULL ? subtract_bytes (rgba[x], above[x]) : rgba[x];

      memcpy (out, &word, 4);
    }
  return out;
}

/* Filters rows @first to @last − 1, the first at @rows (the row above is right before it),
 * into @scratch->filtered; returns the length. */
static gsize
filter_rows (KrPngWriter  *self,
             Scratch      *scratch,
             const guint8 *rows,
             int           first,
             int           last)
{
  guint8 *out = scratch->filtered;

  if (self->channels == 3)
    {
      for (int y = first; y < last; y++, rows += self->stride)
        out = filter_rgb_row ((const guint32 *) rows, y > 0 ? (const guint32 *) (rows - self->stride) : NULL,
                              self->width, out);
      return out - scratch->filtered;
    }

  if (first > 0)
    unpremultiply_row ((const guint32 *) (rows - self->stride), self->width, scratch->rgba[1]);
  for (int y = first; y < last; y++, rows += self->stride)
    {
      guint32 *above = scratch->rgba[1];

      unpremultiply_row ((const guint32 *) rows, self->width, scratch->rgba[0]);
      out = filter_rgba_row (scratch->rgba[0], y > 0 ? above : NULL, self->width, out);
      scratch->rgba[1] = scratch->rgba[0];
      scratch->rgba[0] = above;
    }
  return out - scratch->filtered;
}

static gboolean
scratch_init (Scratch     *scratch,
              KrPngWriter *self)
{
  gsize band_length = KR_PNG_WRITER_BAND_ROWS * (1 + (gsize) self->width * self->channels);

  if (deflateInit2 (&scratch->stream, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return FALSE;
  scratch->stream_ready = TRUE;
  scratch->filtered = g_malloc (band_length + 1);
  /* the bound is for Z_FINISH; a sync flush adds an empty stored block */
  scratch->deflated_capacity = deflateBound (&scratch->stream, band_length) + 64;
  scratch->deflated = g_malloc (scratch->deflated_capacity);
  if (self->channels == 4)
    {
      scratch->rgba[0] = g_new (guint32, self->width);
      scratch->rgba[1] = g_new (guint32, self->width);
    }
  return TRUE;
}

static void
scratch_clear (Scratch *scratch)
{
  if (scratch->stream_ready)
    deflateEnd (&scratch->stream);
  g_free (scratch->filtered);
  g_free (scratch->deflated);
  g_free (scratch->rgba[0]);
  g_free (scratch->rgba[1]);
}

/* One raw deflate stream, ended by a sync flush (so that the next band's stream can follow
 * it) or, for the last band, as the end of the whole stream. It goes into @scratch's buffer,
 * large enough for any band, and is copied out at its real, much smaller size: allocating
 * and freeing large blocks for every band would cost page faults. */
static gboolean
deflate_band (Scratch  *scratch,
              Band     *band,
              gboolean  last)
{
  z_stream *stream = &scratch->stream;

  if (deflateReset (stream) != Z_OK)
    return FALSE;

  stream->next_in = scratch->filtered;
  stream->avail_in = (uInt) band->raw_length;
  stream->next_out = scratch->deflated;
  stream->avail_out = (uInt) scratch->deflated_capacity;
  if (deflate (stream, last ? Z_FINISH : Z_SYNC_FLUSH) == Z_STREAM_ERROR ||
      stream->avail_in > 0 || stream->avail_out == 0)
    return FALSE;

  band->deflated_length = scratch->deflated_capacity - stream->avail_out;
  band->deflated = g_memdup2 (scratch->deflated, band->deflated_length);
  return TRUE;
}

static Slot *
get_slot (KrPngWriter *self,
          int          row)
{
  return &self->slots[(row / self->chunk_rows) % self->n_slots];
}

static void
compress_band (KrPngWriter *self,
               guint        index,
               Scratch     *scratch)
{
  Band *band = &self->bands[index];
  int first = index * KR_PNG_WRITER_BAND_ROWS;
  int last = MIN (first + KR_PNG_WRITER_BAND_ROWS, self->height);
  /* set before the rows were final, and kept until this band is compressed */
  const Slot *slot = get_slot (self, first);
  const guint8 *rows = slot->rows + (gsize) (first - slot->first_row) * self->stride;

  if (!scratch->stream_ready && !scratch_init (scratch, self))
    {
      band->failed = TRUE;
      return;
    }

  band->raw_length = filter_rows (self, scratch, rows, first, last);
  band->adler = libdeflate_adler32 (1, scratch->filtered, band->raw_length);
  band->failed = !deflate_band (scratch, band, index + 1 == self->n_bands);
}

static gboolean
band_is_final (KrPngWriter *self,
               guint        index)
{
  return self->final_rows >= MIN ((int) (index + 1) * KR_PNG_WRITER_BAND_ROWS, self->height);
}

/* Takes the next band if its rows are final, waiting for them if @wait; %FALSE when none
 * can be had. Called with the mutex held. */
static gboolean
take_band (KrPngWriter *self,
           gboolean     wait,
           guint       *index)
{
  while (wait && !self->cancelled && self->next_band < self->n_bands && !band_is_final (self, self->next_band))
    g_cond_wait (&self->changed, &self->mutex);

  if (self->cancelled || self->next_band >= self->n_bands || !band_is_final (self, self->next_band))
    return FALSE;

  *index = self->next_band++;
  return TRUE;
}

/* Compresses band @index, letting go of the mutex meanwhile. */
static void
compress_taken_band (KrPngWriter *self,
                     guint        index,
                     Scratch     *scratch)
{
  g_mutex_unlock (&self->mutex);
  compress_band (self, index, scratch);
  g_mutex_lock (&self->mutex);

  get_slot (self, index * KR_PNG_WRITER_BAND_ROWS)->bands_left--;
  g_cond_broadcast (&self->changed);
}

/* Compresses bands as their rows become final, until none is left. */
static void
compress_bands (KrPngWriter *self,
                Scratch     *scratch)
{
  guint index;

  g_mutex_lock (&self->mutex);
  while (take_band (self, TRUE, &index))
    compress_taken_band (self, index, scratch);
  g_mutex_unlock (&self->mutex);
}

static gpointer
run_worker (gpointer data)
{
  Scratch scratch = { 0 };

  compress_bands (data, &scratch);
  scratch_clear (&scratch);
  return NULL;
}

static void
start_workers (KrPngWriter *self,
               guint        n_workers)
{
  for (guint i = 0; i < MIN (n_workers, self->n_bands); i++)
    {
      GThread *thread = g_thread_try_new ("kr-png-writer", run_worker, self, NULL);

      /* without it, the drawing thread compresses more itself */
      if (thread != NULL)
        g_ptr_array_add (self->workers, thread);
    }
}

static void
cancel (KrPngWriter *self)
{
  g_mutex_lock (&self->mutex);
  self->cancelled = TRUE;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->mutex);
}

static void
join_workers (KrPngWriter *self)
{
  for (guint i = 0; i < self->workers->len; i++)
    g_thread_join (self->workers->pdata[i]);
  g_ptr_array_set_size (self->workers, 0);
}

static void
append_uint32 (GByteArray *array,
               guint32     value)
{
  guint32 big_endian = GUINT32_TO_BE (value);

  g_byte_array_append (array, (const guint8 *) &big_endian, 4);
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  uLong crc = crc32 (0, (const Bytef *) type, 4);

  if (length > 0)   /* crc32 () with no data starts over */
    crc = crc32 (crc, data, (uInt) length);
  append_uint32 (png, (guint32) length);
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, (guint) length);
  append_uint32 (png, (guint32) crc);
}

/* The zlib header of a stream with a 32 KiB window compressed at the fastest level. */
static const guint8 zlib_header[2] = { 0x78, 0x01 };

static GByteArray *
join_bands (KrPngWriter *self)
{
  gsize length = sizeof zlib_header + 4;
  GByteArray *stream;
  uLong adler = adler32 (0, NULL, 0);

  for (guint i = 0; i < self->n_bands; i++)
    length += self->bands[i].deflated_length;

  stream = g_byte_array_sized_new ((guint) length);
  g_byte_array_append (stream, zlib_header, sizeof zlib_header);
  for (guint i = 0; i < self->n_bands; i++)
    {
      Band *band = &self->bands[i];

      g_byte_array_append (stream, band->deflated, (guint) band->deflated_length);
      adler = adler32_combine (adler, band->adler, (z_off_t) band->raw_length);
    }
  append_uint32 (stream, (guint32) adler);

  return stream;
}

static GBytes *
assemble_png (KrPngWriter *self)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) stream = join_bands (self);
  GByteArray *png = g_byte_array_sized_new (stream->len + stream->len / IDAT_MAX_LENGTH * 12 + 128);
  g_autoptr(GByteArray) header = g_byte_array_new ();
  g_autoptr(GByteArray) resolution = g_byte_array_new ();
  guint32 pixels_per_metre = (guint32) lround (self->dpi / 0.0254);

  g_byte_array_append (png, signature, sizeof signature);

  append_uint32 (header, (guint32) self->width);
  append_uint32 (header, (guint32) self->height);
  g_byte_array_append (header, (const guint8[]) { 8, self->channels == 4 ? 6 : 2, 0, 0, 0 }, 5);
  append_chunk (png, "IHDR", header->data, header->len);

  append_uint32 (resolution, pixels_per_metre);
  append_uint32 (resolution, pixels_per_metre);
  g_byte_array_append (resolution, (const guint8[]) { 1 }, 1);   /* unit: the metre */
  append_chunk (png, "pHYs", resolution->data, resolution->len);

  for (guint offset = 0; offset < stream->len; offset += IDAT_MAX_LENGTH)
    append_chunk (png, "IDAT", stream->data + offset, MIN (IDAT_MAX_LENGTH, stream->len - offset));

  append_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (png);
}

static KrPngWriter *
writer_new (cairo_format_t format,
            int            width,
            int            height,
            int            stride,
            double         dpi)
{
  KrPngWriter *self = g_new0 (KrPngWriter, 1);

  self->format = format;
  self->width = width;
  self->height = height;
  self->stride = stride;
  self->channels = format == CAIRO_FORMAT_RGB24 ? 3 : 4;
  self->dpi = dpi;
  self->n_bands = (height + KR_PNG_WRITER_BAND_ROWS - 1) / KR_PNG_WRITER_BAND_ROWS;
  self->bands = g_new0 (Band, self->n_bands);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->changed);
  self->workers = g_ptr_array_new ();

  return self;
}

static guint
default_n_workers (void)
{
  return MAX (g_get_num_processors (), 2) - 1;
}

/* For tests: @n_workers threads besides the drawing one; the bytes are the same for any number. */
KrPngWriter *
kr_png_writer_new_with_workers (cairo_format_t format,
                                int            width,
                                int            height,
                                double         dpi,
                                guint          n_workers)
{
  KrPngWriter *self;

  g_return_val_if_fail (format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32, NULL);
  g_return_val_if_fail (width > 0 && height >= 0, NULL);
  g_return_val_if_fail (cairo_format_stride_for_width (format, width) > 0, NULL);
  g_return_val_if_fail (dpi > 0, NULL);

  self = writer_new (format, width, height, cairo_format_stride_for_width (format, width), dpi);
  self->chunk_rows = CHUNK_BANDS * KR_PNG_WRITER_BAND_ROWS;
  self->n_slots = N_SLOTS;
  start_workers (self, n_workers);

  return self;
}

/**
 * kr_png_writer_new:
 * @format: %CAIRO_FORMAT_RGB24 (written as RGB) or %CAIRO_FORMAT_ARGB32 (written as RGBA)
 * @dpi: the physical resolution to record
 *
 * Starts a PNG file that is drawn a few rows at a time, from the top down: get each chunk
 * of rows with kr_png_writer_begin_rows(), draw it and hand it back with
 * kr_png_writer_end_rows(); threads compress it meanwhile. kr_png_writer_finish() gives
 * the file.
 */
KrPngWriter *
kr_png_writer_new (cairo_format_t format,
                   int            width,
                   int            height,
                   double         dpi)
{
  return kr_png_writer_new_with_workers (format, width, height, dpi, default_n_workers ());
}

/* Waits until the chunk drawn in @slot before is compressed, compressing it too. */
static void
wait_for_slot (KrPngWriter *self,
               Slot        *slot)
{
  guint index;

  g_mutex_lock (&self->mutex);
  while (slot->bands_left > 0)
    {
      if (take_band (self, FALSE, &index))
        compress_taken_band (self, index, &self->scratch);
      else
        g_cond_wait (&self->changed, &self->mutex);
    }
  g_mutex_unlock (&self->mutex);
}

/**
 * kr_png_writer_begin_rows:
 * @first_row: (out): the first row to draw
 * @n_rows: (out): how many
 *
 * Returns: (nullable) (transfer none): the surface to draw the next rows on, in the
 *   coordinates of the whole picture (it has a device offset); %NULL when every row is
 *   drawn. Its pixels are left from earlier rows: paint every one (with
 *   %CAIRO_OPERATOR_CLEAR for a transparent background). Destroy every context drawing on
 *   it before kr_png_writer_end_rows().
 */
cairo_surface_t *
kr_png_writer_begin_rows (KrPngWriter *self,
                          int         *first_row,
                          int         *n_rows)
{
  int y, n;
  Slot *slot;

  g_return_val_if_fail (self != NULL && self->n_slots == N_SLOTS, NULL);
  g_return_val_if_fail (self->drawing == NULL, NULL);

  y = self->next_row;
  n = MIN (self->chunk_rows, self->height - y);
  if (n <= 0 || self->out_of_memory)
    return NULL;

  slot = get_slot (self, y);
  wait_for_slot (self, slot);
  if (slot->memory == NULL)
    {
      slot->memory = g_try_malloc ((gsize) (self->chunk_rows + 1) * self->stride);
      self->out_of_memory = slot->memory == NULL;
      if (self->out_of_memory)
        return NULL;
      slot->rows = slot->memory + self->stride;
    }

  if (y > 0)
    {
      const Slot *previous = get_slot (self, y - 1);

      memcpy (slot->memory, previous->rows + (gsize) (y - 1 - previous->first_row) * self->stride, self->stride);
    }

  g_mutex_lock (&self->mutex);
  slot->first_row = y;
  slot->bands_left = (n + KR_PNG_WRITER_BAND_ROWS - 1) / KR_PNG_WRITER_BAND_ROWS;
  g_mutex_unlock (&self->mutex);

  self->drawing = cairo_image_surface_create_for_data (slot->memory + self->stride, self->format,
                                                       self->width, n, self->stride);
  cairo_surface_set_device_offset (self->drawing, 0, -y);
  *first_row = y;
  *n_rows = n;
  return self->drawing;
}

/**
 * kr_png_writer_end_rows:
 *
 * Hands the rows of kr_png_writer_begin_rows() over, drawn for good.
 */
void
kr_png_writer_end_rows (KrPngWriter *self)
{
  g_return_if_fail (self != NULL && self->drawing != NULL);

  self->next_row += cairo_image_surface_get_height (self->drawing);
  cairo_surface_finish (self->drawing);
  g_clear_pointer (&self->drawing, cairo_surface_destroy);

  g_mutex_lock (&self->mutex);
  self->final_rows = self->next_row;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->mutex);
}

/**
 * kr_png_writer_finish:
 *
 * Compresses what is left, in the calling thread too; every row must have been drawn.
 *
 * Returns: the PNG file's bytes, or %NULL with @error set.
 */
GBytes *
kr_png_writer_finish (KrPngWriter *self,
                      GError     **error)
{
  gboolean failed;

  g_return_val_if_fail (self != NULL && self->drawing == NULL, NULL);

  if (self->final_rows < self->height)   /* not all drawn: the workers would wait for ever */
    cancel (self);
  compress_bands (self, &self->scratch);
  join_workers (self);

  if (self->out_of_memory)
    {
      g_set_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_FAILED, _("The picture could not be drawn: %s"),
                   cairo_status_to_string (CAIRO_STATUS_NO_MEMORY));
      return NULL;
    }

  failed = self->n_bands == 0 || self->final_rows < self->height;
  for (guint i = 0; i < self->n_bands; i++)
    failed |= self->bands[i].failed || self->bands[i].deflated == NULL;

  if (failed)
    {
      g_set_error (error, KR_EXPORT_ERROR, KR_EXPORT_ERROR_FAILED,
                   _("The picture could not be compressed"));
      return NULL;
    }

  return assemble_png (self);
}

/* Stops the threads, whether kr_png_writer_finish() was called or not. */
void
kr_png_writer_free (KrPngWriter *self)
{
  if (self == NULL)
    return;

  cancel (self);
  join_workers (self);

  g_clear_pointer (&self->drawing, cairo_surface_destroy);
  scratch_clear (&self->scratch);
  for (guint i = 0; i < self->n_slots; i++)
    g_free (self->slots[i].memory);
  for (guint i = 0; i < self->n_bands; i++)
    g_free (self->bands[i].deflated);
  g_free (self->bands);
  g_ptr_array_unref (self->workers);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->changed);
  g_free (self);
}

/* For tests: @n_workers threads besides the calling one; the bytes are the same for any number. */
GBytes *
kr_png_writer_encode_with_workers (cairo_surface_t *surface,
                                   double           dpi,
                                   guint            n_workers,
                                   GError         **error)
{
  cairo_format_t format = cairo_image_surface_get_format (surface);
  g_autoptr(KrPngWriter) self = NULL;
  int height = cairo_image_surface_get_height (surface);

  g_return_val_if_fail (format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32, NULL);
  g_return_val_if_fail (dpi > 0, NULL);

  cairo_surface_flush (surface);
  self = writer_new (format, cairo_image_surface_get_width (surface), height,
                     cairo_image_surface_get_stride (surface), dpi);
  /* one chunk, final from the start */
  self->chunk_rows = MAX (height, 1);
  self->n_slots = 1;
  self->slots[0] = (Slot) { NULL, cairo_image_surface_get_data (surface), 0, self->n_bands };
  self->next_row = self->final_rows = height;
  start_workers (self, n_workers);

  return kr_png_writer_finish (self, error);
}

/**
 * kr_png_writer_encode:
 * @surface: an RGB24 (written as RGB) or ARGB32 (written as RGBA) image surface
 * @dpi: the physical resolution to record
 *
 * Returns: the PNG file's bytes, or %NULL with @error set.
 */
GBytes *
kr_png_writer_encode (cairo_surface_t *surface,
                      double           dpi,
                      GError         **error)
{
  return kr_png_writer_encode_with_workers (surface, dpi, default_n_workers (), error);
}
