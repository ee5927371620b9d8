"""The composition root: the one place that knows which adapter serves which port.

Built by `create_container(settings)`, never at import time. Gateways are made per credential, because
a hosted process serves many TiFlux accounts; the HTTP connection pool is shared by all of them, each
account within its share. Hosted mode's own parts (OAuth, limits, the HTTP app) are the `hosted`
sub-container, built only by `tiflux-mcp serve`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx2
from dependency_injector import containers, providers

from adapters.accounts import CURRENT_ACCOUNT, KeyRefused, KnownAccounts, account_name, key_hash
from adapters.attachments.files import LocalAndInlineAttachments
from adapters.i18n import Translator
from adapters.mcp.advertised_limits import with_body_limit
from adapters.mcp.body_guard import MIB
from adapters.mcp.confirmations import Asker
from adapters.mcp.discovery import Discovery
from adapters.mcp.http_app import HostedLimits, create_http_app, header_credential
from adapters.mcp.prompts import with_prompts
from adapters.mcp.runtime import ToolRuntime
from adapters.mcp.server import TifluxMCPServer
from adapters.mcp.spec import ToolSpec
from adapters.mcp.tenant_limits import TenantLimits, rate_buckets_for
from adapters.mcp.tools import TOOLSET_OF, tools_for
from adapters.mcp.toolsets import DEFAULT_TOOLSETS, TOOLSETS, Selection, parse_toolsets, select_tools
from adapters.richtext.converter import RichTextConverter
from adapters.settings import Settings
from adapters.tiflux.cache import CachingGateway, TenantCaches
from adapters.tiflux.http.breaker import CircuitBreakers
from adapters.tiflux.http.client import RetryPolicy, TifluxHttpClient
from adapters.tiflux.http.gateway import HttpTifluxGateway
from adapters.tiflux.http.shares import UpstreamShares
from adapters.use_cases import UseCasesFor
from adapters.version import package_version, user_agent
from application.ports.failures import UpstreamFailure
from application.ports.gateway import TifluxGateway
from application.use_cases.create_ticket import TicketDefaults
from domain.errors import DomainError, InvalidCredentials, MissingCredentials, PermissionDenied
from domain.ids import CatalogItemId, ClientId, DeskId, PriorityId

if TYPE_CHECKING:  # the fake is imported on its first call, not at start-up
    from starlette.types import ASGIApp

    from adapters.tiflux.fake.tenant import FakeTenant


def open_http_client(settings: Settings) -> httpx2.AsyncClient:
    """One pooled client for the whole process; the server's lifespan closes it at shutdown."""
    return httpx2.AsyncClient(
        base_url=str(settings.api_base_url).rstrip("/"),
        timeout=httpx2.Timeout(settings.read_timeout, connect=settings.connect_timeout),
        limits=httpx2.Limits(
            max_connections=settings.upstream_connections,
            max_keepalive_connections=min(20, settings.upstream_connections),
        ),
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


def _offered_toolsets(settings: Settings) -> tuple[str, ...] | None:
    """The toolsets whose tools are loaded at start (None: every one). With discovery, the everyday ones
    among those the operator allows; the others wait for `enable_toolset`."""
    if settings.discovery:
        ceiling = _discovery_ceiling(settings)
        return tuple(name for name in DEFAULT_TOOLSETS if name in ceiling)
    return parse_toolsets(settings.toolsets)


def _discovery_ceiling(settings: Settings) -> tuple[str, ...]:
    """What a discovery session may turn on: TIFLUX_TOOLSETS, or every toolset when it is unset."""
    chosen = parse_toolsets(settings.toolsets) if settings.toolsets and settings.toolsets.strip() else None
    return TOOLSETS if chosen is None else tuple(name for name in TOOLSETS if name in chosen)


def _selection(specs: Sequence[ToolSpec[Any, Any, Any]], settings: Settings) -> Selection:
    offered = _offered_toolsets(settings)
    return select_tools(specs, offered, settings.read_only, registered=TOOLSET_OF)


def _discovery(settings: Settings, load: Any) -> Discovery | None:
    if not settings.discovery:
        return None
    started = _offered_toolsets(settings) or ()
    return Discovery(_discovery_ceiling(settings), set(started), settings.read_only, load, TOOLSET_OF)


def _upstream_shares(settings: Settings, accounts: KnownAccounts) -> UpstreamShares | None:
    """Hosted: each account's share of the pool; over stdio there is one account and no share."""
    if not settings.hosted:
        return None
    return UpstreamShares(
        per_account=settings.tenant_upstream_connections,
        share_of=accounts.share_of,
        wait=settings.read_timeout,
    )


def _advertised(
    specs: Sequence[ToolSpec[Any, Any, Any]], settings: Settings
) -> list[ToolSpec[Any, Any, Any]]:
    """Hosted: descriptions state the attachment size the request body cap allows."""
    if not settings.hosted:
        return list(specs)
    return with_body_limit(specs, _max_body_bytes(settings))


def _account_folder() -> str | None:
    """The hosted request's account, whose subfolder of the attachments directory it may read."""
    return CURRENT_ACCOUNT.get()


@dataclass(frozen=True)
class GrantKeeping:
    """Where OAuth grants are kept and the secret that seals the TiFlux keys in them."""

    secret_key: str | None
    store_url: str


def _grant_keeping(settings: Settings) -> GrantKeeping:
    """The settings' store and secret; on the demo backend without a secret, a throwaway pair in memory."""
    from adapters.oauth.sealing import ephemeral_secret_key

    secret = settings.mcp_secret_key.get_secret_value() if settings.mcp_secret_key else None
    if settings.backend == "fake" and not secret:  # nothing sealed with a throwaway secret is worth keeping
        return GrantKeeping(ephemeral_secret_key(), "sqlite://:memory:")
    return GrantKeeping(secret, settings.mcp_store_url)


def _key_sealer(keeping: GrantKeeping) -> Any:
    """Raises `SecretKeyProblem` with what to set."""
    from adapters.oauth.sealing import KeySealer

    return KeySealer(keeping.secret_key)


def _grant_store(keeping: GrantKeeping) -> Any:
    """Raises `UnknownStoreUrl` with what to set."""
    from adapters.oauth.stores import open_grant_store

    return open_grant_store(keeping.store_url)


def _lifetimes(settings: Settings) -> Any:
    """How long registered clients live unused (never used, or idle); the rest are the defaults."""
    from adapters.oauth.provider import Lifetimes

    return Lifetimes(
        client_unused=max(1, round(settings.oauth_client_first_use_hours * 3600)),
        client_idle=max(1, round(settings.oauth_client_idle_days * 24 * 3600)),
    )


def _oauth_provider(settings: Settings, store: Any, sealer: Any, lifetimes: Any) -> Any:
    from adapters.oauth.page import PAGE_PATH
    from adapters.oauth.provider import TifluxOAuthProvider

    base = settings.base_url
    return TifluxOAuthProvider(
        store, sealer, resource_url=f"{base}/mcp", page_url=f"{base}{PAGE_PATH}", lifetimes=lifetimes
    )


def _oauth_limits(settings: Settings) -> Any:
    """Per-source rates on /register, /authorize and the key form; attempts per pending request."""
    from adapters.oauth.limits import OAuthLimits

    return OAuthLimits(
        register_per_minute=settings.oauth_register_per_minute,
        authorize_per_minute=settings.oauth_authorize_per_minute,
        key_tries_per_minute=settings.oauth_key_tries_per_minute,
        key_attempts=settings.oauth_key_attempts,
    )


def _source_limiter(store: Any) -> Any:
    """Counts per source address, kept in the grant store (so shared by replicas on Redis)."""
    from adapters.oauth.limits import SourceLimiter

    return SourceLimiter(store)


def _browser_binding(settings: Settings, lifetimes: Any) -> Any:
    """The cookie that binds the key form to the browser that opened /authorize."""
    from adapters.oauth.browser import BrowserBinding

    return BrowserBinding(settings.base_url, max_age=lifetimes.pending)


def _authorize_page(
    provider: Any,
    gateways: Callable[[str | None], TifluxGateway],
    translator: Translator,
    browser: Any,
    limiter: Any,
    limits: Any,
) -> Any:
    from adapters.oauth.page import AuthorizePage

    async def check_key(api_key: str) -> str | None:
        """Whose key this is, asking TiFlux (`GET /users/me`); raises InvalidCredentials on a bad key.

        The page answers any other DomainError with "TiFlux unavailable"; an upstream failure is not a
        domain error, so it is handed over as that base class."""
        try:
            me = await gateways(api_key).people.me()
        except UpstreamFailure as failure:
            raise DomainError(str(failure)) from failure
        return f"tiflux-user:{me.id}"

    return AuthorizePage(provider, check_key, translator, browser=browser, limiter=limiter, limits=limits)


def _authorization_server(
    settings: Settings, provider: Any, page: Any, limits: Any, limiter: Any, browser: Any
) -> Any:
    from adapters.oauth.server import AuthorizationServer

    return AuthorizationServer(settings.base_url, provider, page, limits, limiter, browser)


def whose_key(gateways: Callable[[str | None], TifluxGateway]) -> Callable[[str], Awaitable[str]]:
    """How the credential gate learns a key's account: `GET /users/me`, once per key for a while."""

    async def ask(api_key: str) -> str:
        try:
            me = await gateways(api_key).people.me()
        except (InvalidCredentials, MissingCredentials) as exc:
            raise KeyRefused() from exc
        except PermissionDenied:  # the key works but may not read its own user: an account of its own
            return f"key-{key_hash(api_key)}"
        return account_name(me.id)

    return ask


def _max_body_bytes(settings: Settings) -> int:
    return int(settings.http_max_body_mb * MIB)


def _unverified_burst(settings: Settings) -> int:
    """Ten seconds' worth of the budget keys not yet checked share (at least one)."""
    return max(1, settings.unverified_rate_per_minute // 6)


def _compact(settings: Settings) -> bool:
    return settings.verbosity == "compact"


def _requires_key(settings: Settings) -> bool:
    return settings.backend == "http"


class HostedContainer(containers.DeclarativeContainer):
    """`tiflux-mcp serve`: the OAuth authorization server (grant store, key sealer, provider, the key page),
    per-account limits and the ASGI app. Building `app` raises `SecretKeyProblem` or `UnknownStoreUrl`
    with what to set."""

    settings = providers.Dependency(instance_of=Settings)
    gateways: providers.Dependency[Callable[[str | None], TifluxGateway]] = providers.Dependency()
    translator = providers.Dependency(instance_of=Translator)
    mcp_server = providers.Dependency(instance_of=TifluxMCPServer)
    known_accounts = providers.Dependency(instance_of=KnownAccounts)

    grant_keeping = providers.Singleton(_grant_keeping, settings)
    key_sealer = providers.Singleton(_key_sealer, grant_keeping)
    grant_store = providers.Singleton(_grant_store, grant_keeping)
    lifetimes = providers.Singleton(_lifetimes, settings)
    oauth_provider = providers.Singleton(_oauth_provider, settings, grant_store, key_sealer, lifetimes)
    oauth_limits = providers.Singleton(_oauth_limits, settings)
    source_limiter = providers.Singleton(_source_limiter, grant_store)
    browser_binding = providers.Singleton(_browser_binding, settings, lifetimes)
    authorize_page = providers.Singleton(
        _authorize_page, oauth_provider, gateways, translator, browser_binding, source_limiter, oauth_limits
    )
    authorization_server = providers.Singleton(
        _authorization_server,
        settings,
        oauth_provider,
        authorize_page,
        oauth_limits,
        source_limiter,
        browser_binding,
    )
    rates = providers.Singleton(rate_buckets_for, settings.provided.mcp_store_url)
    tenant_limits = providers.Singleton(
        TenantLimits,
        concurrency=settings.provided.tenant_concurrency,
        per_minute=settings.provided.tenant_rate_per_minute,
        burst=settings.provided.tenant_burst,
        rates=rates,
    )
    unverified_limits = providers.Singleton(
        TenantLimits,
        concurrency=settings.provided.unverified_concurrency,
        per_minute=settings.provided.unverified_rate_per_minute,
        burst=providers.Callable(_unverified_burst, settings),
        queue_seconds=1.0,
        rates=rates,
    )
    limits = providers.Singleton(
        HostedLimits,
        accounts=known_accounts,
        ask=providers.Callable(whose_key, gateways),
        tenants=tenant_limits,
        unverified=unverified_limits,
        max_body_bytes=providers.Callable(_max_body_bytes, settings),
        body_timeout=settings.provided.http_body_timeout,
    )
    app = providers.Singleton(
        create_http_app,
        mcp_server,
        version=providers.Callable(package_version),
        allowed_hosts=settings.provided.allowed_hosts,
        allowed_origins=settings.provided.allowed_origins,
        require_key=providers.Callable(_requires_key, settings),
        auth=authorization_server,
        limits=limits,
    )


class Container(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)

    translator = providers.Singleton(Translator, settings.provided.language)
    known_accounts = providers.Singleton(
        KnownAccounts, ok_ttl=settings.provided.key_check_ttl, refused_ttl=settings.provided.key_refused_ttl
    )
    upstream_shares = providers.Singleton(_upstream_shares, settings, known_accounts)
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
        shares=upstream_shares,
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
        account_folder=providers.Object(_account_folder),
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
        ToolRuntime,
        use_cases=use_cases,
        translator=translator,
        zone=settings.provided.zone,
        compact=providers.Callable(_compact, settings),
    )
    # Only the modules of the toolsets offered are imported: a toolset that is off costs nothing.
    tools = providers.Callable(tools_for, providers.Callable(_offered_toolsets, settings))
    selection = providers.Callable(_selection, tools, settings)
    tool_loader = providers.Object(tools_for)  # a toolset turned on later (discovery) loads its tools then
    discovery = providers.Callable(_discovery, settings, tool_loader)
    credential = providers.Callable(_credential_source, settings)
    asker = providers.Singleton(Asker, translator)
    mcp_server = providers.Singleton(
        TifluxMCPServer,
        specs=providers.Callable(_advertised, selection.provided.enabled, settings),
        disabled=selection.provided.disabled,
        runtime=runtime,
        credential=credential,
        version=providers.Callable(package_version),
        asker=asker,
        confirm_writes=settings.provided.confirm_writes,
        discovery=discovery,
    )
    hosted = providers.Container(
        HostedContainer,
        settings=settings,
        gateways=gateways,
        translator=translator,
        mcp_server=mcp_server,
        known_accounts=known_accounts,
    )


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
