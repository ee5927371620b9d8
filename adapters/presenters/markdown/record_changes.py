"""Editing and removing internal communications, in Markdown; the note's text is quoted as data."""

from __future__ import annotations

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.text import html_to_text, one_line, quote_line
from application.use_cases.record_changes import NoteDeleted, NoteEdited

NOTE_PREVIEW = 200


def present_note_edited(edited: NoteEdited, fmt: Formatter) -> str:
    """The text as TiFlux kept it (its first 200 characters), not as it was sent."""
    t, note = fmt.t, edited.note
    author = fmt.named(note.author.name, note.author.id) if note.author else t("none")
    preview = one_line(html_to_text(note.text_html), limit=NOTE_PREVIEW)
    return lines(
        f"## {t('notes.edited', id=note.id, number=edited.number)}",
        "",
        bullet(t("notes.author"), author),
        t("untrusted.previews"),
        quote_line(preview) if preview else t("notes.no_text"),
    )


def present_note_deleted(deleted: NoteDeleted, fmt: Formatter) -> str:
    return fmt.t("notes.deleted", id=deleted.communication_id, number=deleted.number)
