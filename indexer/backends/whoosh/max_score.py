"""The first documents of a one-clause search from its words' kept sums, without scoring every match.

A search for one word ranks every release holding it (hundreds of thousands at 1,000,000 releases), yet shows
ten. Its score is a rising function of the clause's score (the coordination multiplier of one clause is
(score / (COVER_SHARE * best)) ** COORD_POWER up to 1, times 1 + TITLE_BONUS for a headline), and each
alternative's score a rising function of its BM25F sum. When every alternative's highest sums are known
(bm25f.Best: kept by an earlier search or written ahead, kept_sums.py), a release outside all their lists
sums at most each list's lowest kept sum, so it scores at most a bound found from those; if the releases of
the lists (scored exactly, as bm25f.at_documents scores them) give a page whose last score is above that
bound, that page is the page of scoring every match. Otherwise (or for several clauses) every match is scored.
"""

from __future__ import annotations

import numpy as np

from ...relevance import COORD_POWER, COVER_SHARE, TITLE_BONUS
from . import bm25f

# Kept sums and bounds are compared with this relative margin: the float32 steps of a score round, and a
# rounding must never turn "below the bound" into "above it".
_MARGIN = 1e-6


def first_documents(stats, clauses, mask: np.ndarray, count: int, ranked_within):
    """(order, scores) of the count best documents of mask, as ranking every document of mask gives them, or
    None when the kept sums cannot tell. ranked_within(candidates): the count best of some documents of mask
    (a mask), scored exactly (rank.score with within, then rank.rank)."""
    if len(clauses) != 1 or count <= 0:
        return None
    # Every alternative that weighs (those ranking leaves out score no higher than one it keeps).
    alternatives = [alt for alt in clauses[0].alternatives if alt.weight > 0]
    if not alternatives:
        return None
    listed, outside, best_score = [], 0.0, 0.0
    for alt in alternatives:
        best = bm25f.known_best(stats, alt)
        if best is None:
            return None
        idf = bm25f.idf_of(stats, best.df)
        if alt.weight * idf <= 0:
            return None
        top = bm25f.best_within(alt, best, idf, mask)
        if top is None:
            return None
        best_score = max(best_score, top)
        listed.append(best.docs)
        if not best.complete:
            # A document outside the list sums at most its lowest kept sum.
            edge = bm25f.saturated(alt, idf, best.sums[-1:] * (1 + _MARGIN))
            outside = max(outside, float(edge[0]) * (1 + _MARGIN))
    candidates = np.zeros(len(mask), dtype=bool)
    candidates[np.concatenate(listed)] = True
    candidates &= mask
    if best_score <= 0 or np.count_nonzero(candidates) < count:
        return None
    order, scores = ranked_within(candidates)
    if len(order) < count or min(scores.values()) <= _bound(outside, best_score):
        return None
    return order, scores


def _bound(clause_score: float, best: float) -> float:
    """The highest total a document whose clause scores at most clause_score can reach (one clause)."""
    if clause_score <= 0:
        return 0.0
    coverage = min(clause_score / (COVER_SHARE * best), 1.0)
    return clause_score * coverage**COORD_POWER * (1 + TITLE_BONUS) * (1 + _MARGIN)
