"""What is said in a chat, and the WhatsApp message templates a chat can be started with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from domain.ids import ChatId


class Delivery(Enum):
    """How far an outgoing message got (the furthest state wins; a failure over all)."""

    FAILED = "failed"
    READ = "read"
    DELIVERED = "delivered"
    SENT = "sent"


@dataclass(frozen=True)
class ChatMessage:
    """One message of a chat's transcript; `text` and `caption` are what a person wrote (untrusted)."""

    id: int | None
    author_role: str | None  # client, attendant, system, ai (others kept as they come); None: unknown
    author_name: str | None
    created_at: datetime | None
    kind: str | None  # text, image, sticker, revoked, interactive…
    text: str | None
    media_type: str | None = None
    caption: str | None = None
    has_media: bool = False
    delivery: Delivery | None = None
    quoted_text: str | None = None
    quoted_kind: str | None = None


@dataclass(frozen=True)
class MessageTemplate:
    """A WhatsApp template (Gupshup or WhatsApp Cloud); its `id` is what `send_message` takes."""

    id: int
    name: str | None
    status: str | None
    category: str | None
    content: str | None
    integration_id: int | None = None
    language: str | None = None
    meta_id: str | None = None  # WhatsApp Cloud only: Meta's own id of the template


class TemplateChannel(Enum):
    GUPSHUP = "gupshup"
    WHATSAPP_CLOUD = "whatsapp_cloud"


@dataclass(frozen=True)
class OutgoingMessage:
    """A WhatsApp message to send: free text or an approved template (never both), to one number."""

    number: str  # digits with country and area code
    integration_id: int
    text: str | None = None
    template_id: int | None = None
    country_code: str | None = None
    name: str | None = None
    department_id: int | None = None
    ticket_number: int | None = None
    client_id: int | None = None
    parameters: tuple[str, ...] = ()
    header_parameters: tuple[str, ...] = ()
    archive: bool = False


@dataclass(frozen=True)
class MessageSent:
    """What was sent (the API's answer is not read: its shape is not known)."""

    message: OutgoingMessage


@dataclass(frozen=True)
class ChatArchived:
    """A chat TiFlux accepted to archive (end); the API may finish it a moment later."""

    chat_id: ChatId
    catalog_item_id: int | None = None  # the service catalog item that classifies the chat


@dataclass(frozen=True)
class ChatChange:
    """What `PUT /chats/{id}` changes: the attendant, the department, the linked ticket (any of them)."""

    user_id: int | None = None
    department_id: int | None = None
    ticket_number: int | None = None

    @property
    def empty(self) -> bool:
        return self.user_id is None and self.department_id is None and self.ticket_number is None
