from datetime import UTC, datetime

import pytest

from application.queries import DateField, DateRange, TicketFilter
from domain.errors import InvalidInput
from domain.ids import DeskId


def test_a_filter_narrows_only_with_ids_or_an_email() -> None:
    assert not TicketFilter().narrows
    assert not TicketFilter(is_closed=True).narrows
    assert TicketFilter(desk_ids=(DeskId(14),)).narrows
    assert TicketFilter(requestor_email="ana@x.com").narrows


def test_at_most_fifteen_ids_per_filter_never_a_silent_cut() -> None:
    with pytest.raises(InvalidInput) as caught:
        TicketFilter(desk_ids=tuple(DeskId(i) for i in range(1, 17)))
    assert caught.value.field == "desk_ids"
    assert caught.value.params == {"max": 15, "received": 16}


def test_date_ranges_need_time_zones_and_order() -> None:
    start = datetime(2025, 3, 1, tzinfo=UTC)
    end = datetime(2025, 3, 31, tzinfo=UTC)
    assert DateRange(DateField.CREATED_AT, start, end).end == end
    with pytest.raises(InvalidInput) as caught:
        DateRange(DateField.CREATED_AT, end, start)
    assert caught.value.field == "end_datetime"
    with pytest.raises(InvalidInput) as caught:
        DateRange(DateField.CREATED_AT, datetime(2025, 3, 1), None)
    assert caught.value.field == "start_datetime"
