"""Equipment over HTTP. The softwares route takes no paging parameters (it answers 400 to them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.knowledge import needing
from adapters.tiflux.http.records import page_params
from adapters.tiflux.wire import page_of, parse_many, parse_one
from adapters.tiflux.wire.equipment import (
    EquipmentDetailWire,
    EquipmentWire,
    GroupWire,
    SoftwareWire,
    TypeWire,
)
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

# Every equipment route needs "Visualizar recursos" and a Tickets licence (assets.md A.5).
READ_NEED = "equipment.read"
MANAGE_NEED = "equipment.manage"  # creating and changing need "Gerenciar recursos" too


@dataclass(frozen=True)
class HttpEquipment:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def types(self, *, name: str | None, page: PageRequest) -> Counted[EquipmentType]:
        params = page_params(page) | query(name=name or None)
        payload, total = await needing(
            READ_NEED, self.client.get_counted(self.api_key, api_path("equipment-types"), params)
        )
        return Counted(page_of(TypeWire, payload, page), total)

    async def groups(self, *, client_id: ClientId | None, page: PageRequest) -> Counted[EquipmentGroup]:
        params = page_params(page) | query(client_id=client_id)
        payload, total = await needing(
            READ_NEED, self.client.get_counted(self.api_key, api_path("equipment-groups"), params)
        )
        return Counted(page_of(GroupWire, payload, page), total)

    async def list(
        self, *, client_id: ClientId | None, hardware: bool, page: PageRequest
    ) -> Counted[Equipment]:
        params = page_params(page) | query(
            client_id=client_id, include_manufacturer=hardware or None, include_system=hardware or None
        )
        payload, total = await needing(
            READ_NEED, self.client.get_counted(self.api_key, api_path("equipments"), params)
        )
        return Counted(page_of(EquipmentWire, payload, page), total)

    async def get(self, equipment_id: EquipmentId) -> EquipmentDetail:
        payload = await needing(
            READ_NEED,
            self.client.get(
                self.api_key,
                api_path("equipments", equipment_id),
                not_found=NotFoundAs("equipment", str(equipment_id)),
            ),
        )
        return parse_one(EquipmentDetailWire, payload).to_domain()

    async def softwares(self, equipment_id: EquipmentId) -> Sequence[Software]:
        payload = await needing(
            READ_NEED,
            self.client.get(
                self.api_key,
                api_path("equipments", equipment_id, "softwares"),
                not_found=NotFoundAs("equipment", str(equipment_id)),
            ),
        )
        return tuple(item.to_domain() for item in parse_many(SoftwareWire, payload))

    async def create(self, client_id: ClientId, fields: EquipmentFields) -> EquipmentDetail:
        body = {"client_id": client_id, **equipment_json(fields)}
        payload = await needing(
            MANAGE_NEED, self.client.write(self.api_key, "POST", api_path("equipments"), json=body)
        )
        return parse_one(EquipmentDetailWire, payload).to_domain()

    async def update(self, equipment_id: EquipmentId, fields: EquipmentFields) -> EquipmentDetail:
        payload = await needing(
            MANAGE_NEED,
            self.client.write(
                self.api_key,
                "PUT",
                api_path("equipments", equipment_id),
                json=equipment_json(fields),
                not_found=NotFoundAs("equipment", str(equipment_id)),
            ),
        )
        return parse_one(EquipmentDetailWire, payload).to_domain()


def equipment_json(fields: EquipmentFields) -> dict[str, Any]:
    """The flat body of POST/PUT /equipments: only the fields given, dates as YYYY-MM-DD."""
    values: dict[str, Any] = {
        "name": fields.name,
        "equipment_type_id": fields.type_id,
        "equipment_group_id": fields.group_id,
        "acquisition_date": fields.acquisition_date.isoformat() if fields.acquisition_date else None,
        "warranty_date": fields.warranty_date.isoformat() if fields.warranty_date else None,
    }
    return {key: value for key, value in values.items() if value is not None}
