"""A fake TiFlux with several tenants for the hosted-mode tests, served from the test's own process.

Each key is its own tenant (the demo data, with its names marked and `/users/me` naming its own user);
any other key is refused. A tenant can be made slow, and the upstream counts what each key asked for and
how many of its requests were in flight at once: the tests check what reached TiFlux, not timings.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import anyio
import uvicorn
from starlette.types import ASGIApp, Receive, Scope, Send

from adapters.tiflux.fake.asgi import create_fake_api_app
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.fake.tenant.data import load_demo_data

MARKED_FIELDS = frozenset({"name", "display_name", "title"})


def marked(value: Any, mark: str) -> Any:
    """The demo data with every name and title prefixed by the tenant's mark."""
    if isinstance(value, dict):
        return {
            key: f"{mark} {item}" if key in MARKED_FIELDS and isinstance(item, str) else marked(item, mark)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [marked(item, mark) for item in value]
    return value


class Tenants:
    """The upstream: routes each request to the tenant whose key it carries; refuses unknown keys."""

    def __init__(self, tenants: dict[str, tuple[str, int]]) -> None:
        """`tenants`: key → (mark put on its names, id of its `/users/me` user)."""
        self.apps: dict[bytes, ASGIApp] = {}
        for key, (mark, user_id) in tenants.items():
            data = marked(load_demo_data(), mark)
            data["me"] = {**data["me"], "id": user_id}
            self.apps[f"Bearer {key}".encode()] = create_fake_api_app(FakeTenant(data), api_key=key)
        self.refuser = create_fake_api_app(FakeTenant.demo(), api_key="no key is this one")
        self.delays: dict[str, float] = {}
        self.asked: Counter[tuple[str, str]] = Counter()  # (key or "other", path) → requests
        self.in_flight: Counter[str] = Counter()
        self.most_in_flight: Counter[str] = Counter()
        self._names = {f"Bearer {key}".encode(): key for key in tenants}

    def slow_down(self, key: str, seconds: float) -> None:
        """Every request of this key's tenant takes `seconds` longer."""
        self.delays[key] = seconds

    def requests_of(self, key: str) -> int:
        return sum(count for (who, _path), count in self.asked.items() if who == key)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":  # nothing to start: answer the lifespan protocol ourselves
            while True:
                message = await receive()
                kind = message["type"].removeprefix("lifespan.")
                await send({"type": f"lifespan.{kind}.complete"})
                if kind == "shutdown":
                    return
        auth = dict(scope["headers"]).get(b"authorization", b"")
        who = self._names.get(auth, "other")
        self.asked[(who, scope["path"])] += 1
        self.in_flight[who] += 1
        self.most_in_flight[who] = max(self.most_in_flight[who], self.in_flight[who])
        try:
            if who in self.delays:
                await anyio.sleep(self.delays[who])
            await self.apps.get(auth, self.refuser)(scope, receive, send)
        finally:
            self.in_flight[who] -= 1


@contextmanager
def served(app: Any) -> Iterator[str]:
    """`app` on a free loopback port in a thread of this process; yields its base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("a test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
