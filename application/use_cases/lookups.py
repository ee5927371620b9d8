"""Looking up reference records by name: clients, users, a desk's stages and its catalog items.

These searches answer "which ID is it?" before a ticket is created, filtered or updated. They list
everything that matches (best first), where the resolvers behind name arguments insist on one record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from application.lookups import LOOKUP_PAGE_SIZE, every_page
from application.ports.agents import TechnicalGroupsPort
from application.ports.desks import DesksPort
from application.ports.people import PeoplePort
from application.resolvers import CATALOG_ITEM, DESK, DESK_REQUIRED, References, client_names, user_names
from application.use_cases.user_fallback import members_of_groups
from domain.desks import CatalogItem, Desk, Stage
from domain.errors import InvalidInput, PermissionDenied
from domain.ids import CatalogAreaId, CatalogId, CatalogItemId, DeskId
from domain.paging import Page, PageRequest
from domain.people import Client, User, UserType
from domain.resolution import Reference, best_score, candidates_of, check_term, rank, suggest


@dataclass(frozen=True)
class ClientSearch:
    """The active clients matching a name, best first; `complete` is False when more may exist."""

    term: str
    clients: tuple[Client, ...]
    complete: bool = True
    suggestions: tuple[Client, ...] = ()


@dataclass(frozen=True)
class UserSearch:
    """One page of the users matching a name, and how many match in all."""

    term: str
    page: Page[User]
    total: int
    user_type: UserType | None
    active: bool | None
    via_groups: bool = False  # found among the technical groups' members: the key may not list users
    groups_truncated: bool = False


@dataclass(frozen=True)
class DeskStages:
    """One page of a desk's stages, with the desk they belong to."""

    desk: Desk
    page: Page[Stage]


@dataclass(frozen=True)
class CatalogFilter:
    """What narrows a desk's catalog items: the API's free text, an area, a catalog, an item's name."""

    search: str | None = None
    item_name: str | None = None
    area_id: CatalogAreaId | None = None
    catalog_id: CatalogId | None = None

    @property
    def narrows(self) -> bool:
        return bool(self.search or self.item_name or self.area_id or self.catalog_id)


@dataclass(frozen=True)
class CatalogItemListing:
    """One page of a desk's catalog items that pass the criteria."""

    desk: Desk
    page: Page[CatalogItem]
    criteria: CatalogFilter


@dataclass(frozen=True)
class CatalogItemFound:
    """The one catalog item a name designates."""

    desk: Desk
    item: CatalogItem


@dataclass(frozen=True)
class SearchClients:
    """Find active clients by (part of) their name: the API's filter, else an accent-blind local search."""

    people: PeoplePort

    async def __call__(self, name: str) -> ClientSearch:
        term = check_term(name, "client_name")
        first = await self.people.clients(name=term, active=True, page=PageRequest(1, LOOKUP_PAGE_SIZE))
        found = [client for client in first if client.active]
        if found:
            ordered = sorted(found, key=lambda c: -best_score(term, client_names(c)))
            return ClientSearch(term, tuple(ordered), complete=not first.may_have_more)
        every = await every_page(lambda page: self.people.clients(name=None, active=True, page=page))
        candidates = candidates_of([c for c in every if c.active], client_names)
        ranked = rank(term, candidates)
        if ranked:
            return ClientSearch(term, tuple(s.candidate.value for s in ranked))
        return ClientSearch(term, (), suggestions=suggest(term, candidates))


@dataclass(frozen=True)
class SearchUsers:
    """Find users by name or e-mail among every user of a type and state, and page over the matches.

    A key that may not list users (403) gets the members of the technical groups instead, matched by
    name only (people.md §5.2); the answer says so."""

    people: PeoplePort
    groups: TechnicalGroupsPort | None = None

    async def __call__(
        self, name: str, *, user_type: UserType | None, active: bool | None, page: PageRequest
    ) -> UserSearch:
        term = check_term(name, "name")
        via_groups = truncated = False
        try:
            users = await every_page(lambda p: self.people.users(user_type=user_type, active=active, page=p))
        except PermissionDenied:
            found = await members_of_groups(self.groups) if self.groups is not None else None
            if found is None:
                raise
            users, via_groups, truncated = list(found.users), True, found.truncated
        wanted = [
            u
            for u in users
            if (user_type is None or u.type is None or u.type is user_type)
            and (active is None or u.active is active)
        ]
        names = _user_name if via_groups else user_names
        matches = [s.candidate.value for s in rank(term, candidates_of(wanted, names))]
        start = (page.number - 1) * page.size
        return UserSearch(
            term,
            Page(matches[start : start + page.size], page),
            len(matches),
            user_type,
            active,
            via_groups,
            truncated,
        )


def _user_name(user: User) -> Iterable[str | None]:
    return (user.name,)


@dataclass(frozen=True)
class ListStages:
    """List a desk's stages in flow order, the desk given by ID or by name."""

    desks: DesksPort
    references: References

    async def __call__(self, desk: Reference[DeskId], *, page: PageRequest) -> DeskStages:
        found = await self.references.one(DESK, desk, None, missing=DESK_REQUIRED)
        return DeskStages(found, await self.desks.stages(found.id, page))


@dataclass(frozen=True)
class SearchCatalogItems:
    """List a desk's catalog items by text, area or catalog, or find the one item a name designates."""

    desks: DesksPort
    references: References

    async def __call__(
        self, desk_ref: Reference[DeskId], *, criteria: CatalogFilter, page: PageRequest
    ) -> CatalogItemListing | CatalogItemFound:
        if not desk_ref.given:
            raise InvalidInput(desk_ref.id_field, DESK_REQUIRED)
        if not criteria.narrows:
            raise InvalidInput("search", "lookups.catalog_filter")
        term = check_term(criteria.item_name, "catalog_item_name") if criteria.item_name else None
        desk = await self.references.one(DESK, desk_ref, None, missing=DESK_REQUIRED)
        if term is None:
            items = await self.desks.catalog_items(
                desk.id,
                page,
                area_id=criteria.area_id,
                catalog_id=criteria.catalog_id,
                search=criteria.search or None,
            )
            return CatalogItemListing(desk, items, criteria)
        every = await every_page(
            lambda p: self.desks.catalog_items(
                desk.id,
                p,
                area_id=criteria.area_id,
                catalog_id=criteria.catalog_id,
                search=criteria.search or None,
            )
        )
        item_ref: Reference[CatalogItemId] = Reference("catalog_item_id", "catalog_item_name", name=term)
        return CatalogItemFound(
            desk, self.references.among(CATALOG_ITEM, item_ref, candidates_of(every, _own_name))
        )


def _own_name(item: CatalogItem) -> Iterable[str]:
    return (item.name,)


__all__ = [
    "CatalogFilter",
    "CatalogItemFound",
    "CatalogItemListing",
    "ClientSearch",
    "DeskStages",
    "ListStages",
    "SearchCatalogItems",
    "SearchClients",
    "SearchUsers",
    "UserSearch",
]
