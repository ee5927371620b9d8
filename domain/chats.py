"""Chats: first contact through WhatsApp, the site widget and other channels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from domain.ids import ChatId, TicketNumber
from domain.people import PersonRef


class ChatOrigin(Enum):
    CHAT = "chat"
    SITE_WIDGET = "site_widget"
    CAMPAIGN = "campaign"
    WHATSAPP = "whatsapp"
    WHATSAPP_WEB = "whatsapp_web"
    GUPSHUP = "gupshup"
    WHATSAPP_CLOUD = "whatsapp_cloud"


class ChatStarter(Enum):
    CLIENT = "Client"
    ATTENDANT = "Attendant"
    CAMPAIGN = "Campaign"
    API = "API"


class ChatList(Enum):
    """The four chat queues the API exposes."""

    INBOX = "inbox"
    MINE = "mine"
    IN_ATTENDANCE = "in_attendance"
    ARCHIVED = "archived"


@dataclass(frozen=True)
class Chat:
    id: ChatId
    origin: str | None = None
    client: PersonRef | None = None
    requestor: PersonRef | None = None
    department: PersonRef | None = None
    responsible: PersonRef | None = None
    online: bool = False
    waiting_answer: bool = False
    started_by: str | None = None
    room: str | None = None
    archived: bool = False
    canceled: bool = False
    rating: int | None = None
    ticket: TicketNumber | None = None
    ticket_title: str | None = None  # as TiFlux gives it (v2.42); written by people
    status: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    assumed_at: datetime | None = None
    last_client_message: str | None = None
