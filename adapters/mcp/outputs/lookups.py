"""Declared `structuredContent` of search_client, search_user, search_stage, search_catalog_item."""

from __future__ import annotations

from pydantic import RootModel

from adapters.mcp.outputs.common import (
    Client,
    Desk,
    Output,
    PageRequest,
    ServicesCatalog,
    Stage,
    User,
    UserTypeCode,
)


class ClientSearch(Output):
    term: str
    clients: list[Client] | None = None
    complete: bool
    suggestions: list[str] | None = None


class UserPage(Output):
    items: list[User] | None = None
    request: PageRequest


class UserSearch(Output):
    term: str
    page: UserPage
    total: int
    user_type: UserTypeCode | None = None
    active: bool | None = None


class StagePage(Output):
    items: list[Stage] | None = None
    request: PageRequest


class DeskStages(Output):
    desk: Desk
    page: StagePage


class CatalogArea(Output):
    id: int
    name: str


class CatalogItem(Output):
    id: int
    name: str
    area: CatalogArea | None = None
    catalog: ServicesCatalog | None = None
    start_time: str | None = None
    end_time: str | None = None


class CatalogItemPage(Output):
    items: list[CatalogItem] | None = None
    request: PageRequest


class CatalogFilter(Output):
    search: str | None = None
    item_name: str | None = None
    area_id: int | None = None
    catalog_id: int | None = None


class CatalogItemListing(Output):
    desk: Desk
    page: CatalogItemPage
    criteria: CatalogFilter | None = None


class CatalogItemFound(Output):
    desk: Desk
    item: CatalogItem


SearchClientOutput = ClientSearch

SearchUserOutput = UserSearch

SearchStageOutput = DeskStages


class SearchCatalogItemOutput(RootModel[CatalogItemListing | CatalogItemFound]):
    """One of: CatalogItemListing, CatalogItemFound."""
