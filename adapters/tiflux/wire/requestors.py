"""Requestors, technical users and departments as the API sends them."""

from __future__ import annotations

from pydantic import Field

from adapters.tiflux.wire.base import Timestamp, WireModel
from adapters.tiflux.wire.tickets import EntityValuesWire
from domain.ids import ClientId, DepartmentId, UserId
from domain.requestors import (
    Department,
    NewRequestor,
    Requestor,
    RequestorChanges,
    RequestorClient,
    RequestorId,
    TechnicalUser,
)


class RequestorClientWire(WireModel):
    id: int
    name: str | None = None


class RequestorWire(WireModel):
    id: int
    name: str = ""
    email: str | None = None
    telephone: str | None = None
    extension: str | None = None
    can_open_ticket: bool | None = None
    client: RequestorClientWire | None = None
    created_at: Timestamp = None
    updated_at: Timestamp = None
    # `GET /clients/{id}/requestors/{rid}?include_entity_fields=true`: the "GET shape" (marked options only).
    entities: list[EntityValuesWire] = Field(default_factory=list)

    def to_domain(self) -> Requestor:
        client = RequestorClient(ClientId(self.client.id), self.client.name) if self.client else None
        return Requestor(
            id=RequestorId(self.id),
            name=self.name,
            email=self.email or None,
            telephone=self.telephone or None,
            extension=self.extension or None,
            can_open_ticket=self.can_open_ticket,
            client=client,
            created_at=self.created_at,
            updated_at=self.updated_at,
            custom_fields=tuple(group.to_domain() for group in self.entities),
        )


class TechnicalUserWire(WireModel):
    id: int
    name: str = ""
    email: str | None = None

    def to_domain(self) -> TechnicalUser:
        return TechnicalUser(id=UserId(self.id), name=self.name, email=self.email or None)


class DepartmentWire(WireModel):
    id: int
    name: str = ""

    def to_domain(self) -> Department:
        return Department(id=DepartmentId(self.id), name=self.name)


# --- bodies (people.md §3.4, §3.5): a requestor is not wrapped (unlike a portal user's `{"user": ...}`) ----


def new_requestor_json(requestor: NewRequestor) -> dict[str, object]:
    """`POST /clients/{id}/requestors`: name and e-mail, then only the optional values given."""
    body: dict[str, object] = {"name": requestor.name, "email": requestor.email}
    optional = {
        "telephone": requestor.telephone,
        "can_open_ticket": requestor.can_open_ticket,
        "extension": requestor.extension,
        "country": requestor.country,
    }
    body.update({key: value for key, value in optional.items() if value is not None})
    return body


def requestor_changes_json(changes: RequestorChanges) -> dict[str, object]:
    """`PUT /clients/{id}/requestors/{rid}`: only the values that change."""
    return {key: getattr(changes, key) for key in changes.changed()}
