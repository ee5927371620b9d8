"""The knowledge base: articles and folders. API v2 lists, reads and creates articles; nothing more."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.counted import Counted, counted
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.inputs import body_text, is_int
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, Check, contains, fold
from adapters.tiflux.fake.tenant.moments import iso
from adapters.tiflux.fake.tenant.routes import Route

KNOWLEDGE = "/knowledges/{knowledge_id:int}"
LIST_DESCRIPTION_LENGTH = 300  # lists carry the first 300 characters of an article's body
ID_LISTS = ("client_ids", "technical_group_ids", "services_catalogs_item_ids")


class KnowledgeArea:
    """The routes on knowledge articles and their folders."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        self._articles: dict[int, Json] = {item["id"]: item for item in state.tables["knowledges"]}
        self._folders: dict[int, Json] = {item["id"]: item for item in state.tables["knowledge_folders"]}

    def list_knowledges(
        self,
        *,
        search: str | None = None,
        knowledge_folder_ids: Sequence[int] | None = None,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
    ) -> Counted:
        articles = [_previewed(self._articles[ident]) for ident in sorted(self._articles)]
        checks = [_searching(search), _in_folders(knowledge_folder_ids)]
        return counted(articles, checks, offset, limit)

    def get_knowledge(self, knowledge_id: int) -> Json:
        if knowledge_id not in self._articles:
            raise self._state.not_found("Knowledge")
        return copy.deepcopy(self._articles[knowledge_id])

    def create_knowledge(self, body: Mapping[str, Any]) -> Json:
        title = body_text(body.get("title"), "title")
        description = body_text(body.get("description"), "description")
        folder_ids = _ids(body.get("knowledge_folder_ids"), "knowledge_folder_ids")
        if not folder_ids:
            raise validation_error("knowledge_folder_ids can't be blank")
        unknown = [ident for ident in folder_ids if ident not in self._folders]
        if unknown:
            raise validation_error(f"knowledge_folder_ids {unknown[0]} not found")
        tags = body.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(tag, str) and "," not in tag for tag in tags):
            raise validation_error("tags must be a list of texts without commas")
        private = body.get("private", True)
        if not isinstance(private, bool):
            raise validation_error("private must be true or false")
        now = iso(self._state.now())
        article: Json = {
            "id": max(self._articles, default=8000) + 1,
            "title": title,
            "description": description,
            "private": private,
            "knowledge_folder_ids": folder_ids,
            "tags": tags,
            **{key: _ids(body.get(key, []), key) for key in ID_LISTS},
            "created_at": now,
            "updated_at": now,
        }
        self._articles[article["id"]] = article
        for ident in folder_ids:
            folder = self._folders[ident]
            folder["qty_knowledges"] = (folder.get("qty_knowledges") or 0) + 1
        return copy.deepcopy(article)

    def list_knowledge_folders(
        self, *, search: str | None = None, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> Counted:
        folders = [self._folders[ident] for ident in sorted(self._folders)]
        titled: Check | None = (lambda folder: contains(folder["title"], search)) if search else None
        return counted(folders, [titled], offset, limit)


ROUTES = (
    Route(
        "GET",
        "/knowledges",
        KnowledgeArea.list_knowledges,
        {"search": "text", "knowledge_folder_ids": "ids"},
        paged=True,
    ),
    Route("GET", KNOWLEDGE, KnowledgeArea.get_knowledge),
    Route("POST", "/knowledges", KnowledgeArea.create_knowledge, body="json"),
    Route("GET", "/knowledge-folders", KnowledgeArea.list_knowledge_folders, {"search": "text"}, paged=True),
)


def _previewed(article: Json) -> Json:
    """An article as lists show it: the body cut at 300 characters."""
    shown = dict(article)
    shown["description"] = (article.get("description") or "")[:LIST_DESCRIPTION_LENGTH]
    return shown


def _searching(search: str | None) -> Check | None:
    """Title or a tag containing the text, or a body starting with it (case and accents ignored)."""
    if not search:
        return None
    return lambda article: (
        contains(article["title"], search)
        or any(contains(tag, search) for tag in article.get("tags") or [])
        or fold(article.get("description") or "").startswith(fold(search))
    )


def _in_folders(folder_ids: Sequence[int] | None) -> Check | None:
    """Articles in any of the folders."""
    if not folder_ids:
        return None
    wanted = set(folder_ids)
    return lambda article: bool(wanted & set(article.get("knowledge_folder_ids") or []))


def _ids(value: Any, key: str) -> list[int]:
    if not isinstance(value, list) or not all(is_int(item) and item > 0 for item in value):
        raise validation_error(f"{key} must be a list of ids")
    return list(dict.fromkeys(value))
