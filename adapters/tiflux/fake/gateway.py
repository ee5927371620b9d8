"""The ports implemented on the in-memory demo tenant: no network, same JSON, same translation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from adapters.tiflux.errors import NotFoundAs, error_for_status
from adapters.tiflux.fake.tenant import FakeApiError, FakeTenant
from adapters.tiflux.wire import (
    CatalogItemWire,
    CatalogWire,
    ClientWire,
    DeskWire,
    PriorityWire,
    StageWire,
    TicketWire,
    UserWire,
    parse_many,
    parse_one,
)
from application.queries import TicketFilter
from domain.desks import CatalogItem, Desk, Priority, ServicesCatalog, Stage
from domain.ids import CatalogAreaId, CatalogId, DeskId, TicketNumber
from domain.paging import Page, PageRequest
from domain.people import Client, User, UserType
from domain.tickets import Ticket

T = TypeVar("T")


@contextmanager
def _api_errors(*, is_read: bool = True, not_found: NotFoundAs | None = None) -> Iterator[None]:
    try:
        yield
    except FakeApiError as exc:
        raise error_for_status(exc.status, exc.body, is_read=is_read, not_found=not_found) from None


def _read(call: Callable[[], T], not_found: NotFoundAs | None = None) -> T:
    with _api_errors(not_found=not_found):
        return call()


class FakeTickets:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def get(
        self, number: TicketNumber, *, show_entities: bool = False, include_filled_entity: bool = False
    ) -> Ticket:
        payload = _read(
            lambda: self._tenant.get_ticket(
                number.value, show_entities=show_entities, include_filled_entity=include_filled_entity
            ),
            NotFoundAs("ticket", f"#{number}"),
        )
        return parse_one(TicketWire, payload).to_domain()

    async def list(self, query: TicketFilter, page: PageRequest) -> Page[Ticket]:
        dates = query.dates
        payload = _read(
            lambda: self._tenant.list_tickets(
                offset=page.number,
                limit=page.size,
                is_closed=query.is_closed,
                desk_ids=tuple(query.desk_ids),
                client_ids=tuple(query.client_ids),
                stage_ids=tuple(query.stage_ids),
                responsible_ids=tuple(query.responsible_ids),
                requestor_ids=tuple(query.requestor_ids),
                requestor_email=query.requestor_email,
                date_type=dates.field.value if dates else None,
                start_datetime=dates.start if dates else None,
                end_datetime=dates.end if dates else None,
            )
        )
        return Page(tuple(t.to_domain() for t in parse_many(TicketWire, payload)), page)


class FakeDesks:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def list(self, *, active: bool | None, name: str | None, page: PageRequest) -> Page[Desk]:
        payload = _read(
            lambda: self._tenant.list_desks(active=active, name=name, offset=page.number, limit=page.size)
        )
        return Page(tuple(d.to_domain() for d in parse_many(DeskWire, payload)), page)

    async def get(self, desk_id: DeskId) -> Desk:
        payload = _read(lambda: self._tenant.get_desk(desk_id), NotFoundAs("desk", str(desk_id)))
        return parse_one(DeskWire, payload).to_domain()

    async def stages(self, desk_id: DeskId, page: PageRequest) -> Page[Stage]:
        payload = _read(
            lambda: self._tenant.list_desk_stages(desk_id, offset=page.number, limit=page.size),
            NotFoundAs("desk", str(desk_id)),
        )
        return Page(tuple(s.to_domain() for s in parse_many(StageWire, payload)), page)

    async def priorities(self, desk_id: DeskId, page: PageRequest) -> Page[Priority]:
        payload = _read(
            lambda: self._tenant.list_desk_priorities(desk_id, offset=page.number, limit=page.size),
            NotFoundAs("desk", str(desk_id)),
        )
        return Page(tuple(p.to_domain() for p in parse_many(PriorityWire, payload)), page)

    async def catalogs(self, desk_id: DeskId, page: PageRequest) -> Page[ServicesCatalog]:
        payload = _read(
            lambda: self._tenant.list_desk_services_catalogs(desk_id, offset=page.number, limit=page.size),
            NotFoundAs("desk", str(desk_id)),
        )
        return Page(tuple(c.to_domain() for c in parse_many(CatalogWire, payload)), page)

    async def catalog_items(
        self,
        desk_id: DeskId,
        page: PageRequest,
        *,
        area_id: CatalogAreaId | None = None,
        catalog_id: CatalogId | None = None,
        search: str | None = None,
    ) -> Page[CatalogItem]:
        payload = _read(
            lambda: self._tenant.list_desk_catalog_items(
                desk_id,
                offset=page.number,
                limit=page.size,
                area_id=area_id,
                catalog_id=catalog_id,
                name=search or None,
            ),
            NotFoundAs("desk", str(desk_id)),
        )
        return Page(tuple(i.to_domain() for i in parse_many(CatalogItemWire, payload)), page)


class FakePeople:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def clients(self, *, name: str | None, active: bool | None, page: PageRequest) -> Page[Client]:
        payload = _read(
            lambda: self._tenant.list_clients(
                active=active, name=name or None, offset=page.number, limit=page.size
            )
        )
        return Page(tuple(c.to_domain() for c in parse_many(ClientWire, payload)), page)

    async def users(
        self, *, user_type: UserType | None, active: bool | None, page: PageRequest
    ) -> Page[User]:
        payload = _read(
            lambda: self._tenant.list_users(
                offset=page.number,
                limit=page.size,
                active=active,
                type=user_type.value if user_type else None,
            )
        )
        return Page(tuple(u.to_domain() for u in parse_many(UserWire, payload)), page)


class FakeTifluxGateway:
    """Every port on one in-memory tenant."""

    def __init__(self, tenant: FakeTenant) -> None:
        self.tickets = FakeTickets(tenant)
        self.desks = FakeDesks(tenant)
        self.people = FakePeople(tenant)
