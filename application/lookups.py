"""Reading a whole reference list through a paged port, within documented bounds."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from domain.paging import MAX_PAGE_SIZE, Page, PageRequest

T = TypeVar("T")

LOOKUP_PAGE_SIZE = MAX_PAGE_SIZE
MAX_LOOKUP_PAGES = 10  # at most 2,000 desks, stages, items or users are searched by name


async def every_page(
    fetch: Callable[[PageRequest], Awaitable[Page[T]]], *, max_pages: int = MAX_LOOKUP_PAGES
) -> list[T]:
    """Pages 1, 2, … of 200 items until a short page (or the bound) says there is no more."""
    items: list[T] = []
    for number in range(1, max_pages + 1):
        page = await fetch(PageRequest(number, LOOKUP_PAGE_SIZE))
        items.extend(page.items)
        if not page.may_have_more:
            break
    return items
