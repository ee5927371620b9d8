"""What a valued appointment on a ticket may reference, as TiFlux lists it for that ticket."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from domain.ids import TicketNumber
from domain.valuation import ServiceTypes, TravelCharge


class TicketValuationPort(Protocol):
    async def service_types(self, number: TicketNumber, on: date | None) -> ServiceTypes:
        """The client's contract riders in force on `on` (TiFlux: today when None) and loose services."""
        ...

    async def travel_charges(self, number: TicketNumber, contract_id: int | None) -> Sequence[TravelCharge]:
        """The travel charges the ticket's appointments may use, narrowed to a contract when given."""
        ...
