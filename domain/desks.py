"""Desks (mesas) and what belongs to them: stages, priorities and the services catalog."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from domain.ids import CatalogAreaId, CatalogId, CatalogItemId, DeskId, PriorityId, StageId


@dataclass(frozen=True)
class Desk:
    """A service desk. `name` is the internal name, `display_name` what customers see."""

    id: DeskId
    name: str
    display_name: str | None = None
    active: bool = True
    appointment_type: str | None = None
    settings: Mapping[str, object] = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, self.display_name) if n)

    @property
    def label(self) -> str:
        return self.display_name or self.name


@dataclass(frozen=True)
class Stage:
    id: StageId
    name: str
    order: int | None = None
    first: bool = False
    last: bool = False
    max_time: str | None = None


@dataclass(frozen=True)
class Priority:
    id: PriorityId
    name: str
    order: int | None = None
    first_response_time: str | None = None
    resolution_time: str | None = None


@dataclass(frozen=True)
class ServicesCatalog:
    id: CatalogId
    name: str


@dataclass(frozen=True)
class CatalogArea:
    id: CatalogAreaId
    name: str


@dataclass(frozen=True)
class CatalogItem:
    """A selectable item of a desk's services catalog (catalog → area → item)."""

    id: CatalogItemId
    name: str
    area: CatalogArea | None = None
    catalog: ServicesCatalog | None = None
    start_time: str | None = None
    end_time: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name,) if n)
