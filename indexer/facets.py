"""Facet counting over whole result sets, with multi-select semantics.

Each facet's (document, value) pairs are loaded once per searcher into numpy arrays, so counting a
result set of 100,000 releases is one vectorised pass instead of loading stored fields.
Several values of one facet combine with OR, different facets with AND, and a facet's counts ignore
its own selection so its other values stay visible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .model import Facet, FacetValue
from .schema import FACETS_BY_NAME, FacetSpec

# Days since 1970-01-01 for releases without a date: sorts last in "newest", first in "oldest".
NO_DATE = np.iinfo(np.int64).min


@dataclass
class FacetColumn:
    """One facet's values and the (document, value) pairs that carry them."""

    spec: FacetSpec
    values: list[str]
    docs: np.ndarray  # document numbers, one per pair
    value_ids: np.ndarray  # index into values, one per pair

    def count(self, mask: np.ndarray) -> np.ndarray:
        """How many documents in mask carry each value."""
        if not len(self.docs):
            return np.zeros(0, dtype=np.int64)
        return np.bincount(self.value_ids[mask[self.docs]], minlength=len(self.values))

    def select(self, wanted: Iterable[str], size: int) -> np.ndarray:
        """A mask of documents carrying any of the wanted values (case-insensitive)."""
        wanted_keys = {w.casefold() for w in wanted}
        ids = [i for i, v in enumerate(self.values) if v.casefold() in wanted_keys]
        # "IMGN" selects "NASDAQ:IMGN" on any exchange.
        if self.spec.name == "ticker":
            ids += [i for i, v in enumerate(self.values) if v.split(":", 1)[-1].casefold() in wanted_keys]
        mask = np.zeros(size, dtype=bool)
        if ids:
            hit = np.isin(self.value_ids, np.array(sorted(set(ids))))
            mask[self.docs[hit]] = True
        return mask


class FacetTable:
    """Every facet column of one index snapshot, plus per-document dates and duplicate groups."""

    def __init__(self, size: int, columns: dict[str, FacetColumn], dates: np.ndarray, dupkeys: np.ndarray):
        self.size = size
        self.columns = columns
        self.dates = dates  # seconds since the epoch (UTC), NO_DATE when unknown
        self.dupkeys = dupkeys  # duplicate group id per document, -1 when none

    @classmethod
    def load(cls, reader, live: np.ndarray) -> FacetTable:
        """Read facet postings, dates and duplicate keys from a Whoosh reader."""
        size = reader.doc_count_all()
        columns = {}
        for name, spec in FACETS_BY_NAME.items():
            values, docs, ids = _postings(reader, spec.field)
            columns[name] = FacetColumn(spec, values, docs, ids)
        dates = np.full(size, NO_DATE, dtype=np.int64)
        if reader.has_column("date"):
            col = reader.column_reader("date")
            for docnum in np.flatnonzero(live):
                value = col[int(docnum)]
                if value:
                    dates[docnum] = int(value.timestamp()) if hasattr(value, "timestamp") else NO_DATE
        dupkeys = np.full(size, -1, dtype=np.int64)
        _, dup_docs, dup_ids = _postings(reader, "dupkey")
        dupkeys[dup_docs] = dup_ids
        return cls(size, columns, dates, dupkeys)

    def count(self, name: str, mask: np.ndarray, selected: Iterable[str] = (), limit: int = 10) -> Facet:
        """The top values of a facet within mask; selected values are always listed."""
        column = self.columns[name]
        counts = column.count(mask)
        selected_keys = {s.casefold() for s in selected}
        order = np.argsort(-counts, kind="stable")
        shown: list[FacetValue] = []
        for i in order[:limit]:
            if counts[i] == 0:
                break
            value = column.values[i]
            shown.append(FacetValue(value, int(counts[i]), value.casefold() in selected_keys))
        listed = {v.value.casefold() for v in shown}
        for i, value in enumerate(column.values):
            if value.casefold() in selected_keys and value.casefold() not in listed:
                shown.append(FacetValue(value, int(counts[i]), True))
        if name in ("year", "month"):
            shown.sort(key=lambda v: v.value, reverse=True)
        return Facet(name, shown)

    def timeline(self, mask: np.ndarray) -> list[dict]:
        """Matching releases per month (or per year when they span more than three years)."""
        months = self.count("month", mask, limit=100000).values
        if len(months) > 36:
            years = self.count("year", mask, limit=100000).values
            return sorted(({"period": v.value, "count": v.count} for v in years), key=lambda d: d["period"])
        return sorted(({"period": v.value, "count": v.count} for v in months), key=lambda d: d["period"])


def _postings(reader, fieldname: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """All (document, value) pairs of an ID or KEYWORD field, deleted documents excluded."""
    values: list[str] = []
    docs: list[np.ndarray] = []
    ids: list[np.ndarray] = []
    if fieldname not in reader.schema.names():
        return values, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    for term in reader.lexicon(fieldname):
        text = term.decode("utf-8") if isinstance(term, bytes) else term
        found = np.fromiter(reader.postings(fieldname, term).all_ids(), dtype=np.int64)
        if not len(found):
            continue
        values.append(text)
        docs.append(found)
        ids.append(np.full(len(found), len(values) - 1, dtype=np.int64))
    if not docs:
        return values, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return values, np.concatenate(docs), np.concatenate(ids)
