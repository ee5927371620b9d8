"""What a self-registered client (RFC 7591) may store here, and how its name is shown to a person.

Registration needs no account, so every field has a size cap (a record is at most a few KiB) and the name
a person reads on the consent page is plain text: no control, format or bidi characters (U+202E would turn
"Claude‮moc.live" around), no piles of combining marks, and short.
"""

from __future__ import annotations

import json
import unicodedata

from mcp.shared.auth import OAuthClientInformationFull
from pydantic import AnyUrl

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})

MAX_CLIENT_NAME = 80  # characters, after cleaning
MAX_URI = 2000
MAX_REDIRECT_URIS = 10
MAX_LIST_ITEMS = 10  # contacts, grant_types, response_types
MAX_SHORT_TEXT = 200  # scope, software_id, software_version, each contact, each grant or response type
MAX_JWKS_BYTES = 4096  # unused here (private_key_jwt is refused); a couple of public keys at most
MAX_RECORD_BYTES = 16 * 1024  # the whole stored record
MAX_MARKS_PER_CHARACTER = 2

# Cc control, Cf format (bidi overrides and isolates, zero-width), Co private use, Cs surrogates,
# Cn unassigned, Zl/Zp line and paragraph separators.
_HIDDEN = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})


def display_name(name: str | None) -> str:
    """A client's name as a person may read it: visible characters only, spaces collapsed, capped."""
    text = visible_text(name or "")
    return text if len(text) <= MAX_CLIENT_NAME else text[: MAX_CLIENT_NAME - 1].rstrip() + "…"


def visible_text(name: str) -> str:
    """`name` without hidden characters, with at most a few combining marks each, spaces collapsed."""
    kept: list[str] = []
    marks = 0
    for character in unicodedata.normalize("NFC", name):
        category = "Zs" if character.isspace() else unicodedata.category(character)
        if category in _HIDDEN:
            continue
        if category.startswith("M"):
            marks += 1
            if marks > MAX_MARKS_PER_CHARACTER:
                continue
        else:
            marks = 0
        kept.append(" " if category.startswith("Z") else character)
    return " ".join("".join(kept).split())


def redirect_uri_problem(uri: AnyUrl) -> str | None:
    """Why a redirect URI may not be registered (https, or http on loopback only), or None."""
    if len(str(uri)) > MAX_URI:
        return f"a redirect URI may have at most {MAX_URI} characters"
    if uri.fragment:
        return f"{uri}: a redirect URI may not have a fragment"
    if uri.scheme == "https" and uri.host:
        return None
    if uri.scheme == "http" and uri.host in LOOPBACK_HOSTS:
        return None
    return f"{uri}: redirect URIs must be https, or http on a loopback address (127.0.0.1, localhost, [::1])"


def metadata_problem(client: OAuthClientInformationFull) -> str | None:
    """Why a registration is refused (in English: RFC 7591 answers go to programs), or None."""
    redirect_uris = client.redirect_uris or []
    if len(redirect_uris) > MAX_REDIRECT_URIS:
        return f"at most {MAX_REDIRECT_URIS} redirect_uris"
    name = client.client_name or ""
    if len(name) > 4 * MAX_CLIENT_NAME or len(visible_text(name)) > MAX_CLIENT_NAME:
        return f"client_name may have at most {MAX_CLIENT_NAME} characters"
    for field in ("client_uri", "logo_uri", "tos_uri", "policy_uri", "jwks_uri"):
        value = getattr(client, field)
        if value is not None and len(str(value)) > MAX_URI:
            return f"{field} may have at most {MAX_URI} characters"
    for field in ("contacts", "grant_types", "response_types"):
        items: list[str] = getattr(client, field) or []
        if len(items) > MAX_LIST_ITEMS:
            return f"{field} may have at most {MAX_LIST_ITEMS} items"
        if any(len(item) > MAX_SHORT_TEXT for item in items):
            return f"each of {field} may have at most {MAX_SHORT_TEXT} characters"
    for field in ("scope", "software_id", "software_version"):
        value = getattr(client, field)
        if value is not None and len(value) > MAX_SHORT_TEXT:
            return f"{field} may have at most {MAX_SHORT_TEXT} characters"
    if client.jwks is not None and len(json.dumps(client.jwks).encode()) > MAX_JWKS_BYTES:
        return f"jwks may take at most {MAX_JWKS_BYTES // 1024} KiB"
    if len(client.model_dump_json(exclude_none=True).encode()) > MAX_RECORD_BYTES:
        return f"the client metadata may take at most {MAX_RECORD_BYTES // 1024} KiB"
    return None
