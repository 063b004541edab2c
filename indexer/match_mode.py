"""Which releases a query counts: those holding every word ("all", the default) or any of them ("any").

Plain words side by side (a Ranked node of the query tree) must all match in "all" mode: each word with its
stem family, abbreviation expansions and typo alternatives, as ranking widens it. Releases matching only
some of the words are listed after the full matches, marked with the words they lack, and not counted.
`OR` between words always means any; `match="any"` reads every run of plain words as OR.
Both backends take the tree from here, so they count the same releases.
"""

from __future__ import annotations

import re

from . import query as q
from .model import QueryError
from .schema import QUERY_ANALYZER

MATCH_MODES = ("all", "any")
# Fields whose values are taken verbatim (no analyzer, so no stop words).
_VERBATIM = ("ticker", "exchange", "type", "language")


def check_mode(mode: str | None) -> str:
    """The match mode, 'all' by default; QueryError for anything else."""
    mode = (mode or "all").strip().lower()
    if mode not in MATCH_MODES:
        raise QueryError(f"unknown match mode '{mode}': use match=all (every word) or match=any (any word)")
    return mode


def is_stop_only(leaf) -> bool:
    """Whether a word or phrase consists of stop words alone (the index keeps none of them)."""
    if isinstance(leaf, q.Term):
        return leaf.field not in _VERBATIM and not any(True for _ in QUERY_ANALYZER(leaf.text))
    if isinstance(leaf, q.Phrase):
        return not any(True for word in leaf.words for _ in QUERY_ANALYZER(word))
    return False


def check_not_stop_words(tree) -> None:
    """Raise QueryError when the query's words are all stop words ('the', 'of the'): they match nothing."""
    leaves = q.positive_leaves(tree)
    if not leaves or not all(is_stop_only(leaf) for leaf in leaves):
        return
    if _has_other_parts(tree):
        return
    typed = " ".join(_label(leaf) for leaf in leaves)
    if not re.search(r"\w", typed):
        raise QueryError(f"'{typed}' holds no letters or digits to search for: type a word, e.g. a company or an event")
    raise QueryError(
        f"'{typed}' holds only common words (the, of, and, ...) that the index leaves out, so it matches nothing: "
        "add a word that says what you look for, e.g. a company, product or event ('the merger')"
    )


def _has_other_parts(node) -> bool:
    """Whether the tree holds something besides plain words (a date, a ticker, a pattern) that can match."""
    if isinstance(node, (q.DateRange, q.Prefix, q.Wildcard, q.Fuzzy)):
        return True
    if isinstance(node, q.Term):
        return node.field in _VERBATIM
    if isinstance(node, (q.And, q.Or, q.Ranked)):
        return any(_has_other_parts(child) for child in node.children)
    return False


def require_all(tree):
    """The tree with every run of plain words required (words of stop words alone left out)."""
    return _rewrite(tree, required=True)


def without_stop_words(tree):
    """The tree with runs of plain words left as they are, less the words of stop words alone."""
    return _rewrite(tree, required=False)


def _rewrite(tree, required: bool):
    if isinstance(tree, q.Ranked):
        kept = tuple(_rewrite(c, required) for c in tree.children if not is_stop_only(c))
        if not kept:
            return q.MatchAll()  # beside a ticker or a date, stop words alone narrow nothing
        if len(kept) == 1:
            return kept[0]
        return q.And(kept) if required else q.Ranked(kept)
    if isinstance(tree, q.And):
        return q.And(tuple(_rewrite(c, required) for c in tree.children))
    if isinstance(tree, q.Or):
        return q.Or(tuple(_rewrite(c, required) for c in tree.children))
    if isinstance(tree, q.Not):
        return q.Not(_rewrite(tree.child, required))
    return tree


def optional_words(tree) -> list:
    """The plain words and phrases of a tree that all-words mode requires (the Ranked children), in order."""
    found = []

    def walk(node):
        if isinstance(node, q.Ranked):
            found.extend(c for c in node.children if not is_stop_only(c))
        elif isinstance(node, (q.And, q.Or)):
            for child in node.children:
                walk(child)

    walk(tree)
    return list(dict.fromkeys(found))


def label(leaf) -> str:
    """A word or phrase as the user typed it, for 'missing: ...'."""
    return _label(leaf)


def _label(leaf) -> str:
    if isinstance(leaf, q.Phrase):
        return '"' + " ".join(leaf.words) + '"'
    if isinstance(leaf, q.Near):
        return f" NEAR/{leaf.distance} ".join(_label(c) for c in leaf.children)
    if isinstance(leaf, q.Term):
        return f'"{leaf.text}"' if leaf.exact else leaf.text
    return getattr(leaf, "text", None) or getattr(leaf, "pattern", "") or str(leaf)
