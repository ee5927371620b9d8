"""A desk's configuration is read into typed fields; what does not fit them is kept aside, not lost."""

from __future__ import annotations

from adapters.tiflux.wire import DeskWire, parse_one
from domain.desks import DeskSettings


def settings_of(**keys: object) -> DeskSettings:
    return parse_one(DeskWire, {"id": 11, "name": "Suporte", **keys}).to_domain().settings


def test_known_keys_become_typed_fields() -> None:
    settings = settings_of(desk_with_sla=True, sla_goal="95", time_limit_to_reopening=48, review_type=None)
    assert settings.desk_with_sla is True
    assert settings.sla_goal == "95" and settings.time_limit_to_reopening == 48
    assert settings.review_type is None and settings.summary is None
    assert settings.others == {}


def test_required_fields_as_a_list_as_text_and_as_null() -> None:
    assert settings_of(required_fields=["priority", "requestor"]).required_fields == ("priority", "requestor")
    assert settings_of(required_fields="priority,services_catalog").required_fields == (
        "priority",
        "services_catalog",
    )
    assert settings_of(required_fields=[]).required_fields == ()
    assert settings_of(required_fields="").required_fields is None
    assert settings_of(required_fields=None).required_fields is None


def test_new_keys_and_values_of_an_unexpected_kind_are_kept_in_order() -> None:
    settings = settings_of(new_rule={"x": 1}, summary="sim", required_fields=[1, 2], reminder=False)
    assert settings.reminder is False and settings.summary is None and settings.required_fields is None
    assert list(settings.others.items()) == [
        ("new_rule", {"x": 1}),
        ("summary", "sim"),
        ("required_fields", [1, 2]),
    ]
