"""Per-call latency over stdio: the 31 tools, each with a typical call, against the fake TiFlux over HTTP.

The server is `tiflux-mcp` as an MCP client starts it, with TIFLUX_BACKEND=http and TIFLUX_API_BASE_URL
on the fake TiFlux (`fake_api.py`: zero latency, loopback); the reference cache is on, as by default.
One pass calls every tool once; the first pass (cold cache, first use of each code path) is not counted.
The bare-SDK floor's one tool is called right after each of our calls, so both see the same machine load.

`python -m benchmarks.tool_calls` prints the median per tool.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx2

from benchmarks.fake_api import API_KEY, FakeApi
from benchmarks.stdio import FLOOR, StdioServer, server_command
from benchmarks.table import Spread, runs

CLOSE, CANCEL = "{close}", "{cancel}"  # a ticket made for this pass, closed or cancelled by it
MIX: tuple[tuple[str, dict[str, Any]], ...] = (
    ("get_ticket", {"ticket_number": "1040"}),
    (
        "create_ticket",
        {
            "title": "Impressora do caixa 3",
            "description": "Não imprime o cupom. **Urgente**.",
            "client_name": "padaria",
            "desk_name": "suporte",
            "responsible_name": "joão pereira",
        },
    ),
    ("update_ticket", {"ticket_number": "1047", "stage_name": "triagem"}),
    ("cancel_ticket", {"ticket_number": CANCEL}),
    ("close_ticket", {"ticket_number": CLOSE}),
    ("list_tickets", {"desk_name": "suporte"}),
    ("create_ticket_answer", {"ticket_number": "1040", "text": "Estamos verificando."}),
    (
        "update_ticket_entities",
        {"ticket_number": "1042", "entities": [{"entity_field_id": 72, "value": "x"}]},
    ),
    ("get_ticket_files", {"ticket_number": "1040"}),
    ("get_ticket_stages_slas", {"ticket_number": "1040"}),
    ("search_client", {"client_name": "padaria"}),
    ("search_user", {"name": "joão"}),
    ("search_stage", {"desk_name": "suporte"}),
    ("search_catalog_item", {"desk_name": "suporte", "search": "rede"}),
    ("create_internal_communication", {"ticket_number": "1040", "text": "Peça pedida ao fornecedor."}),
    ("list_internal_communications", {"ticket_number": "1040"}),
    ("get_internal_communication", {"ticket_number": "1040", "communication_id": 3101}),
    (
        "create_appointment",
        {
            "ticket_number": "1042",
            "date": "2025-03-14",
            "init_time": "09:00",
            "end_time": "10:00",
            "description": "Análise do botão",
        },
    ),
    ("list_appointments", {"ticket_number": "1040"}),
    ("get_chat", {"id": 9001}),
    ("list_inbox_chats", {}),
    ("list_my_chats", {}),
    ("list_in_attendance_chats", {}),
    ("list_archived_chats", {}),
    ("list_desks", {}),
    ("get_desk", {"desk_name": "suporte"}),
    ("list_desk_priorities", {"desk_name": "suporte"}),
    ("list_desk_services_catalogs", {"desk_name": "suporte"}),
    ("list_entities", {}),
    ("list_entity_fields", {"entity_id": 10}),
    ("list_entity_field_options", {"entity_field_id": 80}),
)
_NUMBER = re.compile(r"#(\d+)")


@dataclass
class CallLatencies:
    ours: list[float] = field(default_factory=list)  # seconds, every counted call
    floor: list[float] = field(default_factory=list)
    by_tool: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # tools that answered isError
    upstream: list[float] = field(
        default_factory=list
    )  # seconds of one GET /tickets/1040 straight to the fake

    @property
    def spread(self) -> Spread:
        return Spread.of(self.ours)

    @property
    def floor_spread(self) -> Spread:
        return Spread.of(self.floor)


def measure(passes: int | None = None, wrap: Sequence[str] = ()) -> CallLatencies:
    """`wrap` goes before our server's command (a profiler, for `benchmarks.profile`)."""
    passes = passes if passes is not None else runs(full=10, short=3)
    found = CallLatencies()
    with (
        FakeApi() as api,
        StdioServer([*wrap, *server_command()], api.server_env()) as ours,
        StdioServer(FLOOR) as floor,
    ):
        tickets = [_new_ticket(ours) for _ in range(2 * (passes + 1))]
        for number in range(passes + 1):
            counted = number > 0
            made = {CLOSE: tickets.pop(), CANCEL: tickets.pop()}
            for tool, arguments in MIX:
                arguments = {k: made.get(v, v) if isinstance(v, str) else v for k, v in arguments.items()}
                seconds, result = ours.call(tool, arguments)
                floor_seconds, _ = floor.call("echo", {"text": "1040"})
                if not counted:
                    continue
                if result.get("isError"):
                    found.errors.append(tool)
                found.ours.append(seconds)
                found.floor.append(floor_seconds)
                found.by_tool.setdefault(tool, []).append(seconds)
        found.upstream = _upstream(api, len(found.ours))
    return found


def _upstream(api: FakeApi, count: int) -> list[float]:
    """What one API request costs by itself: the fake's own time plus an HTTP round trip on loopback."""
    samples = []
    with httpx2.Client(base_url=api.base_url, headers={"Authorization": f"Bearer {API_KEY}"}) as http:
        http.get("/tickets/1040")
        for _ in range(count):
            began = time.perf_counter()
            http.get("/tickets/1040").raise_for_status()
            samples.append(time.perf_counter() - began)
    return samples


def _new_ticket(server: StdioServer) -> str:
    _, result = server.call(
        "create_ticket", {"title": "Para fechar", "description": "x", "client_id": 101, "desk_id": 14}
    )
    match = _NUMBER.search(result["content"][0]["text"])
    if result.get("isError") or match is None:
        raise RuntimeError(f"could not create a ticket to close: {result}")
    return match[1]


def main() -> int:
    found = measure()
    print(f"{'tool':32s} {'median ms':>10s} {'p90 ms':>8s}")
    for tool, samples in sorted(found.by_tool.items(), key=lambda item: -statistics.median(item[1])):
        spread = Spread.of(samples)
        print(f"{tool:32s} {spread.median * 1000:10.2f} {spread.p90 * 1000:8.2f}")
    print(
        f"all {len(found.ours)} calls: {found.spread.show(' ms', 2, 1000)}; "
        f"floor: {found.floor_spread.show(' ms', 2, 1000)}"
    )
    print(f"GET /tickets/1040 straight to the fake: {Spread.of(found.upstream).show(' ms', 2, 1000)}")
    if found.errors:
        print(f"isError answers: {sorted(set(found.errors))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
