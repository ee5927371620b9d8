"""A ticket's uploads and file deletions in Markdown."""

from __future__ import annotations

from adapters.presenters.markdown.format import Formatter, lines
from adapters.presenters.markdown.text import inline
from application.use_cases.ticket_files import AnswerFileDeleted, FilesUploaded, TicketFileDeleted


def present_uploaded(uploaded: FilesUploaded, fmt: Formatter) -> str:
    """The files TiFlux lists back (name, ID, size); the names sent when it lists none."""
    t = fmt.t
    if uploaded.files:
        items = [
            f"- **{inline(f.name) or t('none')}** (ID {f.id}) · {fmt.size(f.size_bytes)}"
            for f in uploaded.files
        ]
    else:
        items = [f"- **{inline(name)}**" for name in uploaded.sent]
    heading = t("ticket_files.uploaded", count=len(uploaded.sent), number=uploaded.number)
    return lines(f"## {heading}", "", items, "", t("ticket_files.listed"))


def present_ticket_file_deleted(deleted: TicketFileDeleted, fmt: Formatter) -> str:
    return fmt.t("ticket_files.deleted", file_id=deleted.file_id, number=deleted.number)


def present_answer_file_deleted(deleted: AnswerFileDeleted, fmt: Formatter) -> str:
    return fmt.t("ticket_files.answer_file_deleted", file_id=deleted.file_id, answer_id=deleted.answer_id)
