"""Reports over many tickets, over HTTP."""

from __future__ import annotations

from dataclasses import dataclass, field

from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.knowledge import needing
from adapters.tiflux.wire.ticket_reports import feedback
from domain.paging import PageRequest
from domain.ticket_reports import Feedback, FeedbackFilter, Period


@dataclass(frozen=True)
class HttpTicketReports:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def feedback(self, period: Period, filters: FeedbackFilter, rated: PageRequest | None) -> Feedback:
        params = query(start_date=period.start.isoformat(), end_date=period.end.isoformat())
        if rated is not None:
            params |= query(tickets_list=True, offset=rated.number, limit=rated.size)
        params |= query(
            responsible_ids=filters.responsible_ids or None,
            department_ids=filters.department_ids or None,
            technical_group_ids=filters.technical_group_ids or None,
        )
        payload = await needing(
            "reports.feedback",
            self.client.get(self.api_key, api_path("reports", "feedbacks", "tickets"), params),
        )
        return feedback(payload)
