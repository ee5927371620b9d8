"""The organisation's service catalogs over HTTP. Writes wrap their fields (`{"services_catalog": {…}}`,
`{"area": {…}}`, `{"item": {…}}`); a DELETE answers 204 without a body, which is success."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.knowledge import needing
from adapters.tiflux.http.records import page_params
from adapters.tiflux.wire import page_of, parse_one
from adapters.tiflux.wire.catalogs import AreaItemWire, CatalogAreaWire
from adapters.tiflux.wire.desks import CatalogWire
from domain.catalogs import Area, ItemChanges, ItemTimes
from domain.desks import CatalogItem, ServicesCatalog
from domain.errors import Rejected
from domain.ids import CatalogAreaId, CatalogId, CatalogItemId
from domain.knowledge import Counted
from domain.paging import PageRequest

# Every write needs the role `service_catalogs_manage` (assets.md A.5): a 403 says so.
MANAGE_NEED = "catalogs.manage"
CATALOGS = "services-catalogs"
AREAS = "services-catalogs-areas"
NAME_IN_USE = "catalogs.name_in_use"


def item_json(name: str | None, times: ItemTimes) -> dict[str, Any]:
    """The `{"item": {…}}` body: only the fields given."""
    fields = {"name": name, "start_time": times.start_time, "end_time": times.end_time}
    return {"item": {key: value for key, value in fields.items() if value is not None}}


@dataclass(frozen=True)
class HttpCatalogs:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def catalogs(self, *, name: str | None, page: PageRequest) -> Counted[ServicesCatalog]:
        params = page_params(page) | query(name=name or None)
        payload, total = await self.client.get_counted(self.api_key, api_path(CATALOGS), params)
        return Counted(page_of(CatalogWire, payload, page), total)

    async def create_catalog(self, name: str) -> ServicesCatalog:
        payload = await self._write("POST", api_path(CATALOGS), {"services_catalog": {"name": name}})
        return parse_one(CatalogWire, payload).to_domain()

    async def rename_catalog(self, catalog_id: CatalogId, name: str) -> ServicesCatalog:
        payload = await self._write(
            "PUT", api_path(CATALOGS, catalog_id), {"services_catalog": {"name": name}}, _catalog(catalog_id)
        )
        return parse_one(CatalogWire, payload).to_domain()

    async def delete_catalog(self, catalog_id: CatalogId) -> None:
        await self._write("DELETE", api_path(CATALOGS, catalog_id), None, _catalog(catalog_id))

    async def areas(self, catalog_id: CatalogId, *, name: str | None, page: PageRequest) -> Counted[Area]:
        params = page_params(page) | query(name=name or None)
        payload, total = await self.client.get_counted(
            self.api_key, api_path(CATALOGS, catalog_id, "areas"), params, not_found=_catalog(catalog_id)
        )
        return Counted(page_of(CatalogAreaWire, payload, page), total)

    async def create_area(self, catalog_id: CatalogId, name: str) -> Area:
        payload = await self._write(
            "POST", api_path(CATALOGS, catalog_id, "areas"), {"area": {"name": name}}, _catalog(catalog_id)
        )
        return parse_one(CatalogAreaWire, payload).to_domain()

    async def rename_area(self, catalog_id: CatalogId, area_id: CatalogAreaId, name: str) -> Area:
        payload = await self._write(
            "PUT", api_path(CATALOGS, catalog_id, "areas", area_id), {"area": {"name": name}}, _area(area_id)
        )
        return parse_one(CatalogAreaWire, payload).to_domain()

    async def delete_area(self, catalog_id: CatalogId, area_id: CatalogAreaId) -> None:
        await self._write("DELETE", api_path(CATALOGS, catalog_id, "areas", area_id), None, _area(area_id))

    async def items(
        self, area_id: CatalogAreaId, *, name: str | None, page: PageRequest
    ) -> Counted[CatalogItem]:
        params = page_params(page) | query(name=name or None)
        payload, total = await self.client.get_counted(
            self.api_key, api_path(AREAS, area_id, "items"), params, not_found=_area(area_id)
        )
        return Counted(page_of(AreaItemWire, payload, page), total)

    async def create_item(self, area_id: CatalogAreaId, name: str, times: ItemTimes) -> CatalogItem:
        payload = await self._write(
            "POST", api_path(AREAS, area_id, "items"), item_json(name, times), _area(area_id)
        )
        return parse_one(AreaItemWire, payload).to_domain()

    async def update_item(
        self, area_id: CatalogAreaId, item_id: CatalogItemId, changes: ItemChanges
    ) -> CatalogItem:
        payload = await self._write(
            "PUT",
            api_path(AREAS, area_id, "items", item_id),
            item_json(changes.name, changes.times),
            _item(item_id),
        )
        return parse_one(AreaItemWire, payload).to_domain()

    async def delete_item(self, area_id: CatalogAreaId, item_id: CatalogItemId) -> None:
        await self._write("DELETE", api_path(AREAS, area_id, "items", item_id), None, _item(item_id))

    async def _write(
        self, method: str, path: str, body: dict[str, Any] | None, not_found: NotFoundAs | None = None
    ) -> Any:
        """Sent once; a 403 names the role. DELETE goes without a body."""
        extra: dict[str, Any] = {"json": body} if body is not None else {}
        try:
            return await needing(
                MANAGE_NEED, self.client.write(self.api_key, method, path, not_found=not_found, **extra)
            )
        except Rejected as rejected:  # a 422 on `name`: names are unique per organisation or catalog
            if any(message.startswith("name:") for message in rejected.messages):
                raise dataclasses.replace(rejected, hint=NAME_IN_USE) from None
            raise


def _catalog(catalog_id: CatalogId) -> NotFoundAs:
    return NotFoundAs("services_catalog", str(catalog_id))


def _area(area_id: CatalogAreaId) -> NotFoundAs:
    return NotFoundAs("catalog_area", str(area_id))


def _item(item_id: CatalogItemId) -> NotFoundAs:
    return NotFoundAs("catalog_item", str(item_id))
