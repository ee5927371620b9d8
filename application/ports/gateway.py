"""One tenant's view of TiFlux: every area port, bound to one credential."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from application.ports.agents import AgentsPort, TechnicalGroupsPort
from application.ports.chats import ChatsPort
from application.ports.conversations import ConversationsPort
from application.ports.custom_fields import CustomFieldsPort
from application.ports.desks import DesksPort
from application.ports.knowledge import KnowledgePort
from application.ports.people import PeoplePort
from application.ports.record_changes import CommunicationChangesPort
from application.ports.records import AppointmentsPort, CommunicationsPort, FilesPort, StageHistoryPort
from application.ports.requestors import DepartmentsPort, RequestorsPort, TechnicalUsersPort
from application.ports.ticket_activity import TicketActivityPort
from application.ports.ticket_files import TicketFilesPort
from application.ports.ticket_valuation import TicketValuationPort
from application.ports.tickets import TicketsPort
from application.ports.time_entries import TimeEntriesPort

if TYPE_CHECKING:  # an opt-in area's port: imported with its adapter, on first use
    from application.ports.catalogs import CatalogsPort
    from application.ports.equipment import EquipmentPort
    from application.ports.finance import FinancePort
    from application.ports.ticket_reports import TicketReportsPort


class TifluxGateway(Protocol):
    """The ports of one TiFlux account; built per credential by the composition root."""

    @property
    def tickets(self) -> TicketsPort: ...

    @property
    def desks(self) -> DesksPort: ...

    @property
    def people(self) -> PeoplePort: ...

    @property
    def communications(self) -> CommunicationsPort: ...

    @property
    def files(self) -> FilesPort: ...

    @property
    def stage_history(self) -> StageHistoryPort: ...

    @property
    def appointments(self) -> AppointmentsPort: ...

    @property
    def chats(self) -> ChatsPort: ...

    @property
    def custom_fields(self) -> CustomFieldsPort: ...

    # --- people: requestors, attendants and departments (issue 19)
    @property
    def requestors(self) -> RequestorsPort: ...

    @property
    def technical_users(self) -> TechnicalUsersPort: ...

    @property
    def departments(self) -> DepartmentsPort: ...
    @property
    def knowledge(self) -> KnowledgePort: ...

    @property
    def equipment(self) -> EquipmentPort: ...
    @property
    def ticket_activity(self) -> TicketActivityPort: ...
    @property
    def conversations(self) -> ConversationsPort: ...

    @property
    def ticket_files(self) -> TicketFilesPort: ...  # tickets area (issue 18): uploads and deletes

    @property
    def ticket_valuation(self) -> TicketValuationPort: ...  # tickets area (issue 18)

    @property
    def communication_changes(self) -> CommunicationChangesPort: ...  # records area (issue 18)

    @property
    def time_entries(self) -> TimeEntriesPort: ...  # records area (issue 18)

    @property
    def ticket_reports(self) -> TicketReportsPort: ...  # reports (issue 18)

    # service catalogs of the organisation (issue 21)
    @property
    def catalogs(self) -> CatalogsPort: ...

    # --- people: agents and technical groups (issue 19)
    @property
    def agents(self) -> AgentsPort: ...

    @property
    def technical_groups(self) -> TechnicalGroupsPort: ...
    @property
    def finance(self) -> FinancePort: ...  # billing and contracts (issue 20)
