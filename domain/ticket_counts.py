"""Tickets counted per period or per desk (TiFlux's aggregated `GET /tickets?group_by=`).

A period of a month is `YYYY-MM`, of a day `YYYY-MM-DD`, of an ISO week `YYYY-Www`; a desk's is its name.
Between two given dates, the periods TiFlux leaves out had no tickets: `gap_filled` shows them as zeros, so
a person sees a quiet week instead of a missing row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from domain.errors import InvalidInput

MAX_GROUPED_DAYS = 366


class GroupBy(Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    DESK = "desk"

    @property
    def temporal(self) -> bool:
        return self is not GroupBy.DESK


@dataclass(frozen=True)
class Bucket:
    period: str
    count: int
    filled: bool = False  # a period TiFlux left out, shown as zero


@dataclass(frozen=True)
class TicketCounts:
    """How many tickets fall in each bucket, and in all."""

    group_by: GroupBy
    buckets: Sequence[Bucket]
    total: int

    @property
    def empty(self) -> bool:
        return not any(bucket.count for bucket in self.buckets)


def check_grouped_range(group_by: GroupBy | None, start: date | None, end: date | None) -> None:
    """A grouped count spans at most 366 days (so a day-by-day table stays readable)."""
    if group_by is None or start is None or end is None:
        return
    if (end - start).days + 1 > MAX_GROUPED_DAYS:
        raise InvalidInput("end_datetime", "max_days", {"max": MAX_GROUPED_DAYS, "other": "start_datetime"})


def gap_filled(counts: TicketCounts, start: date | None, end: date | None) -> TicketCounts:
    """The counts with every period between `start` and `end` present (zero when TiFlux left it out).

    Periods TiFlux gave outside the range are kept, after the range's. Desks are never filled: no list of
    them comes with the counts.
    """
    if not counts.group_by.temporal or start is None or end is None or start > end:
        return counts
    given = {bucket.period: bucket for bucket in counts.buckets}
    periods = list(dict.fromkeys(_periods(counts.group_by, start, end)))
    inside = [given.get(period) or Bucket(period, 0, filled=True) for period in periods]
    wanted = set(periods)
    outside = [bucket for bucket in counts.buckets if bucket.period not in wanted]
    return TicketCounts(counts.group_by, (*inside, *outside), counts.total)


def period_of(group_by: GroupBy, day: date) -> str:
    if group_by is GroupBy.DAY:
        return day.isoformat()
    if group_by is GroupBy.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _periods(group_by: GroupBy, start: date, end: date) -> Iterator[str]:
    day = start
    while day <= end:
        yield period_of(group_by, day)
        day += timedelta(days=1)
