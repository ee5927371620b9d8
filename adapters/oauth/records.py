"""What the grant store holds, as JSON: never a token, never a TiFlux key in clear."""

from __future__ import annotations

from mcp.server.auth.provider import AccessToken, AuthorizationCode, RefreshToken
from pydantic import AnyUrl, BaseModel, ConfigDict

# Store kinds (the first part of every record's name).
CLIENT = "client"
PENDING = "pending"
CODE = "code"
CODE_USED = "code-used"
FAMILY = "family"
ACCESS = "access"
REFRESH = "refresh"
REFRESH_USED = "refresh-used"
KEY_ATTEMPTS = "key-attempts"  # wrong keys tried on one pending request, by the request's hash


class Record(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class PendingAuthorization(Record):
    """An /authorize request waiting for the person to paste a key (10 minutes)."""

    client_id: str
    client_name: str | None = None
    redirect_uri: AnyUrl
    redirect_uri_provided_explicitly: bool
    state: str | None = None
    scopes: list[str]
    code_challenge: str
    resource: str
    browser: str | None = None  # hash of the browser cookie set by /authorize; the form checks it


class CodeRecord(Record):
    """An authorization code's grant, keyed by the code's hash; carries the key sealed until exchange."""

    client_id: str
    redirect_uri: AnyUrl
    redirect_uri_provided_explicitly: bool
    scopes: list[str]
    code_challenge: str
    resource: str
    expires_at: float
    sealed_key: str
    subject: str | None = None
    family_id: str


class FamilyRecord(Record):
    """One authorisation: every access and refresh token issued from one code, and the sealed key."""

    client_id: str
    sealed_key: str
    subject: str | None = None


class TokenRecord(Record):
    """An access or refresh token, keyed by its hash."""

    client_id: str
    family_id: str
    scopes: list[str]
    expires_at: int
    resource: str
    subject: str | None = None


class GrantedCode(AuthorizationCode):
    """The SDK's code, plus which family it starts."""

    family_id: str


class GrantedAccessToken(AccessToken):
    family_id: str


class GrantedRefreshToken(RefreshToken):
    family_id: str
