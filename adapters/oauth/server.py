"""The authorization server assembled: the SDK's `/token` and protected-resource metadata around our
provider; our own `/authorize` (no redirect before the person decides), `/register` (rate-limited),
`/revoke` (public clients), metadata (`none` included) and the key page."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from mcp.server.auth.handlers.metadata import MetadataHandler
from mcp.server.auth.handlers.register import RegistrationHandler
from mcp.server.auth.middleware.client_auth import ClientAuthenticator
from mcp.server.auth.provider import AccessToken
from mcp.server.auth.routes import (
    AUTHORIZATION_PATH,
    REGISTRATION_PATH,
    REVOCATION_PATH,
    build_metadata,
    build_resource_metadata_url,
    create_auth_routes,
    create_protected_resource_routes,
)
from mcp.server.auth.settings import AuthSettings, ClientRegistrationOptions, RevocationOptions
from mcp.server.transport_security import RequestBodyLimitMiddleware
from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER
from pydantic import AnyHttpUrl
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route, request_response
from starlette.types import ASGIApp

from adapters.oauth.authorize_endpoint import AuthorizeEndpoint
from adapters.oauth.browser import BrowserBinding
from adapters.oauth.limits import OAuthLimits, SourceLimiter
from adapters.oauth.page import AuthorizePage
from adapters.oauth.provider import SCOPE, TifluxOAuthProvider, same_resource
from adapters.oauth.registration import RegistrationEndpoint
from adapters.oauth.revocation import RevocationEndpoint

METADATA_PATH = "/.well-known/oauth-authorization-server"
# `/register` accepts public clients (claude.ai, ChatGPT), so `none` is a method this server supports.
AUTH_METHODS = ["none", "client_secret_post", "client_secret_basic"]
SMALL_BODY = 16 * 1024  # a registration or a revocation is a few hundred bytes


def open_endpoint(
    handler: Callable[[Request], Awaitable[Response]], methods: list[str], *, max_body: int | None = None
) -> ASGIApp:
    """An endpoint clients call from anywhere (as the SDK mounts them), its body capped at `max_body`."""
    app = request_response(handler)
    if max_body is not None:
        app = RequestBodyLimitMiddleware(app, max_body)
    return CORSMiddleware(
        app, allow_origins="*", allow_methods=methods, allow_headers=[MCP_PROTOCOL_VERSION_HEADER]
    )


@dataclass(frozen=True)
class AuthorizationServer:
    """Everything hosted mode needs for OAuth, at `base_url` (the URL clients use)."""

    base_url: str
    provider: TifluxOAuthProvider
    page: AuthorizePage
    limits: OAuthLimits
    limiter: SourceLimiter
    browser: BrowserBinding

    @property
    def resource_url(self) -> str:
        return f"{self.base_url}/mcp"

    @property
    def resource_metadata_url(self) -> str:
        return str(build_resource_metadata_url(AnyHttpUrl(self.resource_url)))

    @property
    def metadata_url(self) -> str:
        return f"{self.base_url}/.well-known/oauth-authorization-server"

    def routes(self) -> list[BaseRoute]:
        # AuthSettings keeps a path-less issuer without a trailing slash (RFC 8414 compares exactly).
        settings = AuthSettings(
            issuer_url=self.base_url,  # type: ignore[arg-type]
            resource_server_url=self.resource_url,  # type: ignore[arg-type]
            client_registration_options=ClientRegistrationOptions(
                enabled=True, valid_scopes=[SCOPE], default_scopes=[SCOPE]
            ),
            revocation_options=RevocationOptions(enabled=True),
            required_scopes=[SCOPE],
            validate_token_resource=True,  # we check the audience ourselves too (authenticate below)
        )
        assert settings.resource_server_url is not None
        assert settings.client_registration_options is not None
        assert settings.revocation_options is not None
        metadata = build_metadata(
            settings.issuer_url,
            None,
            settings.client_registration_options,
            settings.revocation_options,
        ).model_copy(
            update={
                "token_endpoint_auth_methods_supported": AUTH_METHODS,
                "revocation_endpoint_auth_methods_supported": AUTH_METHODS,
            }
        )
        authorize = AuthorizeEndpoint(self.provider, self.page.views, self.browser, self.limiter, self.limits)
        registration = RegistrationEndpoint(
            RegistrationHandler(self.provider, settings.client_registration_options),
            self.limiter,
            self.limits.register_per_minute,
        )
        ours: dict[str, BaseRoute] = {
            AUTHORIZATION_PATH: Route(
                AUTHORIZATION_PATH,
                RequestBodyLimitMiddleware(request_response(authorize.handle), SMALL_BODY),
                methods=["GET", "POST"],
            ),
            REGISTRATION_PATH: Route(
                REGISTRATION_PATH,
                open_endpoint(registration.handle, ["POST", "OPTIONS"], max_body=SMALL_BODY),
                methods=["POST", "OPTIONS"],
            ),
            METADATA_PATH: Route(
                METADATA_PATH,
                open_endpoint(MetadataHandler(metadata).handle, ["GET", "OPTIONS"]),
                methods=["GET", "OPTIONS"],
            ),
            REVOCATION_PATH: Route(
                REVOCATION_PATH,
                open_endpoint(
                    RevocationEndpoint(self.provider, ClientAuthenticator(self.provider)).handle,
                    ["POST", "OPTIONS"],
                    max_body=SMALL_BODY,
                ),
                methods=["POST", "OPTIONS"],
            ),
        }
        sdk = create_auth_routes(
            provider=self.provider,
            issuer_url=settings.issuer_url,
            client_registration_options=settings.client_registration_options,
            revocation_options=settings.revocation_options,
        )
        return [
            *ours.values(),
            *(route for route in sdk if route.path not in ours),  # /token
            *create_protected_resource_routes(
                resource_url=settings.resource_server_url,
                authorization_servers=[settings.issuer_url],
                scopes_supported=[SCOPE],
                resource_name="tiflux-mcp",
            ),
            *self.page.routes(),
        ]

    async def authenticate(self, token: str) -> tuple[AccessToken, str] | None:
        """A live access token whose audience (RFC 8707) is this server, with its grant's TiFlux key."""
        if not token:
            return None
        found = await self.provider.authenticate(token)
        if found is None or not same_resource(found[0].resource, self.resource_url):
            return None
        return found

    async def store_answers(self) -> bool:
        return await self.provider.store.ping()

    async def close(self) -> None:
        await self.provider.store.close()
