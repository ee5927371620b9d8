"""Listing what a valued appointment on a ticket may reference (the IDs create_appointment takes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from application.ports.ticket_valuation import TicketValuationPort
from domain.ids import TicketNumber
from domain.valuation import ServiceTypes, TravelCharge


@dataclass(frozen=True)
class TicketServiceTypes:
    number: TicketNumber
    on: date | None
    types: ServiceTypes


@dataclass(frozen=True)
class ListServiceTypes:
    """The contract riders in force on a day and the loose services of the ticket's client."""

    valuation: TicketValuationPort

    async def __call__(self, number: TicketNumber, on: date | None) -> TicketServiceTypes:
        return TicketServiceTypes(number, on, await self.valuation.service_types(number, on))


@dataclass(frozen=True)
class TicketTravelCharges:
    number: TicketNumber
    contract_id: int | None
    charges: tuple[TravelCharge, ...]


@dataclass(frozen=True)
class ListTravelCharges:
    """The travel charges a valued appointment on the ticket may use."""

    valuation: TicketValuationPort

    async def __call__(self, number: TicketNumber, contract_id: int | None) -> TicketTravelCharges:
        charges = tuple(await self.valuation.travel_charges(number, contract_id))
        return TicketTravelCharges(number, contract_id, charges)
