"""Declared `structuredContent` of what a valued appointment on a ticket may reference."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, PersonRef


@with_config(DECLARED)
class ContractRider(TypedDict):
    id: int
    number: NotRequired[int]
    starts: NotRequired[str]
    cancelled: NotRequired[str]
    contract: NotRequired[PersonRef]


@with_config(DECLARED)
class ServiceTypes(TypedDict):
    riders: list[ContractRider]
    loose_services: list[PersonRef]


@with_config(DECLARED)
class TicketServiceTypes(TypedDict):
    number: int
    on: NotRequired[str]
    types: ServiceTypes


@with_config(DECLARED)
class TravelCharge(TypedDict):
    id: int
    name: NotRequired[str]
    scope: NotRequired[str]
    client: NotRequired[PersonRef]
    contract: NotRequired[PersonRef]


@with_config(DECLARED)
class TicketTravelCharges(TypedDict):
    number: int
    contract_id: NotRequired[int]
    charges: list[TravelCharge]


GetTicketServiceTypesOutput = TicketServiceTypes

GetTicketShiftsOutput = TicketTravelCharges
