"""The resolution policy, as a table."""

from __future__ import annotations

import pytest

from domain.errors import Ambiguous as AmbiguousError
from domain.errors import InvalidInput
from domain.errors import NotFound as NotFoundError
from domain.resolution import (
    Ambiguous,
    Candidate,
    Match,
    NoMatch,
    Resolved,
    check_term,
    decide,
    normalise,
    rank,
    score,
    settle,
    tokens,
)

DESKS = [
    Candidate(11, ("Dev - Cansados", "Equipe Cansados")),
    Candidate(12, ("Dev - Premium", "Equipe Premium")),
    Candidate(13, ("Comunicação", "Comunicação e Marketing")),
    Candidate(14, ("Suporte", "Suporte N1")),
    Candidate(15, ("Suporte N2", "Suporte Nível 2")),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Comunicação", "comunicacao"),
        ("  Dev - Cansados ", "dev cansados"),
        ("SUPORTE_N2", "suporte n2"),
        ("a/b.c,d", "a b c d"),
        ("Ärger  im\tBüro", "arger im buro"),
        ("", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_tokens() -> None:
    assert tokens("Dev - Cansados") == ("dev", "cansados")
    assert tokens(" ") == ()


@pytest.mark.parametrize(
    ("term", "name", "expected"),
    [
        ("suporte", "Suporte", Match.EXACT),
        ("COMUNICACAO", "Comunicação", Match.EXACT),
        ("dev cansados", "Dev - Cansados", Match.EXACT),
        ("suport", "Suporte N2", Match.PREFIX),
        ("suporte nivel", "Suporte Nível 2", Match.PREFIX),
        ("cansados", "Dev - Cansados", Match.WORD),
        ("cansados dev", "Dev - Cansados", Match.WORD),
        ("cans", "Dev - Cansados", Match.WORD_PREFIX),
        ("troca ton", "Troca de toner", Match.WORD_PREFIX),
        ("troca de", "Troca de toner", Match.PREFIX),
        ("de ton", "Troca de toner", Match.WORD_PREFIX),
        ("ansad", "Dev - Cansados", Match.SUBSTRING),
        ("premium", "Dev - Cansados", Match.NONE),
        ("", "Suporte", Match.NONE),
    ],
)
def test_score(term: str, name: str, expected: Match) -> None:
    assert score(term, name) is expected


@pytest.mark.parametrize(
    ("term", "resolved"),
    [("cansados", 11), ("comunicacao", 13), ("premium", 12), ("suporte", 14), ("Equipe Cansados", 11)],
)
def test_one_match_or_an_exact_one_resolves(term: str, resolved: int) -> None:
    outcome = decide(term, DESKS)
    assert isinstance(outcome, Resolved)
    assert outcome.value == resolved


@pytest.mark.parametrize(("term", "options"), [("dev", [11, 12]), ("suport", [14, 15]), ("equipe", [11, 12])])
def test_several_matches_are_a_choice(term: str, options: list[int]) -> None:
    outcome = decide(term, DESKS)
    assert isinstance(outcome, Ambiguous)
    assert [s.candidate.value for s in outcome.options] == options


def test_choices_are_best_first() -> None:
    outcome = decide("suporte n", DESKS)
    assert isinstance(outcome, Ambiguous)
    assert [(s.candidate.value, s.match) for s in outcome.options] == [(14, Match.PREFIX), (15, Match.PREFIX)]
    assert [s.candidate.value for s in rank("n2", DESKS)] == [15]


def test_several_exact_matches_are_still_a_choice() -> None:
    twins = [
        Candidate(1, ("Suporte",)),
        Candidate(2, ("suporte",)),
        Candidate(3, ("Suporte 2",)),
    ]
    outcome = decide("Suporte", twins)
    assert isinstance(outcome, Ambiguous)
    assert [s.candidate.value for s in outcome.options] == [1, 2]


def test_no_match_suggests_close_names() -> None:
    outcome = decide("suprote", DESKS)
    assert isinstance(outcome, NoMatch)
    assert outcome.suggestions[0] in (14, 15)
    assert len(outcome.suggestions) <= 5
    far = decide("zzzzzz", DESKS)
    assert isinstance(far, NoMatch) and far.suggestions == ()


def test_settle_turns_outcomes_into_values_or_errors() -> None:
    assert settle(decide("cansados", DESKS), "desk") == 11
    with pytest.raises(AmbiguousError) as ambiguous:
        settle(decide("dev", DESKS), "desk")
    assert ambiguous.value.options == (11, 12)
    with pytest.raises(NotFoundError) as missing:
        settle(decide("infra legado", DESKS), "desk")
    assert missing.value.kind == "desk"


@pytest.mark.parametrize("bad", ["", "  ", "- / ,", "x" * 201])
def test_a_term_must_say_something(bad: str) -> None:
    with pytest.raises(InvalidInput):
        check_term(bad, "desk_name")
    assert check_term(" cansados ", "desk_name") == "cansados"
