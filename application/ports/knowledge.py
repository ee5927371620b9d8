"""The knowledge-base area of TiFlux: articles and their folders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from domain.knowledge import Counted, Knowledge, KnowledgeFolder, KnowledgeId, NewKnowledge
from domain.paging import PageRequest


class KnowledgePort(Protocol):
    """Reads the knowledge base and adds articles to it (API v2 has no update or delete)."""

    async def list(
        self, *, search: str | None, folder_ids: Sequence[int], page: PageRequest
    ) -> Counted[Knowledge]:
        """One page of articles; `search` matches title, tags or the start of the body."""
        ...

    async def get(self, knowledge_id: KnowledgeId) -> Knowledge:
        """One article with its whole body; NotFound if absent or not visible to the key's user."""
        ...

    async def folders(self, *, search: str | None, page: PageRequest) -> Counted[KnowledgeFolder]:
        """One page of folders; `search` matches the title."""
        ...

    async def create(self, article: NewKnowledge) -> Knowledge:
        """Create an article, once."""
        ...
