"""Equipment: finding machines, reading their inventory, and their installed software."""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.equipment import EquipmentPort
from application.resolvers import CLIENT, References, decisions
from domain.equipment import (
    Equipment,
    EquipmentDetail,
    EquipmentFields,
    EquipmentGroup,
    EquipmentId,
    EquipmentType,
    Software,
)
from domain.errors import InvalidInput
from domain.ids import ClientId
from domain.knowledge import Counted
from domain.paging import Page, PageRequest
from domain.resolution import Decision, Reference


@dataclass(frozen=True)
class ListEquipmentTypes:
    """The organisation's equipment types, optionally by name."""

    equipment: EquipmentPort

    async def __call__(self, *, name: str | None, page: PageRequest) -> Counted[EquipmentType]:
        return await self.equipment.types(name=name or None, page=page)


@dataclass(frozen=True)
class ClientListing:
    """A page of one kind of equipment record, and what a client name became."""

    listed: Counted[EquipmentGroup] | Counted[Equipment]
    client_id: int | None = None
    resolved: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class ListEquipmentGroups:
    """Equipment groups, of one client (by ID or name) or of all."""

    equipment: EquipmentPort
    references: References

    async def __call__(self, *, client: Reference[ClientId], page: PageRequest) -> ClientListing:
        settled = await self.references.resolve(CLIENT, client, None)
        listed = await self.equipment.groups(client_id=settled.id, page=page)
        return ClientListing(listed, settled.id, decisions(settled))


@dataclass(frozen=True)
class ListEquipments:
    """Equipment, of one client (by ID or name) or of all, optionally with maker and operating system."""

    equipment: EquipmentPort
    references: References

    async def __call__(
        self, *, client: Reference[ClientId], hardware: bool, page: PageRequest
    ) -> ClientListing:
        settled = await self.references.resolve(CLIENT, client, None)
        listed = await self.equipment.list(client_id=settled.id, hardware=hardware, page=page)
        return ClientListing(listed, settled.id, decisions(settled))


@dataclass(frozen=True)
class ShowEquipment:
    """One equipment with its hardware and inventory."""

    equipment: EquipmentPort

    async def __call__(self, equipment_id: EquipmentId) -> EquipmentDetail:
        return await self.equipment.get(equipment_id)


@dataclass(frozen=True)
class InstalledSoftware:
    equipment_id: EquipmentId
    page: Page[Software]
    total: int


@dataclass(frozen=True)
class ListEquipmentSoftwares:
    """The software of one equipment: fetched whole (the API does not page it), shown a page at a time."""

    equipment: EquipmentPort

    async def __call__(self, equipment_id: EquipmentId, *, page: PageRequest) -> InstalledSoftware:
        every = await self.equipment.softwares(equipment_id)
        start = (page.number - 1) * page.size
        return InstalledSoftware(
            equipment_id, Page(tuple(every[start : start + page.size]), page), len(every)
        )


@dataclass(frozen=True)
class EquipmentWritten:
    """An equipment as TiFlux stored it after a write, the fields sent, and what a client name became."""

    equipment: EquipmentDetail
    fields: tuple[str, ...]
    resolved: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class CreateEquipment:
    """A new equipment of a client (by ID or name)."""

    equipment: EquipmentPort
    references: References

    async def __call__(self, *, client: Reference[ClientId], fields: EquipmentFields) -> EquipmentWritten:
        if not client.given:
            raise InvalidInput(client.id_field, "id_or_name", {"name": client.name_field})
        settled = await self.references.resolve(CLIENT, client, None)
        assert settled.id is not None
        created = await self.equipment.create(settled.id, fields)
        return EquipmentWritten(created, ("client_id", *fields.given), decisions(settled))


@dataclass(frozen=True)
class UpdateEquipment:
    """Changes an equipment's name, type, group or dates; at least one of them (its client never)."""

    equipment: EquipmentPort

    async def __call__(self, equipment_id: EquipmentId, fields: EquipmentFields) -> EquipmentWritten:
        if not fields.given:
            raise InvalidInput("name", "equipment_change_required")
        return EquipmentWritten(await self.equipment.update(equipment_id, fields), fields.given)
