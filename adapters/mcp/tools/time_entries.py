"""Time entries beyond one ticket's appointments (records area, issue 18): declarations only."""

from __future__ import annotations

from adapters.i18n.words import Words
from adapters.mcp.fields import TicketNumberArg
from adapters.mcp.outputs.time_entries import ListPreAppointmentsOutput
from adapters.mcp.spec import PagedInput, ToolSpec
from adapters.presenters.markdown.time_entries import present_timers
from adapters.use_cases import UseCases
from application.use_cases.time_entries import ListPreAppointments, TicketTimers


class TimersInput(PagedInput):
    ticket_number: TicketNumberArg

    async def run(self, list_timers: ListPreAppointments) -> TicketTimers:
        return await list_timers(self.ticket_number, self.page())


LIST_PRE_APPOINTMENTS = ToolSpec(
    name="list_pre_appointments",
    title=Words(pt="Pré-apontamentos do ticket", en="Ticket timers"),
    description=Words(
        pt="Cronômetros do ticket ainda não parados (pré-apontamentos).",
        en="The ticket's timers not yet stopped (pre-appointments).",
    ),
    input_model=TimersInput,
    output_model=ListPreAppointmentsOutput,
    use_case=UseCases.list_pre_appointments,
    run=TimersInput.run,
    present=present_timers,
    read_only=True,
    toolset="records",
)

TIME_ENTRY_TOOLS = (LIST_PRE_APPOINTMENTS,)

__all__ = ["LIST_PRE_APPOINTMENTS", "TIME_ENTRY_TOOLS"]
