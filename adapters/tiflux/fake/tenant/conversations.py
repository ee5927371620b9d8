"""Chats that act: a chat's messages, archiving a chat, and the WhatsApp templates (v2.42 §1, §4, §6, §7)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.counted import Counted
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, field_is, page
from adapters.tiflux.fake.tenant.moments import iso
from adapters.tiflux.fake.tenant.routes import Route


class ConversationsArea:
    """The routes on what is said in chats and the templates messages are sent with."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        self._messages: dict[int, list[Json]] = {
            int(chat_id): messages for chat_id, messages in state.tables["chat_messages"].items()
        }
        self.sent: list[Json] = []  # every message sent, as the API received it
        self._templates: dict[str, list[Json]] = {
            "gupshup": state.tables["templates_gupshup"],
            "whatsapp_cloud": state.tables["templates_whatsapp_cloud"],
        }

    def chat_messages(self, chat_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> list[Json]:
        self._chat(chat_id)
        return page(self._messages.get(chat_id, []), offset, limit)

    def send_message(self, body: Mapping[str, Any]) -> Json:
        """Checks what a real send needs (number, integration, text or template); the answer is fixed."""
        number, integration = body.get("number"), body.get("integration_id")
        if not isinstance(number, int) or isinstance(number, bool) or not 10_000_000 <= number < 10**15:
            raise validation_error("number is invalid")
        integrations = {t["integration_id"] for table in self._templates.values() for t in table}
        if not isinstance(integration, int) or integration not in integrations:
            raise validation_error("integration_id is invalid")
        _check_types(body)
        text, template = body.get("message"), body.get("template_id")
        if text is not None and not text.strip():
            raise validation_error("message is blank")
        if text is None and template is None:
            raise validation_error("message or template_id is required")
        if template is not None and not any(
            t["id"] == template and t["integration_id"] == integration
            for table in self._templates.values()
            for t in table
        ):
            raise validation_error("template_id is invalid")
        self.sent.append(dict(body))
        return copy.deepcopy(self._state.tables["send_message_answer"])

    def update_chat(self, chat_id: int, body: Mapping[str, Any]) -> Json:
        """Transfer (attendant, department) or link a ticket; only an active chat; answers the chat."""
        chat = self._chat(chat_id)
        if chat["archived"] or chat["canceled"]:
            raise validation_error("chat is not active")
        keys = [key for key in ("user_id", "department_id", "ticket_number") if key in body]
        if not keys or set(body) - set(keys):
            raise validation_error("give user_id, department_id or ticket_number")
        for key in keys:
            if not isinstance(body[key], int) or isinstance(body[key], bool):
                raise validation_error(f"{key} is invalid")
        changes: dict[str, Json] = {}
        if "user_id" in body:
            user = self._state.users.get(body["user_id"])
            if user is None or not user["active"] or user["_type"] not in ("admin", "attendant"):
                raise validation_error("user_id is invalid")
            changes["responsible"] = {"id": user["id"], "name": user["name"]}
        if "department_id" in body:
            found = [d for d in self._state.tables["departments"] if d["id"] == body["department_id"]]
            if not found:
                raise validation_error("department_id is invalid")
            changes["department"] = {"id": found[0]["id"], "name": found[0]["name"]}
        if "ticket_number" in body:
            ticket = self._state.tickets.get(body["ticket_number"])
            if ticket is None:
                raise validation_error("ticket_number is invalid")
            changes["ticket"] = {"number": ticket["ticket_number"], "title": ticket["title"]}
        chat |= changes
        chat["updated_at"] = iso(self._state.now())
        return copy.deepcopy(chat)

    def archive_chat(self, chat_id: int, body: Mapping[str, Any]) -> Json:
        chat = self._chat(chat_id)
        item = body.get("services_catalogs_item_id", 1)
        if not isinstance(item, int) or isinstance(item, bool) or item < 1:
            raise validation_error("services_catalogs_item_id is invalid")
        if not chat["archived"]:
            chat["archived"] = True
            chat["updated_at"] = iso(self._state.now())
            lists = self._state.chat_lists
            for queue in ("inbox", "mine", "in_attendance"):
                if chat_id in lists[queue]:
                    lists[queue].remove(chat_id)
            lists["archived"].insert(0, chat_id)
        return {}

    def gupshup_templates(
        self, *, offset: int = 1, limit: int = DEFAULT_LIMIT, integration_id: int | None = None
    ) -> Counted:
        return self._templates_of("gupshup", offset, limit, integration_id, None)

    def whatsapp_cloud_templates(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        integration_id: int | None = None,
        status: str | None = None,
    ) -> Counted:
        return self._templates_of("whatsapp_cloud", offset, limit, integration_id, status)

    def _templates_of(
        self, channel: str, offset: int, limit: int, integration_id: int | None, status: str | None
    ) -> Counted:
        checks = [field_is("integration_id", integration_id), field_is("status", status)]
        found = [item for item in self._templates[channel] if all(c(item) for c in checks if c is not None)]
        return Counted(page(found, offset, limit), len(found))

    def _chat(self, chat_id: int) -> Json:
        if chat_id not in self._state.chats:
            raise self._state.not_found("Chat")
        return self._state.chats[chat_id]


_TEXTS = ("message", "country_code", "name")
_IDS = ("template_id", "department_id", "ticket_number", "client_id")


def _check_types(body: Mapping[str, Any]) -> None:
    """What the API would refuse before looking at the values: wrong JSON types."""
    for key in _TEXTS:
        if key in body and not isinstance(body[key], str):
            raise validation_error(f"{key} is invalid")
    for key in _IDS:
        value = body.get(key, 1)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise validation_error(f"{key} is invalid")
    for key in ("parameters", "header_parameters"):
        value = body.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise validation_error(f"{key} is invalid")
    if not isinstance(body.get("archive", False), bool):
        raise validation_error("archive is invalid")


ROUTES = (
    Route("GET", "/chats/{chat_id:int}/messages", ConversationsArea.chat_messages, paged=True),
    Route("POST", "/chats/send_message", ConversationsArea.send_message, body="json"),
    Route("PUT", "/chats/{chat_id:int}", ConversationsArea.update_chat, body="json"),
    Route("PUT", "/chats/{chat_id:int}/archive", ConversationsArea.archive_chat, body="json", status=202),
    Route(
        "GET",
        "/templates/gupshup",
        ConversationsArea.gupshup_templates,
        {"integration_id": "integer"},
        paged=True,
    ),
    Route(
        "GET",
        "/templates/whatsapp_cloud",
        ConversationsArea.whatsapp_cloud_templates,
        {"integration_id": "integer", "status": "raw"},
        paged=True,
    ),
)
