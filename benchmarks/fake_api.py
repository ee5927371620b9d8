"""The fake TiFlux on loopback, as the HTTP backend's TiFlux, with the tests' latency switch and request
count: `python -m tests.support.fake_server` (the API `tiflux-mcp fake-api` serves, plus the test-only
switches, which are not in the wheel).

Each `FakeApi` is a fresh process, hence a fresh demo tenant: two sessions started on two of them see the
same data and get the same ticket numbers.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx2

from benchmarks.stdio import ROOT, clean_env

API_KEY = "bench-key"


class FakeApi:
    """The fake TiFlux API v2 in its own process; `base_url` is what TIFLUX_API_BASE_URL takes."""

    def __init__(self) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        self.origin = f"http://127.0.0.1:{self.port}"
        self.base_url = f"{self.origin}/api/v2"
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> FakeApi:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.fake_server", "--port", str(self.port)],
            cwd=ROOT,
            env=clean_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._control = httpx2.Client(base_url=self.origin, timeout=10)
        deadline = time.monotonic() + 30
        while True:
            try:
                self._control.get("/_fake/latency").raise_for_status()
                return self
            except httpx2.TransportError:
                if time.monotonic() > deadline or self._process.poll() is not None:
                    self.__exit__()
                    raise RuntimeError("the fake TiFlux did not start") from None
                time.sleep(0.05)

    def __exit__(self, *exc: object) -> None:
        self._control.close()
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def server_env(self, **settings: str) -> dict[str, str]:
        """The environment of a stdio server whose HTTP backend is this fake."""
        return clean_env(TIFLUX_BACKEND="http", TIFLUX_API_BASE_URL=self.base_url, TIFLUX_API_KEY=API_KEY) | {
            f"TIFLUX_{name.upper()}": value for name, value in settings.items()
        }

    def set_latency(self, milliseconds: float, *, serial: bool = False) -> None:
        answer = self._control.put("/_fake/latency", json={"latency_ms": milliseconds, "serial": serial})
        answer.raise_for_status()

    def requests(self) -> int:
        """API requests received since the last `forget_requests()`."""
        return int(self._control.get("/_fake/requests").json()["count"])

    def forget_requests(self) -> None:
        self._control.delete("/_fake/requests").raise_for_status()
