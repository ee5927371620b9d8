"""update_requestor_entities: a requestor's custom fields (toolset `requestors`, issue 19)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.fields import CLIENT_ID, PositiveId
from adapters.mcp.outputs.requestors import UpdateRequestorEntitiesOutput
from adapters.mcp.spec import ToolInput, ToolSpec
from adapters.presenters.markdown.requestor_fields import present_requestor_fields_updated
from adapters.use_cases import UseCases
from application.use_cases.custom_field_values import MAX_FIELD_CHANGES
from application.use_cases.requestor_fields import (
    RequestorFieldsUpdated,
    RequestorFieldValue,
    UpdateRequestorFields,
)
from domain.ids import MAX_ID, ClientId, EntityFieldId
from domain.requestors import RequestorId
from domain.resolution import MAX_TERM_LENGTH, Reference


def _field(value: Any) -> int | str:
    """A field's ID (an integer, or digits) or its name."""
    number: int
    if isinstance(value, str):
        text = value.strip()
        if not text or len(text) > MAX_TERM_LENGTH:
            raise PydanticCustomError("requestor_field", "field")
        if not text.isdigit():
            return text
        number = int(text)
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raise PydanticCustomError("requestor_field", "field")
    if not 1 <= number <= MAX_ID:
        raise PydanticCustomError("requestor_field", "field")
    return number


class RequestorFieldItem(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    field: Annotated[
        int | str,
        BeforeValidator(_field),
        WithJsonSchema({"type": ["integer", "string"]}),
        Words(pt="ID ou nome do campo.", en="Field ID or name."),
    ]
    value: Annotated[
        str | None,
        WithJsonSchema({"type": ["string", "null"]}),
        Words(
            pt="Seleção: ID ou nome da opção; checkbox: opções a marcar, por vírgula; null limpa.",
            en="Select: option ID or name; checkbox: options to mark, comma-separated; null clears.",
        ),
    ] = Field(max_length=10_000)

    def reference(self, position: int) -> Reference[EntityFieldId]:
        where = f"entities[{position}].field"
        if isinstance(self.field, int):
            return Reference(where, where, EntityFieldId(self.field))
        return Reference(where, where, None, self.field)


class UpdateRequestorEntitiesInput(ToolInput):
    client_id: Annotated[PositiveId, CLIENT_ID]
    requestor_id: Annotated[PositiveId, Words(pt="Solicitante.", en="Requestor.")]
    entities: Annotated[list[RequestorFieldItem], Words(pt="Valores.", en="Values.")] = Field(
        min_length=1, max_length=MAX_FIELD_CHANGES
    )

    async def run(self, update: UpdateRequestorFields) -> RequestorFieldsUpdated:
        values = [
            RequestorFieldValue(item.reference(position), item.value)
            for position, item in enumerate(self.entities)
        ]
        client: Reference[ClientId] = Reference("client_id", "client_id", ClientId(self.client_id))
        return await update(client, RequestorId(self.requestor_id), values)


UPDATE_REQUESTOR_ENTITIES = ToolSpec(
    name="update_requestor_entities",
    title=Words(pt="Campos do solicitante", en="Requestor fields"),
    description=Words(
        pt="Grava campos personalizados de um solicitante.",
        en="Writes a requestor's custom fields.",
    ),
    input_model=UpdateRequestorEntitiesInput,
    output_model=UpdateRequestorEntitiesOutput,
    use_case=UseCases.update_requestor_fields,
    run=UpdateRequestorEntitiesInput.run,
    present=present_requestor_fields_updated,
    read_only=False,
    idempotent=True,
    toolset="requestors",
)

__all__ = ["UPDATE_REQUESTOR_ENTITIES"]
