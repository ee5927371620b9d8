"""Claiming `serve`'s port before anything starts: a busy port is one clear line, and `--port 0` learns
the port the system chose (the OAuth URLs and the start-up line are built from it)."""

from __future__ import annotations

import errno
import socket


class PortUnavailable(Exception):
    """The address cannot be listened on; the message says why and what to change."""


def claim_port(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (0: a free port), not yet listening. Raises `PortUnavailable`."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: restarts need no wait
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise PortUnavailable(_why(host, port, exc)) from None
    return sock


def _why(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return (
            f"cannot listen on {host}:{port}: the port is already in use; stop what listens there or "
            "choose another port with --port or TIFLUX_HTTP_PORT (0 picks a free one)"
        )
    if exc.errno == errno.EACCES:
        return f"cannot listen on {host}:{port}: not allowed to use this port here; choose one above 1023"
    if exc.errno in (errno.EADDRNOTAVAIL, socket.EAI_NONAME) or isinstance(exc, socket.gaierror):
        return (
            f"cannot listen on {host}:{port}: {host} is not an address of this machine; choose another "
            "with --host or TIFLUX_HTTP_HOST (127.0.0.1, or 0.0.0.0 for every interface)"
        )
    return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
