"""Hosted mode assembled: settings → container → its `hosted` sub-container → the ASGI app `serve` runs.

`build_app` runs once per process: in `tiflux-mcp serve` itself with one worker, or in each worker process
with several, through `HostedApp` — a factory that carries the settings themselves (pickled to each
worker), so workers never re-read the environment and nothing is passed through `os.environ`. Those are
the settings `serve` loaded (`load_settings(demo=…)`), so with `--demo` every worker has the demo presets.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.types import ASGIApp

from adapters.container import create_container
from adapters.logs import configure_logging
from adapters.settings import Settings


def build_app(settings: Settings) -> ASGIApp:
    """The hosted app; raises SecretKeyProblem or UnknownStoreUrl with what to set."""
    configure_logging(settings.log_level)
    app: ASGIApp = create_container(settings).hosted.app()
    return app


@dataclass(frozen=True)
class HostedApp:
    """uvicorn's app factory for each worker process (`serve --workers N`): the parent's settings."""

    settings: Settings

    def __call__(self) -> ASGIApp:
        return build_app(self.settings)
