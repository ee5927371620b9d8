"""Declared `structuredContent` of the knowledge-base tools."""

from __future__ import annotations

from typing import Generic, NotRequired, TypeVar

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Page

T = TypeVar("T")


@with_config(DECLARED)
class Knowledge(TypedDict):
    id: int
    title: str
    private: NotRequired[bool]
    folder_ids: NotRequired[list[int]]
    tags: NotRequired[list[str]]
    client_ids: NotRequired[list[int]]
    technical_group_ids: NotRequired[list[int]]
    catalog_item_ids: NotRequired[list[int]]
    created_at: NotRequired[str]
    updated_at: NotRequired[str]
    description: NotRequired[str | None]  # the body as plain text (lists: its first 300 characters)


@with_config(DECLARED)
class KnowledgeFolder(TypedDict):
    id: int
    title: str
    description: NotRequired[str | None]
    icon: NotRequired[str]
    articles: NotRequired[int]
    tags: NotRequired[list[str]]


@with_config(DECLARED)
class Counted(TypedDict, Generic[T]):
    page: Page[T]
    total: NotRequired[int]


@with_config(DECLARED)
class FolderDecision(TypedDict):
    field: str
    term: str
    record: KnowledgeFolder
    picked: bool


@with_config(DECLARED)
class KnowledgeList(TypedDict):
    listed: Counted[Knowledge]
    search: NotRequired[str]
    folder_ids: NotRequired[list[int]]
    resolved: NotRequired[list[FolderDecision]]


@with_config(DECLARED)
class FolderList(TypedDict):
    listed: Counted[KnowledgeFolder]
    search: NotRequired[str]


@with_config(DECLARED)
class KnowledgeCreated(TypedDict):
    article: Knowledge
    text: str


ListKnowledgesOutput = KnowledgeList
GetKnowledgeOutput = Knowledge
ListKnowledgeFoldersOutput = FolderList
CreateKnowledgeOutput = KnowledgeCreated
