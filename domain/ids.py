"""Typed identifiers: a desk id can never be passed where a stage id is expected."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NewType

from domain.errors import InvalidInput

DeskId = NewType("DeskId", int)
StageId = NewType("StageId", int)
PriorityId = NewType("PriorityId", int)
StatusId = NewType("StatusId", int)
CatalogId = NewType("CatalogId", int)
CatalogAreaId = NewType("CatalogAreaId", int)
CatalogItemId = NewType("CatalogItemId", int)
ClientId = NewType("ClientId", int)
UserId = NewType("UserId", int)
ChatId = NewType("ChatId", int)
DepartmentId = NewType("DepartmentId", int)
EntityId = NewType("EntityId", int)
EntityFieldId = NewType("EntityFieldId", int)
EntityFieldOptionId = NewType("EntityFieldOptionId", int)
CommunicationId = NewType("CommunicationId", int)
AppointmentId = NewType("AppointmentId", int)
AnswerId = NewType("AnswerId", int)
FileId = NewType("FileId", int)

MAX_ID = 2**63 - 1
_MAX_ID_DIGITS = len(str(MAX_ID))


@dataclass(frozen=True, order=True)
class TicketNumber:
    """The number people see on a ticket (#1040): a positive integer, never a path or free text."""

    value: int

    def __post_init__(self) -> None:
        if isinstance(self.value, bool) or not isinstance(self.value, int) or not 0 < self.value <= MAX_ID:
            raise InvalidInput("ticket_number", "positive_integer")

    @classmethod
    def parse(cls, raw: object, field: str = "ticket_number") -> TicketNumber:
        """Accept 1040, "1040" or "#1040"; refuse anything else (e.g. "../desks", "", "abc")."""
        candidate: int | None = None
        if isinstance(raw, int) and not isinstance(raw, bool):
            candidate = raw
        elif isinstance(raw, str):
            text = raw.strip().removeprefix("#")
            # Past MAX_ID's 19 digits it is out of range anyway; int() of 4,301+ digits would raise.
            if text.isascii() and text.isdigit() and len(text.lstrip("0")) <= _MAX_ID_DIGITS:
                candidate = int(text)
        if candidate is None or not 0 < candidate <= MAX_ID:
            raise InvalidInput(field, "positive_integer")
        return cls(candidate)

    def __str__(self) -> str:
        return str(self.value)
