"""Equipment tools (opt-in toolset `equipment`): types, groups, equipment, one equipment's inventory and
its installed software. Reading needs the "Visualizar recursos" permission and a Tickets licence."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from adapters.i18n.words import Words
from adapters.mcp.fields import CLIENT_ID, CLIENT_NAME, Day, PositiveId
from adapters.mcp.outputs.equipment import (
    CreateEquipmentOutput,
    GetEquipmentOutput,
    ListEquipmentGroupsOutput,
    ListEquipmentSoftwaresOutput,
    ListEquipmentsOutput,
    ListEquipmentTypesOutput,
    UpdateEquipmentOutput,
)
from adapters.mcp.references import reference
from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.equipment import (
    present_equipment,
    present_equipment_created,
    present_equipment_groups,
    present_equipment_types,
    present_equipment_updated,
    present_equipments,
    present_softwares,
)
from adapters.use_cases import UseCases
from application.use_cases.equipment import (
    ClientListing,
    CreateEquipment,
    EquipmentWritten,
    InstalledSoftware,
    ListEquipmentGroups,
    ListEquipments,
    ListEquipmentSoftwares,
    ListEquipmentTypes,
    ShowEquipment,
    UpdateEquipment,
)
from domain.equipment import EquipmentDetail, EquipmentFields, EquipmentId, EquipmentType
from domain.ids import ClientId
from domain.knowledge import Counted

EQUIPMENT_ID = Words(pt="Recurso (list_equipments).", en="Equipment (list_equipments).")
TYPE_ID = Words(pt="Tipo (list_equipment_types).", en="Type (list_equipment_types).")
GROUP_ID = Words(pt="Grupo do cliente.", en="The client's group.")
MANAGE = Words(pt=" Permissão Gerenciar recursos.", en=" Needs Manage resources.")


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


class EquipmentFieldsInput(ToolInput):
    """What an equipment write may send besides its client (which never changes)."""

    equipment_group_id: Annotated[PositiveId | None, GROUP_ID] = None
    acquisition_date: Annotated[Day, Words(pt="Aquisição.", en="Acquired.")] = None
    warranty_date: Annotated[Day, Words(pt="Garantia até.", en="Warranty until.")] = None

    def dates(self) -> tuple[date | None, date | None]:
        return self.acquisition_date, self.warranty_date


class NewEquipmentInput(EquipmentFieldsInput):
    name: Annotated[str, Field(min_length=1, max_length=255), Words(pt="Nome.", en="Name.")]
    equipment_type_id: Annotated[PositiveId, TYPE_ID]
    client_id: Annotated[PositiveId | None, CLIENT_ID] = None
    client_name: Annotated[str | None, CLIENT_NAME] = Field(default=None, min_length=1, max_length=200)

    async def run(self, create: CreateEquipment) -> EquipmentWritten:
        fields = EquipmentFields(
            self.name,
            self.equipment_type_id,
            self.equipment_group_id,
            self.acquisition_date,
            self.warranty_date,
        )
        return await create(client=reference(ClientId, self, "client_id", "client_name"), fields=fields)


class ChangeEquipmentInput(EquipmentFieldsInput):
    equipment_id: Annotated[PositiveId, EQUIPMENT_ID]
    name: Annotated[str | None, Words(pt="Novo nome.", en="New name.")] = Field(
        default=None, min_length=1, max_length=255
    )
    equipment_type_id: Annotated[PositiveId | None, TYPE_ID] = None

    async def run(self, update: UpdateEquipment) -> EquipmentWritten:
        fields = EquipmentFields(
            self.name,
            self.equipment_type_id,
            self.equipment_group_id,
            self.acquisition_date,
            self.warranty_date,
        )
        return await update(EquipmentId(self.equipment_id), fields)


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

CREATE_EQUIPMENT = ToolSpec(
    name="create_equipment",
    title=Words(pt="Criar recurso", en="Create equipment"),
    description=Words(
        pt="Cadastra um recurso de um cliente (sem grupo: o primeiro do cliente)." + MANAGE.pt,
        en="Registers a client's equipment (no group: the client's first)." + MANAGE.en,
    ),
    input_model=NewEquipmentInput,
    output_model=CreateEquipmentOutput,
    use_case=UseCases.create_equipment,
    run=NewEquipmentInput.run,
    present=present_equipment_created,
    read_only=False,
    idempotent=False,
    toolset="equipment",
)

UPDATE_EQUIPMENT = ToolSpec(
    name="update_equipment",
    title=Words(pt="Alterar recurso", en="Update equipment"),
    description=Words(
        pt="Altera nome, tipo, grupo ou datas de um recurso; nunca o cliente." + MANAGE.pt,
        en="Changes an equipment's name, type, group or dates; never its client." + MANAGE.en,
    ),
    input_model=ChangeEquipmentInput,
    output_model=UpdateEquipmentOutput,
    use_case=UseCases.update_equipment,
    run=ChangeEquipmentInput.run,
    present=present_equipment_updated,
    read_only=False,
    toolset="equipment",
)

EQUIPMENT_TOOLS = (
    LIST_EQUIPMENTS,
    GET_EQUIPMENT,
    CREATE_EQUIPMENT,
    UPDATE_EQUIPMENT,
    LIST_EQUIPMENT_SOFTWARES,
    LIST_EQUIPMENT_GROUPS,
    LIST_EQUIPMENT_TYPES,
)

__all__ = [
    "CREATE_EQUIPMENT",
    "EQUIPMENT_TOOLS",
    "GET_EQUIPMENT",
    "LIST_EQUIPMENTS",
    "LIST_EQUIPMENT_GROUPS",
    "LIST_EQUIPMENT_SOFTWARES",
    "LIST_EQUIPMENT_TYPES",
    "UPDATE_EQUIPMENT",
]
