"""What happened on a ticket: the answers exchanged with the customer and the ticket's history."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.ids import AnswerId, FileId
from domain.people import PersonRef


@dataclass(frozen=True)
class AnswerFile:
    """A file attached to an answer."""

    id: FileId
    name: str | None = None
    size_bytes: int | None = None
    content_type: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class TicketAnswer:
    """A reply exchanged with the customer; its body is HTML written by a person (customer or attendant)."""

    id: AnswerId
    author: str | None = None
    answered_at: datetime | None = None
    origin: str | None = None
    text_html: str | None = None
    files_count: int = 0
    files: Sequence[AnswerFile] = ()


class HistoryOf(enum.IntEnum):
    """Which history of a ticket: its stages or its appointments."""

    STAGES = 0
    APPOINTMENTS = 1


class HistoryOperation(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


@dataclass(frozen=True)
class FieldChange:
    """One field an event changed; values as compact text (JSON for objects), None when empty."""

    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class HistoryEvent:
    id: int
    action: str | None = None
    user: PersonRef | None = None
    at: datetime | None = None
    type: str | None = None
    operation: str | None = None
    changes: Sequence[FieldChange] = ()


@dataclass(frozen=True)
class HistoryQuery:
    """Which events of a ticket's history: the area, and optionally an attribute type and an operation."""

    of: HistoryOf = HistoryOf.STAGES
    type_id_attr: int | None = None
    operation: HistoryOperation | None = None
