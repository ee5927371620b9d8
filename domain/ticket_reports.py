"""Reports over many tickets: customer satisfaction (ratings given when reviewing a ticket) per period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from domain.errors import InvalidInput


@dataclass(frozen=True)
class Period:
    """Both days inclusive."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same number of days that ends the day before this one starts."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)


def period(start: date, end: date, *, start_field: str, end_field: str) -> Period:
    if end < start:
        raise InvalidInput(end_field, "not_before", {"other": start_field})
    return Period(start, end)


@dataclass(frozen=True)
class FeedbackSummary:
    rating_average: float | None = None
    tickets_rated: int | None = None
    tickets_finished: int | None = None
    clients_rated: int | None = None
    answer_rate: float | None = None  # percent of finished tickets that were rated


@dataclass(frozen=True)
class RatedTicket:
    number: int
    client: str | None = None
    responsible: str | None = None
    desk_id: int | None = None
    desk: str | None = None
    rating: int | None = None
    rated_at: datetime | None = None
    comments: str | None = None


@dataclass(frozen=True)
class FeedbackFilter:
    responsible_ids: tuple[int, ...] = ()
    department_ids: tuple[int, ...] = ()
    technical_group_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Feedback:
    summary: FeedbackSummary
    rated: Sequence[RatedTicket] = ()
