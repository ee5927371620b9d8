"""The authorization server's HTML: one layout, locked-down headers, and the one-message pages (expired,
refused, too many tries) that `/authorize` and the key page show instead of sending the browser anywhere.
"""

from __future__ import annotations

from html import escape

from starlette.responses import HTMLResponse

from adapters.i18n import Translator

HEADERS = {
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    # Same-origin only: the form's POST carries our Origin (no-referrer would make it "null"), and no
    # other site ever sees this page's URL.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
    # No form-action: browsers apply it to the redirect after the POST, which goes to the client.
    "base-uri 'none'",
}

STYLE = """
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
.notice{background:#fff8e1;border:1px solid #8a6d00;color:#3d3000;padding:.75rem;border-radius:6px}
.notice p{margin:.25rem 0}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}
button{font-size:1rem;padding:.6rem 1.2rem;border-radius:6px;border:2px solid #0b5fff;cursor:pointer}
button,input{font:inherit}button.primary{background:#0b5fff;color:#fff}button.secondary{background:#fff;color:#0b5fff}
"""


class Views:
    """Pages in the person's language (TIFLUX_LANGUAGE)."""

    def __init__(self, translator: Translator) -> None:
        self.t = translator

    def page(self, title: str, body: str, status: int, headers: dict[str, str] | None = None) -> HTMLResponse:
        html = (
            f'<!doctype html><html lang="{self.t.language}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title} · tiflux-mcp</title><style>{STYLE}</style></head>"
            f"<body><main>{body}</main></body></html>"
        )
        return HTMLResponse(html, status_code=status, headers=HEADERS | (headers or {}))

    def message(
        self,
        title_key: str,
        text: str,
        status: int,
        *,
        detail: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> HTMLResponse:
        """A page that only says something (`text` is HTML already); `detail` is a technical footnote."""
        title = self.t(title_key)
        footnote = f'<p class="hint">{escape(detail)}</p>' if detail else ""
        body = f'<h1>{title}</h1><p role="alert">{text}</p>{footnote}'
        return self.page(title, body, status, headers)

    def expired(self) -> HTMLResponse:
        return self.message("oauth.page.expired.title", self.t("oauth.page.expired"), 400)

    def too_many(self, seconds: int) -> HTMLResponse:
        return self.message(
            "oauth.page.too_many.title",
            self.t("oauth.page.too_many", seconds=seconds),
            429,
            headers={"Retry-After": str(seconds)},
        )
