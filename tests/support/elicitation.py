"""The person behind an elicitation-capable MCP client, for tests of confirmations."""

from __future__ import annotations

from typing import Any

from mcp.types import ElicitRequestParams, ElicitResult


class Person:
    """The user behind an elicitation-capable client: answers every question the same way."""

    def __init__(self, action: str = "accept", confirm: bool = True) -> None:
        self.questions: list[str] = []
        self._action = action
        self._confirm = confirm

    async def __call__(self, _context: Any, params: ElicitRequestParams) -> ElicitResult:
        self.questions.append(params.message)
        if self._action != "accept":
            return ElicitResult(action=self._action)  # type: ignore[arg-type]
        return ElicitResult(action="accept", content={"confirm": self._confirm})
