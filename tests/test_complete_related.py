"""Autocomplete through a per-snapshot word list, and related releases kept per snapshot: same answers as
a pass over every value, and nothing a caller changes leaks into the next answer."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from indexer import build_index, open_index

CORPUS = Path(__file__).resolve().parent.parent / ".cache" / "corpus" / "nasdaq100-2019"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _brute_force(index, prefix, limit=8):
    """What complete() must return: every ticker or company with a word starting with prefix."""
    snap = index.backend.snapshot()
    key = prefix.strip().casefold()
    found = []
    for name in ("ticker", "company"):
        column = snap.table.columns[name]
        counts = column.count(snap.live)
        for i, value in enumerate(column.values):
            words = [value.casefold()] + [w.casefold() for w in re.split(r"[\s:]+", value)]
            if counts[i] and any(w.startswith(key) for w in words):
                found.append({"kind": name, "value": value, "count": int(counts[i])})
    found.sort(key=lambda d: (-d["count"], d["value"]))
    return found[:limit]


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    """Seeds plus some real releases, so there are many tickers and companies to complete (built once: only read)."""
    root = tmp_path_factory.mktemp("small_corpus")
    source = root / "src"
    shutil.copytree(SEEDS, source / "seeds")
    if CORPUS.is_dir():
        for path in sorted(CORPUS.rglob("*"))[:150]:
            if path.is_file():
                shutil.copy(path, source / path.name)
    build_index([source], root / "index")
    return root / "index"


@pytest.fixture
def small_corpus_index(small_corpus):
    """The small corpus index, opened afresh for each test."""
    with open_index(small_corpus) as index:
        yield index


@pytest.mark.parametrize("prefix", ["i", "IMG", "immuno", "nasdaq", "nasdaq:", "inc", "a", "zzz", " Imm "])
def test_complete_finds_what_a_pass_over_every_value_finds(small_corpus_index, prefix):
    found = small_corpus_index.complete(prefix)
    # An issuer's entry also carries its id and label ("Apple Inc. · NASDAQ:AAPL"): compared apart, in test_issuers.
    assert [{k: e[k] for k in ("kind", "value", "count")} for e in found] == _brute_force(small_corpus_index, prefix)


def test_complete_answers_are_not_shared(index):
    first = index.complete("imm")
    assert first, "the seeds carry ImmunoGen"
    first[0]["count"] = -1
    assert index.complete("imm")[0]["count"] > 0


def test_related_is_kept_per_snapshot_and_copied(seeds_index):
    with open_index(seeds_index) as index:
        release_id = index.search("").hits[0].id
        first = index.related(release_id)
        again = index.related(release_id)
        assert [h.id for h in again] == [h.id for h in first]
        if again:
            again[0].tickers.append("CHANGED")
            assert "CHANGED" not in index.related(release_id)[0].tickers
        build_index([SEEDS], seeds_index, rebuild=True)
        # A rebuilt index is a new snapshot with its own, empty cache.
        assert [h.id for h in index.related(release_id)] == [h.id for h in first]
