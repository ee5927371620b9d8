"""The equipment area of TiFlux: equipment, their groups and types, and installed software."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from domain.equipment import (
    Equipment,
    EquipmentDetail,
    EquipmentFields,
    EquipmentGroup,
    EquipmentId,
    EquipmentType,
    Software,
)
from domain.ids import ClientId
from domain.knowledge import Counted
from domain.paging import PageRequest


class EquipmentPort(Protocol):
    """Reads equipment (needs the "Visualizar recursos" permission and a Tickets licence); writes need
    "Gerenciar recursos" too."""

    async def types(self, *, name: str | None, page: PageRequest) -> Counted[EquipmentType]:
        """One page of the organisation's equipment types; `name` is a partial match."""
        ...

    async def groups(self, *, client_id: ClientId | None, page: PageRequest) -> Counted[EquipmentGroup]:
        """One page of equipment groups (each belongs to a client)."""
        ...

    async def list(
        self, *, client_id: ClientId | None, hardware: bool, page: PageRequest
    ) -> Counted[Equipment]:
        """One page of equipment; `hardware` adds maker and operating system."""
        ...

    async def get(self, equipment_id: EquipmentId) -> EquipmentDetail:
        """One equipment with its inventory; NotFound if absent."""
        ...

    async def softwares(self, equipment_id: EquipmentId) -> Sequence[Software]:
        """Every package the agent collected (the API does not page this list)."""
        ...

    async def create(self, client_id: ClientId, fields: EquipmentFields) -> EquipmentDetail:
        """A new equipment of the client; without a group, TiFlux puts it in the client's first group."""
        ...

    async def update(self, equipment_id: EquipmentId, fields: EquipmentFields) -> EquipmentDetail:
        """Changes the fields given (never the client); NotFound if absent."""
        ...
