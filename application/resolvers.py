"""Name → record resolvers, one per kind of name; each applies the domain policy to what its port gives.

An explicit ID always wins: callers only resolve a name when no ID was given.
Requests per cold resolution: desk 1 (exact name) or 2 (+ every page of active desks); client 1 or 2;
responsible and requestor 1 (every page of active users); stage 1; catalog item 1 (one page per 200).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from application.lookups import LOOKUP_PAGE_SIZE, every_page
from application.ports.desks import DesksPort
from application.ports.people import PeoplePort
from domain.desks import CatalogItem, Desk, Stage
from domain.ids import ClientId, DeskId
from domain.paging import PageRequest
from domain.people import Client, User, UserType
from domain.resolution import (
    Ambiguous,
    Candidate,
    Match,
    NoMatch,
    Resolution,
    Resolved,
    Scored,
    candidates_of,
    check_term,
    decide,
)

T = TypeVar("T")


def desk_label(desk: Desk) -> str:
    shown = (
        f"{desk.name} ({desk.display_name})"
        if desk.display_name and desk.display_name != desk.name
        else desk.name
    )
    return f"{shown} · ID {desk.id}"


def user_label(user: User) -> str:
    return f"{user.name} <{user.email}> · ID {user.id}" if user.email else f"{user.name} · ID {user.id}"


def client_label(client: Client) -> str:
    legal = f" ({client.legal_name})" if client.legal_name else ""
    return f"{client.name}{legal} · ID {client.id}"


def stage_label(stage: Stage) -> str:
    order = f" · ordem {stage.order}" if stage.order is not None else ""
    return f"{stage.name} · ID {stage.id}{order}"


def item_label(item: CatalogItem) -> str:
    where = " / ".join(part.name for part in (item.catalog, item.area) if part)
    return f"{item.name} ({where}) · ID {item.id}" if where else f"{item.name} · ID {item.id}"


def _desk_names(desk: Desk) -> Iterable[str | None]:
    return desk.names


def _client_names(client: Client) -> Iterable[str | None]:
    return (client.name, client.legal_name)


def _user_names(user: User) -> Iterable[str | None]:
    local_part = user.email.split("@", 1)[0] if user.email else None
    return (user.name, user.email, local_part)


def _trusting_the_api(term: str, found: list[Candidate[T]]) -> Resolution[T]:
    """The API matched these by its own rule: rank them by ours, but never drop one the API returned."""
    outcome = decide(term, found)
    if not isinstance(outcome, NoMatch):
        return outcome
    if len(found) == 1:
        return Resolved(found[0].value, Match.SUBSTRING)
    return Ambiguous(term, tuple(Scored(c, Match.SUBSTRING) for c in found))


@dataclass(frozen=True)
class DeskResolver:
    """`desk_name` → an active desk: the API's exact-name filter first, then every active desk, locally."""

    desks: DesksPort

    async def resolve(self, name: str, field: str = "desk_name") -> Resolution[Desk]:
        term = check_term(name, field)
        exact = await self.desks.list(active=True, name=term, page=PageRequest(1, LOOKUP_PAGE_SIZE))
        found = [desk for desk in exact if desk.active]
        if found:
            return _trusting_the_api(term, candidates_of(found, _desk_names, desk_label))
        every = await every_page(lambda page: self.desks.list(active=True, name=None, page=page))
        return decide(term, candidates_of([d for d in every if d.active], _desk_names, desk_label))


@dataclass(frozen=True)
class ClientResolver:
    """`client_name` → an active client: the API's partial filter, then an accent-insensitive local search."""

    people: PeoplePort

    async def resolve(self, name: str, field: str = "client_name") -> Resolution[Client]:
        term = check_term(name, field)
        page = await self.people.clients(name=term, active=True, page=PageRequest(1, LOOKUP_PAGE_SIZE))
        found = [client for client in page if client.active]
        if found:
            return _trusting_the_api(term, candidates_of(found, _client_names, client_label))
        every = await every_page(lambda p: self.people.clients(name=None, active=True, page=p))
        return decide(term, candidates_of([c for c in every if c.active], _client_names, client_label))


@dataclass(frozen=True)
class ResponsibleResolver:
    """`responsible_name` → an active attendant or admin, by name or e-mail."""

    people: PeoplePort

    async def resolve(self, name: str, field: str = "responsible_name") -> Resolution[User]:
        term = check_term(name, field)
        users = await every_page(lambda page: self.people.users(user_type=None, active=True, page=page))
        staff = [u for u in users if u.type is not None and u.type.can_attend and u.active]
        return decide(term, candidates_of(staff, _user_names, user_label))


@dataclass(frozen=True)
class RequestorResolver:
    """`requestor_name` → an active requestor, among the client's people when the client is known.

    No match is not an error for the caller: TiFlux creates a new requestor with that name.
    """

    people: PeoplePort

    async def resolve(
        self, name: str, client_id: ClientId | None = None, field: str = "requestor_name"
    ) -> Resolution[User]:
        term = check_term(name, field)
        users = await every_page(
            lambda page: self.people.users(user_type=UserType.CLIENT, active=True, page=page)
        )
        people = [
            u
            for u in users
            if u.active and (client_id is None or u.client_id is None or u.client_id == client_id)
        ]
        return decide(term, candidates_of(people, _user_names, user_label))


@dataclass(frozen=True)
class StageResolver:
    """`stage_name` → a stage of one desk."""

    desks: DesksPort

    async def resolve(self, desk_id: DeskId, name: str, field: str = "stage_name") -> Resolution[Stage]:
        term = check_term(name, field)
        stages = await every_page(lambda page: self.desks.stages(desk_id, page))
        return decide(term, candidates_of(stages, lambda s: (s.name,), stage_label))


@dataclass(frozen=True)
class CatalogItemResolver:
    """`catalog_item_name` → an item of one desk's services catalog."""

    desks: DesksPort

    async def resolve(
        self, desk_id: DeskId, name: str, field: str = "catalog_item_name"
    ) -> Resolution[CatalogItem]:
        term = check_term(name, field)
        items = await every_page(lambda page: self.desks.catalog_items(desk_id, page))
        return decide(term, candidates_of(items, lambda i: (i.name,), item_label))
