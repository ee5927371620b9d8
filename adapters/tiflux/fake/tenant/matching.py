"""Listing as the API does: checks on the items, case- and accent-blind text, pages of them."""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.errors import validation_error

Check = Callable[[Json], bool]

DEFAULT_LIMIT = 20
MAX_LIMIT = 200


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def contains(haystack: str | None, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack``, ignoring case and accents."""
    return haystack is not None and fold(needle) in fold(haystack)


def in_id_order(items: Mapping[int, Json]) -> list[Json]:
    """The values of an id-keyed table, by id."""
    return [items[ident] for ident in sorted(items)]


def field_is(key: str, value: Any) -> Check | None:
    """Keeps items whose ``key`` is ``value``; no check when ``value`` is None or an empty text."""
    if value is None or value == "":
        return None
    return lambda item: item.get(key) == value


def text_has(key: str, needle: str | None) -> Check | None:
    """Keeps items whose text at ``key`` contains ``needle``; no check when it is None or empty."""
    if not needle:
        return None
    return lambda item: contains(item[key], needle)


def id_in(key: str, ids: Iterable[int]) -> Check | None:
    """Keeps items whose object at ``key`` has one of ``ids``; no check when there are none."""
    wanted = set(ids)
    if not wanted:
        return None
    return lambda item: (item.get(key) or {}).get("id") in wanted


def id_is(key: str, ident: int | None) -> Check | None:
    """Keeps items whose object at ``key`` has the id ``ident``; no check when it is None."""
    return None if ident is None else id_in(key, [ident])


def one_of(name: str, value: str | None, allowed: Collection[str]) -> None:
    """Raises a 422 unless ``value`` is None or one of ``allowed`` (exactly: case counts)."""
    if value is not None and value not in allowed:
        raise validation_error(f"{name} must be one of {', '.join(allowed)}, got {value!r}")


def check_page(offset: int, limit: int) -> None:
    """Raises a 422 unless ``offset`` and ``limit`` name a page."""
    errors = []
    if offset < 1:
        errors.append("offset must be greater than or equal to 1")
    if not 1 <= limit <= MAX_LIMIT:
        errors.append(f"limit must be between 1 and {MAX_LIMIT}")
    if errors:
        raise validation_error(*errors)


def page(items: Sequence[Json], offset: int, limit: int) -> list[Json]:
    """A copy of page ``offset`` (from 1) of ``limit`` items."""
    check_page(offset, limit)
    start = (offset - 1) * limit
    return copy.deepcopy(list(items[start : start + limit]))


def listed(items: Iterable[Json], checks: Iterable[Check | None], offset: int, limit: int) -> list[Json]:
    """The page of the items that pass every check (a None check is none)."""
    active = [check for check in checks if check is not None]
    return page([item for item in items if all(check(item) for check in active)], offset, limit)
