"""The fake's test-only fault switch: queued in process or over `/_fake/faults`, taken in order by the
requests they match, logged like any request, and invisible to the API when nothing is queued."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx2
import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import CONTROL_PATH, Fault, FaultPlan

pytestmark = pytest.mark.anyio

Http = httpx2.AsyncClient
ORIGIN = "http://api.test"
TOKEN = {"Authorization": "Bearer demo-key"}


@pytest.fixture
def app() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


@pytest.fixture
async def http(app: InstrumentedFakeApi) -> AsyncIterator[Http]:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url=ORIGIN, headers=TOKEN) as client:
        yield client


def plan(app: InstrumentedFakeApi) -> FaultPlan:
    faults: FaultPlan = app.faults
    return faults


async def test_without_faults_the_api_answers_as_usual(http: httpx2.AsyncClient) -> None:
    response = await http.get("/api/v2/desks")
    assert response.status_code == 200 and response.json()


async def test_a_status_fault_answers_like_tiflux_once(
    app: InstrumentedFakeApi, http: httpx2.AsyncClient
) -> None:
    plan(app).add(Fault.answer(429, retry_after="7"))
    limited = await http.get("/api/v2/desks")
    assert limited.status_code == 429 and limited.headers["retry-after"] == "7"
    assert limited.json() == {"message": "Too Many Requests", "error_code": 42901}
    assert (await http.get("/api/v2/desks")).status_code == 200
    assert plan(app).injected == [("GET", "/api/v2/desks", "status")]


async def test_faults_are_taken_in_order_and_counted(
    app: InstrumentedFakeApi, http: httpx2.AsyncClient
) -> None:
    plan(app).add(Fault.answer(502), times=2).add(Fault.answer(504))
    statuses = [(await http.get("/api/v2/desks")).status_code for _ in range(4)]
    assert statuses == [502, 502, 504, 200]


async def test_an_html_page_with_200(app: InstrumentedFakeApi, http: Http) -> None:
    plan(app).add(Fault.html_page())
    page = await http.get("/api/v2/tickets/1040")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.text.startswith("<!DOCTYPE html>")


async def test_truncated_json_is_the_real_answer_cut(
    app: InstrumentedFakeApi, http: httpx2.AsyncClient
) -> None:
    whole = (await http.get("/api/v2/tickets/1040")).content
    plan(app).add(Fault.truncated_json())
    cut = await http.get("/api/v2/tickets/1040")
    assert cut.status_code == 200 and whole.startswith(cut.content) and len(cut.content) < len(whole)
    with pytest.raises(ValueError):
        cut.json()


async def test_a_write_behind_a_truncated_answer_is_applied(
    app: InstrumentedFakeApi, http: httpx2.AsyncClient
) -> None:
    plan(app).add(Fault.truncated_json())
    await http.put("/api/v2/tickets/1040/close")
    assert app.tenant.tickets.get_ticket(1040)["is_closed"]


async def test_a_fault_can_target_a_method_and_path(
    app: InstrumentedFakeApi, http: httpx2.AsyncClient
) -> None:
    plan(app).add(Fault.answer(503).on("put", "/api/v2/tickets/1040/close"))
    assert (await http.get("/api/v2/tickets/1040")).status_code == 200
    assert (await http.put("/api/v2/tickets/1041/close")).status_code != 503
    assert (await http.put("/api/v2/tickets/1040/close")).status_code == 503
    assert plan(app).pending() == []


async def test_faulted_requests_are_still_logged_and_authenticated(
    app: InstrumentedFakeApi, http: httpx2.AsyncClient
) -> None:
    plan(app).add(Fault.answer(500))
    assert (await http.get("/api/v2/desks", headers={"Authorization": ""})).status_code == 401
    assert (await http.get("/api/v2/desks")).status_code == 500
    assert [entry[:2] for entry in app.requests] == [("GET", "/api/v2/desks")] * 2


async def test_the_control_endpoint_queues_lists_and_clears(app: InstrumentedFakeApi) -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url=ORIGIN) as anonymous:
        queued = await anonymous.post(
            CONTROL_PATH,
            json=[{"kind": "status", "status": 503, "times": 2}, {"kind": "reset", "method": "POST"}],
        )
        assert queued.status_code == 200
        assert [f["kind"] for f in queued.json()["pending"]] == ["status", "status", "reset"]
        assert (await anonymous.get(CONTROL_PATH)).json() == queued.json()
        assert (await anonymous.delete(CONTROL_PATH)).json() == {"pending": []}
    assert app.requests == []  # the switch is not part of the API: never logged


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b'{"kind": "reset"}',
        b'[{"kind": "explode"}]',
        b'[{"kind": "status", "status": 99}]',
        b'[{"kind": "status"}]',
        b'[{"kind": "reset", "colour": "red"}]',
        b'[{"kind": "stall_after_body", "seconds": -1}]',
        b'[{"kind": "reset", "times": 0}]',
        b'[{"kind": "reset", "path": 3}]',
    ],
)
async def test_the_control_endpoint_refuses_what_is_not_a_fault(
    app: InstrumentedFakeApi, body: bytes
) -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url=ORIGIN) as anonymous:
        refused = await anonymous.post(CONTROL_PATH, content=body)
    assert refused.status_code == 400 and refused.json()["message"]
    assert plan(app).pending() == []


async def test_the_control_endpoint_takes_only_get_post_and_delete(http: httpx2.AsyncClient) -> None:
    assert (await http.put(CONTROL_PATH)).status_code == 405
