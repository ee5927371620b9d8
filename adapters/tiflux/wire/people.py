"""Clients and users as the API sends them."""

from __future__ import annotations

from pydantic import Field

from adapters.tiflux.wire.base import Named, WireModel
from domain.ids import ClientId, UserId
from domain.people import Client, User, UserType


class ClientWire(WireModel):
    id: int
    name: str = ""
    social: str | None = None
    status: bool = True

    def to_domain(self) -> Client:
        return Client(id=ClientId(self.id), name=self.name, legal_name=self.social, active=self.status)


def _user_type(raw: str | None) -> UserType | None:
    try:
        return UserType(raw) if raw else None
    except ValueError:
        return None


class UserWire(WireModel):
    id: int
    name: str = ""
    email: str | None = None
    user_type: str | None = Field(default=None, alias="_type")
    active: bool = True
    technical_group_id: int | None = None
    client_id: int | None = None
    client: Named | None = None

    def to_domain(self) -> User:
        client_id = (
            self.client_id if self.client_id is not None else (self.client.id if self.client else None)
        )
        return User(
            id=UserId(self.id),
            name=self.name,
            email=self.email,
            type=_user_type(self.user_type),
            active=self.active,
            technical_group_id=self.technical_group_id,
            client_id=ClientId(client_id) if client_id is not None else None,
        )
