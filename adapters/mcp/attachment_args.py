"""Arguments of the tools that send files: local paths and inline base64 content."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from adapters.mcp.spec import ToolInput
from application.attachments import EncodedFile

MAX_LISTED_FILES = (
    50  # a sanity bound on the lists; the real limit (10 per send) is checked with its own message
)
MAX_BASE64_CHARS = 60 * 1024 * 1024  # 40 MB decoded is about 54 M characters of base64


class InlineFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    content: str = Field(
        min_length=1,
        max_length=MAX_BASE64_CHARS,
        description="Conteúdo em base64 (aceita prefixo data:...;base64,).",
    )
    filename: str = Field(min_length=1, max_length=255, description="Nome do arquivo, com extensão.")


class WithFiles(ToolInput):
    files: list[str] = Field(
        default_factory=list,
        max_length=MAX_LISTED_FILES,
        description="Caminhos de arquivos locais do servidor (hospedado: só na pasta permitida).",
    )
    files_base64: list[InlineFile] = Field(
        default_factory=list, max_length=MAX_LISTED_FILES, description="Arquivos enviados em base64."
    )

    def encoded(self) -> list[EncodedFile]:
        return [EncodedFile(item.content, item.filename) for item in self.files_base64]
