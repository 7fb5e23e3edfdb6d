/* kr-command-line.c
 *
 * `kringel --export` loads, renders and writes without ever initialising GTK, so it runs on
 * a server without a display. Errors go to stderr as "kringel: FILE:LINE:COLUMN: message".
 *
 * Every option value is checked, every input loaded and every export measured before the
 * first file is written: a mistake anywhere in a batch writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kr-command-line.h"
#include "kr-export.h"
#include "kr-map-loader.h"
#include "kr-renderer.h"

#define MAX_SIZE 1000000

struct _KrCommandLine
{
  char *output;
  char *output_dir;
  char *format;
  char *scale;
  char *width;
  char *size;
  char *preset;
  char *theme;
  char *background;
  char *only;
  char *selection;
  char *margin;
  char *slides;        /* "" for --slides without a number */
  GPtrArray *taken_inputs;   /* map files that GLib handed to --slides as its value */
  gboolean no_notes;
  gboolean no_personas;
  gboolean no_emotion_curve;
};

/* One map to export and where to. */
typedef struct
{
  GFile *input;
  GFile *output;
  KrMap *map;
  KrRenderer *renderer;   /* measures and exports the map: its routes are found once */
} Job;

static void
job_clear (Job *job)
{
  g_clear_object (&job->input);
  g_clear_object (&job->output);
  g_clear_object (&job->map);
  g_clear_object (&job->renderer);
}

KrCommandLine *
kr_command_line_new (void)
{
  return g_new0 (KrCommandLine, 1);
}

void
kr_command_line_free (KrCommandLine *self)
{
  if (self == NULL)
    return;

  g_free (self->output);
  g_free (self->output_dir);
  g_free (self->format);
  g_free (self->scale);
  g_free (self->width);
  g_free (self->size);
  g_free (self->preset);
  g_free (self->theme);
  g_free (self->background);
  g_free (self->only);
  g_free (self->selection);
  g_free (self->margin);
  g_free (self->slides);
  g_clear_pointer (&self->taken_inputs, g_ptr_array_unref);
  g_free (self);
}

static gboolean
parse_slides (const char  *option_name,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  KrCommandLine *self = data;

  /* GLib gives an optional value the next argument unless it starts with “-”, so in
   * `--slides map.kringel` the map arrives here. */
  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, NULL, NULL) &&
      g_file_test (value, G_FILE_TEST_EXISTS))
    {
      if (self->taken_inputs == NULL)
        self->taken_inputs = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->taken_inputs, g_strdup (value));
      value = NULL;
    }

  g_free (self->slides);
  self->slides = g_strdup (value ? value : "");
  return TRUE;
}

/**
 * kr_command_line_create_option_group:
 *
 * Returns: (transfer full): the options of --export; they fill in @self, which must outlive
 *   the group's parsing.
 */
GOptionGroup *
kr_command_line_create_option_group (KrCommandLine *self)
{
  const GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &self->output,
      N_("Write a picture of FILE to OUT (PNG, SVG or PDF) without opening a window"), N_("OUT") },
    { "output-dir", 'o', 0, G_OPTION_ARG_FILENAME, &self->output_dir,
      N_("Export several maps, each to DIR/NAME.png (or .svg, .pdf)"), N_("DIR") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &self->format,
      N_("The picture format: png, svg or pdf (default: from the name of OUT, or png)"), N_("FORMAT") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &self->scale,
      N_("Size as a multiple of the map at 100 % (default 1)"), N_("N") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &self->width,
      N_("Width in pixels; the height follows"), N_("W") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &self->size,
      N_("Fit the map into W × H pixels, centred"), N_("WxH") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &self->preset,
      N_("Fit the map onto a slide or page (see below)"), N_("NAME") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &self->theme,
      N_("Colours: light, dark or projector (default light)"), N_("THEME") },
    { "background", 0, 0, G_OPTION_ARG_STRING, &self->background,
      N_("white, transparent or theme (default theme)"), N_("BACKGROUND") },
    { "margin", 0, 0, G_OPTION_ARG_STRING, &self->margin,
      N_("Blank space around the map, in pixels at 100 % (default 24)"), N_("N") },
    { "only", 0, 0, G_OPTION_ARG_STRING, &self->only,
      N_("Only the phase with this id, with the lane titles"), N_("PHASE_ID") },
    { "selection", 0, 0, G_OPTION_ARG_STRING, &self->selection,
      N_("Only the touchpoints with these ids, separated by commas"), N_("IDS") },
    { "slides", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, parse_slides,
      N_("One slide per phase, or per N phases (--slides=N): OUT-1.png, OUT-2.png, … or one page each in a PDF"),
      N_("N") },
    { "no-notes", 0, 0, G_OPTION_ARG_NONE, &self->no_notes, N_("Leave out the notes"), NULL },
    { "no-personas", 0, 0, G_OPTION_ARG_NONE, &self->no_personas, N_("Leave out the personas"), NULL },
    { "no-emotion-curve", 0, 0, G_OPTION_ARG_NONE, &self->no_emotion_curve, N_("Leave out the emotion curve"), NULL },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("export", _("Export options:"), _("Show the export options"),
                                            self, NULL);

  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  return group;
}

/* The text under the options of --help: the presets and examples. */
char *
kr_command_line_get_help_description (void)
{
  GString *text = g_string_new (_("Presets for --preset:"));
  guint n_presets;
  const KrExportPreset *presets = kr_export_get_presets (&n_presets);

  g_string_append_c (text, '\n');
  for (guint i = 0; i < n_presets; i++)
    g_string_append_printf (text, "  %-12s%s\n", presets[i].name, _(presets[i].label));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Examples:\n"
                           "  kringel --export map.png --preset slide-hd map.kringel\n"
                           "  kringel --export deck.pdf --preset slide-hd --slides=2 map.kringel\n"
                           "  kringel --output-dir pictures --format svg *.kringel"));
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

gboolean
kr_command_line_wants_export (KrCommandLine *self)
{
  return self->output != NULL || self->output_dir != NULL;
}

/* Export options without --export are a mistake, not something to ignore silently. */
gboolean
kr_command_line_check_unused (KrCommandLine  *self,
                              GError        **error)
{
  const struct { const char *name; gboolean given; } options[] = {
    { "--format", self->format != NULL }, { "--scale", self->scale != NULL },
    { "--width", self->width != NULL }, { "--size", self->size != NULL },
    { "--preset", self->preset != NULL }, { "--theme", self->theme != NULL },
    { "--background", self->background != NULL }, { "--margin", self->margin != NULL },
    { "--only", self->only != NULL }, { "--selection", self->selection != NULL },
    { "--slides", self->slides != NULL }, { "--no-notes", self->no_notes },
    { "--no-personas", self->no_personas }, { "--no-emotion-curve", self->no_emotion_curve },
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (options[i].given)
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                     _("%s only applies to --export or --output-dir"), options[i].name);
        return FALSE;
      }

  return TRUE;
}

/* Option values */

static gboolean
bad_value (GError    **error,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static gboolean
bad_value (GError    **error,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
parse_number (const char *text,
              double      minimum,
              double      maximum,
              double     *number)
{
  char *end;

  if (text == NULL || *text == '\0')
    return FALSE;

  *number = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*number) && *number >= minimum && *number <= maximum;
}

static gboolean
parse_count (const char *text,
             guint64     maximum,
             int        *count)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, maximum, &value, NULL))
    return FALSE;

  *count = (int) value;
  return TRUE;
}

/* "1920x1080", also with a capital X or “×” */
static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_autofree char *copy = g_strdup (text);
  char *separator = strchr (copy, 'x');
  const char *second;

  if (separator == NULL)
    separator = strchr (copy, 'X');
  if (separator != NULL)
    second = separator + 1;
  else if ((separator = strstr (copy, "×")) != NULL)
    second = separator + strlen ("×");
  else
    return FALSE;

  *separator = '\0';
  return parse_count (copy, MAX_SIZE, width) && parse_count (second, MAX_SIZE, height);
}

static char *
list_presets (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint n_presets;
  const KrExportPreset *presets = kr_export_get_presets (&n_presets);

  for (guint i = 0; i < n_presets; i++)
    g_strv_builder_add (builder, presets[i].name);
  names = g_strv_builder_end (builder);
  return g_strjoinv (", ", names);
}

static gboolean
parse_format (KrCommandLine   *self,
              KrExportOptions *options,
              GError         **error)
{
  KrExportFormat from_name;
  gboolean named = self->output != NULL && kr_export_format_guess (self->output, &from_name);

  if (self->format != NULL)
    {
      if (!kr_export_format_from_name (self->format, &options->format))
        return bad_value (error, _("--format: unknown format “%s”; use png, svg or pdf"), self->format);
      if (named && from_name != options->format)
        return bad_value (error, _("%s is named like a %s file, but --format is %s"), self->output,
                          kr_export_format_get_extension (from_name), kr_export_format_get_extension (options->format));
      return TRUE;
    }

  if (self->output == NULL)
    options->format = KR_EXPORT_PNG;
  else if (named)
    options->format = from_name;
  else
    return bad_value (error, _("%s: cannot tell the format from the name; add --format png, svg or pdf"), self->output);

  return TRUE;
}

static gboolean
parse_size_options (KrCommandLine   *self,
                    KrExportOptions *options,
                    GError         **error)
{
  int given = (self->scale != NULL) + (self->width != NULL) + (self->size != NULL) + (self->preset != NULL);

  if (given > 1)
    return bad_value (error, _("--scale, --width, --size and --preset each set the size; give only one"));

  if (self->scale != NULL)
    {
      g_autofree char *number = g_strdup (self->scale);
      gsize length = strlen (number);

      /* "2x" reads as 2 */
      if (length > 1 && g_ascii_tolower (number[length - 1]) == 'x')
        number[length - 1] = '\0';
      options->size_mode = KR_EXPORT_SIZE_SCALE;
      if (!parse_number (number, 0.01, 100, &options->scale))
        return bad_value (error, _("--scale: “%s” is not a scale from 0.01 to 100, such as 2"), self->scale);
    }
  else if (self->width != NULL)
    {
      options->size_mode = KR_EXPORT_SIZE_WIDTH;
      if (!parse_count (self->width, MAX_SIZE, &options->width))
        return bad_value (error, _("--width: “%s” is not a number of pixels from 1 to %d"), self->width, MAX_SIZE);
    }
  else if (self->size != NULL)
    {
      options->size_mode = KR_EXPORT_SIZE_FIT;
      if (!parse_size (self->size, &options->width, &options->height))
        return bad_value (error, _("--size: “%s” is not a size such as 1920x1080"), self->size);
    }
  else if (self->preset != NULL)
    {
      options->size_mode = KR_EXPORT_SIZE_PRESET;
      options->preset = kr_export_preset_from_name (self->preset);
      if (options->preset == NULL)
        {
          g_autofree char *names = list_presets ();
          return bad_value (error, _("--preset: unknown preset “%s”; use one of %s"), self->preset, names);
        }
    }

  return TRUE;
}

static gboolean
parse_look (KrCommandLine   *self,
            KrExportOptions *options,
            GError         **error)
{
  if (self->theme != NULL && !kr_theme_id_from_name (self->theme, &options->theme))
    return bad_value (error, _("--theme: unknown theme “%s”; use light, dark or projector"), self->theme);

  if (self->background == NULL || g_str_equal (self->background, "theme"))
    options->background = KR_EXPORT_BACKGROUND_THEME;
  else if (g_str_equal (self->background, "white"))
    options->background = KR_EXPORT_BACKGROUND_WHITE;
  else if (g_str_equal (self->background, "transparent"))
    options->background = KR_EXPORT_BACKGROUND_TRANSPARENT;
  else
    return bad_value (error, _("--background: unknown background “%s”; use white, transparent or theme"),
                      self->background);

  if (self->margin != NULL && !parse_number (self->margin, 0, 10000, &options->margin))
    return bad_value (error, _("--margin: “%s” is not a number from 0 to 10000"), self->margin);

  if (self->no_notes)
    options->layers |= KR_RENDER_NO_NOTES;
  if (self->no_personas)
    options->layers |= KR_RENDER_NO_PERSONAS;
  if (self->no_emotion_curve)
    options->layers |= KR_RENDER_NO_EMOTION_CURVE;

  return TRUE;
}

/* --only, --selection and --slides; @selection keeps the ids that @options borrows. */
static gboolean
parse_scope (KrCommandLine   *self,
             KrExportOptions *options,
             GStrv           *selection,
             GError         **error)
{
  if (self->only != NULL && self->selection != NULL)
    return bad_value (error, _("--only and --selection exclude each other"));

  if (self->slides != NULL)
    {
      int per_slide = 1;

      if (self->only != NULL || self->selection != NULL)
        return bad_value (error, _("--slides splits the whole map; it cannot be combined with --only or --selection"));
      if (*self->slides != '\0' && !parse_count (self->slides, 1000, &per_slide))
        return bad_value (error, _("--slides: “%s” is not a number of phases per slide, such as 2"), self->slides);
      options->phases_per_slide = per_slide;
    }

  if (self->only != NULL)
    {
      if (*self->only == '\0')
        return bad_value (error, _("--only needs the id of a phase"));
      options->scope = KR_EXPORT_PHASE;
      options->phase_id = self->only;
    }
  else if (self->selection != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) parts = g_strsplit (self->selection, ",", -1);
      gboolean any = FALSE;

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (*parts[i] != '\0')
            {
              g_strv_builder_add (builder, parts[i]);
              any = TRUE;
            }
        }

      if (!any)
        return bad_value (error, _("--selection needs the ids of touchpoints, separated by commas"));
      *selection = g_strv_builder_end (builder);
      options->scope = KR_EXPORT_SELECTION;
      options->selection = (const char * const *) *selection;
    }

  return TRUE;
}

/* Inputs and outputs */

static char *
output_name_for (GFile          *input,
                 KrExportFormat  format)
{
  g_autofree char *basename = g_file_get_basename (input);
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    *dot = '\0';

  return g_strconcat (basename, ".", kr_export_format_get_extension (format), NULL);
}

static gboolean
plan_jobs (KrCommandLine      *self,
           const char * const *inputs,
           KrExportFormat      format,
           GArray             *jobs,
           GError            **error)
{
  g_autoptr(GFile) directory = NULL;
  guint n_inputs = inputs ? g_strv_length ((char **) inputs) : 0;

  if (self->output != NULL && self->output_dir != NULL)
    return bad_value (error, _("--export and --output-dir exclude each other"));
  if (n_inputs == 0)
    return bad_value (error, _("--export needs a map file"));
  if (self->output != NULL && n_inputs > 1)
    return bad_value (error, _("--export writes one map; for several use --output-dir DIR"));

  if (self->output_dir != NULL)
    {
      directory = g_file_new_for_commandline_arg (self->output_dir);
      if (g_file_query_file_type (directory, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
        return bad_value (error, _("--output-dir: %s is not a folder"), self->output_dir);
    }

  for (guint i = 0; i < n_inputs; i++)
    {
      Job job = { g_file_new_for_commandline_arg (inputs[i]) };
      g_autofree char *name = output_name_for (job.input, format);

      job.output = directory ? g_file_get_child (directory, name) : g_file_new_for_commandline_arg (self->output);
      g_array_append_val (jobs, job);
    }

  for (guint i = 0; i < jobs->len; i++)
    for (guint k = 0; k < jobs->len; k++)
      {
        Job *job = &g_array_index (jobs, Job, i);
        Job *other = &g_array_index (jobs, Job, k);
        g_autofree char *path = g_file_get_parse_name (job->output);

        if (g_file_equal (job->output, other->input))
          return bad_value (error, _("%s would overwrite a map"), path);
        if (i < k && g_file_equal (job->output, other->output))
          return bad_value (error, _("two maps would both be written to %s"), path);
      }

  return TRUE;
}

static void
print_error (GFile      *file,
             const char *message)
{
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_printerr ("kringel: %s: %s\n", name, message);
    }
  else
    g_printerr ("kringel: %s\n", message);
}

static void
warn_about_small_text (GFile                 *input,
                       const KrExportOptions *options,
                       const KrExportSize    *size)
{
  g_autofree char *warning = NULL;

  if (options->format == KR_EXPORT_PNG && size->smallest_text < KR_EXPORT_MIN_TEXT_PIXELS)
    warning = g_strdup_printf (_("warning: the smallest text will be %.1f pixels high, too few to read; "
                                 "a larger --scale, --width or --size helps"), size->smallest_text);
  else if (size->smallest_text_on_slide < KR_EXPORT_LEGIBLE_TEXT_SIZE &&
           (options->size_mode == KR_EXPORT_SIZE_PRESET || options->size_mode == KR_EXPORT_SIZE_FIT))
    warning = g_strdup_printf (_("warning: the smallest text will be %.1f pixels high on a 1080p slide, "
                                 "hard to read; --slides puts fewer phases on each"), size->smallest_text_on_slide);

  if (warning != NULL)
    print_error (input, warning);
}

/* Loads every map and checks that it exports with @options; reports every problem. */
static gboolean
prepare_jobs (GArray                *jobs,
              const KrExportOptions *options)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = &g_array_index (jobs, Job, i);
      g_autoptr(GError) error = NULL;
      KrExportOptions job_options = *options;
      KrExportSize size;

      job->map = kr_map_load_from_file (job->input, NULL, &error);
      if (job->map == NULL)
        {
          print_error (NULL, error->message);   /* names the file and the place */
          ok = FALSE;
          continue;
        }

      job->renderer = kr_renderer_new (options->theme);
      job_options.renderer = job->renderer;
      if (!kr_export_measure (job->map, &job_options, &size, &error))
        {
          print_error (job->input, error->message);
          ok = FALSE;
          continue;
        }

      warn_about_small_text (job->input, options, &size);
    }

  return ok;
}

/**
 * kr_command_line_export:
 * @inputs: the map files named on the command line
 *
 * Returns: the process exit status: 0, or 1 after printing what went wrong.
 */
int
kr_command_line_export (KrCommandLine      *self,
                        const char * const *inputs)
{
  g_autoptr(GArray) jobs = g_array_new (FALSE, TRUE, sizeof (Job));
  g_autoptr(GStrvBuilder) all_inputs = g_strv_builder_new ();
  g_auto(GStrv) selection = NULL;
  g_auto(GStrv) input_paths = NULL;
  g_autoptr(GError) error = NULL;
  KrExportOptions options;
  int status = 0;

  for (guint i = 0; self->taken_inputs != NULL && i < self->taken_inputs->len; i++)
    g_strv_builder_add (all_inputs, self->taken_inputs->pdata[i]);
  if (inputs != NULL)
    g_strv_builder_addv (all_inputs, (const char **) inputs);
  input_paths = g_strv_builder_end (all_inputs);

  g_array_set_clear_func (jobs, (GDestroyNotify) job_clear);
  kr_export_options_init (&options);

  if (!parse_format (self, &options, &error) ||
      !parse_size_options (self, &options, &error) ||
      !parse_look (self, &options, &error) ||
      !parse_scope (self, &options, &selection, &error) ||
      !plan_jobs (self, (const char * const *) input_paths, options.format, jobs, &error))
    {
      print_error (NULL, error->message);
      return 1;
    }

  kr_renderer_preload_fonts (options.theme);
  if (!prepare_jobs (jobs, &options))
    {
      kr_renderer_wait_for_fonts ();
      return 1;
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = &g_array_index (jobs, Job, i);

      options.renderer = job->renderer;
      if (!kr_export_map_to_file (job->map, job->output, &options, &error))
        {
          print_error (NULL, error->message);
          g_clear_error (&error);
          status = 1;
        }
      options.renderer = NULL;
      g_clear_object (&job->renderer);   /* its caches are this map's */
    }

  kr_renderer_wait_for_fonts ();
  return status;
}
