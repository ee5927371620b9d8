"""`tiflux-mcp`: the stdio server on the real API, or on the demo tenant with `--demo`."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from adapters.logs import configure_logging

if TYPE_CHECKING:  # settings (pydantic) load only for the commands that need them
    from adapters.settings import ConfigurationError

SERVE_FLAGS = {"http_host": "--host", "http_port": "--port", "http_workers": "--workers"}


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; a reader that goes away (`tiflux-mcp call … | head -3`) ends it quietly."""
    try:
        return _main(argv)
    except BrokenPipeError:
        _quiet_stdout()
        return 1


def _quiet_stdout() -> None:
    """Python flushes stdout again at exit; point it at /dev/null so that flush cannot fail loudly."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def parse_command_line(argv: Sequence[str] | None) -> argparse.Namespace:
    """The options; `--demo` is accepted before or after the subcommand and means the same."""
    parser = _parser()
    # argparse stops collecting `call`'s key=value pairs at the first option; the rest come back here.
    options, rest = parser.parse_known_args(argv)
    if rest and options.command == "call" and all("=" in item and not item.startswith("-") for item in rest):
        options.arguments = [*options.arguments, *rest]
    elif rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    return options


def _main(argv: Sequence[str] | None) -> int:
    options = parse_command_line(argv)

    from adapters.version import package_version

    if options.version:
        print(f"tiflux-mcp {package_version()}")
        return 0

    if options.command == "fake-api":
        return _serve_fake_api(options.host, options.port, options.api_key)
    if options.command == "serve":
        return _serve_http(options.host, options.port, demo=options.demo, workers=options.workers)
    if options.command == "doctor":
        from adapters.doctor import run_doctor

        return run_doctor(demo=options.demo)
    if options.command in ("tools", "call"):
        from adapters.terminal import call_tool, list_tools

        if options.command == "tools":
            return list_tools(demo=options.demo, toolsets=options.toolsets)
        return call_tool(
            options.tool, options.arguments, options.json_arguments, demo=options.demo, yes=options.yes
        )
    return _serve_stdio(demo=options.demo, discovery=options.discovery)


def _parser() -> argparse.ArgumentParser:
    """`--demo` means the same before or after any subcommand: the in-memory demo tenant, no key."""
    parser = argparse.ArgumentParser(
        prog="tiflux-mcp",
        description="MCP server for the TiFlux helpdesk (stdio). Configuration comes from TIFLUX_* "
        "environment variables or a .env file in the working directory.",
    )
    demo_help = "use the in-memory demo tenant (no API key needed)"
    parser.add_argument("--demo", action="store_true", help=demo_help)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--discovery",
        action="store_true",
        help="start with the everyday toolsets and let the model turn others on (TIFLUX_DISCOVERY)",
    )
    # SUPPRESS: a subcommand without --demo leaves the value given before it alone.
    with_demo = argparse.ArgumentParser(add_help=False)
    with_demo.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help=demo_help)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    fake_api = commands.add_parser(
        "fake-api",
        parents=[with_demo],
        help="serve the demo tenant as a fake TiFlux API v2 over HTTP (for demos of the real HTTP adapter)",
        description="Serves the in-memory demo tenant under /api/v2. Point the server at it with "
        "TIFLUX_API_BASE_URL=http://HOST:PORT/api/v2 and any TIFLUX_API_KEY.",
    )
    fake_api.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    fake_api.add_argument("--port", type=_port, default=8765, help="port (default 8765; 0 picks a free one)")
    fake_api.add_argument("--api-key", default=None, help="accept only this bearer token (default: any)")
    serve = commands.add_parser(
        "serve",
        parents=[with_demo],
        help="hosted mode: streamable HTTP on /mcp, each request bringing its key in x-tiflux-api-key",
        description="Serves MCP over streamable HTTP (stateless) at /mcp, with GET /health. Each request "
        "brings its own TiFlux key in the x-tiflux-api-key header (not needed with --demo).",
    )
    serve.add_argument(
        "--host", default=None, help="address to listen on (default TIFLUX_HTTP_HOST or 127.0.0.1)"
    )
    serve.add_argument(
        "--port", type=_port, default=None, help="port (default TIFLUX_HTTP_PORT or 8080; 0 picks a free one)"
    )
    serve.add_argument(
        "--workers",
        type=_workers,
        default=None,
        help="processes (default TIFLUX_HTTP_WORKERS or 1; ~1 per core)",
    )
    tools = commands.add_parser(
        "tools", parents=[with_demo], help="list the tools with one-line descriptions"
    )
    tools.add_argument(
        "--toolsets",
        action="store_true",
        help="list the toolsets instead: what each is for, whether it is on by default and here",
    )
    call = commands.add_parser(
        "call",
        parents=[with_demo],
        help="call one tool and print its Markdown answer",
        description="Example: tiflux-mcp call get_ticket ticket_number=1040 --demo. Values are read as "
        "JSON when they parse (numbers, true/false, null, lists), else as text; --json takes them all. "
        "A tool that asks the user first (closing, cancelling, answering a customer…) asks y/N here.",
    )
    call.add_argument("tool")
    call.add_argument("arguments", nargs="*", metavar="key=value")
    call.add_argument("--json", dest="json_arguments", default=None, help="the arguments as one JSON object")
    call.add_argument(
        "--yes", action="store_true", help="confirm without asking (needed without a terminal to ask at)"
    )
    commands.add_parser(
        "doctor", parents=[with_demo], help="check the configuration and whether TiFlux answers to the key"
    )
    return parser


def _port(raw: str) -> int:
    try:
        port = int(raw)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"{raw!r} is not a port: use a whole number from 0 to 65535 (0 picks a free one)"
        )
    return port


def _workers(raw: str) -> int:
    try:
        workers = int(raw)
    except ValueError:
        workers = 0
    if not 1 <= workers <= 64:
        raise argparse.ArgumentTypeError(f"{raw!r} is not accepted: use a whole number from 1 to 64")
    return workers


def configuration_problem(problem: ConfigurationError) -> int:
    """Print a configuration error (each line names its variable or flag) and return exit status 2."""
    for line in str(problem).splitlines():
        print(f"tiflux-mcp: {line}", file=sys.stderr)
    return 2


def _serve_stdio(*, demo: bool, discovery: bool = False) -> int:
    from adapters.settings import ConfigurationError, load_settings

    try:
        settings = load_settings(
            demo=demo, flags={"discovery": "--discovery"}, **({"discovery": True} if discovery else {})
        )
    except ConfigurationError as problem:
        return configuration_problem(problem)
    configure_logging(settings.log_level)

    import anyio

    from adapters.container import create_container
    from adapters.mcp.stdio import serve_stdio

    server = create_container(settings).mcp_server()
    logging.getLogger("tiflux_mcp").info("starting on the %s backend (stdio)", settings.backend)
    with contextlib.suppress(KeyboardInterrupt):
        anyio.run(serve_stdio, server)
    return 0


def _serve_http(host: str | None, port: int | None, *, demo: bool, workers: int | None = None) -> int:
    import tempfile
    from pathlib import Path

    from pydantic import SecretStr

    from adapters.hosted import build_app
    from adapters.listening import PortUnavailable, claim_port
    from adapters.oauth.sealing import SecretKeyProblem, ephemeral_secret_key
    from adapters.oauth.stores import UnknownStoreUrl
    from adapters.serving import serve
    from adapters.settings import ConfigurationError, load_settings

    overrides: dict[str, object] = {"hosted": True}
    if host:
        overrides["http_host"] = host
    if port is not None:
        overrides["http_port"] = port
    if workers is not None:
        overrides["http_workers"] = workers
    try:
        settings = load_settings(demo=demo, flags=SERVE_FLAGS, **overrides)
    except ConfigurationError as problem:
        return configuration_problem(problem)
    if settings.http_workers > 1 and demo and settings.mcp_secret_key is None:
        # Workers must share grants: one throwaway secret and one throwaway file for all of them.
        grants = Path(tempfile.mkdtemp(prefix="tiflux-mcp-demo-")) / "grants.sqlite3"
        settings = settings.model_copy(
            update={
                "mcp_secret_key": SecretStr(ephemeral_secret_key()),
                "mcp_store_url": f"sqlite:///{grants}",
            }
        )
    # Claim the port first: a busy one is one clear line; with --port 0 the URLs use the port chosen.
    try:
        listener = claim_port(settings.http_host, settings.http_port)
    except PortUnavailable as problem:
        print(f"tiflux-mcp: {problem}", file=sys.stderr)
        return 1
    settings = settings.model_copy(update={"http_port": listener.getsockname()[1]})
    try:
        app = build_app(settings)  # also checks the configuration before any worker starts
    except (SecretKeyProblem, UnknownStoreUrl) as exc:
        print(f"tiflux-mcp: {exc}", file=sys.stderr)
        return 2
    print(
        f"tiflux-mcp on {settings.base_url}/mcp ({settings.backend} backend; listening on "
        f"{settings.http_host}:{settings.http_port}, {settings.http_workers} worker(s); "
        f"OAuth at {settings.base_url}/authorize)",
        file=sys.stderr,
    )
    serve(settings, app, listener)
    return 0


def _serve_fake_api(host: str, port: int, api_key: str | None) -> int:
    import uvicorn

    from adapters.listening import PortUnavailable, claim_port
    from adapters.tiflux.fake.asgi import create_fake_api_app
    from adapters.tiflux.fake.tenant import FakeTenant

    try:
        listener = claim_port(host, port)
    except PortUnavailable as problem:
        print(f"tiflux-mcp: {problem}", file=sys.stderr)
        return 1
    port = listener.getsockname()[1]
    configure_logging("INFO")
    app = create_fake_api_app(FakeTenant.demo(), api_key=api_key)
    print(f"fake TiFlux API v2 on http://{host}:{port}/api/v2 (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listener])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
