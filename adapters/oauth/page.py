"""The page where a person connects an assistant: a short guide to making a TiFlux API key and a form to
paste it. Our `/authorize` checks the client, redirect URI and PKCE, then sends the browser here.

The page says plainly that the app is not verified (anyone may register any name) and where the access
will be sent (the redirect URI's host). `POST` checks the key with TiFlux (`GET /users/me`) before any code
is issued; a bad key re-shows the form with the reason and the tries left (the key is never echoed back).
Each pending request survives a few wrong keys, each source address a few tries a minute, and only the
browser that opened the request may use the form (`browser.py`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from html import escape

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from adapters.i18n import Translator
from adapters.oauth import records as kinds
from adapters.oauth.browser import BrowserBinding
from adapters.oauth.client_metadata import LOOPBACK_HOSTS, display_name
from adapters.oauth.limits import OAuthLimits, SourceLimiter, source_of
from adapters.oauth.provider import PendingExpired, TifluxOAuthProvider
from adapters.oauth.records import PendingAuthorization
from adapters.oauth.sealing import token_hash
from adapters.oauth.views import HEADERS, Views
from domain.errors import DomainError, InvalidCredentials, PermissionDenied

PAGE_PATH = "/authorize/key"
MAX_KEY_LENGTH = 4096
MAX_REQUEST_ID = 100

# Returns who the key belongs to (a subject id) or raises a DomainError.
KeyChecker = Callable[[str], Awaitable[str | None]]


class AuthorizePage:
    """`GET`/`POST /authorize/key`."""

    def __init__(
        self,
        provider: TifluxOAuthProvider,
        check_key: KeyChecker,
        translator: Translator,
        *,
        browser: BrowserBinding,
        limiter: SourceLimiter,
        limits: OAuthLimits | None = None,
    ) -> None:
        self._provider = provider
        self._check_key = check_key
        self._views = Views(translator)
        self._t = translator
        self._browser = browser
        self._limiter = limiter
        self._limits = limits or OAuthLimits()

    @property
    def views(self) -> Views:
        return self._views

    def routes(self) -> list[Route]:
        return [Route(PAGE_PATH, self.handle, methods=["GET", "POST"])]

    async def handle(self, request: Request) -> Response:
        if request.method == "GET":
            request_id = request.query_params.get("request", "")
            pending = await self._pending(request_id)
            if pending is None:
                return self._views.expired()
            if not self._browser.is_the_one(request, pending.browser):
                return self._other_browser()
            return self._form(request_id, pending)
        if self._browser.from_another_site(request):
            return self._views.message("oauth.page.foreign.title", self._t("oauth.page.foreign"), 403)
        wait = await self._limiter.retry_after("key", source_of(request), self._limits.key_tries_per_minute)
        if wait is not None:
            return self._views.too_many(wait)
        try:
            form = await request.form(max_files=0, max_fields=10)
        except HTTPException:
            return self._views.expired()
        return await self._answer(request, form)

    async def _answer(self, request: Request, form: FormData) -> Response:
        request_id = str(form.get("request") or "")
        pending = await self._pending(request_id)
        if pending is None:
            return self._views.expired()
        if not self._browser.is_the_one(request, pending.browser):
            return self._other_browser()
        if form.get("action") == "cancel":
            location = await self._provider.deny(request_id)
            return (
                RedirectResponse(location, status_code=303, headers=HEADERS)
                if location
                else self._views.expired()
            )
        api_key = str(form.get("api_key") or "").strip()
        if not api_key or len(api_key) > MAX_KEY_LENGTH:
            return self._form(request_id, pending, error="oauth.page.error.empty", status=400)
        # Counted before TiFlux is asked, so parallel posts cannot get more tries than allowed.
        allowed = self._limits.key_attempts
        attempt = await self._provider.store.count(
            kinds.KEY_ATTEMPTS, token_hash(request_id), self._provider.lifetimes.pending
        )
        if attempt > allowed:
            return await self._closed(request_id)
        try:
            subject = await self._check_key(api_key)
        except (InvalidCredentials, PermissionDenied):
            if attempt >= allowed:
                return await self._closed(request_id)
            return self._form(request_id, pending, error="oauth.page.error.bad_key", left=allowed - attempt)
        except DomainError:
            return self._form(request_id, pending, error="oauth.page.error.upstream", status=503)
        try:
            location = await self._provider.approve(request_id, api_key, subject)
        except PendingExpired:
            return self._views.expired()
        return RedirectResponse(location, status_code=303, headers=HEADERS)

    async def _pending(self, request_id: str) -> PendingAuthorization | None:
        if not request_id or len(request_id) > MAX_REQUEST_ID:
            return None
        return await self._provider.pending(request_id)

    async def _closed(self, request_id: str) -> Response:
        """Too many wrong keys: the request dies, and the page says so."""
        await self._provider.store.take(kinds.PENDING, token_hash(request_id))
        text = self._t("oauth.page.closed", attempts=self._limits.key_attempts)
        return self._views.message("oauth.page.closed.title", text, 400)

    def _other_browser(self) -> Response:
        return self._views.message("oauth.page.other_browser.title", self._t("oauth.page.other_browser"), 403)

    def _form(
        self,
        request_id: str,
        pending: PendingAuthorization,
        *,
        error: str | None = None,
        status: int = 400,
        left: int | None = None,
    ) -> Response:
        t = self._t
        name = display_name(pending.client_name)
        intro = (
            t("oauth.page.intro", client=f"<strong>{escape(name)}</strong>")
            if name
            else t("oauth.page.intro.unnamed")
        )
        steps = "".join(f"<li>{t(f'oauth.page.step.{n}')}</li>" for n in range(1, 6))
        message = t(error) if error else ""
        if left is not None:
            message += " " + t(
                "oauth.page.attempts_left.one" if left == 1 else "oauth.page.attempts_left", left=left
            )
        alert = f'<p id="key-error" class="error" role="alert">{message}</p>' if error else ""
        described = "key-hint key-error" if error else "key-hint"
        body = f"""
<h1>{t("oauth.page.title")}</h1>
<p>{intro}</p>
<div class="notice" id="who">
<p>{t("oauth.page.unverified")}</p>
<p>{self._destination(pending)}</p>
</div>
<h2>{t("oauth.page.steps.title")}</h2>
<ol>{steps}</ol>
<form method="post" action="{PAGE_PATH}">
<input type="hidden" name="request" value="{escape(request_id)}">
<label for="api_key">{t("oauth.page.label")}</label>
<p id="key-hint" class="hint">{t("oauth.page.hint")}</p>
<input type="password" id="api_key" name="api_key" autocomplete="off" spellcheck="false" required
 autofocus aria-describedby="{described}"{' aria-invalid="true"' if error else ""}>
{alert}
<div class="actions">
<button type="submit" class="primary" name="action" value="approve">{t("oauth.page.approve")}</button>
<button type="submit" class="secondary" name="action" value="cancel" formnovalidate>
{t("oauth.page.cancel")}</button>
</div>
</form>
<p class="safety">{t("oauth.page.safety")}</p>"""
        title = f"{t('oauth.page.error.prefix')}: {t('oauth.page.title')}" if error else t("oauth.page.title")
        return self._views.page(title, body, status if error else 200)

    def _destination(self, pending: PendingAuthorization) -> str:
        """Where the access goes if the person approves: the redirect URI's host, said plainly."""
        host = pending.redirect_uri.host or ""
        key = "oauth.page.destination.loopback" if host in LOOPBACK_HOSTS else "oauth.page.destination"
        return self._t(key, host=f"<strong>{escape(host)}</strong>")
