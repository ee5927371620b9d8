"""Declared `structuredContent` of the tools on chats that act: transcripts, archiving, templates."""

from __future__ import annotations

from typing import Literal, NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Page, User
from adapters.mcp.outputs.requestors import Department


@with_config(DECLARED)
class ChatMessage(TypedDict):
    id: NotRequired[int]
    author_role: NotRequired[str]
    author_name: NotRequired[str]
    created_at: NotRequired[str]
    kind: NotRequired[str]
    text: NotRequired[str]
    media_type: NotRequired[str]
    caption: NotRequired[str]
    has_media: bool
    delivery: NotRequired[Literal["failed", "read", "delivered", "sent"]]
    quoted_text: NotRequired[str]
    quoted_kind: NotRequired[str]


@with_config(DECLARED)
class ChatMessages(TypedDict):
    chat_id: int
    page: Page[ChatMessage]


@with_config(DECLARED)
class MessageTemplate(TypedDict):
    id: int
    name: NotRequired[str]
    status: NotRequired[str]
    category: NotRequired[str]
    content: NotRequired[str]
    integration_id: NotRequired[int]
    language: NotRequired[str]
    meta_id: NotRequired[str]


@with_config(DECLARED)
class TemplatePage(TypedDict):
    channel: Literal["gupshup", "whatsapp_cloud"]
    integration_id: NotRequired[int]
    status: NotRequired[str]
    page: Page[MessageTemplate]


@with_config(DECLARED)
class OutgoingMessage(TypedDict):
    number: str
    integration_id: int
    text: NotRequired[str]
    template_id: NotRequired[int]
    country_code: NotRequired[str]
    name: NotRequired[str]
    department_id: NotRequired[int]
    ticket_number: NotRequired[int]
    client_id: NotRequired[int]
    parameters: NotRequired[list[str]]
    header_parameters: NotRequired[list[str]]
    archive: bool


@with_config(DECLARED)
class MessageSent(TypedDict):
    message: OutgoingMessage


@with_config(DECLARED)
class ChatArchived(TypedDict):
    chat_id: int
    catalog_item_id: NotRequired[int]


@with_config(DECLARED)
class ChatChange(TypedDict):
    user_id: NotRequired[int]
    department_id: NotRequired[int]
    ticket_number: NotRequired[int]


@with_config(DECLARED)
class ChatDecision(TypedDict):
    # What a name became (no docstring: it would become the schema's description).
    field: str
    term: str
    record: User | Department
    picked: bool


@with_config(DECLARED)
class ChatUpdated(TypedDict):
    chat_id: int
    change: ChatChange
    updated_at: NotRequired[str]
    decisions: NotRequired[list[ChatDecision]]


ListChatMessagesOutput = ChatMessages
ListTemplatesOutput = TemplatePage
ArchiveChatOutput = ChatArchived
SendMessageOutput = MessageSent
UpdateChatOutput = ChatUpdated
