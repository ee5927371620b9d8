"""Chats on the demo tenant."""

from __future__ import annotations

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.fake.reading import read
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.wire import ChatWire, page_of, parse_one
from application.queries import ChatFilter
from domain.chats import Chat, ChatList
from domain.ids import ChatId
from domain.paging import Page, PageRequest


class FakeChats:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def get(self, chat_id: ChatId) -> Chat:
        payload = read(lambda: self._tenant.get_chat(chat_id), NotFoundAs("chat", str(chat_id)))
        return parse_one(ChatWire, payload).to_domain()

    async def list(self, queue: ChatList, query: ChatFilter, page: PageRequest) -> Page[Chat]:
        payload = read(
            lambda: self._tenant.list_chats(
                queue.value,  # type: ignore[arg-type]
                offset=page.number,
                limit=page.size,
                department_id=query.department_id,
                client_id=query.client_id,
                requestor_id=query.requestor_id,
                number=query.number,
                origins=tuple(query.origins),
                started_by=query.started_by,
                user_id=query.user_id if queue is ChatList.IN_ATTENDANCE else None,
                status=query.status if queue is ChatList.IN_ATTENDANCE else None,
                canceled=query.canceled if queue is ChatList.ARCHIVED else None,
            )
        )
        return page_of(ChatWire, payload, page)
