"""Chat tools: one chat by ID, and the four chat queues (inbox, mine, in attendance, archived)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.fields import DEPARTMENT_ID, EndMoment, PositiveId, StartMoment
from adapters.mcp.outputs.chats import ChatQueueOutput, GetChatOutput
from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.chats import present_chat, present_chat_page
from adapters.use_cases import UseCases
from application.queries import ChatFilter
from application.use_cases.chats import ChatQueuePage, ListChats, ShowChat
from domain.chats import Chat, ChatList, ChatOrigin
from domain.ids import ChatId

__all__ = [
    "CHAT_TOOLS",
    "GET_CHAT",
    "LIST_ARCHIVED_CHATS",
    "LIST_INBOX_CHATS",
    "LIST_IN_ATTENDANCE_CHATS",
    "LIST_MY_CHATS",
]

_ORIGIN_CODES = tuple(origin.value for origin in ChatOrigin)
_NUMBER_SEPARATORS = re.compile(r"[\s()-]")
MIN_NUMBER_DIGITS, MAX_NUMBER_DIGITS = 8, 15


def _whatsapp_number(value: Any) -> str | None:
    """Digits only, with country and area code: "+55 (47) 99999-0000" → "5547999990000"."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        value = str(value)
    if not isinstance(value, str):
        raise PydanticCustomError("whatsapp_number", "number")
    digits = _NUMBER_SEPARATORS.sub("", value.strip().removeprefix("+"))
    if not (digits.isascii() and digits.isdigit() and MIN_NUMBER_DIGITS <= len(digits) <= MAX_NUMBER_DIGITS):
        raise PydanticCustomError("whatsapp_number", "number")
    return digits


WhatsAppNumber = Annotated[
    str | None,
    BeforeValidator(_whatsapp_number),
    WithJsonSchema({"type": "string", "pattern": r"^\+?[0-9 ()-]+$", "maxLength": 30}),
]


def _origins(value: Any) -> tuple[ChatOrigin, ...]:
    """One or more origins, as "whatsapp,site_widget" or ["whatsapp", "site_widget"]; each must be known."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items: list[Any] = [part for part in value.split(",") if part.strip()]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise PydanticCustomError("chat_origin", "origins")
    origins: list[ChatOrigin] = []
    for item in items:
        if not isinstance(item, str) or item.strip().lower() not in _ORIGIN_CODES:
            raise PydanticCustomError("chat_origin", "origins")
        origin = ChatOrigin(item.strip().lower())
        if origin not in origins:
            origins.append(origin)
    return tuple(origins)


Origins = Annotated[
    tuple[ChatOrigin, ...],
    BeforeValidator(_origins),
    # "whatsapp,site_widget" is accepted too; the list alone is advertised (it names every origin).
    WithJsonSchema({"type": "array", "items": {"type": "string", "enum": list(_ORIGIN_CODES)}}),
]

FROM, UNTIL = Words(pt="De.", en="From."), Words(pt="Até.", en="Until.")
Starter = Literal["Client", "Attendant", "Campaign", "API"]
AttendanceStatus = Literal["waiting_client", "waiting_attendance", "triage"]


class ChatIdInput(ToolInput):
    id: Annotated[PositiveId, Words(pt="Chat.", en="Chat.")]

    async def run(self, show_chat: ShowChat) -> Chat:
        return await show_chat(ChatId(self.id))


class ChatsInput(PagedInput):
    # The filters every chat queue has (no docstring: it would become the schema's description).
    department_id: Annotated[PositiveId | None, DEPARTMENT_ID] = None
    client_id: Annotated[PositiveId | None, Words(pt="Cliente.", en="Client.")] = None
    requestor_id: Annotated[PositiveId | None, Words(pt="Solicitante.", en="Requestor.")] = None
    number: Annotated[
        WhatsAppNumber,
        Words(pt="WhatsApp, com DDI.", en="WhatsApp, with country code."),
    ] = None
    origins: Annotated[Origins, Words(pt="Canais.", en="Channels.")] = ()
    started_by: Annotated[Starter | None, Words(pt="Quem iniciou.", en="Who started it.")] = None
    created_at_start: Annotated[StartMoment, FROM] = None
    created_at_end: Annotated[EndMoment, UNTIL] = None

    def to_filter(self) -> ChatFilter:
        return ChatFilter(
            created_at_start=self.created_at_start,
            created_at_end=self.created_at_end,
            department_id=self.department_id,
            client_id=self.client_id,
            requestor_id=self.requestor_id,
            number=self.number,
            origins=tuple(origin.value for origin in self.origins),
            started_by=self.started_by,
        )


class InAttendanceChatsInput(ChatsInput):
    user_id: Annotated[PositiveId | None, Words(pt="Atendente.", en="Attendant.")] = None
    status: Annotated[AttendanceStatus | None, Words(pt="Situação.", en="Status.")] = None

    def to_filter(self) -> ChatFilter:
        return replace(super().to_filter(), user_id=self.user_id, status=self.status)


class ArchivedChatsInput(ChatsInput):
    canceled: Annotated[
        bool | None,
        Words(pt="true: cancelados; false: finalizados.", en="true: cancelled; false: finished."),
    ] = None

    finished_at_start: Annotated[StartMoment, FROM] = None
    finished_at_end: Annotated[EndMoment, UNTIL] = None

    def to_filter(self) -> ChatFilter:
        return replace(
            super().to_filter(),
            canceled=self.canceled,
            finished_at_start=self.finished_at_start,
            finished_at_end=self.finished_at_end,
        )


@dataclass(frozen=True)
class QueueListing:
    """Lists one chat queue with a call's filters."""

    queue: ChatList

    async def __call__(self, args: ChatsInput, list_chats: ListChats) -> ChatQueuePage:
        return await list_chats(self.queue, args.to_filter(), args.page())


def _queue_tool(
    queue: ChatList, name: str, title: Words, description: Words, input_model: type[ChatsInput]
) -> ToolSpec[Any, Any, Any]:
    return ToolSpec(
        name=name,
        title=title,
        description=description,
        input_model=input_model,
        output_model=ChatQueueOutput,
        use_case=UseCases.list_chats,
        run=QueueListing(queue),
        present=present_chat_page,
        read_only=True,
        toolset="chats",
    )


GET_CHAT = ToolSpec(
    name="get_chat",
    title=Words(pt="Ver chat", en="Show chat"),
    description=Words(
        pt="Situação, pessoas, ticket, avaliação e última mensagem de um chat.",
        en="A chat's status, people, ticket, rating and last message.",
    ),
    input_model=ChatIdInput,
    output_model=GetChatOutput,
    use_case=UseCases.show_chat,
    run=ChatIdInput.run,
    present=present_chat,
    read_only=True,
    toolset="chats",
)

LIST_INBOX_CHATS = _queue_tool(
    ChatList.INBOX,
    "list_inbox_chats",
    Words(pt="Caixa de entrada", en="Chat inbox"),
    Words(
        pt="Os que nenhum atendente assumiu.",
        en="Chats no attendant has taken.",
    ),
    ChatsInput,
)

LIST_MY_CHATS = _queue_tool(
    ChatList.MINE,
    "list_my_chats",
    Words(pt="Meus chats", en="My chats"),
    Words(
        pt="Em andamento, do dono da chave.",
        en="Ongoing, the key owner's.",
    ),
    ChatsInput,
)

LIST_IN_ATTENDANCE_CHATS = _queue_tool(
    ChatList.IN_ATTENDANCE,
    "list_in_attendance_chats",
    Words(pt="Chats em atendimento", en="Chats in attendance"),
    Words(
        pt="De qualquer atendente.",
        en="By any attendant.",
    ),
    InAttendanceChatsInput,
)

LIST_ARCHIVED_CHATS = _queue_tool(
    ChatList.ARCHIVED,
    "list_archived_chats",
    Words(pt="Chats arquivados", en="Archived chats"),
    Words(
        pt="Finalizados ou cancelados, com avaliação.",
        en="Finished or cancelled, with the rating.",
    ),
    ArchivedChatsInput,
)

# In the official server's order; the registry places them after list_appointments.
CHAT_TOOLS: tuple[ToolSpec[Any, Any, Any], ...] = (
    GET_CHAT,
    LIST_INBOX_CHATS,
    LIST_MY_CHATS,
    LIST_IN_ATTENDANCE_CHATS,
    LIST_ARCHIVED_CHATS,
)
