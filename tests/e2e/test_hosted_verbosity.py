"""Hosted mode: a request's `x-tiflux-verbosity` header chooses how its answer is written, over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import FAKE_API_KEY, hosted_env, hosted_server
from tests.e2e.test_hosted_http import call_tool


@pytest.fixture
def hosted(fake_api: str, tmp_path: Path) -> Iterator[str]:
    env = hosted_env(TIFLUX_API_BASE_URL=fake_api, TIFLUX_MCP_STORE_URL=f"sqlite:///{tmp_path}/grants.db")
    with hosted_server(env, tmp_path / "server.log") as base:
        yield base


def test_the_verbosity_header_chooses_one_requests_answer(hosted: str) -> None:
    key = {"x-tiflux-api-key": FAKE_API_KEY}
    rich = call_tool(hosted, key, "list_desks", {})
    compact = call_tool(hosted, key | {"x-tiflux-verbosity": "compact"}, "list_desks", {})
    again = call_tool(hosted, key | {"x-tiflux-verbosity": "something else"}, "list_desks", {})
    assert "|---|" in rich and rich.rstrip().splitlines()[-2] == "Última página (limite 20)."
    assert "|---|" not in compact and "[última pág., limit 20]" in compact and len(compact) < len(rich)
    assert again == rich  # an unknown value leaves the server's setting
