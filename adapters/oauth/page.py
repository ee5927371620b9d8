"""The page where a person connects an assistant: a short guide to making a TiFlux API key and a form to
paste it. The SDK's `/authorize` checks the client, redirect URI and PKCE, then sends the browser here.

`POST` checks the key with TiFlux (`GET /users/me`) before any code is issued; a bad key re-shows the
form with the reason (the request stays open, the key is never echoed back).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from adapters.i18n import Translator
from adapters.oauth.provider import PendingExpired, TifluxOAuthProvider
from adapters.oauth.records import PendingAuthorization
from domain.errors import DomainError, InvalidCredentials, PermissionDenied

PAGE_PATH = "/authorize/key"
MAX_KEY_LENGTH = 4096

# Returns who the key belongs to (a subject id) or raises a DomainError.
KeyChecker = Callable[[str], Awaitable[str | None]]

_HEADERS = {
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
    "base-uri 'none'",
}

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;
color:#1b1f24}
main{max-width:34rem;margin:2rem auto;background:#fff;padding:2rem;border-radius:12px;
box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin-top:0}h2{font-size:1.05rem;margin-top:1.5rem}
ol{padding-left:1.3rem;line-height:1.6}label{display:block;font-weight:600;margin-top:1.25rem}
input[type=password]{width:100%;box-sizing:border-box;font-size:1rem;padding:.6rem;margin-top:.4rem;
border:2px solid #6b7785;border-radius:6px}
input:focus,button:focus,a:focus{outline:3px solid #0b5fff;outline-offset:2px}
.hint,.safety{color:#4a5562;font-size:.92rem}
.error{background:#fdecea;border:1px solid #b3261e;color:#7a1610;padding:.75rem;border-radius:6px;
margin-top:1rem}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}
button{font-size:1rem;padding:.6rem 1.2rem;border-radius:6px;border:2px solid #0b5fff;cursor:pointer}
button,input{font:inherit}button.primary{background:#0b5fff;color:#fff}button.secondary{background:#fff;color:#0b5fff}
"""


class AuthorizePage:
    """`GET`/`POST /authorize/key`."""

    def __init__(self, provider: TifluxOAuthProvider, check_key: KeyChecker, translator: Translator) -> None:
        self._provider = provider
        self._check_key = check_key
        self._t = translator

    def routes(self) -> list[Route]:
        return [Route(PAGE_PATH, self.handle, methods=["GET", "POST"])]

    async def handle(self, request: Request) -> Response:
        if request.method == "GET":
            request_id = request.query_params.get("request", "")
            pending = await self._provider.pending(request_id) if request_id else None
            if pending is None:
                return self._expired()
            return self._form(request_id, self._who(pending))
        form = await request.form(max_files=0, max_fields=10)
        request_id = str(form.get("request") or "")
        pending = await self._provider.pending(request_id) if request_id else None
        if pending is None:
            return self._expired()
        if form.get("action") == "cancel":
            location = await self._provider.deny(request_id)
            return RedirectResponse(location, status_code=303) if location else self._expired()
        api_key = str(form.get("api_key") or "").strip()
        if not api_key or len(api_key) > MAX_KEY_LENGTH:
            return self._form(request_id, self._who(pending), error="oauth.page.error.empty", status=400)
        try:
            subject = await self._check_key(api_key)
        except (InvalidCredentials, PermissionDenied):
            return self._form(request_id, self._who(pending), error="oauth.page.error.bad_key", status=400)
        except DomainError:
            return self._form(request_id, self._who(pending), error="oauth.page.error.upstream", status=503)
        try:
            location = await self._provider.approve(request_id, api_key, subject)
        except PendingExpired:
            return self._expired()
        return RedirectResponse(location, status_code=303, headers=_HEADERS)

    def _form(
        self, request_id: str, client_name: str | None, *, error: str | None = None, status: int = 200
    ) -> Response:
        t = self._t
        intro = (
            t("oauth.page.intro", client=f"<strong>{escape(client_name)}</strong>")
            if client_name
            else t("oauth.page.intro.unnamed")
        )
        steps = "".join(f"<li>{t(f'oauth.page.step.{n}')}</li>" for n in range(1, 6))
        alert = f'<p id="key-error" class="error" role="alert">{t(error)}</p>' if error else ""
        described = "key-hint key-error" if error else "key-hint"
        body = f"""
<h1>{t("oauth.page.title")}</h1>
<p>{intro}</p>
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
        return self._page(title, body, status)

    @staticmethod
    def _who(pending: PendingAuthorization) -> str:
        """The client as the person should judge it: its chosen name and where it sends the code."""
        host = pending.redirect_uri.host or ""
        return f"{pending.client_name} ({host})" if pending.client_name else host

    def _expired(self) -> Response:
        t = self._t
        body = f'<h1>{t("oauth.page.expired.title")}</h1><p role="alert">{t("oauth.page.expired")}</p>'
        return self._page(t("oauth.page.expired.title"), body, 400)

    def _page(self, title: str, body: str, status: int) -> Response:
        html = (
            f'<!doctype html><html lang="{self._t.language}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title} · tiflux-mcp</title><style>{_STYLE}</style></head>"
            f"<body><main>{body}</main></body></html>"
        )
        return HTMLResponse(html, status_code=status, headers=_HEADERS)
