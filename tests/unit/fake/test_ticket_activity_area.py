"""The fake's routes of a ticket's answers, history, checklists and reopening (v2.42 tickets.md §21)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx2
import pytest

from adapters.tiflux.fake.asgi import create_fake_api_app
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.fake.tenant.errors import FakeApiError


@pytest.fixture
def tenant() -> FakeTenant:
    return FakeTenant.demo()


def send(tenant: FakeTenant, method: str, path: str, **kwargs: Any) -> httpx2.Response:
    async def go() -> httpx2.Response:
        transport = httpx2.ASGITransport(app=create_fake_api_app(tenant, api_key=None))
        headers = {"Authorization": "Bearer k"}
        async with httpx2.AsyncClient(transport=transport, base_url="http://t/api/v2", headers=headers) as c:
            return await c.request(method, path, **kwargs)

    return asyncio.run(go())


def test_answers_are_listed_without_files_and_read_with_them(tenant: FakeTenant) -> None:
    area = tenant.ticket_activity
    listed = area.list_answers(1040, offset=1, limit=2)
    assert [a["id"] for a in listed] == [77101, 77102] and all("files" not in a for a in listed)
    assert area.list_answers(1040, offset=2, limit=2)[0]["id"] == 77103
    assert [f["id"] for f in area.get_answer(1040, 77102)["files"]] == [8811, 8812]
    assert area.get_answer(1045, 77090)["files"] == []
    with pytest.raises(FakeApiError) as missing:
        area.get_answer(1040, 77090)  # an answer of another ticket
    assert missing.value.status == 404
    assert area.list_answers(1042) == []


def test_histories_by_area_and_operation(tenant: FakeTenant) -> None:
    area = tenant.ticket_activity
    assert [e["id"] for e in area.list_histories(1040)] == [60101, 60102, 60103]
    assert [e["id"] for e in area.list_histories(1040, history_of=1)] == [60201, 60202, 60203]
    assert [e["id"] for e in area.list_histories(1040, history_of=1, operation="updated")] == [60202]
    assert len(area.list_histories(1045)) == 4 and area.list_histories(1045, history_of=1) == []
    with pytest.raises(FakeApiError) as wrong:
        area.list_histories(1040, history_of=2)
    assert wrong.value.status == 422


def test_reopen_only_what_is_closed(tenant: FakeTenant) -> None:
    area = tenant.ticket_activity
    assert area.reopen_ticket(1046, {}) == {"message": "Ticket 1046 reopened successfully"}
    ticket = tenant.tickets.get_ticket(1046)
    assert (
        ticket["is_closed"] is False and ticket["status"]["name"] == "Aberto" and ticket["reopen_count"] == 1
    )
    for number, body in ((1040, {}), (1046, {}), (1045, {"disapproval_reason": " "})):
        with pytest.raises(FakeApiError) as refused:
            area.reopen_ticket(number, body)
        assert refused.value.status == 422


def test_a_checklist_item_reflects_the_body(tenant: FakeTenant) -> None:
    area = tenant.ticket_activity
    after = area.update_checklist_item(1040, 8101, 2, {"value": "2"})
    radio = after["fields"][2]
    assert after["pending"] is False and radio["filled"] is True
    assert [o["value"] for o in radio["options"]] == [False, True, False]
    cleared = area.update_checklist_item(1040, 8101, 0, {"value": None})
    assert cleared["pending"] is True and cleared["fields"][0]["filled"] is False
    unchecked = area.update_checklist_item(
        1040, 8101, 3, {"options": [{"id": "guilhotina", "checked": False}]}
    )
    assert unchecked["fields"][3]["filled"] is False
    assert area.list_checklists(1040)[0]["fields"][3]["filled"] is False  # stored


@pytest.mark.parametrize(
    ("number", "checklist", "index", "body", "status"),
    [
        (1040, 8101, 3, {"value": "x"}, 422),
        (1040, 8101, 0, {"options": [{"id": 1, "checked": True}]}, 422),
        (1040, 8101, 0, {"value": "x", "options": []}, 422),
        (1040, 8101, 0, {}, 422),
        (1040, 8101, 2, {"value": 9}, 422),
        (1040, 8101, 3, {"options": [{"id": "nope", "checked": True}]}, 422),
        (1040, 8101, 9, {"value": "x"}, 404),
        (1040, 8199, 0, {"value": "x"}, 404),
        (1045, 8103, 0, {"value": "1"}, 422),
        (999, 8101, 0, {"value": "x"}, 404),
    ],
)
def test_a_checklist_item_refuses(
    tenant: FakeTenant, number: int, checklist: int, index: int, body: dict[str, Any], status: int
) -> None:
    with pytest.raises(FakeApiError) as refused:
        tenant.ticket_activity.update_checklist_item(number, checklist, index, body)
    assert refused.value.status == status


def test_over_http_a_delete_is_204_without_a_body_and_reopen_takes_json(tenant: FakeTenant) -> None:
    deleted = send(tenant, "DELETE", "/tickets/1040/answers/77103")
    assert deleted.status_code == 204 and deleted.content == b""
    assert send(tenant, "DELETE", "/tickets/1040/answers/77103").status_code == 404
    assert send(tenant, "GET", "/tickets/1040/histories", params={"history_of": "x"}).status_code == 400
    assert send(tenant, "PUT", "/tickets/1045/reopen", content=b"").status_code == 415
    reopened = send(tenant, "PUT", "/tickets/1045/reopen", json={"disapproval_reason": "Falhou de novo"})
    assert reopened.status_code == 200 and reopened.json()["message"] == "Ticket 1045 reopened successfully"
    item = send(tenant, "PUT", "/tickets/1040/checklists/8101/items/0", json={"value": "SN-1"})
    assert item.status_code == 200 and item.json()["fields"][0]["value"] == "SN-1"
