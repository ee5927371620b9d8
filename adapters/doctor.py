"""`tiflux-mcp doctor`: is this installation ready? Each check says what is wrong and what to do.

The key is never shown: only whether it is set and how long it is.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import anyio

from adapters.container import create_container
from adapters.logs import configure_logging
from adapters.presenters.markdown.errors import present_error
from adapters.settings import ConfigurationError, Settings, load_settings
from adapters.version import package_version
from domain.errors import DomainError
from domain.ids import DeskId

OK, PROBLEM = "ok", "PROBLEMA"


def run_doctor(out: Callable[[str], None] = print, *, demo: bool = False) -> int:
    """Print one line per check; exit status 0 when everything is ready, 1 otherwise.

    With `demo` (or TIFLUX_BACKEND=fake) the checks run on the demo tenant, which needs no key."""
    out(f"tiflux-mcp {package_version()} — diagnóstico")
    try:
        settings = load_settings(demo=demo)
    except ConfigurationError as problem:
        for line in str(problem).splitlines():
            out(f"[{PROBLEM}] {line}")
        return 1
    configure_logging("ERROR")
    out(f"[{OK}] configuração lida (backend {settings.backend}, API {settings.api_base_url})")
    out(f"[{OK}] idioma {settings.language}, fuso {settings.timezone}, cache {settings.cache_ttl:g} s")
    if settings.backend == "fake":
        out(f"[{OK}] tenant de demonstração: nenhuma chave necessária")
        return anyio.run(_check_tiflux, settings, out)
    key = settings.api_key_value
    if not key:
        out(
            f"[{PROBLEM}] TIFLUX_API_KEY não está definida: gere a chave no TiFlux (Minha conta → "
            "Sessões → Sessões API → Gerar novo token de sessão) e defina TIFLUX_API_KEY no ambiente "
            "ou num arquivo .env"
        )
        return 1
    out(f"[{OK}] TIFLUX_API_KEY definida ({len(key)} caracteres; o valor não é mostrado)")
    return anyio.run(_check_tiflux, settings, out)


async def _check_tiflux(settings: Settings, out: Callable[[str], None]) -> int:
    container = create_container(settings)
    translator = container.translator()
    gateway = container.gateways()(settings.api_key_value)
    healthy = True
    try:
        me = await gateway.people.me()
        whose = "o usuário de demonstração é" if settings.backend == "fake" else "a chave pertence a"
        out(f"[{OK}] TiFlux respondeu: {whose} {me.name} (ID {me.id})")
        if settings.default_desk_id is not None:
            desk = await gateway.desks.get(DeskId(settings.default_desk_id))
            out(f"[{OK}] TIFLUX_DEFAULT_DESK_ID={settings.default_desk_id}: mesa {desk.label}")
    except DomainError as error:
        out(f"[{PROBLEM}] TiFlux: {present_error(error, translator)}")
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
    out(f"[{OK}] padrões para create_ticket: {', '.join(defaults) if defaults else 'nenhum (opcionais)'}")
    return 0 if healthy else 1


if __name__ == "__main__":  # pragma: no cover - the CLI is the entry point
    sys.exit(run_doctor())
