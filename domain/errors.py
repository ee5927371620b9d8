"""Domain errors: each carries what a person needs to act on it, and nothing secret."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as default


class DomainError(Exception):
    """Base of every failure the model knows how to explain."""


@dataclass
class InvalidInput(DomainError):
    """A value a user or model sent cannot be used as it is.

    `rule` names what was expected (e.g. "positive_integer", "max_items") and `params` fills it in; the
    presenter turns both into a sentence in the user's language.
    """

    field: str
    rule: str
    params: Mapping[str, object] = default(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.field}: {self.rule} {dict(self.params)}"


@dataclass
class MissingFilter(DomainError):
    """A search that needs at least one of several filters got none."""

    fields: Sequence[str]

    def __str__(self) -> str:
        return "one of " + ", ".join(self.fields)


@dataclass
class NotFound(DomainError):
    """The thing asked for does not exist (or the key cannot see it)."""

    kind: str
    reference: str
    suggestions: Sequence[object] = default(default_factory=tuple)  # records with close names

    def __str__(self) -> str:
        return f"{self.kind} {self.reference} not found"


@dataclass
class Ambiguous(DomainError):
    """A name matched several records, best first; the user must choose one.

    `field` is the argument the name came from (e.g. "desk_name"), so a choice can go back to it.
    """

    kind: str
    term: str
    options: Sequence[object]
    field: str = ""

    def __str__(self) -> str:
        return f"{self.kind} {self.term!r} is ambiguous"


@dataclass
class MissingCredentials(DomainError):
    """No TiFlux API key was configured or sent."""

    def __str__(self) -> str:
        return "missing TiFlux API key"


@dataclass
class InvalidCredentials(DomainError):
    """The TiFlux API refused the key (expired, revoked or mistyped)."""

    def __str__(self) -> str:
        return "invalid TiFlux API key"


@dataclass
class PermissionDenied(DomainError):
    """The key is valid but its user may not do this (permission or licence)."""

    detail: str | None = None
    code: int | None = None
    permission: str | None = None  # what the operation needs, when known (a catalog key's last part)

    def __str__(self) -> str:
        return "permission denied"


@dataclass
class Rejected(DomainError):
    """TiFlux refused the request as invalid (HTTP 400/409/422), with its own explanation."""

    messages: Sequence[str] = default(default_factory=tuple)
    hint: str | None = None

    def __str__(self) -> str:
        return "; ".join(self.messages) or "rejected by TiFlux"
