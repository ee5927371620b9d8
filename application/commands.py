"""What a write asks TiFlux to do, already validated and resolved to IDs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from enum import Enum

from domain.attachments import Attachment
from domain.errors import InvalidInput
from domain.ids import (
    CatalogItemId,
    ClientId,
    DeskId,
    EntityFieldId,
    EntityFieldOptionId,
    PriorityId,
    StageId,
    StatusId,
    TicketNumber,
    UserId,
)

_HHMM = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


@dataclass(frozen=True)
class NewTicket:
    title: str
    description_html: str
    client_id: ClientId
    desk_id: DeskId
    priority_id: PriorityId | None = None
    catalog_item_id: CatalogItemId | None = None
    status_id: StatusId | None = None
    requestor_id: UserId | None = None
    requestor_name: str | None = None
    requestor_email: str | None = None
    requestor_telephone: str | None = None
    responsible_id: UserId | None = None
    followers: Sequence[str] = ()
    parent: TicketNumber | None = None


@dataclass(frozen=True)
class Assignment:
    """Who becomes responsible; `user_id=None` unassigns the ticket."""

    user_id: UserId | None


@dataclass(frozen=True)
class TicketChanges:
    """The fields a person asked to change; None means "leave as it is"."""

    title: str | None = None
    description_html: str | None = None
    client_id: ClientId | None = None
    desk_id: DeskId | None = None
    stage_id: StageId | None = None
    priority_id: PriorityId | None = None
    status_id: StatusId | None = None
    followers: Sequence[str] | None = None
    catalog_item_id: CatalogItemId | None = None
    responsible: Assignment | None = None
    priority_change_reason: str | None = None  # required by TiFlux with a priority change, outside a transfer
    requestor_id: UserId | None = None

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


@dataclass(frozen=True)
class FieldValueChange:
    """One custom-field value to set on a ticket; `value=None` clears it."""

    field_id: EntityFieldId
    value: str | None
    option_id: EntityFieldOptionId | None = None
    country_code: str | None = None


@dataclass(frozen=True)
class AnswerDraft:
    """A reply to the client, with checked attachments."""

    text_html: str
    with_signature: bool = False
    attachments: Sequence[Attachment] = ()


@dataclass(frozen=True)
class NoteDraft:
    """An internal communication: a note between attendants, with checked attachments."""

    text_html: str
    attachments: Sequence[Attachment] = ()


class Attendance(Enum):
    """Where the work was done (TiFlux's codes)."""

    EXTERNAL = 1  # on site: the only kind that may carry a travel charge
    REMOTE = 2
    INTERNAL = 3


MAX_APPOINTMENT_VALUE = Decimal("9999999.99")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Valuation:
    """The money side of an appointment (v2.42/tickets.md §20.12): a loose service (kind 1) or a contract
    rider (kind 2), a travel charge or a shared ride (on site only), warranty, a manual value, an external
    executor. Every rule between them is checked here, before any request."""

    attendance: Attendance | None = None
    loose_service_id: int | None = None
    contract_rider_id: int | None = None
    shift_id: int | None = None
    shift_owner: TicketNumber | None = None
    guarantee: bool = False
    value: Decimal | None = None
    external_user_name: str | None = None
    # By name (resolved before sending: the loose service, the contract whose rider is in force, the charge).
    loose_service_name: str | None = None
    contract_name: str | None = None
    shift_name: str | None = None

    @property
    def kind(self) -> int | None:
        """1: a loose service, 2: a contract rider (TiFlux's `attendance_kind`)."""
        if self.loose_service_id is not None or self.loose_service_name:
            return 1
        return 2 if self.contract_rider_id is not None or self.contract_name else None

    @property
    def named(self) -> bool:
        return bool(self.loose_service_name or self.contract_name or self.shift_name)

    @property
    def valued(self) -> bool:
        """Whether anything but the external executor was given (the executor fits any desk)."""
        given = (
            self.attendance,
            self.kind,
            self.shift_id or self.shift_name or None,
            self.shift_owner,
            self.value,
        )
        return self.guarantee or any(item is not None for item in given)

    def check(self) -> None:
        pairs = (
            ("loose_service_id", self.loose_service_id, "loose_service_name", self.loose_service_name),
            ("contract_rider_id", self.contract_rider_id, "contract_name", self.contract_name),
            ("shift_id", self.shift_id, "shift_name", self.shift_name),
        )
        for id_field, ident, name_field, name in pairs:
            if ident is not None and name is not None:
                raise InvalidInput(name_field, "excludes", {"other": id_field})
            if name is not None and not name.strip():
                raise InvalidInput(name_field, "min_length")
        service = "loose_service_id" if self.loose_service_id is not None else "loose_service_name"
        rider = "contract_rider_id" if self.contract_rider_id is not None else "contract_name"
        shift = "shift_id" if self.shift_id is not None else "shift_name"
        has_service = self.loose_service_id is not None or self.loose_service_name is not None
        has_rider = self.contract_rider_id is not None or self.contract_name is not None
        has_shift = self.shift_id is not None or self.shift_name is not None
        if has_service and has_rider:
            raise InvalidInput(rider, "excludes", {"other": service})
        if has_shift and self.shift_owner is not None:
            raise InvalidInput("shift_owner_ticket_number", "excludes", {"other": shift})
        travel = shift if has_shift else "shift_owner_ticket_number"
        travels = has_shift or self.shift_owner is not None
        if travels and self.attendance is not Attendance.EXTERNAL:
            raise InvalidInput(travel, "external_only")
        if self.value is not None:
            if self.guarantee:
                raise InvalidInput("value", "excludes", {"other": "guarantee"})
            if not has_service:
                raise InvalidInput("value", "loose_service_only")
            if not Decimal(0) <= self.value <= MAX_APPOINTMENT_VALUE or self.value != self.value.quantize(
                CENT
            ):
                raise InvalidInput("value", "money_range", {"max": "9.999.999,99"})
        if self.valued and self.attendance is None:
            raise InvalidInput("attendance", "needed_with_valuation")
        if self.attendance is not None and self.kind is None:
            raise InvalidInput("attendance", "needs_service_or_rider")
        name = self.external_user_name
        if name is not None and (not name.strip() or len(name) > 255 or "<" in name or ">" in name):
            raise InvalidInput("external_user_name", "plain_name", {"max": 255})


@dataclass(frozen=True)
class NewAppointment:
    """Hours worked on a ticket: a day (not in the future), start and end as HH:MM, end not before start."""

    day: date
    start: str
    end: str
    description: str
    valuation: Valuation | None = None  # on desks that value their appointments (2.42)

    def __post_init__(self) -> None:
        for name, value in (("init_time", self.start), ("end_time", self.end)):
            if not _HHMM.match(value):
                raise InvalidInput(name, "time_of_day")
        if self.end < self.start:
            raise InvalidInput("end_time", "not_before", {"other": "init_time"})
        if not self.description.strip():
            raise InvalidInput("description", "min_length")
        if self.valuation is not None:
            self.valuation.check()
