"""Declared `structuredContent` of get_chat and the four chat queues."""

from __future__ import annotations

from typing import Literal

from adapters.mcp.outputs.common import Output, PageRequest, PersonRef


class Chat(Output):
    id: int
    origin: str | None = None
    client: PersonRef | None = None
    requestor: PersonRef | None = None
    department: PersonRef | None = None
    responsible: PersonRef | None = None
    online: bool
    waiting_answer: bool
    started_by: str | None = None
    room: str | None = None
    archived: bool
    canceled: bool
    rating: int | None = None
    ticket: int | None = None
    status: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    assumed_at: str | None = None
    last_client_message: str | None = None


class ChatFilter(Output):
    department_id: int | None = None
    client_id: int | None = None
    requestor_id: int | None = None
    number: str | None = None
    origins: list[str] | None = None
    started_by: str | None = None
    user_id: int | None = None
    status: str | None = None
    canceled: bool | None = None


class ChatPage(Output):
    items: list[Chat] | None = None
    request: PageRequest


class ChatQueuePage(Output):
    queue: Literal["inbox", "mine", "in_attendance", "archived"]
    query: ChatFilter | None = None
    page: ChatPage


GetChatOutput = Chat

ChatQueueOutput = ChatQueuePage  # the four queues: list_inbox_chats, list_my_chats, …
