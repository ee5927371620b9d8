"""Query objects the use cases accept: what a user asks for, already validated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from domain.errors import InvalidInput
from domain.ids import CatalogItemId, ClientId, DeskId, PriorityId, StageId, UserId

MAX_IDS_PER_FILTER = 15
ID_FILTERS = ("desk_ids", "client_ids", "stage_ids", "responsible_ids", "requestor_ids")
# The filters of 2.42 (v2.42/tickets.md §20.5): they narrow a listing as much as the ones above.
NEW_ID_FILTERS = ("priority_ids", "services_catalogs_item_ids")


class StatusFilter(Enum):
    """Which tickets by state: open (not closed), closed (and not cancelled), cancelled, or all of them."""

    OPEN = "open"
    CLOSED = "closed"
    CANCELED = "canceled"
    ALL = "all"


class DateField(Enum):
    CREATED_AT = "created_at"
    SOLVED_IN_TIME = "solved_in_time"


@dataclass(frozen=True)
class DateRange:
    """An inclusive range on one of the ticket's dates; either bound may be open."""

    field: DateField
    start: datetime | None = None
    end: datetime | None = None

    def __post_init__(self) -> None:
        for name, value in (("start_datetime", self.start), ("end_datetime", self.end)):
            if value is not None and value.tzinfo is None:
                raise InvalidInput(name, "aware_datetime")
        if self.start and self.end and self.start > self.end:
            raise InvalidInput("end_datetime", "not_before", {"other": "start_datetime"})


@dataclass(frozen=True)
class TicketFilter:
    """Which tickets to list. `is_closed` picks open (False) or closed (True) tickets, never both;
    `filter_by`, when set, wins over it (TiFlux 2.42)."""

    desk_ids: Sequence[DeskId] = ()
    client_ids: Sequence[ClientId] = ()
    stage_ids: Sequence[StageId] = ()
    responsible_ids: Sequence[UserId] = ()
    requestor_ids: Sequence[UserId] = ()
    requestor_email: str | None = None
    is_closed: bool = False
    dates: DateRange | None = None
    filter_by: StatusFilter | None = None
    priority_ids: Sequence[PriorityId] = ()
    services_catalogs_item_ids: Sequence[CatalogItemId] = ()
    sla_expiring_before: datetime | None = None  # open, not paused, resolution SLA due by then

    def __post_init__(self) -> None:
        if self.sla_expiring_before is not None and self.sla_expiring_before.tzinfo is None:
            raise InvalidInput("sla_expiring_before", "aware_datetime")
        for name in (*ID_FILTERS, *NEW_ID_FILTERS):
            ids = getattr(self, name)
            if len(ids) > MAX_IDS_PER_FILTER:
                raise InvalidInput(name, "max_items", {"max": MAX_IDS_PER_FILTER, "received": len(ids)})
            if any(i <= 0 for i in ids):
                raise InvalidInput(name, "positive_integer")

    @property
    def narrows(self) -> bool:
        """True when something other than open/closed and dates limits the result."""
        return (
            any(getattr(self, name) for name in (*ID_FILTERS, *NEW_ID_FILTERS))
            or bool(self.requestor_email)
            or self.sla_expiring_before is not None
        )


@dataclass(frozen=True)
class ChatFilter:
    """Filters of the four chat queues; `user_id`/`status` apply to in-attendance, `canceled` to archived."""

    department_id: int | None = None
    client_id: int | None = None
    requestor_id: int | None = None
    number: str | None = None
    origins: Sequence[str] = ()
    started_by: str | None = None
    user_id: int | None = None
    status: str | None = None
    canceled: bool | None = None
    created_at_start: datetime | None = None
    created_at_end: datetime | None = None
    finished_at_start: datetime | None = None  # the archived queue only
    finished_at_end: datetime | None = None

    def __post_init__(self) -> None:
        for name in ("department_id", "client_id", "requestor_id", "user_id"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise InvalidInput(name, "positive_integer")
        if self.number is not None and not (self.number.isascii() and self.number.isdigit()):
            raise InvalidInput("number", "digits")
        for prefix in ("created_at", "finished_at"):
            start, end = getattr(self, f"{prefix}_start"), getattr(self, f"{prefix}_end")
            for name, value in ((f"{prefix}_start", start), (f"{prefix}_end", end)):
                if value is not None and value.tzinfo is None:
                    raise InvalidInput(name, "aware_datetime")
            if start and end and start > end:
                raise InvalidInput(f"{prefix}_end", "not_before", {"other": f"{prefix}_start"})


@dataclass(frozen=True)
class AppointmentFilter:
    """Which time entries of a ticket to list."""

    user_id: int | None = None
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise InvalidInput("end_date", "not_before", {"other": "start_date"})
