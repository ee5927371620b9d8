"""Custom-field tools: entities (groups of fields), their fields, and the options of select fields."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.mcp.fields import PositiveId
from adapters.mcp.spec import PagedInput, ToolSpec
from adapters.presenters.markdown.custom_fields import (
    present_entities,
    present_entity_field_options,
    present_entity_fields,
)
from adapters.presenters.markdown.format import Formatter
from adapters.use_cases import UseCases
from application.use_cases.custom_fields import ListEntities, ListEntityFieldOptions, ListEntityFields
from domain.custom_fields import AppliedIn, Entity, EntityField, EntityFieldOption, FieldType
from domain.ids import EntityFieldId, EntityId
from domain.paging import Page

E = TypeVar("E", bound=Enum)


def _member(kind: type[E], rule: str) -> Any:
    """A validator taking one of the enum's values (any case), or nothing; the error names every value."""

    def parse(value: Any) -> E | None:
        if value is None or value == "":
            return None
        if isinstance(value, kind):
            return value
        if isinstance(value, str):
            for member in kind:
                if member.value == value.strip().lower():
                    return member
        raise PydanticCustomError(rule, "one of the documented values")

    return parse


def _one_of(kind: type[Enum]) -> dict[str, Any]:
    return {"anyOf": [{"type": "string", "enum": [member.value for member in kind]}, {"type": "null"}]}


def _not_boolean(value: Any) -> Any:
    """JSON `true` is not ID 1."""
    if isinstance(value, bool):
        raise PydanticCustomError("positive_integer", "id")
    return value


Id = Annotated[PositiveId, BeforeValidator(_not_boolean)]
AppliedInArg = Annotated[
    AppliedIn | None, BeforeValidator(_member(AppliedIn, "applied_in")), WithJsonSchema(_one_of(AppliedIn))
]
FieldTypeArg = Annotated[
    FieldType | None, BeforeValidator(_member(FieldType, "field_type")), WithJsonSchema(_one_of(FieldType))
]


class ListEntitiesInput(PagedInput):
    active: bool | None = None
    applied_in: AppliedInArg = Field(default=None, description="Onde os campos aparecem.")
    name: str | None = Field(default=None, min_length=1, max_length=200, description="Nome ou parte.")

    async def run(self, list_entities: ListEntities) -> Page[Entity]:
        return await list_entities(
            active=self.active, applied_in=self.applied_in, name=self.name, page=self.page()
        )


class ListEntityFieldsInput(PagedInput):
    entity_id: Id
    field_type: FieldTypeArg = None
    required: bool | None = None
    name: str | None = Field(default=None, min_length=1, max_length=200, description="Nome ou parte.")

    async def run(self, list_fields: ListEntityFields) -> Page[EntityField]:
        return await list_fields(
            EntityId(self.entity_id),
            field_type=self.field_type,
            required=self.required,
            name=self.name,
            page=self.page(),
        )


class ListEntityFieldOptionsInput(PagedInput):
    entity_field_id: Id
    value: str | None = Field(default=None, min_length=1, max_length=200, description="Texto ou parte.")

    async def run(self, list_options: ListEntityFieldOptions) -> Page[EntityFieldOption]:
        return await list_options(EntityFieldId(self.entity_field_id), value=self.value, page=self.page())


def _present_entities(page: Page[Entity], args: ListEntitiesInput, fmt: Formatter) -> str:
    return present_entities(page, active=args.active, applied_in=args.applied_in, name=args.name, fmt=fmt)


def _present_fields(page: Page[EntityField], args: ListEntityFieldsInput, fmt: Formatter) -> str:
    return present_entity_fields(
        page, args.entity_id, field_type=args.field_type, required=args.required, name=args.name, fmt=fmt
    )


def _present_options(page: Page[EntityFieldOption], args: ListEntityFieldOptionsInput, fmt: Formatter) -> str:
    return present_entity_field_options(page, args.entity_field_id, value=args.value, fmt=fmt)


LIST_ENTITIES = ToolSpec(
    name="list_entities",
    title="Listar entidades (campos personalizados)",
    description=(
        "Lista as entidades (grupos de campos personalizados): onde se aplicam e se estão ativas. Passo 1 "
        "para preencher campos; depois, list_entity_fields."
    ),
    input_model=ListEntitiesInput,
    use_case=UseCases.list_entities,
    run=ListEntitiesInput.run,
    present_with_arguments=_present_entities,
    read_only=True,
    toolset="custom_fields",
)

LIST_ENTITY_FIELDS = ToolSpec(
    name="list_entity_fields",
    title="Listar campos de uma entidade",
    description=(
        "Lista os campos de uma entidade (list_entities): ID (entity_field_id), tipo, se é obrigatório e o "
        "formato do valor em update_ticket_entities. Opções de seleção e checkbox: list_entity_field_options."
    ),
    input_model=ListEntityFieldsInput,
    use_case=UseCases.list_entity_fields,
    run=ListEntityFieldsInput.run,
    present_with_arguments=_present_fields,
    read_only=True,
    toolset="custom_fields",
)

LIST_ENTITY_FIELD_OPTIONS = ToolSpec(
    name="list_entity_field_options",
    title="Listar opções de um campo",
    description=(
        "Lista as opções de um campo de seleção única ou checkbox: ID (entity_field_option_id), texto, se é "
        "a opção nula, e como usá-las em update_ticket_entities."
    ),
    input_model=ListEntityFieldOptionsInput,
    use_case=UseCases.list_entity_field_options,
    run=ListEntityFieldOptionsInput.run,
    present_with_arguments=_present_options,
    read_only=True,
    toolset="custom_fields",
)

CUSTOM_FIELD_TOOLS = (LIST_ENTITIES, LIST_ENTITY_FIELDS, LIST_ENTITY_FIELD_OPTIONS)

__all__ = ["CUSTOM_FIELD_TOOLS", "LIST_ENTITIES", "LIST_ENTITY_FIELDS", "LIST_ENTITY_FIELD_OPTIONS"]
