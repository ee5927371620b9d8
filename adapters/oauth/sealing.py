"""Secrets at rest: tokens are kept only as hashes, the TiFlux key only encrypted.

The encryption key comes from `TIFLUX_MCP_SECRET_KEY` (a Fernet key: 32 random bytes, url-safe base64).
Every replica of one deployment must share it; losing it only means users authorise again.
"""

from __future__ import annotations

import hashlib
import secrets

from cryptography.fernet import Fernet, InvalidToken

HOW_TO_MAKE_A_SECRET_KEY = (
    "set TIFLUX_MCP_SECRET_KEY to a Fernet key, made once with: "
    'python -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())" '
    "(share the same value with every replica; keep it out of version control)"
)


class SecretKeyProblem(ValueError):
    """The secret key is missing or is not a Fernet key."""


def new_token() -> str:
    """An opaque bearer value with 256 bits of entropy."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the store keeps instead of a token: its SHA-256 (tokens are random, so no salt is needed)."""
    return hashlib.sha256(token.encode()).hexdigest()


class KeySealer:
    """Encrypts and decrypts TiFlux keys with the deployment's secret key (authenticated encryption)."""

    def __init__(self, secret_key: str | None) -> None:
        if not secret_key or not secret_key.strip():
            raise SecretKeyProblem(f"hosted mode needs a secret key: {HOW_TO_MAKE_A_SECRET_KEY}")
        try:
            self._fernet = Fernet(secret_key.strip().encode())
        except (ValueError, TypeError) as exc:
            raise SecretKeyProblem(
                f"TIFLUX_MCP_SECRET_KEY is not a valid key: {HOW_TO_MAKE_A_SECRET_KEY}"
            ) from exc

    def seal(self, api_key: str) -> str:
        return self._fernet.encrypt(api_key.encode()).decode()

    def open(self, sealed: str) -> str | None:
        """The key, or None if it was sealed with another secret key (the grant is then unusable)."""
        try:
            return self._fernet.decrypt(sealed.encode()).decode()
        except (InvalidToken, ValueError):
            return None


def ephemeral_secret_key() -> str:
    """A secret key for one demo process (nothing real is sealed with it)."""
    return Fernet.generate_key().decode()
