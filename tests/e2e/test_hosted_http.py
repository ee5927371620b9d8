"""Hosted mode: `tiflux-mcp serve` over streamable HTTP, each request bringing its own TiFlux key."""

from __future__ import annotations

import json
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.types import ElicitRequestParams, ElicitResult

from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.toolsets import DEFAULT_TOOLSETS
from tests.e2e.conftest import FAKE_API_KEY, SERVER, free_port, hosted_env, hosted_server, wait_until_up
from tests.oauth_steps import mcp_list, tokens_for

pytestmark = pytest.mark.anyio


@pytest.fixture
def hosted(fake_api: str, tmp_path: Path) -> Iterator[str]:
    env = hosted_env(TIFLUX_API_BASE_URL=fake_api, TIFLUX_MCP_STORE_URL=f"sqlite:///{tmp_path}/grants.db")
    with hosted_server(env, tmp_path / "server.log") as base:
        yield base


async def test_the_official_client_works_with_the_key_header(hosted: str) -> None:
    headers = {"x-tiflux-api-key": FAKE_API_KEY}
    async with (
        httpx2.AsyncClient(headers=headers, timeout=20) as http,
        Client(streamable_http_client(f"{hosted}/mcp", http_client=http)) as client,
    ):
        names = [tool.name for tool in (await client.list_tools()).tools]
        result = await client.call_tool("get_ticket", {"ticket_number": "1040"})
    assert names == [spec.name for spec in ALL_TOOLS if spec.toolset in DEFAULT_TOOLSETS]
    assert not result.is_error and "#1040" in result.content[0].text  # type: ignore[union-attr]


def test_a_call_without_a_key_is_401(hosted: str) -> None:
    answer = httpx2.post(
        f"{hosted}/mcp",
        json={"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}},
        headers={"accept": "application/json, text/event-stream"},
    )
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"].startswith("Bearer")
    assert "x-tiflux-api-key" in answer.json()["message"]


def test_health_and_info(hosted: str) -> None:
    health = httpx2.get(f"{hosted}/health").json()
    assert health["status"] == "ok" and health["version"]
    info = httpx2.get(f"{hosted}/mcp").json()
    assert info["name"] == "tiflux-mcp" and info["auth"][0]["header"] == "x-tiflux-api-key"


def test_a_foreign_host_header_is_refused(hosted: str) -> None:
    answer = httpx2.post(
        f"{hosted}/mcp",
        json={"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}},
        headers={
            "host": "evil.example",
            "x-tiflux-api-key": FAKE_API_KEY,  # a key that works: only the host is wrong
            "accept": "application/json, text/event-stream",
        },
    )
    assert answer.status_code in (400, 403, 421)


async def test_each_request_uses_its_own_key_and_no_key_is_logged(hosted: str, tmp_path: Path) -> None:
    async with (
        httpx2.AsyncClient(headers={"x-tiflux-api-key": FAKE_API_KEY}, timeout=20) as http,
        Client(streamable_http_client(f"{hosted}/mcp", http_client=http)) as client,
    ):
        accepted = await client.call_tool("list_desks", {})
    refused = mcp_list(hosted, {"x-tiflux-api-key": "tenant-key-B"})  # the fake TiFlux refuses key B
    assert not accepted.is_error
    assert refused.status_code == 401 and "TiFlux refused the key" in refused.json()["message"]
    assert refused.headers["www-authenticate"].startswith("Bearer")
    log = (tmp_path / "server.log").read_text()
    assert FAKE_API_KEY not in log and "tenant-key-B" not in log


# Per-account rates, and limits keyed by the verified account: tests/e2e/test_hosted_limits.py.


def test_sigterm_lets_a_call_in_flight_finish(fake_api: str, tmp_path: Path) -> None:
    control = fake_api.removesuffix("/api/v2") + "/_fake/faults"
    httpx2.post(control, json=[{"kind": "stall_after_body", "seconds": 2.0}]).raise_for_status()
    env = hosted_env(TIFLUX_API_BASE_URL=fake_api)
    log = tmp_path / "server.log"
    port = free_port()
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [SERVER, "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=stderr, env=env
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/health", process)
        answers: list[httpx2.Response] = []
        call = {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "tools/call",
            "params": {"name": "get_ticket", "arguments": {"ticket_number": "1040"}},
        }
        worker = threading.Thread(
            target=lambda: answers.append(
                httpx2.post(
                    f"{base}/mcp",
                    json=call,
                    headers={
                        "x-tiflux-api-key": FAKE_API_KEY,
                        "accept": "application/json, text/event-stream",
                    },
                    timeout=30,
                )
            )
        )
        worker.start()
        time.sleep(0.8)  # the call is now waiting on TiFlux
        process.send_signal(signal.SIGTERM)
        worker.join(timeout=30)
        assert process.wait(timeout=30) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal it handled
    assert answers and answers[0].status_code == 200
    assert "#1040" in answers[0].text


def tool_names(answer: httpx2.Response) -> list[str]:
    payload = next(
        line[5:] for line in answer.text.splitlines() if line.startswith("data:") and line[5:].strip()
    )
    return [tool["name"] for tool in json.loads(payload)["result"]["tools"]]


def call_tool(base: str, headers: dict[str, str], name: str, arguments: dict[str, object]) -> str:
    answer = httpx2.post(
        f"{base}/mcp",
        json={
            "jsonrpc": "2.0",
            "id": 2,
            "method": "tools/call",
            "params": {"name": name, "arguments": arguments},
        },
        headers={"accept": "application/json, text/event-stream", **headers},
        timeout=20,
    )
    payload = next(
        line[5:] for line in answer.text.splitlines() if line.startswith("data:") and line[5:].strip()
    )
    result = json.loads(payload)["result"]
    return ("ERROR " if result.get("isError") else "") + result["content"][0]["text"]


def test_headers_narrow_what_one_connection_sees_and_may_call(hosted: str) -> None:
    key = {"x-tiflux-api-key": FAKE_API_KEY}
    desks_only = tool_names(mcp_list(hosted, key | {"x-tiflux-toolsets": "desks"}))
    assert desks_only == ["list_desks", "get_desk", "list_desk_priorities", "list_desk_services_catalogs"]
    read_only = tool_names(mcp_list(hosted, key | {"x-tiflux-read-only": "true"}))
    assert "get_ticket" in read_only and "close_ticket" not in read_only and "create_ticket" not in read_only
    refused = call_tool(hosted, key | {"x-tiflux-read-only": "1"}, "close_ticket", {"ticket_number": "1040"})
    assert refused.startswith("ERROR ") and "x-tiflux-read-only" in refused
    outside = call_tool(hosted, key | {"x-tiflux-toolsets": "desks"}, "get_ticket", {"ticket_number": "1040"})
    assert outside.startswith("ERROR ") and "x-tiflux-toolsets" in outside
    assert len(tool_names(mcp_list(hosted, key))) == len(
        [spec.name for spec in ALL_TOOLS if spec.toolset in DEFAULT_TOOLSETS]
    )


def test_a_header_cannot_widen_what_the_operator_allows(fake_api: str, tmp_path: Path) -> None:
    env = hosted_env(TIFLUX_API_BASE_URL=fake_api, TIFLUX_READ_ONLY="true", TIFLUX_TOOLSETS="tickets,desks")
    with hosted_server(env, tmp_path / "server.log") as base:
        key = {"x-tiflux-api-key": FAKE_API_KEY}
        widened = tool_names(
            mcp_list(base, key | {"x-tiflux-read-only": "false", "x-tiflux-toolsets": "all"})
        )
        elsewhere = tool_names(mcp_list(base, key | {"x-tiflux-toolsets": "records,chats,desks"}))
        refused = call_tool(
            base, key | {"x-tiflux-read-only": "false"}, "close_ticket", {"ticket_number": "1040"}
        )
    assert widened == tool_names_of_operator_selection()
    assert elsewhere == ["list_desks", "get_desk", "list_desk_priorities", "list_desk_services_catalogs"]
    assert refused.startswith("ERROR ") and "TIFLUX_READ_ONLY" in refused


def tool_names_of_operator_selection() -> list[str]:
    from adapters.mcp.toolsets import select_tools

    return [spec.name for spec in select_tools(ALL_TOOLS, ("tickets", "desks"), True).enabled]


async def test_over_stateless_http_a_declined_close_sends_nothing(hosted: str) -> None:
    asked: list[str] = []

    async def person(_context: object, params: ElicitRequestParams) -> ElicitResult:
        asked.append(params.message)
        return ElicitResult(action="decline")

    headers = {"x-tiflux-api-key": FAKE_API_KEY}
    async with (
        httpx2.AsyncClient(headers=headers, timeout=20) as http,
        Client(
            streamable_http_client(f"{hosted}/mcp", http_client=http), elicitation_callback=person
        ) as client,
    ):
        declined = await client.call_tool("close_ticket", {"ticket_number": "1040"})
        ticket = await client.call_tool("get_ticket", {"ticket_number": "1040"})
    assert asked and asked[0].startswith("Fechar o ticket #1040")
    assert declined.is_error and "não confirmou" in declined.content[0].text  # type: ignore[union-attr]
    assert "**Situação:** aberto" in ticket.content[0].text  # type: ignore[union-attr]


def test_several_workers_serve_the_same_grants(tmp_path: Path) -> None:
    shared = hosted_env(TIFLUX_MCP_STORE_URL=f"sqlite:///{tmp_path}/grants.sqlite3")
    with hosted_server(shared, tmp_path / "server.log", "--demo", "--workers", "2") as base:
        client_id, tokens = tokens_for(base, "demo-key")
        answers = [mcp_list(base, {"authorization": f"Bearer {tokens['access_token']}"}) for _ in range(6)]
    assert client_id and all(answer.status_code == 200 for answer in answers)
    assert "2 worker(s)" in (tmp_path / "server.log").read_text()


async def test_over_stateless_http_an_ambiguous_desk_is_picked_by_the_user(hosted: str) -> None:
    async def person(_context: object, params: ElicitRequestParams) -> ElicitResult:
        options = params.requested_schema["properties"]["choice"]["enum"]  # type: ignore[union-attr,index]
        return ElicitResult(action="accept", content={"choice": next(o for o in options if "ID 15" in o)})

    headers = {"x-tiflux-api-key": FAKE_API_KEY}
    async with (
        httpx2.AsyncClient(headers=headers, timeout=20) as http,
        Client(
            streamable_http_client(f"{hosted}/mcp", http_client=http), elicitation_callback=person
        ) as client,
    ):
        result = await client.call_tool("get_desk", {"desk_name": "sup"})
    assert not result.is_error and "ID 15" in result.content[0].text  # type: ignore[union-attr]
