"""Declared `structuredContent` of list_desks, get_desk, list_desk_priorities, list_desk_services_catalogs."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Desk, PageRequest, Priority, ServicesCatalog


@with_config(DECLARED)
class DeskPage(TypedDict):
    items: NotRequired[list[Desk]]
    request: PageRequest


@with_config(DECLARED)
class PriorityPage(TypedDict):
    items: NotRequired[list[Priority]]
    request: PageRequest


@with_config(DECLARED)
class PriorityDeskPage(TypedDict):
    desk: Desk
    page: PriorityPage


@with_config(DECLARED)
class PriorityDeskMatches(TypedDict):
    desk: Desk
    term: str
    items: NotRequired[list[Priority]]
    suggestions: NotRequired[list[str]]


@with_config(DECLARED)
class ServicesCatalogPage(TypedDict):
    items: NotRequired[list[ServicesCatalog]]
    request: PageRequest


@with_config(DECLARED)
class ServicesCatalogDeskPage(TypedDict):
    desk: Desk
    page: ServicesCatalogPage


@with_config(DECLARED)
class ServicesCatalogDeskMatches(TypedDict):
    desk: Desk
    term: str
    items: NotRequired[list[ServicesCatalog]]
    suggestions: NotRequired[list[str]]


ListDesksOutput = DeskPage

GetDeskOutput = Desk

ListDeskPrioritiesOutput = PriorityDeskPage | PriorityDeskMatches

ListDeskServicesCatalogsOutput = ServicesCatalogDeskPage | ServicesCatalogDeskMatches
