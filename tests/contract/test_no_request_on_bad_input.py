"""Bad input never becomes a request to TiFlux (the HTTP backend against the local stand-in)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from dependency_injector import providers
from mcp import Client

from adapters.accounts import CURRENT_ACCOUNT
from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant
from domain.attachments import COMMUNICATION_LIMITS

pytestmark = pytest.mark.anyio

BAD_BASE64 = {"filename": "a.txt", "content": "@@@"}
GOOD_BASE64 = {"filename": "a.txt", "content": "YQ=="}
APPOINTMENT = {
    "ticket_number": "1042",
    "date": "2025-01-15",
    "init_time": "09:00",
    "end_time": "10:00",
    "description": "x",
}
TOMORROW = (date.today() + timedelta(days=2)).isoformat()


@pytest.fixture
async def client(live_fake_api: Any, tenant: FakeTenant) -> AsyncIterator[Client]:
    live_fake_api.serve(tenant)
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, backend="http", api_key="k", api_base_url=live_fake_api.base_url
    )
    async with Client(create_container(settings).mcp_server()) as mcp:
        yield mcp


@pytest.mark.parametrize(
    ("tool", "arguments"),
    [
        ("list_tickets", {}),
        ("list_tickets", {"stage_name": "triagem"}),
        ("list_tickets", {"desk_ids": "14,abc"}),
        ("update_ticket", {"ticket_number": "1040"}),
        ("update_ticket_entities", {"ticket_number": "1042", "entities": []}),
        (
            "update_ticket_entities",
            {"ticket_number": "1042", "entities": [{"entity_field_id": 72, "value": "x"}] * 51},
        ),
        ("create_ticket", {"description": "d", "client_id": 101, "desk_id": 14}),
        ("close_ticket", {}),
        ("get_ticket", {"ticket_number": "12 3"}),
        (
            "create_internal_communication",
            {"ticket_number": "1040", "text": "x", "files_base64": [BAD_BASE64]},
        ),
        ("create_ticket_answer", {"ticket_number": "1040", "text": "x", "files_base64": [GOOD_BASE64] * 11}),
        ("create_ticket_answer", {"ticket_number": "1040", "text": "x", "files": ["/nao/existe.pdf"]}),
        ("create_internal_communication", {"ticket_number": "1040", "text": "x", "files": ["/tmp"]}),
        ("create_appointment", {**APPOINTMENT, "date": TOMORROW}),
        ("create_appointment", {**APPOINTMENT, "date": "2025-02-30"}),
        ("create_appointment", {**APPOINTMENT, "init_time": "25:00"}),
        ("create_appointment", {**APPOINTMENT, "end_time": "08:00"}),
        (
            "list_appointments",
            {"ticket_number": "1040", "start_date": "2025-03-10", "end_date": "2025-03-01"},
        ),
    ],
)
async def test_rejected_without_any_request(
    client: Client, live_fake_api: Any, tool: str, arguments: dict[str, Any]
) -> None:
    result = await client.call_tool(tool, arguments)
    assert result.is_error
    assert live_fake_api.captured == []


async def test_a_value_of_the_wrong_type_is_never_written(client: Client, live_fake_api: Any) -> None:
    """One read learns the fields' types; the write with a bad date never leaves."""
    result = await client.call_tool(
        "update_ticket_entities",
        {"ticket_number": "1042", "entities": [{"entity_field_id": 73, "value": "15/01/2025"}]},
    )
    assert result.is_error
    assert "`entities[0].value`" in result.content[0].text  # type: ignore[union-attr]
    assert [request.method for request in live_fake_api.captured] == ["GET"]


async def test_hosted_mode_refuses_paths_outside_the_accounts_own_folder(
    live_fake_api: Any, tenant: FakeTenant, tmp_path: Path
) -> None:
    """Hosted, a path is read only from the verified account's own subfolder (`<dir>/user-<id>/`)."""
    live_fake_api.serve(tenant)
    allowed = tmp_path / "anexos"
    (allowed / "user-201").mkdir(parents=True)
    (allowed / "user-201" / "ok.txt").write_bytes(b"ok")
    (allowed / "user-202").mkdir()
    (allowed / "user-202" / "alheio.txt").write_bytes(b"another account's")
    (allowed / "raiz.txt").write_bytes(b"the shared folder itself")
    secret = tmp_path / "segredo.txt"
    secret.write_bytes(b"secret")
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        backend="http",
        api_key="k",
        api_base_url=live_fake_api.base_url,
        hosted=True,
        attachments_dir=allowed,
    )
    container = create_container(settings)
    container.credential.override(providers.Object(lambda _context: "k"))  # the HTTP layer's header
    account = CURRENT_ACCOUNT.set("user-201")  # what the credential gate sets for a verified key
    try:
        async with Client(container.mcp_server()) as mcp:
            outside = (
                str(secret),
                str(allowed / ".." / "segredo.txt"),
                "../user-202/alheio.txt",
                "../raiz.txt",
            )
            for path in outside:
                result = await mcp.call_tool(
                    "create_internal_communication", {"ticket_number": "1040", "text": "x", "files": [path]}
                )
                text = result.content[0].text  # type: ignore[union-attr]
                assert result.is_error and "`files[0]`" in text, path
                assert str(tmp_path) not in text  # no server path in the message
            assert live_fake_api.captured == []
            inside = await mcp.call_tool(
                "create_internal_communication", {"ticket_number": "1040", "text": "x", "files": ["ok.txt"]}
            )
    finally:
        CURRENT_ACCOUNT.reset(account)
    assert not inside.is_error, inside.content
    (sent,) = live_fake_api.captured
    assert b'name="files[]"; filename="ok.txt"' in sent.body


async def test_hosted_mode_without_a_folder_refuses_every_path(
    live_fake_api: Any, tenant: FakeTenant, tmp_path: Path
) -> None:
    live_fake_api.serve(tenant)
    (tmp_path / "a.txt").write_bytes(b"a")
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, backend="http", api_key="k", api_base_url=live_fake_api.base_url, hosted=True
    )
    container = create_container(settings)
    container.credential.override(providers.Object(lambda _context: "k"))  # the HTTP layer's header
    async with Client(container.mcp_server()) as mcp:
        result = await mcp.call_tool(
            "create_ticket_answer", {"ticket_number": "1040", "text": "x", "files": [str(tmp_path / "a.txt")]}
        )
    assert result.is_error and "TIFLUX_ATTACHMENTS_DIR" in result.content[0].text  # type: ignore[union-attr]
    assert live_fake_api.captured == []


async def test_a_file_of_exactly_the_limit_goes_and_one_byte_more_does_not(
    client: Client, live_fake_api: Any, tmp_path: Path
) -> None:
    limit = COMMUNICATION_LIMITS.max_bytes
    exact, over = tmp_path / "exato.bin", tmp_path / "acima.bin"
    with exact.open("wb") as handle:
        handle.truncate(limit)
    with over.open("wb") as handle:
        handle.truncate(limit + 1)
    refused = await client.call_tool(
        "create_internal_communication", {"ticket_number": "1040", "text": "x", "files": [str(over)]}
    )
    assert refused.is_error and "`files[0]`" in refused.content[0].text  # type: ignore[union-attr]
    assert live_fake_api.captured == []
    sent = await client.call_tool(
        "create_internal_communication", {"ticket_number": "1040", "text": "x", "files": [str(exact)]}
    )
    assert not sent.is_error, sent.content
    (request,) = live_fake_api.captured
    assert b'filename="exato.bin"' in request.body
    assert len(request.body) > limit
