"""The ports implemented on the in-memory demo tenant: no network, same JSON, same translation."""

from __future__ import annotations

from collections.abc import Sequence

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.fake.chats import FakeChats
from adapters.tiflux.fake.custom_fields import FakeCustomFields
from adapters.tiflux.fake.reading import read, write
from adapters.tiflux.fake.records import (
    FakeAppointments,
    FakeCommunications,
    FakeFiles,
    FakeStageHistory,
    read_attachments,
    ticket_not_found,
)
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.wire import (
    AnswerWire,
    CatalogItemWire,
    CatalogWire,
    ClientWire,
    CreatedTicketWire,
    DeskWire,
    EntitiesWire,
    MessageWire,
    PriorityWire,
    StageWire,
    TicketWire,
    UserWire,
    page_of,
    parse_one,
)
from adapters.tiflux.wire.writes import answer_parts, field_values_json, new_ticket_form, ticket_changes_json
from application.commands import AnswerDraft, FieldValueChange, NewTicket, TicketChanges
from application.queries import TicketFilter
from domain.custom_fields import EntityValues
from domain.desks import CatalogItem, Desk, Priority, ServicesCatalog, Stage
from domain.ids import CatalogAreaId, CatalogId, DeskId, TicketNumber
from domain.paging import Page, PageRequest
from domain.people import Client, User, UserType
from domain.records import Answer
from domain.tickets import Ticket


class FakeTickets:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def get(
        self, number: TicketNumber, *, show_entities: bool = False, include_filled_entity: bool = False
    ) -> Ticket:
        payload = read(
            lambda: self._tenant.get_ticket(
                number.value, show_entities=show_entities, include_filled_entity=include_filled_entity
            ),
            ticket_not_found(number),
        )
        return parse_one(TicketWire, payload).to_domain()

    async def list(self, query: TicketFilter, page: PageRequest) -> Page[Ticket]:
        dates = query.dates
        payload = read(
            lambda: self._tenant.list_tickets(
                offset=page.number,
                limit=page.size,
                is_closed=query.is_closed,
                desk_ids=tuple(query.desk_ids),
                client_ids=tuple(query.client_ids),
                stage_ids=tuple(query.stage_ids),
                responsible_ids=tuple(query.responsible_ids),
                requestor_ids=tuple(query.requestor_ids),
                requestor_email=query.requestor_email,
                date_type=dates.field.value if dates else None,
                start_datetime=dates.start if dates else None,
                end_datetime=dates.end if dates else None,
            )
        )
        return page_of(TicketWire, payload, page)

    async def create(self, ticket: NewTicket) -> Ticket:
        payload = write(lambda: self._tenant.create_ticket(new_ticket_form(ticket)))
        return parse_one(CreatedTicketWire, payload).ticket.to_domain()

    async def update(self, number: TicketNumber, changes: TicketChanges) -> None:
        write(
            lambda: self._tenant.update_ticket(number.value, ticket_changes_json(changes)),
            ticket_not_found(number),
        )

    async def update_fields(
        self, number: TicketNumber, changes: Sequence[FieldValueChange]
    ) -> Sequence[EntityValues]:
        body = field_values_json(list(changes))
        payload = write(
            lambda: self._tenant.update_ticket_entities(number.value, body["entities"]),
            ticket_not_found(number),
        )
        return tuple(group.to_domain() for group in parse_one(EntitiesWire, payload).entities)

    async def cancel(self, number: TicketNumber) -> str | None:
        payload = write(lambda: self._tenant.cancel_ticket(number.value), ticket_not_found(number))
        return parse_one(MessageWire, payload).message

    async def close(self, number: TicketNumber) -> str | None:
        payload = write(lambda: self._tenant.close_ticket(number.value), ticket_not_found(number))
        return parse_one(MessageWire, payload).message

    async def answer(self, number: TicketNumber, draft: AnswerDraft) -> Answer:
        parts = answer_parts(draft)
        files = read_attachments(draft.attachments)
        payload = write(
            lambda: self._tenant.create_answer(
                number.value,
                name=parts["name"],
                with_signature=parts["with_signature"] == "true",
                files=files,
            ),
            ticket_not_found(number),
        )
        return parse_one(AnswerWire, payload).to_domain()


class FakeDesks:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def list(self, *, active: bool | None, name: str | None, page: PageRequest) -> Page[Desk]:
        payload = read(
            lambda: self._tenant.list_desks(active=active, name=name, offset=page.number, limit=page.size)
        )
        return page_of(DeskWire, payload, page)

    async def get(self, desk_id: DeskId) -> Desk:
        payload = read(lambda: self._tenant.get_desk(desk_id), NotFoundAs("desk", str(desk_id)))
        return parse_one(DeskWire, payload).to_domain()

    async def stages(self, desk_id: DeskId, page: PageRequest) -> Page[Stage]:
        payload = read(
            lambda: self._tenant.list_desk_stages(desk_id, offset=page.number, limit=page.size),
            NotFoundAs("desk", str(desk_id)),
        )
        return page_of(StageWire, payload, page)

    async def priorities(self, desk_id: DeskId, page: PageRequest) -> Page[Priority]:
        payload = read(
            lambda: self._tenant.list_desk_priorities(desk_id, offset=page.number, limit=page.size),
            NotFoundAs("desk", str(desk_id)),
        )
        return page_of(PriorityWire, payload, page)

    async def catalogs(self, desk_id: DeskId, page: PageRequest) -> Page[ServicesCatalog]:
        payload = read(
            lambda: self._tenant.list_desk_services_catalogs(desk_id, offset=page.number, limit=page.size),
            NotFoundAs("desk", str(desk_id)),
        )
        return page_of(CatalogWire, payload, page)

    async def catalog_items(
        self,
        desk_id: DeskId,
        page: PageRequest,
        *,
        area_id: CatalogAreaId | None = None,
        catalog_id: CatalogId | None = None,
        search: str | None = None,
    ) -> Page[CatalogItem]:
        payload = read(
            lambda: self._tenant.list_desk_catalog_items(
                desk_id,
                offset=page.number,
                limit=page.size,
                area_id=area_id,
                catalog_id=catalog_id,
                name=search or None,
            ),
            NotFoundAs("desk", str(desk_id)),
        )
        return page_of(CatalogItemWire, payload, page)


class FakePeople:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def clients(self, *, name: str | None, active: bool | None, page: PageRequest) -> Page[Client]:
        payload = read(
            lambda: self._tenant.list_clients(
                active=active, name=name or None, offset=page.number, limit=page.size
            )
        )
        return page_of(ClientWire, payload, page)

    async def users(
        self, *, user_type: UserType | None, active: bool | None, page: PageRequest
    ) -> Page[User]:
        payload = read(
            lambda: self._tenant.list_users(
                offset=page.number,
                limit=page.size,
                active=active,
                type=user_type.value if user_type else None,
            )
        )
        return page_of(UserWire, payload, page)

    async def me(self) -> User:
        return parse_one(UserWire, read(self._tenant.get_me)).to_domain()


class FakeTifluxGateway:
    """Every port on one in-memory tenant."""

    def __init__(self, tenant: FakeTenant) -> None:
        self.tickets = FakeTickets(tenant)
        self.desks = FakeDesks(tenant)
        self.people = FakePeople(tenant)
        self.communications = FakeCommunications(tenant)
        self.files = FakeFiles(tenant)
        self.stage_history = FakeStageHistory(tenant)
        self.appointments = FakeAppointments(tenant)
        self.chats = FakeChats(tenant)
        self.custom_fields = FakeCustomFields(tenant)
