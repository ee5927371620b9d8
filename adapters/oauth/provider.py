"""The authorization server's provider: what the mcp SDK's `/authorize`, `/token`, `/register` and
`/revoke` routes call (`mcp.server.auth.provider.OAuthAuthorizationServerProvider`).

A grant is a *family*: the code a person approved by pasting their TiFlux key, and every access and
refresh token issued from it. The family record holds the key, encrypted. Tokens rotate on refresh; a
refresh token (or code) presented a second time means it leaked, so the whole family is revoked.
Everything lives in a `GrantStore` under hashes, so any replica can answer any request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlencode

from mcp.server.auth.provider import (
    AccessToken,
    AuthorizationParams,
    AuthorizeError,
    IdentityAssertionParams,
    RefreshToken,
    RegistrationError,
    TokenError,
    construct_redirect_uri,
)
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken
from pydantic import AnyHttpUrl, ValidationError

from adapters.oauth import records as kinds
from adapters.oauth.client_metadata import display_name, metadata_problem, redirect_uri_problem
from adapters.oauth.records import (
    CodeRecord,
    FamilyRecord,
    GrantedAccessToken,
    GrantedCode,
    GrantedRefreshToken,
    PendingAuthorization,
    TokenRecord,
)
from adapters.oauth.sealing import KeySealer, new_token, token_hash
from application.ports.grants import GrantStore

SCOPE = "tiflux"


@dataclass(frozen=True)
class Lifetimes:
    """Seconds each thing lives."""

    pending: int = 600
    code: int = 600
    access: int = 3600
    refresh: int = 30 * 24 * 3600
    client_unused: int = 24 * 3600  # a registered client that never got a token
    client_idle: int = 90 * 24 * 3600  # a client that got no token (nor refresh) for this long


class PendingExpired(Exception):
    """The authorisation request is unknown, expired or already answered."""


def same_resource(a: str | None, b: str) -> bool:
    """RFC 8707 audiences compared as URLs (case of host, default port), a trailing slash aside."""
    try:
        return str(AnyHttpUrl(a or "")).removesuffix("/") == str(AnyHttpUrl(b)).removesuffix("/")
    except ValidationError:
        return False


class TifluxOAuthProvider:
    """OAuth 2.1 with PKCE (S256, checked by the SDK) for public and confidential clients."""

    def __init__(
        self,
        store: GrantStore,
        sealer: KeySealer,
        *,
        resource_url: str,
        page_url: str,
        lifetimes: Lifetimes | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self._sealer = sealer
        self.resource_url = resource_url
        self._page_url = page_url
        self.lifetimes = lifetimes or Lifetimes()
        self._clock = clock

    # --- clients (RFC 7591)
    async def get_client(self, client_id: str) -> OAuthClientInformationFull | None:
        stored = await self.store.get(kinds.CLIENT, client_id)
        if stored is None:
            return None
        client = OAuthClientInformationFull.model_validate_json(stored)
        if client.client_secret:
            secret = self._sealer.open(client.client_secret)
            if secret is None:
                return None
            client = client.model_copy(update={"client_secret": secret})
        return client

    async def register_client(self, client_info: OAuthClientInformationFull) -> None:
        """Store a new client for `client_unused` seconds; its first token makes it last `client_idle`."""
        for uri in client_info.redirect_uris or []:
            problem = redirect_uri_problem(uri)
            if problem:
                raise RegistrationError("invalid_redirect_uri", problem)
        problem = metadata_problem(client_info)
        if problem:
            raise RegistrationError("invalid_client_metadata", problem)
        update: dict[str, object] = {}
        if client_info.client_name is not None:
            update["client_name"] = display_name(client_info.client_name) or None
        if client_info.client_secret:
            update["client_secret"] = self._sealer.seal(client_info.client_secret)
        stored = client_info.model_copy(update=update)
        await self.store.put(
            kinds.CLIENT,
            client_info.client_id,
            stored.model_dump_json(exclude_none=True),
            self.lifetimes.client_unused,
        )

    async def _keep_client(self, client_id: str) -> None:
        """The client just got tokens: it lives `client_idle` seconds from now."""
        stored = await self.store.get(kinds.CLIENT, client_id)
        if stored is not None:
            await self.store.put(kinds.CLIENT, client_id, stored, self.lifetimes.client_idle)

    # --- /authorize → our page → code
    async def authorize(
        self, client: OAuthClientInformationFull, params: AuthorizationParams, browser: str | None = None
    ) -> str:
        """Keep the request for the page; `browser` is the id (cookie) of the browser that must answer it."""
        if params.resource is not None and not same_resource(params.resource, self.resource_url):
            raise AuthorizeError("invalid_target", f"this server only issues tokens for {self.resource_url}")
        request_id = new_token()
        pending = PendingAuthorization(
            client_id=client.client_id,
            client_name=display_name(client.client_name) or None,
            browser=token_hash(browser) if browser else None,
            redirect_uri=params.redirect_uri,
            redirect_uri_provided_explicitly=params.redirect_uri_provided_explicitly,
            state=params.state,
            scopes=params.scopes or (client.scope.split() if client.scope else [SCOPE]),
            code_challenge=params.code_challenge,
            resource=self.resource_url,
        )
        await self.store.put(
            kinds.PENDING, token_hash(request_id), pending.model_dump_json(), self.lifetimes.pending
        )
        return f"{self._page_url}?{urlencode({'request': request_id})}"

    async def pending(self, request_id: str) -> PendingAuthorization | None:
        stored = await self.store.get(kinds.PENDING, token_hash(request_id))
        return PendingAuthorization.model_validate_json(stored) if stored else None

    async def approve(self, request_id: str, api_key: str, subject: str | None) -> str:
        """The person's key was checked: issue the code and return where to send the browser."""
        stored = await self.store.take(kinds.PENDING, token_hash(request_id))
        if stored is None:
            raise PendingExpired()
        pending = PendingAuthorization.model_validate_json(stored)
        code = new_token()
        record = CodeRecord(
            client_id=pending.client_id,
            redirect_uri=pending.redirect_uri,
            redirect_uri_provided_explicitly=pending.redirect_uri_provided_explicitly,
            scopes=pending.scopes,
            code_challenge=pending.code_challenge,
            resource=pending.resource,
            expires_at=self._clock() + self.lifetimes.code,
            sealed_key=self._sealer.seal(api_key),
            subject=subject,
            family_id=new_token(),
        )
        await self.store.put(kinds.CODE, token_hash(code), record.model_dump_json(), self.lifetimes.code)
        return construct_redirect_uri(str(pending.redirect_uri), code=code, state=pending.state)

    async def deny(self, request_id: str) -> str | None:
        """The person refused: where to send the browser with `access_denied` (None if expired)."""
        stored = await self.store.take(kinds.PENDING, token_hash(request_id))
        if stored is None:
            return None
        pending = PendingAuthorization.model_validate_json(stored)
        return construct_redirect_uri(str(pending.redirect_uri), error="access_denied", state=pending.state)

    # --- /token: authorization_code
    async def load_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: str
    ) -> GrantedCode | None:
        digest = token_hash(authorization_code)
        stored = await self.store.get(kinds.CODE, digest)
        if stored is None:
            await self._revoke_if_replayed(kinds.CODE_USED, digest)
            return None
        record = CodeRecord.model_validate_json(stored)
        if record.client_id != client.client_id:
            return None
        return GrantedCode(
            code=authorization_code,
            scopes=record.scopes,
            expires_at=record.expires_at,
            client_id=record.client_id,
            code_challenge=record.code_challenge,
            redirect_uri=record.redirect_uri,
            redirect_uri_provided_explicitly=record.redirect_uri_provided_explicitly,
            resource=record.resource,
            subject=record.subject,
            family_id=record.family_id,
        )

    async def exchange_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: GrantedCode
    ) -> OAuthToken:
        digest = token_hash(authorization_code.code)
        stored = await self.store.take(kinds.CODE, digest)
        if stored is None:  # another request won the race for this code
            await self._revoke_family(authorization_code.family_id)
            raise TokenError("invalid_grant", "authorization code was already used")
        record = CodeRecord.model_validate_json(stored)
        await self.store.put(kinds.CODE_USED, digest, record.family_id, self.lifetimes.code)
        family = FamilyRecord(
            client_id=record.client_id, sealed_key=record.sealed_key, subject=record.subject
        )
        await self.store.put(kinds.FAMILY, record.family_id, family.model_dump_json(), self.lifetimes.refresh)
        return await self._issue(record.family_id, record.client_id, record.scopes, record.subject)

    # --- /token: refresh_token (rotation, reuse detection)
    async def load_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: str
    ) -> GrantedRefreshToken | None:
        digest = token_hash(refresh_token)
        stored = await self.store.get(kinds.REFRESH, digest)
        if stored is None:
            await self._revoke_if_replayed(kinds.REFRESH_USED, digest)
            return None
        record = TokenRecord.model_validate_json(stored)
        if record.client_id != client.client_id or await self._family(record.family_id) is None:
            return None
        return _granted(GrantedRefreshToken, refresh_token, record)

    async def exchange_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: GrantedRefreshToken, scopes: list[str]
    ) -> OAuthToken:
        digest = token_hash(refresh_token.token)
        if await self.store.take(kinds.REFRESH, digest) is None:
            await self._revoke_family(refresh_token.family_id)
            raise TokenError("invalid_grant", "refresh token was already used; sign in again")
        await self.store.put(kinds.REFRESH_USED, digest, refresh_token.family_id, self.lifetimes.refresh)
        family = await self._family(refresh_token.family_id)
        if family is None:
            raise TokenError("invalid_grant", "this authorisation was revoked; sign in again")
        await self.store.put(
            kinds.FAMILY, refresh_token.family_id, family.model_dump_json(), self.lifetimes.refresh
        )
        return await self._issue(refresh_token.family_id, refresh_token.client_id, scopes, family.subject)

    # --- bearer tokens on /mcp
    async def load_access_token(self, token: str) -> GrantedAccessToken | None:
        found = await self.authenticate(token)
        return found[0] if found else None

    async def authenticate(self, token: str) -> tuple[GrantedAccessToken, str] | None:
        """A live access token for this server, with the TiFlux key of its grant; None otherwise."""
        stored = await self.store.get(kinds.ACCESS, token_hash(token))
        if stored is None:
            return None
        record = TokenRecord.model_validate_json(stored)
        if record.expires_at <= self._clock():
            return None
        family = await self._family(record.family_id)
        if family is None:
            return None
        api_key = self._sealer.open(family.sealed_key)
        if api_key is None:
            return None
        return _granted(GrantedAccessToken, token, record), api_key

    # --- /revoke (RFC 7009)
    async def revoke_token(self, token: AccessToken | RefreshToken) -> None:
        family_id = getattr(token, "family_id", None)
        await self.store.delete(kinds.ACCESS, token_hash(token.token))
        await self.store.delete(kinds.REFRESH, token_hash(token.token))
        if family_id:
            await self._revoke_family(family_id)

    async def exchange_identity_assertion(
        self, client: OAuthClientInformationFull, params: IdentityAssertionParams
    ) -> OAuthToken:
        """SEP-990's jwt-bearer grant is not offered (the metadata does not advertise it)."""
        raise TokenError("unsupported_grant_type", "this server issues tokens by authorization code only")

    # --- internals
    async def _issue(
        self, family_id: str, client_id: str, scopes: list[str], subject: str | None
    ) -> OAuthToken:
        await self._keep_client(client_id)
        now = int(self._clock())
        access, refresh = new_token(), new_token()
        for kind, token, lifetime in (
            (kinds.ACCESS, access, self.lifetimes.access),
            (kinds.REFRESH, refresh, self.lifetimes.refresh),
        ):
            record = TokenRecord(
                client_id=client_id,
                family_id=family_id,
                scopes=scopes,
                expires_at=now + lifetime,
                resource=self.resource_url,
                subject=subject,
            )
            await self.store.put(kind, token_hash(token), record.model_dump_json(), lifetime)
        return OAuthToken(
            access_token=access,
            token_type="Bearer",
            expires_in=self.lifetimes.access,
            refresh_token=refresh,
            scope=" ".join(scopes) or None,
        )

    async def _family(self, family_id: str) -> FamilyRecord | None:
        stored = await self.store.get(kinds.FAMILY, family_id)
        return FamilyRecord.model_validate_json(stored) if stored else None

    async def _revoke_family(self, family_id: str) -> None:
        await self.store.delete(kinds.FAMILY, family_id)

    async def _revoke_if_replayed(self, used_kind: str, digest: str) -> None:
        """A code or refresh token seen again after use: whoever has it may be an attacker."""
        family_id = await self.store.get(used_kind, digest)
        if family_id:
            await self._revoke_family(family_id)


GrantedT = TypeVar("GrantedT", GrantedAccessToken, GrantedRefreshToken)


def _granted(kind: type[GrantedT], token: str, record: TokenRecord) -> GrantedT:
    """The SDK's view of a stored access or refresh token."""
    return kind(
        token=token,
        client_id=record.client_id,
        scopes=record.scopes,
        expires_at=record.expires_at,
        resource=record.resource,
        subject=record.subject,
        family_id=record.family_id,
    )
