"""The authorization server assembled: the SDK's OAuth routes around our provider, plus our page."""

from __future__ import annotations

from dataclasses import dataclass

from mcp.server.auth.provider import AccessToken
from mcp.server.auth.routes import (
    build_resource_metadata_url,
    create_auth_routes,
    create_protected_resource_routes,
)
from mcp.server.auth.settings import AuthSettings, ClientRegistrationOptions, RevocationOptions
from pydantic import AnyHttpUrl
from starlette.routing import BaseRoute

from adapters.oauth.page import AuthorizePage
from adapters.oauth.provider import SCOPE, TifluxOAuthProvider, same_resource


@dataclass(frozen=True)
class AuthorizationServer:
    """Everything hosted mode needs for OAuth, at `base_url` (the URL clients use)."""

    base_url: str
    provider: TifluxOAuthProvider
    page: AuthorizePage

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
        return [
            *create_auth_routes(
                provider=self.provider,
                issuer_url=settings.issuer_url,
                client_registration_options=settings.client_registration_options,
                revocation_options=settings.revocation_options,
            ),
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
