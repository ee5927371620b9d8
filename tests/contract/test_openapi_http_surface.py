"""Our own HTTP surface (`tiflux-mcp serve`) against contracts/tiflux-mcp-http.yaml, with schemathesis.

The app runs for real (uvicorn on 127.0.0.1, the SDK's session manager started by its lifespan) on the
demo tenant, with the key header required as in production: no generated input may produce a 5xx.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
import schemathesis
import uvicorn
import yaml
from schemathesis.config import SchemathesisConfig

from adapters.container import create_container
from adapters.mcp.http_app import create_http_app
from adapters.settings import Settings

CONTRACT = Path(__file__).resolve().parents[2] / "contracts" / "tiflux-mcp-http.yaml"
DOCUMENT: dict[str, Any] = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))


def _serve() -> tuple[str, uvicorn.Server]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    settings = Settings(_env_file=None, backend="fake", hosted=True, http_port=port)  # type: ignore[call-arg]
    container = create_container(settings)
    app = create_http_app(
        container.mcp_server(),
        version="test",
        allowed_hosts=[],
        allowed_origins=[],
        auth=container.hosted.authorization_server(),
    )
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the hosted app did not start")
        time.sleep(0.02)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server


BASE_URL, SERVER = _serve()

CONFIG = SchemathesisConfig.from_dict(
    {
        "base-url": BASE_URL,
        "suppress-health-check": ["too_slow"],
        "generation": {
            "mode": "all",
            "max-examples": 25,
            "deterministic": True,
            "no-shrink": True,
            "database": "none",
        },
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": False},
        },
        "checks": {
            # JSON-RPC errors travel inside 200 answers, and a schema-valid message may still name an
            # unknown method: "valid input" is only checked for the absence of 5xx here.
            "positive_data_acceptance": {"enabled": False},
            # Likewise an invalid JSON-RPC message is refused inside a 200 (JSON-RPC error -32602 and
            # friends): MCP's convention, not an HTTP 4xx. Missing keys and bad headers do get 4xx.
            "negative_data_rejection": {"enabled": False},
            "ignored_auth": {"enabled": False},
        },
    }
)
SCHEMA = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG)


@pytest.fixture(scope="module", autouse=True)
def _stop_server() -> Iterator[None]:
    yield
    SERVER.should_exit = True


@SCHEMA.parametrize()
def test_the_http_surface_keeps_its_contract(case: schemathesis.Case) -> None:
    case.call_and_validate()


def test_a_tool_call_with_a_key_answers() -> None:
    answer = httpx2.post(
        f"{BASE_URL}/mcp",
        json={
            "jsonrpc": "2.0",
            "id": 7,
            "method": "tools/call",
            "params": {"name": "list_desks", "arguments": {}},
        },
        headers={"x-tiflux-api-key": "k", "accept": "application/json, text/event-stream"},
        timeout=10,
    )
    assert answer.status_code == 200
    assert "Dev - Cansados" in answer.text
