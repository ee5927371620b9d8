"""A ticket's answers, history and reopening in Markdown; what people wrote is quoted as data."""

from __future__ import annotations

from collections.abc import Iterator

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.text import html_to_text, inline, one_line, quote_line
from application.use_cases.ticket_activity import (
    AnswerDeleted,
    ChecklistItemUpdated,
    OneAnswer,
    TicketAnswers,
    TicketChecklists,
    TicketHistory,
    TicketReopened,
)
from domain.checklists import Checklist, ChecklistField
from domain.ticket_activity import AnswerFile, FieldChange, HistoryEvent, TicketAnswer

ANSWER_PREVIEW = 200
CHANGE_VALUE = 200


def present_answers(listing: TicketAnswers, fmt: Formatter) -> str:
    t = fmt.t
    page, number = listing.page, listing.number
    if not page.items:
        return t("answers.empty", number=number, page=page.request.number)
    items: list[str] = []
    for answer in page.items:
        items.append(f"- {_answer_head(answer, fmt)}")
        preview = one_line(html_to_text(answer.text_html), limit=ANSWER_PREVIEW)
        items.append(f"  {quote_line(preview)}" if preview else f"  {t('answers.no_text')}")
    return lines(
        f"## {t('answers.heading', number=number, page=page.request.number, count=len(page))}",
        t("untrusted.previews"),
        "",
        items,
        "",
        t("answers.more"),
        fmt.page_footer(page),
    )


def present_answer(found: OneAnswer, fmt: Formatter) -> str:
    t = fmt.t
    answer = found.answer
    text = html_to_text(answer.text_html)
    return lines(
        f"## {t('answers.one', id=answer.id, number=found.number)}",
        "",
        bullet(t("answers.author"), inline(answer.author) or t("none")),
        bullet(t("answers.when"), fmt.when(answer.answered_at)),
        bullet(t("answers.origin"), inline(answer.origin) or t("none")),
        _files(answer, fmt),
        "",
        fmt.stored_text(text) if text else t("answers.no_text"),
    )


def present_history(history: TicketHistory, fmt: Formatter) -> str:
    t = fmt.t
    page, number, of = history.page, history.number, history.query.of.name.lower()
    if not page.items:
        return t(f"history.empty.{of}", number=number, page=page.request.number)
    items: list[str] = []
    for event in page.items:
        items.append(f"- {_event_head(event, fmt)}")
        if event.action:
            items.append(f"  {quote_line(inline(event.action, limit=CHANGE_VALUE))}")
        items += [f"  {quote_line(_change(change, fmt))}" for change in event.changes]
    return lines(
        f"## {t(f'history.heading.{of}', number=number, page=page.request.number, count=len(page))}",
        t("untrusted.previews"),
        "",
        items,
        "",
        fmt.page_footer(page),
    )


def present_reopened(reopened: TicketReopened, fmt: Formatter) -> str:
    t = fmt.t
    message = inline(reopened.message, limit=300)
    return lines(
        f"## {t('reopen.done', number=reopened.number)}",
        bullet(t("reopen.message"), message) if message else None,
        t("reopen.next"),
    )


def _answer_head(answer: TicketAnswer, fmt: Formatter) -> str:
    t = fmt.t
    parts = [
        f"**#{answer.id}**",
        inline(answer.author) or t("none"),
        fmt.when(answer.answered_at),
        inline(answer.origin),
        "📎 " + t("answers.files", count=answer.files_count) if answer.files_count else "",
    ]
    return " · ".join(part for part in parts if part)


def _files(answer: TicketAnswer, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    if not answer.files:
        if answer.files_count:
            yield bullet(t("answers.attachments"), t("answers.files", count=answer.files_count))
        return
    yield bullet(t("answers.attachments"), t("answers.files", count=len(answer.files)))
    for position, file in enumerate(answer.files, start=1):
        yield f"  - {_file(file, position, fmt)}"


def _file(file: AnswerFile, position: int, fmt: Formatter) -> str:
    t = fmt.t
    name = inline(file.name, limit=200) or t("answers.file_unnamed", position=position)
    details = [f"ID {file.id}"]
    if file.size_bytes:
        details.append(fmt.size(file.size_bytes))
    if file.content_type:
        details.append(inline(file.content_type, limit=100))
    text = f"**{name}** ({', '.join(details)})"
    url = file.url or ""
    if url.startswith(("https://", "http://")) and " " not in url and ")" not in url:
        text += f" — [{t('answers.download')}]({url})"
    return text


def _event_head(event: HistoryEvent, fmt: Formatter) -> str:
    kind = "/".join(inline(part, limit=60) for part in (event.type, event.operation) if part)
    who = fmt.named(event.user.name, event.user.id) if event.user else fmt.t("none")
    parts = [f"**#{event.id}**", kind, who, fmt.when(event.at)]
    return " · ".join(part for part in parts if part)


def _change(change: FieldChange, fmt: Formatter) -> str:
    empty = fmt.t("history.empty_value")
    old = one_line(change.old, limit=CHANGE_VALUE) or empty
    new = one_line(change.new, limit=CHANGE_VALUE) or empty
    return f"{inline(change.field, limit=80)}: {old} → {new}"


def present_checklists(listing: TicketChecklists, fmt: Formatter) -> str:
    t = fmt.t
    page, number = listing.page, listing.number
    if not page.items:
        return t("checklists.empty", number=number, page=page.request.number)
    items: list[str] = []
    for checklist in page.items:
        items += ["", *_checklist(checklist, fmt)]
    return lines(
        f"## {t('checklists.heading', number=number, page=page.request.number, count=len(page))}",
        t("untrusted.previews"),
        items,
        "",
        fmt.page_footer(page),
    )


def present_checklist_item(updated: ChecklistItemUpdated, fmt: Formatter) -> str:
    t = fmt.t
    checklist, field = updated.checklist, updated.field
    state = "checklists.still_pending" if checklist.pending else "checklists.complete"
    return lines(
        f"## {t('checklists.updated', number=updated.number)}",
        bullet(t("checklists.checklist"), fmt.named(checklist.name, checklist.id)),
        bullet(t("checklists.status"), t(state)),
        list(_field(field, fmt)) if field else None,
    )


def _checklist(checklist: Checklist, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    ident = f"ID {checklist.id}" if checklist.id is not None else t("checklists.no_id")
    yield f"### {inline(checklist.name, limit=200) or t('none')} ({ident})"
    if checklist.description:
        yield f"_{inline(checklist.description, limit=300)}_"
    status = t("checklists.pending") if checklist.pending else t("checklists.no_pending")
    kind = t("checklists.mandatory") if checklist.required else t("checklists.optional")
    yield bullet(t("checklists.status"), f"{status} · {kind}")
    dates = t(
        "checklists.dates", created=fmt.when(checklist.created_at), updated=fmt.when(checklist.updated_at)
    )
    yield bullet(t("checklists.when"), dates)
    for field in checklist.fields:
        yield from _field(field, fmt)


def _field(field: ChecklistField, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    parts = [
        inline(field.type) or t("none"),
        t("checklists.mandatory") if field.required else t("checklists.optional"),
        t("checklists.filled") if field.filled else t("checklists.blank"),
    ]
    flag = f" · **{t('checklists.blocks')}**" if field.blocks_closing else ""
    title = inline(field.title, limit=200) or t("none")
    yield f"- [{field.index}] {title} — {' | '.join(parts)}{flag}"
    if field.type in ("text", "textarea", "value"):
        value = one_line(field.value, limit=300)
        yield f"  {quote_line(value)}" if value else f"  {t('checklists.empty_value')}"
    elif field.type == "radio":
        chosen = field.chosen()
        if field.value is None:
            yield f"  {t('checklists.none_chosen')}"
        else:
            label = inline(chosen.description, limit=200) if chosen else one_line(field.value, limit=100)
            yield f"  {t('checklists.chosen')}: {label}"
        choices = ", ".join(f"[id: {o.id}] {inline(o.description, limit=100)}" for o in field.options)
        if choices:
            yield f"  {t('checklists.options')}: {choices}"
    elif field.type == "checkbox":
        if not field.options:
            yield f"  {t('checklists.none_options')}"
        for option in field.options:
            box = "☑" if option.checked else "☐"
            ident = "null" if option.id is None else option.id
            yield f"  {box} [id: {ident}] {inline(option.description, limit=200)}"


def present_answer_deleted(deleted: AnswerDeleted, fmt: Formatter) -> str:
    return fmt.t("answers.deleted", id=deleted.answer_id, number=deleted.number)
