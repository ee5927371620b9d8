"""Client companies over HTTP (people.md §1). A 403 on these routes says the key's user may not see or
change clients; which permission exactly is not determinable, so the message names the area."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.knowledge import needing
from adapters.tiflux.http.records import page_params
from adapters.tiflux.wire import EntitiesWire, page_of, parse_one
from adapters.tiflux.wire.clients import (
    AddressWire,
    ClientRecordWire,
    ContactWire,
    LinkedDeskWire,
    LinkedGroupWire,
    PortalUserWire,
    address_json,
    client_json,
    contact_json,
    portal_user_json,
    portal_user_of,
)
from adapters.tiflux.wire.writes import field_values_json
from application.commands import FieldValueChange
from domain.clients import (
    Address,
    AddressData,
    ClientData,
    ClientFilter,
    ClientRecord,
    Contact,
    ContactData,
    LinkedDesk,
    LinkedGroup,
    NewPortalUser,
    PortalUser,
)
from domain.custom_fields import EntityValues
from domain.ids import ClientId
from domain.paging import Page, PageRequest

READ_NEED = "clients.read"
WRITE_NEED = "clients.write"


def _client_missing(client_id: ClientId) -> NotFoundAs:
    return NotFoundAs("client", str(client_id))


def _address_missing(client_id: ClientId, address_id: int) -> NotFoundAs:
    return NotFoundAs("address", f"{address_id} (client {client_id})")


def _contact_missing(client_id: ClientId, contact_id: int) -> NotFoundAs:
    return NotFoundAs("contact", f"{contact_id} (client {client_id})")


@dataclass(frozen=True)
class HttpClients:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def get(self, client_id: ClientId, *, with_fields: bool) -> ClientRecord:
        params = query(show_entities=True if with_fields else None)
        payload = await needing(
            READ_NEED,
            self.client.get(
                self.api_key, api_path("clients", client_id), params, not_found=_client_missing(client_id)
            ),
        )
        return parse_one(ClientRecordWire, payload).to_domain()

    async def list(self, criteria: ClientFilter, page: PageRequest) -> Page[ClientRecord]:
        # Unlike search_client, no implicit `active=true`: omitted lists every client.
        params = page_params(page) | query(
            active=criteria.active, name=criteria.name, social_revenue=criteria.social_revenue
        )
        payload = await needing(READ_NEED, self.client.get(self.api_key, api_path("clients"), params))
        return page_of(ClientRecordWire, payload, page)

    async def create(self, data: ClientData) -> ClientRecord:
        payload = await needing(
            WRITE_NEED,
            self.client.write(self.api_key, "POST", api_path("clients"), json=client_json(data)),
        )
        return parse_one(ClientRecordWire, payload).to_domain()

    async def update(self, client_id: ClientId, data: ClientData) -> ClientRecord:
        payload = await needing(
            WRITE_NEED,
            self.client.write(
                self.api_key,
                "PUT",
                api_path("clients", client_id),
                json=client_json(data),
                not_found=_client_missing(client_id),
            ),
        )
        return parse_one(ClientRecordWire, payload or {"id": client_id}).to_domain()

    async def desks(self, client_id: ClientId, page: PageRequest) -> Page[LinkedDesk]:
        payload = await self._listed(client_id, "desks", page)
        return page_of(LinkedDeskWire, payload, page)

    async def technical_groups(self, client_id: ClientId, page: PageRequest) -> Page[LinkedGroup]:
        payload = await self._listed(client_id, "technical-groups", page)
        return page_of(LinkedGroupWire, payload, page)

    async def create_portal_user(self, client_id: ClientId, user: NewPortalUser) -> PortalUser:
        payload = await needing(
            WRITE_NEED,
            self.client.write(
                self.api_key,
                "POST",
                api_path("clients", client_id, "users"),
                json=portal_user_json(user),
                not_found=_client_missing(client_id),
            ),
        )
        found = parse_one(PortalUserWire, portal_user_of(payload) or {})
        return PortalUser(found.id, found.name or user.name, found.email or user.email)

    async def allow_email_tickets(self, client_id: ClientId, address: str) -> None:
        # The answer is not read (people.md §1.8): any 2xx is the permission in place.
        await needing(
            WRITE_NEED,
            self.client.write(
                self.api_key,
                "POST",
                api_path("clients", client_id, "email_tickets_permissions"),
                json={"address": address},
                not_found=_client_missing(client_id),
            ),
        )

    async def update_fields(
        self, client_id: ClientId, changes: Sequence[FieldValueChange]
    ) -> Sequence[EntityValues]:
        # The same body as a ticket's: one item per value, rebuilt (names never sent).
        payload = await needing(
            WRITE_NEED,
            self.client.write(
                self.api_key,
                "PUT",
                api_path("clients", client_id, "entities"),
                json=field_values_json(list(changes)),
                not_found=_client_missing(client_id),
            ),
        )
        return tuple(group.to_domain() for group in parse_one(EntitiesWire, payload or {}).entities)

    async def addresses(self, client_id: ClientId, page: PageRequest) -> Page[Address]:
        return page_of(AddressWire, await self._listed(client_id, "addresses", page), page)

    async def address(self, client_id: ClientId, address_id: int) -> Address:
        payload = await needing(
            READ_NEED,
            self.client.get(
                self.api_key,
                api_path("clients", client_id, "addresses", address_id),
                not_found=_address_missing(client_id, address_id),
            ),
        )
        return parse_one(AddressWire, payload).to_domain()

    async def create_address(self, client_id: ClientId, data: AddressData) -> Address:
        payload = await needing(
            WRITE_NEED,
            self.client.write(
                self.api_key,
                "POST",
                api_path("clients", client_id, "addresses"),
                json=address_json(data),
                not_found=_client_missing(client_id),
            ),
        )
        return parse_one(AddressWire, payload).to_domain()

    async def update_address(self, client_id: ClientId, address_id: int, data: AddressData) -> Address:
        payload = await needing(
            WRITE_NEED,
            self.client.write(
                self.api_key,
                "PUT",
                api_path("clients", client_id, "addresses", address_id),
                json=address_json(data),
                not_found=_address_missing(client_id, address_id),
            ),
        )
        return parse_one(AddressWire, payload or {"id": address_id}).to_domain()

    async def delete_address(self, client_id: ClientId, address_id: int) -> None:
        await needing(
            WRITE_NEED,
            self.client.write(
                self.api_key,
                "DELETE",
                api_path("clients", client_id, "addresses", address_id),
                not_found=_address_missing(client_id, address_id),
            ),
        )

    async def contacts(self, client_id: ClientId, page: PageRequest) -> Page[Contact]:
        return page_of(ContactWire, await self._listed(client_id, "contacts", page), page)

    async def contact(self, client_id: ClientId, contact_id: int) -> Contact:
        payload = await needing(
            READ_NEED,
            self.client.get(
                self.api_key,
                api_path("clients", client_id, "contacts", contact_id),
                not_found=_contact_missing(client_id, contact_id),
            ),
        )
        return parse_one(ContactWire, payload).to_domain()

    async def create_contact(self, client_id: ClientId, data: ContactData) -> Contact:
        payload = await needing(
            WRITE_NEED,
            self.client.write(
                self.api_key,
                "POST",
                api_path("clients", client_id, "contacts"),
                json=contact_json(data),
                not_found=_client_missing(client_id),
            ),
        )
        return parse_one(ContactWire, payload).to_domain()

    async def update_contact(self, client_id: ClientId, contact_id: int, data: ContactData) -> Contact:
        payload = await needing(
            WRITE_NEED,
            self.client.write(
                self.api_key,
                "PUT",
                api_path("clients", client_id, "contacts", contact_id),
                json=contact_json(data),
                not_found=_contact_missing(client_id, contact_id),
            ),
        )
        return parse_one(ContactWire, payload or {"id": contact_id}).to_domain()

    async def delete_contact(self, client_id: ClientId, contact_id: int) -> None:
        await needing(
            WRITE_NEED,
            self.client.write(
                self.api_key,
                "DELETE",
                api_path("clients", client_id, "contacts", contact_id),
                not_found=_contact_missing(client_id, contact_id),
            ),
        )

    async def _listed(self, client_id: ClientId, what: str, page: PageRequest) -> object:
        return await needing(
            READ_NEED,
            self.client.get(
                self.api_key,
                api_path("clients", client_id, what),
                page_params(page),
                not_found=_client_missing(client_id),
            ),
        )
