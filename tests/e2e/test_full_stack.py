"""Both real processes: `tiflux-mcp fake-api` on 127.0.0.1, and `tiflux-mcp` (HTTP backend) talking to it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters

from tests.e2e.conftest import FAKE_API_KEY

pytestmark = pytest.mark.anyio

SERVER = str(Path(sys.executable).with_name("tiflux-mcp"))


async def test_the_http_adapter_end_to_end(fake_api: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}
    env |= {"TIFLUX_API_KEY": FAKE_API_KEY, "TIFLUX_API_BASE_URL": fake_api}
    params = StdioServerParameters(command=SERVER, args=[], env=env, cwd=str(tmp_path))
    async with Client(params) as client:
        listing = await client.call_tool("list_tickets", {"desk_name": "suporte"})
        created = await client.call_tool(
            "create_ticket",
            {"title": "Via HTTP", "description": "Teste **ponta a ponta**", "client_id": 101, "desk_id": 14},
        )
        ticket = await client.call_tool("get_ticket", {"ticket_number": "1048"})
    texts: list[Any] = [listing, created, ticket]
    assert not any(result.is_error for result in texts), [r.content for r in texts]
    assert "#1040" in listing.content[0].text  # type: ignore[union-attr]
    assert "Ticket #1048 criado" in created.content[0].text  # type: ignore[union-attr]
    assert "ponta a ponta" in ticket.content[0].text  # type: ignore[union-attr]


def test_the_key_never_reaches_the_logs_even_at_debug(fake_api: str, tmp_path: Path) -> None:
    secret = FAKE_API_KEY
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}
    env |= {"TIFLUX_API_KEY": secret, "TIFLUX_API_BASE_URL": fake_api, "TIFLUX_LOG_LEVEL": "DEBUG"}
    process = subprocess.Popen(
        [SERVER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert process.stdin and process.stdout
    messages = [
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "t", "version": "1"},
            },
        },
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {
            "jsonrpc": "2.0",
            "id": 2,
            "method": "tools/call",
            "params": {"name": "list_tickets", "arguments": {"desk_name": "suporte"}},
        },
        {
            "jsonrpc": "2.0",
            "id": 3,
            "method": "tools/call",
            "params": {"name": "get_ticket", "arguments": {"ticket_number": "999"}},
        },
    ]
    answers = []
    for message in messages:
        process.stdin.write(json.dumps(message) + "\n")
        process.stdin.flush()
        if "id" in message:
            answers.append(process.stdout.readline())
    process.stdin.close()
    process.wait(timeout=20)
    stderr = process.stderr.read() if process.stderr else ""
    assert "DEBUG" in stderr  # the logs were on
    assert secret not in stderr and all(secret not in answer for answer in answers)
    assert "#1040" in answers[1] and "999" in answers[2]
