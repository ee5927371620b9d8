"""Real processes for the end-to-end tests: the fake TiFlux API over HTTP on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest

SERVER = str(Path(sys.executable).with_name("tiflux-mcp"))
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


FAKE_API_KEY = "tenant-key-A"


@contextmanager
def fake_tiflux_process(*, instrumented: bool = False) -> Iterator[str]:
    """`tiflux-mcp fake-api` as a real process, accepting only FAKE_API_KEY; yields its API base URL.
    With `instrumented`, the same API with the tests' switches (`/_fake/faults`...): `tests/support/`."""
    port = free_port()
    command = [sys.executable, "-m", "tests.support.fake_server"] if instrumented else [SERVER, "fake-api"]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--api-key", FAKE_API_KEY],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    base_url = f"http://127.0.0.1:{port}/api/v2"
    try:
        wait_until_up(f"{base_url}/desks", process, {"Authorization": f"Bearer {FAKE_API_KEY}"})
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def fake_api() -> Iterator[str]:
    """The fake TiFlux for one test, with the tests' switches."""
    with fake_tiflux_process(instrumented=True) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def fake_tiflux() -> Iterator[str]:
    """The fake TiFlux shared by the tests of one module (they use fresh clients and grants)."""
    with fake_tiflux_process() as base_url:
        yield base_url


def wait_until_up(url: str, process: subprocess.Popen[bytes], headers: dict[str, str] | None = None) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx2.get(url, headers=headers or {}).status_code < 500:
                return
        except httpx2.TransportError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise RuntimeError(f"{url} did not come up")
        time.sleep(0.1)


SECRET_KEY = "hJ6t0ffl6xKJ0XcYp2sI6wL7eGm0d1N2Zrj3t4Vb5yA="  # a Fernet key for tests only


def hosted_env(**settings: str) -> dict[str, str]:
    """The test's environment without any TIFLUX_ variable of the machine, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}
    # Grants in memory unless the test names a store: never in the user's state folder.
    defaults = {
        "TIFLUX_MCP_SECRET_KEY": SECRET_KEY,
        "TIFLUX_LOG_LEVEL": "DEBUG",
        "TIFLUX_MCP_STORE_URL": "sqlite://:memory:",
    }
    return env | defaults | settings


@contextmanager
def hosted_server(env: dict[str, str], log: Path, *args: str) -> Iterator[str]:
    """`tiflux-mcp serve` as a real process on a free loopback port; yields its base URL."""
    port = free_port()
    with log.open("ab") as stderr:
        process = subprocess.Popen(
            [SERVER, "serve", "--port", str(port), *args],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=env,
            cwd=log.parent,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/health", process)
        try:
            yield base
        finally:
            process.terminate()
            process.wait(timeout=15)
