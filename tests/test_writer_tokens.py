"""The segment writer's word splitting: text cut at spaces first gives the words Whoosh's tokenizer finds."""

from __future__ import annotations

import dataclasses
import random
import shutil

import pytest
from build_helpers import write_releases
from conftest import FIXTURES, SEEDS
from whoosh import fields
from whoosh.analysis import LowercaseFilter, RegexTokenizer

from indexer.backends.whoosh import invert as whoosh_writer
from indexer.backends.whoosh.invert import _FieldPostings, _PositionsField
from indexer.documents import documents_of
from indexer.parse import iter_sources
from indexer.schema import TEXT_ANALYZER

HOSTILE = [
    "worldwide.The company",
    "a.B c",
    "x.B\tc x.Bc x.B\u2028c x.B\xa0c x.B",
    "U.S.A. U.S. 3.5. 3.5.x amazon.com. .com ..a a.. a..b",
    "AT&T's AT&&T &T & && a&.b a.&b a&b&c",
    "T-Mobile's Align’s “quoted” (NASDAQ:IMGN) 10-K g/t 2,000 ir@dremova.ca * • -",
    "SiriusXM's InsurtechTips.com, PepsiCo. iPhone\u3000McDonald's The.Company",
    "naïve Société e\u0301 ß İstanbul ٣٤ snake_case __init__ x\x1cy\x1dz\x1e\x1f\x85w\u200bv",
    "  \t\n ",
    "",
]
_ALPHABET = "aAbBzZ09é_.&.&  \t\n\xa0\u2028\u3000\x1c\u200b-'’/,():\"@*•\u0301İß٣"


def _random_texts(count: int) -> list[str]:
    rng = random.Random(11)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.choice([1, 5, 20, 80]))) for _ in range(count)]


def _corpus_texts(tmp_path, release_dir) -> list[str]:
    write_releases(tmp_path / "synthetic", 40)
    texts = []
    for source in iter_sources([release_dir, tmp_path / "synthetic"]):
        if isinstance(source, Exception):
            continue
        try:
            docs = documents_of(source)
        except Exception:  # noqa: BLE001 - a fixture the parser rejects is not this test's concern
            continue
        texts += [value for doc in docs for value in doc.values() if isinstance(value, str)]
    return texts


def _indexed(analyzer, texts: list[str], *, spaces: bool) -> tuple[dict, list[int]]:
    """Each document's terms with their positions (Whoosh's encoding of them: equal bytes, equal positions), and
    lengths, as the writer's text path indexes them."""
    field = _PositionsField(fields.TEXT(analyzer=analyzer, phrase=True), _FieldPostings())
    assert field.pipeline.splits_at_spaces
    field.pipeline = dataclasses.replace(field.pipeline, splits_at_spaces=spaces)
    lengths = [field.add(text, docnum) for docnum, text in enumerate(texts)]
    field.flush()
    postings = field.postings
    found: dict = {}
    for i, value in enumerate(postings.values):
        found[(postings.docs[i], postings.terms[postings.tids[i]])] = value
    return found, lengths


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> list[str]:
    """Hostile, random and parsed texts (the fixture releases and 40 synthetic ones), made once for both analyzers."""
    root = tmp_path_factory.mktemp("texts")
    shutil.copytree(SEEDS, root / "releases" / "seeds")
    shutil.copytree(FIXTURES, root / "releases" / "fixtures")
    return HOSTILE + _random_texts(3000) + _corpus_texts(root, root / "releases")


@pytest.mark.parametrize("analyzer", [TEXT_ANALYZER, RegexTokenizer() | LowercaseFilter()], ids=["ours", "default"])
def test_texts_cut_at_spaces_give_the_tokenizers_words(analyzer, texts, monkeypatch):
    """Same terms, positions and lengths as the tokenizer run on whole texts, and as Whoosh's field.index."""
    monkeypatch.setattr(whoosh_writer, "WORD_CACHE_LIMIT", 50)  # the caches are emptied many times
    fast, fast_lengths = _indexed(analyzer, texts, spaces=True)
    assert (fast, fast_lengths) == _indexed(analyzer, texts, spaces=False)
    schema_field = fields.TEXT(analyzer=analyzer, phrase=True)
    expected = {
        (docnum, term): value for docnum, text in enumerate(texts) for term, _, _, value in schema_field.index(text)
    }
    assert fast == expected
    whole_words = [len(list(analyzer(text, positions=True))) for text in HOSTILE]
    assert fast_lengths[: len(HOSTILE)] == whole_words


def test_only_known_patterns_are_cut_at_spaces():
    """A tokenizer pattern that may match across spaces is run on whole texts."""
    field = _PositionsField(
        fields.TEXT(analyzer=RegexTokenizer(r"\w+(\s\w+)?") | LowercaseFilter(), phrase=True), _FieldPostings()
    )
    assert not field.pipeline.splits_at_spaces
    field.add("new york city", 0)
    field.flush()
    assert sorted(field.postings.terms) == [b"city", b"new york"]


def test_compound_parts_shortcut_splits_as_the_pattern_does():
    """compound_parts' shortcut for words with nothing to split at gives what the split pattern gives."""
    from indexer.schema import _COMPOUND_SPLIT, compound_parts

    def by_pattern(word: str) -> list[str]:
        parts = [p for p in _COMPOUND_SPLIT.split(word) if p and p != "."]
        return [p for p in parts if len(p) >= 2] if len(parts) > 1 else []

    rng = random.Random(7)
    words = ["SiriusXM", "InsurtechTips.com", "iPhone", "plain", "Company", "ÉtatCivil", "a.bc", "AB.cd"]
    words += ["".join(rng.choice("aAbBzZ.É é1_ß") for _ in range(rng.randint(0, 8))) for _ in range(20000)]
    assert [compound_parts(w) for w in words] == [by_pattern(w) for w in words]
    assert compound_parts("SiriusXM") == ["Sirius", "XM"]


def test_long_and_repeated_posting_lists_read_as_whoosh_writes_them(tmp_path):
    """Terms in several blocks, words repeated over 1000 times in a text (encoded another way), ID fields:
    Whoosh reads from our segment the postings it writes itself."""
    from test_build import _postings
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import create_in
    from whoosh.reading import SegmentReader

    from indexer.backends.whoosh.writer import SegmentBuilder
    from indexer.schema import build_schema

    rng = random.Random(3)
    docs = [
        {
            "id": f"r{n}",
            "headline": f"Acme acquires Widget{n} T-Mobile's plan",
            "body": " ".join(rng.choice(["growth", "revenue", "merger", "AT&T", "U.S."]) for _ in range(60)),
            "ticker": "NASDAQ:ACME",
        }
        for n in range(300)
    ]
    docs[7]["body"] = "dividend " * 1500 + "growth"
    (tmp_path / "whoosh").mkdir()
    index = create_in(str(tmp_path / "whoosh"), build_schema())
    with index.writer() as writer:
        for doc in docs:
            writer.add_document(**doc)
    (tmp_path / "ours").mkdir()
    storage = FileStorage(str(tmp_path / "ours"))
    builder = SegmentBuilder(storage, "MAIN", build_schema())
    for doc in docs:
        builder.add_document(doc)
    ours = builder.finish()
    theirs = SegmentReader(FileStorage(str(tmp_path / "whoosh")), build_schema(), index._segments()[0])
    found = _postings(SegmentReader(storage, build_schema(), ours))
    assert found == _postings(theirs)
    assert len(found[("body", b"merg")][3]) > 128  # several blocks
    assert any(len(value) > 1000 for _, _, value in found[("body", b"dividend")][3])
