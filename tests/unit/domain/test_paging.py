import pytest

from domain.errors import InvalidInput
from domain.paging import Page, PageRequest


def test_a_full_page_may_have_a_next_one() -> None:
    page = Page(items=(1, 2), request=PageRequest(number=3, size=2))
    assert page.may_have_more
    assert page.next_number == 4


def test_a_short_page_is_the_last() -> None:
    page = Page(items=(1,), request=PageRequest(number=1, size=2))
    assert not page.may_have_more
    assert page.next_number is None
    assert list(page) == [1]
    assert len(page) == 1


@pytest.mark.parametrize(("number", "size", "field"), [(0, 20, "offset"), (1, 0, "limit"), (1, 201, "limit")])
def test_page_bounds_are_the_apis(number: int, size: int, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        PageRequest(number, size)
    assert caught.value.field == field


def test_limits_are_inclusive() -> None:
    assert PageRequest(1, 200).size == 200
    assert PageRequest(1, 1).size == 1
