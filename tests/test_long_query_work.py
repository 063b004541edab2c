"""A long query of made-up or misspelt words counts as cheap (one unit a word), so what it costs must stay
bounded: "did you mean" looks up at most MAX_CORRECTED_WORDS words, a page that finds nothing leaves words out one
at a time only for queries of at most MAX_RELAXED_WORDS parts, and a word's written form, once found, is kept per
searcher. (Before, a 64-word query of misspellings took 1-4 s of a server's CPU for one page.)"""

from __future__ import annotations

import pytest

from indexer import build_index, open_index, relevance
from indexer.backends.lru import LRU
from indexer.relax import MAX_RELAXED_WORDS, relaxations
from indexer.search import SearchRequest

MADE_UP = [f"zq{chr(97 + i % 26)}{chr(97 + i // 26)}x" for i in range(60)]


class _Stats:
    """Statistics where no word is known: every word is looked up for spellings."""

    def __init__(self):
        self.variants = LRU(1000)

    def doc_frequency(self, fields, term):
        return 0


@pytest.mark.parametrize("words", [3, relevance.MAX_CORRECTED_WORDS, 40])
def test_did_you_mean_looks_up_a_bounded_number_of_words(monkeypatch, words):
    looked_up: list[str] = []

    def variants(stats, word, fieldnames=("headline", "lede", "body")):
        looked_up.append(word)
        return []

    monkeypatch.setattr(relevance, "spelling_variants", variants)
    relevance.corrected_words(_Stats(), MADE_UP[:words], lambda word: [word])
    assert looked_up == MADE_UP[: min(words, relevance.MAX_CORRECTED_WORDS)]


def test_a_written_form_is_read_once_per_searcher(monkeypatch):
    reads: list[tuple[str, str]] = []

    def read(stats, term, typed):
        reads.append((term, typed))
        return "conference" if term == "confer" else ""

    monkeypatch.setattr(relevance, "_written_form", read)
    stats = _Stats()
    for _ in range(3):
        assert relevance.written_form(stats, "confer", "Confernce") == "conference"
        assert relevance.written_form(stats, "zzz", "Zzzx") == "Zzzx"  # no release spells it: as typed
    # A form found is kept; none found is asked again (on OpenSearch it may only not have been fetched yet).
    assert reads == [("confer", "confernce")] + [("zzz", "zzzx")] * 3


class _Counting:
    """An index that counts the searches relaxations asks of it (each finds one release)."""

    def __init__(self):
        self.searches = 0

    def search(self, request):
        self.searches += 1
        return type("Page", (), {"total": 1})()


@pytest.mark.parametrize(
    ("words", "searches"), [(2, 2), (MAX_RELAXED_WORDS, MAX_RELAXED_WORDS), (MAX_RELAXED_WORDS + 1, 0), (60, 0)]
)
def test_words_are_left_out_one_at_a_time_only_in_a_short_query(words, searches):
    index = _Counting()
    found = relaxations(index, SearchRequest(query=" ".join(MADE_UP[:words])))
    assert index.searches == searches and len(found) == min(searches, 12)


def test_filters_are_still_left_out_of_a_long_query():
    index = _Counting()
    found = relaxations(index, SearchRequest(query=" ".join(MADE_UP[:40]), filters={"wire": ["PR Newswire"]}))
    assert index.searches == 1 and [(r.kind, r.value) for r in found] == [("wire", "PR Newswire")]


@pytest.fixture(scope="module")
def small_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("releases")
    for n, word in enumerate(("conference", "quarterly", "dividend")):
        (folder / f"r{n}.txt").write_text(
            f"Fabrikam Announces {word.title()} News\n\nDENVER, March {n + 3}, 2020 (PRNewswire) -- Fabrikam Inc. "
            f"today announced {word} news for its widget business in Colorado.\n"
        )
    path = tmp_path_factory.mktemp("index") / "ix"
    build_index([folder], path)
    return path


def test_a_long_query_of_misspellings_asks_few_searches_of_the_index(small_index, monkeypatch):
    from webapp import create_app

    app = create_app({"RELEASES_INDEX": str(small_index), "TESTING": True})
    client = app.test_client()
    assert client.get("/", query_string={"q": "fabrikam"}).status_code == 200
    with open_index(small_index) as index:
        backend = type(index.backend)
    calls: list[str] = []
    real = backend.search

    def counted(self, request, parsed):
        calls.append(request.query)
        return real(self, request, parsed)

    monkeypatch.setattr(backend, "search", counted)
    query = " ".join(["confrence", "quartrly", "dividnd"] * 15)  # 45 words: over MAX_RELAXED_WORDS
    response = client.get("/", query_string={"q": query})
    assert response.status_code == 200 and len(calls) == 1
