"""Declared `structuredContent` of reports over many tickets."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, PageRequest


@with_config(DECLARED)
class Period(TypedDict):
    start: str
    end: str


@with_config(DECLARED)
class FeedbackSummary(TypedDict):
    rating_average: NotRequired[float]
    tickets_rated: NotRequired[int]
    tickets_finished: NotRequired[int]
    clients_rated: NotRequired[int]
    answer_rate: NotRequired[float]


@with_config(DECLARED)
class RatedTicket(TypedDict):
    number: int
    client: NotRequired[str]
    responsible: NotRequired[str]
    desk_id: NotRequired[int]
    desk: NotRequired[str]
    rating: NotRequired[int]
    rated_at: NotRequired[str]
    comments: NotRequired[str]


@with_config(DECLARED)
class FeedbackReport(TypedDict):
    current: Period
    previous: Period
    now: FeedbackSummary
    before: FeedbackSummary
    rated: NotRequired[list[RatedTicket]]
    page: NotRequired[PageRequest]


GetTicketsFeedbackReportOutput = FeedbackReport
