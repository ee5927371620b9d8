"""The organisation's catalogs, areas and items as `/services-catalogs` and `/services-catalogs-areas` send
them (items name their area `services_catalogs_area`, not `area` as the desk route does)."""

from __future__ import annotations

from adapters.tiflux.wire.base import WireModel
from adapters.tiflux.wire.desks import AreaWire, CatalogWire
from domain.catalogs import Area
from domain.desks import CatalogArea, CatalogItem
from domain.ids import CatalogAreaId, CatalogItemId


class CatalogAreaWire(WireModel):
    id: int
    name: str = ""
    services_catalog: CatalogWire | None = None

    def to_domain(self) -> Area:
        catalog = self.services_catalog.to_domain() if self.services_catalog else None
        return Area(CatalogAreaId(self.id), self.name, catalog)


class AreaItemWire(WireModel):
    id: int
    name: str = ""
    start_time: str | None = None
    end_time: str | None = None
    services_catalogs_area: AreaWire | None = None
    services_catalog: CatalogWire | None = None

    def to_domain(self) -> CatalogItem:
        area = self.services_catalogs_area
        return CatalogItem(
            id=CatalogItemId(self.id),
            name=self.name,
            area=CatalogArea(CatalogAreaId(area.id), area.name) if area else None,
            catalog=self.services_catalog.to_domain() if self.services_catalog else None,
            start_time=self.start_time or None,
            end_time=self.end_time or None,
        )
