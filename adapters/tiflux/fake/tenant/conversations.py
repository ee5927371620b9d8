"""Chats that act: a chat's messages, archiving a chat, and the WhatsApp templates (v2.42 §1, §4, §6, §7)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Counted, Json
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
        self._templates: dict[str, list[Json]] = {
            "gupshup": state.tables["templates_gupshup"],
            "whatsapp_cloud": state.tables["templates_whatsapp_cloud"],
        }

    def chat_messages(self, chat_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> list[Json]:
        self._chat(chat_id)
        return page(self._messages.get(chat_id, []), offset, limit)

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


ROUTES = (
    Route("GET", "/chats/{chat_id:int}/messages", ConversationsArea.chat_messages, paged=True),
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
