"""Two tenants through one hosted process, concurrently: nothing of one ever reaches the other.

Upstream, two fake TiFlux tenants answer by API key; every name and title of tenant A starts with "[A] "
and of tenant B with "[B] ", and each key belongs to its own user. The hosted app as `serve` builds it
(key checks, per-account limits and upstream shares, real HTTP adapter, reference cache on, name
resolution) serves 10,000 interleaved calls of both keys, 32 at a time. Then: no answer of A carries a
"[B]" and vice versa; each key was checked once and belongs to its own account; each tenant's cache holds
only its own names; no log line carries a key or mixes the tenants.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from typing import Any

import anyio
import httpx2
import pytest

from adapters.accounts import key_hash
from adapters.container import create_container
from adapters.settings import Settings
from tests.e2e.upstream import Tenants, served

pytestmark = pytest.mark.anyio

KEYS = {"A": "isolation-key-of-tenant-A", "B": "isolation-key-of-tenant-B"}
CALLS = int(os.environ.get("TIFLUX_ISOLATION_CALLS", "10000"))
CONCURRENCY = 32
CALL_MIX: list[tuple[str, dict[str, Any]]] = [
    ("list_desks", {}),
    ("get_ticket", {"ticket_number": "1040"}),
    ("list_tickets", {"desk_name": "cansados", "limit": 3}),
    ("search_stage", {"desk_name": "cansados"}),
    ("get_desk", {"desk_name": "cansados"}),
    ("search_client", {"client_name": "a"}),
]


@pytest.fixture(scope="module")
def hosted() -> Iterator[tuple[str, Any, Tenants]]:
    tenants = Tenants({KEYS["A"]: ("[A]", 201), KEYS["B"]: ("[B]", 202)})
    with served(tenants) as upstream:
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            backend="http",
            hosted=True,
            api_base_url=f"{upstream}/api/v2",
            log_level="DEBUG",
            mcp_store_url="sqlite://:memory:",
            mcp_secret_key="hJ6t0ffl6xKJ0XcYp2sI6wL7eGm0d1N2Zrj3t4Vb5yA=",
            tenant_concurrency=CONCURRENCY,  # fairness is tested elsewhere: here, only isolation
            tenant_rate_per_minute=10_000_000,
            tenant_burst=1_000_000,
            tenant_upstream_connections=CONCURRENCY,
            unverified_concurrency=CONCURRENCY,  # the key gate's budget is tested in test_hosted_limits
            unverified_rate_per_minute=10_000_000,
        )
        container = create_container(settings)
        with served(container.hosted.app()) as base:
            yield base, container, tenants


def answer_text(body: str) -> tuple[bool, str]:
    """The tool result's text and isError flag, from an SSE or JSON answer."""
    payload = next(line[5:] for line in body.splitlines() if line.startswith("data:") and line[5:].strip())
    result = json.loads(payload)["result"]
    return bool(result.get("isError")), "".join(part.get("text", "") for part in result["content"])


async def test_ten_thousand_interleaved_calls_never_cross_tenants(
    hosted: tuple[str, Any, Tenants], caplog: pytest.LogCaptureFixture
) -> None:
    base, container, tenants = hosted
    caplog.set_level(logging.WARNING)
    for ours in ("adapters", "tiflux_mcp"):  # our own loggers at DEBUG; libraries' chatter left out
        caplog.set_level(logging.DEBUG, logger=ours)
    answers: dict[str, list[str]] = {"A": [], "B": []}
    failures: list[str] = []
    limiter = anyio.Semaphore(CONCURRENCY)

    async def call(http: httpx2.AsyncClient, index: int) -> None:
        tenant = "AB"[index % 2]
        tool, arguments = CALL_MIX[(index // 2) % len(CALL_MIX)]
        message = {"jsonrpc": "2.0", "id": index, "method": "tools/call"}
        message["params"] = {"name": tool, "arguments": arguments}
        async with limiter:
            response = await http.post(
                f"{base}/mcp",
                json=message,
                headers={"x-tiflux-api-key": KEYS[tenant], "accept": "application/json, text/event-stream"},
            )
        if response.status_code != 200:
            failures.append(f"{tool}: HTTP {response.status_code}")
            return
        is_error, text = answer_text(response.text)
        if is_error:
            failures.append(f"{tool} for {tenant}: {text[:200]}")
        answers[tenant].append(text)

    limits = httpx2.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx2.AsyncClient(timeout=60, limits=limits) as http, anyio.create_task_group() as group:
        for index in range(CALLS):
            group.start_soon(call, http, index)

    assert not failures, failures[:5]
    assert len(answers["A"]) + len(answers["B"]) == CALLS
    for own, other in (("A", "B"), ("B", "A")):
        assert all(f"[{own}]" in text for text in answers[own])
        leaked = [text for text in answers[own] if f"[{other}]" in text]
        assert not leaked, leaked[:1]

    accounts = container.known_accounts()
    assert {accounts.recall(KEYS["A"]), accounts.recall(KEYS["B"])} == {"user-201", "user-202"}
    for key in KEYS.values():  # each key asked about once, however many calls brought it
        assert tenants.asked[(key, "/api/v2/users/me")] == 1
    assert key_hash(KEYS["A"]) not in repr(accounts.share_of(KEYS["B"]))

    caches = container.gateways()._caches._tenants  # the reference cache, per tenant (hashed key)
    assert len(caches) == 2
    contents = [repr(list(cache._entries.values())) for cache in caches.values()]
    assert {("[A]" in text, "[B]" in text) for text in contents} == {(True, False), (False, True)}

    lines = [record.getMessage() for record in caplog.records]
    assert lines, "the server logs at DEBUG, so there are lines to check"
    for line in lines:
        assert KEYS["A"] not in line and KEYS["B"] not in line
        assert not ("[A]" in line and "[B]" in line)
