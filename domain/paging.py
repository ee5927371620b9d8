"""Pages as the TiFlux API counts them: `offset` is a 1-based page number, `limit` its size."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from domain.errors import InvalidInput

MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 20

T = TypeVar("T")


@dataclass(frozen=True)
class PageRequest:
    """Which page to fetch; the API caps a page at 200 items."""

    number: int = 1
    size: int = DEFAULT_PAGE_SIZE
    asked: int | None = None  # the size a person asked for, when it was larger than the API allows

    @classmethod
    def capped(cls, number: int, size: int) -> PageRequest:
        """A page of at most 200 items, remembering a larger size that was asked for."""
        if size > MAX_PAGE_SIZE:
            return cls(number, MAX_PAGE_SIZE, asked=size)
        return cls(number, size)

    def __post_init__(self) -> None:
        if self.number < 1:
            raise InvalidInput("offset", "page_number")
        if not 1 <= self.size <= MAX_PAGE_SIZE:
            raise InvalidInput("limit", "integer_range", {"min": 1, "max": MAX_PAGE_SIZE})


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of results, and whether another page may follow."""

    items: Sequence[T]
    request: PageRequest
    total: int | None = None  # how many match in all, when TiFlux says (header `x-total-items`)

    @property
    def may_have_more(self) -> bool:
        return len(self.items) >= self.request.size

    @property
    def next_number(self) -> int | None:
        return self.request.number + 1 if self.may_have_more else None

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
