"""Chats that act: read a chat's transcript, end a chat, list the templates a message can use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from application.concurrently import concurrently
from application.ports.conversations import ConversationsPort
from application.resolvers import DEPARTMENT, RESPONSIBLE, References, decisions
from domain.conversations import (
    ChatArchived,
    ChatChange,
    ChatMessage,
    MessageSent,
    MessageTemplate,
    OutgoingMessage,
    TemplateChannel,
)
from domain.errors import InvalidInput
from domain.ids import ChatId, DepartmentId, UserId
from domain.paging import Page, PageRequest
from domain.resolution import Decision, Reference

UPDATABLE_CHAT_FIELDS = ("user_id", "user_name", "department_id", "department_name", "ticket_number")


@dataclass(frozen=True)
class ChatMessages:
    """A page of one chat's transcript."""

    chat_id: ChatId
    page: Page[ChatMessage]


@dataclass(frozen=True)
class ListChatMessages:
    """One page of what was said in a chat, oldest first."""

    conversations: ConversationsPort

    async def __call__(self, chat_id: ChatId, page: PageRequest) -> ChatMessages:
        return ChatMessages(chat_id, await self.conversations.messages(chat_id, page))


@dataclass(frozen=True)
class SendMessage:
    """Send a WhatsApp message (text or template) to a customer, once."""

    conversations: ConversationsPort

    async def __call__(self, message: OutgoingMessage) -> MessageSent:
        await self.conversations.send(message)
        return MessageSent(message)


@dataclass(frozen=True)
class ArchiveChat:
    """End a conversation: the chat leaves the queues for the archive."""

    conversations: ConversationsPort

    async def __call__(self, chat_id: ChatId, catalog_item_id: int | None = None) -> ChatArchived:
        await self.conversations.archive(chat_id, catalog_item_id)
        return ChatArchived(chat_id, catalog_item_id)


@dataclass(frozen=True)
class TemplatePage:
    """A page of one channel's templates, with the filters asked of TiFlux."""

    channel: TemplateChannel
    integration_id: int | None
    status: str | None
    page: Page[MessageTemplate]


@dataclass(frozen=True)
class ListTemplates:
    """One page of the WhatsApp templates of a channel (Gupshup or WhatsApp Cloud)."""

    conversations: ConversationsPort

    async def __call__(
        self,
        channel: TemplateChannel,
        page: PageRequest,
        *,
        integration_id: int | None = None,
        status: str | None = None,
    ) -> TemplatePage:
        found = await self.conversations.templates(
            channel, page, integration_id=integration_id, status=status
        )
        return TemplatePage(channel, integration_id, status, found)


@dataclass(frozen=True)
class ChatUpdated:
    """What was sent to an active chat, what each name became, and when TiFlux says it changed."""

    chat_id: ChatId
    change: ChatChange
    updated_at: datetime | None = None
    decisions: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class UpdateChat:
    """Transfer an active chat to an attendant and/or a department (by ID or name) and/or link a ticket.

    Nothing to change is refused before any request; the names are looked up together, then one PUT.
    """

    conversations: ConversationsPort
    references: References

    async def __call__(
        self,
        chat_id: ChatId,
        user: Reference[UserId],
        department: Reference[DepartmentId],
        ticket_number: int | None,
    ) -> ChatUpdated:
        if not user.given and not department.given and ticket_number is None:
            raise InvalidInput("id", "nothing_to_update", {"fields": ", ".join(UPDATABLE_CHAT_FIELDS)})
        attendant, place = await concurrently(
            self.references.resolve(RESPONSIBLE, user, None),
            self.references.resolve(DEPARTMENT, department, None),
        )
        change = ChatChange(attendant.id, place.id, ticket_number)
        updated_at = await self.conversations.update(chat_id, change)
        return ChatUpdated(chat_id, change, updated_at, decisions(attendant, place))
