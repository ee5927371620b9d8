"""Hosted mode under attack, over real HTTP: `tiflux-mcp serve` as a process, a multi-tenant fake TiFlux.

Junk keys get no work done for them and cannot slow another tenant; a slow account holds only its own
share of the upstream pool; bodies are capped with an MCP error that names the cap; slow clients are cut
off; each account reads only its own attachments folder; DEBUG logs carry no customer text and no key.
"""

from __future__ import annotations

import base64
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx2
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError

from tests.e2e.conftest import hosted_env, hosted_server
from tests.e2e.upstream import Tenants, served

pytestmark = pytest.mark.anyio

KEY_A = "limits-key-of-tenant-A-7f3a9c"
KEY_B = "limits-key-of-tenant-B-1d8e42"
KEY_A2 = "limits-second-key-of-A-55b0e1"  # another key of tenant A's user: the same account
ACCEPT = {"accept": "application/json, text/event-stream"}
HEAVY_TEXT = "<p>" + "<a " * 30_000  # costly to convert, were it ever converted for a junk key


@pytest.fixture
def upstream() -> Iterator[tuple[Tenants, str]]:
    tenants = Tenants({KEY_A: ("[A]", 201), KEY_A2: ("[A]", 201), KEY_B: ("[B]", 202)})
    with served(tenants) as base:
        yield tenants, f"{base}/api/v2"


def rpc(base: str, key: str, method: str, params: dict[str, Any], timeout: float = 30) -> httpx2.Response:
    body = {"jsonrpc": "2.0", "id": 1, "method": method, "params": params}
    return httpx2.post(f"{base}/mcp", json=body, headers={"x-tiflux-api-key": key, **ACCEPT}, timeout=timeout)


def tool_text(answer: httpx2.Response) -> tuple[bool, str]:
    payload = next(
        line[5:] for line in answer.text.splitlines() if line.startswith("data:") and line[5:].strip()
    )
    result = json.loads(payload)["result"]
    return bool(result.get("isError")), "".join(part.get("text", "") for part in result["content"])


def test_junk_keys_get_no_work_done_and_only_one_question_each(
    upstream: tuple[Tenants, str], tmp_path: Path
) -> None:
    tenants, api = upstream
    env = hosted_env(TIFLUX_API_BASE_URL=api, TIFLUX_LOG_LEVEL="WARNING")
    junk = [f"junk-key-{index:02d}-{'x' * 20}" for index in range(44)]
    note = {"ticket_number": "1040", "text": HEAVY_TEXT}
    with hosted_server(env, tmp_path / "server.log") as base:
        assert rpc(base, KEY_B, "tools/list", {}).status_code == 200  # B's key is known before the flood
        statuses: list[int] = []

        async def flood() -> None:
            async with httpx2.AsyncClient(timeout=30) as http, anyio.create_task_group() as group:
                for round_ in range(3):
                    for key in junk:
                        group.start_soon(send, http, key, round_)

        async def send(http: httpx2.AsyncClient, key: str, round_: int) -> None:
            await anyio.sleep(round_ * 0.5)  # later rounds find the verdict remembered
            body = {"jsonrpc": "2.0", "id": 1, "method": "tools/call"}
            body["params"] = {"name": "create_internal_communication", "arguments": note}
            answer = await http.post(f"{base}/mcp", json=body, headers={"x-tiflux-api-key": key, **ACCEPT})
            statuses.append(answer.status_code)

        anyio.run(flood)
        good = rpc(base, KEY_B, "tools/call", {"name": "get_ticket", "arguments": {"ticket_number": "1040"}})

    assert set(statuses) <= {401, 429, 503} and statuses.count(401) >= 44  # refused, or told to wait
    junk_paths = {path for (who, path), _count in tenants.asked.items() if who == "other"}
    assert junk_paths == {"/api/v2/users/me"}  # nothing but the question "whose key is this?" ...
    assert tenants.requests_of("other") <= 44  # ... asked once per key at most
    assert good.status_code == 200
    is_error, text = tool_text(good)
    assert not is_error and "[B]" in text


def test_limits_follow_the_account_not_the_key(upstream: tuple[Tenants, str], tmp_path: Path) -> None:
    _tenants, api = upstream
    env = hosted_env(TIFLUX_API_BASE_URL=api, TIFLUX_TENANT_BURST="3", TIFLUX_TENANT_RATE_PER_MINUTE="6")
    with hosted_server(env, tmp_path / "server.log") as base:
        first_key = [rpc(base, KEY_A, "tools/list", {}).status_code for _ in range(2)]
        second_key = [rpc(base, KEY_A2, "tools/list", {}) for _ in range(2)]
        other_account = rpc(base, KEY_B, "tools/list", {})
    assert first_key == [200, 200]
    assert [answer.status_code for answer in second_key] == [200, 429]  # two keys, one user: one bucket
    assert "per minute" in second_key[1].json()["message"]
    assert other_account.status_code == 200


def test_a_slow_account_holds_only_its_share_of_the_upstream(
    upstream: tuple[Tenants, str], tmp_path: Path
) -> None:
    tenants, api = upstream
    tenants.slow_down(KEY_A, 2.0)
    env = hosted_env(
        TIFLUX_API_BASE_URL=api,
        TIFLUX_UPSTREAM_CONNECTIONS="4",
        TIFLUX_TENANT_UPSTREAM_CONNECTIONS="2",
        TIFLUX_TENANT_CONCURRENCY="4",
        TIFLUX_LOG_LEVEL="WARNING",
    )
    ticket = {"name": "get_ticket", "arguments": {"ticket_number": "1040"}}
    with hosted_server(env, tmp_path / "server.log") as base:
        rpc(base, KEY_A, "tools/list", {})  # both keys verified before the race
        rpc(base, KEY_B, "tools/list", {})
        finished: list[str] = []

        def slow_call() -> None:
            rpc(base, KEY_A, "tools/call", ticket, timeout=60)
            finished.append("A")

        slow = [threading.Thread(target=slow_call) for _ in range(6)]
        for thread in slow:
            thread.start()
        time.sleep(0.5)  # A's calls now hold what they may of the pool
        answer = rpc(base, KEY_B, "tools/call", ticket)
        finished.append("B")
        for thread in slow:
            thread.join(timeout=60)
    assert answer.status_code == 200 and "[B]" in tool_text(answer)[1]
    assert finished[0] == "B"  # B was answered while every call of A was still waiting on TiFlux
    assert tenants.most_in_flight[KEY_A] <= 2  # A never held more than its share of connections


def test_a_body_past_the_cap_is_an_mcp_error_naming_it(upstream: tuple[Tenants, str], tmp_path: Path) -> None:
    _tenants, api = upstream
    env = hosted_env(TIFLUX_API_BASE_URL=api, TIFLUX_HTTP_MAX_BODY_MB="8")
    big = base64.b64encode(b"x" * (9 * 1024 * 1024)).decode()
    arguments = {
        "ticket_number": "1040",
        "text": "anexo",
        "files_base64": [{"filename": "a.bin", "content": big}],
    }
    with hosted_server(env, tmp_path / "server.log") as base:
        raw = rpc(
            base, KEY_A, "tools/call", {"name": "create_internal_communication", "arguments": arguments}
        )
        listed = rpc(base, KEY_A, "tools/list", {})

        async def through_the_official_client() -> str:
            async with (
                httpx2.AsyncClient(headers={"x-tiflux-api-key": KEY_A}, timeout=60) as http,
                Client(streamable_http_client(f"{base}/mcp", http_client=http)) as client,
            ):
                with pytest.raises(MCPError) as refused:
                    await client.call_tool("create_internal_communication", arguments)
                return str(refused.value)

        shown = anyio.run(through_the_official_client)
    assert raw.status_code == 413
    error = raw.json()["error"]
    assert (
        error["code"] == -32600
        and "8 MiB" in error["message"]
        and "TIFLUX_HTTP_MAX_BODY_MB" in error["message"]
    )
    assert "8 MiB" in shown
    descriptions = {
        tool["name"]: tool["description"]
        for tool in json.loads(listed.text.split("data:", 1)[1])["result"]["tools"]
    }
    assert "até 5 MB" in descriptions["create_internal_communication"]  # what an 8 MiB body can carry


def test_files_larger_than_the_sdk_default_arrive(upstream: tuple[Tenants, str], tmp_path: Path) -> None:
    _tenants, api = upstream
    env = hosted_env(TIFLUX_API_BASE_URL=api)
    content = base64.b64encode(b"y" * (5 * 1024 * 1024)).decode()  # 6.7 MB of base64: past the SDK's 4 MiB
    arguments = {
        "ticket_number": "1040",
        "text": "anexo",
        "files_base64": [{"filename": "b.bin", "content": content}],
    }
    with hosted_server(env, tmp_path / "server.log") as base:
        answer = rpc(
            base, KEY_A, "tools/call", {"name": "create_internal_communication", "arguments": arguments}, 60
        )
    assert answer.status_code == 200
    is_error, text = tool_text(answer)
    assert not is_error, text


def test_slow_clients_are_cut_off_and_others_are_served(
    upstream: tuple[Tenants, str], tmp_path: Path
) -> None:
    _tenants, api = upstream
    env = hosted_env(
        TIFLUX_API_BASE_URL=api,
        TIFLUX_HTTP_HEADER_TIMEOUT="1",
        TIFLUX_HTTP_BODY_TIMEOUT="1",
        TIFLUX_LOG_LEVEL="WARNING",
    )
    with hosted_server(env, tmp_path / "server.log") as base:
        port = int(base.rsplit(":", 1)[1])
        rpc(base, KEY_A, "tools/list", {})  # the key is known: the stalled body below gets past the gate
        partial = []
        for _ in range(300):
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
            sock.sendall(b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nx-slow: ")
            partial.append(sock)
        stalled = socket.create_connection(("127.0.0.1", port), timeout=10)
        stalled.sendall(
            b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n"
            + f"x-tiflux-api-key: {KEY_A}\r\naccept: application/json, text/event-stream\r\n".encode()
            + b'content-length: 1000\r\n\r\n{"jsonrpc":'
        )
        served_meanwhile = rpc(base, KEY_B, "tools/list", {})
        started = time.monotonic()
        closed = [_closed_within(sock, 8.0) for sock in partial]
        stalled_answer = _read_until_closed(stalled, 8.0)
        elapsed = time.monotonic() - started
        for sock in (*partial, stalled):
            sock.close()
    assert served_meanwhile.status_code == 200
    assert all(closed) and elapsed < 10  # every slow connection was closed by the server
    assert stalled_answer.startswith(b"HTTP/1.1 408")


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    return _read_until_closed(sock, seconds) is not None


def _read_until_closed(sock: socket.socket, seconds: float) -> bytes:
    """What the server sent before closing; raises if it is still open after `seconds`."""
    sock.settimeout(seconds)
    received = b""
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            return received
        received += chunk


def test_each_account_reads_only_its_own_attachments_folder(
    upstream: tuple[Tenants, str], tmp_path: Path
) -> None:
    _tenants, api = upstream
    folder = tmp_path / "attachments"
    (folder / "user-201").mkdir(parents=True)
    (folder / "user-202").mkdir()
    (folder / "user-201" / "mine.txt").write_text("de A")
    (folder / "user-202" / "theirs.txt").write_text("de B")
    env = hosted_env(TIFLUX_API_BASE_URL=api, TIFLUX_ATTACHMENTS_DIR=str(folder))

    def attach(key: str, path: str) -> httpx2.Response:
        arguments = {"ticket_number": "1040", "text": "anexo", "files": [path]}
        return rpc(base, key, "tools/call", {"name": "create_internal_communication", "arguments": arguments})

    with hosted_server(env, tmp_path / "server.log") as base:
        own = tool_text(attach(KEY_A, "mine.txt"))
        theirs = tool_text(attach(KEY_A, "../user-202/theirs.txt"))
        absolute = tool_text(attach(KEY_A, str(folder / "user-202" / "theirs.txt")))
        not_there = tool_text(attach(KEY_B, "mine.txt"))
        junk = attach("junk-key-probing-files-00", "mine.txt")
    assert own[0] is False, own[1]
    for refused in (theirs, absolute):
        assert refused[0] is True and "fora da pasta de anexos da sua conta" in refused[1]
    assert not_there[0] is True and "não encontrado" in not_there[1]  # B's folder has no mine.txt
    assert junk.status_code == 401  # the key was refused before any file was looked at
    for text in (own[1], theirs[1], absolute[1], not_there[1], junk.text):
        assert str(tmp_path) not in text and "user-20" not in text


def test_debug_logs_carry_no_customer_text_and_no_key(upstream: tuple[Tenants, str], tmp_path: Path) -> None:
    _tenants, api = upstream
    env = hosted_env(TIFLUX_API_BASE_URL=api, TIFLUX_LOG_LEVEL="DEBUG")
    canary = "Texto-do-cliente-canario-8c1f"
    log = tmp_path / "server.log"
    with hosted_server(env, log) as base:
        ticket = rpc(
            base, KEY_A, "tools/call", {"name": "get_ticket", "arguments": {"ticket_number": "1040"}}
        )
        note = rpc(
            base,
            KEY_A,
            "tools/call",
            {"name": "create_internal_communication", "arguments": {"ticket_number": "1040", "text": canary}},
        )
        listed = rpc(
            base,
            KEY_A,
            "tools/call",
            {"name": "list_internal_communications", "arguments": {"ticket_number": "1040"}},
        )
    _, ticket_text = tool_text(ticket)
    assert tool_text(note)[0] is False and canary in tool_text(listed)[1]
    written = log.read_text()
    assert "DEBUG" in written  # the server did log at DEBUG ...
    assert canary not in written and KEY_A not in written  # ... but never the texts or the key
    customer_words = [line for line in ticket_text.splitlines() if len(line) > 30][:5]
    assert customer_words and not any(words in written for words in customer_words)
