"""`tiflux-mcp serve` under uvicorn, with slow clients bounded.

uvicorn bounds idle kept-alive connections (`timeout_keep_alive`) and, with `limit_concurrency`, answers
503 past a number of connections and calls; it has no deadline for a request's headers, so a client that
sends them a byte at a time keeps its connection forever. `HeaderDeadlineProtocol` (uvicorn's h11
protocol plus a timer) closes such a connection after `http_header_timeout` seconds; the deadline for a
body is the app's (`BodyGuard`). With several workers, each gets the settings themselves (`HostedApp`).
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import h11
import uvicorn
from starlette.types import ASGIApp
from uvicorn.protocols.http.h11_impl import H11Protocol

from adapters.hosted import HostedApp
from adapters.settings import Settings

HEADER_TIMEOUT_ATTRIBUTE = "tiflux_header_timeout"  # set on uvicorn's Config, read by the protocol
_REQUEST_TIMEOUT = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


class HeaderDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol that closes a connection whose request headers do not arrive in time."""

    def __init__(self, config: uvicorn.Config, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self._header_timeout: float = getattr(config, HEADER_TIMEOUT_ATTRIBUTE, 10.0)
        self._header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._header_deadline is None and self.conn.their_state is h11.IDLE:
            self._arm()  # the next request on a kept-alive connection: its headers have a deadline too
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._disarm()  # the headers are in

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._header_deadline = self.loop.call_later(self._header_timeout, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_too_slow(self) -> None:
        self._header_deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.write(_REQUEST_TIMEOUT)
            self.transport.close()


def uvicorn_config(app: Any, settings: Settings, **extra: Any) -> uvicorn.Config:
    """uvicorn's configuration for the hosted app, slow-client bounds included."""
    config = uvicorn.Config(
        app,
        host=settings.http_host,
        port=settings.http_port,
        http=HeaderDeadlineProtocol,
        log_level="warning",
        proxy_headers=True,
        timeout_graceful_shutdown=20,
        timeout_keep_alive=5,
        limit_concurrency=settings.http_max_connections,
        **extra,
    )
    setattr(config, HEADER_TIMEOUT_ATTRIBUTE, settings.http_header_timeout)
    return config


def serve(settings: Settings, app: ASGIApp, listener: socket.socket) -> None:
    """Run the hosted app on `listener` (bound by `adapters.listening.claim_port`) until a signal stops
    it: `app` in this process, or one built by each of `http_workers` processes."""
    if settings.http_workers == 1:
        uvicorn.Server(uvicorn_config(app, settings)).run(sockets=[listener])
        return
    factory = HostedApp(settings)
    from uvicorn.supervisors import Multiprocess

    config = uvicorn_config(factory, settings, factory=True, workers=settings.http_workers)
    listener.set_inheritable(True)  # as uvicorn's own `bind_socket` leaves it: the workers serve on it
    Multiprocess(config, sockets=[listener]).run()  # each worker builds its app with `factory`
