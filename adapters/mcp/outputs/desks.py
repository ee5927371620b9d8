"""Declared `structuredContent` of list_desks, get_desk, list_desk_priorities, list_desk_services_catalogs."""

from __future__ import annotations

from typing import Generic, NotRequired, TypeVar

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Desk, Page, Priority, ServicesCatalog

T = TypeVar("T")


@with_config(DECLARED)
class DeskPage(TypedDict, Generic[T]):
    desk: Desk
    page: Page[T]


@with_config(DECLARED)
class DeskMatches(TypedDict, Generic[T]):
    desk: Desk
    term: str
    items: NotRequired[list[T]]
    suggestions: NotRequired[list[str]]


ListDesksOutput = Page[Desk]

GetDeskOutput = Desk

ListDeskPrioritiesOutput = DeskPage[Priority] | DeskMatches[Priority]

ListDeskServicesCatalogsOutput = DeskPage[ServicesCatalog] | DeskMatches[ServicesCatalog]
