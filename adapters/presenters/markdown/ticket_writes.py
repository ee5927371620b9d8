"""What a write did, in Markdown: always from TiFlux's answer, never echoed from the arguments."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import clean, inline, strip_tags
from application.use_cases.answers import AnswerSent
from application.use_cases.create_ticket import TicketCreated
from application.use_cases.custom_field_values import FieldsUpdated
from application.use_cases.finish_ticket import Finish, TicketFinished
from application.use_cases.update_ticket import TicketUpdated
from domain.resolution import Decision
from domain.tickets import Ticket

TEXT_ECHO = 300


def present_created(created: TicketCreated, fmt: Formatter) -> str:
    t = fmt.t
    ticket = created.ticket
    notes = []
    if created.parent:
        notes.append(bullet(t("writes.parent"), f"#{created.parent}"))
    if created.new_requestor:
        notes.append(t("writes.new_requestor", name=inline(created.new_requestor)))
    if created.defaults_used:
        notes.append(t("writes.defaults", fields=", ".join(f"`{f}`" for f in created.defaults_used)))
    return lines(
        f"## {t('writes.created', number=ticket.number)}",
        "",
        _state(ticket, fmt),
        notes,
        _decisions(created.decisions, fmt),
    )


def present_updated(updated: TicketUpdated, fmt: Formatter) -> str:
    t = fmt.t
    return lines(
        f"## {t('writes.updated', number=updated.ticket.number)}",
        "",
        bullet(t("writes.changed"), ", ".join(f"`{name}`" for name in updated.changed)),
        _state(updated.ticket, fmt),
        _decisions(updated.decisions, fmt),
        t("writes.first_stage", stage=fmt.named(first.name, first.id))
        if (first := updated.first_stage)
        else None,
        t("writes.reason_ignored") if updated.reason_ignored else None,
    )


def _transfer_notes(updated: TicketUpdated, fmt: Formatter) -> list[str]:
    """What a transfer changed beyond what was asked: the stage it landed on, the reason left out."""
    t = fmt.t
    notes = []
    if updated.first_stage is not None:
        stage = updated.first_stage
        notes.append(t("writes.first_stage", stage=fmt.named(stage.name, stage.id)))
    if updated.reason_ignored:
        notes.append(t("writes.reason_ignored"))
    return ["", *notes] if notes else []


def present_finished(finished: TicketFinished, fmt: Formatter) -> str:
    t = fmt.t
    before = finished.before
    verb = "canceled" if finished.how is Finish.CANCEL else "closed"
    status = inline(before.status.name) if before.status else t("none")
    stage = inline(before.stage.name) if before.stage else t("none")
    if finished.already:
        return lines(t("writes.already", number=before.number, status=status))
    return lines(
        f"## {t(f'writes.{verb}', number=before.number)}",
        "",
        bullet(t("ticket.heading.title"), inline(before.title) or t("ticket.untitled")),
        bullet(t("writes.previous"), t("writes.previous.value", status=status, stage=stage)),
        bullet(t("writes.message"), inline(finished.message) or t("none")),
        t(f"writes.{verb}.after"),
    )


def present_answer(sent: AnswerSent, fmt: Formatter) -> str:
    t = fmt.t
    answer = sent.answer
    sent_text = clean(strip_tags(sent.text)).strip()
    text = sent_text if len(sent_text) <= TEXT_ECHO else sent_text[: TEXT_ECHO - 1] + "…"
    return lines(
        f"## {t('writes.answered', number=sent.number)}",
        "",
        bullet(t("writes.answer.id"), str(answer.id)),
        bullet(t("writes.answer.author"), inline(answer.author) or t("none")),
        bullet(t("writes.answer.when"), fmt.when(answer.answered_at)),
        bullet(t("writes.answer.origin"), inline(answer.origin) or t("none")),
        bullet(t("writes.answer.signature"), fmt.yes_no(answer.with_signature)),
        "",
        f"**{t('writes.answer.text')}**",
        fmt.stored_text(text),
    )


def present_fields_updated(updated: FieldsUpdated, fmt: Formatter) -> str:
    t = fmt.t
    empty = t("ticket.custom_fields.empty")
    rows = [
        f"- {inline(field.name)} ({field.field_id}): {inline(field.value, limit=200) or empty}"
        for group in updated.fields
        for field in group.fields
    ]
    return lines(
        f"## {t('writes.fields', number=updated.number)}",
        "",
        bullet(t("writes.fields.sent"), str(updated.sent)),
        rows,
    )


def _state(ticket: Ticket, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    yield bullet(t("ticket.heading.title"), inline(ticket.title) or t("ticket.untitled"))
    if ticket.client:
        yield bullet(t("ticket.client"), fmt.named(ticket.client.name, ticket.client.id))
    if ticket.desk:
        yield bullet(t("ticket.desk"), fmt.named(ticket.desk.label, ticket.desk.id))
    if ticket.stage:
        yield bullet(t("ticket.stage"), fmt.named(ticket.stage.name, ticket.stage.id))
    if ticket.status:
        yield bullet(t("ticket.status"), fmt.named(ticket.status.name, ticket.status.id))
    if ticket.priority:
        yield bullet(t("ticket.priority"), fmt.named(ticket.priority.name, ticket.priority.id))
    responsible = ticket.responsible
    yield bullet(
        t("ticket.responsible"),
        fmt.named(responsible.name, responsible.id) if responsible else t("unassigned"),
    )
    if ticket.internal_url:
        yield bullet(t("ticket.links.internal"), inline(ticket.internal_url))
    if ticket.external_url:
        yield bullet(t("ticket.links.external"), inline(ticket.external_url))


def _decisions(decisions: Sequence[Decision], fmt: Formatter) -> Iterator[str]:
    if not decisions:
        return
    yield ""
    yield f"**{fmt.t('writes.decisions')}**"
    for decision in decisions:
        became = inline(label(decision.record, fmt.t))
        picked = f" ({fmt.t('writes.decision.picked')})" if decision.picked else ""
        yield f'- `{decision.field}` "{inline(decision.term)}" → {became}{picked}'
