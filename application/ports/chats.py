"""The chats area of TiFlux."""

from __future__ import annotations

from typing import Protocol

from application.queries import ChatFilter
from domain.chats import Chat, ChatList
from domain.ids import ChatId
from domain.paging import Page, PageRequest


class ChatsPort(Protocol):
    """Reads chats and the four chat queues."""

    async def get(self, chat_id: ChatId) -> Chat:
        """One chat; NotFound if absent."""
        ...

    async def list(self, queue: ChatList, query: ChatFilter, page: PageRequest) -> Page[Chat]:
        """One page of a chat queue (inbox, mine, in attendance, archived)."""
        ...
