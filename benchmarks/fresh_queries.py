"""Latency of queries never seen before: distinct queries drawn from the indexed releases, each asked once.

A server mostly answers queries it has not answered yet, so this benchmark never repeats one within a run.
Queries are drawn reproducibly (``--seed``) from the releases themselves, in five kinds:

- ``headline``: two or three words of a release's headline;
- ``phrase``: two or three consecutive words of a release's text, quoted;
- ``one word``: one less common word of a release's text;
- ``broad``: one of the commonest words of the collection;
- ``year``: a headline word with a year filter (``date:2019``).

Each query runs once, after one unrelated warm-up search, through ``ReleaseIndex.search`` (exact total, 7
facets, timeline, one page of 10 hits with snippets; the cache of finished pages off), and, in the same run,
through two reference engines given the same releases and the same queries (every word required):
tantivy (count and top 10 with stored headlines) and SQLite FTS5 (count, top 10 by bm25 with snippets, a
year facet). Both references are benchmark-only dependencies: ``pip install tantivy`` (SQLite FTS5 ships with
Python); a missing one is reported and skipped.

    .venv/bin/python benchmarks/fresh_queries.py --corpus               # the shared corpus (24k)
    .venv/bin/python benchmarks/fresh_queries.py --synthetic 100000     # benchmarks/synth.py, seed 42
    .venv/bin/python benchmarks/fresh_queries.py INDEX --sources DIR... # any index and the files it holds

Up to SAMPLE_ABOVE releases every release is parsed once and kept in memory (cached in .cache/bench). Above it
(1M releases would need many GB), nothing is parsed again: the queries are drawn from a seeded sample of
SAMPLE_SIZE releases read back from the index's stored fields (headline, lede, body and year, as the build
parsed them), and the reference engines are fed every release of the index by streaming its stored fields.

Writes ``benchmarks/results/fresh-queries-<label>.md``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from indexer import build_index, open_index  # noqa: E402
from indexer.model import ReleaseSearchError  # noqa: E402
from indexer.parse import parse_paths  # noqa: E402

OUT = ROOT / "benchmarks" / "results"
CACHE = ROOT / ".cache" / "bench"
KINDS = ("headline", "phrase", "one word", "broad", "year")
WORD = re.compile(r"[A-Za-z][a-z]{2,}")
# Words too common to make a query of their own (kept out of headline and phrase edges too).
# Above this many releases the query draw reads a seeded sample of SAMPLE_SIZE releases from the index and the
# references stream the index's releases, instead of holding every parsed release in memory. The sample is as
# large as the 100k run's whole list, so that the draw's frequency rules pick the same kinds of words.
SAMPLE_ABOVE = 200_000
SAMPLE_SIZE = 100_000
STOP = set(
    "the and for with that this from are was were has have had will its our their his her they them you your "
    "not but all any can may more most other than then there these those such into over under about also "
    "been being which who whom what when where while would could should a an of on in to by as at or is it be "
    "inc corp ltd llc company".split()
)


@dataclass
class Doc:
    """The parts of a release the reference engines index."""

    headline: str
    text: str
    year: int | None


@dataclass
class Query:
    """One query of the mix: its kind, the text our engine reads, and the same words for the references."""

    kind: str
    text: str
    words: list[str]
    phrase: bool = False
    year: int | None = None


def load_docs(sources: list[str]) -> list[Doc]:
    """Every release under the sources, parsed as the index parsed them (kept in .cache/bench: parsing
    100,000 releases again for every run takes minutes)."""
    import hashlib
    import pickle

    key = hashlib.sha1("\n".join(sorted(str(Path(s).resolve()) for s in sources)).encode()).hexdigest()[:16]
    cached = CACHE / f"docs-{key}.pickle"
    if cached.exists():
        with cached.open("rb") as handle:
            return _DocUnpickler(handle).load()
    docs = _parse_docs(sources)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL))
    return docs


class _DocUnpickler(__import__("pickle").Unpickler):
    """Reads the cached releases whether this file ran as a script (__main__.Doc) or a module."""

    def find_class(self, module, name):
        return Doc if name == "Doc" else super().find_class(module, name)


def _parse_docs(sources: list[str]) -> list[Doc]:
    docs = []
    for item in parse_paths(sources):
        if isinstance(item, ReleaseSearchError):
            continue
        year = item.published.year if item.published else None
        docs.append(Doc(item.headline or "", " ".join([item.lede, item.body]).strip(), year))
    return docs


def _stored_readers(index_path: Path) -> list:
    """A Whoosh reader per segment of the index's live generation, in document order (the caller closes them)."""
    from whoosh.reading import SegmentReader

    from indexer.backends.whoosh.store import WhooshStore

    gen = WhooshStore(index_path).live()
    if gen is None:
        raise SystemExit(f"no index at {index_path}")
    return [SegmentReader(gen.storage, gen.schema, segment) for segment in gen.segments]


def _stored_doc(fields: dict) -> Doc:
    year = fields.get("year")
    text = " ".join([fields.get("lede") or "", fields.get("body") or ""]).strip()
    return Doc(fields.get("headline") or "", text, int(year) if year and str(year).isdigit() else None)


def index_releases(index_path: Path) -> Iterator[Doc]:
    """Every live release of an index, read back from its stored fields one at a time (no list in memory)."""
    readers = _stored_readers(index_path)
    try:
        for reader in readers:
            for fields in reader.all_stored_fields():
                yield _stored_doc(fields)
    finally:
        for reader in readers:
            reader.close()


def sample_releases(index_path: Path, size: int, seed: int) -> list[Doc]:
    """A seeded sample of about `size` live releases of an index (deleted ones drawn are left out)."""
    readers = _stored_readers(index_path)
    try:
        counts = [reader.doc_count_all() for reader in readers]
        numbers = sorted(random.Random(seed).sample(range(sum(counts)), min(size, sum(counts))))
        docs, base, position = [], 0, 0
        for reader, count in zip(readers, counts, strict=True):
            while position < len(numbers) and numbers[position] < base + count:
                number = numbers[position] - base
                if not reader.is_deleted(number):
                    docs.append(_stored_doc(reader.stored_fields(number)))
                position += 1
            base += count
    finally:
        for reader in readers:
            reader.close()
    random.Random(seed).shuffle(docs)  # the draw counts word frequencies over the first 20,000
    return docs


def index_size(index_path: Path) -> int:
    """Live releases in an index (its table of contents' count, nothing searched)."""
    from indexer.backends.whoosh.store import WhooshStore

    gen = WhooshStore(index_path).live()
    return gen.doc_count() if gen is not None else 0


def releases_for_queries(
    sources: list[str], index_path: Path, seed: int, sample: int | None = None
) -> tuple[list[Doc], Callable]:
    """The releases to draw queries from, and a function giving every release for the reference engines:
    all parsed releases in memory up to SAMPLE_ABOVE, a sample and a stream of the index's above it (or a
    sample of `sample` releases at any size: nothing parsed)."""
    if sample:
        return cached_sample(index_path, sample, seed), lambda: index_releases(index_path)
    if index_size(index_path) <= SAMPLE_ABOVE:
        docs = load_docs(sources)
        return docs, lambda: docs
    return cached_sample(index_path, SAMPLE_SIZE, seed), lambda: index_releases(index_path)


def cached_sample(index_path: Path, size: int, seed: int) -> list[Doc]:
    """sample_releases, kept in .cache/bench per generation of the index (reading 100,000 releases' stored
    fields takes minutes at 1M; a comparison runs the same draw several times)."""
    import hashlib
    import pickle

    from indexer.backends.whoosh.store import WhooshStore

    gen = WhooshStore(index_path).live()
    if gen is None:
        raise SystemExit(f"no index at {index_path}")
    key = hashlib.sha1(f"{os.path.realpath(gen.path)}|{gen.toc_generation}|{size}|{seed}".encode()).hexdigest()[:16]
    cached = CACHE / f"sample-{key}.pickle"
    if cached.exists():
        with cached.open("rb") as handle:
            return _DocUnpickler(handle).load()
    print(f"sampling {size:,} releases from the index (seed {seed}) ...", flush=True)
    docs = sample_releases(index_path, size, seed)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL))
    return docs


def draw_queries(docs: list[Doc], count: int, seed: int) -> list[Query]:
    """`count` distinct queries, an equal share of each kind, drawn from the releases with a seeded generator."""
    rng = random.Random(seed)
    frequency = _frequency(docs)
    common = [w for w, _ in frequency.most_common(400) if w not in STOP]
    rng.shuffle(common)
    queries: list[Query] = []
    seen: set[str] = set()

    def add(query: Query | None) -> None:
        if query and query.text.lower() not in seen:
            seen.add(query.text.lower())
            queries.append(query)

    share = max(1, count // len(KINDS))
    attempts = 0
    while len(queries) < share * len(KINDS) and attempts < count * 200:
        attempts += 1
        kind = KINDS[len(queries) // share]
        doc = rng.choice(docs)
        if kind == "broad" and not common:
            kind = "one word"  # a long stream outlasts the commonest words
        if kind == "broad":
            if common:
                word = common.pop()
                add(Query(kind, word, [word]))
            continue
        if kind in ("headline", "year"):
            words = [w.lower() for w in WORD.findall(doc.headline) if w.lower() not in STOP]
            if len(words) < 2:
                continue
            take = rng.sample(words, min(len(words), 1 if kind == "year" else rng.choice((2, 3))))
            if kind == "year":
                if not doc.year:
                    continue
                add(Query(kind, f"{take[0]} date:{doc.year}", take, year=doc.year))
            else:
                add(Query(kind, " ".join(take), take))
        elif kind == "phrase":
            tokens = WORD.findall(doc.text[:3000])
            if len(tokens) < 10:
                continue
            size = rng.choice((2, 3))
            start = rng.randrange(0, len(tokens) - size)
            words = [t.lower() for t in tokens[start : start + size]]
            if words[0] in STOP or words[-1] in STOP:
                continue
            add(Query(kind, '"' + " ".join(words) + '"', words, phrase=True))
        else:  # one word: present in the release, neither among the commonest nor seen once only
            words = [w.lower() for w in WORD.findall(doc.text[:3000])]
            words = [w for w in words if w not in STOP and 5 <= frequency[w] <= len(docs) // 20]
            if words:
                word = rng.choice(words)
                add(Query(kind, word, [word]))
    return queries


_FREQUENCIES: dict[int, tuple[list[Doc], Counter[str]]] = {}


def _frequency(docs: list[Doc]) -> Counter[str]:
    """In how many of the first 20,000 releases each word appears (counted once per list of releases)."""
    found = _FREQUENCIES.get(id(docs))
    if found is None or found[0] is not docs:
        frequency: Counter[str] = Counter()
        for doc in docs[:20000]:
            frequency.update({w.lower() for w in WORD.findall(doc.headline + " " + doc.text[:2000])})
        found = _FREQUENCIES[id(docs)] = (docs, frequency)
    return found[1]


def query_stream(docs: list[Doc], count: int, seed: int) -> list[Query]:
    """`count` distinct queries of the same mix for a long stream (the load benchmark): rounds of
    draw_queries with successive seeds, repeats left out."""
    stream: list[Query] = []
    seen: set[str] = set()
    round_seed = seed
    while len(stream) < count:
        fresh = 0
        for query in draw_queries(docs, min(1000, count), round_seed):
            if query.text.lower() not in seen:
                seen.add(query.text.lower())
                stream.append(query)
                fresh += 1
        if not fresh:
            break  # the releases hold no more distinct queries of this mix
        round_seed += 1
    random.Random(seed).shuffle(stream)
    return stream[:count]


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(share * len(ordered))) - 1))]


def run_ours(
    index_path: Path, queries: list[Query], cpu: dict | None = None, pages: Path | None = None
) -> dict[str, list[float]]:
    """Milliseconds per query through ReleaseIndex.search, the page cache off, one warm-up search first.

    cpu, when given, receives the same figures in CPU time of the searching thread (time.thread_time),
    which other processes on a loaded machine do not inflate. pages, when given: a file that receives each
    query's JSON page, one a line (written after the query's time is taken), to compare two versions' pages."""
    import json

    os.environ["RELEASES_RESULT_CACHE"] = "0"
    times: dict[str, list[float]] = {k: [] for k in KINDS}
    if cpu is not None:
        cpu.update({k: [] for k in KINDS})
    out = pages.open("w") if pages is not None else None
    with open_index(index_path) as index:
        try:
            index.search("zzzwarmup")
        except ReleaseSearchError:
            pass  # a loaded machine may stop it at the time limit; it only warms up
        for query in queries:
            started, started_cpu = time.perf_counter(), time.thread_time()
            try:
                page = index.search(query.text).to_json()
            except ReleaseSearchError as error:
                page = {"error": str(error)}
            spent = (time.thread_time() - started_cpu) * 1000
            times[query.kind].append((time.perf_counter() - started) * 1000)
            if cpu is not None:
                cpu[query.kind].append(spent)
            if out is not None:
                record = {"query": query.text, "kind": query.kind, "cpu_ms": round(spent, 2), "page": page}
                out.write(json.dumps(record, sort_keys=True) + "\n")
    if out is not None:
        out.close()
    return times


# Stages of a search timed by --profile: (module, owner, attribute, stage). Inclusive CPU times; a stage
# called inside another (stored fields inside snippets) is also counted in the outer one.
STAGES = (
    ("indexer.search", None, "parse_query", "parse"),
    ("indexer.backends.whoosh.backend", None, "plan_query", "plan"),
    ("indexer.backends.whoosh.backend", "WhooshBackend", "_match_mask", "match"),
    ("indexer.backends.whoosh.backend", "WhooshBackend", "_filter_masks", "filters"),
    ("indexer.backends.whoosh.facets", "FacetTable", "count", "facets"),
    ("indexer.backends.whoosh.facets", "FacetTable", "distinct", "total"),
    ("indexer.backends.whoosh.facets", "FacetTable", "timeline", "timeline"),
    ("indexer.backends.whoosh.rank", "Plan", "rank", "rank"),
    ("indexer.backends.whoosh.backend", None, "score", "rank (all words)"),  # the page's own call, not Plan.rank's
    ("indexer.backends.whoosh.facets", "FacetTable", "representatives", "collapse"),
    ("indexer.backends.whoosh.backend", "_Snapshot", "snippet", "snippets"),
    ("whoosh.reading", "SegmentReader", "stored_fields", "stored fields"),
    ("indexer.backends.whoosh.backend", None, "suggest_correction", "suggestion"),
)


def _instrument(spent: dict[str, float]) -> list[tuple]:
    """Wrap each stage's function to add its CPU time to spent[stage]; returns what to restore."""
    import functools
    import importlib

    undo = []
    for module_name, owner_name, attribute, stage in STAGES:
        module = importlib.import_module(module_name)
        owner = getattr(module, owner_name) if owner_name else module
        original = getattr(owner, attribute)

        def timed(*args, _original=original, _stage=stage, **kwargs):
            started = time.thread_time()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_stage] += time.thread_time() - started

        setattr(owner, attribute, functools.wraps(original)(timed))
        undo.append((owner, attribute, original))
    return undo


def profile_ours(index_path: Path, queries: list[Query], label: str, others: list[Query], top: int = 40) -> str:
    """CPU milliseconds per stage and kind (mean per query), the page's JSON included; then cProfile's
    costliest functions over other queries of the same mix on a newly opened index (the profiler would
    inflate the stages' times): where a fresh query's time goes."""
    import cProfile
    import io
    import json
    import pstats

    os.environ["RELEASES_RESULT_CACHE"] = "0"
    stages = [s[3] for s in STAGES] + ["json", "search (all)"]
    per_kind: dict[str, dict[str, float]] = {k: dict.fromkeys(stages, 0.0) for k in KINDS}
    counts: Counter[str] = Counter()
    spent = dict.fromkeys(stages, 0.0)
    undo = _instrument(spent)
    try:
        with open_index(index_path) as index:
            try:
                index.search("zzzwarmup")
            except ReleaseSearchError:
                pass  # a loaded machine may stop it at the time limit; it only warms up
            for query in queries:
                spent.update(dict.fromkeys(spent, 0.0))
                started = time.thread_time()
                try:
                    page = index.search(query.text)
                    spent["search (all)"] = time.thread_time() - started
                    before = time.thread_time()
                    json.dumps(page.to_json())
                    spent["json"] = time.thread_time() - before
                except ReleaseSearchError:
                    spent["search (all)"] = time.thread_time() - started
                counts[query.kind] += 1
                for stage, seconds in spent.items():
                    per_kind[query.kind][stage] += seconds
    finally:
        for owner, attribute, original in undo:
            setattr(owner, attribute, original)
    profiler = cProfile.Profile()
    with open_index(index_path) as index:
        try:
            index.search("zzzwarmup")
        except ReleaseSearchError:
            pass  # a loaded machine may stop it at the time limit; it only warms up
        for query in others:
            profiler.enable()
            try:
                json.dumps(index.search(query.text).to_json())
            except ReleaseSearchError:
                pass
            profiler.disable()
    lines = [
        f"Mean CPU ms per query (time.thread_time), by stage and kind: {label}. Stages are inclusive.",
        "",
        "| stage | " + " | ".join(KINDS) + " |",
        "|---|" + "---:|" * len(KINDS),
    ]
    for stage in stages:
        cells = [f"{1000 * per_kind[k][stage] / max(1, counts[k]):.2f}" for k in KINDS]
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    lines += ["", "cProfile, costliest functions by own time:", "", "```", out.getvalue().strip(), "```"]
    return "\n".join(lines) + "\n"


def run_tantivy(docs: Iterable[Doc], queries: list[Query]) -> dict[str, list[float]] | str:
    """tantivy 0.2x: count and top 10 with stored headlines, every word required."""
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return "not installed (pip install tantivy)"
    with tempfile.TemporaryDirectory(prefix="tantivy-") as folder:  # GBs at 1M releases: not left behind
        return _run_tantivy(docs, queries, folder)


def _run_tantivy(docs: Iterable[Doc], queries: list[Query], folder: str) -> dict[str, list[float]]:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("headline", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("text", stored=False, tokenizer_name="en_stem")
    builder.add_integer_field("year", indexed=True, fast=True)
    schema = builder.build()
    index = tantivy.Index(schema, path=folder)
    writer = index.writer(heap_size=256_000_000, num_threads=2)
    for doc in docs:
        writer.add_document(tantivy.Document(headline=doc.headline, text=doc.text, year=doc.year or 0))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    times: dict[str, list[float]] = {k: [] for k in KINDS}
    for query in queries:
        words = " ".join(query.words)
        text = f'"{words}"' if query.phrase else " ".join(f"+{w}" for w in query.words)
        if query.year:
            text += f" +year:{query.year}"
        started = time.perf_counter()
        try:
            parsed = index.parse_query(text, ["headline", "text"])
            result = searcher.search(parsed, 10, count=True)
            _ = result.count
            for _score, address in result.hits:
                searcher.doc(address)["headline"]
        except ValueError:
            pass
        times[query.kind].append((time.perf_counter() - started) * 1000)
    return times


def run_fts5(docs: Iterable[Doc], queries: list[Query]) -> dict[str, list[float]] | str:
    """SQLite FTS5 (porter stemmer): count, top 10 by bm25 with snippets, a year facet."""
    with tempfile.TemporaryDirectory(prefix="fts5-") as folder:
        db = sqlite3.connect(Path(folder) / "fts.db")
        try:
            return _run_fts5(db, docs, queries)
        finally:
            db.close()


def _run_fts5(db: sqlite3.Connection, docs: Iterable[Doc], queries: list[Query]) -> dict[str, list[float]] | str:
    try:
        db.execute("CREATE VIRTUAL TABLE r USING fts5(headline, text, year UNINDEXED, tokenize='porter unicode61')")
    except sqlite3.OperationalError as error:
        return f"unavailable ({error})"
    db.executemany("INSERT INTO r VALUES (?, ?, ?)", ((d.headline, d.text, d.year) for d in docs))
    db.commit()
    times: dict[str, list[float]] = {k: [] for k in KINDS}
    for query in queries:
        words = " ".join(query.words)
        match = f'"{words}"' if query.phrase else " AND ".join(f'"{w}"' for w in query.words)
        where, args = "r MATCH ?", [match]
        if query.year:
            where += " AND year = ?"
            args.append(query.year)
        started = time.perf_counter()
        db.execute(f"SELECT count(*) FROM r WHERE {where}", args).fetchone()
        db.execute(
            f"SELECT headline, snippet(r, 1, '<b>', '</b>', '...', 20) FROM r WHERE {where} ORDER BY bm25(r) LIMIT 10",
            args,
        ).fetchall()
        db.execute(f"SELECT year, count(*) FROM r WHERE {where} GROUP BY year", args).fetchall()
        times[query.kind].append((time.perf_counter() - started) * 1000)
    return times


def rows(name: str, times: dict[str, list[float]]) -> list[str]:
    """Table rows: all queries, then each kind."""
    every = [t for kind in KINDS for t in times[kind]]
    out = []
    for label, values in [(name, every)] + [(f"- {k}", times[k]) for k in KINDS]:
        if values:
            out.append(
                f"| {label} | {len(values)} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} "
                f"| {percentile(values, 0.99):.1f} | {max(values):.1f} |"
            )
    return out


def corpus_sources() -> list[str]:
    """The shared corpus's extracted folders (extracted on first use)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from known_items import corpus_folders  # the known-item benchmark extracts the same archives

    return [str(p) for p in corpus_folders(ROOT / ".cache" / "corpus")]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", nargs="?", type=Path)
    parser.add_argument("--sources", nargs="*", default=None, help="the files the index holds")
    parser.add_argument("--corpus", action="store_true", help="the shared corpus (index built if missing)")
    parser.add_argument("--synthetic", type=int, help="N synthetic releases of benchmarks/synth.py (seed 42)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--engines", default="ours,tantivy,fts5")
    parser.add_argument("--label")
    parser.add_argument("--profile", action="store_true", help="CPU time per stage and cProfile (ours only)")
    parser.add_argument("--sample", type=int, help="draw from a seeded sample of N releases of the index")
    parser.add_argument("--kinds", help="only these kinds of the draw, comma-separated (e.g. headline,phrase)")
    parser.add_argument("--pages", type=Path, help="write each query's JSON page to this file, one a line (ours)")
    args = parser.parse_args(argv)
    if args.corpus:
        sources, path, label = corpus_sources(), args.index or CACHE / "index-corpus", args.label or "corpus"
    elif args.synthetic:
        from build_bench import corpus

        sources = corpus(CACHE, args.synthetic)
        path, label = args.index or CACHE / f"index-ours-{args.synthetic}", args.label or f"synthetic-{args.synthetic}"
    elif args.index and args.sources:
        sources, path, label = args.sources, args.index, args.label or args.index.name
    else:
        parser.error("give --corpus, --synthetic N, or INDEX with --sources")
    if not (path / "CURRENT").exists():
        print(f"building {path} ...", flush=True)
        build_index(sources, path)
    print("reading the releases ...", flush=True)
    docs, every_release = releases_for_queries(sources, path, args.seed, args.sample)
    releases = index_size(path)
    queries = draw_queries(docs, args.queries, args.seed)
    if args.kinds:
        kinds = {kind.strip() for kind in args.kinds.split(",")}
        queries = [query for query in queries if query.kind in kinds]
    engines = args.engines.split(",")
    if args.profile:
        seen = {query.text for query in queries}
        others = [query for query in draw_queries(docs, args.queries, args.seed + 1) if query.text not in seen]
        if args.kinds:
            others = [query for query in others if query.kind in kinds]
        text = profile_ours(path, queries, label, others)
        print(text)
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / f"fresh-queries-{label}-profile.md").write_text(f"# Fresh queries, profiled: {label}\n\n" + text)
        return 0
    table = [
        f"{releases:,} releases, {len(queries)} distinct queries (seed {args.seed}), each asked once"
        + (f" (drawn from a seeded sample of {len(docs):,} of them)." if len(docs) < releases else "."),
        "",
        "| engine | queries | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    notes = []
    if "ours" in engines:
        print("release search ...", flush=True)
        cpu: dict[str, list[float]] = {}
        table += rows(
            "release search (total, 7 facets, timeline, 10 snippets)", run_ours(path, queries, cpu, args.pages)
        )
        cpu_rows = rows("release search, CPU time of the searching thread", cpu)
    for name, runner, title in (
        ("tantivy", run_tantivy, "tantivy (count, top 10)"),
        ("fts5", run_fts5, "SQLite FTS5 (count, top 10 with snippets, year facet)"),
    ):
        if name in engines:
            print(f"{name} ...", flush=True)
            started_cpu, started = time.process_time(), time.perf_counter()
            result = runner(every_release(), queries)
            notes.append(
                f"{name}: indexing and querying took {time.perf_counter() - started:.0f} s wall, "
                f"{time.process_time() - started_cpu:.0f} s CPU of this process."
            )
            if isinstance(result, str):
                notes.append(f"{title}: {result}")
            else:
                table += rows(title, result)
    if "ours" in engines:
        table += ["", "The same run in CPU time (what a loaded machine does not inflate):", ""]
        table += table[2:4] + cpu_rows
    table.append("")
    table.append(
        f"Measured {time.strftime('%Y-%m-%d %H:%M')}; load average at the end "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}. " + " ".join(notes)
    )
    text = "\n".join(table) + "\n"
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"fresh-queries-{label}.md").write_text(f"# Fresh queries: {label}\n\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
