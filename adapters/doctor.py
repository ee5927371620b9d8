"""`tiflux-mcp doctor`: is this installation ready? Each check says what is wrong and what to do.

The key is never shown: only whether it is set and how long it is.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import anyio
from pydantic import ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from adapters.container import create_container
from adapters.i18n import Language, Translator
from adapters.logs import configure_logging
from adapters.presenters.markdown.errors import present_error
from adapters.settings import ConfigurationError, Settings, load_settings
from adapters.version import package_version
from application.ports.failures import UpstreamFailure
from domain.errors import DomainError
from domain.ids import DeskId


def run_doctor(out: Callable[[str], None] = print, *, demo: bool = False) -> int:
    """Print one line per check, in the configured language; exit status 0 when everything is ready.

    With `demo` (or TIFLUX_BACKEND=fake) the checks run on the demo tenant, which needs no key."""
    t = Translator(_language())
    report = _Report(t, out)
    out(t("doctor.heading", version=package_version()))
    try:
        settings = load_settings(demo=demo)
    except ConfigurationError as problem:
        for line in str(problem).splitlines():
            report.problem(line)
        return 1
    configure_logging("ERROR")
    report.ok(t("doctor.settings_read", backend=settings.backend, api=settings.api_base_url))
    report.ok(
        t("doctor.locale", language=settings.language, zone=settings.timezone, ttl=f"{settings.cache_ttl:g}")
    )
    if settings.backend == "fake":
        report.ok(t("doctor.demo"))
        return anyio.run(_check_tiflux, settings, report)
    key = settings.api_key_value
    if not key:
        report.problem(t("doctor.no_key"))
        return 1
    report.ok(t("doctor.key_set", length=len(key)))
    return anyio.run(_check_tiflux, settings, report)


class _Report:
    """`[ok] …` and `[PROBLEMA] …` lines, the marks in the report's language."""

    def __init__(self, t: Translator, out: Callable[[str], None]) -> None:
        self.t = t
        self._out = out

    def ok(self, text: str) -> None:
        self._out(f"[{self.t('doctor.ok')}] {text}")

    def problem(self, text: str) -> None:
        self._out(f"[{self.t('doctor.problem')}] {text}")


class _LanguageOnly(BaseSettings):
    """The language alone, read like `Settings` does, so the report can speak it when the rest is wrong."""

    model_config = SettingsConfigDict(env_prefix="TIFLUX_", env_file=".env", extra="ignore")

    language: Language = "pt-BR"


def _language() -> Language:
    try:
        return _LanguageOnly().language
    except ValidationError:
        return "pt-BR"


async def _check_tiflux(settings: Settings, report: _Report) -> int:
    t = report.t
    container = create_container(settings)
    translator = container.translator()
    gateway = container.gateways()(settings.api_key_value)
    healthy = True
    try:
        me = await gateway.people.me()
        owner = "doctor.demo_owner" if settings.backend == "fake" else "doctor.key_owner"
        report.ok(t(owner, name=me.name, id=me.id))
        if settings.default_desk_id is not None:
            desk = await gateway.desks.get(DeskId(settings.default_desk_id))
            report.ok(t("doctor.default_desk", id=settings.default_desk_id, desk=desk.label))
    except (DomainError, UpstreamFailure) as error:
        report.problem(t("doctor.tiflux_failed", error=present_error(error, translator)))
        healthy = False
    finally:
        await container.http_client().aclose()
    defaults = [
        f"{name}={value}"
        for name, value in (
            ("TIFLUX_DEFAULT_CLIENT_ID", settings.default_client_id),
            ("TIFLUX_DEFAULT_DESK_ID", settings.default_desk_id),
            ("TIFLUX_DEFAULT_PRIORITY_ID", settings.default_priority_id),
            ("TIFLUX_DEFAULT_CATALOG_ITEM_ID", settings.default_catalog_item_id),
        )
        if value is not None
    ]
    report.ok(t("doctor.defaults", defaults=", ".join(defaults) if defaults else t("doctor.no_defaults")))
    return 0 if healthy else 1


if __name__ == "__main__":  # pragma: no cover - the CLI is the entry point
    sys.exit(run_doctor())
