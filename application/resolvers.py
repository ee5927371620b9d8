"""Name → record, for every kind of reference, on the one policy in `domain.resolution`.

A kind declares where its candidates come from and the names a record answers to; `References` turns a
`Reference` (an ID, a name, or neither) into an ID and says what a name became. Adding a kind (technical
group, department, equipment type, …) is declaring one more `Kind`.

An explicit ID always wins. Requests per cold resolution: desk 1 (exact name) or more (+ every page of
active desks, up to 50); client 1 or 2; responsible 1 or 2 (`/technical-users` by name, then by e-mail), 3
when the attendants list finds nobody (every page of active users); requestor 1 (the client's list), 2 when
it is refused (every client's list); stage 1; catalog item 1 (one page per 200).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from application.lookups import LOOKUP_PAGE_SIZE, MAX_LOOKUP_PAGES, every_page
from application.ports.custom_fields import CustomFieldsPort
from application.ports.gateway import TifluxGateway
from application.ports.knowledge import KnowledgePort
from domain.agents import TechnicalGroup, TechnicalGroupId
from domain.custom_fields import AppliedIn, EntityField, EntityFieldOption
from domain.desks import CatalogItem, Desk, Priority, ServicesCatalog, Stage
from domain.errors import InvalidInput, NotFound, PermissionDenied
from domain.ids import (
    CatalogAreaId,
    CatalogId,
    CatalogItemId,
    ClientId,
    DepartmentId,
    DeskId,
    EntityFieldId,
    EntityFieldOptionId,
    EntityId,
    PriorityId,
    StageId,
    TicketNumber,
    UserId,
)
from domain.knowledge import Counted, KnowledgeFolder, KnowledgeFolderId
from domain.paging import Page, PageRequest
from domain.people import Client, PersonRef, User, UserType
from domain.requestors import Department, Requestor, RequestorFilter, TechnicalUser
from domain.resolution import (
    Ambiguous,
    Candidate,
    Decision,
    Match,
    NoMatch,
    Reference,
    Resolution,
    Resolved,
    Scored,
    best_score,
    candidates_of,
    check_term,
    decide,
    settle,
)
from domain.valuation import ContractRider, TravelCharge

if TYPE_CHECKING:  # the catalogs area loads on first use (opt-in toolset)
    from domain.catalogs import Area


class _Active(Protocol):
    @property
    def active(self) -> bool: ...


T = TypeVar("T")
A = TypeVar("A", bound=_Active)
IdT = TypeVar("IdT", bound=int)
S = TypeVar("S")

DESK_REQUIRED = "desk.required"  # the rule broken when a tool needs a desk and got neither ID nor name


@dataclass(frozen=True)
class Kind(Generic[T, IdT, S]):
    """One kind of record a name can designate, within a scope `S` (a desk, a client, or `None`).

    `name` keys the words shown for it ("desk" → "mesa"/"desk"); `find` applies the policy to its candidates.
    """

    name: str
    find: Callable[[TifluxGateway, str, S], Awaitable[Resolution[T]]]
    ident: Callable[[T], IdT]
    fetch: Callable[[TifluxGateway, IdT], Awaitable[T]] | None = None  # the whole record by ID, if needed


@dataclass(frozen=True)
class Settled(Generic[IdT]):
    """A reference as settled: the ID (None: nothing given and no default), and how it was reached."""

    id: IdT | None
    decision: Decision | None = None
    default: str | None = None  # the argument whose configured default was used


class Resolutions:
    """What each name of one call became so far, by argument. A call that goes on after the person picked
    among several matches starts from it: names already resolved are not looked up again."""

    def __init__(self, known: Mapping[str, object] | None = None, picked: Iterable[str] = ()) -> None:
        self._records: dict[str, object] = dict(known or {})
        self._picked = set(picked)

    def get(self, name_field: str) -> object | None:
        return self._records.get(name_field)

    def remember(self, name_field: str, record: object) -> None:
        self._records.setdefault(name_field, record)

    def picked(self, name_field: str) -> bool:
        return name_field in self._picked

    def with_pick(self, name_field: str, record: object) -> Resolutions:
        """These resolutions, and the record the person picked for `name_field`."""
        return Resolutions({**self._records, name_field: record}, {*self._picked, name_field})


@dataclass(frozen=True)
class References:
    """Turns the references of one call into IDs, remembering what each name became."""

    gateway: TifluxGateway
    resolutions: Resolutions = field(default_factory=Resolutions)

    async def resolve(
        self, kind: Kind[T, IdT, S], ref: Reference[IdT], scope: S, *, default: IdT | None = None
    ) -> Settled[IdT]:
        """The ID `ref` designates: its ID, the record its name resolves to, or `default`."""
        if ref.id is not None:
            return Settled(ref.id)
        if ref.name:
            record = await self.record(kind, ref, scope)
            return Settled(kind.ident(record), self.decision(ref, record))
        if default is not None:
            return Settled(default, default=ref.id_field)
        return Settled(None)

    def decision(self, ref: Reference[IdT], record: object) -> Decision:
        """What `ref`'s name became, and whether the person picked it."""
        return Decision(ref.name_field, ref.name or "", record, self.resolutions.picked(ref.name_field))

    async def one(self, kind: Kind[T, IdT, S], ref: Reference[IdT], scope: S, *, missing: str) -> T:
        """The record an ID (fetched whole) or a name designates; neither is `InvalidInput(missing)`."""
        if ref.id is not None and kind.fetch is not None:
            return await kind.fetch(self.gateway, ref.id)
        if not ref.name:
            raise InvalidInput(ref.id_field, missing)
        return await self.record(kind, ref, scope)

    async def record(self, kind: Kind[T, IdT, S], ref: Reference[IdT], scope: S) -> T:
        """The one record `ref`'s name designates; raises Ambiguous (naming the argument) or NotFound."""
        found = await self.record_if_any(kind, ref, scope, missing_ok=False)
        assert found is not None
        return found

    def among(self, kind: Kind[T, IdT, S], ref: Reference[IdT], candidates: Sequence[Candidate[T]]) -> T:
        """The one of `candidates` that `ref`'s name designates (a caller that narrowed them itself)."""
        known = self.resolutions.get(ref.name_field)
        if known is not None:
            return known  # type: ignore[return-value]  # one of this kind's own candidates, earlier
        return self._remembered(kind, ref, decide(check_term(ref.name or "", ref.name_field), candidates))

    async def record_if_any(
        self, kind: Kind[T, IdT, S], ref: Reference[IdT], scope: S, *, missing_ok: bool = True
    ) -> T | None:
        """The record `ref`'s name designates, or None when none answers to it; an ambiguous name raises."""
        known = self.resolutions.get(ref.name_field)
        if known is not None:
            return known  # type: ignore[return-value]  # one of this kind's own candidates, earlier
        outcome = await kind.find(self.gateway, check_term(ref.name or "", ref.name_field), scope)
        if isinstance(outcome, NoMatch) and missing_ok:
            return None
        return self._remembered(kind, ref, outcome)

    def _remembered(self, kind: Kind[T, IdT, S], ref: Reference[IdT], outcome: Resolution[T]) -> T:
        record = settle(outcome, kind.name, ref.name_field)
        self.resolutions.remember(ref.name_field, record)
        return record


def required(ref: Reference[IdT], settled: Settled[IdT], env: str = "") -> IdT:
    """The settled ID, or the error that names the argument, its name argument and the default's setting."""
    if settled.id is None:
        raise InvalidInput(ref.id_field, "required_or_default", {"name": ref.name_field, "env": env})
    return settled.id


def decisions(*settled: Settled[Any] | None) -> tuple[Decision, ...]:
    """What each name became, in the order given."""
    return tuple(s.decision for s in settled if s is not None and s.decision is not None)


# --- the kinds -------------------------------------------------------------------------------------------


def _desk_names(desk: Desk) -> Iterable[str | None]:
    return desk.names


def client_names(client: Client) -> Iterable[str]:
    """A client answers to its name and its legal name."""
    return tuple(name for name in (client.name, client.legal_name) if name)


def user_names(user: User) -> Iterable[str | None]:
    """A user answers to their name, their e-mail and its local part."""
    local_part = user.email.split("@", 1)[0] if user.email else None
    return (user.name, user.email, local_part)


def _own_name(record: Stage | CatalogItem | Priority) -> Iterable[str | None]:
    return (record.name,)


def _trusting_the_api(term: str, found: list[Candidate[T]]) -> Resolution[T]:
    """The API matched these by its own rule: rank them by ours, but never drop one the API returned."""
    outcome = decide(term, found)
    if not isinstance(outcome, NoMatch):
        return outcome
    if len(found) == 1:
        return Resolved(found[0].value, Match.SUBSTRING)
    return Ambiguous(term, tuple(Scored(c, Match.SUBSTRING) for c in found))


DESK_LOOKUP_PAGES = 50  # the fallback reads up to 10,000 active desks, 200 a page (as 2.42 does)


async def _find_desk(gateway: TifluxGateway, term: str, _scope: None) -> Resolution[Desk]:
    """An active desk: the API's exact-name filter first; when it finds nothing, every page of active desks
    (until a short page, at most 50), searched locally. A failed page fails the lookup: a desk is never
    reported missing because a page could not be read."""
    desks = gateway.desks
    return await _filtered_then_local(
        term,
        lambda page: desks.list(active=True, name=term, page=page),
        lambda page: desks.list(active=True, name=None, page=page),
        _desk_names,
        max_pages=DESK_LOOKUP_PAGES,
    )


async def _find_client(gateway: TifluxGateway, term: str, _scope: None) -> Resolution[Client]:
    """An active client: the API's partial filter, then an accent-insensitive local search."""
    people = gateway.people
    return await _filtered_then_local(
        term,
        lambda page: people.clients(name=term, active=True, page=page),
        lambda page: people.clients(name=None, active=True, page=page),
        client_names,
    )


async def _filtered_then_local(
    term: str,
    filtered: Callable[[PageRequest], Awaitable[Page[A]]],
    everything: Callable[[PageRequest], Awaitable[Page[A]]],
    names: Callable[[A], Iterable[str | None]],
    *,
    max_pages: int = MAX_LOOKUP_PAGES,
) -> Resolution[A]:
    """The active records the API's own name filter finds (first page), else every active one, locally."""
    found = [record for record in await filtered(PageRequest(1, LOOKUP_PAGE_SIZE)) if record.active]
    if found:
        return _trusting_the_api(term, candidates_of(found, names))
    every = await every_page(everything, max_pages=max_pages)
    return decide(term, candidates_of([record for record in every if record.active], names))


async def _find_responsible(gateway: TifluxGateway, term: str, _scope: None) -> Resolution[User]:
    """An active attendant or admin, by name or e-mail.

    `/technical-users` first, by name then by e-mail (it needs no admin key, so attendants can assign
    tickets too; 2.42 does the same); the admin-only `/users` when it finds nobody or is refused there.
    """
    search = gateway.technical_users.search
    found: Page[TechnicalUser] | None
    try:
        found = await search(name=term, email=None, desk_id=None, client_id=None, page=_RESPONSIBLES)
        if not found.items:
            found = await search(name=None, email=term, desk_id=None, client_id=None, page=_RESPONSIBLES)
    except (PermissionDenied, NotFound):
        found = None
    if found is not None and found.items:
        staff = [User(id=u.id, name=u.name, email=u.email) for u in found]
        return _trusting_the_api(term, candidates_of(staff, user_names))
    try:
        users = await every_page(lambda page: gateway.people.users(user_type=None, active=True, page=page))
    except PermissionDenied:
        if found is None:  # neither list may be read: the 403 says what the key lacks
            raise
        return NoMatch(term, ())  # the attendants were searched; only the fallback is closed to this key
    staff = [u for u in users if u.type is not None and u.type.can_attend and u.active]
    return decide(term, candidates_of(staff, user_names))


_RESPONSIBLES = PageRequest(1, 10)  # the first ten attendants the API matches, as 2.42 asks


async def _find_requestor(gateway: TifluxGateway, term: str, client_id: ClientId | None) -> Resolution[User]:
    """A requestor: among the client's requestors when the client is known (attendants may read them),
    else — or when that list is refused (403) — among every client's, keeping only the known client's.

    A name both lists refuse, or that matches nobody, is NoMatch: the ticket then names a new requestor,
    which TiFlux registers (2.42 does the same).
    """
    # An e-mail (create_ticket's requestor_email) is looked up as one; anything else as a name.
    criteria = RequestorFilter(email=term) if "@" in term else RequestorFilter(name=term)
    found: Page[Requestor] | None = None
    if client_id is not None:
        try:
            found = await gateway.requestors.of_client(client_id, criteria, _REQUESTORS)
        except PermissionDenied:
            found = None
    if found is None:
        try:
            everywhere = await gateway.requestors.search(criteria, _REQUESTORS)
        except PermissionDenied:
            return NoMatch(term, ())
        found = everywhere
    people = [
        _as_user(requestor, client_id)
        for requestor in found
        if client_id is None or requestor.client is None or requestor.client.id == client_id
    ]
    # The API's match is a bare substring ("Ana" finds "Luciana"): a ticket's requestor is chosen only
    # when the term starts a word of the name or e-mail; otherwise TiFlux registers the name as given.
    candidates = candidates_of(people, user_names)
    return decide(term, [c for c in candidates if best_score(term, c.names) >= Match.WORD_PREFIX])


_REQUESTORS = PageRequest(1, 10)  # the first ten requestors the API matches, as 2.42 asks


def _as_user(requestor: Requestor, client_id: ClientId | None) -> User:
    """A requestor as the person a ticket names (the ticket's `requestor_id` is the requestor's ID)."""
    owner = requestor.client.id if requestor.client is not None else client_id
    return User(
        id=UserId(requestor.id),
        name=requestor.name,
        email=requestor.email,
        type=UserType.CLIENT,
        client_id=owner,
    )


async def _find_stage(gateway: TifluxGateway, term: str, desk_id: DeskId) -> Resolution[Stage]:
    stages = await every_page(lambda page: gateway.desks.stages(desk_id, page))
    return decide(term, candidates_of(stages, _own_name))


async def _find_catalog_item(gateway: TifluxGateway, term: str, desk_id: DeskId) -> Resolution[CatalogItem]:
    items = await every_page(lambda page: gateway.desks.catalog_items(desk_id, page))
    return decide(term, candidates_of(items, _own_name))


async def _find_priority(gateway: TifluxGateway, term: str, desk_id: DeskId) -> Resolution[Priority]:
    priorities = await every_page(lambda page: gateway.desks.priorities(desk_id, page))
    return decide(term, candidates_of(priorities, _own_name))


async def _fetch_desk(gateway: TifluxGateway, desk_id: DeskId) -> Desk:
    return await gateway.desks.get(desk_id)


DESK: Kind[Desk, DeskId, None] = Kind("desk", _find_desk, lambda desk: desk.id, _fetch_desk)
CLIENT: Kind[Client, ClientId, None] = Kind("client", _find_client, lambda client: client.id)
RESPONSIBLE: Kind[User, UserId, None] = Kind("responsible", _find_responsible, lambda user: user.id)
REQUESTOR: Kind[User, UserId, ClientId | None] = Kind("requestor", _find_requestor, lambda user: user.id)
STAGE: Kind[Stage, StageId, DeskId] = Kind("stage", _find_stage, lambda stage: stage.id)
CATALOG_ITEM: Kind[CatalogItem, CatalogItemId, DeskId] = Kind(
    "catalog_item", _find_catalog_item, lambda item: item.id
)
# A priority of one desk, by name (issue 18: list_tickets and update_ticket `priority_name`).
PRIORITY: Kind[Priority, PriorityId, DeskId] = Kind("priority", _find_priority, lambda p: p.id)


# --- knowledge base (issue 21) ---------------------------------------------------------------------------


async def _find_knowledge_folder(
    gateway: TifluxGateway, term: str, _scope: None
) -> Resolution[KnowledgeFolder]:
    """A folder: the API's title search first, then every folder, locally (accents ignored)."""
    knowledge = gateway.knowledge
    found = (await knowledge.folders(search=term, page=PageRequest(1, LOOKUP_PAGE_SIZE))).page.items
    if found:
        return _trusting_the_api(term, candidates_of(found, _folder_title))
    every = await every_page(lambda page: _folder_page(knowledge, page))
    return decide(term, candidates_of(every, _folder_title))


async def _folder_page(knowledge: KnowledgePort, page: PageRequest) -> Page[KnowledgeFolder]:
    return (await knowledge.folders(search=None, page=page)).page


def _folder_title(folder: KnowledgeFolder) -> Iterable[str | None]:
    return (folder.title,)


KNOWLEDGE_FOLDER: Kind[KnowledgeFolder, KnowledgeFolderId, None] = Kind(
    "knowledge_folder", _find_knowledge_folder, lambda folder: folder.id
)


# --- the organisation's service catalogs and their areas (issue 21) ----------------------------------------


async def _find_catalog(gateway: TifluxGateway, term: str, _scope: None) -> Resolution[ServicesCatalog]:
    """A catalog: the API's partial name filter first (an exact name wins over a longer one: "Infraestrutura"
    is not "Infraestrutura Avançada"), then every catalog, locally (accents and case ignored)."""
    catalogs = gateway.catalogs
    found = (await catalogs.catalogs(name=term, page=PageRequest(1, LOOKUP_PAGE_SIZE))).page.items
    if found:
        return _trusting_the_api(term, candidates_of(found, _catalog_name))
    every = await every_page(
        lambda page: _page_of(catalogs.catalogs(name=None, page=page)),
    )
    return decide(term, candidates_of(every, _catalog_name))


async def _find_catalog_area(gateway: TifluxGateway, term: str, catalog_id: CatalogId) -> Resolution[Area]:
    """An area of one catalog, on the same policy as catalogs."""
    catalogs = gateway.catalogs
    found = (await catalogs.areas(catalog_id, name=term, page=PageRequest(1, LOOKUP_PAGE_SIZE))).page.items
    if found:
        return _trusting_the_api(term, candidates_of(found, _catalog_name))
    every = await every_page(lambda page: _page_of(catalogs.areas(catalog_id, name=None, page=page)))
    return decide(term, candidates_of(every, _catalog_name))


async def _page_of(counted: Awaitable[Counted[T]]) -> Page[T]:
    return (await counted).page


def _catalog_name(record: ServicesCatalog | Area) -> Iterable[str | None]:
    return (record.name,)


CATALOG: Kind[ServicesCatalog, CatalogId, None] = Kind("services_catalog", _find_catalog, lambda c: c.id)
CATALOG_AREA: Kind[Area, CatalogAreaId, CatalogId] = Kind("catalog_area", _find_catalog_area, lambda a: a.id)


# --- people: requestor custom fields (issue 19) ----------------------------------------------------------


async def requestor_fields(gateway: TifluxGateway) -> list[EntityField]:
    """Every field of the active requestor entities (`applied_in: solicitant`): the only fields a
    requestor's name may designate (2.42 searched every entity and could send a client's field)."""
    custom_fields = gateway.custom_fields
    entities = await every_page(
        lambda page: custom_fields.entities(
            active=None, applied_in=AppliedIn.SOLICITANT.value, name=None, page=page
        )
    )
    fields: list[EntityField] = []
    for entity in entities:
        if entity.active and entity.applied_in == AppliedIn.SOLICITANT.value:
            fields.extend(await every_page(_entity_fields(custom_fields, entity.id)))
    return fields


def _entity_fields(
    custom_fields: CustomFieldsPort, entity_id: EntityId
) -> Callable[[PageRequest], Awaitable[Page[EntityField]]]:
    async def page_of_fields(page: PageRequest) -> Page[EntityField]:
        return await custom_fields.fields(entity_id, field_type=None, required=None, name=None, page=page)

    return page_of_fields


def _field_name(field: EntityField) -> Iterable[str | None]:
    return (field.name,)


def _option_value(option: EntityFieldOption) -> Iterable[str | None]:
    return (option.value,)


async def _find_requestor_field(gateway: TifluxGateway, term: str, _scope: None) -> Resolution[EntityField]:
    return decide(term, candidates_of(await requestor_fields(gateway), _field_name))


async def field_options(gateway: TifluxGateway, field_id: EntityFieldId) -> list[EntityFieldOption]:
    """Every option of a select or checkbox field."""
    custom_fields = gateway.custom_fields
    return await every_page(lambda page: custom_fields.options(field_id, value=None, page=page))


async def _find_field_option(
    gateway: TifluxGateway, term: str, field_id: EntityFieldId
) -> Resolution[EntityFieldOption]:
    return decide(term, candidates_of(await field_options(gateway, field_id), _option_value))


def field_candidates(fields: Iterable[EntityField]) -> list[Candidate[EntityField]]:
    return candidates_of(fields, _field_name)


def option_candidates(options: Iterable[EntityFieldOption]) -> list[Candidate[EntityFieldOption]]:
    return candidates_of(options, _option_value)


REQUESTOR_FIELD: Kind[EntityField, EntityFieldId, None] = Kind(
    "requestor_field", _find_requestor_field, lambda field: field.id
)
FIELD_OPTION: Kind[EntityFieldOption, EntityFieldOptionId, EntityFieldId] = Kind(
    "field_option", _find_field_option, lambda option: option.id
)


# --- people: technical groups (issue 19) ------------------------------------------------------------------


def _group_name(group: TechnicalGroup) -> Iterable[str | None]:
    return (group.name,)


async def _find_technical_group(
    gateway: TifluxGateway, term: str, _scope: None
) -> Resolution[TechnicalGroup]:
    """An active technical group, among every group (2.42 reads the first 200; every page here)."""
    groups = await every_page(gateway.technical_groups.list)
    return decide(term, candidates_of([g for g in groups if g.active], _group_name))


TECHNICAL_GROUP: Kind[TechnicalGroup, TechnicalGroupId, None] = Kind(
    "technical_group", _find_technical_group, lambda group: group.id
)


# --- valued appointments (issue 18, v2.42/tickets.md §20.12) ---------------------------------------------
# Scope: the ticket, and the day the riders must be in force on (loose services and riders), or just the
# ticket (travel charges, every contract).


def _or_every_one(outcome: Resolution[T], records: Sequence[T]) -> Resolution[T]:
    """A name that matches nothing on a short list: the error names what there is."""
    if isinstance(outcome, NoMatch) and not outcome.suggestions:
        return NoMatch(outcome.term, tuple(records))
    return outcome


async def _find_loose_service(
    gateway: TifluxGateway, term: str, scope: tuple[TicketNumber, date | None]
) -> Resolution[PersonRef]:
    types = await gateway.ticket_valuation.service_types(*scope)
    return _or_every_one(
        decide(term, candidates_of(types.loose_services, lambda s: (s.name,))), types.loose_services
    )


async def _find_contract_rider(
    gateway: TifluxGateway, term: str, scope: tuple[TicketNumber, date | None]
) -> Resolution[ContractRider]:
    """A rider answers to its contract's name; its own ID is what TiFlux takes."""
    types = await gateway.ticket_valuation.service_types(*scope)
    found = decide(term, candidates_of(types.riders, lambda r: (r.contract.name if r.contract else None,)))
    return _or_every_one(found, types.riders)


async def _find_travel_charge(
    gateway: TifluxGateway, term: str, scope: TicketNumber
) -> Resolution[TravelCharge]:
    charges = await gateway.ticket_valuation.travel_charges(scope, None)
    return _or_every_one(decide(term, candidates_of(charges, lambda c: (c.name,))), charges)


LOOSE_SERVICE: Kind[PersonRef, int, tuple[TicketNumber, date | None]] = Kind(
    "loose_service", _find_loose_service, lambda s: s.id or 0
)
CONTRACT_RIDER: Kind[ContractRider, int, tuple[TicketNumber, date | None]] = Kind(
    "contract_rider", _find_contract_rider, lambda r: r.id
)
TRAVEL_CHARGE: Kind[TravelCharge, int, TicketNumber] = Kind(
    "travel_charge", _find_travel_charge, lambda c: c.id
)


# --- chats and commerce (issue 20) -----------------------------------------------------------------------


async def _find_department(gateway: TifluxGateway, term: str, _scope: None) -> Resolution[Department]:
    """A chat department: the API's partial name filter first, then every department, locally."""
    departments = gateway.departments
    found = (await departments.list(name=term, page=PageRequest(1, LOOKUP_PAGE_SIZE))).items
    if found:
        return _trusting_the_api(term, candidates_of(found, _department_name))
    every = await every_page(lambda page: departments.list(name=None, page=page))
    return decide(term, candidates_of(every, _department_name))


def _department_name(department: Department) -> Iterable[str | None]:
    return (department.name,)


DEPARTMENT: Kind[Department, DepartmentId, None] = Kind(
    "department", _find_department, lambda department: department.id
)
