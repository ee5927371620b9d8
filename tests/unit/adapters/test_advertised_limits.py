"""The hosted server's tool descriptions state the attachment size its body cap lets through, in both
languages (the descriptions are `Words`: pt-BR and English side by side)."""

from __future__ import annotations

import pytest

from adapters.mcp.advertised_limits import with_body_limit
from adapters.mcp.body_guard import MIB
from adapters.mcp.tools import ALL_TOOLS

SENDING = {
    "create_ticket_answer": (10, 40),
    "create_internal_communication": (10, 25),
    "upload_ticket_files": (10, 25),
}


@pytest.mark.parametrize(("language", "sentence"), [("pt-BR", "até {} MB"), ("en", "up to {} MB")])
def test_a_small_body_cap_is_stated_in_each_language(language: str, sentence: str) -> None:
    advertised = {spec.name: spec for spec in with_body_limit(ALL_TOOLS, 8 * MIB)}
    for name, (_files, megabytes) in SENDING.items():
        description = advertised[name].description(language)  # type: ignore[arg-type]
        assert sentence.format(5) in description, description  # (8 MiB - envelope) as base64 → 5 MB
        assert sentence.format(megabytes) not in description


def test_a_cap_large_enough_changes_nothing() -> None:
    advertised = with_body_limit(ALL_TOOLS, 56 * MIB)
    assert [spec.description for spec in advertised] == [spec.description for spec in ALL_TOOLS]
    assert all(after is before for after, before in zip(advertised, ALL_TOOLS, strict=True))


def test_only_the_sending_tools_change() -> None:
    changed = {
        after.name
        for after, before in zip(with_body_limit(ALL_TOOLS, 8 * MIB), ALL_TOOLS, strict=True)
        if after is not before
    }
    assert changed == set(SENDING)
