"""Chats and the four chat lists."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from typing import Literal, get_args

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, Check, field_is, id_is, listed, one_of
from adapters.tiflux.fake.tenant.moments import parse_moment
from adapters.tiflux.fake.tenant.routes import Reader, Route

ChatKind = Literal["inbox", "mine", "in_attendance", "archived"]
ORIGINS = ("chat", "site_widget", "campaign", "whatsapp", "whatsapp_web", "gupshup", "whatsapp_cloud")
STARTERS = ("Client", "Attendant", "Campaign", "API")
ATTENDANCE_STATUSES = ("waiting_client", "waiting_attendance", "triage")


class ChatsArea:
    """The routes on chats."""

    def __init__(self, state: TenantState) -> None:
        self._state = state

    def get_chat(self, chat_id: int) -> Json:
        if chat_id not in self._state.chats:
            raise self._state.not_found("Chat")
        return copy.deepcopy(self._state.chats[chat_id])

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
        created_at_start: str | None = None,
        created_at_end: str | None = None,
        finished_at_start: str | None = None,
        finished_at_end: str | None = None,
    ) -> list[Json]:
        if kind not in get_args(ChatKind):
            raise self._state.not_found("Chat list")
        for origin in origins:
            one_of("origins", origin, ORIGINS)
        one_of("started_by", started_by, STARTERS)
        one_of("status", status, ATTENDANCE_STATUSES)
        if requestor_id is not None and requestor_id < 1:
            raise validation_error("requestor_id must be greater than 0")
        phone = re.sub(r"\D", "", number) if number else None
        wanted_origins = set(origins)
        attending = kind == "in_attendance"
        checks = [
            id_is("department", department_id),
            id_is("client", client_id),
            id_is("requestor", requestor_id),
            (lambda chat: self._requestor_phone(chat) == phone) if number else None,
            (lambda chat: chat["origin"] in wanted_origins) if wanted_origins else None,
            field_is("started_by", started_by),
            id_is("responsible", user_id if attending else None),
            field_is("status", status if attending else None),
            field_is("canceled", canceled if kind == "archived" else None),
            _within("created_at", "created_at", created_at_start, created_at_end),
            # Fixtures have no `finished_at`: an archived chat's last update is when it finished (v2.42 §14).
            _within("updated_at", "finished_at", finished_at_start, finished_at_end)
            if kind == "archived"
            else None,
        ]
        chats = [self._state.chats[chat_id] for chat_id in self._state.chat_lists[kind]]
        return listed(chats, checks, offset, limit)

    def _requestor_phone(self, chat: Json) -> str | None:
        requestor = self._state.requestors.get((chat.get("requestor") or {}).get("id", 0))
        phone = requestor.get("telephone") if requestor else None
        return re.sub(r"\D", "", phone) if phone else None


def _within(key: str, name: str, start: str | None, end: str | None) -> Check | None:
    """Chats whose `key` moment is within [start, end] (either bound open); a bad bound is a 422."""
    if start is None and end is None:
        return None
    low = parse_moment(start, name=f"{name}_start") if start is not None else None
    high = parse_moment(end, name=f"{name}_end", end_of_day=True) if end is not None else None

    def check(chat: Json) -> bool:
        raw = chat.get(key)
        if not raw:
            return False
        moment = parse_moment(raw, name=key)
        return (low is None or moment >= low) and (high is None or moment <= high)

    return check


_CHAT_FILTERS: dict[str, Reader] = {
    "department_id": "integer",
    "client_id": "integer",
    "requestor_id": "integer",
    "number": "text",
    "origins": "csv",
    "started_by": "raw",
    "user_id": "integer",
    "status": "raw",
    "canceled": "boolean",
    "created_at_start": "raw",
    "created_at_end": "raw",
    "finished_at_start": "raw",
    "finished_at_end": "raw",
}
ROUTES = (
    *(
        Route("GET", f"/chats/{kind}", ChatsArea.list_chats, _CHAT_FILTERS, paged=True, fixed={"kind": kind})
        for kind in get_args(ChatKind)
    ),
    Route("GET", "/chats/{chat_id:int}", ChatsArea.get_chat),
)
