"""The knowledge base over HTTP: articles and folders (API v2 has no update or delete for articles)."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.records import page_params
from adapters.tiflux.wire import page_of, parse_one
from adapters.tiflux.wire.knowledge import KnowledgeFolderWire, KnowledgeWire
from domain.errors import PermissionDenied
from domain.knowledge import Counted, Knowledge, KnowledgeFolder, KnowledgeId, NewKnowledge
from domain.paging import PageRequest

T = TypeVar("T")

# What a 403 means here (assets.md A.5): reading shows only public articles and those of the user's
# technical groups without "Gerenciar base de conhecimento"; creating needs "Gerenciar conhecimento".
READ_NEED = "knowledge.read"
CREATE_NEED = "knowledge.create"


async def needing(need: str, call: Awaitable[T]) -> T:
    """The call's answer; a 403 says which permission the operation needs."""
    try:
        return await call
    except PermissionDenied as denied:
        raise dataclasses.replace(denied, need=need) from None


def new_knowledge_json(article: NewKnowledge) -> dict[str, Any]:
    """The flat body of POST /knowledges; optional fields only when given."""
    body: dict[str, Any] = {
        "title": article.title,
        "description": article.description_html,
        "knowledge_folder_ids": list(article.folder_ids),
    }
    if article.tags:
        body["tags"] = list(article.tags)
    if article.private is not None:
        body["private"] = article.private
    for key, ids in (
        ("client_ids", article.client_ids),
        ("technical_group_ids", article.technical_group_ids),
        ("services_catalogs_item_ids", article.catalog_item_ids),
    ):
        if ids:
            body[key] = list(ids)
    return body


@dataclass(frozen=True)
class HttpKnowledge:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def list(
        self, *, search: str | None, folder_ids: Sequence[int], page: PageRequest
    ) -> Counted[Knowledge]:
        params = page_params(page) | query(search=search or None, knowledge_folder_ids=tuple(folder_ids))
        payload, total = await needing(
            READ_NEED, self.client.get_counted(self.api_key, api_path("knowledges"), params)
        )
        return Counted(page_of(KnowledgeWire, payload, page), total)

    async def get(self, knowledge_id: KnowledgeId) -> Knowledge:
        payload = await needing(
            READ_NEED,
            self.client.get(
                self.api_key,
                api_path("knowledges", knowledge_id),
                not_found=NotFoundAs("knowledge", str(knowledge_id)),
            ),
        )
        return parse_one(KnowledgeWire, payload).to_domain()

    async def folders(self, *, search: str | None, page: PageRequest) -> Counted[KnowledgeFolder]:
        params = page_params(page) | query(search=search or None)
        payload, total = await needing(
            READ_NEED, self.client.get_counted(self.api_key, api_path("knowledge-folders"), params)
        )
        return Counted(page_of(KnowledgeFolderWire, payload, page), total)

    async def create(self, article: NewKnowledge) -> Knowledge:
        payload = await needing(
            CREATE_NEED,
            self.client.write(self.api_key, "POST", api_path("knowledges"), json=new_knowledge_json(article)),
        )
        return parse_one(KnowledgeWire, payload).to_domain()
