"""Reports over many tickets, as TiFlux computes them (admin / reports permission)."""

from __future__ import annotations

from typing import Protocol

from domain.paging import PageRequest
from domain.ticket_reports import Feedback, FeedbackFilter, Period


class TicketReportsPort(Protocol):
    async def feedback(self, period: Period, filters: FeedbackFilter, rated: PageRequest | None) -> Feedback:
        """The satisfaction summary of the period; with `rated`, that page of the rated tickets too."""
        ...
