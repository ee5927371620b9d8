"""The tool registry: every tool, its toolset and the module that declares it, in the order `tools/list`
shows them.

A module is imported only when one of its toolsets is on, so a toolset that is off costs no start-up time
and no memory: `tools_for(("tickets", "desks"))` imports the modules of those two. `all_tools()` (also
`ALL_TOOLS`, for tests and the docs generator) imports every one.

A new tool: declare its `ToolSpec` in a module of this package (its `toolset` one of
`adapters.mcp.toolsets.TOOLSETS`), then add its name to an `Entry` of that module and toolset below, in
the place `tools/list` should show it. A test checks that every spec a registered module declares is
registered, under its own toolset, and that every registered name is declared.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from adapters.mcp.spec import ToolSpec

if TYPE_CHECKING:
    ALL_TOOLS: tuple[ToolSpec[Any, Any, Any], ...]  # every tool (imports every module): see __getattr__


@dataclass(frozen=True)
class Entry:
    """Tools of one toolset declared in one module of this package (`module` is its name here)."""

    module: str
    toolset: str
    names: tuple[str, ...]


# The official server's order first, so a user moving from it finds the same list; then each area's block.
REGISTRY: tuple[Entry, ...] = (
    Entry("tickets", "tickets", ("get_ticket",)),
    Entry("ticket_writes", "tickets", ("create_ticket", "update_ticket", "cancel_ticket", "close_ticket")),
    Entry("tickets", "tickets", ("list_tickets",)),
    Entry("ticket_writes", "tickets", ("create_ticket_answer", "update_ticket_entities")),
    Entry("records", "records", ("get_ticket_files", "get_ticket_stages_slas")),
    Entry("lookups", "tickets", ("search_client", "search_user", "search_stage", "search_catalog_item")),
    Entry(
        "records",
        "records",
        (
            "create_internal_communication",
            "list_internal_communications",
            "get_internal_communication",
            "create_appointment",
            "list_appointments",
        ),
    ),
    Entry(
        "chats",
        "chats",
        ("get_chat", "list_inbox_chats", "list_my_chats", "list_in_attendance_chats", "list_archived_chats"),
    ),
    Entry(
        "desks", "desks", ("list_desks", "get_desk", "list_desk_priorities", "list_desk_services_catalogs")
    ),
    Entry(
        "custom_fields", "custom_fields", ("list_entities", "list_entity_fields", "list_entity_field_options")
    ),
    # people: requestors, attendants and departments (issue 19)
    Entry(
        "requestors",
        "requestors",
        ("search_requestor", "list_requestors", "get_requestor", "create_requestor", "update_requestor"),
    ),
    Entry("staff", "tickets", ("search_technical_user",)),
    Entry("staff", "chats", ("list_departments",)),
    Entry("requestor_fields", "requestors", ("update_requestor_entities",)),
    # knowledge base (issue 21)
    Entry(
        "knowledge",
        "knowledge",
        ("list_knowledges", "get_knowledge", "list_knowledge_folders", "create_knowledge"),
    ),
    # equipment (issue 21; opt-in toolset)
    Entry(
        "equipment",
        "equipment",
        (
            "list_equipments",
            "get_equipment",
            "create_equipment",
            "update_equipment",
            "list_equipment_softwares",
            "list_equipment_groups",
            "list_equipment_types",
        ),
    ),
    # tickets area, issue 18: a ticket's answers, history and reopening
    Entry(
        "ticket_activity",
        "tickets",
        (
            "list_ticket_answers",
            "get_ticket_answer",
            "get_ticket_histories",
            "reopen_ticket",
            "get_ticket_checklists",
            "update_ticket_checklist_item",
            "delete_ticket_answer",
        ),
    ),
    # chats and commerce (issue 20): chats that act, WhatsApp templates
    Entry(
        "conversations",
        "chats",
        (
            "list_chat_messages",
            "update_chat",
            "list_gupshup_templates",
            "list_whatsapp_cloud_templates",
            "send_message",
            "archive_chat",
        ),
    ),
    # tickets area, issue 18: a ticket's files after it was opened; what valued appointments reference
    Entry(
        "ticket_files", "tickets", ("upload_ticket_files", "delete_ticket_file", "delete_ticket_answer_file")
    ),
    Entry("ticket_valuation", "tickets", ("get_ticket_service_types", "get_ticket_shifts")),
    # records area, issue 18: editing and removing internal communications, timers, everyone's appointments
    Entry("record_changes", "records", ("update_internal_communication", "delete_internal_communication")),
    Entry("time_entries", "records", ("list_pre_appointments", "list_appointments_global")),
    # reports (issue 18; opt-in toolset): ticket satisfaction, appointments per technician
    Entry("ticket_reports", "reports", ("get_tickets_feedback_report",)),
    Entry("time_entries", "reports", ("list_appointments_report",)),
    # the organisation's service catalogs (issue 21; opt-in toolset)
    Entry(
        "catalogs",
        "catalogs",
        (
            "list_services_catalogs",
            "create_services_catalog",
            "update_services_catalog",
            "delete_services_catalog",
            "list_services_catalog_areas",
            "create_services_catalog_area",
            "update_services_catalog_area",
            "delete_services_catalog_area",
        ),
    ),
    Entry(
        "catalog_items",
        "catalogs",
        (
            "list_services_catalog_items",
            "create_services_catalog_item",
            "update_services_catalog_item",
            "delete_services_catalog_item",
        ),
    ),
    # people: agents (issue 19; opt-in toolset `users`)
    Entry("agents", "users", ("create_user", "get_user", "update_user")),
    # billing and contracts (issue 20; opt-in toolset)
    Entry("finance", "finance", ("get_billings_history", "list_contracts")),
)

# tool name → its toolset, known without importing a tool module
TOOLSET_OF: Mapping[str, str] = {name: entry.toolset for entry in REGISTRY for name in entry.names}


def tools_for(toolsets: Collection[str] | None) -> tuple[ToolSpec[Any, Any, Any], ...]:
    """The tools of these toolsets (None: every one), importing only the modules that declare them."""
    chosen = [entry for entry in REGISTRY if toolsets is None or entry.toolset in toolsets]
    return tuple(declared_in(entry.module)[name] for entry in chosen for name in entry.names)


def all_tools() -> tuple[ToolSpec[Any, Any, Any], ...]:
    return tools_for(None)


def declared_in(module: str) -> dict[str, ToolSpec[Any, Any, Any]]:
    """Every tool a module of this package declares (a `ToolSpec` at its top level, or in a tuple there)."""
    found: dict[str, ToolSpec[Any, Any, Any]] = {}
    for value in vars(import_module(f"{__name__}.{module}")).values():
        for spec in value if isinstance(value, tuple) else (value,):
            if isinstance(spec, ToolSpec):
                found[spec.name] = spec
    return found


def __getattr__(name: str) -> Any:
    if name == "ALL_TOOLS":
        return all_tools()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
