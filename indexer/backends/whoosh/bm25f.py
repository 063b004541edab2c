"""One alternative's BM25F scores (a word's form, a phrase, a pattern's words over their fields): summed over
every document, or only at the documents a page can show.

A clause's weight in the coordination multiplier is its best score over every scored document, and a word's
idf needs its document frequency over the whole index, so the plain way sums the word's contributions over
every posting (`np.bincount`) at every search. Both numbers are the same from search to search on one
searcher: the first search that sums a common word keeps its document frequency and its highest sums
(`Best`). A later search then reads the clause's best score from those sums (the first of them in its scored
documents; every other document's sum is lower) and sums the word only at the documents it ranks, the full
matches of an all-words search or a filtered set, which are often a small share of the word's postings.
The sums are the same float64 additions in the same order, so the scores are the same to the last bit.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

from ...relevance import K1, SYMBOL_WEIGHT, TITLE_FIELDS, Alternative
from ...schema import FIELD_WEIGHTS

TOP_KEPT = 256  # highest sums kept per alternative: enough that a filtered or folded search still holds one
KEEP_FROM = 4096  # documents holding an alternative from which its sums are worth keeping (fewer: summed anew)
SAMPLE_STEP = 16
# The documents a search ranks, against the alternative's postings, below which summing only there pays.
RANKED_SHARE = 8
# Sums outside the kept ones must be clearly lower than the best one found there: the score is a rising
# function of the sum, and a margin far above float64 rounding keeps "rising" true after rounding too.
_MARGIN = 1e-9
_EMPTY = np.zeros(0, dtype=np.int64)


@dataclass
class Best:
    """An alternative's document frequency and its highest BM25F sums over the whole index, highest first."""

    df: int
    docs: np.ndarray  # int64
    sums: np.ndarray  # float64
    complete: bool = False  # every document holding the alternative is kept

    @property
    def nbytes(self) -> int:
        return self.docs.nbytes + self.sums.nbytes + 64


@dataclass
class Part:
    """One field's postings of an alternative (or its phrase documents, or its issuer's symbol) and how each
    posting contributes to the sum."""

    docs: np.ndarray
    freqs: np.ndarray | None  # None: a phrase (weight / norm) or a symbol (SYMBOL_WEIGHT), or not read yet
    weight: float
    norm: np.ndarray | None  # None: a symbol
    title: bool
    # A term's frequencies (rows: of those postings only), read when first asked: summing at a few documents
    # reads a few frequencies, not the term's whole list.
    read_freqs: Callable[[np.ndarray | None], np.ndarray] | None = None

    def contributions(self, rows: np.ndarray | None = None) -> np.ndarray:
        """Each posting's contribution (of those rows), float32, as the plain sum computes it."""
        docs = self.docs if rows is None else self.docs[rows]
        if self.norm is None:
            return np.full(len(docs), SYMBOL_WEIGHT, dtype=np.float32)
        if self.freqs is None and self.read_freqs is None:
            return self.weight / self.norm[docs]
        if self.freqs is not None:
            freqs = self.freqs if rows is None else self.freqs[rows]
        elif rows is None:
            freqs = self.freqs = self.read_freqs(None)
        else:
            freqs = self.read_freqs(rows)
        return self.weight * freqs / self.norm[docs]


def key(alt: Alternative) -> tuple:
    """What an alternative's sums depend on (not its weight)."""
    return (alt.fields, alt.terms, alt.phrase, alt.slop, alt.symbol)


def known_best(stats, alt: Alternative) -> Best | None:
    """The alternative's Best kept by an earlier search, or written ahead for the generation (kept_sums.py)."""
    found = stats.best_sums.get(key(alt))
    if found is None and (written := stats.kept_sums()) is not None:
        found = written.best(alt)
        if found is not None:
            stats.best_sums.put(key(alt), found)
    return found


def parts(stats, alt: Alternative, deadline) -> list[Part]:
    """The alternative's postings per field, in the order the sum adds them."""
    found: list[Part] = []
    for fieldname in alt.fields:
        weight = FIELD_WEIGHTS.get(fieldname, 1.0)
        if weight <= 0 or fieldname not in stats.schema:
            continue
        norm = stats.norm(fieldname)
        title = fieldname in TITLE_FIELDS
        if alt.phrase:
            docs = stats.phrase_docs(fieldname, alt.terms, alt.slop, deadline)
            if len(docs):
                found.append(Part(docs, None, weight, norm, title))
        else:
            # A field's terms one after another, as the plain sum concatenates them.
            for term in alt.terms:
                docs = stats.documents(fieldname, term)
                if len(docs):
                    found.append(Part(docs, None, weight, norm, title, partial(stats.frequencies, fieldname, term)))
        if deadline is not None:
            deadline.check()
    if alt.symbol:
        docs, _ = stats.postings("symbol", alt.symbol)
        if len(docs):
            found.append(Part(docs, None, 0.0, None, False))
    return found


def saturated(alt: Alternative, idf: float, sums: np.ndarray) -> np.ndarray:
    """BM25's saturation of sums (float64), weighted: the alternative's scores, float32."""
    return (alt.weight * idf * sums * (K1 + 1) / (K1 + sums)).astype(np.float32)


def idf_of(stats, df: int) -> float:
    return math.log(1 + (stats.count - df + 0.5) / (df + 0.5))


def every_document(
    stats, alt: Alternative, found: list[Part], docs: np.ndarray, scored: np.ndarray | None = None, keep: bool = True
):
    """Scores at docs (sorted), which of them hold the alternative in the headline, its best score over the
    scored documents (a mask; None: over docs), and its Best (None when not kept, or too few documents hold it to
    keep): the sums over every document."""
    concatenated = [part.docs for part in found]
    contributions = [part.contributions() for part in found]
    # Summed over every document (the document frequency counts them all), saturated where asked only.
    tfn = np.bincount(np.concatenate(concatenated), weights=np.concatenate(contributions), minlength=stats.size)
    df = int(np.count_nonzero(tfn))
    idf = idf_of(stats, df)
    scores = saturated(alt, idf, tfn[docs])
    top = float(scores.max()) if len(scores) else 0.0
    if scored is not None:
        top = _best_of(alt, idf, tfn, scored)
    best = _highest(tfn, df) if keep and df >= KEEP_FROM else None
    return scores, _in_title(stats, found, docs), top, best


def _best_of(alt: Alternative, idf: float, tfn: np.ndarray, scored: np.ndarray) -> float:
    """The highest saturated sum over the scored documents (a mask; 0 where none is scored), saturating only the
    sums next to the highest (or lowest, when the weight is below 0): the saturation rises with the sum, up to
    a rounding far below _MARGIN. A pass over the mask, not a binary search per scored document."""
    sums = tfn[scored]
    if not len(sums):
        return 0.0
    if alt.weight * idf > 0:
        edge = sums.max()
        near = sums[sums >= edge * (1 - _MARGIN)]
    elif alt.weight * idf < 0:
        edge = sums.min()
        near = sums[sums <= edge * (1 + _MARGIN)]
    else:
        near = sums[:1]
    return float(saturated(alt, idf, near).max())


def _highest(tfn: np.ndarray, df: int) -> Best:
    """The TOP_KEPT highest sums of tfn (df of them not 0), highest first. Every SAMPLE_STEP-th sum's
    TOP_KEPT-th highest is a floor at least TOP_KEPT sums reach, so only those are sorted: a partition of
    every sum costs 30 times more at 1,000,000 releases."""
    count = min(TOP_KEPT, df)
    sample = tfn[::SAMPLE_STEP]
    floor = np.partition(sample, len(sample) - count)[len(sample) - count] if len(sample) >= count else 0.0
    candidates = np.flatnonzero(tfn >= floor) if floor > 0 else np.flatnonzero(tfn)
    top = candidates[np.argsort(-tfn[candidates], kind="stable")[:count]]
    return Best(df, top.astype(np.int64), tfn[top], complete=count == df)


def _in_title(stats, found: list[Part], docs: np.ndarray) -> np.ndarray | None:
    titled = [part.docs for part in found if part.title]
    if not titled:
        return None
    title = np.zeros(stats.size, dtype=bool)
    title[np.concatenate(titled)] = True
    return title[docs]


def best_within(alt: Alternative, best: Best, idf: float, scored: np.ndarray) -> float | None:
    """The alternative's best score over the scored documents (a mask), or None when its kept sums cannot
    tell (none of them is scored, or the sums just below them may be as high). Right when it is above 0;
    below 0 (a word in more documents than are live: idf < 0) a clause's best counts as 0 anyway."""
    inside = scored[best.docs]
    if not inside.any():
        return None
    highest = best.sums[int(np.argmax(inside))]
    if not best.complete and best.sums[-1] >= highest * (1 - _MARGIN):
        return None
    return float(saturated(alt, idf, best.sums[inside]).max())


def at_documents(found: list[Part], docs: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """Sums at docs (sorted; mask: the same documents) and which of them hold the alternative in the headline:
    each part's postings among docs found by binary search (few docs) or by the mask, then added in the
    plain order."""
    sums = np.zeros(len(docs), dtype=np.float64)
    title = None
    for part in found:
        if len(docs) * 32 < len(part.docs):
            where = np.searchsorted(part.docs, docs)
            where[where == len(part.docs)] = 0
            hit = part.docs[where] == docs
            rows, at = where[hit], np.flatnonzero(hit)
        else:
            rows = np.flatnonzero(mask[part.docs])
            at = np.searchsorted(docs, part.docs[rows])
        if not len(rows):
            continue
        # A document appears once per part: a plain indexed addition is the bincount's addition.
        sums[at] += part.contributions(rows)
        if part.title:
            if title is None:
                title = np.zeros(len(docs), dtype=bool)
            title[at] = True
    if title is None and any(part.title for part in found):
        title = np.zeros(len(docs), dtype=bool)
    return sums, title


def worth_ranking_only(found: list[Part], ranked: int) -> bool:
    """Whether summing at the ranked documents only costs less than summing every posting."""
    return ranked * RANKED_SHARE < sum(len(part.docs) for part in found)
