"""The exact requests the HTTP adapter sends for each write (method, path, encoding, body)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qsl

import httpx2
import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.http.client import TifluxHttpClient
from adapters.tiflux.http.gateway import HttpTifluxGateway
from application.commands import AnswerDraft, Assignment, FieldValueChange, NewTicket, TicketChanges
from domain.ids import ClientId, DeskId, EntityFieldId, EntityFieldOptionId, StageId, TicketNumber, UserId

pytestmark = pytest.mark.anyio


@pytest.fixture
async def http(live_fake_api: Any, tenant: FakeTenant) -> AsyncIterator[tuple[HttpTifluxGateway, Any]]:
    live_fake_api.serve(tenant)
    async with httpx2.AsyncClient(base_url=live_fake_api.base_url, timeout=5) as client:
        yield HttpTifluxGateway(TifluxHttpClient(client), "demo-key"), live_fake_api


async def test_create_is_form_urlencoded_with_the_parent_renamed(http: tuple[HttpTifluxGateway, Any]) -> None:
    gateway, live = http
    await gateway.tickets.create(
        NewTicket(
            title="Computador não liga",
            description_html="<p>O PC da <strong>recepção</strong></p>",
            client_id=ClientId(103),
            desk_id=DeskId(14),
            requestor_id=UserId(207),
            followers=("a@x.com", "b@y.com"),
            parent=TicketNumber(1040),
        )
    )
    (sent,) = live.captured
    assert (sent.method, sent.path) == ("POST", "/api/v2/tickets")
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    assert dict(parse_qsl(sent.body.decode())) == {
        "title": "Computador não liga",
        "description": "<p>O PC da <strong>recepção</strong></p>",
        "client_id": "103",
        "desk_id": "14",
        "requestor_id": "207",
        "followers": "a@x.com,b@y.com",
        "ticket_reference_number": "1040",
    }


async def test_update_is_json_with_only_the_keys_set(http: tuple[HttpTifluxGateway, Any]) -> None:
    gateway, live = http
    await gateway.tickets.update(
        TicketNumber(1040), TicketChanges(title="Novo", stage_id=StageId(1403), responsible=Assignment(None))
    )
    (sent,) = live.captured
    assert (sent.method, sent.path) == ("PUT", "/api/v2/tickets/1040")
    assert sent.headers["content-type"] == "application/json"
    assert json.loads(sent.body) == {"title": "Novo", "stage_id": 1403, "responsible_id": None}


async def test_entities_are_json_items(http: tuple[HttpTifluxGateway, Any]) -> None:
    gateway, live = http
    await gateway.tickets.update_fields(
        TicketNumber(1042),
        [
            FieldValueChange(EntityFieldId(72), "x"),
            FieldValueChange(EntityFieldId(81), "true", EntityFieldOptionId(11)),
        ],
    )
    (sent,) = live.captured
    assert (sent.method, sent.path) == ("PUT", "/api/v2/tickets/1042/entities")
    assert json.loads(sent.body) == {
        "entities": [
            {"entity_field_id": 72, "value": "x"},
            {"entity_field_id": 81, "value": "true", "entity_field_option_id": 11},
        ]
    }


@pytest.mark.parametrize("how", ["cancel", "close"])
async def test_cancel_and_close_are_bodyless_puts(http: tuple[HttpTifluxGateway, Any], how: str) -> None:
    gateway, live = http
    await getattr(gateway.tickets, how)(TicketNumber(1040))
    (sent,) = live.captured
    assert (sent.method, sent.path, sent.body) == ("PUT", f"/api/v2/tickets/1040/{how}", b"")
    assert "content-type" not in sent.headers
    assert sent.headers.get("content-length", "0") == "0"


async def test_an_answer_is_multipart_with_name_and_signature(http: tuple[HttpTifluxGateway, Any]) -> None:
    gateway, live = http
    await gateway.tickets.answer(TicketNumber(1040), AnswerDraft("<p>Olá</p>", with_signature=False))
    (sent,) = live.captured
    assert (sent.method, sent.path) == ("POST", "/api/v2/tickets/1040/answers")
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    body = sent.body.decode()
    assert 'Content-Disposition: form-data; name="name"\r\n\r\n<p>Olá</p>\r\n' in body
    assert 'Content-Disposition: form-data; name="with_signature"\r\n\r\nfalse\r\n' in body
    assert "filename=" not in body


async def test_a_note_with_files_is_multipart_with_the_bytes(
    http: tuple[HttpTifluxGateway, Any], tmp_path: Any
) -> None:
    from adapters.attachments.files import LocalAndInlineAttachments
    from application.commands import NoteDraft
    from domain.attachments import COMMUNICATION_LIMITS

    gateway, live = http
    source = LocalAndInlineAttachments(hosted=False, allowed_dir=None)
    log = tmp_path / "erro.log"
    log.write_bytes(b"\x00\x01linha\n")
    files = (
        await source.from_path(str(log), field="files[0]", limits=COMMUNICATION_LIMITS),
        await source.from_base64(
            "ZGFkb3M=", 'relatório "final".txt', field="files_base64[0]", limits=COMMUNICATION_LIMITS
        ),
    )
    await gateway.communications.create(TicketNumber(1040), NoteDraft("<p>Nota</p>", files))
    (sent,) = live.captured
    assert (sent.method, sent.path) == ("POST", "/api/v2/tickets/1040/internal_communications")
    body = sent.body
    assert b'Content-Disposition: form-data; name="text"\r\n\r\n<p>Nota</p>\r\n' in body
    assert (
        b'name="files[]"; filename="erro.log"\r\nContent-Type: application/octet-stream\r\n\r\n'
        b"\x00\x01linha\n\r\n" in body
    )
    assert (
        'filename="relatório %22final%22.txt"\r\nContent-Type: text/plain\r\n\r\ndados\r\n'.encode() in body
    )
    assert body.index(b'name="text"') < body.index(b'name="files[]"')
    assert int(sent.headers["content-length"]) == len(body)
