"""Agents (the users who attend tickets: admins and attendants), their licences and technical groups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import NewType

from domain.ids import ClientId, UserId

TechnicalGroupId = NewType("TechnicalGroupId", int)

LICENCES = (
    "whatsapp_license",
    "tickets_license",
    "remote_access_license",
    "api_license",
    "splashtop_license",
)


@dataclass(frozen=True)
class TechnicalGroup:
    """A technical (attendant) group: the agents who work together on desks and clients."""

    id: TechnicalGroupId
    name: str
    description: str | None = None
    active: bool = True


@dataclass(frozen=True)
class Licences:
    """The paid modules a user may use; None leaves a licence as it is (or unknown)."""

    whatsapp_license: bool | None = None
    tickets_license: bool | None = None
    remote_access_license: bool | None = None
    api_license: bool | None = None
    splashtop_license: bool | None = None

    def given(self) -> dict[str, bool]:
        """The licences set, in the API's order."""
        return {f.name: value for f in fields(self) if (value := getattr(self, f.name)) is not None}


@dataclass(frozen=True)
class Agent:
    """A user in full, as `GET /users/{id}` shows them (admins only)."""

    id: UserId
    name: str
    email: str | None = None
    type: str | None = None  # admin | attendant | client, as the API says
    active: bool | None = None
    technical_group_id: TechnicalGroupId | None = None
    telephone: str | None = None
    extension: str | None = None
    country_code: str | None = None
    client_ids: Sequence[ClientId] = ()
    last_login_at: datetime | None = None
    gauth_enabled: bool | None = None
    signature: str | None = None
    licences: Licences = Licences()


@dataclass(frozen=True)
class NewAgent:
    """An agent to create; licences left None are not sent."""

    name: str
    email: str
    technical_group_id: TechnicalGroupId
    licences: Licences = Licences()


@dataclass(frozen=True)
class AgentChanges:
    """What to change on a user; None leaves a value as it is."""

    name: str | None = None
    email: str | None = None
    active: bool | None = None
    extension: str | None = None
    telephone: str | None = None
    client_ids: tuple[ClientId, ...] | None = None
    country_code: str | None = None
    licences: Licences = Licences()
    technical_group_id: TechnicalGroupId | None = None

    def changed(self) -> tuple[str, ...]:
        """The names of the values that change, in the order the API takes them (the group last)."""
        plain = ("name", "email", "active", "extension", "telephone", "client_ids", "country_code")
        keys = [key for key in plain if getattr(self, key) is not None]
        keys.extend(self.licences.given())
        if self.technical_group_id is not None:
            keys.append("technical_group_id")
        return tuple(keys)
