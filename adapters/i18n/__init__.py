"""Words the user reads, in pt-BR (default) or English: one catalogue per language, same keys."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from adapters.i18n import en, pt_br

Language = Literal["pt-BR", "en"]

CATALOGUES: Mapping[str, Mapping[str, str]] = {"pt-BR": pt_br.MESSAGES, "en": en.MESSAGES}


class Translator:
    """Looks up a message by key and fills in its `{placeholders}`."""

    def __init__(self, language: Language = "pt-BR") -> None:
        self.language = language
        self._messages = CATALOGUES[language]

    def __call__(self, key: str, /, **params: object) -> str:
        template = self._messages.get(key) or pt_br.MESSAGES.get(key) or key
        return template.format(**params) if params else template

    def has(self, key: str) -> bool:
        return key in self._messages
