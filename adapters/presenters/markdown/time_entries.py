"""Time entries beyond one ticket's appointments, in Markdown."""

from __future__ import annotations

from adapters.presenters.markdown.format import Formatter, lines
from adapters.presenters.markdown.text import one_line
from application.use_cases.time_entries import TicketTimers

EMPTY_CELL = "—"


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
