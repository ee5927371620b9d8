"""Step definitions for the Gherkin features: they speak to the use cases and resolvers on the demo tenant,
and, for the mesa-first table, to the MCP tool layer in memory."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable
from typing import Any, TypeVar

import pytest
from dependency_injector import providers
from mcp import Client
from pytest_bdd import given, parsers, then, when

from adapters.container import create_container
from adapters.mcp.tools.tickets import LIST_TICKETS
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant
from application.queries import TicketFilter
from application.resolvers import (
    CATALOG_ITEM,
    CLIENT,
    DESK,
    REQUESTOR,
    RESPONSIBLE,
    STAGE,
    References,
)
from application.use_cases.tickets import ListTickets, TicketNames
from domain.errors import DomainError
from domain.ids import ClientId, DeskId
from domain.paging import PageRequest
from domain.resolution import Ambiguous, NoMatch, Resolution, Resolved
from tests.support.fake_api import InstrumentedFakeApi, fake_gateway
from tests.support.faults import Fault

T = TypeVar("T")


def run(awaitable: Awaitable[T]) -> T:
    async def wrapper() -> T:
        return await awaitable

    return asyncio.run(wrapper())


def ids(text: str) -> list[int]:
    return [int(part) for part in text.replace(" ", "").split(",") if part]


@pytest.fixture
def world() -> dict[str, Any]:
    return {}


@given(parsers.parse('the demo tenant "{name}"'))
def demo_tenant(world: dict[str, Any], name: str) -> None:
    world["tenant"] = FakeTenant.demo()
    world["gateway"] = fake_gateway(world["tenant"])


# --- resolving names ----------------------------------------------------------------------------------


@when(parsers.parse('someone asks for the desk "{name}"'))
def ask_desk(world: dict[str, Any], name: str) -> None:
    world["outcome"] = run(DESK.find(world["gateway"], name, None))


@when(parsers.parse('someone asks for the client "{name}"'))
def ask_client(world: dict[str, Any], name: str) -> None:
    world["outcome"] = run(CLIENT.find(world["gateway"], name, None))


@given("the key may not list users")
def users_forbidden(world: dict[str, Any]) -> None:
    api = InstrumentedFakeApi(world["tenant"])
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/users"), times=10)
    world["api"], world["gateway"] = api, fake_gateway(api)


@then("the attendants were asked, not the users")
def attendants_asked(world: dict[str, Any]) -> None:
    paths = [path for _method, path, _query, _type in world["api"].requests]
    assert "/api/v2/technical-users" in paths and "/api/v2/users" not in paths


@when(parsers.parse('someone assigns the ticket to "{name}"'))
def ask_responsible(world: dict[str, Any], name: str) -> None:
    world["outcome"] = run(RESPONSIBLE.find(world["gateway"], name, None))


@when(parsers.parse('someone names the requestor "{name}" for client {client_id:d}'))
def ask_requestor(world: dict[str, Any], name: str, client_id: int) -> None:
    _recorded(world)
    world["outcome"] = run(REQUESTOR.find(world["gateway"], name, ClientId(client_id)))


# --- a requestor within the client (issue 19) --------------------------------------------------------------


def _recorded(world: dict[str, Any]) -> InstrumentedFakeApi:
    """The tenant behind an API that records requests and takes faults (made once per scenario)."""
    if "api" not in world:
        world["api"] = InstrumentedFakeApi(world["tenant"])
        world["gateway"] = fake_gateway(world["api"])
    api: InstrumentedFakeApi = world["api"]
    return api


@given(parsers.parse("the key may not list the requestors of client {client_id:d}"))
def client_requestors_forbidden(world: dict[str, Any], client_id: int) -> None:
    _recorded(world).faults.add(
        Fault.answer(403).on("GET", f"/api/v2/clients/{client_id}/requestors"), times=10
    )


@given("the key may not list every client's requestors")
def every_requestor_forbidden(world: dict[str, Any]) -> None:
    _recorded(world).faults.add(Fault.answer(403).on("GET", "/api/v2/requestors"), times=10)


def _asked(world: dict[str, Any]) -> list[str]:
    return [path for _method, path, _query, _type in _recorded(world).requests]


@then(parsers.parse("only the requestors of client {client_id:d} were asked"))
def only_client_requestors(world: dict[str, Any], client_id: int) -> None:
    assert _asked(world) == [f"/api/v2/clients/{client_id}/requestors"]


@then("every client's requestors were asked too")
def every_requestor_asked(world: dict[str, Any]) -> None:
    assert "/api/v2/requestors" in _asked(world)


@when(parsers.parse('someone asks for the stage "{name}" of desk {desk_id:d}'))
def ask_stage(world: dict[str, Any], name: str, desk_id: int) -> None:
    world["outcome"] = run(STAGE.find(world["gateway"], name, DeskId(desk_id)))


@when(parsers.parse('someone asks for the catalog item "{name}" of desk {desk_id:d}'))
def ask_item(world: dict[str, Any], name: str, desk_id: int) -> None:
    world["outcome"] = run(CATALOG_ITEM.find(world["gateway"], name, DeskId(desk_id)))


def resolved(world: dict[str, Any]) -> Any:
    outcome: Resolution[Any] = world["outcome"]
    assert isinstance(outcome, Resolved), f"expected one match, got {outcome}"
    return outcome.value


@then(parsers.re(r'the (?:desk|client|user|stage|catalog item) (?P<ident>\d+) "(?P<name>[^"]+)" is chosen'))
def chosen(world: dict[str, Any], ident: str, name: str) -> None:
    value = resolved(world)
    assert (value.id, value.name) == (int(ident), name)


KINDS = r"(?:desks|clients|users|stages|catalog items)"


@then(parsers.re(rf"the person is asked to choose between the {KINDS} (?P<options>[\d, ]+)"))
def choice(world: dict[str, Any], options: str) -> None:
    outcome = world["outcome"]
    assert isinstance(outcome, Ambiguous), f"expected a choice, got {outcome}"
    offered = [scored.candidate.value.id for scored in outcome.options]
    assert sorted(offered) == ids(options)


@then(parsers.parse('"{name}" was not offered'))
def not_offered(world: dict[str, Any], name: str) -> None:
    assert resolved(world).name != name


@then(parsers.re(r"no (?:desk|client|user) is found$"))
def nothing_found(world: dict[str, Any]) -> None:
    assert isinstance(world["outcome"], NoMatch), world["outcome"]


@then(parsers.parse('no user is found, so TiFlux will create the requestor "{name}"'))
def new_requestor(world: dict[str, Any], name: str) -> None:
    outcome = world["outcome"]
    assert isinstance(outcome, NoMatch)
    assert outcome.term == name


@then(parsers.parse('the desk "{name}" is suggested'))
def suggested(world: dict[str, Any], name: str) -> None:
    outcome = world["outcome"]
    assert isinstance(outcome, NoMatch)
    assert any(suggestion.name == name for suggestion in outcome.suggestions), outcome.suggestions


# --- listing tickets through the use case ------------------------------------------------------------


def list_tickets(world: dict[str, Any], query: TicketFilter, names: TicketNames) -> None:
    gateway = world["gateway"]
    use_case = ListTickets(gateway.tickets, References(gateway))
    try:
        world["listing"] = run(use_case(query, names, PageRequest()))
    except DomainError as error:
        world["error"] = error


@when(parsers.parse('someone lists open tickets with desk_ids "{desk_ids}" and desk_name "{desk_name}"'))
def list_by_id_and_name(world: dict[str, Any], desk_ids: str, desk_name: str) -> None:
    list_tickets(
        world, TicketFilter(desk_ids=tuple(DeskId(i) for i in ids(desk_ids))), TicketNames(desk_name)
    )


@when(parsers.parse('someone lists open tickets in the stage "{stage}" without saying the desk'))
def list_by_stage_only(world: dict[str, Any], stage: str) -> None:
    list_tickets(world, TicketFilter(), TicketNames(stage_name=stage))


@when(parsers.parse('someone lists open tickets of desk "{desk}" in the stage "{stage}"'))
def list_by_desk_and_stage(world: dict[str, Any], desk: str, stage: str) -> None:
    list_tickets(world, TicketFilter(), TicketNames(desk_name=desk, stage_name=stage))


@then(parsers.parse("only tickets of desk {desk_id:d} are listed"))
def only_desk(world: dict[str, Any], desk_id: int) -> None:
    tickets = world["listing"].page.items
    assert tickets and all(ticket.desk.id == desk_id for ticket in tickets)


@then(parsers.parse("only ticket {number:d} is listed"))
def only_ticket(world: dict[str, Any], number: int) -> None:
    assert [ticket.number.value for ticket in world["listing"].page.items] == [number]


@then(parsers.parse("the answer asks for desk_id or desk_name in {field}"))
def asks_for_desk(world: dict[str, Any], field: str) -> None:
    error = world["error"]
    assert getattr(error, "field", None) == field and getattr(error, "rule", None) == "needs_desk"


# --- mesa-first through the MCP tool layer -------------------------------------------------------------


@given(parsers.parse('the person says "{utterance}"'))
def person_says(world: dict[str, Any], utterance: str) -> None:
    world["utterance"] = utterance


class CountingFake(InstrumentedFakeApi):
    """The fake TiFlux on the demo tenant, counting the requests that reach it (reads and writes)."""

    @property
    def calls(self) -> list[str]:
        return [f"{method} {path}" for method, path, _, _ in self.requests]

    @property
    def writes(self) -> list[str]:
        return [call for call in self.calls if not call.startswith("GET ")]


@when(parsers.parse("the assistant calls {tool} with {arguments}"))
def assistant_calls(world: dict[str, Any], tool: str, arguments: str) -> None:
    counting = CountingFake(world["tenant"])
    world["counting"] = counting
    container = create_container(Settings(_env_file=None, backend="fake"))  # type: ignore[call-arg]
    container.fake_api.override(providers.Object(counting))

    async def call() -> Any:
        async with Client(container.mcp_server()) as client:
            return await client.call_tool(tool, json.loads(arguments))

    result = run(call())
    world["answer"] = result
    world["text"] = "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


@then(parsers.parse('the answer is an error that names "{first}" and "{second}"'))
def error_names(world: dict[str, Any], first: str, second: str) -> None:
    assert world["answer"].is_error, world["text"]
    assert first in world["text"] and second in world["text"], world["text"]


@then("nothing was sent to TiFlux")
def nothing_sent(world: dict[str, Any]) -> None:
    assert world["counting"].calls == []


@then("nothing was written to TiFlux")
def nothing_written(world: dict[str, Any]) -> None:
    assert world["counting"].writes == []


@then(parsers.parse('the answer says "{words}"'))
def answer_says(world: dict[str, Any], words: str) -> None:
    assert words in world["text"], world["text"]


@then(parsers.parse('ticket {number:d} is still closed with status "{status}"'))
def still_closed(world: dict[str, Any], number: int, status: str) -> None:
    ticket = world["tenant"].tickets.get_ticket(number)
    assert ticket["is_closed"] and ticket["status"]["name"] == status
    assert world["counting"].writes == []


@then(parsers.parse("ticket {number:d} is now closed"))
def now_closed(world: dict[str, Any], number: int) -> None:
    assert world["tenant"].tickets.get_ticket(number)["is_closed"]


@then(parsers.parse('ticket {number:d} is now in stage {stage_id:d} "{stage}"'))
def now_in_stage(world: dict[str, Any], number: int, stage_id: int, stage: str) -> None:
    assert not world["answer"].is_error, world["text"]
    current = world["tenant"].tickets.get_ticket(number)["stage"]
    assert (current["id"], current["name"]) == (stage_id, stage)


@then(parsers.parse("the answer lists the tickets {tickets}"))
def answer_lists(world: dict[str, Any], tickets: str) -> None:
    assert not world["answer"].is_error, world["text"]
    listed = sorted(
        int(part.split("**#")[1].split("**")[0]) for part in world["text"].split("\n") if "**#" in part
    )
    assert listed == ids(tickets)


@then(parsers.parse('the answer says the name became "{resolved_text}"'))
def answer_names(world: dict[str, Any], resolved_text: str) -> None:
    assert resolved_text in world["text"]


@then(parsers.parse('the answer is an error that offers "{first}" and "{second}"'))
def answer_offers(world: dict[str, Any], first: str, second: str) -> None:
    assert world["answer"].is_error
    assert first in world["text"] and second in world["text"]


@then("the answer tells the assistant to ask the user")
def answer_asks(world: dict[str, Any]) -> None:
    assert "Pergunte ao usuário" in world["text"]


@then("the description of list_tickets says an unqualified name is a desk")
def description_desk() -> None:
    assert "Nome solto = mesa" in LIST_TICKETS.description.pt
    assert "A loose name is a desk" in LIST_TICKETS.description.en


@then('the description of list_tickets says "cliente" or "empresa" means client_name')
def description_client() -> None:
    assert '"cliente"/"empresa" → client_name' in LIST_TICKETS.description.pt
    assert '"client"/"company" → client_name' in LIST_TICKETS.description.en


@then(parsers.parse('the answer offers the ID {ident:d} for "{name}"'))
def offers_id(world: dict[str, Any], ident: int, name: str) -> None:
    assert not world["answer"].is_error, world["text"]
    rows = [line for line in world["text"].splitlines() if str(ident) in line and name in line]
    assert rows, world["text"]


@then(parsers.parse("ticket {number:d} has priority {priority:d} and catalog item {item:d}"))
def ticket_classified(world: dict[str, Any], number: int, priority: int, item: int) -> None:
    ticket = world["tenant"].tickets.get_ticket(number)
    assert (ticket["priority"]["id"], ticket["services_catalog"]["id"]) == (priority, item)


@then(parsers.parse("ticket {number:d} now has priority {priority:d}"))
def ticket_priority(world: dict[str, Any], number: int, priority: int) -> None:
    assert not world["answer"].is_error, world["text"]
    assert world["tenant"].tickets.get_ticket(number)["priority"]["id"] == priority
