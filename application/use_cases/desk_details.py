"""What a desk is and offers: its configuration, its priorities and its services catalogs.

The desk is given by ID (which wins) or by name; a name goes through the desk resolver, so only active
desks answer to it. A name filter on priorities or catalogs is ranked by the domain's name policy over
every page of the desk's list; without one, a single page is read as asked.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from application.lookups import every_page
from application.ports.desks import DesksPort
from application.resolvers import DeskResolver
from domain.desks import Desk, Priority, ServicesCatalog
from domain.errors import InvalidInput
from domain.ids import DeskId
from domain.paging import Page, PageRequest
from domain.resolution import candidates_of, check_term, rank, settle, suggest

T = TypeVar("T", Priority, ServicesCatalog)


@dataclass(frozen=True)
class DeskPage(Generic[T]):
    """One page of a desk's priorities or catalogs."""

    desk: Desk
    page: Page[T]


@dataclass(frozen=True)
class DeskMatches(Generic[T]):
    """A desk's priorities or catalogs whose name matches `term`, best first; close names when none do."""

    desk: Desk
    term: str
    items: tuple[T, ...]
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShowDesk:
    """Show one desk with its whole configuration."""

    desks: DesksPort

    async def __call__(self, *, desk_id: DeskId | None, desk_name: str | None) -> Desk:
        _require_desk(desk_id, desk_name)
        if desk_id is not None:
            return await self.desks.get(desk_id)
        found = settle(await DeskResolver(self.desks).resolve(desk_name or ""), "desk")
        return await self.desks.get(found.id)  # a listed desk lacks its configuration


@dataclass(frozen=True)
class ListDeskPriorities:
    """List a desk's priorities: one page, or every one whose name matches, best first."""

    desks: DesksPort

    async def __call__(
        self,
        *,
        desk_id: DeskId | None,
        desk_name: str | None,
        priority_name: str | None,
        page: PageRequest,
    ) -> DeskPage[Priority] | DeskMatches[Priority]:
        return await _listing(
            self.desks,
            desk_id,
            desk_name,
            _term(priority_name, "priority_name"),
            page,
            self.desks.priorities,
        )


@dataclass(frozen=True)
class ListDeskCatalogs:
    """List a desk's services catalogs: one page, or every one whose name matches, best first."""

    desks: DesksPort

    async def __call__(
        self,
        *,
        desk_id: DeskId | None,
        desk_name: str | None,
        catalog_name: str | None,
        page: PageRequest,
    ) -> DeskPage[ServicesCatalog] | DeskMatches[ServicesCatalog]:
        return await _listing(
            self.desks,
            desk_id,
            desk_name,
            _term(catalog_name, "catalog_name"),
            page,
            self.desks.catalogs,
        )


async def _listing(
    desks: DesksPort,
    desk_id: DeskId | None,
    desk_name: str | None,
    term: str | None,
    page: PageRequest,
    fetch: Callable[[DeskId, PageRequest], Awaitable[Page[T]]],
) -> DeskPage[T] | DeskMatches[T]:
    desk = await _desk(desks, desk_id, desk_name)
    if term is None:
        return DeskPage(desk, await fetch(desk.id, page))
    every = await every_page(lambda p: fetch(desk.id, p))
    candidates = candidates_of(every, _names, _label)
    ranked = tuple(scored.candidate.value for scored in rank(term, candidates))
    if ranked:
        return DeskMatches(desk, term, ranked)
    return DeskMatches(desk, term, (), suggest(term, candidates))


def _term(name: str | None, field: str) -> str | None:
    return check_term(name, field) if name is not None else None


def _require_desk(desk_id: DeskId | None, desk_name: str | None) -> None:
    if desk_id is None and not desk_name:
        raise InvalidInput("desk_id", "desk.required")


async def _desk(desks: DesksPort, desk_id: DeskId | None, desk_name: str | None) -> Desk:
    """The desk an ID (which wins) or a name designates."""
    _require_desk(desk_id, desk_name)
    if desk_id is not None:
        return await desks.get(desk_id)
    return settle(await DeskResolver(desks).resolve(desk_name or ""), "desk")


def _names(item: Priority | ServicesCatalog) -> Sequence[str]:
    return (item.name,)


def _label(item: Priority | ServicesCatalog) -> str:
    return f"{item.name} · ID {item.id}"


__all__ = ["DeskMatches", "DeskPage", "ListDeskCatalogs", "ListDeskPriorities", "ShowDesk"]
