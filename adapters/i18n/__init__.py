"""Words the user reads, in pt-BR (default) or English: one catalogue per language, same keys."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from adapters.i18n import (
    agents,
    attachments,
    catalogs,
    chats,
    conversations,
    desk_tools,
    discovery,
    doctor,
    en,
    equipment,
    finance,
    knowledge,
    lookups,
    oauth_page,
    prompts,
    pt_br,
    record_changes,
    records,
    requestors,
    resilience,
    ticket_activity,
    ticket_files,
    ticket_reports,
    ticket_upgrades,
    ticket_valuation,
    ticket_writes,
    time_entries,
    untrusted,
)

Language = Literal["pt-BR", "en"]

# One catalogue per language, assembled from per-area message modules (same keys in every language).
CATALOGUES: Mapping[str, Mapping[str, str]] = {
    "pt-BR": {
        **pt_br.MESSAGES,
        **ticket_writes.PT_BR,
        **lookups.PT_BR,
        **records.PT_BR,
        **attachments.PT_BR,
        **chats.PT_BR,
        **desk_tools.PT_BR,
        **resilience.PT_BR,
        **oauth_page.PT_BR,
        **untrusted.PT_BR,
        **prompts.PT_BR,
        **doctor.PT_BR,
        **requestors.PT_BR,
        **agents.PT_BR,
        **knowledge.PT_BR,
        **equipment.PT_BR,
        **ticket_activity.PT_BR,
        **conversations.PT_BR,
        **ticket_files.PT_BR,
        **ticket_valuation.PT_BR,
        **record_changes.PT_BR,
        **time_entries.PT_BR,
        **ticket_reports.PT_BR,
        **finance.PT_BR,
        **catalogs.PT_BR,
        **discovery.PT_BR,
        **ticket_upgrades.PT_BR,  # issue 18: the 2.42 upgrades of the ticket tools
    },
    "en": {
        **en.MESSAGES,
        **ticket_writes.EN,
        **lookups.EN,
        **records.EN,
        **attachments.EN,
        **chats.EN,
        **desk_tools.EN,
        **resilience.EN,
        **oauth_page.EN,
        **untrusted.EN,
        **prompts.EN,
        **doctor.EN,
        **requestors.EN,
        **agents.EN,
        **knowledge.EN,
        **equipment.EN,
        **ticket_activity.EN,
        **conversations.EN,
        **ticket_files.EN,
        **ticket_valuation.EN,
        **record_changes.EN,
        **time_entries.EN,
        **ticket_reports.EN,
        **finance.EN,
        **catalogs.EN,
        **discovery.EN,
        **ticket_upgrades.EN,  # issue 18: the 2.42 upgrades of the ticket tools
    },
}


class Translator:
    """Looks up a message by key and fills in its `{placeholders}`."""

    def __init__(self, language: Language = "pt-BR") -> None:
        self.language = language
        self._messages = CATALOGUES[language]

    def __call__(self, key: str, /, **params: object) -> str:
        template = self._messages.get(key) or CATALOGUES["pt-BR"].get(key) or key
        return template.format(**params) if params else template

    def has(self, key: str) -> bool:
        return key in self._messages
