"""What the model sees is a reviewed diff: `tools/list` must equal contracts/tools.json, and stay small.

After an intended change, regenerate with `make snapshot` and commit the new file with the change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from mcp import Client

pytestmark = pytest.mark.anyio

SNAPSHOT = Path(__file__).resolve().parents[3] / "contracts" / "tools.json"
# The model reads `tools/list` on every turn (issue 10: at most 30,000 bytes, heuristics kept). Measured as
# `make bench` does: compact JSON, UTF-8.
BUDGET_BYTES = 30_000


def compact_size(tools: list[dict[str, object]]) -> int:
    return len(json.dumps({"tools": tools}, ensure_ascii=False, separators=(",", ":")).encode())


async def test_tools_list_matches_the_snapshot(mcp_client: Client) -> None:
    tools = (await mcp_client.list_tools()).tools
    current = [tool.model_dump(mode="json", by_alias=True, exclude_none=True) for tool in tools]
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(json.dumps(current, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    recorded = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert current == recorded, "tools/list changed: review it, then run `make snapshot`"


async def test_tools_list_stays_within_its_byte_budget(mcp_client: Client) -> None:
    tools = (await mcp_client.list_tools()).tools
    listed = [tool.model_dump(mode="json", by_alias=True, exclude_none=True) for tool in tools]
    size = compact_size(listed)
    assert size <= BUDGET_BYTES, f"tools/list is {size} bytes, over its {BUDGET_BYTES}-byte budget"
    assert compact_size(json.loads(SNAPSHOT.read_text(encoding="utf-8"))) <= BUDGET_BYTES
