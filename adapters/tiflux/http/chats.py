"""Chats over HTTP."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.records import page_params
from adapters.tiflux.wire import ChatWire, page_of, parse_one
from application.queries import ChatFilter
from domain.chats import Chat, ChatList
from domain.ids import ChatId
from domain.paging import Page, PageRequest


@dataclass(frozen=True)
class HttpChats:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def get(self, chat_id: ChatId) -> Chat:
        payload = await self.client.get(
            self.api_key, api_path("chats", chat_id), not_found=NotFoundAs("chat", str(chat_id))
        )
        return parse_one(ChatWire, payload).to_domain()

    async def list(self, queue: ChatList, query_: ChatFilter, page: PageRequest) -> Page[Chat]:
        archived = queue is ChatList.ARCHIVED
        params = page_params(page) | query(
            department_id=query_.department_id,
            client_id=query_.client_id,
            requestor_id=query_.requestor_id,
            number=query_.number,
            origins=",".join(query_.origins) or None,
            started_by=query_.started_by,
            user_id=query_.user_id if queue is ChatList.IN_ATTENDANCE else None,
            status=query_.status if queue is ChatList.IN_ATTENDANCE else None,
            canceled=query_.canceled if queue is ChatList.ARCHIVED else None,
            created_at_start=_iso_utc(query_.created_at_start),
            created_at_end=_iso_utc(query_.created_at_end),
            finished_at_start=_iso_utc(query_.finished_at_start) if archived else None,
            finished_at_end=_iso_utc(query_.finished_at_end) if archived else None,
        )
        payload = await self.client.get(self.api_key, api_path("chats", queue.value), params)
        return page_of(ChatWire, payload, page)


def _iso_utc(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment is not None else None
