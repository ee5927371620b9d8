"""An in-memory emulation of TiFlux API v2 holding the demo tenant "NuvemDesk".

The modules of this package split the tenant by area (tickets, records, appointments, custom fields,
people, desks, chats). Each area module holds a class whose public methods answer API routes, their
arguments already parsed to Python types, returning the exact JSON body (a list or a dict) the real API
answers, and ends with ``ROUTES``, the table saying which route each method answers (``routes.py``).
Failures are raised as :class:`FakeApiError`, carrying the HTTP status and the JSON error body. The
tenant's data live in the JSON files of ``adapters/tiflux/fake/data/`` (the source of truth); every tenant
works on its own deep copy of them.
"""

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.chats import ChatKind
from adapters.tiflux.fake.tenant.data import load_demo_data
from adapters.tiflux.fake.tenant.errors import FakeApiError, validation_error
from adapters.tiflux.fake.tenant.fake_tenant import FakeTenant
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, MAX_LIMIT
from adapters.tiflux.fake.tenant.moments import Moment

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "ChatKind",
    "FakeApiError",
    "FakeTenant",
    "Json",
    "Moment",
    "load_demo_data",
    "validation_error",
]
