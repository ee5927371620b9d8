"""What one tool call came to: an answer, a refusal, or a question to put to the person first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mcp.types import CallToolResult

from application.resolvers import Resolutions
from domain.errors import Ambiguous


@dataclass(frozen=True)
class Answered:
    """The use case ran: its result, presented."""

    result: CallToolResult


@dataclass(frozen=True)
class Refused:
    """Nothing was done, or TiFlux said no: an `isError` result that says why."""

    result: CallToolResult


@dataclass(frozen=True)
class ConfirmationNeeded:
    """A write to confirm first; `args` are validated once and reused when the person says yes."""

    args: Any
    question: str


@dataclass(frozen=True)
class ChoiceNeeded:
    """A name matched several records. `ambiguity.field` is the argument it came from; `resolutions` what
    the call's other names already became, so the call goes on from them once the person picks.
    `refusal` is the answer when no one can pick (it lists the candidates)."""

    args: Any
    ambiguity: Ambiguous
    resolutions: Resolutions
    refusal: CallToolResult


Outcome = Answered | Refused | ConfirmationNeeded | ChoiceNeeded
