"""Declared `structuredContent` of time entries beyond one ticket's appointments."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Page, PersonRef


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


ListPreAppointmentsOutput = TicketTimers
