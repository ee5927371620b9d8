"""An MCP client on the demo server whose fake TiFlux is a given `InstrumentedFakeApi`, and its helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from dependency_injector import providers
from mcp import Client

from adapters.container import create_container
from adapters.i18n import Language
from adapters.settings import Settings
from tests.support.elicitation import Person
from tests.support.fake_api import InstrumentedFakeApi


def connect(
    api: InstrumentedFakeApi, language: Language = "pt-BR", toolsets: str | None = None
) -> Callable[..., AbstractAsyncContextManager[Client]]:
    """Sessions on the demo server over `api`; `person` answers its questions when given."""
    options: dict[str, Any] = {"toolsets": toolsets} if toolsets is not None else {}

    @asynccontextmanager
    async def session(person: Person | None = None) -> AsyncIterator[Client]:
        settings = Settings(_env_file=None, backend="fake", api_key=None, language=language, **options)  # type: ignore[call-arg]
        container = create_container(settings)
        container.fake_api.override(providers.Object(api))
        extra: dict[str, Any] = {"elicitation_callback": person} if person else {}
        async with Client(container.mcp_server(), **extra) as client:
            yield client

    return session


def text_of(result: Any) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


async def call(client: Client, tool: str, arguments: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A call that must succeed: its text and structuredContent."""
    result = await client.call_tool(tool, arguments)
    assert not result.is_error, text_of(result)
    return text_of(result), result.structured_content or {}


async def fail(client: Client, tool: str, arguments: dict[str, Any]) -> str:
    """A call that must be refused: its text."""
    result = await client.call_tool(tool, arguments)
    assert result.is_error, text_of(result)
    return text_of(result)


def sent(api: InstrumentedFakeApi) -> list[tuple[str, str, str]]:
    """The requests that reached the fake: method, path, query."""
    return [(method, path, query) for method, path, query, _type in api.requests]
