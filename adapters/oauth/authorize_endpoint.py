"""`GET`/`POST /authorize` in place of the SDK's handler, which redirects most errors (bad scope, missing
PKCE, wrong response_type...) to whatever redirect URI the client registered: with self-registration that
is an open redirect nobody clicked for (RFC 9700 §4.11.2). Here no error leaves this server: the person
sees our page saying what was wrong. Only the person's own decision on the key page (approve or cancel)
sends the browser back to the client.

A valid request is kept for the key page, bound to this browser (a cookie; see `browser.py`), and
counted against the source address's per-minute budget like every other request here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from mcp.server.auth.provider import AuthorizationParams, AuthorizeError
from mcp.shared.auth import InvalidRedirectUriError, InvalidScopeError, OAuthClientInformationFull
from pydantic import AnyUrl, ValidationError
from starlette.datastructures import FormData, QueryParams
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from adapters.oauth.browser import BrowserBinding
from adapters.oauth.client_metadata import MAX_URI
from adapters.oauth.limits import OAuthLimits, SourceLimiter, source_of
from adapters.oauth.provider import TifluxOAuthProvider, same_resource
from adapters.oauth.views import Views

MAX_STATE = 1024  # characters; a state is an opaque nonce, usually 20–100
MAX_CLIENT_ID = 200
MAX_SCOPE = 200
PKCE_CHALLENGE = re.compile(r"[A-Za-z0-9._~-]{43,128}")  # RFC 7636 §4.2
PARAMETERS = (
    "client_id",
    "redirect_uri",
    "response_type",
    "code_challenge",
    "code_challenge_method",
    "state",
    "scope",
    "resource",
)


class Refused(Exception):
    """An authorization request this server will not serve; shown to the person, never redirected."""

    def __init__(self, error: str, reason_key: str, **params: object) -> None:
        super().__init__(error)
        self.error = error
        self.reason_key = reason_key
        self.params = params


@dataclass(frozen=True)
class AuthorizeEndpoint:
    provider: TifluxOAuthProvider
    views: Views
    browser: BrowserBinding
    limiter: SourceLimiter
    limits: OAuthLimits

    async def handle(self, request: Request) -> Response:
        wait = await self.limiter.retry_after(
            "authorize", source_of(request), self.limits.authorize_per_minute
        )
        if wait is not None:
            return self.views.too_many(wait)
        try:
            params = await _parameters(request)
            client, authorization = await self._validated(params)
            browser_id = self.browser.id_for(request)
            page = await self.provider.authorize(client, authorization, browser=browser_id)
        except Refused as refused:
            return self._refused(refused)
        except AuthorizeError as refused:
            return self._refused(Refused(refused.error, "oauth.invalid.request"))
        answer = RedirectResponse(page, status_code=302, headers={"Cache-Control": "no-store"})
        self.browser.remember(answer, browser_id)
        return answer

    async def _validated(
        self, params: FormData | QueryParams
    ) -> tuple[OAuthClientInformationFull, AuthorizationParams]:
        for name in PARAMETERS:  # RFC 6749 §3.1: no parameter twice
            if len(params.getlist(name)) > 1:
                raise Refused("invalid_request", "oauth.invalid.repeated", name=name)
        client_id = _text(params, "client_id")
        client = await self.provider.get_client(client_id) if 0 < len(client_id) <= MAX_CLIENT_ID else None
        if client is None:
            raise Refused("invalid_request", "oauth.invalid.client")
        raw_uri = _text(params, "redirect_uri") or None
        try:
            if raw_uri is not None and len(raw_uri) > MAX_URI:
                raise InvalidRedirectUriError("too long")
            redirect_uri = client.validate_redirect_uri(AnyUrl(raw_uri) if raw_uri else None)
        except (InvalidRedirectUriError, ValidationError) as problem:
            raise Refused("invalid_request", "oauth.invalid.redirect_uri") from problem
        if _text(params, "response_type") != "code":
            raise Refused("unsupported_response_type", "oauth.invalid.response_type")
        if not PKCE_CHALLENGE.fullmatch(_text(params, "code_challenge")):
            raise Refused("invalid_request", "oauth.invalid.pkce")
        if _text(params, "code_challenge_method") not in ("", "S256"):
            raise Refused("invalid_request", "oauth.invalid.pkce_method")
        state = params.get("state")
        if isinstance(state, str) and len(state) > MAX_STATE:
            raise Refused("invalid_request", "oauth.invalid.state", max=MAX_STATE)
        scope = _text(params, "scope") or None
        try:
            if scope is not None and len(scope) > MAX_SCOPE:
                raise InvalidScopeError("too long")
            scopes = client.validate_scope(scope)
        except InvalidScopeError as problem:
            raise Refused("invalid_scope", "oauth.invalid.scope") from problem
        resource = _text(params, "resource") or None
        if resource is not None and not same_resource(resource[: MAX_URI + 1], self.provider.resource_url):
            raise Refused("invalid_target", "oauth.invalid.resource", resource=self.provider.resource_url)
        return client, AuthorizationParams(
            state=state if isinstance(state, str) else None,
            scopes=scopes,
            code_challenge=_text(params, "code_challenge"),
            redirect_uri=redirect_uri,
            redirect_uri_provided_explicitly=raw_uri is not None,
            resource=resource,
        )

    def _refused(self, refused: Refused) -> Response:
        t = self.views.t
        reason = t(refused.reason_key, **{k: escape(str(v)) for k, v in refused.params.items()})
        return self.views.message(
            "oauth.page.invalid.title",
            t("oauth.page.invalid", reason=reason),
            400,
            detail=t("oauth.page.invalid.code", code=refused.error),
        )


async def _parameters(request: Request) -> FormData | QueryParams:
    if request.method == "GET":
        return request.query_params
    try:
        return await request.form(max_files=0, max_fields=20)
    except HTTPException as problem:
        raise Refused("invalid_request", "oauth.invalid.unreadable") from problem


def _text(params: FormData | QueryParams, name: str) -> str:
    value = params.get(name)
    return value if isinstance(value, str) else ""
