"""Over real HTTP: a warm name resolution makes no request, and two keys never share entries."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx2
import pytest

from adapters.container import HttpGateways
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.http.client import TifluxHttpClient
from application.queries import TicketFilter
from application.resolvers import DESK, REQUESTOR, RESPONSIBLE, STAGE, References
from application.use_cases.tickets import ListTickets, TicketNames
from domain.ids import DeskId, TicketNumber
from domain.paging import PageRequest
from domain.resolution import Resolved

pytestmark = pytest.mark.anyio


@pytest.fixture
async def gateways(live_fake_api: Any, tenant: FakeTenant) -> AsyncIterator[tuple[HttpGateways, Any]]:
    app = live_fake_api.serve(tenant)
    async with httpx2.AsyncClient(base_url=live_fake_api.base_url, timeout=5) as http:
        yield HttpGateways(TifluxHttpClient(http), cache_ttl=300), app


async def test_a_second_resolution_within_the_ttl_makes_no_request(
    gateways: tuple[HttpGateways, Any],
) -> None:
    factory, app = gateways
    for_key = factory("key-one")
    cold = await DESK.find(for_key, "cansados", None)
    assert isinstance(cold, Resolved) and cold.value.id == 11
    cold_requests = len(app.requests)
    assert cold_requests == 2  # exact-name filter, then every active desk
    warm = await DESK.find(factory("key-one"), "cansados", None)
    assert isinstance(warm, Resolved) and warm.value.id == 11
    assert len(app.requests) == cold_requests


async def test_other_reference_lists_are_cached_too(gateways: tuple[HttpGateways, Any]) -> None:
    factory, app = gateways
    await STAGE.find(factory("k"), "triagem", DeskId(14))
    await RESPONSIBLE.find(factory("k"), "lima", None)
    cold = len(app.requests)
    assert cold >= 2  # the stages, then the technical users (by name)
    await STAGE.find(factory("k"), "triagem", DeskId(14))
    await RESPONSIBLE.find(factory("k"), "lima", None)
    assert len(app.requests) == cold  # the second time, from the cache


async def test_two_keys_never_see_each_others_entries(gateways: tuple[HttpGateways, Any]) -> None:
    factory, app = gateways
    await DESK.find(factory("key-one"), "suporte", None)
    await DESK.find(factory("key-two"), "suporte", None)
    keys = [entry for entry in app.requests if entry[1] == "/api/v2/desks"]
    assert len(keys) == 2  # the second key asked TiFlux itself


async def test_live_data_is_never_cached(gateways: tuple[HttpGateways, Any]) -> None:
    factory, app = gateways
    await factory("k").tickets.get(TicketNumber(1040))
    await factory("k").tickets.get(TicketNumber(1040))
    assert len(app.requests) == 2


async def test_a_zero_ttl_disables_the_cache(live_fake_api: Any, tenant: FakeTenant) -> None:
    app = live_fake_api.serve(tenant)
    async with httpx2.AsyncClient(base_url=live_fake_api.base_url, timeout=5) as http:
        factory = HttpGateways(TifluxHttpClient(http), cache_ttl=0)
        await DESK.find(factory("k"), "suporte", None)
        await DESK.find(factory("k"), "suporte", None)
    assert len(app.requests) == 2


async def test_a_name_based_listing_costs_three_requests_cold_and_one_warm(
    gateways: tuple[HttpGateways, Any],
) -> None:
    factory, app = gateways

    async def listing() -> None:
        gateway = factory("k")
        use_case = ListTickets(gateway.tickets, References(gateway))
        await use_case(TicketFilter(), TicketNames(desk_name="cansados"), PageRequest())

    await listing()
    assert [path for _, path, _, _ in app.requests] == [
        "/api/v2/desks",
        "/api/v2/desks",
        "/api/v2/tickets",
    ]
    await listing()
    assert len(app.requests) == 4  # warm: only the tickets themselves


async def test_a_ticket_that_may_register_a_requestor_forgets_the_cached_people(
    gateways: tuple[HttpGateways, Any],
) -> None:
    from application.commands import NewTicket
    from domain.ids import ClientId
    from domain.resolution import NoMatch

    factory, _app = gateways
    first = await REQUESTOR.find(factory("k"), "Paulo Novo", ClientId(101))
    assert isinstance(first, NoMatch)
    await factory("k").tickets.create(
        NewTicket("t", "<p>d</p>", ClientId(101), DeskId(14), requestor_name="Paulo Novo")
    )
    again = await REQUESTOR.find(factory("k"), "Paulo Novo", ClientId(101))
    assert isinstance(again, Resolved), "the new requestor must be found, not registered twice"


async def test_the_custom_field_catalogue_is_cached(gateways: tuple[HttpGateways, Any]) -> None:
    from domain.ids import EntityFieldId, EntityId

    factory, app = gateways
    page = PageRequest(1, 20)
    for _ in range(3):
        fields = factory("k").custom_fields
        await fields.entities(active=None, applied_in=None, name=None, page=page)
        await fields.fields(EntityId(10), field_type=None, required=None, name=None, page=page)
        await fields.options(EntityFieldId(80), value=None, page=page)
    assert len(app.requests) == 3  # one of each, then every read from the cache
