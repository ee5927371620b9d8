"""A scripted assistant session of name-based calls over stdio: upstream requests, and time at 50 ms/request.

The session is what an assistant does with names rather than IDs: find a client, list its tickets on a
desk, move tickets between stages, open tickets naming desk, client, responsible and catalog item. Each
run starts a fresh fake TiFlux (`fake_api.py`: every run sees the same tenant) and a fresh stdio server.

Configurations:
- cache: the defaults (reference cache on, independent lookups concurrent); the session is run twice in
  the same process, cold then warm;
- cache-less: TIFLUX_CACHE_TTL=0, lookups still concurrent;
- cache-less sequential: TIFLUX_CACHE_TTL=0 with the fake letting one request in at a time, so that every
  lookup waits for the one before it, as a server without concurrent lookups would.

Requests are counted by the fake (`GET /_fake/requests`); answers of the cached and cache-less runs are
compared text for text.

`python -m benchmarks.session` prints the counts and times of each configuration.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any

from benchmarks.fake_api import FakeApi
from benchmarks.stdio import StdioServer, server_command
from benchmarks.table import Spread, runs

LATENCY_MS = 50.0
SESSION: tuple[tuple[str, dict[str, Any]], ...] = (
    ("search_client", {"client_name": "padaria"}),
    ("list_tickets", {"desk_name": "suporte", "client_name": "padaria"}),
    ("get_ticket", {"ticket_number": "1040"}),
    ("search_stage", {"desk_name": "suporte"}),
    ("update_ticket", {"ticket_number": "1040", "stage_name": "aguardando cliente"}),
    ("list_tickets", {"desk_name": "suporte", "stage_name": "triagem"}),
    ("update_ticket", {"ticket_number": "1047", "responsible_name": "joão pereira"}),
    ("search_catalog_item", {"desk_name": "suporte", "search": "rede"}),
    (
        "create_ticket",
        {
            "title": "Internet lenta no caixa",
            "description": "Desde ontem a **rede** do caixa 2 está lenta.",
            "client_name": "padaria",
            "desk_name": "suporte",
            "responsible_name": "mariana",
            "requestor_name": "carlos",
            "catalog_item_name": "lentidão na rede",
        },
    ),
    ("get_desk", {"desk_name": "suporte"}),
    ("list_desk_priorities", {"desk_name": "suporte"}),
    (
        "create_ticket",
        {
            "title": "Exportar PDF falha",
            "description": "O botão exporta um arquivo vazio.",
            "client_name": "construtora",
            "desk_name": "cansados",
            "responsible_name": "joão pereira",
            "catalog_item_name": "bug",
        },
    ),
    ("list_tickets", {"desk_name": "cansados"}),
    (
        "update_ticket",
        {
            "ticket_number": "1047",
            "desk_name": "suporte",
            "stage_name": "em atendimento",
            "responsible_name": "mariana",
        },
    ),
    ("search_user", {"name": "mariana"}),
    ("list_tickets", {"desk_name": "suporte", "client_name": "padaria", "stage_name": "em atendimento"}),
)


@dataclass
class SessionRun:
    requests: int
    seconds: float
    answers: list[str]
    errors: list[str]


@dataclass
class SessionFigures:
    cold: list[SessionRun] = field(default_factory=list)  # cache on, fresh process
    warm: list[SessionRun] = field(default_factory=list)  # cache on, the same process again
    uncached: list[SessionRun] = field(default_factory=list)  # TTL=0, concurrent lookups
    sequential: list[SessionRun] = field(default_factory=list)  # TTL=0, one request at a time

    @staticmethod
    def requests(runs: list[SessionRun]) -> Spread:
        return Spread.of([float(r.requests) for r in runs])

    @staticmethod
    def seconds(runs: list[SessionRun]) -> Spread:
        return Spread.of([r.seconds for r in runs])

    @property
    def identical_answers(self) -> bool:
        return all(a.answers == b.answers for a, b in zip(self.cold, self.uncached, strict=True))

    @property
    def errors(self) -> list[str]:
        every = self.cold + self.warm + self.uncached + self.sequential
        return sorted({tool for run in every for tool in run.errors})


def measure(repeats: int | None = None, latency_ms: float = LATENCY_MS) -> SessionFigures:
    repeats = repeats if repeats is not None else runs(full=3, short=1)
    figures = SessionFigures()
    for _ in range(repeats):
        with FakeApi() as api:
            api.set_latency(latency_ms)
            with StdioServer(server_command(), api.server_env()) as server:
                figures.cold.append(_run(server, api))
                figures.warm.append(_run(server, api))
        with FakeApi() as api:
            api.set_latency(latency_ms)
            with StdioServer(server_command(), api.server_env(cache_ttl="0")) as server:
                figures.uncached.append(_run(server, api))
        with FakeApi() as api:
            api.set_latency(latency_ms, serial=True)
            with StdioServer(server_command(), api.server_env(cache_ttl="0")) as server:
                figures.sequential.append(_run(server, api))
    return figures


def _run(server: StdioServer, api: FakeApi) -> SessionRun:
    api.forget_requests()
    answers, errors = [], []
    started = time.perf_counter()
    for tool, arguments in SESSION:
        _, result = server.call(tool, arguments)
        answers.append("\n".join(c.get("text", "") for c in result["content"]))
        if result.get("isError"):
            errors.append(tool)
    seconds = time.perf_counter() - started
    return SessionRun(api.requests(), seconds, answers, errors)


def main() -> int:
    found = measure()
    print(f"session of {len(SESSION)} name-based calls, {LATENCY_MS:.0f} ms per API request")
    for name in ("cold", "warm", "uncached", "sequential"):
        done: list[SessionRun] = getattr(found, name)
        print(
            f"  {name:10s} requests {found.requests(done).show('', 0)}, "
            f"time {found.seconds(done).show(' s', 2)}"
        )
    print(f"  answers identical with and without the cache: {found.identical_answers}")
    if found.errors:
        print(f"  isError answers: {found.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
