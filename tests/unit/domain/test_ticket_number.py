import pytest

from domain.errors import InvalidInput
from domain.ids import TicketNumber


@pytest.mark.parametrize(
    ("raw", "expected"), [(1040, 1040), ("1040", 1040), (" #1040 ", 1040), ("007", 7), ("0" * 40 + "7", 7)]
)
def test_accepts_numbers_people_write(raw: object, expected: int) -> None:
    assert TicketNumber.parse(raw).value == expected


@pytest.mark.parametrize(
    "raw",
    [
        "../desks",
        "abc",
        "",
        " ",
        "12 3",
        "1040/close",
        "-5",
        "0",
        0,
        -1,
        True,
        None,
        10.5,
        "١٢٣",
        "9" * 30,
        "9" * 5000,
    ],
)
def test_refuses_anything_that_is_not_a_positive_integer(raw: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        TicketNumber.parse(raw)
    assert caught.value.field == "ticket_number"
    assert caught.value.rule == "positive_integer"


def test_the_field_name_can_be_chosen() -> None:
    with pytest.raises(InvalidInput) as caught:
        TicketNumber.parse("x", field="parent_ticket_number")
    assert caught.value.field == "parent_ticket_number"


def test_direct_construction_is_validated_too() -> None:
    with pytest.raises(InvalidInput):
        TicketNumber(0)
    assert str(TicketNumber(1040)) == "1040"
