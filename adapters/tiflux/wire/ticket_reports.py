"""`GET /reports/feedbacks/tickets` as the API sends it (the fields the client was checked against)."""

from __future__ import annotations

from typing import Any

from adapters.tiflux.wire.base import Timestamp, WireModel, parse_one
from domain.ticket_reports import Feedback, FeedbackSummary, RatedTicket


class FeedbackSummaryWire(WireModel):
    rating_average: float | None = None
    tickets_evaluated: int | None = None
    tickets_finished: int | None = None
    clients_evaluated: int | None = None
    answers_percentage: float | None = None

    def to_domain(self) -> FeedbackSummary:
        return FeedbackSummary(
            rating_average=self.rating_average,
            tickets_rated=self.tickets_evaluated,
            tickets_finished=self.tickets_finished,
            clients_rated=self.clients_evaluated,
            answer_rate=self.answers_percentage,
        )


class RatedTicketWire(WireModel):
    id: int
    client_name: str | None = None
    responsible_name: str | None = None
    desk_id: int | None = None
    desk_name: str | None = None
    rating: int | None = None
    revised_in_time: Timestamp = None
    comments: str | None = None

    def to_domain(self) -> RatedTicket:
        return RatedTicket(
            number=self.id,
            client=self.client_name,
            responsible=self.responsible_name,
            desk_id=self.desk_id,
            desk=self.desk_name,
            rating=self.rating,
            rated_at=self.revised_in_time,
            comments=self.comments,
        )


class FeedbackWire(WireModel):
    summary: FeedbackSummaryWire | None = None
    tickets_list: list[RatedTicketWire] | None = None


def feedback(payload: Any) -> Feedback:
    """Without a `summary` key the object itself is the summary."""
    read = parse_one(FeedbackWire, payload)
    summary = read.summary or parse_one(FeedbackSummaryWire, payload)
    return Feedback(summary.to_domain(), tuple(t.to_domain() for t in read.tickets_list or ()))
