"""The TiFlux API's JSON, read leniently, and its translation into domain objects (anti-corruption layer).

Both backends (HTTP and fake) speak this JSON, so both translate through here.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError

from domain.chats import Chat
from domain.custom_fields import EntityValues, FieldValue, MarkedOption
from domain.desks import CatalogArea, CatalogItem, Desk, Priority, ServicesCatalog, Stage
from domain.errors import UpstreamUnavailable
from domain.ids import (
    CatalogAreaId,
    CatalogId,
    CatalogItemId,
    ChatId,
    ClientId,
    DeskId,
    EntityFieldId,
    EntityFieldOptionId,
    EntityId,
    PriorityId,
    StageId,
    StatusId,
    TicketNumber,
    UserId,
)
from domain.people import Client, PersonRef, User, UserType
from domain.tickets import Audit, CatalogSelection, SlaInfo, Ticket, TicketStatus


def _lenient_datetime(value: Any) -> Any:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return value


def _lenient_date(value: Any) -> Any:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value


def _lenient_decimal(value: Any) -> Any:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _csv_or_list(value: Any) -> Any:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


Timestamp = Annotated[datetime | None, BeforeValidator(_lenient_datetime)]
Day = Annotated[date | None, BeforeValidator(_lenient_date)]
Money = Annotated[Decimal | None, BeforeValidator(_lenient_decimal)]
StringList = Annotated[list[str], BeforeValidator(_csv_or_list)]


class WireModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Named(WireModel):
    id: int | None = None
    name: str | None = None
    email: str | None = None

    def to_ref(self) -> PersonRef:
        return PersonRef(id=self.id, name=self.name, email=self.email)


class StatusWire(WireModel):
    id: int
    name: str = ""
    default_open: bool = False


class PriorityWire(WireModel):
    id: int
    name: str = ""
    order: int | None = None
    start_time: str | None = None
    end_time: str | None = None

    def to_domain(self) -> Priority:
        return Priority(
            id=PriorityId(self.id),
            name=self.name,
            order=self.order,
            first_response_time=self.start_time,
            resolution_time=self.end_time,
        )


class DeskWire(WireModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    id: int
    name: str = ""
    display_name: str | None = None
    active: bool = True
    appointment_type: str | None = None

    def to_domain(self) -> Desk:
        return Desk(
            id=DeskId(self.id),
            name=self.name,
            display_name=self.display_name,
            active=self.active,
            appointment_type=self.appointment_type,
            settings=dict(self.model_extra or {}),
        )


class StageWire(WireModel):
    id: int
    name: str = ""
    index: int | None = None
    first_stage: bool = False
    last_stage: bool = False
    max_time: str | None = None

    def to_domain(self) -> Stage:
        return Stage(
            id=StageId(self.id),
            name=self.name,
            order=self.index,
            first=self.first_stage,
            last=self.last_stage,
            max_time=self.max_time,
        )


class CatalogWire(WireModel):
    id: int
    name: str = ""

    def to_domain(self) -> ServicesCatalog:
        return ServicesCatalog(id=CatalogId(self.id), name=self.name)


class AreaWire(WireModel):
    id: int
    name: str = ""


class CatalogItemWire(WireModel):
    id: int
    name: str = ""
    area: AreaWire | None = None
    catalog: CatalogWire | None = None
    start_time: str | None = None
    end_time: str | None = None

    def to_domain(self) -> CatalogItem:
        return CatalogItem(
            id=CatalogItemId(self.id),
            name=self.name,
            area=CatalogArea(CatalogAreaId(self.area.id), self.area.name) if self.area else None,
            catalog=self.catalog.to_domain() if self.catalog else None,
            start_time=self.start_time,
            end_time=self.end_time,
        )


class ClientWire(WireModel):
    id: int
    name: str = ""
    social: str | None = None
    status: bool = True

    def to_domain(self) -> Client:
        return Client(id=ClientId(self.id), name=self.name, legal_name=self.social, active=self.status)


def _user_type(raw: str | None) -> UserType | None:
    try:
        return UserType(raw) if raw else None
    except ValueError:
        return None


class UserWire(WireModel):
    id: int
    name: str = ""
    email: str | None = None
    user_type: str | None = Field(default=None, alias="_type")
    active: bool = True
    technical_group_id: int | None = None

    def to_domain(self) -> User:
        return User(
            id=UserId(self.id),
            name=self.name,
            email=self.email,
            type=_user_type(self.user_type),
            active=self.active,
            technical_group_id=self.technical_group_id,
        )


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
    options: list[OptionWire] = []

    def to_domain(self) -> FieldValue:
        return FieldValue(
            field_id=EntityFieldId(self.entity_field_id),
            name=self.name,
            field_type=self.field_type,
            value=self.value,
            required=self.required,
            options=tuple(o.to_domain() for o in self.options),
        )


class EntityValuesWire(WireModel):
    id: int | None = None
    name: str | None = None
    entity_fields: list[FieldValueWire] = []

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
    followers: StringList = []
    tags: StringList = []
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
        if self.entities:
            return tuple(e.to_domain() for e in self.entities)
        if self.entity_fields:
            flat = tuple(f.to_domain() for f in self.entity_fields)
            return (EntityValues(entity_id=None, entity_name=None, fields=flat),)
        return ()

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


class ChatWire(WireModel):
    id: int
    origin: str | None = None
    client: Named | None = None
    requestor: Named | None = None
    department: Named | None = None
    responsible: Named | None = None
    online: bool = False
    waiting_answer: bool = False
    started_by: str | None = None
    room: str | None = None
    archived: bool = False
    canceled: bool = False
    assessment: int | None = None
    ticket: dict[str, Any] | None = None
    status: str | None = None
    created_at: Timestamp = None
    updated_at: Timestamp = None
    assumed_at: Timestamp = None
    last_client_message: str | None = None

    def to_domain(self) -> Chat:
        number = (self.ticket or {}).get("number")
        return Chat(
            id=ChatId(self.id),
            origin=self.origin,
            client=self.client.to_ref() if self.client else None,
            requestor=self.requestor.to_ref() if self.requestor else None,
            department=self.department.to_ref() if self.department else None,
            responsible=self.responsible.to_ref() if self.responsible else None,
            online=self.online,
            waiting_answer=self.waiting_answer,
            started_by=self.started_by,
            room=self.room,
            archived=self.archived,
            canceled=self.canceled,
            rating=self.assessment,
            ticket=TicketNumber(number) if isinstance(number, int) and number > 0 else None,
            status=self.status,
            created_at=self.created_at,
            updated_at=self.updated_at,
            assumed_at=self.assumed_at,
            last_client_message=self.last_client_message,
        )


M = TypeVar("M", bound=BaseModel)


def parse_one(model: type[M], payload: Any) -> M:
    """Read one object of the API, or explain that the API answered something unexpected."""
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise UpstreamUnavailable("unexpected_response") from exc


def parse_many(model: type[M], payload: Any) -> list[M]:
    """Read a bare JSON array of the API."""
    try:
        return TypeAdapter(list[model]).validate_python(payload)  # type: ignore[valid-type]
    except ValidationError as exc:
        raise UpstreamUnavailable("unexpected_response") from exc
