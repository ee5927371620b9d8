"""Test-only fault injection for the fake TiFlux: the next requests fail the ways TiFlux can.

Not part of TiFlux API v2 nor of ``contracts/tiflux-api-v2.yaml``, nor of the wheel: ``fake_api.py`` wraps
the fake in these switches. In process, tests queue faults on ``InstrumentedFakeApi.faults`` (a
:class:`FaultPlan`); a fake started with ``python -m tests.support.fake_server`` takes them over HTTP at
``/_fake/faults``, outside ``/api/v2`` and without a token: ``POST`` a JSON list of faults (the fields of
:class:`Fault` plus an optional ``times``) to queue them, ``GET`` to see what is pending, ``DELETE`` to
clear. Each request to the API, once logged and authenticated, takes the first queued fault whose method
and path match it (a fault without them matches any request); a request without one is served normally.

ASGI cannot drop a connection before the status line, so a "reset" hangs up right after the headers: the
client gets no usable answer either way.

Two more switches serve the benchmarks (``make bench``): a latency added to every API request
(``FaultPlan(latency=0.05)`` in process, ``PUT /_fake/latency`` with ``{"latency_ms": 50, "serial": false}``
over HTTP; ``serial`` lets one API request in at a time, as if the client made its lookups one after
another), and ``GET /_fake/requests`` → ``{"count": n}``, the API requests received so far (``DELETE``
forgets them).
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass, fields, replace
from http import HTTPStatus
from typing import Any, Literal, get_args

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

FaultKind = Literal["status", "html_page", "truncated_json", "stall_before_body", "stall_after_body", "reset"]
CONTROL_PATH = "/_fake/faults"
LATENCY_PATH = "/_fake/latency"
REQUESTS_PATH = "/_fake/requests"
MAX_LATENCY_MS = 10_000

_JSON = (b"content-type", b"application/json; charset=utf-8")
_HTML = (b"content-type", b"text/html; charset=utf-8")


@dataclass(frozen=True)
class Fault:
    """One way to fail one request; build it with the class methods."""

    kind: FaultKind
    status: int = 200
    retry_after: str | None = None
    seconds: float = 0.0
    cut_connection: bool = False
    method: str | None = None
    path: str | None = None

    @classmethod
    def answer(cls, status: int, *, retry_after: str | None = None) -> Fault:
        """An error status with a TiFlux-style JSON body (429, 500, 502, 503, 504...), the API untouched."""
        return cls("status", status=status, retry_after=retry_after)

    @classmethod
    def html_page(cls, status: int = 200) -> Fault:
        """An HTML page instead of JSON: a maintenance page with 200, a proxy's 502..."""
        return cls("html_page", status=status)

    @classmethod
    def truncated_json(cls, *, cut_connection: bool = False) -> Fault:
        """The real answer cut in half (the request is applied): with a matching length, or the connection
        closed before the promised length arrived."""
        return cls("truncated_json", cut_connection=cut_connection)

    @classmethod
    def stall_before_body(cls, seconds: float) -> Fault:
        """Wait with the request body unread, then hang up: TiFlux never saw the request."""
        return cls("stall_before_body", seconds=seconds)

    @classmethod
    def stall_after_body(cls, seconds: float) -> Fault:
        """Apply the request, then hold the answer back (sent late, unless the client has gone)."""
        return cls("stall_after_body", seconds=seconds)

    @classmethod
    def reset(cls) -> Fault:
        """Hang up without answering; the request is not applied."""
        return cls("reset")

    def on(self, method: str | None = None, path: str | None = None) -> Fault:
        """The same fault, only for requests with this method and/or exact path (e.g. ``/api/v2/desks``)."""
        return replace(self, method=method.upper() if method else None, path=path)

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (self.path is None or self.path == path)

    @classmethod
    def from_json(cls, item: Any) -> Fault:
        """A fault as the control endpoint receives it; ValueError when it is not one."""
        if not isinstance(item, dict):
            raise ValueError("each fault is a JSON object")
        known = {f.name for f in fields(cls)}
        unknown = set(item) - known
        if unknown:
            raise ValueError(f"unknown fault fields: {sorted(unknown)}")
        if item.get("kind") not in get_args(FaultKind):
            raise ValueError(f"kind must be one of {list(get_args(FaultKind))}")
        if item["kind"] == "status" and "status" not in item:
            raise ValueError("a status fault needs its status, e.g. 503")
        fault = cls(**item)
        if not isinstance(fault.status, int) or not 100 <= fault.status <= 599:
            raise ValueError("status must be an HTTP status code")
        if not isinstance(fault.seconds, int | float) or not 0 <= fault.seconds <= 300:
            raise ValueError("seconds must be between 0 and 300")
        if not isinstance(fault.cut_connection, bool):
            raise ValueError("cut_connection must be true or false")
        for name in ("retry_after", "method", "path"):
            if not isinstance(getattr(fault, name), str | None):
                raise ValueError(f"{name} must be a text")
        return fault.on(fault.method, fault.path)


class FaultPlan:
    """Faults waiting for the next matching requests; filled from the test's thread, taken by the server's.

    `latency` (seconds) delays every API request; with `serial`, API requests are served one at a time.
    """

    def __init__(self, *, latency: float = 0.0, serial: bool = False) -> None:
        self._lock = threading.Lock()
        self._pending: list[Fault] = []
        self.injected: list[tuple[str, str, FaultKind]] = []
        self.latency = latency
        self.serial = serial

    def add(self, fault: Fault, *, times: int = 1) -> FaultPlan:
        with self._lock:
            self._pending.extend([fault] * times)
        return self

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._pending)

    def take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for index, fault in enumerate(self._pending):
                if fault.matches(method, path):
                    del self._pending[index]
                    self.injected.append((method, path, fault.kind))
                    return fault
        return None


class FaultControl:
    """Serves ``/_fake/faults`` (queue, list, clear), ``/_fake/latency`` and ``/_fake/requests``, and passes
    every other request on."""

    def __init__(self, app: ASGIApp, *, plan: FaultPlan, log: list[Any] | None = None) -> None:
        self._app = app
        self._plan = plan
        self._log = log if log is not None else []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"] if scope["type"] == "http" else None
        if path == LATENCY_PATH:
            await self._latency(scope, receive, send)
            return
        if path == REQUESTS_PATH:
            await self._requests(scope, send)
            return
        if path != CONTROL_PATH:
            await self._app(scope, receive, send)
            return
        method = scope["method"]
        if method == "POST":
            try:
                queued = _faults_from(await _read_body(receive))
            except ValueError as exc:
                await _send(send, 400, _JSON, json.dumps({"message": str(exc)}).encode())
                return
            for fault, times in queued:
                self._plan.add(fault, times=times)
        elif method == "DELETE":
            self._plan.clear()
        elif method != "GET":
            await _send(send, 405, _JSON, b'{"message": "use GET, POST or DELETE"}')
            return
        pending = [{k: v for k, v in asdict(f).items() if v is not None} for f in self._plan.pending()]
        await _send(send, 200, _JSON, json.dumps({"pending": pending}).encode())

    async def _latency(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] in ("PUT", "POST"):
            try:
                self._plan.latency, self._plan.serial = _latency_from(await _read_body(receive))
            except ValueError as exc:
                await _send(send, 400, _JSON, json.dumps({"message": str(exc)}).encode())
                return
        elif scope["method"] != "GET":
            await _send(send, 405, _JSON, b'{"message": "use GET or PUT"}')
            return
        now = {"latency_ms": round(self._plan.latency * 1000, 3), "serial": self._plan.serial}
        await _send(send, 200, _JSON, json.dumps(now).encode())

    async def _requests(self, scope: Scope, send: Send) -> None:
        if scope["method"] == "DELETE":
            self._log.clear()
        elif scope["method"] != "GET":
            await _send(send, 405, _JSON, b'{"message": "use GET or DELETE"}')
            return
        await _send(send, 200, _JSON, json.dumps({"count": len(self._log)}).encode())


class FaultInjector:
    """Makes a request fail as its queued fault says; requests without one reach the API untouched."""

    def __init__(self, app: ASGIApp, *, plan: FaultPlan) -> None:
        self._app = app
        self._plan = plan
        self._one_at_a_time = anyio.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self._plan.serial:
            async with self._one_at_a_time:
                await self._serve(scope, receive, send)
        else:
            await self._serve(scope, receive, send)

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self._plan.latency > 0:
            await anyio.sleep(self._plan.latency)
        fault = self._plan.take(scope["method"], scope["path"]) if scope["type"] == "http" else None
        if fault is None:
            await self._app(scope, receive, send)
            return
        match fault.kind:
            case "status":
                await _read_body(receive)
                phrase = HTTPStatus(fault.status).phrase
                body = json.dumps({"message": phrase, "error_code": fault.status * 100 + 1}).encode()
                extra = [(b"retry-after", fault.retry_after.encode())] if fault.retry_after else []
                await _send(send, fault.status, _JSON, body, extra)
            case "html_page":
                await _read_body(receive)
                await _send(send, fault.status, _HTML, _html_page(fault.status))
            case "truncated_json":
                await self._truncated(scope, receive, send, cut_connection=fault.cut_connection)
            case "stall_before_body":
                await anyio.sleep(fault.seconds)
                await _hang_up(send)
            case "stall_after_body":
                await self._late(scope, receive, send, fault.seconds)
            case "reset":
                await _hang_up(send)

    async def _truncated(self, scope: Scope, receive: Receive, send: Send, *, cut_connection: bool) -> None:
        start, body = await _answer_of(self._app, scope, receive)
        cut = body[: len(body) // 2]
        if cut_connection:
            await send(start)
            await send({"type": "http.response.body", "body": cut, "more_body": True})
            return  # the server closes the connection: fewer bytes than Content-Length promised
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(cut)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": cut})

    async def _late(self, scope: Scope, receive: Receive, send: Send, seconds: float) -> None:
        start, body = await _answer_of(self._app, scope, receive)
        with anyio.move_on_after(seconds):
            while (await receive())["type"] != "http.disconnect":
                pass
            return  # the client gave up waiting: nobody to answer
        await send(start)
        await send({"type": "http.response.body", "body": body})


def _faults_from(raw: bytes) -> list[tuple[Fault, int]]:
    try:
        items = json.loads(raw or b"null")
    except ValueError as exc:
        raise ValueError("the body must be a JSON list of faults") from exc
    if not isinstance(items, list):
        raise ValueError("the body must be a JSON list of faults")
    queued = []
    for item in items:
        times = item.pop("times", 1) if isinstance(item, dict) else 1
        if not isinstance(times, int) or not 1 <= times <= 1000:
            raise ValueError("times must be an integer from 1 to 1000")
        queued.append((Fault.from_json(item), times))
    return queued


def _latency_from(raw: bytes) -> tuple[float, bool]:
    """(seconds, serial) from ``{"latency_ms": 50, "serial": false}``; ValueError when it is not that."""
    try:
        body = json.loads(raw or b"null")
    except ValueError as exc:
        raise ValueError('the body must be {"latency_ms": <number>, "serial": <bool>}') from exc
    if not isinstance(body, dict) or set(body) - {"latency_ms", "serial"}:
        raise ValueError('the body must be {"latency_ms": <number>, "serial": <bool>}')
    latency_ms, serial = body.get("latency_ms", 0), body.get("serial", False)
    if isinstance(latency_ms, bool) or not isinstance(latency_ms, int | float):
        raise ValueError("latency_ms must be a number")
    if not 0 <= latency_ms <= MAX_LATENCY_MS:
        raise ValueError(f"latency_ms must be between 0 and {MAX_LATENCY_MS}")
    if not isinstance(serial, bool):
        raise ValueError("serial must be true or false")
    return latency_ms / 1000, serial


async def _answer_of(app: ASGIApp, scope: Scope, receive: Receive) -> tuple[Message, bytes]:
    """Run the API on the request and keep its answer instead of sending it."""
    messages: list[Message] = []

    async def keep(message: Message) -> None:
        messages.append(message)

    await app(scope, receive, keep)
    start = next(m for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return start, body


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


async def _send(
    send: Send,
    status: int,
    content_type: tuple[bytes, bytes],
    body: bytes,
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    headers = [content_type, (b"content-length", str(len(body)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _hang_up(send: Send) -> None:
    """Promise a body and end the exchange without it, so that the server drops the connection."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [_JSON, (b"content-length", b"1024")],
        }
    )


def _html_page(status: int) -> bytes:
    title = "Em manutenção" if status == 200 else f"{status} {HTTPStatus(status).phrase}"
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head>"
        f"<body><h1>{title}</h1><p>Voltamos em breve.</p></body></html>"
    ).encode()
