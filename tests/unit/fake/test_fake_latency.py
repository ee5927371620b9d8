"""The fake's benchmark switches: a latency added to every API request (optionally one request at a time),
and a count of the API requests received, both outside `/api/v2` and without a token."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import anyio
import httpx2
import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import LATENCY_PATH, REQUESTS_PATH, FaultPlan

pytestmark = pytest.mark.anyio

ORIGIN = "http://api.test"
TOKEN = {"Authorization": "Bearer demo-key"}


@pytest.fixture
def app() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


@pytest.fixture
async def http(app: InstrumentedFakeApi) -> AsyncIterator[httpx2.AsyncClient]:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url=ORIGIN, headers=TOKEN) as client:
        yield client


async def timed_pair(http: httpx2.AsyncClient) -> float:
    """Seconds for two API requests sent at the same time."""
    started = time.perf_counter()
    async with anyio.create_task_group() as group:
        for path in ("/api/v2/desks", "/api/v2/users"):
            group.start_soon(http.get, path)
    return time.perf_counter() - started


async def test_no_latency_unless_asked(http: httpx2.AsyncClient) -> None:
    assert (await http.get(LATENCY_PATH)).json() == {"latency_ms": 0, "serial": False}
    assert await timed_pair(http) < 0.05


async def test_latency_set_over_http_delays_every_api_request_and_they_overlap(
    app: InstrumentedFakeApi, http: httpx2.AsyncClient
) -> None:
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url=ORIGIN) as anonymous:
        answer = await anonymous.put(LATENCY_PATH, json={"latency_ms": 60})
    assert answer.json() == {"latency_ms": 60, "serial": False}

    assert 0.06 <= await timed_pair(http) < 0.115


async def test_serial_latency_lets_one_request_in_at_a_time(http: httpx2.AsyncClient) -> None:
    await http.put(LATENCY_PATH, json={"latency_ms": 60, "serial": True})

    assert await timed_pair(http) >= 0.12


async def test_latency_from_the_constructor() -> None:
    app = InstrumentedFakeApi(FakeTenant.demo(), faults=FaultPlan(latency=0.06))
    async with httpx2.AsyncClient(
        transport=httpx2.ASGITransport(app=app), base_url=ORIGIN, headers=TOKEN
    ) as http:
        started = time.perf_counter()
        assert (await http.get("/api/v2/desks")).status_code == 200
        assert time.perf_counter() - started >= 0.06


@pytest.mark.parametrize(
    "body",
    [{"latency_ms": -1}, {"latency_ms": "50"}, {"latency_ms": True}, {"serial": "yes"}, {"delay": 5}, [50]],
)
async def test_a_bad_latency_is_refused_and_changes_nothing(http: httpx2.AsyncClient, body: object) -> None:
    answer = await http.put(LATENCY_PATH, json=body)

    assert answer.status_code == 400 and answer.json()["message"]
    assert (await http.get(LATENCY_PATH)).json() == {"latency_ms": 0, "serial": False}


async def test_the_request_count_covers_api_requests_only_and_can_be_reset(
    app: InstrumentedFakeApi, http: httpx2.AsyncClient
) -> None:
    await http.get("/api/v2/desks")
    await http.get("/api/v2/tickets/1040")
    await http.get(LATENCY_PATH)

    assert (await http.get(REQUESTS_PATH)).json() == {"count": 2}
    assert (await http.delete(REQUESTS_PATH)).json() == {"count": 0}
    assert app.requests == []
    assert (await http.post(REQUESTS_PATH)).status_code == 405
