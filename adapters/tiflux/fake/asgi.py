"""A :class:`FakeTenant` served over HTTP as TiFlux API v2 (the 32 routes under ``/api/v2``).

Requests need ``Authorization: Bearer <token>``; query strings and bodies are decoded as the real client
encodes them (API.md §0.3, §0.8) and handed to the tenant; its answers go out as
``application/json; charset=utf-8`` (200 for GET/PUT, 201 for POST). The demo reaches it in process
(``in_process.py``), ``tiflux-mcp fake-api`` over HTTP; tests wrap it in their own switches (faults,
latency, request log: ``tests/support/``).
"""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypedDict
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.datastructures import Headers, QueryParams, UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from adapters.tiflux.fake.tenant import ChatKind, FakeApiError, FakeTenant, Json, validation_error

API_PREFIX = "/api/v2"
JSON_MEDIA_TYPE = "application/json; charset=utf-8"
Handler = Callable[[Request, FakeTenant], Awaitable[Any]]

_INTEGER = re.compile(r"-?\d+")


class JsonResponse(Response):
    """A JSON body in UTF-8 (accents kept as is) with an explicit charset."""

    media_type = JSON_MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False).encode("utf-8")


def create_fake_api_app(
    tenant: FakeTenant, *, api_key: str | None = None, middleware: Sequence[Middleware] = ()
) -> Starlette:
    """The tenant behind HTTP; ``api_key=None`` accepts any non-empty bearer token. ``middleware`` runs
    between the token check and the routes (where tests put their fault switch)."""
    guard = Middleware(_GuardMiddleware, api_key=api_key, unauthorized=tenant.error_template("unauthorized"))
    return Starlette(
        routes=_routes(tenant),
        middleware=[guard, *middleware],
        exception_handlers={HTTPException: _http_error},
    )


class _GuardMiddleware:
    """Lets through only the requests bearing an accepted token (else 401)."""

    def __init__(self, app: ASGIApp, *, api_key: str | None, unauthorized: Json) -> None:
        self._app = app
        self._api_key = api_key
        self._unauthorized = unauthorized

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if self._accepts(headers.get("authorization")):
            await self._app(scope, receive, send)
            return
        denied = JsonResponse(self._unauthorized, status_code=401, headers={"WWW-Authenticate": "Bearer"})
        await denied(scope, receive, send)

    def _accepts(self, authorization: str | None) -> bool:
        scheme, _, token = (authorization or "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            return False
        return self._api_key is None or hmac.compare_digest(token.encode(), self._api_key.encode())


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own errors (no route: 404, wrong method: 405, bad multipart: 400) as JSON."""
    assert isinstance(exc, HTTPException)
    body = {"message": exc.detail, "error_code": exc.status_code * 100 + 1}
    return JsonResponse(body, status_code=exc.status_code, headers=exc.headers)


def _routes(tenant: FakeTenant) -> list[Route]:
    """One route per path, dispatching on the method, so that a 405 lists every method of its path."""
    by_path: dict[str, dict[str, Handler]] = {}
    for path, method, handler in _ROUTE_TABLE:
        by_path.setdefault(API_PREFIX + path, {})[method] = handler

    def route(path: str, handlers: dict[str, Handler]) -> Route:
        async def endpoint(request: Request) -> Response:
            method = "GET" if request.method == "HEAD" else request.method
            try:
                body = await handlers[method](request, tenant)
            except FakeApiError as error:
                return JsonResponse(error.body, status_code=error.status)
            return JsonResponse(body, status_code=201 if method == "POST" else 200)

        return Route(path, endpoint, methods=list(handlers))

    return [route(path, handlers) for path, handlers in by_path.items()]


# --- decoding requests ----------------------------------------------------------------------------------


def _bad_request(message: str) -> FakeApiError:
    return FakeApiError(400, {"message": "Bad Request", "detail": {"error": [message]}})


def _unsupported_media(request: Request) -> FakeApiError:
    media = request.headers.get("content-type") or "none"
    return FakeApiError(415, {"message": f"Unsupported Media Type: {media}", "error_code": 41501})


def _media_type(request: Request) -> str:
    return (request.headers.get("content-type") or "").split(";")[0].strip().lower()


def _flag(name: str, value: str | None) -> bool | None:
    """A ``true``/``false`` text; None when absent, 400 otherwise (an empty value included)."""
    if value is None:
        return None
    lowered = value.strip().lower()
    if lowered not in ("true", "false"):
        raise _bad_request(f"{name} must be true or false, got {value!r}")
    return lowered == "true"


class _Paging(TypedDict):
    offset: int
    limit: int


class _Query:
    """Typed access to a query string (already decoded: ``+`` is a space, ``%2C`` a comma)."""

    def __init__(self, request: Request) -> None:
        self._params: QueryParams = request.query_params

    def text(self, name: str) -> str | None:
        """A free text; an empty one is no text."""
        return self._params.get(name) or None

    def raw(self, name: str) -> str | None:
        """The value as sent (an empty one included), None when absent: for values the tenant checks."""
        return self._params.get(name)

    def integer(self, name: str) -> int | None:
        value = self.raw(name)
        if value is None:
            return None
        if not _INTEGER.fullmatch(value.strip()):
            raise _bad_request(f"{name} must be an integer, got {value!r}")
        return int(value)

    def boolean(self, name: str) -> bool | None:
        return _flag(name, self.raw(name))

    def csv(self, name: str) -> tuple[str, ...]:
        return tuple(part.strip() for part in (self.text(name) or "").split(",") if part.strip())

    def ids(self, name: str) -> tuple[int, ...]:
        parts = self.csv(name)
        bad = [part for part in parts if not part.isascii() or not part.isdigit()]
        if bad:
            raise _bad_request(f"{name} must be a comma-separated list of ids, got {bad[0]!r}")
        return tuple(int(part) for part in parts)

    def paging(self) -> _Paging:
        offset, limit = self.integer("offset"), self.integer("limit")
        return {"offset": 1 if offset is None else offset, "limit": 20 if limit is None else limit}


async def _form_fields(request: Request) -> dict[str, str]:
    if _media_type(request) != "application/x-www-form-urlencoded":
        raise _unsupported_media(request)
    try:
        text = (await request.body()).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _bad_request("the form body is not UTF-8") from exc
    return dict(parse_qsl(text, keep_blank_values=True))


async def _json_object(request: Request) -> dict[str, Any]:
    if _media_type(request) != "application/json":
        raise _unsupported_media(request)
    try:
        body = json.loads(await request.body())
    except ValueError as exc:
        raise _bad_request("the body is not valid JSON") from exc
    if not isinstance(body, dict):
        raise validation_error("the body must be a JSON object")
    return body


async def _multipart(request: Request) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    """The text parts and the ``files[]`` parts (name, content) of a multipart body."""
    if _media_type(request) != "multipart/form-data":
        raise _unsupported_media(request)
    fields: dict[str, str] = {}
    files: list[tuple[str, bytes]] = []
    async with request.form() as form:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                if key == "files[]":
                    files.append((value.filename or "file", await value.read()))
            elif key == "files[]":
                raise _bad_request("files[] parts must be files (with a filename)")
            else:
                fields[key] = value
    return fields, files


def _path_id(request: Request, name: str) -> int:
    return int(request.path_params[name])


# --- one handler per route ------------------------------------------------------------------------------


async def _get_ticket(request: Request, tenant: FakeTenant) -> Any:
    query = _Query(request)
    return tenant.get_ticket(
        _path_id(request, "ticket_number"),
        show_entities=bool(query.boolean("show_entities")),
        include_filled_entity=bool(query.boolean("include_filled_entity")),
    )


async def _list_tickets(request: Request, tenant: FakeTenant) -> Any:
    query = _Query(request)
    return tenant.list_tickets(
        **query.paging(),
        is_closed=bool(query.boolean("is_closed")),
        desk_ids=query.ids("desk_ids"),
        client_ids=query.ids("client_ids"),
        stage_ids=query.ids("stage_ids"),
        responsible_ids=query.ids("responsible_ids"),
        requestor_ids=query.ids("requestor_ids"),
        requestor_email=query.text("requestor_email"),
        date_type=query.raw("date_type"),
        start_datetime=query.raw("start_datetime"),
        end_datetime=query.raw("end_datetime"),
    )


async def _create_ticket(request: Request, tenant: FakeTenant) -> Any:
    return tenant.create_ticket(await _form_fields(request))


async def _update_ticket(request: Request, tenant: FakeTenant) -> Any:
    return tenant.update_ticket(_path_id(request, "ticket_number"), await _json_object(request))


async def _update_ticket_entities(request: Request, tenant: FakeTenant) -> Any:
    items = (await _json_object(request)).get("entities")
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise validation_error("entities must be a list of objects")
    return tenant.update_ticket_entities(_path_id(request, "ticket_number"), items)


async def _cancel_ticket(request: Request, tenant: FakeTenant) -> Any:
    return tenant.cancel_ticket(_path_id(request, "ticket_number"))


async def _close_ticket(request: Request, tenant: FakeTenant) -> Any:
    return tenant.close_ticket(_path_id(request, "ticket_number"))


async def _create_answer(request: Request, tenant: FakeTenant) -> Any:
    fields, files = await _multipart(request)
    return tenant.create_answer(
        _path_id(request, "ticket_number"),
        name=fields.get("name", ""),
        with_signature=bool(_flag("with_signature", fields.get("with_signature"))),
        files=files,
    )


async def _list_internal_communications(request: Request, tenant: FakeTenant) -> Any:
    return tenant.list_internal_communications(_path_id(request, "ticket_number"), **_Query(request).paging())


async def _get_internal_communication(request: Request, tenant: FakeTenant) -> Any:
    return tenant.get_internal_communication(
        _path_id(request, "ticket_number"), _path_id(request, "communication_id")
    )


async def _create_internal_communication(request: Request, tenant: FakeTenant) -> Any:
    fields, files = await _multipart(request)
    return tenant.create_internal_communication(
        _path_id(request, "ticket_number"), text=fields.get("text", ""), files=files
    )


async def _list_ticket_files(request: Request, tenant: FakeTenant) -> Any:
    return tenant.list_ticket_files(_path_id(request, "ticket_number"))


async def _list_stages_slas(request: Request, tenant: FakeTenant) -> Any:
    return tenant.list_stages_slas(_path_id(request, "ticket_number"), **_Query(request).paging())


async def _create_appointment(request: Request, tenant: FakeTenant) -> Any:
    return tenant.create_appointment(_path_id(request, "ticket_number"), await _json_object(request))


async def _list_appointments(request: Request, tenant: FakeTenant) -> Any:
    query = _Query(request)
    return tenant.list_appointments(
        _path_id(request, "ticket_number"),
        **query.paging(),
        user_id=query.integer("user_id"),
        start_date=query.raw("start_date"),
        end_date=query.raw("end_date"),
    )


async def _list_clients(request: Request, tenant: FakeTenant) -> Any:
    query = _Query(request)
    return tenant.list_clients(active=query.boolean("active"), name=query.text("name"), **query.paging())


async def _list_users(request: Request, tenant: FakeTenant) -> Any:
    query = _Query(request)
    return tenant.list_users(
        **query.paging(),
        active=query.boolean("active"),
        type=query.raw("type"),
        gauth_enabled=query.boolean("gauth_enabled"),
    )


async def _get_me(request: Request, tenant: FakeTenant) -> Any:
    return tenant.get_me()


async def _list_desks(request: Request, tenant: FakeTenant) -> Any:
    query = _Query(request)
    return tenant.list_desks(active=query.boolean("active"), name=query.text("name"), **query.paging())


async def _get_desk(request: Request, tenant: FakeTenant) -> Any:
    return tenant.get_desk(_path_id(request, "desk_id"))


async def _list_desk_priorities(request: Request, tenant: FakeTenant) -> Any:
    return tenant.list_desk_priorities(_path_id(request, "desk_id"), **_Query(request).paging())


async def _list_desk_services_catalogs(request: Request, tenant: FakeTenant) -> Any:
    return tenant.list_desk_services_catalogs(_path_id(request, "desk_id"), **_Query(request).paging())


async def _list_desk_stages(request: Request, tenant: FakeTenant) -> Any:
    return tenant.list_desk_stages(_path_id(request, "desk_id"), **_Query(request).paging())


async def _list_desk_catalog_items(request: Request, tenant: FakeTenant) -> Any:
    query = _Query(request)
    return tenant.list_desk_catalog_items(
        _path_id(request, "desk_id"),
        **query.paging(),
        area_id=query.integer("area_id"),
        catalog_id=query.integer("catalog_id"),
        name=query.text("name"),
    )


async def _get_chat(request: Request, tenant: FakeTenant) -> Any:
    return tenant.get_chat(_path_id(request, "chat_id"))


def _chat_list(kind: ChatKind) -> Handler:
    async def handler(request: Request, tenant: FakeTenant) -> Any:
        query = _Query(request)
        return tenant.list_chats(
            kind,
            **query.paging(),
            department_id=query.integer("department_id"),
            client_id=query.integer("client_id"),
            requestor_id=query.integer("requestor_id"),
            number=query.text("number"),
            origins=query.csv("origins"),
            started_by=query.raw("started_by"),
            user_id=query.integer("user_id"),
            status=query.raw("status"),
            canceled=query.boolean("canceled"),
        )

    return handler


async def _list_entities(request: Request, tenant: FakeTenant) -> Any:
    query = _Query(request)
    return tenant.list_entities(
        **query.paging(),
        active=query.boolean("active"),
        applied_in=query.raw("applied_in"),
        name=query.text("name"),
    )


async def _list_entity_fields(request: Request, tenant: FakeTenant) -> Any:
    query = _Query(request)
    return tenant.list_entity_fields(
        _path_id(request, "entity_id"),
        **query.paging(),
        field_type=query.raw("field_type"),
        required=query.boolean("required"),
        name=query.text("name"),
    )


async def _list_entity_field_options(request: Request, tenant: FakeTenant) -> Any:
    query = _Query(request)
    return tenant.list_entity_field_options(
        _path_id(request, "entity_field_id"), **query.paging(), value=query.text("value")
    )


_TICKET = "/tickets/{ticket_number:int}"
_DESK = "/desks/{desk_id:int}"
_ROUTE_TABLE: tuple[tuple[str, str, Handler], ...] = (
    ("/tickets", "GET", _list_tickets),
    ("/tickets", "POST", _create_ticket),
    (_TICKET, "GET", _get_ticket),
    (_TICKET, "PUT", _update_ticket),
    (f"{_TICKET}/entities", "PUT", _update_ticket_entities),
    (f"{_TICKET}/cancel", "PUT", _cancel_ticket),
    (f"{_TICKET}/close", "PUT", _close_ticket),
    (f"{_TICKET}/answers", "POST", _create_answer),
    (f"{_TICKET}/internal_communications", "GET", _list_internal_communications),
    (f"{_TICKET}/internal_communications", "POST", _create_internal_communication),
    (f"{_TICKET}/internal_communications/{{communication_id:int}}", "GET", _get_internal_communication),
    (f"{_TICKET}/files", "GET", _list_ticket_files),
    (f"{_TICKET}/stages-slas", "GET", _list_stages_slas),
    (f"{_TICKET}/appointments", "GET", _list_appointments),
    (f"{_TICKET}/appointments", "POST", _create_appointment),
    ("/clients", "GET", _list_clients),
    ("/users", "GET", _list_users),
    ("/users/me", "GET", _get_me),
    ("/desks", "GET", _list_desks),
    (_DESK, "GET", _get_desk),
    (f"{_DESK}/priorities", "GET", _list_desk_priorities),
    (f"{_DESK}/services-catalogs", "GET", _list_desk_services_catalogs),
    (f"{_DESK}/stages", "GET", _list_desk_stages),
    (f"{_DESK}/services-catalogs-items", "GET", _list_desk_catalog_items),
    ("/chats/inbox", "GET", _chat_list("inbox")),
    ("/chats/mine", "GET", _chat_list("mine")),
    ("/chats/in_attendance", "GET", _chat_list("in_attendance")),
    ("/chats/archived", "GET", _chat_list("archived")),
    ("/chats/{chat_id:int}", "GET", _get_chat),
    ("/entities", "GET", _list_entities),
    ("/entities/{entity_id:int}/fields", "GET", _list_entity_fields),
    ("/entity_fields/{entity_field_id:int}/options", "GET", _list_entity_field_options),
)
