"""What a valued appointment on a ticket may reference: service types and travel charges (tickets area,
issue 18): declarations only."""

from __future__ import annotations

from typing import Annotated

from adapters.i18n.words import Words
from adapters.mcp.fields import PastDayOrNone, PositiveId, TicketNumberArg
from adapters.mcp.outputs.ticket_valuation import GetTicketServiceTypesOutput, GetTicketShiftsOutput
from adapters.mcp.spec import ToolInput, ToolSpec
from adapters.presenters.markdown.ticket_valuation import present_service_types, present_travel_charges
from adapters.use_cases import UseCases
from application.use_cases.ticket_valuation import (
    ListServiceTypes,
    ListTravelCharges,
    TicketServiceTypes,
    TicketTravelCharges,
)


class ServiceTypesInput(ToolInput):
    ticket_number: TicketNumberArg
    date: Annotated[PastDayOrNone, Words(pt="Data-base; padrão hoje.", en="As of; default today.")] = None

    async def run(self, list_types: ListServiceTypes) -> TicketServiceTypes:
        return await list_types(self.ticket_number, self.date)


class ShiftsInput(ToolInput):
    ticket_number: TicketNumberArg
    contract_id: Annotated[PositiveId | None, Words(pt="Só deste contrato.", en="This contract's only.")] = (
        None
    )

    async def run(self, list_charges: ListTravelCharges) -> TicketTravelCharges:
        return await list_charges(self.ticket_number, self.contract_id)


GET_TICKET_SERVICE_TYPES = ToolSpec(
    name="get_ticket_service_types",
    title=Words(pt="Tipos de atendimento do ticket", en="Ticket service types"),
    description=Words(
        pt="Aditivos de contrato em vigor e serviços avulsos para apontamento valorizado.",
        en="Contract riders in force and loose services, for a valued appointment.",
    ),
    input_model=ServiceTypesInput,
    output_model=GetTicketServiceTypesOutput,
    use_case=UseCases.list_service_types,
    run=ServiceTypesInput.run,
    present=present_service_types,
    read_only=True,
)

GET_TICKET_SHIFTS = ToolSpec(
    name="get_ticket_shifts",
    title=Words(pt="Deslocamentos do ticket", en="Ticket travel charges"),
    description=Words(
        pt="Deslocamentos que um apontamento valorizado do ticket pode usar.",
        en="Travel charges a valued appointment on the ticket can use.",
    ),
    input_model=ShiftsInput,
    output_model=GetTicketShiftsOutput,
    use_case=UseCases.list_travel_charges,
    run=ShiftsInput.run,
    present=present_travel_charges,
    read_only=True,
)

TICKET_VALUATION_TOOLS = (GET_TICKET_SERVICE_TYPES, GET_TICKET_SHIFTS)

__all__ = ["GET_TICKET_SERVICE_TYPES", "GET_TICKET_SHIFTS", "TICKET_VALUATION_TOOLS"]
