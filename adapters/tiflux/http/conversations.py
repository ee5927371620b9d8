"""Chats that act over HTTP: a chat's messages, archiving a chat, the WhatsApp templates."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.records import page_params
from adapters.tiflux.wire import parse_many
from adapters.tiflux.wire.conversations import ChatMessageWire, ChatUpdatedWire, TemplateWire
from domain.conversations import ChatChange, ChatMessage, MessageTemplate, OutgoingMessage, TemplateChannel
from domain.errors import PermissionDenied, Rejected
from domain.ids import ChatId
from domain.paging import Page, PageRequest

SEND_MESSAGE_PATH = "/chats/send_message"  # the API creates the chat on sending: no chat id in the path
TEMPLATES_PERMISSION = "manage_templates"  # "Gerenciar Modelos"
CHAT_UPDATE_PERMISSION = "chat_update"  # attending chats, and the channel's licence (WhatsApp)


@dataclass(frozen=True)
class HttpConversations:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def messages(self, chat_id: ChatId, page: PageRequest) -> Page[ChatMessage]:
        payload, total = await self.client.get_counted(
            self.api_key,
            api_path("chats", chat_id, "messages"),
            page_params(page),
            not_found=NotFoundAs("chat", str(chat_id)),
        )
        return Page(tuple(m.to_domain() for m in parse_many(ChatMessageWire, payload)), page, total=total)

    async def send(self, message: OutgoingMessage) -> None:
        body: dict[str, object] = {"number": int(message.number), "integration_id": message.integration_id}
        optional: dict[str, object | None] = {
            "message": message.text,
            "template_id": message.template_id,
            "country_code": message.country_code,
            "name": message.name,
            "department_id": message.department_id,
            "ticket_number": message.ticket_number,
            "client_id": message.client_id,
            "parameters": list(message.parameters) or None,
            "header_parameters": list(message.header_parameters) or None,
            "archive": True if message.archive else None,
        }
        body |= {key: value for key, value in optional.items() if value is not None}
        await self.client.write(
            self.api_key,
            "POST",
            SEND_MESSAGE_PATH,
            not_found=NotFoundAs("chat", ""),
            json=body,
        )

    async def update(self, chat_id: ChatId, change: ChatChange) -> datetime | None:
        body = {
            key: value
            for key, value in (
                ("user_id", change.user_id),
                ("department_id", change.department_id),
                ("ticket_number", change.ticket_number),
            )
            if value is not None
        }
        try:
            payload = await self.client.write(
                self.api_key,
                "PUT",
                api_path("chats", chat_id),
                not_found=NotFoundAs("chat", str(chat_id)),
                json=body,
            )
        except Rejected as rejected:  # an archived or cancelled chat, or an id TiFlux does not know
            raise dataclasses.replace(rejected, hint="chat_update") from None
        except PermissionDenied as denied:
            raise dataclasses.replace(denied, need=CHAT_UPDATE_PERMISSION) from None
        if not isinstance(payload, dict):
            return None
        return ChatUpdatedWire.model_validate(payload).updated_at

    async def archive(self, chat_id: ChatId, catalog_item_id: int | None) -> None:
        body = {} if catalog_item_id is None else {"services_catalogs_item_id": catalog_item_id}
        try:
            await self.client.write(
                self.api_key,
                "PUT",
                api_path("chats", chat_id, "archive"),
                not_found=NotFoundAs("chat", str(chat_id)),
                json=body,
            )
        except Rejected as rejected:  # most often: the organisation classifies chats by catalog item
            raise dataclasses.replace(rejected, hint="chat_catalog_item") from None

    async def templates(
        self, channel: TemplateChannel, page: PageRequest, *, integration_id: int | None, status: str | None
    ) -> Page[MessageTemplate]:
        params = page_params(page) | query(integration_id=integration_id, status=status)
        try:
            payload, total = await self.client.get_counted(
                self.api_key, api_path("templates", channel.value), params
            )
        except PermissionDenied as denied:
            raise dataclasses.replace(denied, need=TEMPLATES_PERMISSION) from None
        items = tuple(t.to_domain() for t in parse_many(TemplateWire, payload))
        return Page(items, page, total=total)
