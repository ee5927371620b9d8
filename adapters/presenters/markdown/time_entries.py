"""Time entries beyond one ticket's appointments, in Markdown."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from adapters.presenters.markdown.format import Formatter, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline, one_line, quote_line
from application.use_cases.time_entries import OrgAppointments, TicketTimers
from domain.people import PersonRef
from domain.records import Valorization
from domain.resolution import Decision
from domain.time_entries import OrgAppointment

EMPTY_CELL = "—"
DESCRIPTION = 120


def present_timers(timers: TicketTimers, fmt: Formatter) -> str:
    """One table row per timer; a running timer has no end ("em andamento")."""
    t, page = fmt.t, timers.page
    if not page.items:
        return t("timers.empty", number=timers.number, page=page.request.number)
    shown = (
        t("timers.shown_of", count=len(page), total=page.total)
        if page.total is not None
        else t("timers.shown", count=len(page))
    )
    rows = [t("timers.columns"), "|---|---|---|---|---|"]
    for timer in page.items:
        user = fmt.named(timer.user.name, timer.user.id) if timer.user else EMPTY_CELL
        cells = (
            str(timer.id),
            fmt.day(timer.day) if timer.day else EMPTY_CELL,
            one_line(timer.starts) or EMPTY_CELL,
            t("timers.running") if timer.running else one_line(timer.ends),
            user.replace("|", "\\|"),
        )
        rows.append("| " + " | ".join(cells) + " |")
    heading = t("timers.heading", number=timers.number, page=page.request.number, shown=shown)
    return lines(f"## {heading}", "", rows, "", t("timers.next"), fmt.page_footer(page))


def present_org_appointments(listing: OrgAppointments, fmt: Formatter) -> str:
    """One entry per item: when, who, where, the description quoted (a person wrote it), the values."""
    t, page, query = fmt.t, listing.page, listing.query
    period = {"start": fmt.day(query.start), "end": fmt.day(query.end), "page": page.request.number}
    if not page.items:
        return lines(t("org_appointments.empty", **period), _decisions(listing.decisions, fmt))
    shown = (
        t("timers.shown_of", count=len(page), total=page.total)
        if page.total is not None
        else t("timers.shown", count=len(page))
    )
    items: list[str] = []
    for entry in page.items:
        items += _entry(entry, fmt)
    note = t("org_appointments.user_filter") if query.user_ids else None
    return lines(
        f"## {t('org_appointments.heading', shown=shown, **period)}",
        t("untrusted.previews"),
        _decisions(listing.decisions, fmt),
        "",
        items,
        "",
        note,
        fmt.page_footer(page),
    )


def _entry(entry: OrgAppointment, fmt: Formatter) -> list[str]:
    t = fmt.t
    when = f"{fmt.day(entry.day) if entry.day else EMPTY_CELL} · {entry.starts or '?'}–{entry.ends or '?'}"
    ticket = entry.ticket
    where = " · ".join(
        (
            _ref(entry.user, fmt),
            _ref(entry.client, fmt),
            _ref(entry.desk, fmt),
            f"#{ticket.number} — {inline(ticket.title) or EMPTY_CELL}" if ticket else EMPTY_CELL,
        )
    )
    found = [f"- **#{entry.id}** · {when}", f"  {where}"]
    description = one_line(entry.description, limit=DESCRIPTION)
    if description:
        found.append(f"  {quote_line(description)}")
    if entry.executor:
        found.append("  " + t("org_appointments.executor", name=inline(entry.executor)))
    if entry.valorization:
        found.append("  " + _values(entry.valorization, fmt))
    if entry.travel_of:
        travel = entry.travel_of
        found.append(
            "  "
            + t("org_appointments.travel_of", number=travel.number, title=inline(travel.title) or EMPTY_CELL)
        )
    return found


def _values(valorization: Valorization, fmt: Formatter) -> str:
    t = fmt.t
    key = f"appointments.attendance.{valorization.attendance}"
    kind = t(key) if t.has(key) else inline(valorization.attendance) or t("none")
    parts = [t("appointments.attendance", value=kind)]
    if valorization.value is not None:
        parts.append(fmt.money(valorization.value))
    if valorization.guarantee:
        parts.append(t("org_appointments.guarantee"))
    if valorization.manual_value:
        parts.append(t("org_appointments.manual"))
    return " · ".join(parts)


def _ref(person: PersonRef | None, fmt: Formatter) -> str:
    return fmt.named(person.name, person.id) if person else EMPTY_CELL


def _decisions(decisions: Sequence[Decision], fmt: Formatter) -> Iterator[str]:
    if not decisions:
        return
    yield ""
    yield f"**{fmt.t('writes.decisions')}**"
    for decision in decisions:
        became = inline(label(decision.record, fmt.t))
        picked = f" ({fmt.t('writes.decision.picked')})" if decision.picked else ""
        yield f'- `{decision.field}` "{inline(decision.term)}" → {became}{picked}'
