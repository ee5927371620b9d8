"""The tool registry: every tool the server offers, in the order `tools/list` shows them."""

from __future__ import annotations

from typing import Any

from adapters.mcp.spec import ToolSpec
from adapters.mcp.tools.chats import (
    GET_CHAT,
    LIST_ARCHIVED_CHATS,
    LIST_IN_ATTENDANCE_CHATS,
    LIST_INBOX_CHATS,
    LIST_MY_CHATS,
)
from adapters.mcp.tools.clients import CLIENT_TOOLS
from adapters.mcp.tools.conversations import (
    ARCHIVE_CHAT,
    LIST_CHAT_MESSAGES,
    LIST_GUPSHUP_TEMPLATES,
    LIST_WHATSAPP_CLOUD_TEMPLATES,
    SEND_MESSAGE,
)
from adapters.mcp.tools.custom_fields import LIST_ENTITIES, LIST_ENTITY_FIELD_OPTIONS, LIST_ENTITY_FIELDS
from adapters.mcp.tools.desks import GET_DESK, LIST_DESK_PRIORITIES, LIST_DESK_SERVICES_CATALOGS, LIST_DESKS
from adapters.mcp.tools.equipment import EQUIPMENT_TOOLS
from adapters.mcp.tools.knowledge import KNOWLEDGE_TOOLS
from adapters.mcp.tools.lookups import SEARCH_CATALOG_ITEM, SEARCH_CLIENT, SEARCH_STAGE, SEARCH_USER
from adapters.mcp.tools.records import (
    CREATE_APPOINTMENT,
    CREATE_INTERNAL_COMMUNICATION,
    GET_INTERNAL_COMMUNICATION,
    GET_TICKET_FILES,
    GET_TICKET_STAGES_SLAS,
    LIST_APPOINTMENTS,
    LIST_INTERNAL_COMMUNICATIONS,
)
from adapters.mcp.tools.requestors import (
    CREATE_REQUESTOR,
    GET_REQUESTOR,
    LIST_REQUESTORS,
    SEARCH_REQUESTOR,
    UPDATE_REQUESTOR,
)
from adapters.mcp.tools.staff import LIST_DEPARTMENTS, SEARCH_TECHNICAL_USER
from adapters.mcp.tools.ticket_activity import (
    DELETE_TICKET_ANSWER,
    GET_TICKET_ANSWER,
    GET_TICKET_CHECKLISTS,
    GET_TICKET_HISTORIES,
    LIST_TICKET_ANSWERS,
    REOPEN_TICKET,
    UPDATE_TICKET_CHECKLIST_ITEM,
)
from adapters.mcp.tools.ticket_writes import (
    CANCEL_TICKET,
    CLOSE_TICKET,
    CREATE_TICKET,
    CREATE_TICKET_ANSWER,
    UPDATE_TICKET,
    UPDATE_TICKET_ENTITIES,
)
from adapters.mcp.tools.tickets import GET_TICKET, LIST_TICKETS

# The official server's order, so a user moving from it finds the same list.
ALL_TOOLS: tuple[ToolSpec[Any, Any, Any], ...] = (
    GET_TICKET,
    CREATE_TICKET,
    UPDATE_TICKET,
    CANCEL_TICKET,
    CLOSE_TICKET,
    LIST_TICKETS,
    CREATE_TICKET_ANSWER,
    UPDATE_TICKET_ENTITIES,
    GET_TICKET_FILES,
    GET_TICKET_STAGES_SLAS,
    SEARCH_CLIENT,
    SEARCH_USER,
    SEARCH_STAGE,
    SEARCH_CATALOG_ITEM,
    CREATE_INTERNAL_COMMUNICATION,
    LIST_INTERNAL_COMMUNICATIONS,
    GET_INTERNAL_COMMUNICATION,
    CREATE_APPOINTMENT,
    LIST_APPOINTMENTS,
    GET_CHAT,
    LIST_INBOX_CHATS,
    LIST_MY_CHATS,
    LIST_IN_ATTENDANCE_CHATS,
    LIST_ARCHIVED_CHATS,
    LIST_DESKS,
    GET_DESK,
    LIST_DESK_PRIORITIES,
    LIST_DESK_SERVICES_CATALOGS,
    LIST_ENTITIES,
    LIST_ENTITY_FIELDS,
    LIST_ENTITY_FIELD_OPTIONS,
    # people: requestors, attendants and departments (issue 19)
    SEARCH_REQUESTOR,
    LIST_REQUESTORS,
    GET_REQUESTOR,
    CREATE_REQUESTOR,
    UPDATE_REQUESTOR,
    SEARCH_TECHNICAL_USER,
    LIST_DEPARTMENTS,
    # knowledge base (issue 21)
    *KNOWLEDGE_TOOLS,
    # equipment (issue 21; opt-in toolset)
    *EQUIPMENT_TOOLS,
    # tickets area, issue 18: a ticket's answers, history and reopening
    LIST_TICKET_ANSWERS,
    GET_TICKET_ANSWER,
    GET_TICKET_HISTORIES,
    REOPEN_TICKET,
    GET_TICKET_CHECKLISTS,
    UPDATE_TICKET_CHECKLIST_ITEM,
    DELETE_TICKET_ANSWER,
    # chats and commerce (issue 20): chats that act, WhatsApp templates
    LIST_CHAT_MESSAGES,
    LIST_GUPSHUP_TEMPLATES,
    LIST_WHATSAPP_CLOUD_TEMPLATES,
    SEND_MESSAGE,
    ARCHIVE_CHAT,
    # people, issue 19: clients (opt-in toolset `clients`)
    *CLIENT_TOOLS,
)
