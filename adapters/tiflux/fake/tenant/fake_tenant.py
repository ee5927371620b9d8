"""The demo tenant as one object: each public method is one route of API v2, handed to its area."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from adapters.tiflux.fake.tenant.appointments import AppointmentsArea
from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.chats import ChatKind, ChatsArea
from adapters.tiflux.fake.tenant.custom_fields import CustomFieldsArea
from adapters.tiflux.fake.tenant.data import TenantState, load_demo_data
from adapters.tiflux.fake.tenant.desks import DesksArea
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT
from adapters.tiflux.fake.tenant.moments import Moment
from adapters.tiflux.fake.tenant.people import PeopleArea
from adapters.tiflux.fake.tenant.records import RecordsArea
from adapters.tiflux.fake.tenant.tickets import TicketsArea


class FakeTenant:
    """The demo tenant as an in-memory API; each public method is one route of API v2."""

    def __init__(
        self,
        data: Mapping[str, Any],
        *,
        clock: Callable[[], datetime] | None = None,
        today: date | None = None,
    ) -> None:
        state = TenantState(data, clock=clock, today=today)
        self._state = state
        self._desks = DesksArea(state)
        self._people = PeopleArea(state)
        self._tickets = TicketsArea(state, self._desks, self._people)
        self._records = RecordsArea(state)
        self._appointments = AppointmentsArea(state)
        self._chats = ChatsArea(state)
        self._custom_fields = CustomFieldsArea(state)

    @classmethod
    def demo(cls, *, clock: Callable[[], datetime] | None = None, today: date | None = None) -> FakeTenant:
        """A fresh tenant on the demo data ("NuvemDesk"); tenants never share state."""
        return cls(load_demo_data(), clock=clock, today=today)

    def error_template(self, name: str) -> Json:
        """An error body of the data set: unauthorized, forbidden, no_tickets_license, not_found, ..."""
        return copy.deepcopy(self._state.errors[name])

    # --- tickets ----------------------------------------------------------------------------------------

    def get_ticket(
        self, ticket_number: int, *, show_entities: bool = False, include_filled_entity: bool = False
    ) -> Json:
        return self._tickets.get_ticket(
            ticket_number, show_entities=show_entities, include_filled_entity=include_filled_entity
        )

    def list_tickets(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        is_closed: bool = False,
        desk_ids: Sequence[int] = (),
        client_ids: Sequence[int] = (),
        stage_ids: Sequence[int] = (),
        responsible_ids: Sequence[int] = (),
        requestor_ids: Sequence[int] = (),
        requestor_email: str | None = None,
        date_type: str | None = None,
        start_datetime: Moment | None = None,
        end_datetime: Moment | None = None,
    ) -> list[Json]:
        return self._tickets.list_tickets(
            offset=offset,
            limit=limit,
            is_closed=is_closed,
            desk_ids=desk_ids,
            client_ids=client_ids,
            stage_ids=stage_ids,
            responsible_ids=responsible_ids,
            requestor_ids=requestor_ids,
            requestor_email=requestor_email,
            date_type=date_type,
            start_datetime=start_datetime,
            end_datetime=end_datetime,
        )

    def create_ticket(self, fields: Mapping[str, str]) -> Json:
        return self._tickets.create_ticket(fields)

    def update_ticket(self, ticket_number: int, body: Mapping[str, Any]) -> Json:
        return self._tickets.update_ticket(ticket_number, body)

    def update_ticket_entities(self, ticket_number: int, items: Sequence[Mapping[str, Any]]) -> Json:
        return self._custom_fields.update_ticket_entities(ticket_number, items)

    def cancel_ticket(self, ticket_number: int) -> Json:
        return self._tickets.cancel_ticket(ticket_number)

    def close_ticket(self, ticket_number: int) -> Json:
        return self._tickets.close_ticket(ticket_number)

    def create_answer(
        self, ticket_number: int, *, name: str, with_signature: bool, files: Sequence[tuple[str, bytes]]
    ) -> Json:
        return self._records.create_answer(
            ticket_number, name=name, with_signature=with_signature, files=files
        )

    # --- internal communications, files, SLAs -------------------------------------------------------

    def list_internal_communications(
        self, ticket_number: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        return self._records.list_internal_communications(ticket_number, offset=offset, limit=limit)

    def get_internal_communication(self, ticket_number: int, communication_id: int) -> Json:
        return self._records.get_internal_communication(ticket_number, communication_id)

    def create_internal_communication(
        self, ticket_number: int, *, text: str, files: Sequence[tuple[str, bytes]]
    ) -> Json:
        return self._records.create_internal_communication(ticket_number, text=text, files=files)

    def list_ticket_files(self, ticket_number: int) -> list[Json]:
        return self._records.list_ticket_files(ticket_number)

    def list_stages_slas(
        self, ticket_number: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        return self._records.list_stages_slas(ticket_number, offset=offset, limit=limit)

    # --- appointments -----------------------------------------------------------------------------------

    def create_appointment(self, ticket_number: int, body: Mapping[str, Any]) -> Json:
        return self._appointments.create_appointment(ticket_number, body)

    def list_appointments(
        self,
        ticket_number: int,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        user_id: int | None = None,
        start_date: str | date | None = None,
        end_date: str | date | None = None,
    ) -> list[Json]:
        return self._appointments.list_appointments(
            ticket_number,
            offset=offset,
            limit=limit,
            user_id=user_id,
            start_date=start_date,
            end_date=end_date,
        )

    # --- people -----------------------------------------------------------------------------------------

    def list_clients(
        self,
        *,
        active: bool | None = None,
        name: str | None = None,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Json]:
        return self._people.list_clients(active=active, name=name, offset=offset, limit=limit)

    def list_users(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        active: bool | None = None,
        type: str | None = None,
        gauth_enabled: bool | None = None,
    ) -> list[Json]:
        return self._people.list_users(
            offset=offset, limit=limit, active=active, type=type, gauth_enabled=gauth_enabled
        )

    def get_me(self) -> Json:
        return self._people.get_me()

    # --- desks ------------------------------------------------------------------------------------------

    def list_desks(
        self,
        *,
        active: bool | None = None,
        name: str | None = None,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Json]:
        return self._desks.list_desks(active=active, name=name, offset=offset, limit=limit)

    def get_desk(self, desk_id: int) -> Json:
        return self._desks.get_desk(desk_id)

    def list_desk_priorities(
        self, desk_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        return self._desks.list_desk_priorities(desk_id, offset=offset, limit=limit)

    def list_desk_services_catalogs(
        self, desk_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        return self._desks.list_desk_services_catalogs(desk_id, offset=offset, limit=limit)

    def list_desk_stages(self, desk_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> list[Json]:
        return self._desks.list_desk_stages(desk_id, offset=offset, limit=limit)

    def list_desk_catalog_items(
        self,
        desk_id: int,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        area_id: int | None = None,
        catalog_id: int | None = None,
        name: str | None = None,
    ) -> list[Json]:
        return self._desks.list_desk_catalog_items(
            desk_id, offset=offset, limit=limit, area_id=area_id, catalog_id=catalog_id, name=name
        )

    # --- chats ------------------------------------------------------------------------------------------

    def get_chat(self, chat_id: int) -> Json:
        return self._chats.get_chat(chat_id)

    def list_chats(
        self,
        kind: ChatKind,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        department_id: int | None = None,
        client_id: int | None = None,
        requestor_id: int | None = None,
        number: str | None = None,
        origins: Sequence[str] = (),
        started_by: str | None = None,
        user_id: int | None = None,
        status: str | None = None,
        canceled: bool | None = None,
    ) -> list[Json]:
        return self._chats.list_chats(
            kind,
            offset=offset,
            limit=limit,
            department_id=department_id,
            client_id=client_id,
            requestor_id=requestor_id,
            number=number,
            origins=origins,
            started_by=started_by,
            user_id=user_id,
            status=status,
            canceled=canceled,
        )

    # --- custom fields ----------------------------------------------------------------------------------

    def list_entities(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        active: bool | None = None,
        applied_in: str | None = None,
        name: str | None = None,
    ) -> list[Json]:
        return self._custom_fields.list_entities(
            offset=offset, limit=limit, active=active, applied_in=applied_in, name=name
        )

    def list_entity_fields(
        self,
        entity_id: int,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        field_type: str | None = None,
        required: bool | None = None,
        name: str | None = None,
    ) -> list[Json]:
        return self._custom_fields.list_entity_fields(
            entity_id, offset=offset, limit=limit, field_type=field_type, required=required, name=name
        )

    def list_entity_field_options(
        self, entity_field_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT, value: str | None = None
    ) -> list[Json]:
        return self._custom_fields.list_entity_field_options(
            entity_field_id, offset=offset, limit=limit, value=value
        )
