"""Hosted mode assembled: settings → container → authorization server → the ASGI app `serve` runs.

`build_app` is called once per process: by `tiflux-mcp serve` itself with one worker, or by each uvicorn
worker (through `app_from_environment`) with several, all reading the same environment.
"""

from __future__ import annotations

import os

from starlette.types import ASGIApp

from adapters.container import build_authorization_server, create_container
from adapters.logs import configure_logging
from adapters.mcp.http_app import create_http_app
from adapters.mcp.tenant_limits import TenantLimits
from adapters.settings import Settings, load_settings
from adapters.version import package_version

DEMO_FLAG = "TIFLUX_MCP_DEMO"  # set by `serve --demo` for its workers


def build_app(settings: Settings, *, demo: bool) -> ASGIApp:
    """The hosted app; raises SecretKeyProblem or UnknownStoreUrl with what to set."""
    configure_logging(settings.log_level)
    container = create_container(settings)
    auth = build_authorization_server(container, ephemeral=demo)
    return create_http_app(
        container.mcp_server(),
        version=package_version(),
        allowed_hosts=settings.allowed_hosts,
        allowed_origins=settings.allowed_origins,
        require_key=settings.backend == "http",
        auth=auth,
        limits=TenantLimits(
            concurrency=settings.tenant_concurrency,
            per_minute=settings.tenant_rate_per_minute,
            burst=settings.tenant_burst,
        ),
    )


def app_from_environment() -> ASGIApp:
    """uvicorn's factory for each worker process (`serve --workers N`)."""
    demo = os.environ.get(DEMO_FLAG) == "1"
    settings = load_settings(demo=demo, hosted=True)
    return build_app(settings, demo=demo)
