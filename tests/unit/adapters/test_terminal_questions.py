"""The questions an MCP client gets are asked at the terminal too: y/N before a confirmed write, a numbered
list for an ambiguous name; `--yes` confirms; without a terminal and without `--yes` nothing is sent."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from dependency_injector import providers
from mcp import Client

from adapters.container import create_container
from adapters.settings import Settings
from adapters.terminal import TerminalPerson
from adapters.tiflux.fake.tenant import FakeTenant

pytestmark = pytest.mark.anyio


class Keyboard:
    """What the person types, one answer per prompt; records the prompts."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        return self.answers.pop(0)


@asynccontextmanager
async def terminal(tenant: FakeTenant, person: TerminalPerson) -> AsyncIterator[Client]:
    settings = Settings(_env_file=None, backend="fake", api_key=None)  # type: ignore[call-arg]
    container = create_container(settings)
    container.fake_tenant.override(providers.Object(tenant))
    async with Client(container.mcp_server(), elicitation_callback=person) as client:
        yield client


def closed(tenant: FakeTenant, number: int) -> bool:
    return bool(tenant.tickets.get_ticket(number)["is_closed"])


def text_of(result: Any) -> str:
    return "\n".join(getattr(block, "text", "") for block in result.content)


async def test_without_a_terminal_or_yes_a_confirmed_call_sends_nothing() -> None:
    tenant, person = FakeTenant.demo(), TerminalPerson("pt-BR", yes=False, ask=None)
    async with terminal(tenant, person) as client:
        result = await client.call_tool("close_ticket", {"ticket_number": "1040"})
    assert result.is_error and not closed(tenant, 1040)
    assert person.unasked
    assert "--yes" in person.why_nothing_was_sent("close_ticket")


async def test_yes_confirms_without_asking() -> None:
    tenant, keyboard = FakeTenant.demo(), Keyboard()
    person = TerminalPerson("pt-BR", yes=True, ask=keyboard)
    async with terminal(tenant, person) as client:
        result = await client.call_tool("close_ticket", {"ticket_number": "1040"})
    assert not result.is_error and closed(tenant, 1040) and not keyboard.prompts


@pytest.mark.parametrize(("typed", "goes_ahead"), [("s", True), ("y", True), ("n", False), ("", False)])
async def test_at_a_terminal_the_person_answers_y_or_n(typed: str, goes_ahead: bool) -> None:
    tenant, keyboard = FakeTenant.demo(), Keyboard(typed)
    async with terminal(tenant, TerminalPerson("pt-BR", yes=False, ask=keyboard)) as client:
        result = await client.call_tool("cancel_ticket", {"ticket_number": "1047"})
    assert keyboard.prompts[0].startswith("Cancelar o ticket #1047") and keyboard.prompts[0].endswith(
        "[s/N] "
    )
    assert result.is_error is not goes_ahead
    assert (tenant.tickets.get_ticket(1047)["status"]["name"] == "Cancelado") is goes_ahead


async def test_an_answer_to_a_customer_is_asked_in_english_too() -> None:
    tenant, keyboard = FakeTenant.demo(), Keyboard("n")
    async with terminal(tenant, TerminalPerson("en", yes=False, ask=keyboard)) as client:
        result = await client.call_tool("create_ticket_answer", {"ticket_number": "1040", "text": "Olá!"})
    assert result.is_error and keyboard.prompts[0].endswith("[y/N] ")


async def test_an_ambiguous_name_offers_numbered_candidates() -> None:
    tenant, keyboard = FakeTenant.demo(), Keyboard("2")
    async with terminal(tenant, TerminalPerson("pt-BR", yes=False, ask=keyboard)) as client:
        result = await client.call_tool("get_desk", {"desk_name": "sup"})
    prompt = keyboard.prompts[0]
    assert "  1) Suporte (Suporte N1) · ID 14\n  2) Suporte N2 (Suporte Nível 2) · ID 15\n" in prompt
    assert not result.is_error and "ID 15" in text_of(result)


async def test_no_number_keeps_the_list_of_candidates() -> None:
    tenant = FakeTenant.demo()
    async with terminal(tenant, TerminalPerson("pt-BR", yes=False, ask=Keyboard(""))) as client:
        result = await client.call_tool("get_desk", {"desk_name": "sup"})
    assert result.is_error and "ID 14" in text_of(result) and "ID 15" in text_of(result)


async def test_yes_does_not_pick_for_the_person() -> None:
    person = TerminalPerson("pt-BR", yes=True, ask=None)
    async with terminal(FakeTenant.demo(), person) as client:
        result = await client.call_tool("get_desk", {"desk_name": "sup"})
    assert result.is_error and "ID 14" in text_of(result) and not person.unasked
