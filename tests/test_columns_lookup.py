"""Finding a term in a segment's columnar postings (columns._Field.find): every term at its number, every
other string absent, whatever the terms look like (prefixes of each other, inside each other, across the
boundary of two neighbours, a term of megabytes beside short ones) and wherever they fall among the lookup table's
marks, whether a run of terms is scanned or binary-searched."""

from __future__ import annotations

import random

import numpy as np
import pytest
from whoosh.filedb.filestore import RamStorage

from indexer.backends.whoosh import columns as columns_module
from indexer.backends.whoosh.columns import ColumnsWriter, SegmentColumns, _pack


class _Segment:
    def make_filename(self, ext: str) -> str:
        return f"seg{ext}"


def _columns(fields: dict[str, list[bytes]]) -> SegmentColumns:
    """A columnar file holding the given terms per field (term i with i + 1 postings), read back."""
    storage = RamStorage()
    out = ColumnsWriter(storage, _Segment())
    for name, terms in fields.items():
        per_term = np.arange(1, len(terms) + 1, dtype=np.int64)
        docs = np.concatenate([np.arange(n) for n in per_term]) if terms else np.zeros(0, np.int64)
        out.add_field(name, _pack(sorted(terms), per_term, docs, np.ones(len(docs), np.float32)))
    out.finish()
    with storage.open_file("seg.columns") as handle:
        return SegmentColumns(handle.read())


def _vocabularies() -> dict[str, list[bytes]]:
    rng = random.Random(7)
    letters = "ab"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 7))) for _ in range(400)}
    english = {
        "corporate", "corporation", "corporations", "corp", "cor", "form", "formal", "format", "inform",
        "information", "a", "an", "and", "zz", "zzz", "q3", "2019", "\u00e9t\u00e9", "na\u00efve",
    }  # fmt: skip
    return {
        "ab": sorted(w.encode() for w in words),  # every probe occurs many times inside other terms
        "english": sorted(w.encode() for w in english),
        "one": [b"only"],
        "empty": [],
        # A hostile file's text without a space: one term of megabytes, and terms it starts with or sorts beside.
        "long": sorted({b"m" * 2_000_000, b"m" * 1_999_999 + b"n", b"m" * 3, b"m", b"ma", b"mn", b"l", b"n"}),
    }


def _probes(terms: list[bytes]) -> set[bytes]:
    near = set(terms)
    for term in terms:
        near |= {term[:-1], term + b"a", term + b"\xff", term[1:], b"\0" + term, term[:1]}
    near |= {a + b for a, b in zip(terms, terms[1:], strict=False)}  # two neighbours end to end
    near |= {b"", b"\xff\xff", b"0", b"m"}
    return near


@pytest.mark.parametrize("long_run", [0, columns_module.LONG_RUN])  # every run binary-searched; long ones only
@pytest.mark.parametrize("mark_every", [1, 4, 64])
@pytest.mark.parametrize("fieldname", ["ab", "english", "one", "empty", "long"])
def test_every_term_is_found_at_its_number_and_nothing_else_is(fieldname, mark_every, long_run, monkeypatch):
    monkeypatch.setattr(columns_module, "MARK_EVERY", mark_every)
    monkeypatch.setattr(columns_module, "LONG_RUN", long_run)
    vocabulary = _vocabularies()
    columns = _columns(vocabulary)
    terms = vocabulary[fieldname]
    field = columns.fields[fieldname]
    for probe in sorted(_probes(terms)):
        expected = terms.index(probe) if probe in terms else -1
        assert field.find(probe) == expected, probe
        assert columns.doc_frequency(fieldname, probe) == expected + 1, probe  # term i has i + 1 postings
    assert columns.doc_frequency("no such field", b"a") == 0


def test_the_ab_vocabulary_needs_more_than_a_few_probes():
    """The probe limit is exercised: some term occurs inside more of its run's terms than the limit."""
    terms = _vocabularies()["ab"]
    run = b"".join(terms[: columns_module.MARK_EVERY])
    assert any(run.count(t) > columns_module._MAX_PROBES for t in terms[: columns_module.MARK_EVERY])


def test_a_lookup_beside_a_term_of_megabytes_reads_no_more_than_a_few_of_its_bytes(monkeypatch):
    """Looking up short words in a run that holds a huge term does not copy the run or the term."""
    field = _columns(_vocabularies()).fields["long"]
    field.find(b"m")  # the marks (each mark's whole term) are read once, on the first lookup
    read: list[int] = []

    class Counted(bytes):
        def __getitem__(self, key):
            found = bytes.__getitem__(self, key)
            read.append(len(found) if isinstance(key, slice) else 1)
            return found

    monkeypatch.setattr(field, "buffer", Counted(field.buffer))
    for probe in (b"m", b"ma", b"mmm", b"mmmm", b"mz", b"lz", b"o"):
        field.find(probe)
    assert read and sum(read) < 1_000  # short words read short slices: no lookup copied the run
