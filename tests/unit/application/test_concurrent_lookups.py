"""Independent name lookups of one call run at the same time, with the answers and errors of a sequential run.

The use cases run on the demo tenant behind ports that take a while to answer, like TiFlux over the
network; the tests check how many lookups were in flight together and what the call returned or raised.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from types import SimpleNamespace
from typing import Any

import pytest

from adapters.richtext.converter import RichTextConverter
from adapters.tiflux.fake.tenant import FakeTenant
from application.concurrently import concurrently
from application.queries import TicketFilter
from application.resolvers import References
from application.use_cases.create_ticket import CreateTicket, TicketRequest
from application.use_cases.tickets import ListTickets, TicketNames
from application.use_cases.update_ticket import TicketEdit, UpdateTicket
from domain.errors import InvalidInput, NotFound
from domain.ids import TicketNumber
from domain.paging import PageRequest
from domain.resolution import Reference
from tests.support.fake_api import fake_gateway

pytestmark = pytest.mark.anyio

DELAY = 0.02


class Overlap:
    """Counts port calls in flight, and the most seen at once."""

    def __init__(self) -> None:
        self.now = 0
        self.most = 0

    async def around(self, call: Callable[[], Awaitable[Any]], delay: float) -> Any:
        self.now += 1
        self.most = max(self.most, self.now)
        try:
            await asyncio.sleep(delay)
            return await call()
        finally:
            self.now -= 1


class Slow:
    """A port whose every method answers after `delay` (or `delays[method]`) seconds."""

    def __init__(self, inner: Any, overlap: Overlap, delay: float = DELAY, **delays: float) -> None:
        self._inner, self._overlap, self._delay, self._delays = inner, overlap, delay, delays

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._inner, name)

        async def call(*args: Any, **kwargs: Any) -> Any:
            delay = self._delays.get(name, self._delay)
            return await self._overlap.around(lambda: method(*args, **kwargs), delay)

        return call


def ports(overlap: Overlap, *, desks: float = DELAY, clients: float = DELAY) -> dict[str, Any]:
    gateway = fake_gateway(FakeTenant.demo())
    slow = SimpleNamespace(
        desks=Slow(gateway.desks, overlap, delay=desks),
        people=Slow(gateway.people, overlap, clients=clients),
        technical_users=Slow(gateway.technical_users, overlap),
        requestors=Slow(gateway.requestors, overlap),
    )
    return {"tickets": gateway.tickets, "references": References(slow)}  # type: ignore[arg-type]


async def test_concurrently_gives_results_in_argument_order() -> None:
    async def after(seconds: float, value: str) -> str:
        await asyncio.sleep(seconds)
        return value

    assert await concurrently(after(0.02, "first"), after(0.0, "second")) == ("first", "second")


async def test_concurrently_raises_the_first_failure_in_argument_order_not_in_time() -> None:
    finished: list[str] = []

    async def fail_after(seconds: float, error: Exception) -> None:
        await asyncio.sleep(seconds)
        finished.append(str(error))
        raise error

    with pytest.raises(LookupError, match="slow"):
        await concurrently(fail_after(0.02, LookupError("slow")), fail_after(0.0, KeyError("fast")))
    assert finished == ["'fast'", "slow"]  # both ran to their end: nothing is left running


async def test_create_ticket_looks_up_client_desk_and_responsible_at_once() -> None:
    overlap = Overlap()
    create = CreateTicket(rich_text=RichTextConverter(), **ports(overlap))
    request = TicketRequest(
        title="Impressora",
        description="Não imprime",
        client=Reference("client_id", "client_name", name="padaria"),
        desk=Reference("desk_id", "desk_name", name="suporte"),
        responsible=Reference("responsible_id", "responsible_name", name="joão pereira"),
        requestor=Reference("requestor_id", "requestor_name", name="carlos"),
        catalog_item=Reference("services_catalogs_item_id", "catalog_item_name", name="rede"),
    )

    created = await create(request)

    assert overlap.most >= 3
    assert [d.field for d in created.decisions] == [
        "client_name",
        "desk_name",
        "responsible_name",
        "requestor_name",
        "catalog_item_name",
    ]
    assert created.ticket.client is not None and created.ticket.client.id == 101
    assert created.ticket.desk is not None and created.ticket.desk.id == 14


async def test_create_ticket_reports_the_client_when_client_and_desk_are_both_unknown() -> None:
    """The client comes first in a sequential run, so its error wins even when the desk fails sooner."""
    overlap = Overlap()
    create = CreateTicket(rich_text=RichTextConverter(), **ports(overlap, desks=0.0, clients=0.05))
    request = TicketRequest(
        title="T",
        description="d",
        client=Reference("client_id", "client_name", name="inexistente"),
        desk=Reference("desk_id", "desk_name", name="nenhuma"),
    )

    with pytest.raises(NotFound) as raised:
        await create(request)

    assert raised.value.kind == "client"


async def test_create_ticket_reports_a_missing_client_before_an_unknown_desk() -> None:
    create = CreateTicket(rich_text=RichTextConverter(), **ports(Overlap()))

    with pytest.raises(InvalidInput) as raised:
        await create(
            TicketRequest(title="T", description="d", desk=Reference("desk_id", "desk_name", name="nenhuma"))
        )

    assert raised.value.field == "client_id"


async def test_list_tickets_looks_up_desk_and_client_at_once_then_the_stage() -> None:
    overlap = Overlap()
    listing = await ListTickets(**ports(overlap))(
        TicketFilter(),
        TicketNames(desk_name="suporte", client_name="padaria", stage_name="triagem"),
        PageRequest(1, 20),
    )

    assert overlap.most >= 2
    assert listing.desk is not None and listing.desk.id == 14
    assert listing.client is not None and listing.client.id == 101
    assert listing.stage is not None and listing.stage.name == "Triagem"
    assert [t.number.value for t in listing.page.items] == [1047]


async def test_list_tickets_reports_the_desk_when_desk_and_client_are_both_unknown() -> None:
    with pytest.raises(NotFound) as raised:
        await ListTickets(**ports(Overlap(), desks=0.05, clients=0.0))(
            TicketFilter(), TicketNames(desk_name="nenhuma", client_name="inexistente"), PageRequest(1, 20)
        )

    assert raised.value.kind == "desk"


async def test_update_ticket_looks_up_the_responsible_while_it_places_the_ticket() -> None:
    overlap = Overlap()
    update = UpdateTicket(rich_text=RichTextConverter(), **ports(overlap))
    edit = TicketEdit(
        desk=Reference("desk_id", "desk_name", name="suporte"),
        stage=Reference("stage_id", "stage_name", name="aguardando cliente"),
        responsible=Reference("responsible_id", "responsible_name", name="mariana"),
    )

    updated = await update(TicketNumber(1047), edit)

    assert overlap.most >= 2
    assert [d.field for d in updated.decisions] == ["desk_name", "stage_name", "responsible_name"]
    assert updated.ticket.stage is not None and updated.ticket.stage.name == "Aguardando cliente"
    assert updated.ticket.responsible is not None and updated.ticket.responsible.id == 201


async def test_update_ticket_reports_an_unknown_stage_before_an_unknown_responsible() -> None:
    """A sequential run resolves the stage first; the responsible's error, though sooner, comes second."""
    update = UpdateTicket(rich_text=RichTextConverter(), **ports(Overlap(), desks=0.05, clients=0.0))
    edit = TicketEdit(
        stage=Reference("stage_id", "stage_name", name="inexistente"),
        responsible=Reference("responsible_id", "responsible_name", name="ninguém"),
    )

    with pytest.raises(NotFound) as raised:
        await update(TicketNumber(1047), edit)

    assert raised.value.kind == "stage"
