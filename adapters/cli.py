"""`tiflux-mcp`: the stdio server on the real API, or on the demo tenant with `--demo`."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from adapters.logs import configure_logging


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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    fake_api = commands.add_parser(
        "fake-api",
        help="serve the demo tenant as a fake TiFlux API v2 over HTTP (for demos of the real HTTP adapter)",
        description="Serves the in-memory demo tenant under /api/v2. Point the server at it with "
        "TIFLUX_API_BASE_URL=http://HOST:PORT/api/v2 and any TIFLUX_API_KEY.",
    )
    fake_api.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    fake_api.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    fake_api.add_argument("--api-key", default=None, help="accept only this bearer token (default: any)")
    serve = commands.add_parser(
        "serve",
        help="hosted mode: streamable HTTP on /mcp, each request bringing its key in x-tiflux-api-key",
        description="Serves MCP over streamable HTTP (stateless) at /mcp, with GET /health. Each request "
        "brings its own TiFlux key in the x-tiflux-api-key header (not needed with --demo).",
    )
    serve.add_argument(
        "--host", default=None, help="address to listen on (default TIFLUX_HTTP_HOST or 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=None, help="port (default TIFLUX_HTTP_PORT or 8080)")
    serve.add_argument("--demo", action="store_true", help="serve the in-memory demo tenant")
    serve.add_argument(
        "--workers", type=int, default=None, help="processes (default TIFLUX_HTTP_WORKERS or 1; ~1 per core)"
    )
    tools = commands.add_parser("tools", help="list the tools with one-line descriptions")
    tools.add_argument("--demo", action="store_true", help="use the demo tenant's configuration")
    call = commands.add_parser(
        "call",
        help="call one tool and print its Markdown answer",
        description="Example: tiflux-mcp call get_ticket ticket_number=1040 --demo. Values are read as "
        "JSON when they parse (numbers, true/false, null, lists), else as text; --json takes them all.",
    )
    call.add_argument("tool")
    call.add_argument("arguments", nargs="*", metavar="key=value")
    call.add_argument("--json", dest="json_arguments", default=None, help="the arguments as one JSON object")
    call.add_argument("--demo", action="store_true", help="call the demo tenant")
    commands.add_parser("doctor", help="check the configuration and whether TiFlux answers to the key")
    options = parser.parse_args(argv)

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

        return run_doctor()
    if options.command in ("tools", "call"):
        from adapters.terminal import call_tool, list_tools

        if options.command == "tools":
            return list_tools(demo=options.demo)
        return call_tool(options.tool, options.arguments, options.json_arguments, demo=options.demo)

    from adapters.settings import Settings

    try:
        settings = Settings(backend="fake") if options.demo else Settings()
    except ValidationError as exc:
        fields = ", ".join(f"TIFLUX_{'_'.join(str(p) for p in e['loc']).upper()}" for e in exc.errors())
        print(f"tiflux-mcp: invalid configuration in {fields}: {exc.errors()[0]['msg']}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)

    from adapters.container import create_container

    container = create_container(settings)
    server = container.mcp_server()
    logging.getLogger("tiflux_mcp").info("starting on the %s backend (stdio)", settings.backend)
    with contextlib.suppress(KeyboardInterrupt):
        server.run("stdio")
    return 0


def _serve_http(host: str | None, port: int | None, *, demo: bool, workers: int | None = None) -> int:
    import tempfile
    from pathlib import Path

    from pydantic import SecretStr

    from adapters.hosted import build_app
    from adapters.oauth.sealing import SecretKeyProblem, ephemeral_secret_key
    from adapters.oauth.stores import UnknownStoreUrl
    from adapters.serving import serve
    from adapters.settings import Settings

    overrides: dict[str, object] = {"hosted": True, **({"backend": "fake"} if demo else {})}
    if host:
        overrides["http_host"] = host
    if port is not None:
        overrides["http_port"] = port
    if workers is not None:
        overrides["http_workers"] = workers
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        fields = ", ".join(f"TIFLUX_{'_'.join(str(p) for p in e['loc']).upper()}" for e in exc.errors())
        print(f"tiflux-mcp: invalid configuration in {fields}: {exc.errors()[0]['msg']}", file=sys.stderr)
        return 2
    if settings.http_workers > 1 and demo and settings.mcp_secret_key is None:
        # Workers must share grants: one throwaway secret and one throwaway file for all of them.
        grants = Path(tempfile.mkdtemp(prefix="tiflux-mcp-demo-")) / "grants.sqlite3"
        settings = settings.model_copy(
            update={
                "mcp_secret_key": SecretStr(ephemeral_secret_key()),
                "mcp_store_url": f"sqlite:///{grants}",
            }
        )
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
    serve(settings, app)
    return 0


def _serve_fake_api(host: str, port: int, api_key: str | None) -> int:
    import uvicorn

    from adapters.tiflux.fake.asgi import create_fake_api_app
    from adapters.tiflux.fake.tenant import FakeTenant

    configure_logging("INFO")
    app = create_fake_api_app(FakeTenant.demo(), api_key=api_key)
    print(f"fake TiFlux API v2 on http://{host}:{port}/api/v2 (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
