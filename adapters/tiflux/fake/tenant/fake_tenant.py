"""The demo tenant as one object: one area per part of API v2, each answering the routes of its table."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from adapters.tiflux.fake.tenant import agents as agents_area
from adapters.tiflux.fake.tenant import (
    appointments,
    chats,
    conversations,
    custom_fields,
    desks,
    people,
    record_changes,
    records,
    requestors,
    ticket_activity,
    ticket_files,
    ticket_reports,
    ticket_valuation,
    tickets,
    time_entries,
)
from adapters.tiflux.fake.tenant import catalogs as catalogs_area
from adapters.tiflux.fake.tenant import equipment as equipment_area
from adapters.tiflux.fake.tenant import finance as finance_area
from adapters.tiflux.fake.tenant import knowledge as knowledge_area
from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState, load_demo_data
from adapters.tiflux.fake.tenant.routes import Route


class FakeTenant:
    """The demo tenant as an in-memory API; its areas (``tenant.tickets``, ``tenant.desks``...) hold the
    routes' behaviour, and `routes()` says which area answers which route."""

    def __init__(
        self,
        data: Mapping[str, Any],
        *,
        clock: Callable[[], datetime] | None = None,
        today: date | None = None,
    ) -> None:
        state = TenantState(data, clock=clock, today=today)
        self._state = state
        self.desks = desks.DesksArea(state)
        self.people = people.PeopleArea(state)
        self.tickets = tickets.TicketsArea(state, self.desks, self.people)
        self.records = records.RecordsArea(state)
        self.appointments = appointments.AppointmentsArea(state)
        self.chats = chats.ChatsArea(state)
        self.custom_fields = custom_fields.CustomFieldsArea(state)
        self.requestors = requestors.RequestorsArea(state)
        self.knowledge = knowledge_area.KnowledgeArea(state)
        self.equipment = equipment_area.EquipmentArea(state)
        self.ticket_activity = ticket_activity.TicketActivityArea(state)  # tickets area (issue 18)
        self.conversations = conversations.ConversationsArea(state)  # chats that act (issue 20)
        self.ticket_files = ticket_files.TicketFilesArea(state)  # tickets area (issue 18)
        self.ticket_valuation = ticket_valuation.TicketValuationArea(state)
        self.record_changes = record_changes.RecordChangesArea(state)  # records area (issue 18)
        self.time_entries = time_entries.TimeEntriesArea(state)
        self.ticket_reports = ticket_reports.TicketReportsArea(state)  # reports (issue 18)
        self.agents = agents_area.AgentsArea(state)  # people: agents and technical groups (issue 19)
        self.finance = finance_area.FinanceArea(state)  # billing and contracts (issue 20)
        self.catalogs = catalogs_area.CatalogsArea(state)  # the organisation's catalogs (issue 21)
        self._served: tuple[tuple[object, tuple[Route, ...]], ...] = (
            (self.tickets, tickets.ROUTES),
            (self.records, records.ROUTES),
            (self.appointments, appointments.ROUTES),
            (self.custom_fields, custom_fields.ROUTES),
            (self.people, people.ROUTES),
            (self.desks, desks.ROUTES),
            (self.chats, chats.ROUTES),
            (self.requestors, requestors.ROUTES),
            (self.knowledge, knowledge_area.ROUTES),
            (self.equipment, equipment_area.ROUTES),
            (self.ticket_activity, ticket_activity.ROUTES),
            (self.conversations, conversations.ROUTES),
            (self.ticket_files, ticket_files.ROUTES),
            (self.ticket_valuation, ticket_valuation.ROUTES),
            (self.record_changes, record_changes.ROUTES),
            (self.time_entries, time_entries.ROUTES),
            (self.ticket_reports, ticket_reports.ROUTES),
            (self.agents, agents_area.ROUTES),
            (self.finance, finance_area.ROUTES),
            (self.catalogs, catalogs_area.ROUTES),
        )

    @classmethod
    def demo(cls, *, clock: Callable[[], datetime] | None = None, today: date | None = None) -> FakeTenant:
        """A fresh tenant on the demo data ("NuvemDesk"); tenants never share state."""
        return cls(load_demo_data(), clock=clock, today=today)

    def routes(self) -> list[tuple[Route, object]]:
        """Every route of the API, with the area that answers it."""
        return [(route, area) for area, table in self._served for route in table]

    def error_template(self, name: str) -> Json:
        """An error body of the data set: unauthorized, forbidden, no_tickets_license, not_found, ..."""
        return copy.deepcopy(self._state.errors[name])
