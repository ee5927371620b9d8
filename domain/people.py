"""Clients (customer companies) and users (admins, attendants and client requestors)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from domain.ids import ClientId, UserId


class UserType(Enum):
    ADMIN = "admin"
    ATTENDANT = "attendant"
    CLIENT = "client"

    @property
    def can_attend(self) -> bool:
        """Admins attend tickets too: both may be a ticket's responsible."""
        return self in (UserType.ADMIN, UserType.ATTENDANT)


@dataclass(frozen=True)
class Client:
    id: ClientId
    name: str
    legal_name: str | None = None
    active: bool = True


@dataclass(frozen=True)
class User:
    """A person with a login; a requestor (type client) may say which client company they belong to."""

    id: UserId
    name: str
    email: str | None = None
    type: UserType | None = None
    active: bool = True
    technical_group_id: int | None = None
    client_id: ClientId | None = None


@dataclass(frozen=True)
class PersonRef:
    """A person as other records mention them: an id and a name, sometimes an e-mail."""

    id: int | None
    name: str | None
    email: str | None = None
