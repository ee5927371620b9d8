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
from application.resolvers import DESK, DESK_REQUIRED, References
from domain.desks import Desk, Priority, ServicesCatalog
from domain.ids import DeskId
from domain.paging import Page, PageRequest
from domain.resolution import Reference, candidates_of, check_term, rank, suggest

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
    suggestions: tuple[T, ...] = ()


@dataclass(frozen=True)
class ShowDesk:
    """Show one desk with its whole configuration."""

    desks: DesksPort
    references: References

    async def __call__(self, desk: Reference[DeskId]) -> Desk:
        found = await self.references.one(DESK, desk, None, missing=DESK_REQUIRED)
        if desk.id is not None:
            return found
        return await self.desks.get(found.id)  # a listed desk lacks its configuration


@dataclass(frozen=True)
class ListDeskPriorities:
    """List a desk's priorities: one page, or every one whose name matches, best first."""

    desks: DesksPort
    references: References

    async def __call__(
        self, desk: Reference[DeskId], *, priority_name: str | None, page: PageRequest
    ) -> DeskPage[Priority] | DeskMatches[Priority]:
        term = _term(priority_name, "priority_name")
        found = await self.references.one(DESK, desk, None, missing=DESK_REQUIRED)
        return await _listing(found, term, page, self.desks.priorities)


@dataclass(frozen=True)
class ListDeskCatalogs:
    """List a desk's services catalogs: one page, or every one whose name matches, best first."""

    desks: DesksPort
    references: References

    async def __call__(
        self, desk: Reference[DeskId], *, catalog_name: str | None, page: PageRequest
    ) -> DeskPage[ServicesCatalog] | DeskMatches[ServicesCatalog]:
        term = _term(catalog_name, "catalog_name")
        found = await self.references.one(DESK, desk, None, missing=DESK_REQUIRED)
        return await _listing(found, term, page, self.desks.catalogs)


async def _listing(
    desk: Desk,
    term: str | None,
    page: PageRequest,
    fetch: Callable[[DeskId, PageRequest], Awaitable[Page[T]]],
) -> DeskPage[T] | DeskMatches[T]:
    if term is None:
        return DeskPage(desk, await fetch(desk.id, page))
    every = await every_page(lambda p: fetch(desk.id, p))
    candidates = candidates_of(every, _names)
    ranked = tuple(scored.candidate.value for scored in rank(term, candidates))
    if ranked:
        return DeskMatches(desk, term, ranked)
    return DeskMatches(desk, term, (), suggest(term, candidates))


def _term(name: str | None, field: str) -> str | None:
    return check_term(name, field) if name is not None else None


def _names(item: Priority | ServicesCatalog) -> Sequence[str]:
    return (item.name,)


__all__ = ["DeskMatches", "DeskPage", "ListDeskCatalogs", "ListDeskPriorities", "ShowDesk"]
