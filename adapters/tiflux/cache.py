"""A per-tenant cache of reference data (desks and what they hold, users), so names resolve fast.

Entries live `ttl` seconds; concurrent misses of one key share a single request; failures are not
cached. Each API key has its own cache, found by a hash of the key, so tenants never see each other's
entries and no key is kept in memory as a dictionary key. Tickets and other live data are never cached.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from application.commands import NewTicket
from application.ports.custom_fields import CustomFieldsPort
from application.ports.desks import DesksPort
from application.ports.gateway import TifluxGateway
from application.ports.people import PeoplePort
from application.ports.requestors import TechnicalUsersPort
from application.ports.tickets import TicketsPort
from domain.custom_fields import Entity, EntityField, EntityFieldOption
from domain.desks import CatalogItem, Desk, Priority, ServicesCatalog, Stage
from domain.ids import CatalogAreaId, CatalogId, ClientId, DeskId, EntityFieldId, EntityId
from domain.paging import Page, PageRequest
from domain.people import Client, User, UserType
from domain.requestors import TechnicalUser
from domain.tickets import Ticket

T = TypeVar("T")

MAX_ENTRIES_PER_TENANT = 2_048
MAX_TENANTS = 10_000


class TtlCache:
    """Memoises awaited results for a while; one fetch per key at a time."""

    def __init__(
        self,
        ttl: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_entries: int = MAX_ENTRIES_PER_TENANT,
    ) -> None:
        self._ttl = ttl
        self._clock = clock
        self._max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._in_flight: dict[Hashable, asyncio.Future[Any]] = {}

    async def get_or_fetch(self, key: Hashable, fetch: Callable[[], Awaitable[T]]) -> T:
        now = self._clock()
        cached = self._entries.get(key)
        if cached is not None and cached[0] > now:
            self._entries.move_to_end(key)
            return cached[1]  # type: ignore[no-any-return]
        pending = self._in_flight.get(key)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._in_flight[key] = future
        try:
            value = await fetch()
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # mark retrieved: waiters re-raise it, nobody else must
            raise
        else:
            future.set_result(value)
            self._store(key, value)
            return value
        finally:
            del self._in_flight[key]

    def clear(self) -> None:
        self._entries.clear()

    def _store(self, key: Hashable, value: Any) -> None:
        self._entries[key] = (self._clock() + self._ttl, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)


class TenantCaches:
    """One `TtlCache` per API key (least recently used tenants dropped past a bound)."""

    def __init__(self, ttl: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl = ttl
        self._clock = clock
        self._tenants: OrderedDict[str, TtlCache] = OrderedDict()

    def for_key(self, api_key: str) -> TtlCache:
        tenant = hashlib.sha256(api_key.encode()).hexdigest()
        cache = self._tenants.get(tenant)
        if cache is None:
            cache = self._tenants[tenant] = TtlCache(self._ttl, clock=self._clock)
            while len(self._tenants) > MAX_TENANTS:
                self._tenants.popitem(last=False)
        self._tenants.move_to_end(tenant)
        return cache


class CachedDesks:
    """DesksPort with every read remembered for the cache's TTL."""

    def __init__(self, inner: DesksPort, cache: TtlCache) -> None:
        self._inner = inner
        self._cache = cache

    async def list(self, *, active: bool | None, name: str | None, page: PageRequest) -> Page[Desk]:
        return await self._cache.get_or_fetch(
            ("desks", active, name, page), lambda: self._inner.list(active=active, name=name, page=page)
        )

    async def get(self, desk_id: DeskId) -> Desk:
        return await self._cache.get_or_fetch(("desk", desk_id), lambda: self._inner.get(desk_id))

    async def stages(self, desk_id: DeskId, page: PageRequest) -> Page[Stage]:
        return await self._cache.get_or_fetch(
            ("stages", desk_id, page), lambda: self._inner.stages(desk_id, page)
        )

    async def priorities(self, desk_id: DeskId, page: PageRequest) -> Page[Priority]:
        return await self._cache.get_or_fetch(
            ("priorities", desk_id, page), lambda: self._inner.priorities(desk_id, page)
        )

    async def catalogs(self, desk_id: DeskId, page: PageRequest) -> Page[ServicesCatalog]:
        return await self._cache.get_or_fetch(
            ("catalogs", desk_id, page), lambda: self._inner.catalogs(desk_id, page)
        )

    async def catalog_items(
        self,
        desk_id: DeskId,
        page: PageRequest,
        *,
        area_id: CatalogAreaId | None = None,
        catalog_id: CatalogId | None = None,
        search: str | None = None,
    ) -> Page[CatalogItem]:
        return await self._cache.get_or_fetch(
            ("catalog_items", desk_id, page, area_id, catalog_id, search),
            lambda: self._inner.catalog_items(
                desk_id, page, area_id=area_id, catalog_id=catalog_id, search=search
            ),
        )


class CachedPeople:
    """PeoplePort with users remembered; clients are always read fresh."""

    def __init__(self, inner: PeoplePort, cache: TtlCache) -> None:
        self._inner = inner
        self._cache = cache

    async def clients(self, *, name: str | None, active: bool | None, page: PageRequest) -> Page[Client]:
        return await self._inner.clients(name=name, active=active, page=page)

    async def me(self) -> User:
        return await self._inner.me()

    async def users(
        self, *, user_type: UserType | None, active: bool | None, page: PageRequest
    ) -> Page[User]:
        return await self._cache.get_or_fetch(
            ("users", user_type, active, page),
            lambda: self._inner.users(user_type=user_type, active=active, page=page),
        )


class CachedTechnicalUsers:
    """TechnicalUsersPort with its searches remembered: responsible names are resolved through it."""

    def __init__(self, inner: TechnicalUsersPort, cache: TtlCache) -> None:
        self._inner = inner
        self._cache = cache

    async def search(
        self,
        *,
        name: str | None,
        email: str | None,
        desk_id: DeskId | None,
        client_id: ClientId | None,
        page: PageRequest,
    ) -> Page[TechnicalUser]:
        return await self._cache.get_or_fetch(
            ("technical_users", name, email, desk_id, client_id, page),
            lambda: self._inner.search(
                name=name, email=email, desk_id=desk_id, client_id=client_id, page=page
            ),
        )


class CachedCustomFields:
    """CustomFieldsPort with the whole catalogue (entities, fields, options) remembered."""

    def __init__(self, inner: CustomFieldsPort, cache: TtlCache) -> None:
        self._inner = inner
        self._cache = cache

    async def entities(
        self, *, active: bool | None, applied_in: str | None, name: str | None, page: PageRequest
    ) -> Page[Entity]:
        return await self._cache.get_or_fetch(
            ("entities", active, applied_in, name, page),
            lambda: self._inner.entities(active=active, applied_in=applied_in, name=name, page=page),
        )

    async def fields(
        self,
        entity_id: EntityId,
        *,
        field_type: str | None,
        required: bool | None,
        name: str | None,
        page: PageRequest,
    ) -> Page[EntityField]:
        return await self._cache.get_or_fetch(
            ("fields", entity_id, field_type, required, name, page),
            lambda: self._inner.fields(
                entity_id, field_type=field_type, required=required, name=name, page=page
            ),
        )

    async def options(
        self, field_id: EntityFieldId, *, value: str | None, page: PageRequest
    ) -> Page[EntityFieldOption]:
        return await self._cache.get_or_fetch(
            ("options", field_id, value, page), lambda: self._inner.options(field_id, value=value, page=page)
        )


class ForgettingTickets:
    """TicketsPort that forgets the tenant's cached people when a ticket may have registered a new one."""

    def __init__(self, inner: TicketsPort, cache: TtlCache) -> None:
        self._inner = inner
        self._cache = cache

    async def create(self, ticket: NewTicket) -> Ticket:
        try:
            return await self._inner.create(ticket)
        finally:
            if ticket.requestor_id is None and (ticket.requestor_name or ticket.requestor_email):
                self._cache.clear()  # TiFlux may now know a requestor the cached user list lacks

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class CachingGateway:
    """A tenant's gateway whose reference reads go through that tenant's cache; the rest is untouched."""

    def __init__(self, inner: TifluxGateway, cache: TtlCache) -> None:
        self._inner = inner
        self.desks = CachedDesks(inner.desks, cache)
        self.people = CachedPeople(inner.people, cache)
        self.tickets = ForgettingTickets(inner.tickets, cache)
        self.custom_fields = CachedCustomFields(inner.custom_fields, cache)
        self.technical_users = CachedTechnicalUsers(inner.technical_users, cache)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)
