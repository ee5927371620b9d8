"""Service-catalog tools (opt-in toolset `catalogs`): the organisation's catalogs and their areas, as
configured (what one desk offers is `list_desk_services_catalogs` / `search_catalog_item`). Writes need the
role `service_catalogs_manage`; removals cascade in TiFlux, so they count what will go and ask first."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from adapters.i18n.words import Words
from adapters.mcp.fields import NAME_OR_PART, PositiveId
from adapters.mcp.outputs.catalogs import (
    DeleteServicesCatalogAreaOutput,
    DeleteServicesCatalogOutput,
    ListServicesCatalogAreasOutput,
    ListServicesCatalogsOutput,
    ServicesCatalogAreaOutput,
    ServicesCatalogOutput,
)
from adapters.mcp.references import OptionalId, reference
from adapters.mcp.spec import Asking, Confirmation, PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.catalogs import (
    present_area_created,
    present_area_deleted,
    present_area_renamed,
    present_areas,
    present_catalog_created,
    present_catalog_deleted,
    present_catalog_renamed,
    present_catalogs,
)
from adapters.use_cases import UseCases
from application.use_cases.catalogs import (
    AreaDeleted,
    AreaListing,
    AreaWritten,
    CatalogDeleted,
    CreateArea,
    CreateCatalog,
    DeleteArea,
    DeleteCatalog,
    ListAreas,
    ListCatalogs,
    RenameArea,
    RenameCatalog,
    count_cascade,
    count_items,
    needs_catalog,
)
from domain.desks import ServicesCatalog
from domain.ids import CatalogAreaId, CatalogId
from domain.knowledge import Counted
from domain.resolution import Reference

# Parameter words the twelve catalog tools share (catalog_items.py too).
CATALOG_ID = Words(pt="Catálogo.", en="Catalog.")
CATALOG_NAME = Words(pt="Ou nome do catálogo.", en="Or catalog name.")
AREA_ID = Words(pt="Área.", en="Area.")
NEW_NAME = Words(pt="Nome.", en="Name.")
NAMES = Words(
    pt=" Nomes: o exato vence, sem acentos/maiúsculas.", en=" Names: exact wins, accents/case ignored."
)
ROLE = Words(pt=" Papel service_catalogs_manage.", en=" Role service_catalogs_manage.")
ASKS = Words(pt=" Pede confirmação.", en=" Asks first.")

Name = Annotated[str, Field(min_length=1, max_length=255)]
CatalogIdArg = Annotated[OptionalId, CATALOG_ID]
CatalogNameArg = Annotated[str | None, Field(min_length=1, max_length=200), CATALOG_NAME]


class InCatalog(ToolInput):
    """The catalog an area tool works in: `catalog_id` or `catalog_name`."""

    catalog_id: CatalogIdArg = None
    catalog_name: CatalogNameArg = None

    def catalog(self) -> Reference[CatalogId]:
        return reference(CatalogId, self, "catalog_id", "catalog_name")


class CatalogsInput(PagedInput):
    name: Annotated[str | None, NAME_OR_PART] = Field(default=None, min_length=1, max_length=200)

    async def run(self, list_catalogs: ListCatalogs) -> Counted[ServicesCatalog]:
        return await list_catalogs(name=self.name, page=self.page())


class NewCatalogInput(ToolInput):
    name: Annotated[Name, NEW_NAME]

    async def run(self, create: CreateCatalog) -> ServicesCatalog:
        return await create(self.name)


class RenameCatalogInput(ToolInput):
    id: Annotated[PositiveId, CATALOG_ID]
    name: Annotated[Name, Words(pt="Novo nome.", en="New name.")]

    async def run(self, rename: RenameCatalog) -> ServicesCatalog:
        return await rename(CatalogId(self.id), self.name)


class DeleteCatalogInput(ToolInput):
    id: Annotated[PositiveId, CATALOG_ID]

    async def run(self, delete: DeleteCatalog) -> CatalogDeleted:
        return await delete(CatalogId(self.id))

    async def question(self, asking: Asking) -> str:
        """What goes with the catalog, counted now; a failed count refuses the call (nothing is sent)."""
        cascade = await count_cascade(asking.gateway.catalogs, CatalogId(self.id))
        return asking.translator(
            "confirm.delete_catalog", id=self.id, areas=cascade.areas, items=cascade.items
        )


class AreasInput(InCatalog, PagedInput):
    name: Annotated[str | None, NAME_OR_PART] = Field(default=None, min_length=1, max_length=200)

    async def run(self, list_areas: ListAreas) -> AreaListing:
        return await list_areas(self.catalog(), name=self.name, page=self.page())


class NewAreaInput(InCatalog):
    name: Annotated[Name, NEW_NAME]

    async def run(self, create: CreateArea) -> AreaWritten:
        return await create(self.catalog(), self.name)


class RenameAreaInput(InCatalog):
    id: Annotated[PositiveId, AREA_ID]
    name: Annotated[Name, Words(pt="Novo nome.", en="New name.")]

    async def run(self, rename: RenameArea) -> AreaWritten:
        return await rename(self.catalog(), CatalogAreaId(self.id), self.name)


class DeleteAreaInput(InCatalog):
    id: Annotated[PositiveId, AREA_ID]

    async def run(self, delete: DeleteArea) -> AreaDeleted:
        return await delete(self.catalog(), CatalogAreaId(self.id))

    async def question(self, asking: Asking) -> str:
        """The area's items, counted now; a failed count refuses the call (nothing is sent)."""
        needs_catalog(self.catalog())
        items = await count_items(asking.gateway.catalogs, CatalogAreaId(self.id))
        return asking.translator("confirm.delete_area", id=self.id, items=items)


LIST_SERVICES_CATALOGS = ToolSpec(
    name="list_services_catalogs",
    title=Words(pt="Listar catálogos de serviços", en="List service catalogs"),
    description=Words(
        pt="Catálogos de serviços da organização (configuração); os de uma mesa: "
        "list_desk_services_catalogs.",
        en="The organisation's service catalogs (configuration); one desk's: list_desk_services_catalogs.",
    ),
    input_model=CatalogsInput,
    output_model=ListServicesCatalogsOutput,
    use_case=UseCases.list_services_catalogs,
    run=CatalogsInput.run,
    present=present_catalogs,
    read_only=True,
    toolset="catalogs",
)

CREATE_SERVICES_CATALOG = ToolSpec(
    name="create_services_catalog",
    title=Words(pt="Criar catálogo de serviços", en="Create service catalog"),
    description=Words(
        pt="Cria um catálogo (nome único)." + ROLE.pt, en="Creates a catalog (unique name)." + ROLE.en
    ),
    input_model=NewCatalogInput,
    output_model=ServicesCatalogOutput,
    use_case=UseCases.create_services_catalog,
    run=NewCatalogInput.run,
    present=present_catalog_created,
    read_only=False,
    idempotent=False,
    toolset="catalogs",
)

UPDATE_SERVICES_CATALOG = ToolSpec(
    name="update_services_catalog",
    title=Words(pt="Renomear catálogo de serviços", en="Rename service catalog"),
    description=Words(pt="Renomeia um catálogo." + ROLE.pt, en="Renames a catalog." + ROLE.en),
    input_model=RenameCatalogInput,
    output_model=ServicesCatalogOutput,
    use_case=UseCases.update_services_catalog,
    run=RenameCatalogInput.run,
    present=present_catalog_renamed,
    read_only=False,
    toolset="catalogs",
)

DELETE_SERVICES_CATALOG = ToolSpec(
    name="delete_services_catalog",
    title=Words(pt="Remover catálogo de serviços", en="Remove service catalog"),
    description=Words(
        pt="Remove um catálogo; o TiFlux desativa junto suas áreas, itens e atividades recorrentes "
        "que os usam." + ASKS.pt + ROLE.pt,
        en="Removes a catalog; TiFlux deactivates its areas, items and the recurring activities using them."
        + ASKS.en
        + ROLE.en,
    ),
    input_model=DeleteCatalogInput,
    output_model=DeleteServicesCatalogOutput,
    use_case=UseCases.delete_services_catalog,
    run=DeleteCatalogInput.run,
    present=present_catalog_deleted,
    read_only=False,
    destructive=True,
    confirmation=Confirmation(DeleteCatalogInput.question),
    toolset="catalogs",
)

LIST_SERVICES_CATALOG_AREAS = ToolSpec(
    name="list_services_catalog_areas",
    title=Words(pt="Listar áreas do catálogo", en="List catalog areas"),
    description=Words(
        pt="Áreas ativas de um catálogo." + NAMES.pt, en="A catalog's active areas." + NAMES.en
    ),
    input_model=AreasInput,
    output_model=ListServicesCatalogAreasOutput,
    use_case=UseCases.list_services_catalog_areas,
    run=AreasInput.run,
    present=present_areas,
    read_only=True,
    toolset="catalogs",
)

CREATE_SERVICES_CATALOG_AREA = ToolSpec(
    name="create_services_catalog_area",
    title=Words(pt="Criar área do catálogo", en="Create catalog area"),
    description=Words(
        pt="Cria uma área num catálogo (nome único nele)." + ROLE.pt,
        en="Creates an area in a catalog (unique name there)." + ROLE.en,
    ),
    input_model=NewAreaInput,
    output_model=ServicesCatalogAreaOutput,
    use_case=UseCases.create_services_catalog_area,
    run=NewAreaInput.run,
    present=present_area_created,
    read_only=False,
    idempotent=False,
    toolset="catalogs",
)

UPDATE_SERVICES_CATALOG_AREA = ToolSpec(
    name="update_services_catalog_area",
    title=Words(pt="Renomear área do catálogo", en="Rename catalog area"),
    description=Words(pt="Renomeia uma área." + ROLE.pt, en="Renames an area." + ROLE.en),
    input_model=RenameAreaInput,
    output_model=ServicesCatalogAreaOutput,
    use_case=UseCases.update_services_catalog_area,
    run=RenameAreaInput.run,
    present=present_area_renamed,
    read_only=False,
    toolset="catalogs",
)

DELETE_SERVICES_CATALOG_AREA = ToolSpec(
    name="delete_services_catalog_area",
    title=Words(pt="Remover área do catálogo", en="Remove catalog area"),
    description=Words(
        pt="Remove uma área; o TiFlux desativa junto seus itens." + ASKS.pt + ROLE.pt,
        en="Removes an area; TiFlux deactivates its items." + ASKS.en + ROLE.en,
    ),
    input_model=DeleteAreaInput,
    output_model=DeleteServicesCatalogAreaOutput,
    use_case=UseCases.delete_services_catalog_area,
    run=DeleteAreaInput.run,
    present=present_area_deleted,
    read_only=False,
    destructive=True,
    confirmation=Confirmation(DeleteAreaInput.question),
    toolset="catalogs",
)

CATALOG_TOOLS = (
    LIST_SERVICES_CATALOGS,
    CREATE_SERVICES_CATALOG,
    UPDATE_SERVICES_CATALOG,
    DELETE_SERVICES_CATALOG,
    LIST_SERVICES_CATALOG_AREAS,
    CREATE_SERVICES_CATALOG_AREA,
    UPDATE_SERVICES_CATALOG_AREA,
    DELETE_SERVICES_CATALOG_AREA,
)

__all__ = [
    "AREA_ID",
    "ASKS",
    "CATALOG_ID",
    "CATALOG_NAME",
    "CATALOG_TOOLS",
    "NAMES",
    "ROLE",
    "InCatalog",
]
