"""The server's tools at a terminal: `tiflux-mcp tools` and `tiflux-mcp call TOOL key=value …`.

Calls go through the same MCP server (in memory), so validation, errors and output are exactly what a
client sees; the answer is printed as Markdown, an error on stderr with exit status 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

import anyio
from mcp import Client
from pydantic import ValidationError

from adapters.container import create_container
from adapters.logs import configure_logging
from adapters.settings import Settings


def list_tools(*, demo: bool) -> int:
    server = _server(demo)
    if server is None:
        return 2

    async def run() -> None:
        async with Client(server) as client:
            for tool in (await client.list_tools()).tools:
                first_sentence = (tool.description or "").split(". ")[0].rstrip(".")
                print(f"{tool.name:32s} {first_sentence}")

    anyio.run(run)
    return 0


def call_tool(name: str, pairs: Sequence[str], json_arguments: str | None, *, demo: bool) -> int:
    try:
        arguments = _arguments(pairs, json_arguments)
    except ValueError as exc:
        print(f"tiflux-mcp: {exc}", file=sys.stderr)
        return 2
    server = _server(demo)
    if server is None:
        return 2

    async def show_progress(done: float, _total: float | None, message: str | None) -> None:
        if sys.stderr.isatty():  # a person is watching: one line, rewritten
            print(f"\r… {int(done)} · {message or ''}"[:100].ljust(100), end="", file=sys.stderr, flush=True)

    async def run() -> tuple[bool, str]:
        async with Client(server) as client:
            result = await client.call_tool(name, arguments, progress_callback=show_progress)
        if sys.stderr.isatty():
            print("\r" + " " * 100 + "\r", end="", file=sys.stderr, flush=True)
        text = "\n".join(getattr(block, "text", "") for block in result.content)
        return bool(result.is_error), text

    failed, text = anyio.run(run)
    print(text, file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


def _arguments(pairs: Sequence[str], json_arguments: str | None) -> dict[str, Any]:
    arguments: dict[str, Any] = {}
    if json_arguments:
        loaded = json.loads(json_arguments)
        if not isinstance(loaded, dict):
            raise ValueError('--json takes a JSON object, e.g. \'{"ticket_number": "1040"}\'')
        arguments.update(loaded)
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"arguments are key=value, got {pair!r}")
        try:
            arguments[key] = json.loads(raw)
        except ValueError:
            arguments[key] = raw
    return arguments


def _server(demo: bool) -> Any:
    try:
        settings = Settings(backend="fake") if demo else Settings()
    except ValidationError as exc:
        print(f"tiflux-mcp: invalid configuration: {exc.errors()[0]['msg']}", file=sys.stderr)
        return None
    configure_logging(settings.log_level)
    return create_container(settings).mcp_server()
