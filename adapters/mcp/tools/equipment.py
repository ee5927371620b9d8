"""Equipment tools (opt-in toolset `equipment`): types, groups, equipment, one equipment's inventory and
its installed software. Reading needs the "Visualizar recursos" permission and a Tickets licence."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from adapters.i18n.words import Words
from adapters.mcp.fields import CLIENT_ID, CLIENT_NAME, PositiveId
from adapters.mcp.outputs.equipment import (
    GetEquipmentOutput,
    ListEquipmentGroupsOutput,
    ListEquipmentSoftwaresOutput,
    ListEquipmentsOutput,
    ListEquipmentTypesOutput,
)
from adapters.mcp.references import reference
from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.equipment import (
    present_equipment,
    present_equipment_groups,
    present_equipment_types,
    present_equipments,
    present_softwares,
)
from adapters.use_cases import UseCases
from application.use_cases.equipment import (
    ClientListing,
    InstalledSoftware,
    ListEquipmentGroups,
    ListEquipments,
    ListEquipmentSoftwares,
    ListEquipmentTypes,
    ShowEquipment,
)
from domain.equipment import EquipmentDetail, EquipmentId, EquipmentType
from domain.ids import ClientId
from domain.knowledge import Counted

EQUIPMENT_ID = Words(pt="Recurso (list_equipments).", en="Equipment (list_equipments).")


class ByClient(PagedInput):
    client_id: Annotated[PositiveId | None, CLIENT_ID] = None
    client_name: Annotated[str | None, CLIENT_NAME] = Field(default=None, min_length=1, max_length=200)


class EquipmentTypesInput(PagedInput):
    name: Annotated[str | None, Words(pt="Nome ou parte.", en="Name or part.")] = Field(
        default=None, min_length=1, max_length=255
    )

    async def run(self, list_types: ListEquipmentTypes) -> Counted[EquipmentType]:
        return await list_types(name=self.name, page=self.page())


class EquipmentGroupsInput(ByClient):
    async def run(self, list_groups: ListEquipmentGroups) -> ClientListing:
        return await list_groups(
            client=reference(ClientId, self, "client_id", "client_name"), page=self.page()
        )


class EquipmentsInput(ByClient):
    hardware: Annotated[
        bool, Words(pt="Inclui fabricante e sistema operacional.", en="Include maker and operating system.")
    ] = False

    async def run(self, list_equipments: ListEquipments) -> ClientListing:
        return await list_equipments(
            client=reference(ClientId, self, "client_id", "client_name"),
            hardware=self.hardware,
            page=self.page(),
        )


class EquipmentIdInput(ToolInput):
    equipment_id: Annotated[PositiveId, EQUIPMENT_ID]

    async def run(self, show_equipment: ShowEquipment) -> EquipmentDetail:
        return await show_equipment(EquipmentId(self.equipment_id))


class SoftwaresInput(PagedInput):
    equipment_id: Annotated[PositiveId, EQUIPMENT_ID]

    async def run(self, list_softwares: ListEquipmentSoftwares) -> InstalledSoftware:
        return await list_softwares(EquipmentId(self.equipment_id), page=self.page())


LIST_EQUIPMENT_TYPES = ToolSpec(
    name="list_equipment_types",
    title=Words(pt="Listar tipos de recurso", en="List equipment types"),
    description=Words(
        pt="Lista os tipos de recurso da organização.", en="Lists the organisation's equipment types."
    ),
    input_model=EquipmentTypesInput,
    output_model=ListEquipmentTypesOutput,
    use_case=UseCases.list_equipment_types,
    run=EquipmentTypesInput.run,
    present=present_equipment_types,
    read_only=True,
    toolset="equipment",
)

LIST_EQUIPMENT_GROUPS = ToolSpec(
    name="list_equipment_groups",
    title=Words(pt="Listar grupos de recursos", en="List equipment groups"),
    description=Words(
        pt="Lista os grupos de recursos (cada um de um cliente).",
        en="Lists equipment groups (each of one client).",
    ),
    input_model=EquipmentGroupsInput,
    output_model=ListEquipmentGroupsOutput,
    use_case=UseCases.list_equipment_groups,
    run=EquipmentGroupsInput.run,
    present=present_equipment_groups,
    read_only=True,
    toolset="equipment",
)

LIST_EQUIPMENTS = ToolSpec(
    name="list_equipments",
    title=Words(pt="Listar recursos", en="List equipment"),
    description=Words(
        pt="Lista recursos (máquinas e dispositivos) com agente, online e IP; inventário: get_equipment.",
        en="Lists equipment (machines and devices) with agent, online and IP; inventory: get_equipment.",
    ),
    input_model=EquipmentsInput,
    output_model=ListEquipmentsOutput,
    use_case=UseCases.list_equipments,
    run=EquipmentsInput.run,
    present=present_equipments,
    read_only=True,
    toolset="equipment",
)

GET_EQUIPMENT = ToolSpec(
    name="get_equipment",
    title=Words(pt="Ver recurso", en="Show equipment"),
    description=Words(
        pt="Mostra o inventário de um recurso (hardware, sistema, rede).",
        en="Shows one equipment: processor, memory, disks, network, OS, maker, antivirus, dates.",
    ),
    input_model=EquipmentIdInput,
    output_model=GetEquipmentOutput,
    use_case=UseCases.show_equipment,
    run=EquipmentIdInput.run,
    present=present_equipment,
    read_only=True,
    toolset="equipment",
)

LIST_EQUIPMENT_SOFTWARES = ToolSpec(
    name="list_equipment_softwares",
    title=Words(pt="Listar softwares do recurso", en="List the equipment's software"),
    description=Words(
        pt="Lista os softwares que o agente encontrou num recurso.",
        en="Lists the software the agent found on one equipment.",
    ),
    input_model=SoftwaresInput,
    output_model=ListEquipmentSoftwaresOutput,
    use_case=UseCases.list_equipment_softwares,
    run=SoftwaresInput.run,
    present=present_softwares,
    read_only=True,
    toolset="equipment",
)

EQUIPMENT_TOOLS = (
    LIST_EQUIPMENTS,
    GET_EQUIPMENT,
    LIST_EQUIPMENT_SOFTWARES,
    LIST_EQUIPMENT_GROUPS,
    LIST_EQUIPMENT_TYPES,
)

__all__ = [
    "EQUIPMENT_TOOLS",
    "GET_EQUIPMENT",
    "LIST_EQUIPMENTS",
    "LIST_EQUIPMENT_GROUPS",
    "LIST_EQUIPMENT_SOFTWARES",
    "LIST_EQUIPMENT_TYPES",
]
