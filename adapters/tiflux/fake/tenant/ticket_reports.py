"""Reports over many tickets: satisfaction (v2.42 tickets.md §14, §21.4)."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, check_page, page
from adapters.tiflux.fake.tenant.routes import Route

EARLIER_THAN = "2025-03-01"  # periods ending before March 2025 read the earlier summary
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class TicketReportsArea:
    def __init__(self, state: TenantState) -> None:
        self._feedback: Json = state.tables["ticket_feedback"]

    def ticket_feedback(
        self,
        *,
        start_date: str | None = None,
        end_date: str | None = None,
        tickets_list: bool = False,
        responsible_ids: Sequence[int] = (),
        department_ids: Sequence[int] = (),
        technical_group_ids: Sequence[int] = (),
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
    ) -> Json:
        """The summary of the period; ``tickets_list`` only when asked for, paged. The id filters are
        accepted (what they narrow is not known from the fixtures)."""
        check_page(offset, limit)
        if not start_date or not _DAY.fullmatch(start_date) or not end_date or not _DAY.fullmatch(end_date):
            raise validation_error("start_date and end_date are required (YYYY-MM-DD)")
        if end_date < start_date:
            raise validation_error("end_date must not be before start_date")
        report = self._feedback["earlier" if end_date < EARLIER_THAN else "current"]
        answer: Json = {"summary": copy.deepcopy(report["summary"])}
        if tickets_list:
            answer["tickets_list"] = page(report.get("tickets_list", []), offset, limit)
        return answer


ROUTES = (
    Route(
        "GET",
        "/reports/feedbacks/tickets",
        TicketReportsArea.ticket_feedback,
        query={
            "start_date": "raw",
            "end_date": "raw",
            "tickets_list": "boolean",
            "responsible_ids": "ids",
            "department_ids": "ids",
            "technical_group_ids": "ids",
        },
        paged=True,
    ),
)
