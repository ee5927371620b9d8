"""Reports over many tickets (reports toolset, off by default; issue 18): declarations only."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from adapters.i18n.words import Words
from adapters.mcp.fields import EndMoment, IdList, StartMoment
from adapters.mcp.outputs.ticket_reports import GetTicketsFeedbackReportOutput
from adapters.mcp.spec import PagedInput, ToolSpec
from adapters.presenters.markdown.ticket_reports import present_feedback
from adapters.use_cases import UseCases
from application.queries import MAX_IDS_PER_FILTER
from application.use_cases.ticket_reports import CompareFeedback, FeedbackReport
from domain.errors import InvalidInput
from domain.ticket_reports import FeedbackFilter, Period, period

FROM = Words(pt="De (inclusive).", en="From (inclusive).")
UNTIL = Words(pt="Até (inclusive).", en="Until (inclusive).")


class FeedbackInput(PagedInput):
    start_date: Annotated[StartMoment, FROM]
    end_date: Annotated[EndMoment, UNTIL]
    compare_start_date: Annotated[
        StartMoment,
        Words(pt="Comparar de; padrão: o período anterior.", en="Compare from; default: the period before."),
    ] = None
    compare_end_date: Annotated[EndMoment, Words(pt="Comparar até.", en="Compare until.")] = None
    include_list: Annotated[bool, Words(pt="Listar os tickets avaliados.", en="List the rated tickets.")] = (
        False
    )
    responsible_ids: Annotated[IdList, Words(pt="Responsáveis.", en="Responsibles.")] = ()
    department_ids: Annotated[IdList, Words(pt="Departamentos.", en="Departments.")] = ()
    technical_group_ids: Annotated[IdList, Words(pt="Grupos técnicos.", en="Technical groups.")] = ()

    async def run(self, compare: CompareFeedback) -> FeedbackReport:
        current = period(
            _day(self.start_date, "start_date").date(),
            _day(self.end_date, "end_date").date(),
            start_field="start_date",
            end_field="end_date",
        )
        if (self.compare_start_date is None) != (self.compare_end_date is None):
            missing = "compare_end_date" if self.compare_end_date is None else "compare_start_date"
            raise InvalidInput(missing, "missing")
        previous: Period | None = None
        if self.compare_start_date is not None and self.compare_end_date is not None:
            previous = period(
                self.compare_start_date.date(),
                self.compare_end_date.date(),
                start_field="compare_start_date",
                end_field="compare_end_date",
            )
        for name in ("responsible_ids", "department_ids", "technical_group_ids"):
            received = len(getattr(self, name))
            if received > MAX_IDS_PER_FILTER:
                raise InvalidInput(name, "max_items", {"max": MAX_IDS_PER_FILTER, "received": received})
        filters = FeedbackFilter(self.responsible_ids, self.department_ids, self.technical_group_ids)
        return await compare(current, previous, filters, self.page() if self.include_list else None)


def _day(moment: datetime | None, field: str) -> datetime:
    if moment is None:
        raise InvalidInput(field, "missing")
    return moment


GET_TICKETS_FEEDBACK_REPORT = ToolSpec(
    name="get_tickets_feedback_report",
    title=Words(pt="Satisfação com os tickets", en="Ticket satisfaction report"),
    description=Words(
        pt="Notas dos clientes nos tickets de um período comparadas com outro (Δ), e os tickets avaliados "
        "com comentários. Exige administrador ou permissão de relatórios.",
        en="Customers' ratings of a period's tickets compared with another period (Δ), and the rated "
        "tickets with comments. Needs an administrator or the reports permission.",
    ),
    input_model=FeedbackInput,
    output_model=GetTicketsFeedbackReportOutput,
    use_case=UseCases.compare_ticket_feedback,
    run=FeedbackInput.run,
    present=present_feedback,
    read_only=True,
    toolset="reports",
)

TICKET_REPORT_TOOLS = (GET_TICKETS_FEEDBACK_REPORT,)

__all__ = ["GET_TICKETS_FEEDBACK_REPORT", "TICKET_REPORT_TOOLS"]
