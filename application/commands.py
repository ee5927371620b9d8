"""What a write asks TiFlux to do, already validated and resolved to IDs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

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


@dataclass(frozen=True)
class NewAppointment:
    """Hours worked on a ticket: a day (not in the future), start and end as HH:MM, end not before start."""

    day: date
    start: str
    end: str
    description: str

    def __post_init__(self) -> None:
        for name, value in (("init_time", self.start), ("end_time", self.end)):
            if not _HHMM.match(value):
                raise InvalidInput(name, "time_of_day")
        if self.end < self.start:
            raise InvalidInput("end_time", "not_before", {"other": "init_time"})
        if not self.description.strip():
            raise InvalidInput("description", "min_length")
