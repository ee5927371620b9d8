"""Shared fixtures: a container on a fresh demo tenant per test, and an MCP client talking to it in memory."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import uvicorn
from dependency_injector import providers
from hypothesis.configuration import set_hypothesis_home_dir
from mcp import Client

from adapters.container import Container, create_container
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.fake_api import InstrumentedFakeApi

# Hypothesis (the fuzzer, schemathesis) keeps its files outside the work tree: no caches in the clone.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="tiflux-mcp-hypothesis-"))


@pytest.fixture
def tenant() -> FakeTenant:
    return FakeTenant.demo()


@pytest.fixture
def settings() -> Settings:
    return Settings(_env_file=None, backend="fake", api_key=None)  # type: ignore[call-arg]


@pytest.fixture
def container(settings: Settings, tenant: FakeTenant) -> Container:
    container = create_container(settings)
    container.fake_tenant.override(providers.Object(tenant))
    return container


async def serve_demo(tenant: FakeTenant, language: str = "pt-BR") -> AsyncIterator[Client]:
    """An MCP client on a server over this demo tenant, in the given language."""
    settings = Settings(_env_file=None, backend="fake", api_key=None, language=language)  # type: ignore[call-arg]
    container = create_container(settings)
    container.fake_tenant.override(providers.Object(tenant))
    async with Client(container.mcp_server()) as client:
        yield client


@pytest.fixture
async def mcp_client(container: Container) -> AsyncIterator[Client]:
    async with Client(container.mcp_server()) as client:
        yield client


@dataclass
class Captured:
    """One request as it reached the stand-in: what a wire-format test asserts."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes = b""


class SwappableApp:
    """An ASGI app that forwards to whichever app the current test installed, recording each request."""

    def __init__(self) -> None:
        self.target: Any = None
        self.captured: list[Captured] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        record = Captured(
            scope["method"],
            scope["path"],
            scope["query_string"].decode("latin-1"),
            {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]},
        )
        self.captured.append(record)

        async def recording_receive() -> Any:
            message = await receive()
            if message["type"] == "http.request":
                record.body += message.get("body", b"")
            return message

        await self.target(scope, recording_receive, send)


@dataclass
class LiveFakeApi:
    """The fake TiFlux served over real HTTP on 127.0.0.1 (uvicorn in a thread)."""

    base_url: str
    app: SwappableApp

    def serve(self, tenant: FakeTenant, *, api_key: str | None = None) -> InstrumentedFakeApi:
        fake = InstrumentedFakeApi(tenant, api_key=api_key)
        self.app.target = fake
        self.app.captured = []
        return fake

    @property
    def captured(self) -> list[Captured]:
        return self.app.captured


@pytest.fixture(scope="session")
def live_fake_api() -> Iterator[LiveFakeApi]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = SwappableApp()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the fake TiFlux did not start")
        time.sleep(0.02)
    try:
        yield LiveFakeApi(f"http://127.0.0.1:{port}/api/v2", app)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real redis-server on a free loopback port, for this test session only (no persistence)."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is needed by the store tests: apt-get install redis-server")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as conn:
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise RuntimeError("redis-server did not start")
        time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
