"""Arguments of the tools that send files: local paths and inline base64 content."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from adapters.i18n.words import Words
from adapters.mcp.spec import ToolInput
from application.attachments import EncodedFile

MAX_LISTED_FILES = (
    50  # a sanity bound on the lists; the real limit (10 per send) is checked with its own message
)
MAX_BASE64_CHARS = 60 * 1024 * 1024  # 40 MB decoded is about 54 M characters of base64


class InlineFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    content: Annotated[
        str,
        Words(
            pt="Base64 (aceita prefixo data:...;base64,).",
            en="Base64 (a data:...;base64, prefix is accepted).",
        ),
    ] = Field(min_length=1, max_length=MAX_BASE64_CHARS)
    filename: Annotated[str, Words(pt="Com extensão.", en="With its extension.")] = Field(
        min_length=1, max_length=255
    )


class WithFiles(ToolInput):
    files: Annotated[
        list[str],
        Words(
            pt="Arquivos locais do servidor (hospedado: só da pasta permitida).",
            en="Local files on the server (hosted: only from the allowed folder).",
        ),
    ] = Field(default_factory=list, max_length=MAX_LISTED_FILES)
    files_base64: Annotated[
        list[InlineFile], Words(pt="Arquivos enviados em base64.", en="Files sent as base64.")
    ] = Field(default_factory=list, max_length=MAX_LISTED_FILES)

    def encoded(self) -> list[EncodedFile]:
        return [EncodedFile(item.content, item.filename) for item in self.files_base64]
