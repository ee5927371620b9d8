"""The name-resolution policy: how a name a person types becomes one record, a choice, or a clear miss.

Rules, in order:
1. Text is normalised (Unicode folded to ASCII, case-folded, `- _ / . ,` read as spaces, spaces collapsed).
2. A term is scored against each of a candidate's names: exact > whole-name prefix > every word equal to
   a word of the name > every word a prefix of a word of the name > substring > no match.
3. An exact match on any name wins outright (several exact matches are still a choice).
4. Otherwise exactly one candidate with a positive score is resolved; several are ambiguous (best first);
   none is not found, with up to five closest names as suggestions.
The outcome is a value, so a caller can ask the user to choose instead of failing. Candidates and
suggestions are records, never words: presenters label them in the user's language.

A `Reference` is how a call designates one record: an ID (which wins), a name to resolve, or neither (then
the configured default, if there is one); a `Decision` is what a name became.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import IntEnum
from typing import Generic, TypeVar

from unidecode import unidecode

from domain.errors import Ambiguous as AmbiguousError
from domain.errors import InvalidInput
from domain.errors import NotFound as NotFoundError

T = TypeVar("T")
IdT = TypeVar("IdT", bound=int)

MAX_SUGGESTIONS = 5
SUGGESTION_LIKENESS = 0.6  # difflib ratio; below it a name is not offered as a suggestion
MAX_TERM_LENGTH = 200
_SEPARATORS = re.compile(r"[\s\-_/.,]+")


def normalise(text: str) -> str:
    """ASCII, case-folded, separators as single spaces: "Comunicação - Mkt" → "comunicacao mkt"."""
    return _SEPARATORS.sub(" ", unidecode(text).casefold()).strip()


def tokens(text: str) -> tuple[str, ...]:
    normalised = normalise(text)
    return tuple(normalised.split(" ")) if normalised else ()


class Match(IntEnum):
    """How well a term matches a name; higher is better, NONE is no match."""

    NONE = 0
    SUBSTRING = 1
    WORD_PREFIX = 2
    WORD = 3
    PREFIX = 4
    EXACT = 5


def score(term: str, name: str) -> Match:
    """How well `term` matches one `name`."""
    wanted, candidate = normalise(term), normalise(name)
    if not wanted or not candidate:
        return Match.NONE
    if wanted == candidate:
        return Match.EXACT
    if candidate.startswith(wanted):
        return Match.PREFIX
    wanted_words, name_words = wanted.split(" "), candidate.split(" ")
    if all(word in name_words for word in wanted_words):
        return Match.WORD
    if all(any(n.startswith(word) for n in name_words) for word in wanted_words):
        return Match.WORD_PREFIX
    if wanted in candidate:
        return Match.SUBSTRING
    return Match.NONE


def best_score(term: str, names: Iterable[str]) -> Match:
    return max((score(term, name) for name in names), default=Match.NONE)


@dataclass(frozen=True)
class Candidate(Generic[T]):
    """Something a name may refer to: the thing, and the names it answers to."""

    value: T
    names: tuple[str, ...]


@dataclass(frozen=True)
class Scored(Generic[T]):
    candidate: Candidate[T]
    match: Match


@dataclass(frozen=True)
class Resolved(Generic[T]):
    value: T
    match: Match


@dataclass(frozen=True)
class Ambiguous(Generic[T]):
    term: str
    options: tuple[Scored[T], ...]


@dataclass(frozen=True)
class NoMatch(Generic[T]):
    term: str
    suggestions: tuple[T, ...]


Resolution = Resolved[T] | Ambiguous[T] | NoMatch[T]


@dataclass(frozen=True)
class Reference(Generic[IdT]):
    """An ID (which wins), or a name to resolve, or neither: then the configured default, if any.

    `id_field` and `name_field` are the arguments they came from, so an error or a question names them.
    """

    id_field: str
    name_field: str
    id: IdT | None = None
    name: str | None = None

    @property
    def given(self) -> bool:
        return self.id is not None or bool(self.name)


@dataclass(frozen=True)
class Decision:
    """What a name became: argument `desk_name`, term "cansados", the record it designates.

    `picked` says the person chose it among several matches.
    """

    field: str
    term: str
    record: object
    picked: bool = False


def check_term(term: str, field: str) -> str:
    """A usable search term, or an InvalidInput naming the field."""
    if not normalise(term):
        raise InvalidInput(field, "min_length")
    if len(term) > MAX_TERM_LENGTH:
        raise InvalidInput(field, "max_length", {"max": MAX_TERM_LENGTH})
    return term.strip()


def rank(term: str, candidates: Iterable[Candidate[T]]) -> list[Scored[T]]:
    """Every candidate that matches, best first (ties keep their original order)."""
    scored = [Scored(c, best_score(term, c.names)) for c in candidates]
    matching = [s for s in scored if s.match > Match.NONE]
    return sorted(matching, key=lambda s: -s.match)


def decide(term: str, candidates: Sequence[Candidate[T]]) -> Resolution[T]:
    """Apply the policy to one list of candidates."""
    ranked = rank(term, candidates)
    exact = [s for s in ranked if s.match is Match.EXACT]
    if len(exact) == 1:
        return Resolved(exact[0].candidate.value, Match.EXACT)
    if len(exact) > 1:
        return Ambiguous(term, tuple(exact))
    if len(ranked) == 1:
        return Resolved(ranked[0].candidate.value, ranked[0].match)
    if ranked:
        return Ambiguous(term, tuple(ranked))
    return NoMatch(term, suggest(term, candidates))


def suggest(term: str, candidates: Iterable[Candidate[T]]) -> tuple[T, ...]:
    """Up to five candidates whose names look most like the term."""
    wanted = normalise(term)

    def likeness(candidate: Candidate[T]) -> float:
        return max(
            (SequenceMatcher(None, wanted, normalise(n)).ratio() for n in candidate.names), default=0.0
        )

    ranked = sorted(candidates, key=likeness, reverse=True)
    return tuple(c.value for c in ranked[:MAX_SUGGESTIONS] if likeness(c) >= SUGGESTION_LIKENESS)


def settle(outcome: Resolution[T], kind: str, field: str = "") -> T:
    """The resolved value, or the domain error a person can act on (naming the argument, `field`)."""
    if isinstance(outcome, Resolved):
        return outcome.value
    if isinstance(outcome, Ambiguous):
        options = tuple(s.candidate.value for s in outcome.options)
        raise AmbiguousError(kind, outcome.term, options, field)
    raise NotFoundError(kind, f'"{outcome.term}"', suggestions=outcome.suggestions)


def candidates_of(items: Iterable[T], names: Callable[[T], Iterable[str | None]]) -> list[Candidate[T]]:
    """Wrap records as candidates, dropping empty names."""
    return [Candidate(item, tuple(n for n in names(item) if n)) for item in items]
