"""Ports: what the use cases need from the outside world, one Protocol per TiFlux area."""

from application.ports.chats import ChatsPort
from application.ports.custom_fields import CustomFieldsPort
from application.ports.desks import DesksPort
from application.ports.gateway import TifluxGateway
from application.ports.people import PeoplePort
from application.ports.records import AppointmentsPort, CommunicationsPort, FilesPort, StageHistoryPort
from application.ports.tickets import TicketsPort

__all__ = [
    "AppointmentsPort",
    "ChatsPort",
    "CommunicationsPort",
    "CustomFieldsPort",
    "DesksPort",
    "FilesPort",
    "PeoplePort",
    "StageHistoryPort",
    "TicketsPort",
    "TifluxGateway",
]
