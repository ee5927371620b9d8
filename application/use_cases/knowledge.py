"""The knowledge base: finding, reading and writing articles (API v2 cannot change or remove one)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from application.ports.knowledge import KnowledgePort
from application.ports.rich_text import RichTextPort
from application.resolvers import KNOWLEDGE_FOLDER, References, decisions
from domain.knowledge import Counted, Knowledge, KnowledgeFolder, KnowledgeFolderId, KnowledgeId, NewKnowledge
from domain.paging import PageRequest
from domain.resolution import Decision, Reference


@dataclass(frozen=True)
class KnowledgeList:
    """A page of articles, the filters it answers, and what a folder name became."""

    listed: Counted[Knowledge]
    search: str | None = None
    folder_ids: tuple[int, ...] = ()
    resolved: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class ListKnowledges:
    """Search articles by title, tags or body start, within folders given by ID or by name."""

    knowledge: KnowledgePort
    references: References

    async def __call__(
        self,
        *,
        search: str | None,
        folder_ids: Sequence[int],
        folder: Reference[KnowledgeFolderId],
        page: PageRequest,
    ) -> KnowledgeList:
        settled = await self.references.resolve(KNOWLEDGE_FOLDER, folder, None)
        ids = tuple(dict.fromkeys([*folder_ids, *([settled.id] if settled.id is not None else [])]))
        listed = await self.knowledge.list(search=search or None, folder_ids=ids, page=page)
        return KnowledgeList(listed, search or None, ids, decisions(settled))


@dataclass(frozen=True)
class ShowKnowledge:
    """One article with its whole body."""

    knowledge: KnowledgePort

    async def __call__(self, knowledge_id: KnowledgeId) -> Knowledge:
        return await self.knowledge.get(knowledge_id)


@dataclass(frozen=True)
class FolderList:
    listed: Counted[KnowledgeFolder]
    search: str | None = None


@dataclass(frozen=True)
class ListKnowledgeFolders:
    """The folders, optionally those whose title holds a text."""

    knowledge: KnowledgePort

    async def __call__(self, *, search: str | None, page: PageRequest) -> FolderList:
        return FolderList(await self.knowledge.folders(search=search or None, page=page), search or None)


@dataclass(frozen=True)
class KnowledgeCreated:
    article: Knowledge
    text: str  # the Markdown as written: nothing the user sent is lost


@dataclass(frozen=True)
class CreateKnowledge:
    """Write an article from Markdown, as safe HTML, once (it cannot be edited or removed later)."""

    knowledge: KnowledgePort
    rich_text: RichTextPort

    async def __call__(
        self,
        *,
        title: str,
        text: str,
        folder_ids: Sequence[int],
        tags: Sequence[str] = (),
        private: bool | None = None,
        client_ids: Sequence[int] = (),
        technical_group_ids: Sequence[int] = (),
        catalog_item_ids: Sequence[int] = (),
    ) -> KnowledgeCreated:
        article = NewKnowledge(
            title=title,
            description_html=await self.rich_text.to_html(text),
            folder_ids=tuple(folder_ids),
            tags=tuple(tags),
            private=private,
            client_ids=tuple(client_ids),
            technical_group_ids=tuple(technical_group_ids),
            catalog_item_ids=tuple(catalog_item_ids),
        )
        return KnowledgeCreated(await self.knowledge.create(article), text)
