"""The TiFlux API's JSON, read leniently, and its translation into domain objects (anti-corruption layer).

The HTTP adapter reads it here, whether TiFlux or the fake TiFlux answered.
"""

from adapters.tiflux.wire.base import page_of, parse_many, parse_one
from adapters.tiflux.wire.chats import ChatWire
from adapters.tiflux.wire.custom_fields import EntityFieldOptionWire, EntityFieldWire, EntityWire
from adapters.tiflux.wire.desks import CatalogItemWire, CatalogWire, DeskWire, PriorityWire, StageWire
from adapters.tiflux.wire.people import ClientWire, UserWire
from adapters.tiflux.wire.records import (
    AnswerWire,
    AppointmentWire,
    CommunicationWire,
    StageSlaWire,
    TicketFileWire,
)
from adapters.tiflux.wire.tickets import CreatedTicketWire, EntitiesWire, MessageWire, TicketWire

__all__ = [
    "AnswerWire",
    "AppointmentWire",
    "CatalogItemWire",
    "CatalogWire",
    "ChatWire",
    "ClientWire",
    "CommunicationWire",
    "CreatedTicketWire",
    "DeskWire",
    "EntitiesWire",
    "EntityFieldOptionWire",
    "EntityFieldWire",
    "EntityWire",
    "MessageWire",
    "PriorityWire",
    "StageSlaWire",
    "StageWire",
    "TicketFileWire",
    "TicketWire",
    "UserWire",
    "page_of",
    "parse_many",
    "parse_one",
]
