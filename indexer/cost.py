"""What a query will cost, estimated from its shape before any work: refused over a budget, with what to simplify.

A plain word costs a posting list read; a fuzzy word, a wildcard or a short prefix first scans the vocabulary
for the words it stands for, then reads each of their posting lists, which is what made 40 fuzzy words take the
whole 10 s search limit. The units are rough relative costs measured on a 24,000-release index (a unit is
about a millisecond there, unloaded: one fuzzy word took 400-1,100 ms on a loaded 2-core machine, a 500-word
prefix 10-70 ms); the budget keeps the most expensive query allowed to a few fuzzy words.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import QueryError
from .query import And, Fuzzy, Near, Not, Or, Phrase, Prefix, Ranked, Term, Wildcard

TERM = 1
PHRASE_WORD = 2
PREFIX = 6  # four letters or more: few words share them
SHORT_PREFIX = 20  # two or three letters (expansions stop at query.MAX_EXPANSIONS words)
WILDCARD = 30
FUZZY = {1: 100, 2: 130}  # each scans the field's vocabulary word by word
# The most a query may cost (the parser already refuses over query.MAX_CLAUSES clauses).
BUDGET = 400
# From this cost on a search counts as expensive: the web app lets each client run one at a time.
EXPENSIVE = 50


class QueryTooCostly(QueryError):
    """A query that would cost more than the budget to run."""


@dataclass
class QueryCost:
    """A query's estimated cost and what makes it up."""

    units: int = 0
    clauses: int = 0
    fuzzy: int = 0
    wildcards: int = 0  # wildcards and short prefixes
    phrases: int = 0

    @property
    def expensive(self) -> bool:
        """Worth limiting per client (see webapp/limits.py)."""
        return self.units >= EXPENSIVE


def query_cost(tree) -> QueryCost:
    """The estimated cost of a parsed query tree."""
    cost = QueryCost()
    _add(tree, cost)
    return cost


def _add(node, cost: QueryCost) -> None:
    if isinstance(node, (And, Or, Ranked)):
        for child in node.children:
            _add(child, cost)
        return
    if isinstance(node, Not):
        _add(node.child, cost)
        return
    if isinstance(node, Near):
        # Its words are read with their positions, as a phrase's are.
        for child in node.children:
            _add(child, cost)
        cost.units += PHRASE_WORD * len(node.children)
        cost.phrases += 1
        return
    if isinstance(node, Term):
        cost.units += TERM
    elif isinstance(node, Phrase):
        cost.units += PHRASE_WORD * max(1, len(node.words))
        cost.phrases += 1
    elif isinstance(node, Prefix):
        short = len(node.text) < 4
        cost.units += SHORT_PREFIX if short else PREFIX
        cost.wildcards += short
    elif isinstance(node, Wildcard):
        cost.units += WILDCARD
        cost.wildcards += 1
    elif isinstance(node, Fuzzy):
        cost.units += FUZZY.get(node.distance, FUZZY[2])
        cost.fuzzy += 1
    else:
        return  # dates and "everything" are filters, read from columns
    cost.clauses += 1


def check_cost(tree) -> QueryCost:
    """The query's cost, or QueryTooCostly saying what to simplify when it is over the budget."""
    cost = query_cost(tree)
    if cost.units > BUDGET:
        parts = []
        if cost.fuzzy:
            parts.append(f"{cost.fuzzy} fuzzy words (~)")
        if cost.wildcards:
            parts.append(f"{cost.wildcards} wildcards or short prefixes")
        if cost.phrases:
            parts.append(f"{cost.phrases} phrases")
        what = ", ".join(parts) or f"{cost.clauses} words"
        raise QueryTooCostly(
            f"the query is too costly to run ({what}; about {cost.units} units, the limit is {BUDGET}): "
            f"use at most {BUDGET // FUZZY[2]} words with ~2 or {BUDGET // FUZZY[1]} with ~, fewer wildcards, "
            "or plain words"
        )
    return cost
