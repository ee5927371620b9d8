"""Words the model reads in `tools/list` (tool titles and descriptions, parameter descriptions), in both
languages side by side, declared where the tool or the field is declared.

`Words` is also pydantic metadata: `Annotated[int, Field(ge=1), Words(pt="…", en="…")]` puts both texts in
the model's JSON schema as the field's `description` (a mapping language → text, so the schema is not a
valid JSON Schema until `adapters.mcp.spec.advertised_schema` picks the server's language).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from adapters.i18n import Language


@dataclass(frozen=True)
class Words:
    """One text in pt-BR and in English; `+` joins two texts language by language."""

    pt: str
    en: str

    def __call__(self, language: Language) -> str:
        return self.en if language == "en" else self.pt

    def __add__(self, other: Words) -> Words:
        return Words(pt=_joined(self.pt, other.pt), en=_joined(self.en, other.en))

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = dict(handler(core_schema))
        schema["description"] = self.by_language()
        return schema

    def by_language(self) -> dict[str, str]:
        return {"pt-BR": self.pt, "en": self.en}


def pick_description(description: Any, language: Language) -> Any:
    """A schema's `description` in one language (a plain string is left as it is)."""
    if isinstance(description, dict) and language in description:
        return description[language]
    return description


def _joined(first: str, second: str) -> str:
    if not first or not second:
        return first + second
    return f"{first} {second}"
