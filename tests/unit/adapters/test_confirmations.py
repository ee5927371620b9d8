"""Irreversible writes are confirmed by the user when the client can elicit; declining sends nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from dependency_injector import providers
from mcp import Client
from mcp.types import ElicitRequestParams, ElicitResult

from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.elicitation import Person
from tests.support.fake_api import InstrumentedFakeApi

pytestmark = pytest.mark.anyio


def connect(tenant: FakeTenant | InstrumentedFakeApi, **settings: Any) -> Callable[..., Any]:
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def session(person: Person | None = None, mode: str | None = None) -> AsyncIterator[Client]:
        configured = Settings(_env_file=None, backend="fake", api_key=None, **settings)  # type: ignore[call-arg]
        container = create_container(configured)
        if isinstance(tenant, InstrumentedFakeApi):
            container.fake_api.override(providers.Object(tenant))
        else:
            container.fake_tenant.override(providers.Object(tenant))
        extra: dict[str, Any] = {"elicitation_callback": person} if person else {}
        if mode:
            extra["mode"] = mode
        async with Client(container.mcp_server(), **extra) as client:
            yield client

    return session


@pytest.fixture
def tenant() -> FakeTenant:
    return FakeTenant.demo()


def status_of(tenant: FakeTenant, number: int) -> bool:
    return bool(tenant.tickets.get_ticket(number)["is_closed"])


async def test_closing_asks_with_number_and_title_and_proceeds_when_confirmed(tenant: FakeTenant) -> None:
    person = Person()
    async with connect(tenant)(person) as client:
        result = await client.call_tool("close_ticket", {"ticket_number": "1040"})
    assert person.questions == ["Fechar o ticket #1040 — Impressora fiscal não imprime o cupom?"]
    assert not result.is_error and status_of(tenant, 1040)


@pytest.mark.parametrize("answer", [Person("decline"), Person("cancel"), Person("accept", confirm=False)])
async def test_declining_sends_nothing(tenant: FakeTenant, answer: Person) -> None:
    async with connect(tenant)(answer) as client:
        result = await client.call_tool("close_ticket", {"ticket_number": "1040"})
    assert result.is_error and "não confirmou" in result.content[0].text  # type: ignore[union-attr]
    assert not status_of(tenant, 1040)


async def test_the_answer_shows_its_first_lines(tenant: FakeTenant) -> None:
    person = Person()
    text = "Olá, Carlos!\n\nTrocamos a guilhotina.\nPode testar?\nLinha 4 não aparece."
    async with connect(tenant)(person) as client:
        result = await client.call_tool("create_ticket_answer", {"ticket_number": "1040", "text": text})
    assert not result.is_error
    question = person.questions[0]
    assert question.startswith("Enviar esta resposta ao cliente do ticket #1040?")
    assert "> Olá, Carlos!" in question and "> Pode testar?" in question and "Linha 4" not in question


async def test_a_cancel_is_asked_too(tenant: FakeTenant) -> None:
    person = Person("decline")
    async with connect(tenant)(person) as client:
        result = await client.call_tool("cancel_ticket", {"ticket_number": "1047"})
    assert result.is_error and person.questions[0].startswith("Cancelar o ticket #1047")


async def test_the_older_protocol_asks_over_the_back_channel(tenant: FakeTenant) -> None:
    person = Person("decline")
    async with connect(tenant)(person, mode="legacy") as client:
        result = await client.call_tool("close_ticket", {"ticket_number": "1040"})
    assert person.questions and result.is_error and not status_of(tenant, 1040)


async def test_a_client_without_elicitation_writes_as_before(tenant: FakeTenant) -> None:
    async with connect(tenant)() as client:
        result = await client.call_tool("close_ticket", {"ticket_number": "1040"})
    assert not result.is_error and status_of(tenant, 1040)


async def test_confirmation_can_be_switched_off(tenant: FakeTenant) -> None:
    person = Person("decline")
    async with connect(tenant, confirm_writes=False)(person) as client:
        result = await client.call_tool("close_ticket", {"ticket_number": "1040"})
    assert not person.questions and not result.is_error


async def test_bad_input_is_refused_without_asking(tenant: FakeTenant) -> None:
    person = Person()
    async with connect(tenant)(person) as client:
        result = await client.call_tool("close_ticket", {"ticket_number": "../desks"})
    assert result.is_error and not person.questions


async def test_reads_are_never_asked_about(tenant: FakeTenant) -> None:
    person = Person("decline")
    async with connect(tenant)(person) as client:
        result = await client.call_tool("get_ticket", {"ticket_number": "1040"})
    assert not result.is_error and not person.questions


class Picker:
    """A person who picks the option containing `wanted` (or declines when it is None)."""

    def __init__(self, wanted: str | None) -> None:
        self.wanted = wanted
        self.questions: list[tuple[str, list[str]]] = []

    async def __call__(self, _context: Any, params: ElicitRequestParams) -> ElicitResult:
        options = params.requested_schema["properties"]["choice"]["enum"]  # type: ignore[union-attr,index]
        self.questions.append((params.message, options))  # type: ignore[union-attr]
        if self.wanted is None:
            return ElicitResult(action="decline")
        return ElicitResult(action="accept", content={"choice": next(o for o in options if self.wanted in o)})


async def test_an_ambiguous_name_asks_the_user_to_pick_and_goes_on_with_the_choice(
    tenant: FakeTenant,
) -> None:
    person = Picker("ID 15")
    async with connect(tenant)(person) as client:
        result = await client.call_tool("get_desk", {"desk_name": "sup"})
    question, options = person.questions[0]
    assert question == 'Qual mesa você quis dizer com "sup"?'
    assert options == ["Suporte (Suporte N1) · ID 14", "Suporte N2 (Suporte Nível 2) · ID 15"]
    assert not result.is_error and "ID 15" in result.content[0].text  # type: ignore[union-attr]


async def test_choosing_nothing_keeps_the_list_of_candidates(tenant: FakeTenant) -> None:
    async with connect(tenant)(Picker(None)) as client:
        result = await client.call_tool("get_desk", {"desk_name": "sup"})
    assert result.is_error and "Mais de um resultado" in result.content[0].text  # type: ignore[union-attr]


async def test_without_elicitation_an_ambiguous_name_is_an_error_with_the_candidates(
    tenant: FakeTenant,
) -> None:
    async with connect(tenant)() as client:
        result = await client.call_tool("get_desk", {"desk_name": "sup"})
    assert result.is_error and "ID 14" in result.content[0].text and "ID 15" in result.content[0].text  # type: ignore[union-attr]


async def test_the_older_protocol_picks_over_the_back_channel(tenant: FakeTenant) -> None:
    person = Picker("ID 14")
    async with connect(tenant)(person, mode="legacy") as client:
        result = await client.call_tool("list_tickets", {"desk_name": "sup"})
    assert person.questions and not result.is_error
    assert result.structured_content is not None and result.structured_content["query"]["desk_ids"] == [14]


class Recording(InstrumentedFakeApi):
    """The demo tenant over HTTP, recording every request that reaches it (method, path, query)."""

    def __init__(self) -> None:
        super().__init__(FakeTenant.demo())

    @property
    def sent(self) -> list[tuple[str, str, str]]:
        return [(method, path, query) for method, path, query, _type in self.requests]


async def test_an_ambiguous_name_then_a_pick_sends_what_the_id_sends() -> None:
    by_name, by_id = Recording(), Recording()
    ticket = {"title": "Impressora", "description": "Não imprime", "client_id": 101}
    async with connect(by_name)(Picker("ID 15")) as client:
        picked = await client.call_tool("create_ticket", {**ticket, "desk_name": "sup"})
    async with connect(by_id)() as client:
        given = await client.call_tool("create_ticket", {**ticket, "desk_id": 15})

    assert not picked.is_error and not given.is_error
    assert by_name.sent[-len(by_id.sent) :] == by_id.sent  # after the pick: what the ID sends
    assert [r for r in by_name.sent if r[0] == "POST"] == [r for r in by_id.sent if r[0] == "POST"] != []
    text = picked.content[0].text  # type: ignore[union-attr]
    assert '`desk_name` "sup" → Suporte N2 (Suporte Nível 2) · ID 15 (escolhido pelo usuário)' in text


async def test_after_a_pick_the_other_names_are_not_looked_up_again_and_are_still_reported() -> None:
    """Over the back channel the call goes on in place. (At 2026-07-28 the client retries the whole call
    with the answer, so that round looks the names up once more, then goes on from the pick.)"""
    recording = Recording()
    arguments = {"title": "T", "description": "d", "client_name": "padaria", "desk_name": "sup"}
    async with connect(recording)(Picker("ID 14"), mode="legacy") as client:
        result = await client.call_tool("create_ticket", arguments)

    assert not result.is_error
    assert [path for _method, path, _query in recording.sent].count("/api/v2/clients") == 1
    text = result.content[0].text  # type: ignore[union-attr]
    assert '`client_name` "padaria"' in text and '`desk_name` "sup" → Suporte (Suporte N1) · ID 14' in text


async def test_a_question_speaks_the_users_language(tenant: FakeTenant) -> None:
    person, picker = Person("decline"), Picker(None)
    async with connect(tenant, language="en")(person) as client:
        await client.call_tool("close_ticket", {"ticket_number": "1040"})
    async with connect(tenant, language="en")(picker) as client:
        await client.call_tool("search_stage", {"desk_name": "sup"})
    assert person.questions == ["Close ticket #1040 — Impressora fiscal não imprime o cupom?"]
    assert picker.questions[0][0] == 'Which desk did you mean by "sup"?'


async def test_an_english_server_labels_stages_in_english(tenant: FakeTenant) -> None:
    async with connect(tenant, language="en")() as client:
        result = await client.call_tool("list_tickets", {"desk_ids": "14", "stage_name": "a"})
    text = result.content[0].text  # type: ignore[union-attr]
    assert result.is_error and "order" in text and "ordem" not in text


async def test_a_picked_catalog_item_is_shown_like_a_single_match(tenant: FakeTenant) -> None:
    person = Picker("ID")
    async with connect(tenant)(person) as client:
        result = await client.call_tool(
            "search_catalog_item", {"desk_id": 14, "catalog_item_name": "instalacao"}
        )
    assert (
        person.questions
        and person.questions[0][0] == 'Qual item de catálogo você quis dizer com "instalacao"?'
    )
    picked = person.questions[0][1][0]
    assert not result.is_error and picked.split(" (")[0] in result.content[0].text  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("language", "box", "help_text"),
    [("pt-BR", "Confirmar", "Marque para continuar."), ("en", "Confirm", "Check to proceed.")],
)
async def test_the_yes_no_box_speaks_the_users_language(
    tenant: FakeTenant, language: str, box: str, help_text: str
) -> None:
    # Every form's words in English mode are scanned by test_english_mode.py; this pins the box itself.
    schemas: list[Any] = []

    async def person(_context: Any, params: ElicitRequestParams) -> ElicitResult:
        schemas.append(params.requested_schema)  # type: ignore[union-attr]
        return ElicitResult(action="decline")

    async with connect(tenant, language=language)(person) as client:  # type: ignore[arg-type]
        await client.call_tool("close_ticket", {"ticket_number": "1040"})
    assert schemas[0]["properties"]["confirm"]["title"] == box
    assert schemas[0]["properties"]["confirm"]["description"] == help_text


async def test_with_confirmation_off_an_ambiguous_name_is_still_a_choice(tenant: FakeTenant) -> None:
    person = Picker("ID 15")
    async with connect(tenant, confirm_writes=False)(person) as client:
        result = await client.call_tool("get_desk", {"desk_name": "sup"})
    assert person.questions and not result.is_error
