"""Declared `structuredContent` of time entries beyond one ticket's appointments."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Page, PersonRef
from adapters.mcp.outputs.records import Valorization
from adapters.mcp.outputs.ticket_writes import NameDecision


@with_config(DECLARED)
class PreAppointment(TypedDict):
    id: int
    day: NotRequired[str]
    starts: NotRequired[str]
    ends: NotRequired[str]
    user: NotRequired[PersonRef]


@with_config(DECLARED)
class TicketTimers(TypedDict):
    number: int
    page: Page[PreAppointment]


@with_config(DECLARED)
class TicketRef(TypedDict):
    number: NotRequired[int]
    title: NotRequired[str]


@with_config(DECLARED)
class OrgAppointment(TypedDict):
    id: int
    day: NotRequired[str]
    starts: NotRequired[str]
    ends: NotRequired[str]
    description: NotRequired[str]
    user: NotRequired[PersonRef]
    client: NotRequired[PersonRef]
    desk: NotRequired[PersonRef]
    ticket: NotRequired[TicketRef]
    executor: NotRequired[str]
    valorization: NotRequired[Valorization]
    travel_of: NotRequired[TicketRef]


@with_config(DECLARED)
class AppointmentQuery(TypedDict):
    start: str
    end: str
    user_ids: NotRequired[list[int]]
    desk_ids: NotRequired[list[int]]
    with_values: bool


@with_config(DECLARED)
class OrgAppointments(TypedDict):
    query: AppointmentQuery
    page: Page[OrgAppointment]
    decisions: NotRequired[list[NameDecision]]


ListAppointmentsGlobalOutput = OrgAppointments

ListPreAppointmentsOutput = TicketTimers


@with_config(DECLARED)
class Totals(TypedDict):
    entries: int
    minutes: int
    value: str
    manual_value: str


@with_config(DECLARED)
class DeskTotals(TypedDict):
    desk: NotRequired[PersonRef]
    totals: Totals


@with_config(DECLARED)
class TechnicianTotals(TypedDict):
    user: NotRequired[PersonRef]
    totals: Totals
    desks: list[DeskTotals]


@with_config(DECLARED)
class AppointmentsReport(TypedDict):
    query: AppointmentQuery
    totals: Totals
    technicians: list[TechnicianTotals]
    per_desk: bool
    partial: bool
    decisions: NotRequired[list[NameDecision]]


ListAppointmentsReportOutput = AppointmentsReport
