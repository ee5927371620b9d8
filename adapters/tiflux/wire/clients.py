"""A client's registration as the API sends it, and the bodies the clients toolset sends."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from adapters.tiflux.wire.base import Timestamp, WireModel
from adapters.tiflux.wire.tickets import EntityValuesWire
from domain.clients import (
    Address,
    AddressData,
    BillingReport,
    ClientData,
    ClientRecord,
    Contact,
    ContactData,
    LinkedDesk,
    LinkedGroup,
    NewPortalUser,
    PortalUser,
)
from domain.ids import ClientId, DeskId


class LinkedDeskWire(WireModel):
    id: int
    name: str | None = None
    display_name: str | None = None
    active: bool | None = None

    def to_domain(self) -> LinkedDesk:
        return LinkedDesk(DeskId(self.id), self.name or None, self.display_name or None, self.active)


class LinkedGroupWire(WireModel):
    id: int
    name: str | None = None
    description: str | None = None
    active: bool | None = None

    def to_domain(self) -> LinkedGroup:
        return LinkedGroup(self.id, self.name or None, self.description or None, self.active)


class ClientRecordWire(WireModel):
    id: int
    name: str = ""
    social: str | None = None
    social_revenue: str | None = None
    status: bool | None = None
    email_financial: str | None = None
    sms_financial: str | None = None
    municipal_registration: str | None = None
    estadual_registration: str | None = None
    max_agents: int | None = None
    anotations: str | None = None
    visible_to_clients: bool | None = None
    authorization_flow: bool | None = None
    billing_report_type: str | None = None
    desks: list[LinkedDeskWire] | None = None
    technical_groups: list[LinkedGroupWire] | None = None
    # `GET /clients/{id}?show_entities=true`: the "GET shape" (marked options only).
    entities: list[EntityValuesWire] | None = Field(default=None)
    created_at: Timestamp = None
    updated_at: Timestamp = None

    def to_domain(self) -> ClientRecord:
        return ClientRecord(
            id=ClientId(self.id),
            name=self.name,
            social=self.social or None,
            social_revenue=self.social_revenue or None,
            status=self.status,
            email_financial=self.email_financial or None,
            sms_financial=self.sms_financial or None,
            municipal_registration=self.municipal_registration or None,
            estadual_registration=self.estadual_registration or None,
            max_agents=self.max_agents,
            anotations=self.anotations or None,
            visible_to_clients=self.visible_to_clients,
            authorization_flow=self.authorization_flow,
            billing_report_type=self.billing_report_type or None,
            desks=tuple(desk.to_domain() for desk in self.desks or ()),
            technical_groups=tuple(group.to_domain() for group in self.technical_groups or ()),
            custom_fields=tuple(group.to_domain() for group in self.entities or ()),
            created_at=self.created_at,
            updated_at=self.updated_at,
        )


def client_json(data: ClientData) -> dict[str, Any]:
    """`POST /clients` and `PUT /clients/{id}`: the values given, in the API's order (not wrapped)."""
    body: dict[str, Any] = {}
    for key in data.given():
        value = getattr(data, key)
        if isinstance(value, BillingReport):
            value = value.value
        elif isinstance(value, tuple):
            value = list(value)
        body[key] = value
    return body


class PortalUserWire(WireModel):
    id: int | None = None
    name: str = ""
    email: str | None = None

    def to_domain(self) -> PortalUser:
        return PortalUser(self.id, self.name, self.email or None)


def portal_user_of(payload: Any) -> Any:
    """The created user: the answer is a bare object, or (not determinable) one wrapped in `user`."""
    if isinstance(payload, dict) and isinstance(payload.get("user"), dict) and "id" not in payload:
        return payload["user"]
    return payload


def portal_user_json(user: NewPortalUser) -> dict[str, Any]:
    """`POST /clients/{id}/users`: wrapped in `user` (unlike a requestor), optional values only when given."""
    body: dict[str, Any] = {"name": user.name, "email": user.email}
    optional = {
        "extension": user.extension,
        "authorization_flow": user.authorization_flow,
        "telephone": user.telephone,
        "country_code": user.country_code,
    }
    body.update({key: value for key, value in optional.items() if value is not None})
    return {"user": body}


class AddressWire(WireModel):
    id: int
    street: str | None = None
    number: int | None = None
    complement: str | None = None
    neighborhood: str | None = None
    city: str | None = None
    state: str | None = None
    cep: str | None = None

    def to_domain(self) -> Address:
        return Address(
            self.id,
            self.street or None,
            self.number,
            self.complement or None,
            self.neighborhood or None,
            self.city or None,
            self.state or None,
            self.cep or None,
        )


def address_json(data: AddressData) -> dict[str, Any]:
    """`POST`/`PUT /clients/{id}/addresses`: wrapped in `address`, the values given, in the API's order."""
    return {"address": {key: getattr(data, key) for key in data.given()}}


class ContactWire(WireModel):
    """A contact as the API answers it: the phone comes back as `telephone`."""

    id: int
    owner: str | None = None
    use: str | None = None
    telephone: str | None = None
    email: str | None = None
    country: str | None = None

    def to_domain(self) -> Contact:
        return Contact(
            self.id,
            self.owner or None,
            self.use or None,
            self.telephone or None,
            self.email or None,
            self.country or None,
        )


def contact_json(data: ContactData) -> dict[str, Any]:
    """`POST`/`PUT /clients/{id}/contacts`: wrapped in `contact`; the phone is sent as `number` (and read
    back as `telephone`)."""
    renamed = {"telephone": "number"}
    return {"contact": {renamed.get(key, key): getattr(data, key) for key in data.given()}}
