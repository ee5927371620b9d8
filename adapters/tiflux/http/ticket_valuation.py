"""What a valued appointment on a ticket may reference, over HTTP."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.records import ticket_not_found
from adapters.tiflux.wire import parse_many, parse_one
from adapters.tiflux.wire.ticket_valuation import ServiceTypesWire, TravelChargeWire
from domain.ids import TicketNumber
from domain.valuation import ServiceTypes, TravelCharge


@dataclass(frozen=True)
class HttpTicketValuation:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def service_types(self, number: TicketNumber, on: date | None) -> ServiceTypes:
        payload = await self.client.get(
            self.api_key,
            api_path("tickets", number, "service-types"),
            query(date=on.isoformat() if on else None),
            not_found=ticket_not_found(number),
        )
        return parse_one(ServiceTypesWire, payload).to_domain()

    async def travel_charges(self, number: TicketNumber, contract_id: int | None) -> Sequence[TravelCharge]:
        payload = await self.client.get(
            self.api_key,
            api_path("tickets", number, "shifts"),
            query(contract_id=contract_id),
            not_found=ticket_not_found(number),
        )
        return tuple(item.to_domain() for item in parse_many(TravelChargeWire, payload))
