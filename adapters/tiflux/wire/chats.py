"""Chats as the API sends them."""

from __future__ import annotations

from typing import Any

from adapters.tiflux.wire.base import Named, Timestamp, WireModel
from domain.chats import Chat
from domain.ids import ChatId, TicketNumber


class ChatWire(WireModel):
    id: int
    origin: str | None = None
    client: Named | None = None
    requestor: Named | None = None
    department: Named | None = None
    responsible: Named | None = None
    online: bool = False
    waiting_answer: bool = False
    started_by: str | None = None
    room: str | None = None
    archived: bool = False
    canceled: bool = False
    assessment: int | None = None
    ticket: dict[str, Any] | None = None
    status: str | None = None
    created_at: Timestamp = None
    updated_at: Timestamp = None
    assumed_at: Timestamp = None
    last_client_message: str | None = None

    def to_domain(self) -> Chat:
        number = (self.ticket or {}).get("number")
        return Chat(
            id=ChatId(self.id),
            origin=self.origin,
            client=self.client.to_ref() if self.client else None,
            requestor=self.requestor.to_ref() if self.requestor else None,
            department=self.department.to_ref() if self.department else None,
            responsible=self.responsible.to_ref() if self.responsible else None,
            online=self.online,
            waiting_answer=self.waiting_answer,
            started_by=self.started_by,
            room=self.room,
            archived=self.archived,
            canceled=self.canceled,
            rating=self.assessment,
            ticket=TicketNumber(number) if isinstance(number, int) and number > 0 else None,
            ticket_title=_title((self.ticket or {}).get("title")),
            status=self.status,
            created_at=self.created_at,
            updated_at=self.updated_at,
            assumed_at=self.assumed_at,
            last_client_message=self.last_client_message,
        )


def _title(value: Any) -> str | None:
    """The linked ticket's title: text (a number as text); anything else is no title."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value).strip() or None
