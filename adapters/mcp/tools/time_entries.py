"""Time entries beyond one ticket's appointments (records area, issue 18): declarations only."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from adapters.i18n.words import Words
from adapters.mcp.fields import EndMoment, IdList, StartMoment, TicketNumberArg
from adapters.mcp.outputs.time_entries import (
    ListAppointmentsGlobalOutput,
    ListAppointmentsReportOutput,
    ListPreAppointmentsOutput,
)
from adapters.mcp.references import DeskName, reference
from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.time_entries import (
    present_appointments_report,
    present_org_appointments,
    present_timers,
)
from adapters.use_cases import UseCases
from application.queries import MAX_IDS_PER_FILTER
from application.use_cases.time_entries import (
    AppointmentsReport,
    ListOrgAppointments,
    ListPreAppointments,
    OrgAppointments,
    ReportAppointments,
    TicketTimers,
)
from domain.errors import InvalidInput
from domain.ids import DeskId, UserId
from domain.resolution import Reference
from domain.time_entries import AppointmentQuery


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


class PeriodAndPeople(ToolInput):
    start_date: Annotated[StartMoment, Words(pt="De (inclusive).", en="From (inclusive).")]
    end_date: Annotated[EndMoment, Words(pt="Até (inclusive).", en="Until (inclusive).")]
    user_ids: Annotated[IdList, Words(pt="Técnicos.", en="Technicians.")] = ()
    user_name: Annotated[
        str | None,
        Field(min_length=1, max_length=200),
        Words(pt="Técnico, nome ou e-mail.", en="Technician, name or e-mail."),
    ] = None
    desk_ids: Annotated[IdList, Words(pt="Mesas.", en="Desks.")] = ()
    desk_name: DeskName = None
    include_valorization: Annotated[bool, Words(pt="Com valores.", en="With values.")] = False

    def query(self) -> AppointmentQuery:
        """The period and filters, checked before any request (dates present, at most 15 IDs each)."""
        if self.start_date is None:
            raise InvalidInput("start_date", "missing")
        if self.end_date is None:
            raise InvalidInput("end_date", "missing")
        for name in ("user_ids", "desk_ids"):
            received = len(getattr(self, name))
            if received > MAX_IDS_PER_FILTER:
                raise InvalidInput(name, "max_items", {"max": MAX_IDS_PER_FILTER, "received": received})
        return AppointmentQuery(
            start=self.start_date.date(),
            end=self.end_date.date(),
            user_ids=self.user_ids,
            desk_ids=self.desk_ids,
            with_values=self.include_valorization,
        )

    def user(self) -> Reference[UserId]:
        return reference(UserId, self, "user_id", "user_name")

    def desk(self) -> Reference[DeskId]:
        return reference(DeskId, self, "desk_id", "desk_name")

    async def report(self, report: ReportAppointments) -> AppointmentsReport:
        return await report(self.query(), self.user(), self.desk())


class OrgAppointmentsInput(PeriodAndPeople, PagedInput):
    async def run(self, list_entries: ListOrgAppointments) -> OrgAppointments:
        return await list_entries(self.query(), self.user(), self.desk(), self.page())


LIST_APPOINTMENTS_GLOBAL = ToolSpec(
    name="list_appointments_global",
    title=Words(pt="Apontamentos da organização", en="Organisation's appointments"),
    description=Words(
        pt="Apontamentos de todos num período, por técnico e mesa. De um ticket: list_appointments.",
        en="Everyone's appointments in a period, per technician and desk. One ticket's: list_appointments.",
    ),
    input_model=OrgAppointmentsInput,
    output_model=ListAppointmentsGlobalOutput,
    use_case=UseCases.list_org_appointments,
    run=OrgAppointmentsInput.run,
    present=present_org_appointments,
    read_only=True,
    toolset="records",
)

LIST_APPOINTMENTS_REPORT = ToolSpec(
    name="list_appointments_report",
    title=Words(pt="Relatório de apontamentos", en="Appointments report"),
    description=Words(
        pt="Soma os apontamentos de um período por técnico (e por mesa, se informadas): quantos, horas e "
        "valores, com o valor manual à parte. Lê todas as páginas.",
        en="Sums a period's appointments per technician (and per desk, when given): how many, hours and "
        "values, the manual value apart. Reads every page.",
    ),
    input_model=PeriodAndPeople,
    output_model=ListAppointmentsReportOutput,
    use_case=UseCases.report_appointments,
    run=PeriodAndPeople.report,
    present=present_appointments_report,
    read_only=True,
    toolset="reports",
)

TIME_ENTRY_TOOLS = (LIST_PRE_APPOINTMENTS, LIST_APPOINTMENTS_GLOBAL)
TIME_ENTRY_REPORTS = (LIST_APPOINTMENTS_REPORT,)

__all__ = [
    "LIST_APPOINTMENTS_GLOBAL",
    "LIST_APPOINTMENTS_REPORT",
    "LIST_PRE_APPOINTMENTS",
    "TIME_ENTRY_REPORTS",
    "TIME_ENTRY_TOOLS",
]
