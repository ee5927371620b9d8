"""JSON bodies: the ``Json`` alias, response templates and the references one record embeds of another."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Json = dict[str, Any]


@dataclass(frozen=True)
class Counted:
    """A page of a list and how many items the whole filtered list holds (sent as ``X-Total-Items``)."""

    items: list[Json]
    total: int


def ref(item: Mapping[str, Any], *keys: str) -> Json:
    """The ``keys`` of ``item``, in that order."""
    return {key: item[key] for key in keys}


def shaped(template: Mapping[str, Any], values: Mapping[str, Any]) -> Json:
    """``values`` laid out in the key order of a response template; both must hold the same keys."""
    if set(template) != set(values):
        raise KeyError(f"keys differ from the template: {sorted(set(template) ^ set(values))}")
    return {key: values[key] for key in template}


def desk_ref(desk: Json) -> Json:
    """A desk as a ticket embeds it."""
    return ref(desk, "id", "name", "display_name", "active")


def stage_ref(stage: Json) -> Json:
    """A stage as a ticket embeds it."""
    return ref(stage, "id", "name", "first_stage", "last_stage", "max_time")


def catalog_ref(item: Json) -> Json:
    """A services catalog item as a ticket embeds it."""
    return {
        "id": item["id"],
        "item_name": item["name"],
        "area_id": item["area"]["id"],
        "area_name": item["area"]["name"],
        "catalog_id": item["catalog"]["id"],
        "catalog_name": item["catalog"]["name"],
    }


def responsible_ref(user: Json) -> Json:
    """A user as a ticket embeds its responsible."""
    return ref(user, "id", "name", "email", "_type", "active", "technical_group_id")


def client_ref(client: Json) -> Json:
    """A client as a ticket embeds it."""
    return ref(client, "id", "name", "social", "status")
