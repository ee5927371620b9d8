"""Cold start to the first `tools/list` over stdio, idle memory after it, and the size of that answer.

Our server runs as MCP clients start it (`tiflux-mcp`, HTTP backend pointing at the fake, which start-up
does not call); the floor is `floor_server.py`, a one-tool `MCPServer`. Runs alternate between the two,
so both see the same machine load. Start-up is timed from spawn to the last byte of the `tools/list`
answer (after `initialize`); RSS is VmRSS of the server process right after that answer. With `hide`,
a third server per run starts with the dev-only packages it would otherwise import made unimportable:
the start-up of an installation without the `[dev]` extra.

`python -m benchmarks.startup` prints the figures.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.fake_api import FakeApi
from benchmarks.stdio import FLOOR, StdioServer, server_command
from benchmarks.table import Spread, runs

MB = 1024 * 1024


@dataclass
class Startup:
    seconds: list[float] = field(default_factory=list)
    floor_seconds: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)  # bytes
    floor_rss: list[float] = field(default_factory=list)
    listing_bytes: int = 0  # the `tools/list` result, compact JSON in UTF-8
    tools: int = 0
    hidden: tuple[str, ...] = ()  # dev-only packages hidden from the "as installed" runs
    installed_seconds: list[float] = field(default_factory=list)  # our server, those packages hidden
    installed_rss: list[float] = field(default_factory=list)


def measure(api: FakeApi, repeats: int | None = None, hide: Sequence[str] = ()) -> Startup:
    """`hide`: packages only a dev extra installs; extra runs start our server with them unimportable,
    as it starts where it was installed without `[dev]`."""
    repeats = repeats if repeats is not None else runs(full=10, short=3)
    found = Startup(hidden=tuple(hide))
    for _ in range(repeats):
        with StdioServer(FLOOR) as floor:
            found.floor_seconds.append(floor.started_in)
            found.floor_rss.append(floor.rss_bytes())
        with StdioServer(server_command(), api.server_env()) as ours:
            found.seconds.append(ours.started_in)
            found.rss.append(ours.rss_bytes())
            result = json.loads(ours.listing)["result"]
        if hide:
            with StdioServer(_without(hide), api.server_env()) as installed:
                found.installed_seconds.append(installed.started_in)
                found.installed_rss.append(installed.rss_bytes())
    found.tools = len(result["tools"])
    found.listing_bytes = len(json.dumps(result, ensure_ascii=False, separators=(",", ":")).encode())
    return found


def _without(packages: Sequence[str]) -> list[str]:
    """Our server started with these packages unimportable (optional imports then take their fallback)."""
    program = (
        "import sys\n"
        f"for name in {sorted(packages)!r}:\n"
        "    sys.modules[name] = None\n"
        "from adapters.cli import main\n"
        "sys.exit(main([]))\n"
    )
    return [sys.executable, "-c", program]


def main() -> int:
    with FakeApi() as api:
        found = measure(api)
    print(
        f"first tools/list: {Spread.of(found.seconds).show(' s', 3)} "
        f"(floor {Spread.of(found.floor_seconds).show(' s', 3)})"
    )
    print(
        f"idle RSS: {Spread.of(found.rss).show(' MB', 1, 1 / MB)} "
        f"(floor {Spread.of(found.floor_rss).show(' MB', 1, 1 / MB)})"
    )
    print(
        f"tools/list: {found.tools} tools, {found.listing_bytes} bytes, ≈ {found.listing_bytes // 4} tokens"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
