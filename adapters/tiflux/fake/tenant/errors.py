"""The error answers of the fake API."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json


class FakeApiError(Exception):
    """An HTTP error answer of the fake API: ``status`` and the JSON ``body``."""

    def __init__(self, status: int, body: Mapping[str, Any]) -> None:
        super().__init__(f"HTTP {status}: {body.get('message', '')}")
        self.status = status
        self.body: Json = copy.deepcopy(dict(body))


def validation_error(*messages: str) -> FakeApiError:
    """A 422 in the shape of ``ERROR_422_appointment.json``."""
    return FakeApiError(422, {"message": "Validation failed", "detail": {"error": list(messages)}})


def bad_request(message: str) -> FakeApiError:
    """A 400: a query value or a body that does not parse."""
    return FakeApiError(400, {"message": "Bad Request", "detail": {"error": [message]}})
