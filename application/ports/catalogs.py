"""The organisation's service catalogs in TiFlux: catalogs, their areas and the areas' items.

Writes need the role `service_catalogs_manage`; reading needs no stated permission. There is no detail
route for any of the three (lists filter by `name`). Removals are soft and cascade (domain/catalogs.py).
"""

from __future__ import annotations

from typing import Protocol

from domain.catalogs import Area, ItemChanges, ItemTimes
from domain.desks import CatalogItem, ServicesCatalog
from domain.ids import CatalogAreaId, CatalogId, CatalogItemId
from domain.knowledge import Counted
from domain.paging import PageRequest


class CatalogsPort(Protocol):
    async def catalogs(self, *, name: str | None, page: PageRequest) -> Counted[ServicesCatalog]:
        """One page of the active catalogs; `name` is a partial match."""
        ...

    async def create_catalog(self, name: str) -> ServicesCatalog: ...

    async def rename_catalog(self, catalog_id: CatalogId, name: str) -> ServicesCatalog: ...

    async def delete_catalog(self, catalog_id: CatalogId) -> None:
        """Removes the catalog, its areas, their items and the recurring activities using them."""
        ...

    async def areas(self, catalog_id: CatalogId, *, name: str | None, page: PageRequest) -> Counted[Area]:
        """One page of a catalog's active areas; NotFound for an unknown catalog."""
        ...

    async def create_area(self, catalog_id: CatalogId, name: str) -> Area: ...

    async def rename_area(self, catalog_id: CatalogId, area_id: CatalogAreaId, name: str) -> Area: ...

    async def delete_area(self, catalog_id: CatalogId, area_id: CatalogAreaId) -> None:
        """Removes the area and its items."""
        ...

    async def items(
        self, area_id: CatalogAreaId, *, name: str | None, page: PageRequest
    ) -> Counted[CatalogItem]:
        """One page of an area's active items; NotFound for an unknown area."""
        ...

    async def create_item(self, area_id: CatalogAreaId, name: str, times: ItemTimes) -> CatalogItem: ...

    async def update_item(
        self, area_id: CatalogAreaId, item_id: CatalogItemId, changes: ItemChanges
    ) -> CatalogItem: ...

    async def delete_item(self, area_id: CatalogAreaId, item_id: CatalogItemId) -> None: ...
