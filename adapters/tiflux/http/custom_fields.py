"""The custom-field catalogue over HTTP."""

from __future__ import annotations

from dataclasses import dataclass, field

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.records import page_params
from adapters.tiflux.wire import EntityFieldOptionWire, EntityFieldWire, EntityWire, page_of
from domain.custom_fields import Entity, EntityField, EntityFieldOption
from domain.ids import EntityFieldId, EntityId
from domain.paging import Page, PageRequest


@dataclass(frozen=True)
class HttpCustomFields:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def entities(
        self, *, active: bool | None, applied_in: str | None, name: str | None, page: PageRequest
    ) -> Page[Entity]:
        params = page_params(page) | query(active=active, applied_in=applied_in, name=name or None)
        payload = await self.client.get(self.api_key, api_path("entities"), params)
        return page_of(EntityWire, payload, page)

    async def fields(
        self,
        entity_id: EntityId,
        *,
        field_type: str | None,
        required: bool | None,
        name: str | None,
        page: PageRequest,
    ) -> Page[EntityField]:
        params = page_params(page) | query(field_type=field_type, required=required, name=name or None)
        payload = await self.client.get(
            self.api_key,
            api_path("entities", entity_id, "fields"),
            params,
            not_found=NotFoundAs("entity", str(entity_id)),
        )
        return page_of(EntityFieldWire, payload, page)

    async def options(
        self, field_id: EntityFieldId, *, value: str | None, page: PageRequest
    ) -> Page[EntityFieldOption]:
        params = page_params(page) | query(value=value or None)
        payload = await self.client.get(
            self.api_key,
            api_path("entity_fields", field_id, "options"),
            params,
            not_found=NotFoundAs("entity_field", str(field_id)),
        )
        return page_of(EntityFieldOptionWire, payload, page)
