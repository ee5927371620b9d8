"""What the model reads back: answer bytes of a fixed 20-call session, rich and compact (`TIFLUX_VERBOSITY`).

The session is a helpdesk agent's morning on the demo tenant, reads only and in the default toolsets: the
desk's open tickets, one ticket and its records, the chat queues and a conversation, a client and its
requestors, the desk's set-up, the knowledge base. Each mode runs on a fresh fake TiFlux (`fake_api.py`)
and a fresh stdio server; the figure is the UTF-8 bytes of the text content of every answer (what a client
puts in the model's context; `structuredContent` is the same in both modes and not counted). A call that
answers with an error fails the run: an error is short in both modes and would flatter the ratio.

`python -m benchmarks.answer_bytes` prints the figures and each call's bytes.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from benchmarks.fake_api import FakeApi
from benchmarks.stdio import StdioServer, server_command

SESSION: tuple[tuple[str, dict[str, Any]], ...] = (
    ("list_tickets", {"desk_name": "suporte"}),
    ("get_ticket", {"ticket_number": "1040"}),
    ("list_ticket_answers", {"ticket_number": "1040"}),
    ("list_internal_communications", {"ticket_number": "1040"}),
    ("list_appointments", {"ticket_number": "1040"}),
    ("get_ticket_histories", {"ticket_number": "1040", "history_of": "appointments"}),
    ("get_ticket_checklists", {"ticket_number": "1040"}),
    ("get_ticket", {"ticket_number": "1042", "show_entities": True}),
    ("list_inbox_chats", {}),
    ("list_in_attendance_chats", {}),
    ("get_chat", {"id": 9001}),
    ("list_chat_messages", {"id": 9003}),
    ("search_client", {"client_name": "padaria"}),
    ("list_requestors", {"client_id": 102}),
    ("list_desks", {}),
    ("get_desk", {"desk_name": "suporte"}),
    ("search_stage", {"desk_name": "suporte"}),
    ("list_desk_priorities", {"desk_id": 14}),
    ("list_entity_fields", {"entity_id": 10}),
    ("list_knowledge_folders", {}),
)
MODES = ("rich", "compact")


@dataclass(frozen=True)
class AnswerBytes:
    per_call: dict[str, list[int]]  # mode → bytes of each answer, in session order
    errors: list[str]  # "mode tool" of each call that answered with an error

    def total(self, mode: str) -> int:
        return sum(self.per_call[mode])

    @property
    def ratio(self) -> float:
        return self.total("compact") / self.total("rich")


def measure() -> AnswerBytes:
    per_call: dict[str, list[int]] = {}
    errors: list[str] = []
    for mode in MODES:
        with (
            FakeApi() as api,
            StdioServer(server_command(), api.server_env(verbosity=mode)) as server,
        ):
            sizes = []
            for tool, arguments in SESSION:
                _, result = server.call(tool, arguments)
                text = "".join(c.get("text", "") for c in result["content"] if c.get("type") == "text")
                sizes.append(len(text.encode("utf-8")))
                if result.get("isError"):
                    errors.append(f"{mode} {tool}")
            per_call[mode] = sizes
    return AnswerBytes(per_call, errors)


def main() -> int:
    found = measure()
    print(f"answer bytes of a fixed {len(SESSION)}-call session")
    for (tool, _), rich, compact in zip(
        SESSION, found.per_call["rich"], found.per_call["compact"], strict=True
    ):
        print(f"  {tool:30s} rich {rich:6d}  compact {compact:6d}")
    print(f"  total: rich {found.total('rich'):,} · compact {found.total('compact'):,} ({found.ratio:.2f}×)")
    if found.errors:
        print(f"  isError answers: {found.errors}")
    return 1 if found.errors else 0


if __name__ == "__main__":
    sys.exit(main())
