"""The real `tiflux-mcp` process over stdio, driven by the official MCP client and by raw JSON-RPC."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters

from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.toolsets import DEFAULT_TOOLSETS

pytestmark = pytest.mark.anyio

SERVER = str(Path(sys.executable).with_name("tiflux-mcp"))
ROOT = Path(__file__).resolve().parents[2]


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
        assert names == [spec.name for spec in ALL_TOOLS if spec.toolset in DEFAULT_TOOLSETS]
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
        assert len(session.send("tools/list", {})["result"]["tools"]) == len(
            [spec.name for spec in ALL_TOOLS if spec.toolset in DEFAULT_TOOLSETS]
        )
        reply = session.send("tools/call", params)
    finally:
        stderr = session.close()
    assert "error" not in reply, reply
    assert reply["result"]["isError"] is True
    assert field in reply["result"]["content"][0]["text"]
    assert "Traceback" not in stderr


def initialized_session(session: RawSession) -> dict[str, Any]:
    reply = session.send(
        "initialize",
        {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}},
    )
    session.send("notifications/initialized", notify=True)
    return dict(reply["result"])


def test_an_unknown_tool_is_the_protocol_error_minus_32602_and_resources_are_not_advertised(
    tmp_path: Path,
) -> None:
    session = RawSession(tmp_path)
    try:
        capabilities = initialized_session(session)["capabilities"]
        reply = session.send("tools/call", {"name": "nope", "arguments": {}})
    finally:
        session.close()
    assert "resources" not in capabilities and "tools" in capabilities
    assert "result" not in reply
    assert reply["error"]["code"] == -32602 and "`nope`" in reply["error"]["message"]


HANDSHAKE: list[dict[str, Any]] = [
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
    {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
]
CALLS: list[dict[str, Any]] = [
    {"name": "get_ticket", "arguments": {"ticket_number": "1040"}},
    {"name": "list_tickets", "arguments": {"desk_name": "cansados"}},
    {"name": "list_desks", "arguments": {}},
    {"name": "search_client", "arguments": {"client_name": "padaria"}},
]


def piped(command: list[str], cwd: Path, messages: list[dict[str, Any]], env: dict[str, str]) -> list[Any]:
    """Every message written at once, stdin closed, then everything the process writes on stdout."""
    stdin = "".join(json.dumps(message) + "\n" for message in messages)
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120, cwd=cwd, env=env)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]  # a line that is not JSON fails here


def test_make_demo_writes_nothing_but_json_rpc_on_stdout(tmp_path: Path) -> None:
    """Spawned as a client would (no make above it), `make demo` is a clean protocol stream."""
    make = shutil.which("make")
    assert make, "make is a prerequisite of the two set-up commands"
    env = {k: v for k, v in clean_env().items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    call = {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": CALLS[0]}
    replies = piped([make, "demo"], ROOT, [*HANDSHAKE, call], env)
    assert [reply["id"] for reply in replies] == [1, 2, 3]
    assert all(reply["jsonrpc"] == "2.0" and "result" in reply for reply in replies)


def test_every_request_before_end_of_input_gets_its_reply(tmp_path: Path) -> None:
    """initialize, tools/list and several calls piped in, stdin closed at once: as many replies, every run."""
    calls = [
        {"jsonrpc": "2.0", "id": 3 + index, "method": "tools/call", "params": CALLS[index % len(CALLS)]}
        for index in range(8)
    ]
    for _run in range(3):  # the loss was intermittent: several runs, each must be complete
        replies = piped([SERVER, "--demo"], tmp_path, [*HANDSHAKE, *calls], clean_env())
        assert sorted(reply["id"] for reply in replies) == list(range(1, 3 + len(calls)))
        assert not any(reply["result"].get("isError") for reply in replies if reply["id"] > 2)
