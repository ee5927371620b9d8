"""Reports over many tickets in Markdown: numbers rounded for people, differences from rounded values."""

from __future__ import annotations

from adapters.presenters.markdown.format import Formatter, lines
from adapters.presenters.markdown.text import one_line, quote_line
from application.use_cases.ticket_reports import FeedbackReport
from domain.ticket_reports import FeedbackSummary, Period

NONE = "—"
COMMENT = 80
# measure, decimals, suffix
_MEASURES = (
    ("rating_average", 1, ""),
    ("tickets_rated", 0, ""),
    ("tickets_finished", 0, ""),
    ("clients_rated", 0, ""),
    ("answer_rate", 1, "%"),
)


def present_feedback(report: FeedbackReport, fmt: Formatter) -> str:
    t = fmt.t
    rows = [t("feedback.columns"), "|---|---:|---:|---:|"]
    for name, decimals, suffix in _MEASURES:
        now, before = _value(report.now, name, decimals), _value(report.before, name, decimals)
        shown_now = f"**{_number(now, decimals, suffix, fmt)}**" if now is not None else NONE
        rows.append(
            f"| {t(f'feedback.{name}')} | {shown_now} | {_number(before, decimals, suffix, fmt)} "
            f"| {_delta(now, before, decimals, fmt)} |"
        )
    periods = t(
        "feedback.periods", current=_period(report.current, fmt), previous=_period(report.previous, fmt)
    )
    return lines(f"## {t('feedback.heading')}", periods, "", rows, _rated(report, fmt))


def _rated(report: FeedbackReport, fmt: Formatter) -> list[str]:
    t, rated, page = fmt.t, report.rated, report.page
    if rated is None or page is None:
        return []
    if not rated:
        return ["", t("feedback.rated.none", page=page.number)]
    rows = ["", f"### {t('feedback.rated', count=len(rated))}", ""]
    rows += [t("feedback.rated.columns"), "|---|---|---|---|---:|---|"]
    comments: list[str] = []
    for ticket in rated:
        cells = (
            f"#{ticket.number}",
            one_line(ticket.client) or NONE,
            one_line(ticket.responsible) or NONE,
            one_line(ticket.desk) or NONE,
            str(ticket.rating) if ticket.rating is not None else NONE,
            fmt.day(ticket.rated_at) if ticket.rated_at else NONE,
        )
        rows.append("| " + " | ".join(cells) + " |")
        comment = one_line(ticket.comments, limit=COMMENT)
        if comment:
            comments += [f"- #{ticket.number}", f"  {quote_line(comment)}"]
    if comments:  # customers wrote them: quoted, and said to be data
        rows += ["", f"**{t('feedback.comments')}** {t('untrusted.previews')}", *comments]
    rows += ["", t("feedback.rated.hint")]
    if len(rated) == page.size:
        total = report.now.tickets_rated if report.now.tickets_rated is not None else NONE
        rows.append(t("feedback.rated.more", next=page.number + 1, total=total))
    return rows


def _value(summary: FeedbackSummary, name: str, decimals: int) -> float | None:
    raw = getattr(summary, name)
    return None if raw is None else round(float(raw), decimals)


def _number(value: float | None, decimals: int, suffix: str, fmt: Formatter) -> str:
    return NONE if value is None else fmt.number(value, decimals) + suffix


def _delta(now: float | None, before: float | None, decimals: int, fmt: Formatter) -> str:
    """`+2 (+33,3%)`; "new" when there was nothing before; nothing when a side is missing."""
    if now is None or before is None:
        return NONE
    change = round(now - before, decimals)
    sign = "+" if change >= 0 else "−"
    shown = f"{sign}{fmt.number(abs(change), decimals)}"
    if before == 0:
        return shown if now == 0 else f"{shown} ({fmt.t('feedback.new')})"
    percent = round(change / before * 100, 1)
    return f"{shown} ({'+' if percent >= 0 else '−'}{fmt.number(abs(percent), 1)}%)"


def _period(period: Period, fmt: Formatter) -> str:
    return fmt.t("feedback.period", start=fmt.day(period.start), end=fmt.day(period.end))
