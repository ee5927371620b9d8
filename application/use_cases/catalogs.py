"""The organisation's service catalogs: list, create, rename and remove catalogs, areas and items.

A catalog is given by ID or name; an area by ID, or by name within its catalog (ID or name). What a call
needs is checked before any request: an area name without its catalog is refused, not looked up. Removing a
catalog or an area cascades in TiFlux, so the removal first counts what will go; when the count fails,
nothing is removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from application.concurrently import concurrently
from application.ports.catalogs import CatalogsPort
from application.resolvers import CATALOG, CATALOG_AREA, References, Settled, decisions
from domain.catalogs import Area, Cascade, ItemChanges, ItemTimes
from domain.desks import CatalogItem, ServicesCatalog
from domain.errors import InvalidInput
from domain.ids import CatalogAreaId, CatalogId, CatalogItemId
from domain.knowledge import Counted
from domain.paging import MAX_PAGE_SIZE, PageRequest
from domain.resolution import Decision, Reference

MAX_COUNTED_PAGES = 50  # per list: up to 10,000 areas or items of one area are counted
PARALLEL_COUNTS = 8  # item counts of a catalog's areas in flight at once


# --- where a call works --------------------------------------------------------------------------------


def needs_catalog(catalog: Reference[CatalogId]) -> None:
    """An area tool needs its catalog (ID or name), refused before any request."""
    if not catalog.given:
        raise InvalidInput(catalog.id_field, "catalog_required", {"name": catalog.name_field})


def needs_area(area: Reference[CatalogAreaId], catalog: Reference[CatalogId]) -> None:
    """An item tool needs its area: its ID, or its name with the catalog; refused before any request."""
    if area.id is not None:
        return
    if not area.name:
        raise InvalidInput(area.id_field, "area_required", {"name": area.name_field})
    if not catalog.given:
        raise InvalidInput(
            area.name_field, "area_needs_catalog", {"id": catalog.id_field, "name": catalog.name_field}
        )


@dataclass(frozen=True)
class Places:
    """Turns catalog and area references into IDs (names on the policy of domain/resolution.py)."""

    references: References

    async def catalog(self, catalog: Reference[CatalogId]) -> Settled[CatalogId]:
        needs_catalog(catalog)
        return await self.references.resolve(CATALOG, catalog, None)

    async def area(
        self, area: Reference[CatalogAreaId], catalog: Reference[CatalogId]
    ) -> tuple[CatalogAreaId, tuple[Decision, ...]]:
        needs_area(area, catalog)
        if area.id is not None:
            return area.id, ()
        in_catalog = await self.references.resolve(CATALOG, catalog, None)
        assert in_catalog.id is not None
        settled = await self.references.resolve(CATALOG_AREA, area, in_catalog.id)
        assert settled.id is not None
        return settled.id, decisions(in_catalog, settled)


# --- counting what a removal takes with it ----------------------------------------------------------------


async def count_items(catalogs: CatalogsPort, area_id: CatalogAreaId) -> int:
    """How many active items the area holds: `X-Total-Items` when TiFlux sends it, else page by page."""
    counted = 0
    for number in range(1, MAX_COUNTED_PAGES + 1):
        listed = await catalogs.items(area_id, name=None, page=PageRequest(number, MAX_PAGE_SIZE))
        if listed.total is not None:
            return listed.total
        counted += len(listed.page)
        if not listed.page.may_have_more:
            break
    return counted


async def catalog_areas(catalogs: CatalogsPort, catalog_id: CatalogId) -> list[Area]:
    found: list[Area] = []
    for number in range(1, MAX_COUNTED_PAGES + 1):
        listed = await catalogs.areas(catalog_id, name=None, page=PageRequest(number, MAX_PAGE_SIZE))
        found.extend(listed.page)
        if not listed.page.may_have_more:
            break
    return found


async def count_cascade(catalogs: CatalogsPort, catalog_id: CatalogId) -> Cascade:
    """The areas and items removing the catalog deactivates; any failed request fails the whole count."""
    areas = await catalog_areas(catalogs, catalog_id)
    items = 0
    for start in range(0, len(areas), PARALLEL_COUNTS):
        batch = areas[start : start + PARALLEL_COUNTS]
        counts: tuple[Any, ...] = await concurrently(*(count_items(catalogs, a.id) for a in batch))
        items += sum(counts)
    return Cascade(areas=len(areas), items=items)


# --- catalogs ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListCatalogs:
    """The organisation's active catalogs, optionally by name (partial)."""

    catalogs: CatalogsPort

    async def __call__(self, *, name: str | None, page: PageRequest) -> Counted[ServicesCatalog]:
        return await self.catalogs.catalogs(name=name or None, page=page)


@dataclass(frozen=True)
class CreateCatalog:
    catalogs: CatalogsPort

    async def __call__(self, name: str) -> ServicesCatalog:
        return await self.catalogs.create_catalog(name)


@dataclass(frozen=True)
class RenameCatalog:
    catalogs: CatalogsPort

    async def __call__(self, catalog_id: CatalogId, name: str) -> ServicesCatalog:
        return await self.catalogs.rename_catalog(catalog_id, name)


@dataclass(frozen=True)
class CatalogDeleted:
    catalog_id: int
    cascade: Cascade


@dataclass(frozen=True)
class DeleteCatalog:
    """Counts the catalog's areas and items, then removes it (nothing is removed when the count fails)."""

    catalogs: CatalogsPort

    async def __call__(self, catalog_id: CatalogId) -> CatalogDeleted:
        cascade = await count_cascade(self.catalogs, catalog_id)
        await self.catalogs.delete_catalog(catalog_id)
        return CatalogDeleted(catalog_id, cascade)


# --- areas -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaListing:
    catalog_id: int
    listed: Counted[Area]
    resolved: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class ListAreas:
    """A catalog's active areas, the catalog by ID or name."""

    catalogs: CatalogsPort
    references: References

    async def __call__(
        self, catalog: Reference[CatalogId], *, name: str | None, page: PageRequest
    ) -> AreaListing:
        settled = await Places(self.references).catalog(catalog)
        assert settled.id is not None
        listed = await self.catalogs.areas(settled.id, name=name or None, page=page)
        return AreaListing(settled.id, listed, decisions(settled))


@dataclass(frozen=True)
class AreaWritten:
    catalog_id: int
    area: Area
    resolved: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class CreateArea:
    catalogs: CatalogsPort
    references: References

    async def __call__(self, catalog: Reference[CatalogId], name: str) -> AreaWritten:
        settled = await Places(self.references).catalog(catalog)
        assert settled.id is not None
        return AreaWritten(settled.id, await self.catalogs.create_area(settled.id, name), decisions(settled))


@dataclass(frozen=True)
class RenameArea:
    catalogs: CatalogsPort
    references: References

    async def __call__(self, catalog: Reference[CatalogId], area_id: CatalogAreaId, name: str) -> AreaWritten:
        settled = await Places(self.references).catalog(catalog)
        assert settled.id is not None
        area = await self.catalogs.rename_area(settled.id, area_id, name)
        return AreaWritten(settled.id, area, decisions(settled))


@dataclass(frozen=True)
class AreaDeleted:
    catalog_id: int
    area_id: int
    items: int
    resolved: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class DeleteArea:
    """Counts the area's items, then removes it (nothing is removed when the count fails)."""

    catalogs: CatalogsPort
    references: References

    async def __call__(self, catalog: Reference[CatalogId], area_id: CatalogAreaId) -> AreaDeleted:
        needs_catalog(catalog)
        items = await count_items(self.catalogs, area_id)
        settled = await Places(self.references).catalog(catalog)
        assert settled.id is not None
        await self.catalogs.delete_area(settled.id, area_id)
        return AreaDeleted(settled.id, area_id, items, decisions(settled))


# --- items -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemListing:
    area_id: int
    listed: Counted[CatalogItem]
    resolved: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class ListItems:
    """An area's active items, the area by ID or by name within its catalog."""

    catalogs: CatalogsPort
    references: References

    async def __call__(
        self,
        area: Reference[CatalogAreaId],
        catalog: Reference[CatalogId],
        *,
        name: str | None,
        page: PageRequest,
    ) -> ItemListing:
        area_id, resolved = await Places(self.references).area(area, catalog)
        return ItemListing(
            area_id, await self.catalogs.items(area_id, name=name or None, page=page), resolved
        )


@dataclass(frozen=True)
class ItemWritten:
    area_id: int
    item: CatalogItem
    fields: tuple[str, ...] = ()
    resolved: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class CreateItem:
    catalogs: CatalogsPort
    references: References

    async def __call__(
        self, area: Reference[CatalogAreaId], catalog: Reference[CatalogId], name: str, times: ItemTimes
    ) -> ItemWritten:
        area_id, resolved = await Places(self.references).area(area, catalog)
        item = await self.catalogs.create_item(area_id, name, times)
        return ItemWritten(area_id, item, ("name", "start_time", "end_time"), resolved)


@dataclass(frozen=True)
class UpdateItem:
    """Changes an item's name or times; at least one of them."""

    catalogs: CatalogsPort
    references: References

    async def __call__(
        self,
        area: Reference[CatalogAreaId],
        catalog: Reference[CatalogId],
        item_id: CatalogItemId,
        changes: ItemChanges,
    ) -> ItemWritten:
        if not changes.fields:
            raise InvalidInput("name", "item_change_required")
        area_id, resolved = await Places(self.references).area(area, catalog)
        item = await self.catalogs.update_item(area_id, item_id, changes)
        return ItemWritten(area_id, item, changes.fields, resolved)


@dataclass(frozen=True)
class ItemDeleted:
    area_id: int
    item_id: int
    resolved: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class DeleteItem:
    catalogs: CatalogsPort
    references: References

    async def __call__(
        self, area: Reference[CatalogAreaId], catalog: Reference[CatalogId], item_id: CatalogItemId
    ) -> ItemDeleted:
        area_id, resolved = await Places(self.references).area(area, catalog)
        await self.catalogs.delete_item(area_id, item_id)
        return ItemDeleted(area_id, item_id, resolved)
