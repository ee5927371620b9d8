"""Declared `structuredContent` of the service-catalog tools (the organisation's configuration view)."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, ServicesCatalog
from adapters.mcp.outputs.knowledge import Counted
from adapters.mcp.outputs.lookups import CatalogItem


@with_config(DECLARED)
class Area(TypedDict):
    id: int
    name: str
    catalog: NotRequired[ServicesCatalog]


@with_config(DECLARED)
class NameDecision(TypedDict):
    field: str
    term: str
    record: Area  # a catalog or an area (a catalog has no `catalog`)
    picked: bool


@with_config(DECLARED)
class Cascade(TypedDict):
    areas: int
    items: int


@with_config(DECLARED)
class CatalogDeleted(TypedDict):
    catalog_id: int
    cascade: Cascade


@with_config(DECLARED)
class AreaListing(TypedDict):
    catalog_id: int
    listed: Counted[Area]
    resolved: NotRequired[list[NameDecision]]


@with_config(DECLARED)
class AreaWritten(TypedDict):
    catalog_id: int
    area: Area
    resolved: NotRequired[list[NameDecision]]


@with_config(DECLARED)
class AreaDeleted(TypedDict):
    catalog_id: int
    area_id: int
    items: int
    resolved: NotRequired[list[NameDecision]]


@with_config(DECLARED)
class ItemListing(TypedDict):
    area_id: int
    listed: Counted[CatalogItem]
    resolved: NotRequired[list[NameDecision]]


@with_config(DECLARED)
class ItemWritten(TypedDict):
    area_id: int
    item: CatalogItem
    fields: NotRequired[list[str]]
    resolved: NotRequired[list[NameDecision]]


@with_config(DECLARED)
class ItemDeleted(TypedDict):
    area_id: int
    item_id: int
    resolved: NotRequired[list[NameDecision]]


ListServicesCatalogsOutput = Counted[ServicesCatalog]
ServicesCatalogOutput = ServicesCatalog
DeleteServicesCatalogOutput = CatalogDeleted
ListServicesCatalogAreasOutput = AreaListing
ServicesCatalogAreaOutput = AreaWritten
DeleteServicesCatalogAreaOutput = AreaDeleted
ListServicesCatalogItemsOutput = ItemListing
ServicesCatalogItemOutput = ItemWritten
DeleteServicesCatalogItemOutput = ItemDeleted
