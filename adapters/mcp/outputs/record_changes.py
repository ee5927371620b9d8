"""Declared `structuredContent` of editing and removing internal communications."""

from __future__ import annotations

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED
from adapters.mcp.outputs.records import InternalCommunication


@with_config(DECLARED)
class NoteEdited(TypedDict):
    number: int
    note: InternalCommunication


@with_config(DECLARED)
class NoteDeleted(TypedDict):
    number: int
    communication_id: int


UpdateInternalCommunicationOutput = NoteEdited

DeleteInternalCommunicationOutput = NoteDeleted
