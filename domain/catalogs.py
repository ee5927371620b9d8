"""Service catalogs of the organisation (configuration): catalogs hold areas, areas hold items.

Removing a catalog or an area cascades in TiFlux (a catalog deactivates its areas, their items and the
recurring activities that use those items; an area its items), so a removal says first what will go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.desks import CatalogItem, ServicesCatalog
from domain.errors import InvalidInput
from domain.ids import CatalogAreaId

_SLA_TIME = re.compile(r"^(\d{1,3}):([0-5]\d)$")


@dataclass(frozen=True)
class Area:
    """An area of a catalog; `catalog` when TiFlux names it."""

    id: CatalogAreaId
    name: str
    catalog: ServicesCatalog | None = None

    def __str__(self) -> str:
        """How lists of candidates show it (no words to translate): `Rede (Infraestrutura) · ID 612`."""
        where = f" ({self.catalog.name})" if self.catalog else ""
        return f"{self.name}{where} · ID {self.id}"


def sla_minutes(value: str, field: str) -> int:
    """`"120:30"` → 7230: hours 0–999, minutes 00–59; anything else is InvalidInput naming the field."""
    found = _SLA_TIME.match(value)
    if found is None:
        raise InvalidInput(field, "sla_time")
    return int(found.group(1)) * 60 + int(found.group(2))


@dataclass(frozen=True)
class ItemTimes:
    """An item's response (`start_time`) and solution (`end_time`) SLAs; solution never before response."""

    start_time: str | None = None
    end_time: str | None = None

    def __post_init__(self) -> None:
        start = sla_minutes(self.start_time, "start_time") if self.start_time is not None else None
        end = sla_minutes(self.end_time, "end_time") if self.end_time is not None else None
        if start is not None and end is not None and end < start:
            raise InvalidInput(
                "end_time", "end_before_start", {"start": self.start_time, "end": self.end_time}
            )


@dataclass(frozen=True)
class ItemChanges:
    """What an update of an item sends: only the fields given."""

    name: str | None = None
    times: ItemTimes = ItemTimes()

    @property
    def fields(self) -> tuple[str, ...]:
        given = {"name": self.name, "start_time": self.times.start_time, "end_time": self.times.end_time}
        return tuple(key for key, value in given.items() if value is not None)


@dataclass(frozen=True)
class Cascade:
    """What removing a catalog or an area deactivates with it, counted before the removal."""

    areas: int
    items: int


__all__ = ["Area", "Cascade", "CatalogItem", "ItemChanges", "ItemTimes", "ServicesCatalog", "sla_minutes"]
