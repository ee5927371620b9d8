"""A ticket's records in Markdown: internal communications, files, stage history, appointments."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from adapters.i18n import Translator
from adapters.presenters.markdown.format import Formatter, bullet, duration, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import html_to_text, inline, one_line, quote_line
from application.use_cases.records import AppointmentAdded, Appointments, NoteAdded, StageHistory, TicketFiles
from domain.ids import TicketNumber
from domain.paging import Page
from domain.people import PersonRef
from domain.records import Appointment, AttachedFile, InternalCommunication, StageSla, Valorization

T = TypeVar("T")

NOTE_PREVIEW = 150
APPOINTMENT_PREVIEW = 150


def present_notes(number: TicketNumber, page: Page[InternalCommunication], fmt: Formatter) -> str:
    t = fmt.t
    if not page.items:
        return lines(t("notes.empty", number=number, page=page.request.number))
    items = []
    for note in page.items:
        clip = "📎 " + t("notes.files", count=note.files_count) if note.files_count else None
        head = " · ".join(
            p for p in (f"**#{note.id}**", _who(note.author, fmt), fmt.when(note.created_at), clip) if p
        )
        preview = one_line(html_to_text(note.text_html), limit=NOTE_PREVIEW) or t("none")
        items += [f"- {head}", f"  {quote_line(preview)}"]
    return lines(
        f"## {t('notes.heading', number=number, page=page.request.number, count=len(page))}",
        t("untrusted.previews"),
        "",
        items,
        "",
        fmt.page_footer(page),
    )


def present_note(number: TicketNumber, note: InternalCommunication, fmt: Formatter) -> str:
    t = fmt.t
    text = html_to_text(note.text_html)
    return lines(
        f"## {t('notes.one', id=note.id, number=number)}",
        "",
        bullet(t("notes.author"), _who(note.author, fmt)),
        bullet(t("notes.when"), fmt.when(note.created_at)),
        _attached(note.files, note.files_count, fmt),
        "",
        fmt.stored_text(text) if text else t("notes.no_text"),
    )


def present_note_added(added: NoteAdded, fmt: Formatter) -> str:
    t = fmt.t
    note = added.note
    return lines(
        f"## {t('notes.added', id=note.id, number=added.number)}",
        "",
        bullet(t("notes.author"), _who(note.author, fmt)),
        bullet(t("notes.when"), fmt.when(note.created_at)),
        _attached(note.files, note.files_count, fmt),
        bullet(t("notes.text"), one_line(html_to_text(note.text_html), limit=200) or t("none")),
    )


def present_files(listing: TicketFiles, fmt: Formatter) -> str:
    t = fmt.t
    if not listing.files:
        return lines(t("files.empty", number=listing.number))
    items = []
    for file in listing.files:
        items.append(f"- **{inline(file.name) or t('none')}** (ID {file.id})")
        details = [
            inline(file.content_type) or t("none"),
            fmt.size(file.size_bytes),
            fmt.when(file.created_at),
        ]
        if file.created_by:
            details.append(t("ticket.by", who=_who(file.created_by, fmt)))
        items.append("  " + " · ".join(details))
        if file.url:
            items.append(f"  {inline(file.url)}")
    return lines(f"## {t('files.heading', number=listing.number, count=len(listing.files))}", "", items)


def present_stage_history(history: StageHistory, fmt: Formatter) -> str:
    return _paged_entries("sla", history.number, history.page, _stage_entry, fmt)


def present_appointments(listing: Appointments, fmt: Formatter) -> str:
    # Appointment descriptions are quoted, so the listing says whose words they are.
    return _paged_entries(
        "appointments", listing.number, listing.page, _appointment, fmt, note="untrusted.previews"
    )


def _paged_entries(
    prefix: str,
    number: TicketNumber,
    page: Page[T],
    entry: Callable[[T, Formatter], Iterator[str]],
    fmt: Formatter,
    *,
    note: str | None = None,
) -> str:
    """A ticket's paged records: `<prefix>.heading`, the `note` message, a block per entry and the footer;
    or `<prefix>.empty`."""
    t = fmt.t
    if not page.items:
        return lines(t(f"{prefix}.empty", number=number, page=page.request.number))
    blocks = [line for item in page.items for line in entry(item, fmt)]
    heading = t(f"{prefix}.heading", number=number, page=page.request.number, count=len(page))
    return lines(f"## {heading}", t(note) if note else None, "", blocks, "", fmt.page_footer(page))


def present_appointment_added(added: AppointmentAdded, fmt: Formatter) -> str:
    t = fmt.t
    value = added.appointment.value
    return lines(
        f"## {t('appointments.added', number=added.number)}",
        "",
        _appointment(added.appointment, fmt),
        t("appointments.created_value", value=fmt.money(value)) if value is not None else None,
        *_names(added, fmt),
    )


def _names(added: AppointmentAdded, fmt: Formatter) -> Iterator[str]:
    """What each name of a valued appointment became."""
    if not added.decisions:
        return
    yield ""
    yield f"**{fmt.t('writes.decisions')}**"
    for decision in added.decisions:
        yield f'- `{decision.field}` "{inline(decision.term)}" → {inline(label(decision.record, fmt.t))}'


def _who(person: PersonRef | None, fmt: Formatter) -> str:
    return fmt.named(person.name, person.id) if person else fmt.t("none")


def _attached(files: Sequence[AttachedFile], count: int, fmt: Formatter) -> Iterator[str]:
    attached = list(files)
    if not count and not attached:
        return
    yield bullet(fmt.t("notes.attachments"), fmt.t("notes.files", count=count or len(attached)))
    for file in attached:
        size = f" ({fmt.size(file.size_bytes)})" if file.size_bytes else ""
        yield f"  - {inline(file.name)}{size}"


def _stage_entry(entry: StageSla, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    stage = _who(entry.stage, fmt)
    met = {True: "✅ " + t("sla.met"), False: "❌ " + t("sla.missed"), None: t("sla.no_sla")}[
        entry.sla_attended
    ]
    yield f"- **{stage}** — {met}"
    details = [
        t("sla.desk", desk=_who(entry.desk, fmt)),
        t("sla.duration", duration=duration(entry.duration_in_business_hours) or t("none")),
    ]
    if entry.expiration:
        details.append(t("sla.deadline", when=fmt.when(entry.expiration)))
    yield "  " + " · ".join(details)
    entered = t("sla.entered", when=fmt.when(entry.entered_at))
    if entry.moved_by:
        entered += " " + t("ticket.by", who=_who(entry.moved_by, fmt))
    attended = t("sla.attended", when=fmt.when(entry.attended_at))
    if entry.attended_by:
        attended += " " + t("ticket.by", who=_who(entry.attended_by, fmt))
    yield f"  {entered} · {attended}"


def _appointment(appointment: Appointment, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    hours = f"{appointment.start or '??:??'}–{appointment.end or '??:??'}"
    head = [f"**#{appointment.id}**", fmt.day(appointment.day), hours, _who(appointment.user, fmt)]
    if appointment.client and appointment.client.name:
        head.append(t("appointments.client", client=inline(appointment.client.name)))
    yield "- " + " · ".join(head)
    description = inline(appointment.description, limit=APPOINTMENT_PREVIEW)
    yield f"  {quote_line(description)}" if description else f"  > {t('appointments.no_description')}"
    if appointment.external_user_name:
        yield "  " + t("appointments.executor", name=inline(appointment.external_user_name))
    if fmt.compact:  # the valuation and the check-in places are in structuredContent
        return
    if appointment.valorization is not None:
        yield from _valorization(appointment.valorization, fmt)
    for location in appointment.locations:
        latitude = t("none") if location.latitude is None else str(location.latitude)
        longitude = t("none") if location.longitude is None else str(location.longitude)
        yield "  " + t("appointments.location", latitude=latitude, longitude=longitude)


def _valorization(value: Valorization, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    attendance = _label(t, "appointments.attendance", value.attendance)
    kind = _label(t, "appointments.kind", value.attendance_kind)
    source = value.contract if value.attendance_kind == "Contract" else value.loose_service
    if source and source.name:
        kind += f" — {inline(source.name)}"
    parts = [t("appointments.attendance", value=attendance), t("appointments.kind", value=kind)]
    if value.shift:
        parts.append(
            t(
                "appointments.shift",
                name=inline(value.shift.name) or t("none"),
                value=fmt.money(value.shift.value),
            )
        )
    if value.guarantee:
        parts.append(t("appointments.guarantee"))
    if value.manual_value:
        parts.append(t("appointments.manual_value"))
    parts.append(t("appointments.value", value=fmt.money(value.value)))
    yield "  " + " · ".join(parts)
    if value.shift_owner is not None:
        owner = value.shift_owner
        title = inline(owner.title) or t("ticket.untitled")
        yield "  " + t("appointments.shift_owner", number=owner.number, title=title)


def _label(t: Translator, prefix: str, raw: str | None) -> str:
    if not raw:
        return t("none")
    key = f"{prefix}.{raw}"
    return t(key) if t.has(key) else inline(raw)
