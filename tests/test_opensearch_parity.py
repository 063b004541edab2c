"""Parity: the same searches on Whoosh and on OpenSearch, over the seeds and a sample of the shared corpus.

Totals, every facet's counts, the timeline and "did you mean" must agree exactly. Pages sorted by date
must list the same dates. Ranked pages are compared by how many of the top ten agree: OpenSearch
reproduces whoosh_rank's section weights (per-field BM25 with k1 / weight and a boost cancelling
Lucene's k1 + 1 factor), its coverage and headline bonuses, but Lucene's BM25 per field cannot saturate
a word's frequencies over all sections at once, and equal scores are ordered differently (Whoosh:
newest, then index order; OpenSearch: newest, then id). Related releases are compared the same way.

Everything is compared on one shard over the seeds and the whole corpus sample (what the backends compute); totals,
facets, the timeline, suggestions, releases and completions again on two shards over the seeds and a small part of
the sample (SMALL_SAMPLE: what shards sum). Searches served by replica copies are test_opensearch_nodes.py's (a
node lost, its shards' other copies answer). Scores with two shards' statistics equal one shard's exactly
(test_opensearch_shards.py), so ranking is compared on one.

Needs a cluster (see tests/opensearch_cluster.py); the corpus part needs ../shared/corpus.
"""

from __future__ import annotations

import pickle
from contextlib import contextmanager
from pathlib import Path

import pytest
from opensearch_cluster import (
    REPLICAS,
    ROOT,
    SHARDS,
    TWO_SHARDS,
    URL,
    corpus_sample,
    drop,
    filled_shards,
    index_name,
)

from indexer import build_index, documents, open_index
from indexer.model import ParseError
from indexer.schema import FACETS

ALL_FACETS = tuple(f.name for f in FACETS)
QUERIES = [
    "",
    "acquisition",
    "conference call",
    '"conference call"',
    "merger OR acquisition",
    "merger AND biotech",
    "acquires NOT lawsuit",
    "-lawsuit announces",
    "immuno*",
    "acqui*",
    "immu?ogen",
    "immunogen~",
    "aquisition",
    "ticker:IMGN",
    "exchange:nasdaq",
    "type:earnings",
    "headline:results",
    "body:revenue",
    "company:apple",
    "wire:globenewswire",
    "date:2019",
    "date:[2019-01-01 TO 2019-06-30]",
    "operating income",
    "planning",
    '"bank of america"',
    '"first quarter"~3',
    "+the merger",
    "merger -the",
    "NOT the",
    "Q3 results",
    "AAPL",
    "T-Mobile",
    "U.S.",
    "société",
    "quarterly dividend",
    "(merger OR acquisition) AND date:2019",
    "NOT date:2019",
    "revenue growth guidance",
    "covid-19 vaccine",
    "clinical trial results",
    "share repurchase program",
    "bitcoin mining",
    "nasdq",
    "\u201cconference call\u201d",
    '"net income" NEAR/5 decline',
    "dividend NEAR/3 quarterly",
    "reverse stock split",
    "record revenue quarter",
    "Walgreens dividend",
    '"earnings"',
    "earnings",
    '"results" conference',
]
OPTIONS = [
    {},
    {"filters": {"year": ["2019"]}},
    {"filters": {"wire": ["Business Wire", "PR Newswire"], "year": ["2019", "2025"]}},
    {"filters": {"ticker": ["AAPL"]}},
    {"date_from": "2019-03-01", "date_to": "2025-06-30"},
    {"collapse": False},
    {"sort": "newest"},
    {"sort": "oldest"},
    {"match": "any"},
]
# Ranked pages: the share of Whoosh's top ten that OpenSearch's top ten holds, on average over the
# queries, and the share of queries whose first results are each within the other's top three.
MIN_MEAN_OVERLAP = 0.8
MIN_TOP_AGREEMENT = 0.8
MIN_RANKED_QUERIES = 30
MIN_RELATED_OVERLAP = 0.7
# The two-shard pass reads the seeds and these archives of the corpus sample (160 of its 485 files), and compares
# these queries' totals, facets, timeline and suggestions (each plain, the first eight also with an option): what
# shards sum (words, phrases, some-words listings, copies, misspellings, fields, dates). A search costs the nodes
# about the same on a small index as on the sample (its shards' fixed work), so the pass asks few.
SMALL_SAMPLE = ("nasdaq100-2019", "wirefeed-newsml")
TWO_SHARD_QUERIES = [
    "",
    "acquisition",
    '"conference call"',
    "merger OR acquisition",
    "acquires NOT lawsuit",
    "acqui*",
    "immunogen~",
    "revenue growth guidance",
    "aquisition",
    "nasdq",
    "company:apple",
    "date:2019",
    "quarterly dividend",
    "NOT date:2019",
]


class ParsedOnce:
    """parse_source that parses each file once and hands every later caller a copy of the same releases: every
    build of the module indexes what one parse made (parsing is shared code, not what parity compares)."""

    def __init__(self, parse):
        self.parse, self.parsed = parse, {}

    def __call__(self, source):
        key = (source.path, source.data)
        if key not in self.parsed:
            try:
                self.parsed[key] = pickle.dumps(self.parse(source))
            except ParseError as exc:
                self.parsed[key] = exc
        found = self.parsed[key]
        if isinstance(found, ParseError):
            raise found
        releases = pickle.loads(found)  # a copy: the builds resolve issuers on the releases in place
        for release in releases:  # known by its path inside this build's source folder, as parse_source does
            release.source = source.relative(release.path)
        return releases


@pytest.fixture(scope="module")
def parsed():
    """One parse of each file for every build of the module (both layouts, both backends)."""
    return ParsedOnce(documents.parse_source)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path | None:
    """The corpus sample (None without ../shared/corpus)."""
    return corpus_sample(tmp_path_factory.mktemp("parity-corpus") / "corpus")


@contextmanager
def _built(cluster, work: Path, parsed, sources: list[Path], shards: int, replicas: int):
    """Both backends' indexes of sources, open: (whoosh index, opensearch index); the OpenSearch one dropped after."""
    from indexer.backends.opensearch.build import build_index as build_opensearch

    alias = index_name("parity")
    # Both builds parse in this process (procs=1), so every build after the first reads the first's parse.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(documents, "parse_source", parsed)
        build_index(sources, work / "whoosh", procs=1)
        build_opensearch([str(s) for s in sources], alias, url=URL, shards=shards, replicas=replicas, procs=1)
    assert 0 not in filled_shards(cluster, alias)
    try:
        with open_index(work / "whoosh") as whoosh, open_index(alias, backend="opensearch", url=URL) as opensearch:
            yield whoosh, opensearch
    finally:
        drop(cluster, alias)


@pytest.fixture(scope="module")
def whole_sample(cluster, tmp_path_factory, parsed, sample):
    """The seeds and the whole corpus sample indexed by both backends, OpenSearch on one shard: (whoosh index,
    opensearch index, corpus sampled?)."""
    sources = [ROOT / "seeds"] + ([sample] if sample is not None else [])
    with _built(cluster, tmp_path_factory.mktemp("parity"), parsed, sources, SHARDS, REPLICAS) as (whoosh, opensearch):
        yield whoosh, opensearch, sample is not None


@pytest.fixture(scope="module")
def small_sample(cluster, tmp_path_factory, parsed, sample):
    """The seeds and SMALL_SAMPLE indexed by both backends, OpenSearch on two shards (releases on both, checked),
    no replica: (whoosh index, opensearch index, corpus sampled?)."""
    sources = [ROOT / "seeds"] + [sample / n for n in SMALL_SAMPLE if sample is not None and (sample / n).is_dir()]
    work = tmp_path_factory.mktemp("parity-shards")
    with _built(cluster, work, parsed, sources, TWO_SHARDS, REPLICAS) as (whoosh, opensearch):
        yield whoosh, opensearch, sample is not None


@pytest.fixture(scope="module", params=["one shard", "two shards"])
def backends(request):
    """Each layout's indexes in turn: the whole sample on one shard, then the small one on two."""
    return request.getfixturevalue("whole_sample" if request.param == "one shard" else "small_sample")


def _differences(whoosh_page, os_page) -> list[str]:
    found = []
    if whoosh_page.total != os_page.total:
        found.append(f"total {whoosh_page.total} != {os_page.total}")
    if (whoosh_page.partial_total, whoosh_page.undated) != (os_page.partial_total, os_page.undated):
        found.append(
            f"partial_total, undated {whoosh_page.partial_total, whoosh_page.undated} != "
            f"{os_page.partial_total, os_page.undated}"
        )
    w_missing = {h.id: h.missing for h in whoosh_page.hits if h.missing}
    o_missing = {h.id: h.missing for h in os_page.hits if h.missing}
    if any(o_missing.get(i, m) != m for i, m in w_missing.items()):
        found.append("missing words of the some-words hits")
    for name in ALL_FACETS:
        w = {v.value: (v.count, v.selected) for v in whoosh_page.facets[name].values}
        o = {v.value: (v.count, v.selected) for v in os_page.facets[name].values}
        if w != o:
            found.append(f"facet {name}: {sorted(set(w.items()) ^ set(o.items()))[:6]}")
    if whoosh_page.timeline != os_page.timeline:
        found.append("timeline")
    if whoosh_page.suggestion != os_page.suggestion:
        found.append(f"suggestion {whoosh_page.suggestion!r} != {os_page.suggestion!r}")
    if whoosh_page.sort in ("newest", "oldest") or not whoosh_page.query:
        # Sorted by date: the same dates in the same order (releases of one day may swap).
        if [h.date for h in whoosh_page.hits] != [h.date for h in os_page.hits]:
            found.append("dates of the hits")
    return found


def test_same_totals_facets_timeline_and_suggestions(backends, request):
    whoosh, opensearch, _ = backends
    if request.node.callspec.params["backends"] == "one shard":
        # Each query plain and with two other options, in turn, so every option meets many queries.
        asked = [
            (o, t) for i, t in enumerate(QUERIES) for o in (OPTIONS[0], OPTIONS[1 + i % 8], OPTIONS[1 + (i + 3) % 8])
        ]
    else:
        asked = [(OPTIONS[0], t) for t in TWO_SHARD_QUERIES] + list(zip(OPTIONS[1:], TWO_SHARD_QUERIES, strict=False))
    problems = []
    for options, text in asked:
        search = {"facets": ALL_FACETS, "facet_limit": 1000, **options}
        found = _differences(whoosh.search(text, **search), opensearch.search(text, **search))
        if found:
            problems.append(f"{text!r} {options}: {'; '.join(found)}")
    assert not problems, "\n".join(problems)


def test_default_facet_lists_agree(backends):
    whoosh, opensearch, _ = backends
    for text in ("", "acquisition", "conference call"):
        w, o = whoosh.search(text), opensearch.search(text)
        for name, facet in w.facets.items():
            # Top values by count; values tied at the cut may differ, their counts may not.
            w_counts = sorted((v.count for v in facet.values), reverse=True)
            o_counts = sorted((v.count for v in o.facets[name].values), reverse=True)
            assert w_counts == o_counts, (text, name)


def test_same_releases_and_copies(backends):
    whoosh, opensearch, _ = backends
    for hit in whoosh.search("", per_page=30).hits:
        assert opensearch.get(hit.id) == whoosh.get(hit.id)
    assert opensearch.complete("app") == whoosh.complete("app")
    w_stats, o_stats = whoosh.stats(), opensearch.stats()
    assert (w_stats["releases"], w_stats["documents"], w_stats["first_date"], w_stats["last_date"]) == (
        o_stats["releases"],
        o_stats["documents"],
        o_stats["first_date"],
        o_stats["last_date"],
    )
    assert w_stats["top"] == o_stats["top"] or all(
        [v["count"] for v in w_stats["top"][k]] == [v["count"] for v in o_stats["top"][k]] for k in w_stats["top"]
    )


def test_top_results_agree(whole_sample):
    # On one shard: scores with two shards' statistics equal one shard's (test_opensearch_shards.py).
    whoosh, opensearch, with_corpus = whole_sample
    if not with_corpus:
        pytest.skip("ranking is compared on the corpus sample: needs ../shared/corpus")
    overlaps, agreeing, lines = [], 0, []
    ranked = [t for t in QUERIES if t and not t.startswith(("NOT", "date:", "ticker:", "exchange:", "type:"))]
    for text in ranked:
        w = [h.id for h in whoosh.search(text, facets=()).hits]  # the ranked hits alone
        o = [h.id for h in opensearch.search(text, facets=()).hits]
        if not w:
            continue
        overlap = len(set(w) & set(o)) / len(w)
        agree = bool(o) and o[0] in w[:3] and w[0] in o[:3]
        overlaps.append(overlap)
        agreeing += agree
        lines.append(f"{text!r}: top-10 overlap {overlap:.0%}, first results agree: {agree}")
    assert len(overlaps) >= MIN_RANKED_QUERIES, f"only {len(overlaps)} ranked queries found anything"
    mean = sum(overlaps) / len(overlaps)
    report = "\n".join(lines)
    assert mean >= MIN_MEAN_OVERLAP, f"mean overlap {mean:.2f}\n{report}"
    assert agreeing / len(overlaps) >= MIN_TOP_AGREEMENT, f"{agreeing}/{len(overlaps)} agree\n{report}"


def test_related_releases_agree(whole_sample):
    # On one shard, as the top results (related releases on two shards: test_opensearch_shards.py).
    whoosh, opensearch, with_corpus = whole_sample
    if not with_corpus:
        pytest.skip("related releases are compared on the corpus sample: needs ../shared/corpus")
    overlaps = []
    for hit in whoosh.search("", per_page=40).hits[::2]:
        w = [h.id for h in whoosh.related(hit.id)]
        o = [h.id for h in opensearch.related(hit.id)]
        if w:
            overlaps.append(len(set(w) & set(o)) / len(w))
    assert overlaps and sum(overlaps) / len(overlaps) >= MIN_RELATED_OVERLAP, overlaps
