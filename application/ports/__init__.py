"""Ports: what the use cases need from the outside world, one Protocol per TiFlux area."""

from application.ports.desks import DesksPort
from application.ports.gateway import TifluxGateway
from application.ports.people import PeoplePort
from application.ports.tickets import TicketsPort

__all__ = ["DesksPort", "PeoplePort", "TicketsPort", "TifluxGateway"]
