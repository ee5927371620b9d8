"""The key form belongs to the browser that opened it.

`/authorize` gives the browser an id in a cookie (HttpOnly, SameSite=Lax, Secure and `__Host-` under
https) and the pending request keeps the id's hash; the form is shown and accepted only with that cookie.
A form posted from another site is refused as well (its Origin or Sec-Fetch-Site says so, and SameSite
keeps the cookie off such a POST anyway), so a page elsewhere cannot approve a request for the person.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

from adapters.oauth.sealing import new_token, token_hash

_ID = re.compile(r"[A-Za-z0-9_-]{32,64}")


@dataclass(frozen=True)
class BrowserBinding:
    base_url: str  # the URL people reach this server at (its scheme decides Secure)
    max_age: int  # seconds: as long as a pending request lives

    @property
    def secure(self) -> bool:
        return self.base_url.startswith("https://")

    @property
    def cookie(self) -> str:
        return "__Host-tiflux-mcp-browser" if self.secure else "tiflux-mcp-browser"

    def id_of(self, request: Request) -> str | None:
        value = request.cookies.get(self.cookie, "")
        return value if _ID.fullmatch(value) else None

    def id_for(self, request: Request) -> str:
        """The browser's id: the one it has, or a new one (several tabs share it)."""
        return self.id_of(request) or new_token()

    def remember(self, response: Response, browser_id: str) -> None:
        response.set_cookie(
            self.cookie,
            browser_id,
            max_age=self.max_age,
            path="/",
            secure=self.secure,
            httponly=True,
            samesite="lax",
        )

    def is_the_one(self, request: Request, expected_hash: str | None) -> bool:
        """Whether this request comes from the browser whose id hashes to `expected_hash`."""
        browser_id = self.id_of(request)
        if browser_id is None or expected_hash is None:
            return False
        return hmac.compare_digest(token_hash(browser_id), expected_hash)

    def from_another_site(self, request: Request) -> bool:
        """A POST another site made the browser send (Fetch Metadata, else Origin when there is one)."""
        if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return True
        origin = request.headers.get("origin")
        if origin is None or origin == "null":  # no Origin: not a browser's cross-site form (SameSite)
            return False
        ours = {_origin(self.base_url), _origin(f"{request.url.scheme}://{request.headers.get('host', '')}")}
        return _origin(origin) not in ours


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
