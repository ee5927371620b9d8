"""A request to the fake API, read as its `Route` declares (``tenant/routes.py``), and handed to the area.

Query strings and bodies are decoded as the real client encodes them (API.md §0.3, §0.8); a value that
does not parse is a 400, a body of another media type a 415.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl

from starlette.datastructures import UploadFile
from starlette.requests import Request

from adapters.tiflux.fake.tenant.errors import FakeApiError, bad_request, validation_error
from adapters.tiflux.fake.tenant.inputs import flag
from adapters.tiflux.fake.tenant.routes import BodyKind, Reader, Route


class Query:
    """Typed access to a query string (already decoded: ``+`` is a space, ``%2C`` a comma).

    Each reader takes the parameter's name and returns None when it is absent."""

    def __init__(self, request: Request) -> None:
        self._params = request.query_params

    def text(self, name: str) -> str | None:
        """A free text; an empty one is no text."""
        return self._params.get(name) or None

    def raw(self, name: str) -> str | None:
        """The value as sent (an empty one included): for values the tenant checks itself."""
        return self._params.get(name)

    def integer(self, name: str) -> int | None:
        value = self.raw(name)
        if value is None:
            return None
        if not _INTEGER.fullmatch(value.strip()):
            raise bad_request(f"{name} must be an integer, got {value!r}")
        return int(value)

    def boolean(self, name: str) -> bool | None:
        return flag(name, self.raw(name))

    def csv(self, name: str) -> tuple[str, ...] | None:
        value = self.raw(name)
        if value is None:
            return None
        parts = tuple(part.strip() for part in value.split(","))
        if not all(parts):  # `origins=` or `a,,b`: a list with an empty item is no list of values
            raise bad_request(f"{name} must be a comma-separated list without empty items, got {value!r}")
        return parts

    def ids(self, name: str) -> tuple[int, ...] | None:
        parts = self.csv(name) or ()
        bad = [part for part in parts if not part.isascii() or not part.isdigit()]
        if bad:
            raise bad_request(f"{name} must be a comma-separated list of ids, got {bad[0]!r}")
        return tuple(int(part) for part in parts) or None


async def call_route(route: Route, area: object, request: Request) -> Any:
    """The area's answer to `request` (its JSON body), or FakeApiError."""
    query = Query(request)
    readers = {**route.query, **(_PAGING if route.paged else {})}
    values = {
        name: found
        for name, reader in readers.items()
        if (found := _READERS[reader](query, name)) is not None
    }
    body = await _body(route.body, request)
    return route.answer(area, *request.path_params.values(), *body, **values, **route.fixed)


async def _body(kind: BodyKind | None, request: Request) -> tuple[Any, ...]:
    if kind is None:
        return ()
    if _media_type(request) != _MEDIA_TYPES[kind]:
        media = request.headers.get("content-type") or "none"
        raise FakeApiError(415, {"message": f"Unsupported Media Type: {media}", "error_code": 41501})
    if kind == "form":
        return (await _form_fields(request),)
    if kind == "json":
        return (await _json_object(request),)
    return await _multipart(request)


_INTEGER = re.compile(r"-?\d+")
_PAGING: Mapping[str, Reader] = {"offset": "integer", "limit": "integer"}
_READERS: Mapping[Reader, Callable[[Query, str], Any]] = {
    "text": Query.text,
    "raw": Query.raw,
    "integer": Query.integer,
    "boolean": Query.boolean,
    "csv": Query.csv,
    "ids": Query.ids,
}
_MEDIA_TYPES: Mapping[BodyKind, str] = {
    "json": "application/json",
    "form": "application/x-www-form-urlencoded",
    "multipart": "multipart/form-data",
}


def _media_type(request: Request) -> str:
    return (request.headers.get("content-type") or "").split(";")[0].strip().lower()


async def _form_fields(request: Request) -> dict[str, str]:
    try:
        text = (await request.body()).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise bad_request("the form body is not UTF-8") from exc
    return dict(parse_qsl(text, keep_blank_values=True))


async def _json_object(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body())
    except ValueError as exc:
        raise bad_request("the body is not valid JSON") from exc
    if not isinstance(body, dict):
        raise validation_error("the body must be a JSON object")
    return body


async def _multipart(request: Request) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    """The text parts and the ``files[]`` parts (name, content) of a multipart body."""
    fields: dict[str, str] = {}
    files: list[tuple[str, bytes]] = []
    async with request.form() as form:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                if key == "files[]":
                    files.append((value.filename or "file", await value.read()))
            elif key == "files[]":
                raise bad_request("files[] parts must be files (with a filename)")
            else:
                fields[key] = value
    return fields, files
