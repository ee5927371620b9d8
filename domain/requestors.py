"""Requestors (the people of a client company who open tickets), the attendants and the chat departments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import NewType

from domain.custom_fields import EntityValues
from domain.ids import ClientId, DepartmentId, UserId

RequestorId = NewType("RequestorId", int)


@dataclass(frozen=True)
class RequestorClient:
    """The client company a requestor belongs to, as the API names it."""

    id: ClientId
    name: str | None = None


@dataclass(frozen=True)
class Requestor:
    """A requestor of a client; `can_open_ticket` says whether they may open tickets by e-mail."""

    id: RequestorId
    name: str
    email: str | None = None
    telephone: str | None = None
    extension: str | None = None
    can_open_ticket: bool | None = None
    client: RequestorClient | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    custom_fields: Sequence[EntityValues] = field(default_factory=tuple)


@dataclass(frozen=True)
class RequestorFilter:
    """What narrows a list of requestors; every text is the API's partial match."""

    name: str | None = None
    email: str | None = None
    telephone: str | None = None  # digits only
    extension: str | None = None
    can_open_ticket: bool | None = None

    @property
    def narrows(self) -> bool:
        return bool(self.name or self.email or self.telephone or self.extension) or (
            self.can_open_ticket is not None
        )


@dataclass(frozen=True)
class NewRequestor:
    """A requestor to add to a client; optional values left out are not sent."""

    name: str
    email: str
    telephone: str | None = None  # digits only
    can_open_ticket: bool | None = None
    extension: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class RequestorChanges:
    """What to change on a requestor; None leaves a value as it is."""

    name: str | None = None
    telephone: str | None = None
    email: str | None = None
    can_open_ticket: bool | None = None
    extension: str | None = None

    def changed(self) -> tuple[str, ...]:
        """The names of the values that change, in the order the API takes them."""
        return tuple(
            key
            for key in ("name", "telephone", "email", "can_open_ticket", "extension")
            if getattr(self, key) is not None
        )


@dataclass(frozen=True)
class TechnicalUser:
    """An attendant as `GET /technical-users` lists them: someone a ticket can be assigned to."""

    id: UserId
    name: str
    email: str | None = None


@dataclass(frozen=True)
class Department:
    """A chat department (a `department_id` of the chat lists)."""

    id: DepartmentId
    name: str
