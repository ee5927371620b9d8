"""Async tests run on anyio (asyncio backend): an async fixture then enters and leaves its task groups in
the same task, as the MCP SDK's clients require. Async test modules say `pytestmark = pytest.mark.anyio`."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"
