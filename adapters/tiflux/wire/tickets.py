"""Tickets (with their custom-field values) as the API sends them."""

from __future__ import annotations

from pydantic import Field

from adapters.tiflux.wire.base import Named, StringList, Timestamp, WireModel
from adapters.tiflux.wire.desks import PriorityWire, StageWire
from adapters.tiflux.wire.people import ClientWire, UserWire
from domain.custom_fields import EntityValues, FieldValue, MarkedOption
from domain.desks import Desk
from domain.ids import (
    CatalogAreaId,
    CatalogId,
    CatalogItemId,
    DeskId,
    EntityFieldId,
    EntityFieldOptionId,
    EntityId,
    StatusId,
    TicketNumber,
)
from domain.people import PersonRef
from domain.tickets import Audit, CatalogSelection, SlaInfo, Ticket, TicketStatus


class StatusWire(WireModel):
    id: int
    name: str = ""
    default_open: bool = False


class TicketDeskWire(WireModel):
    id: int
    name: str = ""
    display_name: str | None = None
    active: bool = True

    def to_domain(self) -> Desk:
        return Desk(id=DeskId(self.id), name=self.name, display_name=self.display_name, active=self.active)


class ServicesCatalogRefWire(WireModel):
    id: int
    item_name: str | None = None
    area_id: int | None = None
    area_name: str | None = None
    catalog_id: int | None = None
    catalog_name: str | None = None

    def to_domain(self) -> CatalogSelection:
        return CatalogSelection(
            item_id=CatalogItemId(self.id),
            item_name=self.item_name,
            area_id=CatalogAreaId(self.area_id) if self.area_id is not None else None,
            area_name=self.area_name,
            catalog_id=CatalogId(self.catalog_id) if self.catalog_id is not None else None,
            catalog_name=self.catalog_name,
        )


class SlaWire(WireModel):
    stopped: bool = False
    stage_expiration: Timestamp = None
    attend_sla: bool | None = None
    attend_expiration: Timestamp = None
    solve_expiration: Timestamp = None
    solved_in_time: bool | None = None

    def to_domain(self) -> SlaInfo:
        return SlaInfo(**self.model_dump())


class OptionWire(WireModel):
    entity_field_option_id: int | None = None
    id: int | None = None
    title: str | None = None
    value: str | None = None

    def to_domain(self) -> MarkedOption:
        option_id = self.entity_field_option_id if self.entity_field_option_id is not None else self.id
        return MarkedOption(
            id=EntityFieldOptionId(option_id) if option_id is not None else None,
            title=self.title,
            value=self.value,
        )


class FieldValueWire(WireModel):
    entity_field_id: int
    name: str = ""
    field_type: str = "text"
    value: str | None = None
    required: bool = False
    options: list[OptionWire] | None = None  # 2.42: `null` is tolerated

    def to_domain(self) -> FieldValue:
        return FieldValue(
            field_id=EntityFieldId(self.entity_field_id),
            name=self.name,
            field_type=self.field_type,
            value=self.value,
            required=self.required,
            # 2.42: only options with an id or a value are marked ones
            options=tuple(
                o.to_domain()
                for o in self.options or ()
                if o.entity_field_option_id is not None or o.id is not None or o.value is not None
            ),
        )


class EntityValuesWire(WireModel):
    id: int | None = None
    name: str | None = None
    entity_fields: list[FieldValueWire] = Field(default_factory=list)

    def to_domain(self) -> EntityValues:
        return EntityValues(
            entity_id=EntityId(self.id) if self.id is not None else None,
            entity_name=self.name,
            fields=tuple(f.to_domain() for f in self.entity_fields),
        )


class TicketWire(WireModel):
    ticket_number: int
    title: str = ""
    description: str | None = None
    status: StatusWire | None = None
    is_closed: bool = False
    priority: PriorityWire | None = None
    desk: TicketDeskWire | None = None
    stage: StageWire | None = None
    services_catalog: ServicesCatalogRefWire | None = None
    responsible: UserWire | None = None
    client: ClientWire | None = None
    requestor: Named | None = None
    created_by_id: int | None = None
    created_by: Named | None = None
    created_by_way_of: str | None = None
    created_at: Timestamp = None
    updated_by_id: int | None = None
    updated_by: Named | None = None
    updated_at: Timestamp = None
    followers: StringList = Field(default_factory=list)
    tags: StringList = Field(default_factory=list)
    worked_hours: str | None = None
    closed_at: Timestamp = None
    reopen_count: int | None = 0
    last_reopen_date: Timestamp = None
    is_grouped: bool = False
    is_revised: bool = False
    sla_info: SlaWire | None = None
    url_internal_path: str | None = None
    url_external_path: str | None = None
    entities: list[EntityValuesWire] | None = None
    entity_fields: list[FieldValueWire] | None = None

    def _custom_fields(self) -> tuple[EntityValues, ...]:
        groups = tuple(e.to_domain() for e in self.entities or ())
        if self.entity_fields:  # 2.42: kept after the entities too (2.3.0 dropped them)
            flat = tuple(f.to_domain() for f in self.entity_fields)
            groups += (EntityValues(entity_id=None, entity_name=None, fields=flat),)
        return groups

    def to_domain(self) -> Ticket:
        return Ticket(
            number=TicketNumber(self.ticket_number),
            title=self.title,
            description_html=self.description,
            status=TicketStatus(StatusId(self.status.id), self.status.name, self.status.default_open)
            if self.status
            else None,
            is_closed=self.is_closed,
            priority=self.priority.to_domain() if self.priority else None,
            desk=self.desk.to_domain() if self.desk else None,
            stage=self.stage.to_domain() if self.stage else None,
            catalog=self.services_catalog.to_domain() if self.services_catalog else None,
            responsible=self.responsible.to_domain() if self.responsible else None,
            client=self.client.to_domain() if self.client else None,
            requestor=self.requestor.to_ref() if self.requestor else None,
            audit=Audit(
                created_at=self.created_at,
                created_by=_actor(self.created_by_id, self.created_by),
                created_via=self.created_by_way_of,
                updated_at=self.updated_at,
                updated_by=_actor(self.updated_by_id, self.updated_by),
            ),
            followers=tuple(self.followers),
            tags=tuple(self.tags),
            worked_hours=self.worked_hours,
            closed_at=self.closed_at,
            reopen_count=self.reopen_count or 0,
            last_reopened_at=self.last_reopen_date,
            is_grouped=self.is_grouped,
            is_revised=self.is_revised,
            sla=self.sla_info.to_domain() if self.sla_info else None,
            internal_url=self.url_internal_path,
            external_url=self.url_external_path,
            custom_fields=self._custom_fields(),
        )


def _actor(actor_id: int | None, actor: Named | None) -> PersonRef | None:
    if actor_id is None and actor is None:
        return None
    return PersonRef(
        id=actor.id if actor and actor.id is not None else actor_id, name=actor.name if actor else None
    )


class CreatedTicketWire(WireModel):
    """`POST /tickets` answers `{"ticket": {...}}`."""

    ticket: TicketWire


class EntitiesWire(WireModel):
    """`PUT /tickets/{n}/entities` answers `{"entities": [...]}`."""

    entities: list[EntityValuesWire] = Field(default_factory=list)


class MessageWire(WireModel):
    """Cancel and close answer `{"message": "..."}`."""

    message: str | None = None
