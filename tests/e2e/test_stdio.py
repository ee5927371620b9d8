"""The real `tiflux-mcp` process over stdio, driven by the official MCP client and by raw JSON-RPC."""

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

from adapters.mcp.tools import ALL_TOOLS

pytestmark = pytest.mark.anyio

SERVER = str(Path(sys.executable).with_name("tiflux-mcp"))


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}
    env.update(extra)
    return env


def text_of(result: Any) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


async def test_demo_server_lists_and_answers(tmp_path: Path) -> None:
    params = StdioServerParameters(command=SERVER, args=["--demo"], env=clean_env(), cwd=str(tmp_path))
    async with Client(params) as client:
        names = [tool.name for tool in (await client.list_tools()).tools]
        assert names == [spec.name for spec in ALL_TOOLS]
        ticket = await client.call_tool("get_ticket", {"ticket_number": "1040"})
        assert not ticket.is_error and "#1040" in text_of(ticket)
        desks = await client.call_tool("list_desks", {})
        assert "Dev - Cansados" in text_of(desks)
        tickets = await client.call_tool("list_tickets", {"desk_ids": "11"})
        assert "#1042" in text_of(tickets)
        for bad in ("../desks", "abc", ""):
            result = await client.call_tool("get_ticket", {"ticket_number": bad})
            assert result.is_error and "`ticket_number`" in text_of(result)


async def test_without_a_key_every_tool_explains_how_to_set_it(tmp_path: Path) -> None:
    params = StdioServerParameters(command=SERVER, args=[], env=clean_env(), cwd=str(tmp_path))
    async with Client(params) as client:
        calls = {
            "get_ticket": {"ticket_number": "1040"},
            "list_tickets": {"desk_ids": "14"},
            "list_desks": {},
        }
        for name, arguments in calls.items():
            result = await client.call_tool(name, arguments)
            assert result.is_error
            assert "TIFLUX_API_KEY" in text_of(result)


async def test_a_key_in_a_dotenv_file_is_read(tmp_path: Path) -> None:
    """`.env` in the working directory counts (the official server ignores it); the key never shows."""
    (tmp_path / ".env").write_text(
        "TIFLUX_API_KEY=dotenv-secret\nTIFLUX_API_BASE_URL=http://127.0.0.1:9/api/v2\n"
    )
    params = StdioServerParameters(command=SERVER, args=[], env=clean_env(), cwd=str(tmp_path))
    async with Client(params) as client:
        result = await client.call_tool("list_desks", {})
    assert result.is_error
    text = text_of(result)
    assert "TIFLUX_API_KEY" not in text  # a key is configured: the failure is the unreachable API
    assert "dotenv-secret" not in text
    assert "conectar" in text


class RawSession:
    """JSON-RPC over the process's pipes, one request at a time; every stdout line must be JSON-RPC."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [SERVER, "--demo"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=clean_env(),
            cwd=cwd,
        )
        self.next_id = 0

    def send(self, method: str, params: dict[str, Any] | None = None, *, notify: bool = False) -> Any:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        if not notify:
            self.next_id += 1
            message["id"] = self.next_id
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()
        if notify:
            return None
        while True:
            line = self.process.stdout.readline()
            assert line, "the server closed stdout"
            reply = json.loads(line)  # anything that is not JSON fails here
            assert reply["jsonrpc"] == "2.0"
            if reply.get("id") == self.next_id:
                return reply

    def close(self) -> str:
        self.process.kill()
        _, stderr = self.process.communicate(timeout=10)
        return stderr


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"name": "get_ticket"}, "`ticket_number`"),
        ({"name": "get_ticket", "arguments": "1040"}, "`arguments`"),
        ({"name": "list_desks", "arguments": [1]}, "`arguments`"),
        ({"name": "get_ticket", "arguments": None}, "`ticket_number`"),
        ({"name": "nope", "arguments": {}}, "`nope`"),
    ],
)
def test_malformed_calls_get_tool_errors_not_protocol_errors(
    tmp_path: Path, params: dict[str, Any], field: str
) -> None:
    session = RawSession(tmp_path)
    try:
        session.send(
            "initialize",
            {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "t", "version": "1"},
            },
        )
        session.send("notifications/initialized", notify=True)
        assert len(session.send("tools/list", {})["result"]["tools"]) == len(ALL_TOOLS)
        reply = session.send("tools/call", params)
    finally:
        stderr = session.close()
    assert "error" not in reply, reply
    assert reply["result"]["isError"] is True
    assert field in reply["result"]["content"][0]["text"]
    assert "Traceback" not in stderr
