"""Reading what a request sends: form numbers, JSON integers and texts, ids among the known items."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.errors import bad_request, validation_error

DIGITS = re.compile(r"\d+")


def is_int(value: Any) -> bool:
    """Whether ``value`` is an integer (a bool is not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def form_int(form: Mapping[str, str], key: str) -> int | None:
    """A number field of a form, None when absent, else 422."""
    raw = form.get(key)
    if raw is None:
        return None
    if not DIGITS.fullmatch(raw.strip()):
        raise validation_error(f"{key} is not a valid number")
    return int(raw)


def body_int(value: Any, key: str) -> int:
    """An integer of a JSON body, else 422."""
    if not is_int(value):
        raise validation_error(f"{key} must be an integer")
    return int(value)


def body_text(value: Any, key: str) -> str:
    """A non-blank text of a JSON body, else 422."""
    if not isinstance(value, str) or not value.strip():
        raise validation_error(f"{key} can't be blank")
    return value


def pick(items: Iterable[Json], ident: int, key: str) -> Json:
    """The item with id ``ident``, else a 422 naming the parameter ``key``."""
    for item in items:
        if item["id"] == ident:
            return item
    raise validation_error(f"{key} {ident} not found")


def flag(name: str, value: str | None) -> bool | None:
    """A ``true``/``false`` text; None when absent, 400 otherwise (an empty value included)."""
    if value is None:
        return None
    lowered = value.strip().lower()
    if lowered not in ("true", "false"):
        raise bad_request(f"{name} must be true or false, got {value!r}")
    return lowered == "true"
