"""`tiflux-mcp`: the stdio server on the real API, or on the demo tenant with `--demo`."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Sequence

from pydantic import ValidationError


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tiflux-mcp",
        description="MCP server for the TiFlux helpdesk (stdio). Configuration comes from TIFLUX_* "
        "environment variables or a .env file in the working directory.",
    )
    parser.add_argument(
        "--demo", action="store_true", help="serve the in-memory demo tenant (no API key needed)"
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    options = parser.parse_args(argv)

    from adapters.version import package_version

    if options.version:
        print(f"tiflux-mcp {package_version()}")
        return 0

    from adapters.settings import Settings

    try:
        settings = Settings(backend="fake") if options.demo else Settings()
    except ValidationError as exc:
        fields = ", ".join(f"TIFLUX_{'_'.join(str(p) for p in e['loc']).upper()}" for e in exc.errors())
        print(f"tiflux-mcp: invalid configuration in {fields}: {exc.errors()[0]['msg']}", file=sys.stderr)
        return 2
    _configure_logging(settings.log_level)

    from adapters.container import create_container

    container = create_container(settings)
    server = container.mcp_server()
    logging.getLogger("tiflux_mcp").info("starting on the %s backend (stdio)", settings.backend)
    with contextlib.suppress(KeyboardInterrupt):
        server.run("stdio")
    return 0


def _configure_logging(level: str) -> None:
    """Logs go to stderr only: stdout carries the MCP protocol."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("httpx2").setLevel(max(logging.WARNING, root.level))
    logging.getLogger("httpcore2").setLevel(max(logging.WARNING, root.level))


if __name__ == "__main__":
    raise SystemExit(main())
