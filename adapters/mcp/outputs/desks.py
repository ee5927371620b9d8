"""Declared `structuredContent` of list_desks, get_desk, list_desk_priorities, list_desk_services_catalogs."""

from __future__ import annotations

from pydantic import RootModel

from adapters.mcp.outputs.common import Desk, Output, PageRequest, Priority, ServicesCatalog


class DeskPage(Output):
    items: list[Desk] | None = None
    request: PageRequest


class PriorityPage(Output):
    items: list[Priority] | None = None
    request: PageRequest


class PriorityDeskPage(Output):
    desk: Desk
    page: PriorityPage


class PriorityDeskMatches(Output):
    desk: Desk
    term: str
    items: list[Priority] | None = None
    suggestions: list[str] | None = None


class ServicesCatalogPage(Output):
    items: list[ServicesCatalog] | None = None
    request: PageRequest


class ServicesCatalogDeskPage(Output):
    desk: Desk
    page: ServicesCatalogPage


class ServicesCatalogDeskMatches(Output):
    desk: Desk
    term: str
    items: list[ServicesCatalog] | None = None
    suggestions: list[str] | None = None


ListDesksOutput = DeskPage

GetDeskOutput = Desk


class ListDeskPrioritiesOutput(RootModel[PriorityDeskPage | PriorityDeskMatches]):
    """One of: PriorityDeskPage, PriorityDeskMatches."""


class ListDeskServicesCatalogsOutput(RootModel[ServicesCatalogDeskPage | ServicesCatalogDeskMatches]):
    """One of: ServicesCatalogDeskPage, ServicesCatalogDeskMatches."""
