"""`POST /revoke` (RFC 7009) in place of the SDK's handler, which refuses the RFC's own form for public
clients: `token=…&client_id=…` with no `client_secret` at all (its request model requires the field, so
claude.ai and ChatGPT, registered as `none`, got a 400 and their token lived on).

Client authentication is still the SDK's (`ClientAuthenticator`: none, client_secret_post or _basic);
only the request parsing is ours. As RFC 7009 §2.2 says, an unknown or foreign token is answered 200.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from mcp.server.auth.middleware.client_auth import AuthenticationError, ClientAuthenticator
from mcp.server.auth.provider import AccessToken, RefreshToken
from mcp.shared.auth import OAuthClientInformationFull
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from adapters.oauth.provider import TifluxOAuthProvider

MAX_TOKEN_LENGTH = 512  # ours are 43 characters; anything far longer is not a token of ours
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


@dataclass(frozen=True)
class RevocationEndpoint:
    provider: TifluxOAuthProvider
    authenticator: ClientAuthenticator

    async def handle(self, request: Request) -> Response:
        try:
            form = await request.form(max_files=0, max_fields=20)
        except HTTPException as problem:  # not a form, or too many fields
            return _error(400, "invalid_request", str(problem.detail))
        token = form.get("token")
        if not isinstance(token, str) or not token.strip():
            return _error(400, "invalid_request", "token is required (RFC 7009 §2.1)")
        try:
            client = await self.authenticator.authenticate_request(request)
        except AuthenticationError as problem:
            return _error(401, "invalid_client", problem.message)
        found: AccessToken | RefreshToken | None = None
        if len(token) <= MAX_TOKEN_LENGTH:
            # The hint only orders the look-ups (RFC 7009 §2.1: an unknown hint is ignored, not an error).
            refresh_first = form.get("token_type_hint") == "refresh_token"
            for load in _loaders(self.provider, client, refresh_first):
                found = await load(token)
                if found is not None:
                    break
        if found is not None and found.client_id == client.client_id:
            await self.provider.revoke_token(found)
        return Response(status_code=200, headers=_NO_STORE)


def _loaders(
    provider: TifluxOAuthProvider, client: OAuthClientInformationFull, refresh_first: bool
) -> list[Callable[[str], Awaitable[AccessToken | RefreshToken | None]]]:
    async def refresh(token: str) -> RefreshToken | None:
        return await provider.load_refresh_token(client, token)

    loaders: list[Callable[[str], Awaitable[AccessToken | RefreshToken | None]]] = [
        provider.load_access_token,
        refresh,
    ]
    return loaders[::-1] if refresh_first else loaders


def _error(status: int, error: str, description: str) -> Response:
    return JSONResponse({"error": error, "error_description": description}, status, headers=_NO_STORE)
