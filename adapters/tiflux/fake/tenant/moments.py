"""Dates and times: the clock, ISO-8601 texts and ``HH:MM`` durations."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from adapters.tiflux.fake.tenant.errors import validation_error

Moment = str | datetime

DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
# A date-time parameter as the contract (contracts/tiflux-api-v2.yaml, IsoMoment) takes it: a date, or a
# date and a time of day with optional seconds, fraction and zone.
ISO_MOMENT = re.compile(
    r"[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
    r"(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?",
    re.ASCII,
)
TIME_OF_DAY = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def utc_now() -> datetime:
    """The current moment in UTC."""
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """``moment`` with UTC as its zone when it has none."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def iso(moment: datetime) -> str:
    """``moment`` as the API writes it: UTC, to the second, with a ``Z``."""
    return aware(moment).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_moment(value: Moment, *, name: str, end_of_day: bool = False) -> datetime:
    """A date-time parameter (a bare date is its start, or its end with ``end_of_day``), else 422."""
    if isinstance(value, datetime):
        return aware(value)
    try:
        if not ISO_MOMENT.fullmatch(value):
            raise ValueError(value)
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise validation_error(f"{name} must be an ISO-8601 date-time") from exc
    if end_of_day and DATE_ONLY.fullmatch(value):
        moment += timedelta(days=1, microseconds=-1)
    return aware(moment)


def parse_day(value: str | date, *, name: str) -> date:
    """A ``YYYY-MM-DD`` parameter, else 422."""
    if isinstance(value, date):
        return value
    try:
        if DATE_ONLY.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise validation_error(f"{name} must be a date in the format YYYY-MM-DD")


def valid_day(text: str) -> bool:
    """Whether ``text`` is a calendar date in ISO format."""
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def minutes(hhmm: str) -> int:
    """An ``HH:MM`` text as a number of minutes."""
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def hhmm(total_minutes: int) -> str:
    """A number of minutes as ``HH:MM``."""
    return f"{total_minutes // 60:02d}:{total_minutes % 60:02d}"
