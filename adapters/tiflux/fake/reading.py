"""Calling the tenant as the HTTP adapter calls the API: its error answers become domain errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from adapters.tiflux.errors import NotFoundAs, error_for_status
from adapters.tiflux.fake.tenant import FakeApiError

T = TypeVar("T")


@contextmanager
def api_errors(*, is_read: bool = True, not_found: NotFoundAs | None = None) -> Iterator[None]:
    try:
        yield
    except FakeApiError as exc:
        raise error_for_status(exc.status, exc.body, is_read=is_read, not_found=not_found) from None


def read(call: Callable[[], T], not_found: NotFoundAs | None = None) -> T:
    with api_errors(not_found=not_found):
        return call()


def write(call: Callable[[], T], not_found: NotFoundAs | None = None) -> T:
    with api_errors(is_read=False, not_found=not_found):
        return call()
