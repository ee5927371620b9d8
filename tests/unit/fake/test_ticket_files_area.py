"""The fake's routes of a ticket's files, service types and travel charges (v2.42 tickets.md §21)."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import httpx2
import pytest

from adapters.tiflux.fake.asgi import create_fake_api_app
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.fake.tenant.errors import FakeApiError


@pytest.fixture
def tenant() -> FakeTenant:
    return FakeTenant.demo(today=date(2025, 3, 14))


def send(tenant: FakeTenant, method: str, path: str, **kwargs: Any) -> httpx2.Response:
    async def go() -> httpx2.Response:
        transport = httpx2.ASGITransport(app=create_fake_api_app(tenant, api_key=None))
        headers = {"Authorization": "Bearer k"}
        async with httpx2.AsyncClient(transport=transport, base_url="http://t/api/v2", headers=headers) as c:
            return await c.request(method, path, **kwargs)

    return asyncio.run(go())


def test_uploads_become_ticket_files_with_the_next_id(tenant: FakeTenant) -> None:
    stored = tenant.ticket_files.upload_ticket_files(1041, {}, [("a.pdf", b"123"), ("b.bin", b"")])
    assert [(f["id"], f["content_type"], f["size"]) for f in stored] == [
        (8813, "application/pdf", 3),
        (8814, "application/octet-stream", 0),
    ]
    assert [f["id"] for f in tenant.records.list_ticket_files(1041)] == [8813, 8814]
    with pytest.raises(FakeApiError) as blank:
        tenant.ticket_files.upload_ticket_files(1041, {}, [])
    assert blank.value.status == 422


def test_upload_over_http_is_multipart_and_answers_201(tenant: FakeTenant) -> None:
    answer = send(tenant, "POST", "/tickets/1040/files", files=[("files[]", ("x.txt", b"hi", "text/plain"))])
    assert answer.status_code == 201 and answer.json()[0]["name"] == "x.txt"
    assert send(tenant, "POST", "/tickets/1040/files", json={}).status_code == 415


def test_deletes_answer_204_without_a_body_and_404_for_unknown_ids(tenant: FakeTenant) -> None:
    gone = send(tenant, "DELETE", "/tickets/1040/files/8803")
    assert gone.status_code == 204 and gone.content == b""
    assert send(tenant, "DELETE", "/tickets/1040/files/8803").status_code == 404
    assert send(tenant, "DELETE", "/tickets/1041/files/8801").status_code == 404  # another ticket's file
    answer_file = send(tenant, "DELETE", "/ticket_answers/77102/files/8812")
    assert answer_file.status_code == 204 and answer_file.content == b""
    assert tenant.ticket_activity.list_answers(1040)[1]["files_count"] == 1
    assert send(tenant, "DELETE", "/ticket_answers/77102/files/8812").status_code == 404
    assert send(tenant, "DELETE", "/ticket_answers/1/files/8811").status_code == 404


def test_service_types_per_ticket_and_on_a_base_day(tenant: FakeTenant) -> None:
    area = tenant.ticket_valuation
    assert [r["id"] for r in area.service_types(1040)["contract_riders"]] == [3011, 3041]
    assert [r["id"] for r in area.service_types(1040, date="2024-12-31")["contract_riders"]] == [3041]
    assert area.service_types(1043) == {"contract_riders": [], "loose_services": []}
    for bad in ("2025-03-15", "14/03/2025"):
        with pytest.raises(FakeApiError) as refused:
            area.service_types(1040, date=bad)
        assert refused.value.status == 422
    assert send(tenant, "GET", "/tickets/999/service-types").status_code == 404


def test_shifts_narrowed_to_a_contract_keep_the_generic_ones(tenant: FakeTenant) -> None:
    area = tenant.ticket_valuation
    assert [s["id"] for s in area.shifts(1040)] == [501, 502, 503, 504]
    assert [s["id"] for s in area.shifts(1040, contract_id=301)] == [502, 503]
    assert area.shifts(1042) == [] and area.shifts(1043) == []
    assert send(tenant, "GET", "/tickets/1041/shifts", params={"contract_id": "x"}).status_code == 400


def test_only_the_author_edits_a_note_and_a_removal_is_a_204(tenant: FakeTenant) -> None:
    area = tenant.record_changes
    edited = area.update_internal_communication(1040, 3103, {"text": "<p>novo</p>"})
    assert edited["text"] == "<p>novo</p>" and edited["user"]["id"] == 201
    for note, body, status in (
        (3101, {"text": "x"}, 403),
        (3103, {"text": " "}, 422),
        (9, {"text": "x"}, 404),
    ):
        with pytest.raises(FakeApiError) as refused:
            area.update_internal_communication(1040, note, body)
        assert refused.value.status == status
    gone = send(tenant, "DELETE", "/tickets/1040/internal_communications/3101")
    assert gone.status_code == 204 and gone.content == b""
    assert send(tenant, "DELETE", "/tickets/1040/internal_communications/3101").status_code == 404
    assert [n["id"] for n in tenant.records.list_internal_communications(1040)] == [3102, 3103]


def test_timers_carry_their_total_and_refuse_a_page_beyond_200(tenant: FakeTenant) -> None:
    listed = send(tenant, "GET", "/tickets/1040/pre-appointments", params={"limit": "1"})
    assert listed.headers["x-total-items"] == "2" and [t["id"] for t in listed.json()] == [4901]
    assert send(tenant, "GET", "/tickets/1042/pre-appointments").json() == []
    assert send(tenant, "GET", "/tickets/1043/pre-appointments").json() == []
    assert send(tenant, "GET", "/tickets/1040/pre-appointments", params={"limit": "201"}).status_code in (
        400,
        422,
    )
    assert send(tenant, "GET", "/tickets/999/pre-appointments").status_code == 404


def test_the_organisations_appointments_filter_and_count(tenant: FakeTenant) -> None:
    march = {"start_date": "2025-03-01", "end_date": "2025-03-31"}
    valued = send(tenant, "GET", "/appointments", params={**march, "include_valorization": "true"})
    assert valued.headers["x-total-items"] == "9" and "valorization" in valued.json()[0]
    plain = send(tenant, "GET", "/appointments", params={**march, "user_ids": "201", "desk_ids": "11,14"})
    assert [e["id"] for e in plain.json()] == [4501, 4502] and "valorization" not in plain.json()[0]
    one_day = send(
        tenant, "GET", "/appointments", params={"start_date": "2025-03-12", "end_date": "2025-03-12"}
    )
    assert [e["id"] for e in one_day.json()] == [4602, 4501]
    assert send(tenant, "GET", "/appointments", params={"start_date": "2025-03-01"}).status_code == 422


def test_the_feedback_report_reads_the_earlier_summary_before_march_and_lists_on_request(
    tenant: FakeTenant,
) -> None:
    area = tenant.ticket_reports
    march = area.ticket_feedback(start_date="2025-03-01", end_date="2025-03-31")
    assert march["summary"]["rating_average"] == 4.3 and "tickets_list" not in march
    earlier = area.ticket_feedback(start_date="2025-01-29", end_date="2025-02-28", tickets_list=True)
    assert earlier["summary"]["rating_average"] == 4.6 and earlier["tickets_list"] == []
    listed = area.ticket_feedback(start_date="2025-03-01", end_date="2025-03-31", tickets_list=True, limit=2)
    assert [t["id"] for t in listed["tickets_list"]] == [1045, 1039]
    assert send(tenant, "GET", "/reports/feedbacks/tickets", params={"start_date": "x"}).status_code == 422
