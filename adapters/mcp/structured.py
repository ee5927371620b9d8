"""`structuredContent`: a tool's result as JSON beside its Markdown, for clients that read data, not prose.

Built from the use case's own result (domain objects), so it says exactly what the Markdown says. Text a
customer wrote gets the same treatment as in the Markdown: invisible and bidirectional-control characters
removed, and HTML bodies turned into plain text (under `description`, `text`). Raw bytes never appear;
empty and absent values are left out.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import logging
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter, ValidationError

from adapters.presenters.markdown.text import clean, html_to_text

HTML_FIELDS = {"description_html": "description", "text_html": "text"}

logger = logging.getLogger(__name__)


def structured(result: object, declared: Any = None) -> dict[str, Any]:
    """The result as a JSON object (a list or a value is wrapped as `{"result": ...}`), in the tool's
    declared shape (a TypedDict of adapters/mcp/outputs, or a union of them). Should the result not fit it
    (a bug the output tests catch), the answer still goes out, undeclared, and the mismatch is logged (field
    paths only, never values)."""
    data = _plain(result)
    plain = data if isinstance(data, dict) else {"result": data}
    if declared is None:
        return plain
    try:
        shaped = declared_shape(declared).validate_python(plain)
    except ValidationError as exc:
        where = sorted({".".join(str(part) for part in err["loc"]) for err in exc.errors(include_url=False)})
        logger.error("structuredContent does not fit %s at %s", declared, where)
        return plain
    return shaped if isinstance(shaped, dict) else plain


@functools.cache
def declared_shape(declared: Any) -> TypeAdapter[Any]:
    """The validator of a declared output, built the first time a call needs it (not at start-up)."""
    return TypeAdapter(declared)


def _plain(value: object) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _field_names(type(value))
        if names == ("value",):  # a typed ID such as TicketNumber is its value
            return _plain(value.value)  # type: ignore[attr-defined]
        return _object({name: getattr(value, name) for name in names})
    if isinstance(value, Mapping):
        return _object({str(key): item for key, item in value.items()})
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    return clean(str(value))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _object(fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, item in fields.items():
        if name.startswith("_"):
            continue
        if name in HTML_FIELDS:
            out[HTML_FIELDS[name]] = html_to_text(item) if isinstance(item, str) else None
            continue
        plain = _plain(item)
        if plain is not None and plain != [] and plain != {}:  # absent says the same in fewer tokens
            out[name] = plain
    return out
