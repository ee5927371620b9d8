"""Service-catalog item tools (opt-in toolset `catalogs`): the items of one area, the area by ID or by
name within its catalog. An item's SLAs are `HH:MM` (hours up to 999), checked before any request."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field
from pydantic.functional_validators import AfterValidator
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.fields import NAME_OR_PART, PositiveId
from adapters.mcp.outputs.catalogs import (
    DeleteServicesCatalogItemOutput,
    ListServicesCatalogItemsOutput,
    ServicesCatalogItemOutput,
)
from adapters.mcp.references import OptionalId, reference
from adapters.mcp.spec import Asking, Confirmation, PagedInput, ToolSpec
from adapters.mcp.tools.catalogs import AREA_ID, ASKS, ROLE, InCatalog
from adapters.presenters.markdown.catalogs import present_item_deleted, present_item_written, present_items
from adapters.presenters.markdown.text import inline
from adapters.use_cases import UseCases
from application.use_cases.catalogs import (
    CreateItem,
    DeleteItem,
    ItemDeleted,
    ItemListing,
    ItemWritten,
    ListItems,
    UpdateItem,
    needs_area,
)
from domain.catalogs import ItemChanges, ItemTimes, sla_minutes
from domain.errors import InvalidInput
from domain.ids import CatalogAreaId, CatalogItemId
from domain.resolution import Reference


def _sla_time(value: str) -> str:
    try:
        sla_minutes(value, "")
    except InvalidInput:
        raise PydanticCustomError("sla_time", "HH:MM") from None
    return value


SlaTime = Annotated[str, AfterValidator(_sla_time)]
START = Words(pt="SLA de atendimento, HH:MM.", en="Response SLA, HH:MM.")
END = Words(pt="SLA de solução, HH:MM.", en="Solution SLA, HH:MM.")
ITEM_ID = Words(pt="Item.", en="Item.")


class InArea(InCatalog):
    """The area an item tool works in: its ID, or its name with the catalog (ID or name)."""

    area_id: Annotated[OptionalId, AREA_ID] = None
    area_name: Annotated[
        str | None, Words(pt="Ou nome da área (+ catálogo).", en="Or area name (+ catalog).")
    ] = Field(default=None, min_length=1, max_length=200)

    def area(self) -> Reference[CatalogAreaId]:
        return reference(CatalogAreaId, self, "area_id", "area_name")


class ItemsInput(InArea, PagedInput):
    name: Annotated[str | None, NAME_OR_PART] = Field(default=None, min_length=1, max_length=200)

    async def run(self, list_items: ListItems) -> ItemListing:
        return await list_items(self.area(), self.catalog(), name=self.name, page=self.page())


class NewItemInput(InArea):
    name: Annotated[str, Field(min_length=1, max_length=255), Words(pt="Nome.", en="Name.")]
    start_time: Annotated[SlaTime, START]
    end_time: Annotated[SlaTime, END]

    async def run(self, create: CreateItem) -> ItemWritten:
        times = ItemTimes(self.start_time, self.end_time)
        return await create(self.area(), self.catalog(), self.name, times)


class ChangeItemInput(InArea):
    id: Annotated[PositiveId, ITEM_ID]
    name: Annotated[str | None, Words(pt="Novo nome.", en="New name.")] = Field(
        default=None, min_length=1, max_length=255
    )
    start_time: Annotated[SlaTime | None, START] = None
    end_time: Annotated[SlaTime | None, END] = None

    async def run(self, update: UpdateItem) -> ItemWritten:
        changes = ItemChanges(self.name, ItemTimes(self.start_time, self.end_time))
        return await update(self.area(), self.catalog(), CatalogItemId(self.id), changes)


class DeleteItemInput(InArea):
    id: Annotated[PositiveId, ITEM_ID]

    async def run(self, delete: DeleteItem) -> ItemDeleted:
        return await delete(self.area(), self.catalog(), CatalogItemId(self.id))

    async def question(self, asking: Asking) -> str:
        t, area = asking.translator, self.area()
        needs_area(area, self.catalog())
        where: Any = area.id
        if where is None:
            catalog = self.catalog_id or f'"{inline(self.catalog_name or "", limit=80)}"'
            where = t("confirm.area_named", name=inline(area.name or "", limit=80), catalog=catalog)
        return t("confirm.delete_item", id=self.id, area=where)


LIST_SERVICES_CATALOG_ITEMS = ToolSpec(
    name="list_services_catalog_items",
    title=Words(pt="Listar itens da área", en="List area items"),
    description=Words(
        pt="Itens ativos de uma área, com SLAs; os de uma mesa: search_catalog_item.",
        en="An area's active items, with SLAs; one desk's: search_catalog_item.",
    ),
    input_model=ItemsInput,
    output_model=ListServicesCatalogItemsOutput,
    use_case=UseCases.list_services_catalog_items,
    run=ItemsInput.run,
    present=present_items,
    read_only=True,
    toolset="catalogs",
)

CREATE_SERVICES_CATALOG_ITEM = ToolSpec(
    name="create_services_catalog_item",
    title=Words(pt="Criar item da área", en="Create area item"),
    description=Words(pt="Cria um item numa área." + ROLE.pt, en="Creates an item in an area." + ROLE.en),
    input_model=NewItemInput,
    output_model=ServicesCatalogItemOutput,
    use_case=UseCases.create_services_catalog_item,
    run=NewItemInput.run,
    present=present_item_written,
    read_only=False,
    idempotent=False,
    toolset="catalogs",
)

UPDATE_SERVICES_CATALOG_ITEM = ToolSpec(
    name="update_services_catalog_item",
    title=Words(pt="Alterar item da área", en="Update area item"),
    description=Words(
        pt="Altera nome ou SLAs de um item (só o que for dado)." + ROLE.pt,
        en="Changes an item's name or SLAs (only what is given)." + ROLE.en,
    ),
    input_model=ChangeItemInput,
    output_model=ServicesCatalogItemOutput,
    use_case=UseCases.update_services_catalog_item,
    run=ChangeItemInput.run,
    present=present_item_written,
    read_only=False,
    toolset="catalogs",
)

DELETE_SERVICES_CATALOG_ITEM = ToolSpec(
    name="delete_services_catalog_item",
    title=Words(pt="Remover item da área", en="Remove area item"),
    description=Words(
        pt="Remove um item, mesmo se usado em tickets." + ASKS.pt + ROLE.pt,
        en="Removes an item, even one tickets use." + ASKS.en + ROLE.en,
    ),
    input_model=DeleteItemInput,
    output_model=DeleteServicesCatalogItemOutput,
    use_case=UseCases.delete_services_catalog_item,
    run=DeleteItemInput.run,
    present=present_item_deleted,
    read_only=False,
    destructive=True,
    confirmation=Confirmation(DeleteItemInput.question),
    toolset="catalogs",
)

CATALOG_ITEM_TOOLS = (
    LIST_SERVICES_CATALOG_ITEMS,
    CREATE_SERVICES_CATALOG_ITEM,
    UPDATE_SERVICES_CATALOG_ITEM,
    DELETE_SERVICES_CATALOG_ITEM,
)

__all__ = ["CATALOG_ITEM_TOOLS"]
