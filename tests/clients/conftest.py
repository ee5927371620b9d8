"""Real MCP clients from npm (clients/package.json, installed by `make test`), driven against our server."""

from __future__ import annotations

from pathlib import Path

import pytest

CLIENTS = Path(__file__).resolve().parents[2] / "clients" / "node_modules" / ".bin"


@pytest.fixture(scope="session")
def npm_bin() -> Path:
    if not (CLIENTS / "mcp-inspector").exists() or not (CLIENTS / "conformance").exists():
        raise RuntimeError(
            "the npm clients are not installed: run `make test` (it runs `npm ci` in clients/)"
        )
    return CLIENTS
