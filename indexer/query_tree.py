"""The query tree: what a parsed query asks for, backend-neutral (indexer/query.py builds it from text)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Term:
    """A word in one field, or in the default fields when field is None."""

    text: str
    field: str | None = None
    boost: float = 1.0
    exact: bool = False  # quoted ('"earnings"'): this word form only, not its stem family


@dataclass(frozen=True)
class Phrase:
    """Words that must stand together in this order."""

    words: tuple[str, ...]
    field: str | None = None
    slop: int = 1


@dataclass(frozen=True)
class Near:
    """Words or phrases each within distance words of the next, in either order ('"net income" NEAR/5 decline')."""

    children: tuple  # Term and Phrase leaves
    distance: int = 5


@dataclass(frozen=True)
class Prefix:
    """Words starting with text ('immuno*')."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Wildcard:
    """Words matching a pattern with * and ? inside."""

    pattern: str
    field: str | None = None


@dataclass(frozen=True)
class Fuzzy:
    """Words within an edit distance of text ('immunogen~')."""

    text: str
    field: str | None = None
    distance: int = 1


@dataclass(frozen=True)
class DateRange:
    """Releases dated from start (inclusive) to end (exclusive); either may be open."""

    start: datetime | None
    end: datetime | None


@dataclass(frozen=True)
class And:
    """Every child must match."""

    children: tuple


@dataclass(frozen=True)
class Or:
    """At least one child must match."""

    children: tuple


@dataclass(frozen=True)
class Ranked:
    """Plain words side by side: any may match, releases matching more rank higher."""

    children: tuple


@dataclass(frozen=True)
class Not:
    """Releases the child matches are excluded."""

    child: object


@dataclass(frozen=True)
class MatchAll:
    """Every release (an empty query)."""


def positive_leaves(node) -> list:
    """The word-like clauses that can add to a release's score (not those under NOT), in query order."""
    if isinstance(node, (Term, Phrase, Prefix, Wildcard, Fuzzy)):
        return [node]
    if isinstance(node, (And, Or, Ranked, Near)):
        return [leaf for child in node.children for leaf in positive_leaves(child)]
    return []
