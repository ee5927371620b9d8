"""The composition root: the one place that knows which adapter serves which port.

Built by `create_container(settings)`, never at import time. Gateways are made per credential, because
a hosted process serves many TiFlux accounts; the HTTP connection pool is shared by all of them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import httpx2
from dependency_injector import containers, providers

from adapters.attachments.files import LocalAndInlineAttachments
from adapters.i18n import Translator
from adapters.mcp.confirmations import Asker
from adapters.mcp.http_app import header_credential
from adapters.mcp.prompts import with_prompts
from adapters.mcp.runtime import ToolRuntime
from adapters.mcp.server import TifluxMCPServer
from adapters.mcp.spec import ToolSpec
from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.toolsets import Selection, parse_toolsets, select_tools
from adapters.richtext.converter import RichTextConverter
from adapters.settings import Settings
from adapters.tiflux.cache import CachingGateway, TenantCaches
from adapters.tiflux.http.breaker import CircuitBreakers
from adapters.tiflux.http.client import RetryPolicy, TifluxHttpClient
from adapters.tiflux.http.gateway import HttpTifluxGateway
from adapters.use_cases import UseCasesFor
from adapters.version import package_version, user_agent
from application.ports.failures import UpstreamFailure
from application.ports.gateway import TifluxGateway
from application.use_cases.create_ticket import TicketDefaults
from domain.errors import DomainError, InvalidCredentials, MissingCredentials
from domain.ids import CatalogItemId, ClientId, DeskId, PriorityId

if TYPE_CHECKING:  # the fake is imported on its first call, not at start-up
    from starlette.types import ASGIApp

    from adapters.tiflux.fake.tenant import FakeTenant


def open_http_client(settings: Settings) -> httpx2.AsyncClient:
    """One pooled client for the whole process; the server's lifespan closes it at shutdown."""
    return httpx2.AsyncClient(
        base_url=str(settings.api_base_url).rstrip("/"),
        timeout=httpx2.Timeout(settings.read_timeout, connect=settings.connect_timeout),
        limits=httpx2.Limits(max_connections=50, max_keepalive_connections=20),
        headers={"Accept": "application/json", "User-Agent": user_agent(hosted=settings.hosted)},
        follow_redirects=False,
    )


class HttpGateways:
    """TiFlux over HTTP, one gateway per API key, each with its own reference cache."""

    def __init__(self, client: TifluxHttpClient | Callable[[], TifluxHttpClient], cache_ttl: float) -> None:
        # A factory defers the HTTP pool (and its TLS set-up) to the first call: faster start, less memory.
        self._client: TifluxHttpClient | None = client if isinstance(client, TifluxHttpClient) else None
        self._make_client = client if not isinstance(client, TifluxHttpClient) else None
        self._caches = TenantCaches(cache_ttl) if cache_ttl > 0 else None

    @property
    def started(self) -> bool:
        """Whether the HTTP pool exists (so there is something to close)."""
        return self._client is not None

    def _tiflux(self) -> TifluxHttpClient:
        if self._client is None:
            assert self._make_client is not None
            self._client = self._make_client()
        return self._client

    def __call__(self, api_key: str | None) -> TifluxGateway:
        if not api_key:
            raise MissingCredentials()
        if not _could_be_a_key(api_key):  # refused here: such a value cannot travel in a header
            raise InvalidCredentials()
        gateway: TifluxGateway = HttpTifluxGateway(self._tiflux(), api_key)
        if self._caches is not None:
            gateway = CachingGateway(gateway, self._caches.for_key(api_key))
        return gateway


def _could_be_a_key(api_key: str) -> bool:
    """TiFlux keys are visible ASCII: no spaces, accents, line breaks or control characters."""
    return api_key.isascii() and all(33 <= ord(ch) <= 126 for ch in api_key)


class FakeGateways:
    """The fake TiFlux API on the demo tenant, whatever the key (no key needed), reached in process by the
    HTTP adapter. The fake is built on the first call, so that the demo starts as light as the real thing."""

    def __init__(self, app: Callable[[], ASGIApp]) -> None:
        self._app = app
        self._gateway: TifluxGateway | None = None

    def __call__(self, api_key: str | None) -> TifluxGateway:
        if self._gateway is None:
            from adapters.tiflux.fake.in_process import in_process_gateway

            self._gateway = in_process_gateway(self._app())
        return self._gateway


def _demo_tenant() -> FakeTenant:
    from adapters.tiflux.fake.tenant import FakeTenant

    return FakeTenant.demo()


def _fake_api(tenant: FakeTenant) -> ASGIApp:
    from adapters.tiflux.fake.asgi import create_fake_api_app

    return create_fake_api_app(tenant)


def _ticket_defaults(settings: Settings) -> TicketDefaults:
    return TicketDefaults(
        client_id=ClientId(settings.default_client_id) if settings.default_client_id else None,
        desk_id=DeskId(settings.default_desk_id) if settings.default_desk_id else None,
        priority_id=PriorityId(settings.default_priority_id) if settings.default_priority_id else None,
        catalog_item_id=CatalogItemId(settings.default_catalog_item_id)
        if settings.default_catalog_item_id
        else None,
    )


def _credential_source(settings: Settings) -> Any:
    """Where a call's TiFlux key comes from: the request's header when hosted, the settings over stdio."""
    if settings.hosted:
        return lambda context: header_credential(context.headers if context is not None else None)
    key = settings.api_key_value
    return lambda _context: key


def _selection(specs: Sequence[ToolSpec[Any, Any, Any]], settings: Settings) -> Selection:
    return select_tools(specs, parse_toolsets(settings.toolsets), settings.read_only)


class Container(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)

    translator = providers.Singleton(Translator, settings.provided.language)
    http_client = providers.Singleton(open_http_client, settings=settings)
    breakers = providers.Singleton(
        CircuitBreakers,
        threshold=settings.provided.breaker_threshold,
        cooldown=settings.provided.breaker_cooldown,
    )
    tiflux_client = providers.Singleton(
        TifluxHttpClient,
        http=http_client,
        breakers=breakers,
        retry=providers.Factory(RetryPolicy, budget=settings.provided.retry_budget),
    )
    fake_tenant = providers.Singleton(_demo_tenant)
    fake_api = providers.Singleton(_fake_api, fake_tenant)

    gateways = providers.Selector(
        settings.provided.backend,
        http=providers.Singleton(
            HttpGateways, client=tiflux_client.provider, cache_ttl=settings.provided.cache_ttl
        ),
        fake=providers.Singleton(FakeGateways, app=fake_api.provider),
    )

    rich_text = providers.Singleton(RichTextConverter)
    attachments = providers.Singleton(
        LocalAndInlineAttachments,
        hosted=settings.provided.hosted,
        allowed_dir=settings.provided.attachments_dir,
    )
    ticket_defaults = providers.Callable(_ticket_defaults, settings)
    use_cases = providers.Singleton(
        UseCasesFor,
        gateway_for=gateways,
        rich_text=rich_text,
        attachments=attachments,
        ticket_defaults=ticket_defaults,
    )
    runtime = providers.Singleton(
        ToolRuntime, use_cases=use_cases, translator=translator, zone=settings.provided.zone
    )
    tools = providers.Object(ALL_TOOLS)
    selection = providers.Callable(_selection, tools, settings)
    credential = providers.Callable(_credential_source, settings)
    asker = providers.Singleton(Asker, translator)
    mcp_server = providers.Singleton(
        TifluxMCPServer,
        specs=selection.provided.enabled,
        disabled=selection.provided.disabled,
        runtime=runtime,
        credential=credential,
        version=providers.Callable(package_version),
        asker=asker,
        confirm_writes=settings.provided.confirm_writes,
    )


def build_authorization_server(container: Container, *, ephemeral: bool = False) -> Any:
    """Hosted mode's OAuth server; with `ephemeral` (the demo) and no secret key, a throwaway one in memory.

    Raises `SecretKeyProblem` or `UnknownStoreUrl` with a message that says what to set.
    """
    from adapters.oauth.browser import BrowserBinding
    from adapters.oauth.limits import OAuthLimits, SourceLimiter
    from adapters.oauth.page import PAGE_PATH, AuthorizePage
    from adapters.oauth.provider import Lifetimes, TifluxOAuthProvider
    from adapters.oauth.sealing import KeySealer, ephemeral_secret_key
    from adapters.oauth.server import AuthorizationServer
    from adapters.oauth.stores import open_grant_store

    settings: Settings = container.settings()
    secret = settings.mcp_secret_key.get_secret_value() if settings.mcp_secret_key else None
    store_url = settings.mcp_store_url
    if ephemeral and not secret:  # nothing sealed with a throwaway secret is worth keeping
        secret, store_url = ephemeral_secret_key(), "sqlite://:memory:"
    sealer = KeySealer(secret)
    store = open_grant_store(store_url)
    base = settings.base_url
    lifetimes = Lifetimes(
        client_unused=max(1, round(settings.oauth_client_first_use_hours * 3600)),
        client_idle=max(1, round(settings.oauth_client_idle_days * 24 * 3600)),
    )
    provider = TifluxOAuthProvider(
        store, sealer, resource_url=f"{base}/mcp", page_url=f"{base}{PAGE_PATH}", lifetimes=lifetimes
    )
    limits = OAuthLimits(
        register_per_minute=settings.oauth_register_per_minute,
        authorize_per_minute=settings.oauth_authorize_per_minute,
        key_tries_per_minute=settings.oauth_key_tries_per_minute,
        key_attempts=settings.oauth_key_attempts,
    )
    limiter = SourceLimiter(store)
    browser = BrowserBinding(base, max_age=lifetimes.pending)
    gateways = container.gateways()

    async def check_key(api_key: str) -> str | None:
        """Whose key this is, asking TiFlux (`GET /users/me`); raises InvalidCredentials on a bad key.

        The page answers any other DomainError with "TiFlux unavailable"; an upstream failure is not a
        domain error, so it is handed over as that base class."""
        try:
            me = await gateways(api_key).people.me()
        except UpstreamFailure as failure:
            raise DomainError(str(failure)) from failure
        return f"tiflux-user:{me.id}"

    page = AuthorizePage(
        provider, check_key, container.translator(), browser=browser, limiter=limiter, limits=limits
    )
    return AuthorizationServer(base, provider, page, limits, limiter, browser)


def create_container(settings: Settings) -> Container:
    container = Container(settings=settings)

    @asynccontextmanager
    async def resources(_server: object) -> AsyncIterator[dict[str, Any]]:
        """Close the shared HTTP pool when the server stops (HTTP backend only)."""
        try:
            yield {}
        finally:
            gateways = container.gateways()
            if isinstance(gateways, HttpGateways) and gateways.started:
                await container.http_client().aclose()
                container.http_client.reset()

    container.mcp_server.add_kwargs(lifespan=resources)
    container.mcp_server.set_provides(with_prompts(TifluxMCPServer))  # the workflows its tools allow
    return container
