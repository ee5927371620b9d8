"""Chats: one chat in full, and one page of any of the four chat queues."""

from __future__ import annotations

from dataclasses import dataclass, replace

from application.ports.chats import ChatsPort
from application.queries import ChatFilter
from domain.chats import Chat, ChatList
from domain.ids import ChatId
from domain.paging import Page, PageRequest


@dataclass(frozen=True)
class ShowChat:
    """One chat: who, through which channel, who attends it, its ticket, rating and last message."""

    chats: ChatsPort

    async def __call__(self, chat_id: ChatId) -> Chat:
        return await self.chats.get(chat_id)


@dataclass(frozen=True)
class ChatQueuePage:
    """A page of one queue, with the filters that were actually applied to it."""

    queue: ChatList
    query: ChatFilter
    page: Page[Chat]


@dataclass(frozen=True)
class ListChats:
    """One page of a chat queue (inbox, mine, in attendance, archived), filtered."""

    chats: ChatsPort

    async def __call__(self, queue: ChatList, query: ChatFilter, page: PageRequest) -> ChatQueuePage:
        applied = _applicable(queue, query)
        return ChatQueuePage(queue, applied, await self.chats.list(queue, applied, page))


def _applicable(queue: ChatList, query: ChatFilter) -> ChatFilter:
    """Drop the filters a queue does not have, so what is echoed is what was asked of TiFlux."""
    attending = queue is ChatList.IN_ATTENDANCE
    return replace(
        query,
        user_id=query.user_id if attending else None,
        status=query.status if attending else None,
        canceled=query.canceled if queue is ChatList.ARCHIVED else None,
        finished_at_start=query.finished_at_start if queue is ChatList.ARCHIVED else None,
        finished_at_end=query.finished_at_end if queue is ChatList.ARCHIVED else None,
    )
