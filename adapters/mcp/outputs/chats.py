"""Declared `structuredContent` of get_chat and the four chat queues."""

from __future__ import annotations

from typing import Literal, NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Page, PersonRef


@with_config(DECLARED)
class Chat(TypedDict):
    id: int
    origin: NotRequired[str]
    client: NotRequired[PersonRef]
    requestor: NotRequired[PersonRef]
    department: NotRequired[PersonRef]
    responsible: NotRequired[PersonRef]
    online: bool
    waiting_answer: bool
    started_by: NotRequired[str]
    room: NotRequired[str]
    archived: bool
    canceled: bool
    rating: NotRequired[int]
    ticket: NotRequired[int]
    ticket_title: NotRequired[str]
    status: NotRequired[str]
    created_at: NotRequired[str]
    updated_at: NotRequired[str]
    assumed_at: NotRequired[str]
    last_client_message: NotRequired[str]


@with_config(DECLARED)
class ChatFilter(TypedDict):
    department_id: NotRequired[int]
    client_id: NotRequired[int]
    requestor_id: NotRequired[int]
    number: NotRequired[str]
    origins: NotRequired[list[str]]
    started_by: NotRequired[str]
    user_id: NotRequired[int]
    status: NotRequired[str]
    canceled: NotRequired[bool]
    created_at_start: NotRequired[str]
    created_at_end: NotRequired[str]
    finished_at_start: NotRequired[str]
    finished_at_end: NotRequired[str]


@with_config(DECLARED)
class ChatQueuePage(TypedDict):
    queue: Literal["inbox", "mine", "in_attendance", "archived"]
    query: NotRequired[ChatFilter]
    page: Page[Chat]


GetChatOutput = Chat

ChatQueueOutput = ChatQueuePage  # the four queues: list_inbox_chats, list_my_chats, …
