"""Helpers for the build and lifecycle tests: synthetic release folders and index comparisons."""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Releases in the session's synthetic index (conftest.synthetic_index): over a thousand (counts print a thousands
# separator), over five chunks of a streamed export (webapp.feeds.STREAM_ROWS), more than an export's limit cuts
# (test_exports.LIMIT), more tickers than a facet lists; no more, since building costs about 5 CPU ms a release.
SYNTHETIC_RELEASES = 1_200


@functools.cache
def synth():
    """The seeded synthetic release generator in benchmarks/synth.py (loaded once a process: it is only read)."""
    spec = importlib.util.spec_from_file_location("release_synth", ROOT / "benchmarks" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Sequence:
    """One seed's releases, generated once a process and kept: a new generator costs about 0.25 CPU-s to start
    (its vocabulary), more than writing a few hundred releases, and the tests call write_releases hundreds of times.
    The first k releases of synth's generate(n) are generate(k)'s, so one generator serves every count."""

    def __init__(self, seed: int):
        self.texts: list[str] = []
        self.source: Iterator[tuple[str, str]] = synth().generate(1 << 62, seed=seed, shard=0)

    def first(self, count: int) -> list[str]:
        while len(self.texts) < count:
            self.texts.append(next(self.source)[1])
        return self.texts[:count]


@functools.cache
def _sequence(seed: int) -> _Sequence:
    return _Sequence(seed)


def synthetic_texts(count: int, seed: int = 7) -> list[str]:
    """The texts of synthetic releases 0..count-1 of one seeded sequence (write_releases' releases)."""
    return _sequence(seed).first(count)


def write_releases(folder: Path, count: int, seed: int = 7, start: int = 0) -> list[Path]:
    """Write synthetic releases start..count-1 of one seeded sequence into folder; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, text in enumerate(_sequence(seed).first(count)):
        if n < start:
            continue
        path = folder / f"r{n:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def build_with_deletions(folder: Path, count: int, seed: int, removed: slice) -> Path:
    """Index count synthetic releases from folder/in into folder/ix, then index again with the files in removed
    deleted (deleted documents in the index); return folder."""
    from indexer.build import build_index

    paths = write_releases(folder / "in", count, seed=seed)
    build_index([folder / "in"], folder / "ix")
    for path in paths[removed]:
        path.unlink()
    build_index([folder / "in"], folder / "ix")
    return folder


def search_summary(index, query: str, **options) -> dict:
    """What a search returns, in a form two indexes of the same releases must agree on."""
    page = index.search(query, per_page=20, **options)
    return {
        "total": page.total,
        # Ties (equal scores or dates) may come in either order: compare the set only when it is whole.
        "paths": sorted(h.path for h in page.hits) if page.total <= 20 else None,
        "dates": [h.date for h in page.hits] if options.get("sort") in ("newest", "oldest") else None,
        "facets": {name: [(v.value, v.count) for v in facet.values] for name, facet in page.facets.items()},
        "timeline": page.timeline,
    }


def build_within(seconds: float, *args, **kwargs):
    """build_index under an alarm: a build that blocks or hangs fails the test instead of hanging it. In this
    thread, so that the build forks its workers as a command-line build does (with a second thread running, it
    would spawn them: each a fresh interpreter importing everything, about 0.7 CPU-s a worker)."""
    import signal

    from indexer.build import build_index

    def expired(signum, frame):
        raise AssertionError("the build blocked")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)  # a forked worker does not inherit the timer
    try:
        return build_index(*args, **kwargs)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def indexed_paths(index: Path) -> list[str]:
    """Full paths of what was indexed: hits show paths inside the source folder (tmp_path/src), joined to it here."""
    from indexer import open_index

    src = index.parent / "src"
    with open_index(index) as opened:
        return sorted(str(src / hit.path) for hit in opened.search("", per_page=100, collapse=False).hits)


def drawn_searches(searcher, count: int, seed: int) -> list[dict]:
    """Searches drawn from a Whoosh searcher's releases: one word, two or three words (all and any), a phrase, a
    word in a year, a later page."""
    import random

    # Releases in id order: a parallel build numbers documents in the order its workers finish.
    releases = sorted((stored for _, stored in searcher.iter_docs()), key=lambda stored: stored["id"])
    rng = random.Random(seed)
    out: list[dict] = []
    while len(out) < count:
        stored = rng.choice(releases)
        text = stored.get("headline", "") + " " + stored.get("lede", "")
        words = [w.strip(".,;:()\"'").lower() for w in text.split()]
        words = [w for w in words if w.isalpha() and len(w) > 3]
        if len(words) < 4:
            continue
        year = str(stored["date"].year) if stored.get("date") else "2024"
        start = rng.randrange(len(words) - 2)
        out += [
            {"query": rng.choice(words)},
            {"query": " ".join(rng.sample(words, 2))},
            {"query": " ".join(rng.sample(words, 3)), "match": rng.choice(("all", "any"))},
            {"query": '"' + " ".join(words[start : start + 2]) + '"'},
            {"query": f"{rng.choice(words)} date:{year}"},
            {"query": " ".join(rng.sample(words, 2)), "page": 2, "per_page": 5},
        ]
    return out
