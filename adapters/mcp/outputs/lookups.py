"""Declared `structuredContent` of search_client, search_user, search_stage, search_catalog_item."""

from __future__ import annotations

from typing import Literal, NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import (
    DECLARED,
    Client,
    Desk,
    Page,
    ServicesCatalog,
    Stage,
    User,
)


@with_config(DECLARED)
class ClientSearch(TypedDict):
    term: str
    clients: NotRequired[list[Client]]
    complete: bool
    suggestions: NotRequired[list[str]]


@with_config(DECLARED)
class UserSearch(TypedDict):
    term: str
    page: Page[User]
    total: int
    user_type: NotRequired[Literal["admin", "attendant", "client"]]
    active: NotRequired[bool]
    via_groups: bool
    groups_truncated: bool


@with_config(DECLARED)
class DeskStages(TypedDict):
    desk: Desk
    page: Page[Stage]


@with_config(DECLARED)
class CatalogArea(TypedDict):
    id: int
    name: str


@with_config(DECLARED)
class CatalogItem(TypedDict):
    id: int
    name: str
    area: NotRequired[CatalogArea]
    catalog: NotRequired[ServicesCatalog]
    start_time: NotRequired[str]
    end_time: NotRequired[str]


@with_config(DECLARED)
class CatalogFilter(TypedDict):
    search: NotRequired[str]
    item_name: NotRequired[str]
    area_id: NotRequired[int]
    catalog_id: NotRequired[int]


@with_config(DECLARED)
class CatalogItemListing(TypedDict):
    desk: Desk
    page: Page[CatalogItem]
    criteria: NotRequired[CatalogFilter]


@with_config(DECLARED)
class CatalogItemFound(TypedDict):
    desk: Desk
    item: CatalogItem


SearchClientOutput = ClientSearch

SearchUserOutput = UserSearch

SearchStageOutput = DeskStages

SearchCatalogItemOutput = CatalogItemListing | CatalogItemFound
