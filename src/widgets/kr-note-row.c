/* kr-note-row.c
 *
 * The note's text in a field of its own (typing is one undoable step per note), when it was
 * written, and a button that deletes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "kr-form.h"
#include "kr-note-row.h"

struct _KrNoteRow
{
  GtkListBoxRow parent_instance;

  KrEditor *editor;
  KrTouchpoint *touchpoint;
  KrNote *note;
  KrForm *form;

  GtkLabel *created_label;
  GtkButton *delete_button;
  KrTextArea *text_area;
};

G_DEFINE_FINAL_TYPE (KrNoteRow, kr_note_row, GTK_TYPE_LIST_BOX_ROW)

static void
kr_note_row_dispose (GObject *object)
{
  KrNoteRow *self = KR_NOTE_ROW (object);

  g_clear_object (&self->form);
  g_clear_object (&self->editor);
  g_clear_object (&self->touchpoint);
  g_clear_object (&self->note);

  G_OBJECT_CLASS (kr_note_row_parent_class)->dispose (object);
}

static void
kr_note_row_class_init (KrNoteRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kr_note_row_dispose;
}

static void
delete_clicked_cb (KrNoteRow *self)
{
  /* the row goes away with the note */
  g_autoptr(KrNoteRow) keep = g_object_ref (self);

  kr_editor_remove_note (self->editor, self->touchpoint, self->note);
}

static void
kr_note_row_init (KrNoteRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 12);

  self->created_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->created_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->created_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->created_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->created_label), "dim-label");

  self->delete_button = GTK_BUTTON (gtk_button_new_from_icon_name ("user-trash-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->delete_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->delete_button), "circular");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button), _("Delete Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Note"), -1);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);

  self->text_area = KR_TEXT_AREA (kr_text_area_new (NULL));
  gtk_widget_set_margin_end (GTK_WIDGET (self->text_area), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kr_text_area_get_text_view (self->text_area)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);

  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->created_label));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->delete_button));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->text_area));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);

  self->form = kr_form_new ();
  kr_form_add (self->form, GTK_WIDGET (self->text_area), "text", KR_FORM_TEXT);
}

/* "Written 22/11/26 10:00" in local time, or nothing for a note without a valid date. */
static char *
describe_created (const char *created)
{
  g_autoptr(GDateTime) utc = created && *created ? g_date_time_new_from_iso8601 (created, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%x %H:%M") : NULL;

  /* TRANSLATORS: when a note was written, a date and time */
  return when ? g_strdup_printf (_("Written %s"), when) : g_strdup ("");
}

GtkWidget *
kr_note_row_new (KrEditor     *editor,
                 KrTouchpoint *touchpoint,
                 KrNote       *note)
{
  KrNoteRow *self = g_object_new (KR_TYPE_NOTE_ROW, NULL);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autofree char *created = describe_created (kr_note_get_created (note));

  self->editor = g_object_ref (editor);
  self->touchpoint = g_object_ref (touchpoint);
  self->note = g_object_ref (note);

  gtk_label_set_text (self->created_label, created);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->created_label), kr_note_get_created (note));

  g_ptr_array_add (targets, note);
  kr_form_set_editor (self->form, editor);
  kr_form_set_targets (self->form, targets);

  return GTK_WIDGET (self);
}

KrNote *
kr_note_row_get_note (KrNoteRow *self)
{
  g_return_val_if_fail (KR_IS_NOTE_ROW (self), NULL);
  return self->note;
}

KrTextArea *
kr_note_row_get_text_area (KrNoteRow *self)
{
  g_return_val_if_fail (KR_IS_NOTE_ROW (self), NULL);
  return self->text_area;
}

GtkButton *
kr_note_row_get_delete_button (KrNoteRow *self)
{
  g_return_val_if_fail (KR_IS_NOTE_ROW (self), NULL);
  return self->delete_button;
}
