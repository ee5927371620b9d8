"""The MCP Inspector CLI (@modelcontextprotocol/inspector, pinned in clients/) lists and calls our tools
over stdio and over streamable HTTP with the key header."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.toolsets import DEFAULT_TOOLSETS
from tests.e2e.conftest import SERVER, hosted_env, hosted_server


def inspector(npm_bin: Path, *args: str) -> dict[str, object]:
    done = subprocess.run(
        [str(npm_bin / "mcp-inspector"), "--cli", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def demo_over_http(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with hosted_server(hosted_env(), tmp_path_factory.mktemp("inspector") / "server.log", "--demo") as base:
        yield base


def test_over_stdio_it_lists_every_tool_and_calls_one(npm_bin: Path) -> None:
    listed = inspector(npm_bin, SERVER, "--demo", "--method", "tools/list")
    assert [tool["name"] for tool in listed["tools"]] == [
        spec.name for spec in ALL_TOOLS if spec.toolset in DEFAULT_TOOLSETS
    ]  # type: ignore[union-attr,index]
    called = inspector(
        npm_bin,
        SERVER,
        "--demo",
        "--method",
        "tools/call",
        "--tool-name",
        "get_ticket",
        "--tool-arg",
        "ticket_number=1040",
    )
    assert not called.get("isError") and "#1040" in called["content"][0]["text"]  # type: ignore[index]


def test_over_http_with_the_key_header(npm_bin: Path, demo_over_http: str) -> None:
    common = [f"{demo_over_http}/mcp", "--transport", "http", "--header", "x-tiflux-api-key: demo-key"]
    listed = inspector(npm_bin, *common, "--method", "tools/list")
    assert len(listed["tools"]) == len([spec.name for spec in ALL_TOOLS if spec.toolset in DEFAULT_TOOLSETS])  # type: ignore[arg-type]
    called = inspector(
        npm_bin, *common, "--method", "tools/call", "--tool-name", "list_desks", "--tool-arg", "limit=2"
    )
    assert not called.get("isError") and "Mesas" in called["content"][0]["text"]  # type: ignore[index]


def test_a_bad_argument_reaches_the_inspector_as_a_tool_error(npm_bin: Path) -> None:
    called = inspector(
        npm_bin,
        SERVER,
        "--demo",
        "--method",
        "tools/call",
        "--tool-name",
        "get_ticket",
        "--tool-arg",
        "ticket_number=abc",
    )
    assert called.get("isError") is True and "ticket_number" in called["content"][0]["text"]  # type: ignore[index]
