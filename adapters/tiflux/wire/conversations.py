"""Chat messages and WhatsApp templates as the API sends them."""

from __future__ import annotations

from typing import Any

from adapters.tiflux.wire.base import Timestamp, WireModel
from domain.conversations import ChatMessage, Delivery, MessageTemplate


class _Author(WireModel):
    type: str | None = None
    name: str | None = None


class _Media(WireModel):
    content_type: str | None = None
    caption: str | None = None


class _Status(WireModel):
    sent: bool = False
    delivered: bool = False
    read: bool = False
    failed: bool = False

    def delivery(self) -> Delivery | None:
        for state, reached in (
            (Delivery.FAILED, self.failed),
            (Delivery.READ, self.read),
            (Delivery.DELIVERED, self.delivered),
            (Delivery.SENT, self.sent),
        ):
            if reached:
                return state
        return None


class _Quoted(WireModel):
    text: str | None = None
    type: str | None = None


class ChatMessageWire(WireModel):
    id: int | None = None
    type: str | None = None
    author: _Author | None = None
    text: str | None = None
    media: _Media | None = None
    status: _Status | None = None
    quoted_message: _Quoted | None = None
    created_at: Timestamp = None

    def to_domain(self) -> ChatMessage:
        author, media, quoted = self.author, self.media, self.quoted_message
        return ChatMessage(
            id=self.id,
            author_role=author.type if author else None,
            author_name=author.name if author else None,
            created_at=self.created_at,
            kind=self.type,
            text=self.text,
            media_type=media.content_type if media else None,
            caption=media.caption if media else None,
            has_media=media is not None,
            delivery=self.status.delivery() if self.status else None,
            quoted_text=quoted.text if quoted else None,
            quoted_kind=quoted.type if quoted else None,
        )


class TemplateWire(WireModel):
    id: int
    name: str | None = None
    status: str | None = None
    category: str | None = None
    content: str | None = None  # Gupshup
    body: dict[str, Any] | None = None  # WhatsApp Cloud: {"text": ...}
    integration_id: int | None = None
    language: str | None = None
    template_id: str | None = None  # WhatsApp Cloud: Meta's id

    def to_domain(self) -> MessageTemplate:
        body_text = (self.body or {}).get("text")
        return MessageTemplate(
            id=self.id,
            name=self.name,
            status=self.status,
            category=self.category,
            content=self.content
            if self.content is not None
            else body_text
            if isinstance(body_text, str)
            else None,
            integration_id=self.integration_id,
            language=self.language,
            meta_id=self.template_id,
        )


class ChatUpdatedWire(WireModel):
    """The answer to `PUT /chats/{id}`: only `updated_at` is read (its real shape is not known)."""

    updated_at: Timestamp = None
