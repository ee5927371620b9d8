"""Lenient reading of the API's JSON: shared field types, the base model, and parse helpers."""

from __future__ import annotations

import functools
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Protocol, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, TypeAdapter, ValidationError

from application.ports.failures import UpstreamUnavailable
from domain.paging import Page, PageRequest
from domain.people import PersonRef


def _lenient_datetime(value: Any) -> Any:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return value


def _lenient_date(value: Any) -> Any:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value


def _lenient_decimal(value: Any) -> Any:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _csv_or_list(value: Any) -> Any:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


Timestamp = Annotated[datetime | None, BeforeValidator(_lenient_datetime)]
Day = Annotated[date | None, BeforeValidator(_lenient_date)]
Money = Annotated[Decimal | None, BeforeValidator(_lenient_decimal)]
StringList = Annotated[list[str], BeforeValidator(_csv_or_list)]


class WireModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Named(WireModel):
    id: int | None = None
    name: str | None = None
    email: str | None = None

    def to_ref(self) -> PersonRef:
        return PersonRef(id=self.id, name=self.name, email=self.email)


M = TypeVar("M", bound=BaseModel)
D_co = TypeVar("D_co", covariant=True)


def parse_one(model: type[M], payload: Any) -> M:
    """Read one object of the API, or explain that the API answered something unexpected."""
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise UpstreamUnavailable("unexpected_response") from exc


def parse_many(model: type[M], payload: Any) -> list[M]:
    """Read a bare JSON array of the API."""
    try:
        return _list_of(model).validate_python(payload)
    except ValidationError as exc:
        raise UpstreamUnavailable("unexpected_response") from exc


@functools.cache
def _list_of(model: type[M]) -> TypeAdapter[list[M]]:
    """Built once per model: building a TypeAdapter costs more than most of the answers it reads."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]


class Translatable(Protocol[D_co]):
    def to_domain(self) -> D_co: ...


def page_of(model: type[Translatable[D_co]], payload: Any, page: PageRequest) -> Page[D_co]:
    """A bare JSON array of the API as one page of domain objects."""
    return Page(tuple(item.to_domain() for item in parse_many(model, payload)), page)  # type: ignore[type-var]
