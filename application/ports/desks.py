"""The desks area of TiFlux: desks and their stages, priorities and services catalog."""

from __future__ import annotations

from typing import Protocol

from domain.desks import CatalogItem, Desk, Priority, ServicesCatalog, Stage
from domain.ids import CatalogAreaId, CatalogId, DeskId
from domain.paging import Page, PageRequest


class DesksPort(Protocol):
    """Reads desks and what they offer to classify a ticket."""

    async def list(self, *, active: bool | None, name: str | None, page: PageRequest) -> Page[Desk]:
        """One page of desks; `name` is the API's exact, case-insensitive match on either name."""
        ...

    async def get(self, desk_id: DeskId) -> Desk:
        """A desk with its whole configuration; NotFound if absent."""
        ...

    async def stages(self, desk_id: DeskId, page: PageRequest) -> Page[Stage]:
        """One page of the desk's stages, in flow order."""
        ...

    async def priorities(self, desk_id: DeskId, page: PageRequest) -> Page[Priority]:
        """One page of the desk's priorities."""
        ...

    async def catalogs(self, desk_id: DeskId, page: PageRequest) -> Page[ServicesCatalog]:
        """One page of the desk's services catalogs."""
        ...

    async def catalog_items(
        self,
        desk_id: DeskId,
        page: PageRequest,
        *,
        area_id: CatalogAreaId | None = None,
        catalog_id: CatalogId | None = None,
        search: str | None = None,
    ) -> Page[CatalogItem]:
        """One page of the desk's catalog items; `search` is the API's free-text match."""
        ...
