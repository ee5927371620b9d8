"""Knowledge-base articles and folders as the API sends them."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator

from adapters.tiflux.wire.base import Timestamp, WireModel
from domain.knowledge import Knowledge, KnowledgeFolder, KnowledgeFolderId, KnowledgeId


def _list_or_empty(value: Any) -> Any:
    return [] if value is None else value


IntList = Annotated[tuple[int, ...], BeforeValidator(_list_or_empty)]
TextList = Annotated[tuple[str, ...], BeforeValidator(_list_or_empty)]


class KnowledgeWire(WireModel):
    id: int
    title: str = ""
    description: str | None = None
    private: bool | None = None
    knowledge_folder_ids: IntList = ()
    tags: TextList = ()
    client_ids: IntList = ()
    technical_group_ids: IntList = ()
    services_catalogs_item_ids: IntList = ()
    created_at: Timestamp = None
    updated_at: Timestamp = None

    def to_domain(self) -> Knowledge:
        return Knowledge(
            id=KnowledgeId(self.id),
            title=self.title,
            private=self.private,
            folder_ids=self.knowledge_folder_ids,
            tags=self.tags,
            client_ids=self.client_ids,
            technical_group_ids=self.technical_group_ids,
            catalog_item_ids=self.services_catalogs_item_ids,
            created_at=self.created_at,
            updated_at=self.updated_at,
            description_html=self.description,
        )


class KnowledgeFolderWire(WireModel):
    id: int
    title: str = ""
    description: str | None = None
    icon: str | None = None
    qty_knowledges: int | None = None
    tags: TextList = ()

    def to_domain(self) -> KnowledgeFolder:
        return KnowledgeFolder(
            id=KnowledgeFolderId(self.id),
            title=self.title,
            description_html=self.description or None,
            icon=self.icon or None,
            articles=self.qty_knowledges,
            tags=self.tags,
        )
