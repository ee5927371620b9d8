"""Reports over many tickets: satisfaction in a period compared with another, in one call."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from application.ports.ticket_reports import TicketReportsPort
from domain.paging import PageRequest
from domain.ticket_reports import FeedbackFilter, FeedbackSummary, Period, RatedTicket


@dataclass(frozen=True)
class FeedbackReport:
    current: Period
    previous: Period
    now: FeedbackSummary
    before: FeedbackSummary
    rated: Sequence[RatedTicket] | None  # None: the list was not asked for
    page: PageRequest | None


@dataclass(frozen=True)
class CompareFeedback:
    """The period's satisfaction and the comparison period's (the one before, of the same length, unless
    given); the comparison is read only when the period's was."""

    reports: TicketReportsPort

    async def __call__(
        self,
        current: Period,
        previous: Period | None,
        filters: FeedbackFilter,
        rated: PageRequest | None,
    ) -> FeedbackReport:
        previous = previous or current.previous()
        now = await self.reports.feedback(current, filters, rated)
        before = await self.reports.feedback(previous, filters, None)
        listed = tuple(now.rated) if rated is not None else None
        return FeedbackReport(current, previous, now.summary, before.summary, listed, rated)
