"""Argument types shared by many tools: each validates, describes itself to the model, and converts."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from application.queries import MAX_IDS_PER_FILTER
from domain.attachments import AttachmentLimits
from domain.errors import InvalidInput
from domain.ids import MAX_ID, TicketNumber

# How every `*_name` argument is resolved (domain/resolution.py), said once in each tool that takes names.
NAMES_RESOLVED = Words(
    pt="Nomes: parte basta, sem acentos; ID vence; com candidatos, pergunte ao usuário.",
    en="Names: a part will do, accents ignored; an ID wins; given candidates, ask the user.",
)


def files_allowed(limits: AttachmentLimits) -> Words:
    """The sentence a sending tool's description carries about attachments."""
    return Words(
        pt=f"Até {limits.max_files} anexos de até {limits.max_megabytes} MB (files ou files_base64).",
        en=f"Up to {limits.max_files} attachments of up to {limits.max_megabytes} MB (files or "
        f"files_base64).",
    )


ID_LISTS = Words(
    pt=f'*_ids: "14,15", até {MAX_IDS_PER_FILTER}.',
    en=f'*_ids: "14,15", up to {MAX_IDS_PER_FILTER}.',
)
MOMENTS = Words(
    pt="Datas: AAAA-MM-DD (o dia todo) ou ISO-8601, inclusivas.",
    en="Dates: YYYY-MM-DD (the whole day) or ISO-8601, inclusive.",
)

# Parameters many tools share: said the same way wherever they appear.
DESK_ID = Words(pt="Mesa (list_desks).", en="Desk (list_desks).")
DESK_NAME = Words(pt="Nome ou parte da mesa.", en="Desk name or part.")
CLIENT_ID = Words(pt="Cliente (search_client).", en="Client (search_client).")
CLIENT_NAME = Words(pt="Nome ou parte do cliente.", en="Client name or part.")
STAGE_ID = Words(pt="Estágio (search_stage).", en="Stage (search_stage).")
STAGE_NAME = Words(pt="Nome ou parte do estágio da mesa.", en="Name or part of a stage of the desk.")
REQUESTOR_ID = Words(pt="Solicitante (search_user).", en="Requestor (search_user).")
RESPONSIBLE_NAME = Words(pt="Nome ou e-mail do atendente.", en="The attendant's name or e-mail.")
STATUS_ID = Words(pt="ID do status.", en="Status ID.")
CATALOG_ITEM_ID = Words(pt="Item (search_catalog_item).", en="Item (search_catalog_item).")
CATALOG_ITEM_NAME = Words(pt="Nome ou parte do item de catálogo.", en="Name or part of a catalog item.")
DEPARTMENT_ID = Words(pt="Departamento.", en="Department.")
MARKDOWN = Words(pt="Markdown (vai como HTML).", en="Markdown (sent as HTML).")
NAME_OR_PART = Words(pt="Nome ou parte.", en="Name or part.")

_ID_LIST_RE = re.compile(r"^\s*\d+\s*(,\s*\d+\s*)*,?\s*$")


def _ticket_number(value: Any) -> TicketNumber:
    try:
        return TicketNumber.parse(value)
    except InvalidInput:
        raise PydanticCustomError("positive_integer", "ticket number") from None


TicketNumberArg = Annotated[
    TicketNumber,
    BeforeValidator(_ticket_number),
    WithJsonSchema({"type": "string"}),  # "#1042" or "1042": the validator says so when it is neither
    Words(pt="Nº visível (não o ID).", en="Visible number (not the ID)."),
]


def _id_list(value: Any) -> tuple[int, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, int) and not isinstance(value, bool):
        items: list[Any] = [value]
    elif isinstance(value, str):
        if not _ID_LIST_RE.match(value):
            raise PydanticCustomError("id_list", "ids")
        items = [part for part in value.split(",") if part.strip()]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise PydanticCustomError("id_list", "ids")
    ids: list[int] = []
    for item in items:
        if isinstance(item, bool):
            raise PydanticCustomError("id_list", "ids")
        try:
            number = int(str(item).strip())
        except ValueError:
            raise PydanticCustomError("id_list", "ids") from None
        if not 0 < number <= MAX_ID:
            raise PydanticCustomError("id_list", "ids")
        if number not in ids:
            ids.append(number)
    return tuple(ids)


IdList = Annotated[
    tuple[int, ...],
    BeforeValidator(_id_list),
    WithJsonSchema({"type": "string"}),
]


def _zone(info: ValidationInfo) -> ZoneInfo:
    context = info.context or {}
    zone = context.get("zone")
    return zone if isinstance(zone, ZoneInfo) else ZoneInfo("America/Sao_Paulo")


def _moment(value: Any, info: ValidationInfo, *, end_of_day: bool) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                day = date.fromisoformat(text)
                parsed = datetime.combine(day, time.max.replace(microsecond=0) if end_of_day else time.min)
            else:
                parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise PydanticCustomError("iso_datetime", "date") from None
    else:
        raise PydanticCustomError("iso_datetime", "date")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=_zone(info))


def _start(value: Any, info: ValidationInfo) -> datetime | None:
    return _moment(value, info, end_of_day=False)


def _end(value: Any, info: ValidationInfo) -> datetime | None:
    return _moment(value, info, end_of_day=True)


# A day or a moment: `format: date-time` would refuse "2025-03-01", which is accepted (the whole day).
_DATE_SCHEMA = {"type": "string"}
StartMoment = Annotated[datetime | None, BeforeValidator(_start), WithJsonSchema(_DATE_SCHEMA)]
EndMoment = Annotated[datetime | None, BeforeValidator(_end), WithJsonSchema(_DATE_SCHEMA)]

Offset = Annotated[int, Field(ge=1, le=100_000), Words(pt="Página.", en="Page.")]
MAX_ASKED_LIMIT = 100_000
# More than 200 is accepted and capped (the answer says so); the advertised schema shows the cap
# (`PagedInput.advertise`), which says it all.
Limit = Annotated[int, Field(ge=1, le=MAX_ASKED_LIMIT), Words(pt="Por página.", en="Per page.")]


def _not_a_boolean(value: Any) -> Any:
    if isinstance(value, bool):  # pydantic would read true as 1: an ID is never a yes/no
        raise PydanticCustomError("positive_integer", "id")
    return value


PositiveId = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_not_a_boolean)]
# An ID where null means something (e.g. "no responsible"): the schema must say null is accepted.
NullableId = Annotated[PositiveId | None, WithJsonSchema({"type": ["integer", "null"], "minimum": 1})]

_EMAIL_RE = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")


def _email(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _EMAIL_RE.match(value.strip()):
        raise PydanticCustomError("email", "email")
    return value.strip()


Email = Annotated[
    str | None,
    BeforeValidator(_email),
    WithJsonSchema({"type": "string", "format": "email", "maxLength": 254}),
]


def _emails(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    parts = [p for p in re.split(r"[,;\s]+", value) if p] if isinstance(value, str) else value
    if not isinstance(parts, list | tuple):
        raise PydanticCustomError("email_list", "emails")
    emails: list[str] = []
    for part in parts:
        if not isinstance(part, str) or not _EMAIL_RE.match(part.strip()):
            raise PydanticCustomError("email_list", "emails")
        if part.strip() not in emails:
            emails.append(part.strip())
    return tuple(emails)


EmailList = Annotated[
    tuple[str, ...],
    BeforeValidator(_emails),
    WithJsonSchema({"type": "string"}),
    Words(pt="E-mails por vírgula.", en="Comma-separated e-mails."),
]


def _optional_ticket_number(value: Any) -> TicketNumber | None:
    if value is None or value == "":
        return None
    return _ticket_number(value)


OptionalTicketNumber = Annotated[
    TicketNumber | None,
    BeforeValidator(_optional_ticket_number),
    WithJsonSchema({"type": "string"}),  # "#1042" or "1042": the validator says so when it is neither
]


_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _DAY_RE.match(value.strip()):
        raise PydanticCustomError("field_date", "date")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise PydanticCustomError("field_date", "date") from None


def _past_day(value: Any, info: ValidationInfo) -> date | None:
    day = _day(value)
    if day is not None and day > datetime.now(_zone(info)).date():
        raise PydanticCustomError("not_future", "date")
    return day


Day = Annotated[date | None, BeforeValidator(_day), WithJsonSchema({"type": "string", "format": "date"})]
PastDay = Annotated[date, BeforeValidator(_past_day), WithJsonSchema({"type": "string", "format": "date"})]
TimeOfDay = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]

# An optional day that may not be in the future (in the configured zone): the tickets area (issue 18).
PastDayOrNone = Annotated[
    date | None, BeforeValidator(_past_day), WithJsonSchema({"type": "string", "format": "date"})
]
