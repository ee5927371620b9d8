"""A route of the fake API as data; each area module of the tenant ends with its table, ``ROUTES``.

A `Route` names a method and a path under ``/api/v2`` (Starlette's syntax, ids as ``{name:int}``), the area
method that answers it, how each query parameter is read, whether the route is paged, and the body it takes.
``routing.py`` calls the area method with the path ids in path order, then the body, then the query values
and the route's `fixed` ones as keywords. A query parameter that is absent is not passed, so the method's
own default applies.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Method = Literal["GET", "POST", "PUT", "DELETE"]
# How a query parameter is read: a free text (empty is absent), the raw value (checked by the area), an
# integer, true/false, comma-separated texts or ids. A value that does not parse is a 400.
Reader = Literal["text", "raw", "integer", "boolean", "csv", "ids"]
# The body an area method takes: a JSON object (one dict), a form (one dict of texts), multipart (a dict of
# texts and a list of (file name, content)).
BodyKind = Literal["json", "form", "multipart"]


@dataclass(frozen=True)
class Route:
    """One route of API v2 and the area method that answers it."""

    method: Method
    path: str
    answer: Callable[..., Any]  # the area's method, unbound: (area, *path ids, *body, **query values)
    query: Mapping[str, Reader] = field(default_factory=dict)
    paged: bool = False  # reads `offset` and `limit` as integers too
    body: BodyKind | None = None
    fixed: Mapping[str, Any] = field(default_factory=dict)  # keywords every call gets (e.g. which queue)
    status: int | None = None  # by default 201 for POST, 204 (no body) for DELETE, 200 otherwise

    @property
    def success(self) -> int:
        return self.status or {"POST": 201, "DELETE": 204}.get(self.method, 200)


# Paths many areas hang routes on.
TICKET = "/tickets/{ticket_number:int}"
DESK = "/desks/{desk_id:int}"
