"""The segment writer's bulk steps (stable argsort, repeated texts) give what the plain numpy/Whoosh steps give."""

from __future__ import annotations

import numpy as np
import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader

from indexer.backends.whoosh.blocks import _stable_argsort
from indexer.backends.whoosh.writer import SegmentBuilder
from indexer.schema import build_schema


@pytest.mark.parametrize("top", [1, 3, 60_000, 70_000, 5_000_000, 2**40, 2**50])
def test_stable_argsort_orders_as_numpy_stable_sort(top):
    keys = np.random.default_rng(top).integers(0, top, 50_000)
    assert np.array_equal(_stable_argsort(keys), np.argsort(keys, kind="stable"))


def test_stable_argsort_of_nothing_is_empty():
    assert len(_stable_argsort(np.zeros(0, dtype=np.int64))) == 0


def test_repeated_and_new_texts_index_alike(tmp_path):
    """A text met again (its analysis remembered) and chunks met for the first time mid-text give the
    postings a fresh analysis gives."""
    body = "Acme & Sons’ SiriusXM deal — the deal closed. New-words: zyxq, qwzz; AT&T U.S.-based."
    docs = [{"id": f"d{n}", "path": f"p{n}", "body": body} for n in range(3)] + [
        {"id": "d3", "path": "p3", "body": body + " zyxq"}
    ]
    storage = FileStorage(str(tmp_path))
    builder = SegmentBuilder(storage, "MAIN", build_schema())
    for doc in docs:
        builder.add_document(doc)
    reader = SegmentReader(storage, build_schema(), builder.finish())
    postings = {}
    for (fieldname, text), _ in reader._terms.items():
        if fieldname != "body":
            continue
        matcher = reader._terms.matcher(fieldname, text, reader.schema[fieldname].format)
        while matcher.is_active():
            postings.setdefault(matcher.id(), {})[text] = matcher.value_as("positions")
            matcher.next()
    assert postings[0] == postings[1] == postings[2]
    last = dict(postings[3])
    end = max(max(p) for p in postings[0].values()) + 1
    # The word added at the end, as its stem and as its own form (the same position).
    for added in (b"zyxq", b"=zyxq"):
        assert last.pop(added) == [*postings[0][added], end]
    assert last == {term: p for term, p in postings[0].items() if term not in (b"zyxq", b"=zyxq")}
    assert b"=sirius" in postings[0] and b"deal" in postings[0]  # a compound's part, in its own form
