"""The segment writer's field terms are those of the long way: remembered texts, dates, surrogates, hash buckets,
accents."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from whoosh import fields
from whoosh.formats import Positions
from whoosh.support.charset import accent_map

from indexer.analysis import _lowercase_ascii_kept, word_pipeline
from indexer.backends.whoosh import invert as whoosh_writer
from indexer.backends.whoosh.hashtables import _add_to_buckets
from indexer.backends.whoosh.invert import _FieldPostings, _PositionsField, plain_indexer
from indexer.backends.whoosh.writer import unwritable_field
from indexer.schema import TEXT_ANALYZER, build_schema

BOILERPLATE = "About SiriusXM: InsurtechTips.com and T-Mobile's U.S. units (NASDAQ:SIRI) — the the société"


def _postings(texts: list[str], remember: bool, monkeypatch) -> tuple[dict, list[int]]:
    if not remember:
        monkeypatch.setattr(whoosh_writer._Vocabulary, "remember", lambda *args: None)
    field = _PositionsField(fields.TEXT(analyzer=TEXT_ANALYZER, phrase=True), _FieldPostings())
    lengths = [field.add(text, docnum) for docnum, text in enumerate(texts)]
    field.flush()
    postings = field.postings
    decode = Positions().decode_positions
    found = {
        (postings.docs[i], postings.terms[postings.tids[i]]): decode(value) for i, value in enumerate(postings.values)
    }
    return found, lengths


def test_a_text_seen_again_is_indexed_as_the_first_time(monkeypatch):
    texts = [BOILERPLATE, "Other words", BOILERPLATE, "", BOILERPLATE + " more", BOILERPLATE, "", "Other words"]
    remembered = _postings(texts, remember=True, monkeypatch=monkeypatch)
    with monkeypatch.context() as patch:
        analysed_each_time = _postings(texts, remember=False, monkeypatch=patch)
    assert remembered == analysed_each_time
    assert remembered[0][(5, b"siriusxm")] == remembered[0][(0, b"siriusxm")]


def test_remembered_texts_survive_emptied_word_caches(monkeypatch):
    monkeypatch.setattr(whoosh_writer, "WORD_CACHE_LIMIT", 3)
    monkeypatch.setattr(whoosh_writer, "TEXT_CACHE_BYTES", 400)  # emptied now and then too
    rng = random.Random(5)
    texts = [rng.choice([BOILERPLATE, "Alpha beta gamma delta", "Epsilon zeta"]) for _ in range(60)]
    remembered = _postings(texts, remember=True, monkeypatch=monkeypatch)
    with monkeypatch.context() as patch:
        assert remembered == _postings(texts, remember=False, monkeypatch=patch)


@pytest.mark.parametrize(
    "value",
    [
        datetime(2021, 3, 4, 5, 6, 7, 8),
        datetime(1, 1, 1),
        datetime(9999, 12, 31, 23, 59, 59, 999999),
        datetime(2020, 1, 1, 12, tzinfo=UTC),
        "2021-03-04",
        [datetime(2020, 1, 1), datetime(2021, 1, 1)],
    ],
)
def test_dates_get_the_terms_whoosh_gives_them(value):
    field = build_schema()["date"]
    assert plain_indexer(field)(value) == list(field.index(value))


def test_a_lone_surrogate_is_found_in_strings_and_lists():
    assert unwritable_field({"id": "a", "headline": "plain ascii", "body": "société"}) is None
    assert unwritable_field({"id": "a", "body": "société \udc80"}) == "body"
    assert unwritable_field({"id": "a", "ticker": ["NASDAQ:X", "bad\ud800"]}) == "ticker"


def test_hash_buckets_keep_each_keys_order():
    rng = random.Random(3)
    for count in (5, 3000):
        hashes = [rng.getrandbits(32) for _ in range(count)]
        positions = [rng.getrandbits(40) for _ in range(count)]
        fast, slow = [[(0, 1)] for _ in range(256)], [[(0, 1)] for _ in range(256)]
        _add_to_buckets(fast, hashes, positions)
        for hashed, at in zip(hashes, positions, strict=True):
            slow[hashed & 255].append((hashed, at))
        assert fast == slow


def test_lower_case_ascii_words_skip_the_accent_table():
    assert _lowercase_ascii_kept(accent_map)
    assert not _lowercase_ascii_kept({ord("a"): "b"})
    pipeline = word_pipeline(TEXT_ANALYZER)
    for word in ["Hello", "société", "İstanbul", "\u212aelvin", "naïve"]:
        assert pipeline.term_of(word) == TEXT_ANALYZER(word).__next__().text
