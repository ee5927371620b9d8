"""An in-memory emulation of TiFlux API v2 holding the demo tenant "NuvemDesk".

Every public method of :class:`FakeTenant` is one API route: its keyword arguments arrive already parsed to
Python types and it returns the exact JSON body (a list or a dict) the real API answers. Failures are raised
as :class:`FakeApiError`, carrying the HTTP status and the JSON error body. The tenant's data live in the
JSON files of ``data/`` (the source of truth); every tenant works on its own deep copy of them.
"""

from __future__ import annotations

import copy
import hashlib
import json
import mimetypes
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from typing import Any, Literal, get_args

Json = dict[str, Any]
Check = Callable[[Json], bool]
ChatKind = Literal["inbox", "mine", "in_attendance", "archived"]
Moment = str | datetime

DATA_FILES = (
    "desks.json",
    "people.json",
    "tickets.json",
    "chats.json",
    "custom_fields.json",
    "templates.json",
)
DEFAULT_LIMIT = 20
MAX_LIMIT = 200
FIRST_NEW_TICKET_NUMBER = 1048
OPEN_STATUS_ID = 1
CLOSED_STATUS_ID = 2
CANCELLED_STATUS_ID = 3
API_ORIGIN = "Tiflux API"
APP_URL = "https://app.tiflux.com"
FILES_URL = "https://files.tiflux.com/anexos"
WITH_VALORIZATION = "with_valorization"
APPOINTMENT_ORDER_ERROR = "end_time must be greater than or equal to init_time"

_DESK_LIST_KEYS = ("id", "name", "display_name", "active", "appointment_type")
_TICKET_DATE_FIELDS = {"created_at": "created_at", "solved_in_time": "closed_at"}
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME_OF_DAY = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_DIGITS = re.compile(r"\d+")
_FIELD_FORMATS = {
    "date": _DATE_ONLY,
    "currency": re.compile(r"-?\d+(\.\d{1,2})?"),
    "phone": re.compile(r"\d{8,15}"),
    "email": re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+"),
    "link": re.compile(r"(https?|ftp)://\S+", re.IGNORECASE),
}
_CHECKBOX_FLAGS: dict[str | bool | None, bool | None] = {
    "true": True,
    "false": False,
    True: True,
    False: False,
    None: None,
}
_MIME_TYPES = mimetypes.MimeTypes()  # built-in table only: the same answer on every machine


class FakeApiError(Exception):
    """An HTTP error answer of the fake API: ``status`` and the JSON ``body``."""

    def __init__(self, status: int, body: Mapping[str, Any]) -> None:
        super().__init__(f"HTTP {status}: {body.get('message', '')}")
        self.status = status
        self.body: Json = copy.deepcopy(dict(body))


def validation_error(*messages: str) -> FakeApiError:
    """A 422 in the shape of ``ERROR_422_appointment.json``."""
    return FakeApiError(422, {"message": "Validation failed", "detail": {"error": list(messages)}})


def load_demo_data() -> Json:
    """All data files of the demo tenant merged into one fresh dict."""
    folder = resources.files(__package__ or "adapters.tiflux.fake").joinpath("data")
    data: Json = {}
    for name in DATA_FILES:
        part = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        clash = data.keys() & part.keys()
        if clash:
            raise ValueError(f"{name} redefines {sorted(clash)}")
        data.update(part)
    return data


# --- small pure helpers ---------------------------------------------------------------------------------


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _iso(moment: datetime) -> str:
    return _aware(moment).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _contains(haystack: str | None, needle: str) -> bool:
    return haystack is not None and _fold(needle) in _fold(haystack)


def _by_id(items: Iterable[Json]) -> dict[int, Json]:
    return {item["id"]: item for item in items}


def _int_keys(mapping: Mapping[str, Any]) -> dict[int, Any]:
    return {int(key): value for key, value in mapping.items()}


def _ref(item: Mapping[str, Any], *keys: str) -> Json:
    return {key: item[key] for key in keys}


def _shaped(template: Mapping[str, Any], values: Mapping[str, Any]) -> Json:
    """``values`` laid out in the key order of a response template; both must hold the same keys."""
    if set(template) != set(values):
        raise KeyError(f"keys differ from the template: {sorted(set(template) ^ set(values))}")
    return {key: values[key] for key in template}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_page(offset: int, limit: int) -> None:
    errors = []
    if offset < 1:
        errors.append("offset must be greater than or equal to 1")
    if not 1 <= limit <= MAX_LIMIT:
        errors.append(f"limit must be between 1 and {MAX_LIMIT}")
    if errors:
        raise validation_error(*errors)


def _page(items: Sequence[Json], offset: int, limit: int) -> list[Json]:
    _check_page(offset, limit)
    start = (offset - 1) * limit
    return copy.deepcopy(list(items[start : start + limit]))


def _filtered(items: Iterable[Json], checks: Sequence[Check]) -> list[Json]:
    return [item for item in items if all(check(item) for check in checks)]


def _nested_id_in(key: str, ids: Iterable[int]) -> Check:
    wanted = set(ids)
    return lambda item: (item.get(key) or {}).get("id") in wanted


def _field_is(key: str, value: Any) -> Check:
    return lambda item: item.get(key) == value


def _parse_moment(value: Moment, *, name: str, end_of_day: bool = False) -> datetime:
    if isinstance(value, datetime):
        return _aware(value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise validation_error(f"{name} must be an ISO-8601 date-time") from exc
    if end_of_day and _DATE_ONLY.fullmatch(value):
        moment += timedelta(days=1, microseconds=-1)
    return _aware(moment)


def _parse_day(value: str | date, *, name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        if _DATE_ONLY.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise validation_error(f"{name} must be a date in the format YYYY-MM-DD")


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _hhmm(total_minutes: int) -> str:
    return f"{total_minutes // 60:02d}:{total_minutes % 60:02d}"


def _form_int(form: Mapping[str, str], key: str) -> int | None:
    raw = form.get(key)
    if raw is None:
        return None
    if not _DIGITS.fullmatch(raw.strip()):
        raise validation_error(f"{key} is not a valid number")
    return int(raw)


def _body_int(value: Any, key: str) -> int:
    if not _is_int(value):
        raise validation_error(f"{key} must be an integer")
    return int(value)


def _body_text(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise validation_error(f"{key} can't be blank")
    return value


def _pick(items: Iterable[Json], ident: int, key: str) -> Json:
    for item in items:
        if item["id"] == ident:
            return item
    raise validation_error(f"{key} {ident} not found")


def _desk_ref(desk: Json) -> Json:
    return _ref(desk, "id", "name", "display_name", "active")


def _stage_ref(stage: Json) -> Json:
    return _ref(stage, "id", "name", "first_stage", "last_stage", "max_time")


def _catalog_ref(item: Json) -> Json:
    return {
        "id": item["id"],
        "item_name": item["name"],
        "area_id": item["area"]["id"],
        "area_name": item["area"]["name"],
        "catalog_id": item["catalog"]["id"],
        "catalog_name": item["catalog"]["name"],
    }


def _responsible_ref(user: Json) -> Json:
    return _ref(user, "id", "name", "email", "_type", "active", "technical_group_id")


def _client_ref(client: Json) -> Json:
    return _ref(client, "id", "name", "social", "status")


def _external_token(ticket_number: int) -> str:
    return hashlib.sha256(f"nuvemdesk-ticket-{ticket_number}".encode()).hexdigest()[:10]


def _filled_fields(groups: Sequence[Json]) -> list[Json]:
    return [copy.deepcopy(f) for group in groups for f in group["entity_fields"] if f["value"] is not None]


# --- the tenant -----------------------------------------------------------------------------------------


class FakeTenant:
    """The demo tenant as an in-memory API; each public method is one route of API v2."""

    def __init__(
        self,
        data: Mapping[str, Any],
        *,
        clock: Callable[[], datetime] | None = None,
        today: date | None = None,
    ) -> None:
        data = copy.deepcopy(dict(data))
        self._clock = clock or _utc_now
        self._fixed_today = today
        self._desks = _by_id(data["desks"])
        self._stages: dict[int, list[Json]] = _int_keys(data["stages"])
        self._priorities: dict[int, list[Json]] = _int_keys(data["priorities"])
        self._catalogs: dict[int, list[Json]] = _int_keys(data["services_catalogs"])
        self._catalog_items: dict[int, list[Json]] = _int_keys(data["services_catalog_items"])
        self._clients = _by_id(data["clients"])
        self._users = _by_id(data["users"])
        self._me: Json = data["me"]
        self._requestors: dict[int, Json] = {e["requestor"]["id"]: e["requestor"] for e in data["requestors"]}
        self._statuses = _by_id(data["statuses"])
        self._tickets: dict[int, Json] = {ticket["ticket_number"]: ticket for ticket in data["tickets"]}
        self._ticket_entities: dict[int, list[Json]] = _int_keys(data["ticket_entities"])
        self._communications: dict[int, list[Json]] = _int_keys(data["internal_communications"])
        self._files: dict[int, list[Json]] = _int_keys(data["files"])
        self._stages_slas: dict[int, list[Json]] = _int_keys(data["stages_slas"])
        self._appointments: dict[int, list[Json]] = _int_keys(data["appointments"])
        self._answers: dict[int, list[Json]] = {}
        self._chats = _by_id(data["chats"])
        self._chat_lists: dict[str, list[int]] = data["chat_lists"]
        self._entities = _by_id(data["entities"])
        self._entity_fields: dict[int, list[Json]] = _int_keys(data["entity_fields"])
        self._field_options: dict[int, list[Json]] = _int_keys(data["entity_field_options"])
        self._responses: Json = data["responses"]
        self._errors: Json = data["errors"]

    @classmethod
    def demo(cls, *, clock: Callable[[], datetime] | None = None, today: date | None = None) -> FakeTenant:
        """A fresh tenant on the demo data ("NuvemDesk"); tenants never share state."""
        return cls(load_demo_data(), clock=clock, today=today)

    def error_template(self, name: str) -> Json:
        """An error body of the data set: unauthorized, forbidden, no_tickets_license, not_found, ..."""
        return copy.deepcopy(self._errors[name])

    # --- tickets ----------------------------------------------------------------------------------------

    def get_ticket(
        self, ticket_number: int, *, show_entities: bool = False, include_filled_entity: bool = False
    ) -> Json:
        body = copy.deepcopy(self._ticket(ticket_number))
        groups = self._ticket_entities.get(ticket_number, [])
        if show_entities:
            body["entities"] = copy.deepcopy(groups)
        if include_filled_entity:
            body["entity_fields"] = _filled_fields(groups)
        return body

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
        _check_page(offset, limit)
        checks: list[Check] = [_field_is("is_closed", is_closed)]
        for key, ids in (
            ("desk", desk_ids),
            ("client", client_ids),
            ("stage", stage_ids),
            ("responsible", responsible_ids),
            ("requestor", requestor_ids),
        ):
            if ids:
                checks.append(_nested_id_in(key, ids))
        if requestor_email:
            wanted = requestor_email.strip().casefold()
            checks.append(lambda t: ((t.get("requestor") or {}).get("email") or "").casefold() == wanted)
        window = self._date_window(date_type, start_datetime, end_datetime)
        if window is not None:
            checks.append(window)
        tickets = [self._tickets[number] for number in sorted(self._tickets)]
        return _page(_filtered(tickets, checks), offset, limit)

    def create_ticket(self, fields: Mapping[str, str]) -> Json:
        form = {key: value for key, value in fields.items() if value is not None and value.strip()}
        blank = [key for key in ("title", "description", "client_id", "desk_id") if key not in form]
        if blank:
            raise validation_error(*(f"{key} can't be blank" for key in blank))
        number = max(FIRST_NEW_TICKET_NUMBER - 1, *self._tickets) + 1
        ticket = self._new_ticket(number, form)
        self._tickets[number] = ticket
        return {"ticket": copy.deepcopy(ticket)}

    def update_ticket(self, ticket_number: int, body: Mapping[str, Any]) -> Json:
        ticket = copy.deepcopy(self._ticket(ticket_number))
        setters: dict[str, Callable[[Json, Any], None]] = {
            "desk_id": self._set_desk,
            "client_id": self._set_client,
            "stage_id": self._set_stage,
            "priority_id": self._set_priority,
            "services_catalogs_item_id": self._set_catalog_item,
            "responsible_id": self._set_responsible,
            "status_id": self._set_status,
            "title": self._set_title,
            "description": self._set_description,
            "followers": self._set_followers,
        }
        for key, setter in setters.items():
            if key in body:
                setter(ticket, body[key])
        self._stamp_update(ticket)
        self._tickets[ticket_number] = ticket
        return {"ticket": copy.deepcopy(ticket)}

    def update_ticket_entities(self, ticket_number: int, items: Sequence[Mapping[str, Any]]) -> Json:
        ticket = self._ticket(ticket_number)
        items_by_field: dict[int, list[Mapping[str, Any]]] = {}
        for item in items:
            field_id = _body_int(item.get("entity_field_id"), "entity_field_id")
            self._ticket_field(field_id)
            items_by_field.setdefault(field_id, []).append(item)
        groups = copy.deepcopy(self._ticket_entities.get(ticket_number, []))
        for field_id, field_items in items_by_field.items():
            entity, definition = self._ticket_field(field_id)
            slot = self._field_slot(groups, entity, field_id)
            self._assign_field(slot, definition, field_items)
        self._ticket_entities[ticket_number] = groups
        self._stamp_update(ticket)
        return {"entities": self._touched_groups(groups, set(items_by_field))}

    def cancel_ticket(self, ticket_number: int) -> Json:
        ticket = self._open_ticket(ticket_number)
        self._finish(ticket, CANCELLED_STATUS_ID)
        return {"message": f"Ticket {ticket_number} cancelled successfully"}

    def close_ticket(self, ticket_number: int) -> Json:
        ticket = self._open_ticket(ticket_number)
        self._finish(ticket, CLOSED_STATUS_ID)
        ticket["stage"] = _stage_ref(self._edge_stage(ticket["desk"]["id"], "last_stage"))
        solve_by = (ticket.get("sla_info") or {}).get("solve_expiration")
        if solve_by:
            solved_at = _parse_moment(ticket["closed_at"], name="closed_at")
            ticket["sla_info"]["solved_in_time"] = solved_at <= _parse_moment(
                solve_by, name="solve_expiration"
            )
        return {"message": f"Ticket {ticket_number} closed successfully"}

    def create_answer(
        self, ticket_number: int, *, name: str, with_signature: bool, files: Sequence[tuple[str, bytes]]
    ) -> Json:
        ticket = self._ticket(ticket_number)
        if not name.strip():
            raise validation_error("name can't be blank")
        now = self._now()
        self._attach_files(ticket_number, files, now)
        answers = [answer for stored in self._answers.values() for answer in stored]
        template = self._responses["create_answer"]
        answer = _shaped(
            template,
            {
                "id": max((a["id"] for a in answers), default=template["id"] - 1) + 1,
                "author": self._me["name"],
                "answer_time": _iso(now),
                "answer_origin": API_ORIGIN,
                "signature": with_signature,
                "name": name,
            },
        )
        self._answers.setdefault(ticket_number, []).append(answer)
        self._stamp_update(ticket)
        return copy.deepcopy(answer)

    # --- internal communications, files, SLAs -------------------------------------------------------

    def list_internal_communications(
        self, ticket_number: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        self._ticket(ticket_number)
        return _page(self._communications.get(ticket_number, []), offset, limit)

    def get_internal_communication(self, ticket_number: int, communication_id: int) -> Json:
        self._ticket(ticket_number)
        for communication in self._communications.get(ticket_number, []):
            if communication["id"] == communication_id:
                return copy.deepcopy(communication)
        raise self._not_found("Internal communication")

    def create_internal_communication(
        self, ticket_number: int, *, text: str, files: Sequence[tuple[str, bytes]]
    ) -> Json:
        self._ticket(ticket_number)
        if not text.strip():
            raise validation_error("text can't be blank")
        now = self._now()
        attached = self._attach_files(ticket_number, files, now)
        existing = [c["id"] for stored in self._communications.values() for c in stored]
        communication = _shaped(
            self._responses["create_internal_communication"],
            {
                "id": max(existing, default=0) + 1,
                "text": text,
                "user": self._me_ref(),
                "created_at": _iso(now),
                "updated_at": _iso(now),
                "files": attached,
                "files_count": len(attached),
            },
        )
        self._communications.setdefault(ticket_number, []).append(communication)
        return copy.deepcopy(communication)

    def list_ticket_files(self, ticket_number: int) -> list[Json]:
        self._ticket(ticket_number)
        return copy.deepcopy(self._files.get(ticket_number, []))

    def list_stages_slas(
        self, ticket_number: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        self._ticket(ticket_number)
        return _page(self._stages_slas.get(ticket_number, []), offset, limit)

    # --- appointments -----------------------------------------------------------------------------------

    def create_appointment(self, ticket_number: int, body: Mapping[str, Any]) -> Json:
        ticket = self._ticket(ticket_number)
        self._check_appointment(ticket, body)
        existing = [a["id"] for stored in self._appointments.values() for a in stored]
        appointment = _shaped(
            self._responses["create_appointment"],
            {
                "id": max(existing, default=0) + 1,
                "date": body["date"],
                "init_time": body["init_time"],
                "end_time": body["end_time"],
                "description": body.get("description") or "",
                "user": self._me_ref(),
                "client": _ref(ticket["client"], "id", "name"),
                "valorization": None,
                "locations": [],
            },
        )
        self._appointments.setdefault(ticket_number, []).append(appointment)
        spent = _minutes(body["end_time"]) - _minutes(body["init_time"])
        ticket["worked_hours"] = _hhmm(_minutes(ticket.get("worked_hours") or "00:00") + spent)
        return copy.deepcopy(appointment)

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
        self._ticket(ticket_number)
        checks: list[Check] = []
        if user_id is not None:
            checks.append(_nested_id_in("user", [user_id]))
        if start_date is not None:
            first = _parse_day(start_date, name="start_date")
            checks.append(lambda a: date.fromisoformat(a["date"]) >= first)
        if end_date is not None:
            last = _parse_day(end_date, name="end_date")
            checks.append(lambda a: date.fromisoformat(a["date"]) <= last)
        return _page(_filtered(self._appointments.get(ticket_number, []), checks), offset, limit)

    # --- people -----------------------------------------------------------------------------------------

    def list_clients(
        self,
        *,
        active: bool | None = None,
        name: str | None = None,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Json]:
        checks: list[Check] = []
        if active is not None:
            checks.append(_field_is("status", active))
        if name:
            checks.append(lambda client: _contains(client["name"], name))
        return _page(_filtered(self._sorted(self._clients), checks), offset, limit)

    def list_users(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        active: bool | None = None,
        type: str | None = None,
    ) -> list[Json]:
        checks: list[Check] = []
        if active is not None:
            checks.append(_field_is("active", active))
        if type:
            checks.append(_field_is("_type", type))
        return _page(_filtered(self._sorted(self._users), checks), offset, limit)

    def get_me(self) -> Json:
        return copy.deepcopy(self._me)

    # --- desks ------------------------------------------------------------------------------------------

    def list_desks(
        self,
        *,
        active: bool | None = None,
        name: str | None = None,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Json]:
        checks: list[Check] = []
        if active is not None:
            checks.append(_field_is("active", active))
        if name:
            wanted = name.strip().casefold()
            checks.append(lambda desk: wanted in (desk["name"].casefold(), desk["display_name"].casefold()))
        desks = [_ref(desk, *_DESK_LIST_KEYS) for desk in self._sorted(self._desks)]
        return _page(_filtered(desks, checks), offset, limit)

    def get_desk(self, desk_id: int) -> Json:
        return copy.deepcopy(self._desk(desk_id))

    def list_desk_priorities(
        self, desk_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        self._desk(desk_id)
        return _page(self._priorities.get(desk_id, []), offset, limit)

    def list_desk_services_catalogs(
        self, desk_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        self._desk(desk_id)
        return _page(self._catalogs.get(desk_id, []), offset, limit)

    def list_desk_stages(self, desk_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> list[Json]:
        self._desk(desk_id)
        return _page(self._stages.get(desk_id, []), offset, limit)

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
        self._desk(desk_id)
        checks: list[Check] = []
        if area_id is not None:
            checks.append(_nested_id_in("area", [area_id]))
        if catalog_id is not None:
            checks.append(_nested_id_in("catalog", [catalog_id]))
        if name:
            checks.append(
                lambda item: any(
                    _contains(text, name)
                    for text in (item["name"], item["area"]["name"], item["catalog"]["name"])
                )
            )
        return _page(_filtered(self._catalog_items.get(desk_id, []), checks), offset, limit)

    # --- chats ------------------------------------------------------------------------------------------

    def get_chat(self, chat_id: int) -> Json:
        if chat_id not in self._chats:
            raise self._not_found("Chat")
        return copy.deepcopy(self._chats[chat_id])

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
        if kind not in get_args(ChatKind):
            raise self._not_found("Chat list")
        checks: list[Check] = []
        for key, ident in (("department", department_id), ("client", client_id), ("requestor", requestor_id)):
            if ident is not None:
                checks.append(_nested_id_in(key, [ident]))
        if number:
            checks.append(lambda chat: self._requestor_phone(chat) == re.sub(r"\D", "", number))
        if origins:
            wanted_origins = set(origins)
            checks.append(lambda chat: chat["origin"] in wanted_origins)
        if started_by:
            checks.append(lambda chat: chat["started_by"].casefold() == started_by.casefold())
        if kind == "in_attendance" and user_id is not None:
            checks.append(_nested_id_in("responsible", [user_id]))
        if kind == "in_attendance" and status:
            checks.append(_field_is("status", status))
        if kind == "archived" and canceled is not None:
            checks.append(_field_is("canceled", canceled))
        chats = [self._chats[chat_id] for chat_id in self._chat_lists[kind]]
        return _page(_filtered(chats, checks), offset, limit)

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
        checks: list[Check] = []
        if active is not None:
            checks.append(_field_is("active", active))
        if applied_in:
            checks.append(_field_is("applied_in", applied_in))
        if name:
            checks.append(lambda entity: _contains(entity["name"], name))
        return _page(_filtered(self._sorted(self._entities), checks), offset, limit)

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
        if entity_id not in self._entities:
            raise self._not_found("Entity")
        checks: list[Check] = []
        if field_type:
            checks.append(_field_is("field_type", field_type))
        if required is not None:
            checks.append(_field_is("required", required))
        if name:
            checks.append(lambda field: _contains(field["name"], name))
        return _page(_filtered(self._entity_fields.get(entity_id, []), checks), offset, limit)

    def list_entity_field_options(
        self, entity_field_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT, value: str | None = None
    ) -> list[Json]:
        if self._field_definition(entity_field_id) is None:
            raise self._not_found("Entity field")
        checks: list[Check] = [lambda option: _contains(option["value"], value)] if value else []
        return _page(_filtered(self._field_options.get(entity_field_id, []), checks), offset, limit)

    # --- lookups ----------------------------------------------------------------------------------------

    def _now(self) -> datetime:
        return _aware(self._clock())

    def _today(self) -> date:
        return self._fixed_today or date.today()

    def _not_found(self, resource: str) -> FakeApiError:
        return FakeApiError(404, {**self._errors["not_found"], "message": f"{resource} not found"})

    @staticmethod
    def _sorted(items: Mapping[int, Json]) -> list[Json]:
        return [items[ident] for ident in sorted(items)]

    def _ticket(self, ticket_number: int) -> Json:
        if ticket_number not in self._tickets:
            raise self._not_found("Ticket")
        return self._tickets[ticket_number]

    def _open_ticket(self, ticket_number: int) -> Json:
        ticket = self._ticket(ticket_number)
        if ticket["is_closed"]:
            raise validation_error(f"Ticket {ticket_number} is already {ticket['status']['name'].lower()}")
        return ticket

    def _desk(self, desk_id: int) -> Json:
        if desk_id not in self._desks:
            raise self._not_found("Desk")
        return self._desks[desk_id]

    def _me_ref(self) -> Json:
        return _ref(self._me, "id", "name")

    def _edge_stage(self, desk_id: int, flag: Literal["first_stage", "last_stage"]) -> Json:
        stages = sorted(self._stages.get(desk_id, []), key=lambda stage: stage["index"])
        flagged = [stage for stage in stages if stage[flag]]
        if flagged:
            return flagged[0]
        if not stages:
            raise validation_error(f"desk {desk_id} has no stages")
        return stages[0] if flag == "first_stage" else stages[-1]

    def _requestor_phone(self, chat: Json) -> str | None:
        requestor = self._requestors.get((chat.get("requestor") or {}).get("id", 0))
        phone = requestor.get("telephone") if requestor else None
        return re.sub(r"\D", "", phone) if phone else None

    def _date_window(self, date_type: str | None, start: Moment | None, end: Moment | None) -> Check | None:
        field = _TICKET_DATE_FIELDS.get(date_type or "created_at")
        if field is None:
            raise validation_error(f"date_type must be one of {', '.join(_TICKET_DATE_FIELDS)}")
        if start is None and end is None:
            return None
        low = _parse_moment(start, name="start_datetime") if start is not None else None
        high = _parse_moment(end, name="end_datetime", end_of_day=True) if end is not None else None

        def within(ticket: Json) -> bool:
            raw = ticket.get(field)
            if raw is None:
                return False
            moment = _parse_moment(raw, name=field)
            return (low is None or moment >= low) and (high is None or moment <= high)

        return within

    # --- writing tickets --------------------------------------------------------------------------------

    def _new_ticket(self, number: int, form: Mapping[str, str]) -> Json:
        client = self._optional_pick(self._clients.values(), form, "client_id")
        desk = self._writable_desk(_form_int(form, "desk_id"))
        priority = self._optional_pick(self._priorities.get(desk["id"], []), form, "priority_id")
        item = self._optional_pick(self._catalog_items.get(desk["id"], []), form, "services_catalogs_item_id")
        status = (
            self._optional_pick(self._statuses.values(), form, "status_id") or self._statuses[OPEN_STATUS_ID]
        )
        assert client is not None  # required fields were checked by create_ticket
        responsible_id = _form_int(form, "responsible_id")
        parent = _form_int(form, "ticket_reference_number")
        if parent is not None and parent not in self._tickets:
            raise validation_error(f"ticket_reference_number {parent} not found")
        stage = self._edge_stage(desk["id"], "first_stage")
        now = self._now()
        me = self._me_ref()
        values = {
            "ticket_number": number,
            "title": form["title"],
            "description": form["description"],
            "status": copy.deepcopy(status),
            "is_closed": False,
            "priority": _ref(priority, "id", "name") if priority else None,
            "desk": _desk_ref(desk),
            "stage": _stage_ref(stage),
            "services_catalog": _catalog_ref(item) if item else None,
            "responsible": self._responsible(responsible_id) if responsible_id is not None else None,
            "client": _client_ref(client),
            "requestor": self._requestor_for(form),
            "created_by_id": me["id"],
            "created_by_way_of": API_ORIGIN,
            "created_at": _iso(now),
            "updated_by_id": me["id"],
            "updated_at": _iso(now),
            "followers": form.get("followers"),
            "tags": [],
            "worked_hours": "00:00",
            "closed_at": None,
            "reopen_count": 0,
            "last_reopen_date": None,
            "is_grouped": False,
            "is_revised": False,
            "sla_info": self._new_sla_info(desk, stage, priority, now),
            "url_internal_path": f"{APP_URL}/v/tickets/{number}/basic_info",
            "url_external_path": f"{APP_URL}/r/externals/ticket/view/{_external_token(number)}",
            "created_by": me,
            "updated_by": dict(me),
        }
        ticket = _shaped(self._responses["create_ticket"]["ticket"], values)
        if parent is not None:
            ticket["parent_ticket_number"] = parent
        return ticket

    def _optional_pick(self, items: Iterable[Json], form: Mapping[str, str], key: str) -> Json | None:
        ident = _form_int(form, key)
        return None if ident is None else _pick(items, ident, key)

    def _writable_desk(self, desk_id: int | None) -> Json:
        desk = _pick(self._desks.values(), desk_id or 0, "desk_id")
        if not desk["active"]:
            raise validation_error(f"desk_id {desk_id} is inactive")
        return desk

    def _responsible(self, user_id: int) -> Json:
        user = _pick(self._users.values(), user_id, "responsible_id")
        if user["_type"] == "client" or not user["active"]:
            raise validation_error(f"responsible_id {user_id} is not an active attendant")
        return _responsible_ref(user)

    def _requestor_for(self, form: Mapping[str, str]) -> Json | None:
        requestor_id = _form_int(form, "requestor_id")
        if requestor_id is not None:
            if requestor_id not in self._requestors:
                raise validation_error(f"requestor_id {requestor_id} not found")
            return copy.deepcopy(self._requestors[requestor_id])
        email = form.get("requestor_email")
        for requestor in self._requestors.values():
            if email and (requestor["email"] or "").casefold() == email.casefold():
                return copy.deepcopy(requestor)
        if not (email or form.get("requestor_name")):
            return None
        return self._new_requestor(form)

    def _new_requestor(self, form: Mapping[str, str]) -> Json:
        ident = max(*self._users, *self._requestors) + 1
        requestor = {
            "id": ident,
            "name": form.get("requestor_name") or form["requestor_email"],
            "email": form.get("requestor_email"),
            "telephone": form.get("requestor_telephone"),
            "ramal": None,
        }
        self._requestors[ident] = requestor
        return copy.deepcopy(requestor)

    @staticmethod
    def _new_sla_info(desk: Json, stage: Json, priority: Json | None, now: datetime) -> Json | None:
        if not desk["desk_with_sla"]:
            return None

        def after(hhmm: str | None) -> str | None:
            return _iso(now + timedelta(minutes=_minutes(hhmm))) if hhmm else None

        return {
            "stopped": False,
            "stage_expiration": after(stage["max_time"]),
            "attend_sla": None,
            "attend_expiration": after(priority["start_time"] if priority else None),
            "solve_expiration": after(priority["end_time"] if priority else None),
            "solved_in_time": None,
        }

    def _stamp_update(self, ticket: Json) -> None:
        ticket["updated_at"] = _iso(self._now())
        ticket["updated_by_id"] = self._me["id"]
        if "updated_by" in ticket:
            ticket["updated_by"] = self._me_ref()

    def _finish(self, ticket: Json, status_id: int) -> None:
        ticket["status"] = copy.deepcopy(self._statuses[status_id])
        ticket["is_closed"] = True
        ticket["closed_at"] = _iso(self._now())
        self._stamp_update(ticket)

    # update_ticket setters: each validates one JSON key and applies it to the (copied) ticket

    def _set_desk(self, ticket: Json, value: Any) -> None:
        desk = self._writable_desk(_body_int(value, "desk_id"))
        if desk["id"] == ticket["desk"]["id"]:
            return
        ticket["desk"] = _desk_ref(desk)
        ticket["stage"] = _stage_ref(self._edge_stage(desk["id"], "first_stage"))
        ticket["priority"] = None
        ticket["services_catalog"] = None

    def _set_client(self, ticket: Json, value: Any) -> None:
        ticket["client"] = _client_ref(
            _pick(self._clients.values(), _body_int(value, "client_id"), "client_id")
        )

    def _set_stage(self, ticket: Json, value: Any) -> None:
        stages = self._stages.get(ticket["desk"]["id"], [])
        ticket["stage"] = _stage_ref(_pick(stages, _body_int(value, "stage_id"), "stage_id"))

    def _set_priority(self, ticket: Json, value: Any) -> None:
        if value is None:
            ticket["priority"] = None
            return
        priorities = self._priorities.get(ticket["desk"]["id"], [])
        ticket["priority"] = _ref(
            _pick(priorities, _body_int(value, "priority_id"), "priority_id"), "id", "name"
        )

    def _set_catalog_item(self, ticket: Json, value: Any) -> None:
        if value is None:
            ticket["services_catalog"] = None
            return
        items = self._catalog_items.get(ticket["desk"]["id"], [])
        key = "services_catalogs_item_id"
        ticket["services_catalog"] = _catalog_ref(_pick(items, _body_int(value, key), key))

    def _set_responsible(self, ticket: Json, value: Any) -> None:
        ticket["responsible"] = (
            None if value is None else self._responsible(_body_int(value, "responsible_id"))
        )

    def _set_status(self, ticket: Json, value: Any) -> None:
        status = _pick(self._statuses.values(), _body_int(value, "status_id"), "status_id")
        ticket["status"] = copy.deepcopy(status)

    def _set_title(self, ticket: Json, value: Any) -> None:
        ticket["title"] = _body_text(value, "title")

    def _set_description(self, ticket: Json, value: Any) -> None:
        ticket["description"] = _body_text(value, "description")

    def _set_followers(self, ticket: Json, value: Any) -> None:
        if value is not None and not isinstance(value, str):
            raise validation_error("followers must be a comma-separated string of e-mails")
        ticket["followers"] = value or None

    # --- writing files and appointments -----------------------------------------------------------------

    def _attach_files(
        self, ticket_number: int, files: Sequence[tuple[str, bytes]], now: datetime
    ) -> list[Json]:
        """Stores uploads as ticket files; returns them in the shape of an internal communication's files."""
        template = self._responses["create_internal_communication_with_files"]["files"][0]
        attached = []
        for file_name, content in files:
            file_id = self._next_file_id()
            content_type = _MIME_TYPES.guess_type(file_name)[0] or "application/octet-stream"
            url = f"{FILES_URL}/{file_id}/{file_name}"
            self._files.setdefault(ticket_number, []).append(
                {
                    "id": file_id,
                    "name": file_name,
                    "content_type": content_type,
                    "size": len(content),
                    "url": url,
                    "created_at": _iso(now),
                    "created_by": self._me_ref(),
                }
            )
            entry = {
                "id": file_id,
                "file_name": file_name,
                "content_type": content_type,
                "size": len(content),
            }
            attached.append(_shaped(template, {**entry, "url": url}))
        return attached

    def _next_file_id(self) -> int:
        ticket_files = [f["id"] for stored in self._files.values() for f in stored]
        shared = [f["id"] for stored in self._communications.values() for c in stored for f in c["files"]]
        return max(ticket_files + shared, default=0) + 1

    def _check_appointment(self, ticket: Json, body: Mapping[str, Any]) -> None:
        errors = []
        day = body.get("date")
        if not (isinstance(day, str) and _DATE_ONLY.fullmatch(day) and self._valid_day(day)):
            errors.append("date must be a date in the format YYYY-MM-DD")
            day = None
        times = [body.get(key) for key in ("init_time", "end_time")]
        for key, value in zip(("init_time", "end_time"), times, strict=True):
            if not (isinstance(value, str) and _TIME_OF_DAY.fullmatch(value)):
                errors.append(f"{key} must be a time in the format HH:MM")
        if not isinstance(body.get("description", ""), str | None):
            errors.append("description must be a string")
        if not errors and str(times[1]) < str(times[0]):
            errors.append(APPOINTMENT_ORDER_ERROR)
        if day is not None and date.fromisoformat(day) > self._today():
            errors.append("date cannot be in the future")
        if self._desks[ticket["desk"]["id"]].get("appointment_type") == WITH_VALORIZATION:
            errors.append(
                "the desk uses appointments with valorization; they cannot be created through the API"
            )
        if errors:
            raise validation_error(*errors)

    @staticmethod
    def _valid_day(text: str) -> bool:
        try:
            date.fromisoformat(text)
        except ValueError:
            return False
        return True

    # --- writing custom fields --------------------------------------------------------------------------

    def _field_definition(self, field_id: int) -> Json | None:
        for fields in self._entity_fields.values():
            match = next((field for field in fields if field["id"] == field_id), None)
            if match is not None:
                return match
        return None

    def _ticket_field(self, field_id: int) -> tuple[Json, Json]:
        """The (entity, field) pair of a custom field a ticket can hold, else 422."""
        definition = self._field_definition(field_id)
        entity = self._entities.get(definition["entity_id"]) if definition else None
        if definition is None or entity is None or entity["applied_in"] != "ticket" or not entity["active"]:
            raise validation_error(f"entity_field_id {field_id} not found")
        return entity, definition

    def _field_slot(self, groups: list[Json], entity: Json, field_id: int) -> Json:
        """The ticket's stored value of a field, adding the entity's blank group when missing."""
        group = next((g for g in groups if g["id"] == entity["id"]), None)
        if group is None:
            group = {
                "id": entity["id"],
                "name": entity["name"],
                "entity_fields": self._blank_fields(entity["id"]),
            }
            groups.append(group)
            groups.sort(key=lambda g: g["id"])
        return next(slot for slot in group["entity_fields"] if slot["entity_field_id"] == field_id)

    def _blank_fields(self, entity_id: int) -> list[Json]:
        blanks = []
        for field in sorted(self._entity_fields.get(entity_id, []), key=lambda f: f["order"]):
            blank = {
                "entity_field_id": field["id"],
                **_ref(field, "name", "field_type", "required"),
                "value": None,
            }
            if field["field_type"] in ("single_select", "checkbox"):
                blank["options"] = []
            blanks.append(blank)
        return blanks

    def _assign_field(self, slot: Json, definition: Json, items: Sequence[Mapping[str, Any]]) -> None:
        field_type = definition["field_type"]
        if field_type == "checkbox":
            self._assign_checkbox(slot, definition, items)
        elif field_type == "single_select":
            self._assign_single_select(slot, definition, items[-1])
        else:
            slot["value"] = self._scalar_value(definition, items[-1].get("value"))

    def _option(self, definition: Json, option_id: Any) -> Json:
        if isinstance(option_id, str) and _DIGITS.fullmatch(option_id):
            option_id = int(option_id)
        options = self._field_options.get(definition["id"], [])
        if _is_int(option_id):
            for option in options:
                if option["id"] == option_id:
                    return option
        raise validation_error(f"entity_field_option_id {option_id} is not an option of {definition['name']}")

    def _assign_checkbox(self, slot: Json, definition: Json, items: Sequence[Mapping[str, Any]]) -> None:
        """The items sent for a checkbox replace its marked options (only those sent as "true" stay)."""
        marked: dict[int, Json] = {}
        plain: bool | None = None
        for item in items:
            flag = self._checkbox_flag(definition, item.get("value"))
            option_id = item.get("entity_field_option_id")
            if option_id is None:
                plain = flag
            elif flag:
                option = self._option(definition, option_id)
                marked[option["id"]] = {"entity_field_option_id": option["id"], "title": option["value"]}
            else:
                self._option(definition, option_id)
        if self._field_options.get(definition["id"]):
            slot["value"] = "true" if marked else "false"
        else:
            slot["value"] = None if plain is None else str(plain).lower()
        slot["options"] = [{**marked[key], "value": "true"} for key in sorted(marked)]
        if slot["value"] is None and definition["required"]:
            raise validation_error(f"{definition['name']} is required")

    @staticmethod
    def _checkbox_flag(definition: Json, value: Any) -> bool | None:
        if not (value is None or isinstance(value, str | bool)) or value not in _CHECKBOX_FLAGS:
            raise validation_error(f'{definition["name"]} accepts only "true" or "false"')
        return _CHECKBOX_FLAGS[value]

    def _assign_single_select(self, slot: Json, definition: Json, item: Mapping[str, Any]) -> None:
        chosen = item.get("entity_field_option_id", item.get("value"))
        if chosen is None:
            self._scalar_value(definition, None)
            slot["value"], slot["options"] = None, []
            return
        option = self._option(definition, chosen)
        value = str(option["id"])
        slot["value"] = value
        slot["options"] = [{"entity_field_option_id": option["id"], "title": option["value"], "value": value}]

    @staticmethod
    def _scalar_value(definition: Json, value: Any) -> str | None:
        name, field_type = definition["name"], definition["field_type"]
        if value is None:
            if definition["required"]:
                raise validation_error(f"{name} is required")
            return None
        if field_type == "currency" and (_is_int(value) or isinstance(value, float)):
            value = f"{value:.2f}"
        if not isinstance(value, str):
            raise validation_error(f"{name} must be a string")
        pattern = _FIELD_FORMATS.get(field_type)
        if pattern is not None and not pattern.fullmatch(value):
            raise validation_error(f"{name} is not a valid {field_type}")
        if field_type == "date" and not FakeTenant._valid_day(value):
            raise validation_error(f"{name} is not a valid date")
        return value

    @staticmethod
    def _touched_groups(groups: Sequence[Json], field_ids: set[int]) -> list[Json]:
        touched = []
        for group in groups:
            fields = [copy.deepcopy(f) for f in group["entity_fields"] if f["entity_field_id"] in field_ids]
            if fields:
                touched.append({"id": group["id"], "name": group["name"], "entity_fields": fields})
        return touched
