"""Cancelling and closing tickets: say which ticket, from which status, and never finish one twice."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from application.ports.tickets import TicketsPort
from domain.ids import TicketNumber
from domain.tickets import Ticket


class Finish(Enum):
    CANCEL = "cancel"
    CLOSE = "close"


@dataclass(frozen=True)
class TicketFinished:
    """`before` is the ticket as it was; `already` says nothing was sent because it was finished."""

    how: Finish
    before: Ticket
    message: str | None = None
    already: bool = False


@dataclass(frozen=True)
class FinishTicket:
    """Cancel or close a ticket that is still open."""

    tickets: TicketsPort

    async def __call__(self, number: TicketNumber, how: Finish) -> TicketFinished:
        before = await self.tickets.get(number)
        if before.is_closed:
            return TicketFinished(how, before, already=True)
        send = self.tickets.cancel if how is Finish.CANCEL else self.tickets.close
        return TicketFinished(how, before, await send(number))
