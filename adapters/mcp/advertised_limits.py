"""What the hosted server's tool descriptions say about attachment sizes: the limit that really holds.

Files sent inline (`files_base64`) travel inside the request body, whose size the operator caps
(`TIFLUX_HTTP_MAX_BODY_MB`); base64 makes them a third larger. When that cap is below what TiFlux accepts,
a sending tool's sentence about attachments (`fields.files_allowed`) states the smaller figure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from adapters.i18n.words import Words
from adapters.mcp.fields import files_allowed
from adapters.mcp.spec import ToolSpec
from domain.attachments import ANSWER_LIMITS, COMMUNICATION_LIMITS, MB, AttachmentLimits

ENVELOPE_BYTES = 256 * 1024  # the JSON-RPC message around the files, and the other arguments


def inline_file_limit(limits: AttachmentLimits, max_body_bytes: int) -> AttachmentLimits:
    """`limits`, with each file no larger than what a body of `max_body_bytes` can carry in base64."""
    carried = (max(0, max_body_bytes - ENVELOPE_BYTES) // 4 * 3) // MB * MB
    return dataclasses.replace(limits, max_bytes=min(limits.max_bytes, carried))


def with_body_limit(
    specs: Sequence[ToolSpec[Any, Any, Any]], max_body_bytes: int
) -> list[ToolSpec[Any, Any, Any]]:
    """The specs, their attachment sentence (in both languages) stating the limit a body of
    `max_body_bytes` allows."""
    advertised = []
    for spec in specs:
        description = spec.description
        for limits in (ANSWER_LIMITS, COMMUNICATION_LIMITS):
            effective = inline_file_limit(limits, max_body_bytes)
            if effective != limits:
                description = _replaced(description, files_allowed(limits), files_allowed(effective))
        advertised.append(
            spec if description == spec.description else dataclasses.replace(spec, description=description)
        )
    return advertised


def _replaced(description: Words, old: Words, new: Words) -> Words:
    return Words(pt=description.pt.replace(old.pt, new.pt), en=description.en.replace(old.en, new.en))
