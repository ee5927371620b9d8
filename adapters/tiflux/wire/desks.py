"""Desks, stages, priorities and the services catalog as the API sends them."""

from __future__ import annotations

from pydantic import ConfigDict

from adapters.tiflux.wire.base import WireModel
from domain.desks import CatalogArea, CatalogItem, Desk, Priority, ServicesCatalog, Stage
from domain.ids import CatalogAreaId, CatalogId, CatalogItemId, DeskId, PriorityId, StageId


class PriorityWire(WireModel):
    id: int
    name: str = ""
    order: int | None = None
    start_time: str | None = None
    end_time: str | None = None

    def to_domain(self) -> Priority:
        return Priority(
            id=PriorityId(self.id),
            name=self.name,
            order=self.order,
            first_response_time=self.start_time,
            resolution_time=self.end_time,
        )


class DeskWire(WireModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    id: int
    name: str = ""
    display_name: str | None = None
    active: bool = True
    appointment_type: str | None = None

    def to_domain(self) -> Desk:
        return Desk(
            id=DeskId(self.id),
            name=self.name,
            display_name=self.display_name,
            active=self.active,
            appointment_type=self.appointment_type,
            settings=dict(self.model_extra or {}),
        )


class StageWire(WireModel):
    id: int
    name: str = ""
    index: int | None = None
    first_stage: bool = False
    last_stage: bool = False
    max_time: str | None = None

    def to_domain(self) -> Stage:
        return Stage(
            id=StageId(self.id),
            name=self.name,
            order=self.index,
            first=self.first_stage,
            last=self.last_stage,
            max_time=self.max_time,
        )


class CatalogWire(WireModel):
    id: int
    name: str = ""

    def to_domain(self) -> ServicesCatalog:
        return ServicesCatalog(id=CatalogId(self.id), name=self.name)


class AreaWire(WireModel):
    id: int
    name: str = ""


class CatalogItemWire(WireModel):
    id: int
    name: str = ""
    area: AreaWire | None = None
    catalog: CatalogWire | None = None
    start_time: str | None = None
    end_time: str | None = None

    def to_domain(self) -> CatalogItem:
        return CatalogItem(
            id=CatalogItemId(self.id),
            name=self.name,
            area=CatalogArea(CatalogAreaId(self.area.id), self.area.name) if self.area else None,
            catalog=self.catalog.to_domain() if self.catalog else None,
            start_time=self.start_time,
            end_time=self.end_time,
        )
