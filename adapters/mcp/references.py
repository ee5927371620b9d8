"""Arguments that designate a record: an ID (which wins), a name to resolve, or neither (the default).

Each pair of arguments becomes one `Reference`; the use case resolves it (application/resolvers.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from adapters.mcp.fields import DESK_ID, DESK_NAME, PositiveId
from adapters.mcp.spec import ToolInput
from domain.ids import DeskId
from domain.resolution import Reference

IdT = TypeVar("IdT", bound=int)


def _not_boolean(value: Any) -> Any:
    """JSON `true` is not desk 1."""
    if isinstance(value, bool):
        raise PydanticCustomError("positive_integer", "id")
    return value


OptionalId = Annotated[PositiveId | None, BeforeValidator(_not_boolean)]
OptionalDeskId = Annotated[OptionalId, DESK_ID]
DeskName = Annotated[str | None, Field(min_length=1, max_length=200), DESK_NAME]


def reference(kind: Callable[[int], IdT], args: BaseModel, id_field: str, name_field: str) -> Reference[IdT]:
    """The reference two arguments of `args` make: `desk_id` and `desk_name`, say."""
    ident, name = getattr(args, id_field, None), getattr(args, name_field, None)
    return Reference(id_field, name_field, kind(ident) if ident is not None else None, name or None)


class DeskByIdOrName(ToolInput):
    """The desk a tool works on: `desk_id` or `desk_name` (one of them is required by the use case)."""

    desk_id: OptionalDeskId = None
    desk_name: DeskName = None

    def desk(self) -> Reference[DeskId]:
        return reference(DeskId, self, "desk_id", "desk_name")
