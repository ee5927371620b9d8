"""Time entries beyond one ticket's appointments, in Markdown."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline, one_line, quote_line
from application.use_cases.time_entries import AppointmentsReport, OrgAppointments, TicketTimers
from domain.people import PersonRef
from domain.records import Valorization
from domain.resolution import Decision
from domain.time_entries import OrgAppointment, Totals

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


def present_appointments_report(report: AppointmentsReport, fmt: Formatter) -> str:
    t, query = fmt.t, report.query
    heading = f"## {t('appointments_report.heading', start=fmt.day(query.start), end=fmt.day(query.end))}"
    if not report.technicians:
        return lines(heading, _decisions(report.decisions, fmt), "", t("appointments_report.empty"))
    totals = report.totals
    summary = [
        bullet(t("appointments_report.entries"), str(totals.entries)),
        bullet(t("appointments_report.hours"), _hours(totals.minutes)),
    ]
    if query.with_values:
        summary.append(bullet(t("appointments_report.value"), _money(totals, fmt)))
    sections: list[str] = []
    for technician in report.technicians:
        who = _ref(technician.user, fmt) if technician.user else t("appointments_report.unknown_user")
        sections += ["", f"**{who}** — {_line(technician.totals, query.with_values, fmt)}"]
        if report.per_desk:
            for desk in technician.desks:
                where = _ref(desk.desk, fmt) if desk.desk else t("appointments_report.unknown_desk")
                sections.append(f"- {where}: {_line(desk.totals, query.with_values, fmt)}")
    partial = t("appointments_report.partial", count=totals.entries) if report.partial else None
    return lines(
        heading,
        _decisions(report.decisions, fmt),
        "",
        summary,
        "",
        "---",
        sections,
        "",
        partial,
        t("appointments_report.footer"),
    )


def _line(totals: Totals, with_values: bool, fmt: Formatter) -> str:
    line = fmt.t("appointments_report.line", entries=totals.entries, hours=_hours(totals.minutes))
    return f"{line} · {_money(totals, fmt)}" if with_values else line


def _money(totals: Totals, fmt: Formatter) -> str:
    shown = fmt.money(totals.value)
    if totals.manual_value:
        shown += f" ({fmt.t('appointments_report.manual', value=fmt.money(totals.manual_value))})"
    return shown


def _hours(minutes: int) -> str:
    """10:25, 0:20 (hours not padded)."""
    return f"{minutes // 60}:{minutes % 60:02d}"
