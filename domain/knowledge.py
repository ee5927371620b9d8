"""The knowledge base: articles (conhecimentos) filed in folders. API v2 can list, read and create articles,
never change or remove one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, NewType, TypeVar

from domain.paging import Page

KnowledgeId = NewType("KnowledgeId", int)
KnowledgeFolderId = NewType("KnowledgeFolderId", int)

T = TypeVar("T")


@dataclass(frozen=True)
class Counted(Generic[T]):
    """One page, and how many items the whole list holds when TiFlux said (`X-Total-Items`)."""

    page: Page[T]
    total: int | None = None


@dataclass(frozen=True)
class Knowledge:
    """An article. `description_html` is the body as stored (HTML; lists carry the first 300 characters)."""

    id: KnowledgeId
    title: str
    private: bool | None = None
    folder_ids: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()
    client_ids: tuple[int, ...] = ()
    technical_group_ids: tuple[int, ...] = ()
    catalog_item_ids: tuple[int, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    description_html: str | None = None


@dataclass(frozen=True)
class KnowledgeFolder:
    """A folder of articles; `description_html` may carry HTML."""

    id: KnowledgeFolderId
    title: str
    description_html: str | None = None
    icon: str | None = None
    articles: int | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class NewKnowledge:
    """An article to create, its body already safe HTML; `private` None leaves the API default (private)."""

    title: str
    description_html: str
    folder_ids: tuple[int, ...]
    tags: tuple[str, ...] = ()
    private: bool | None = None
    client_ids: tuple[int, ...] = ()
    technical_group_ids: tuple[int, ...] = ()
    catalog_item_ids: tuple[int, ...] = ()
