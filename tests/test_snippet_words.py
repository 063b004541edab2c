"""Snippets find a text's words and the marked ones' places by shortcuts; these must agree with reading every
word of the text through WORD_PATTERN and the analyzer, whatever the punctuation, compounds and repeats."""

from __future__ import annotations

import random
import re

import pytest
from snippet_reference import WORD_RE, marked_words_plainly

from indexer.schema import TEXT_ANALYZER
from indexer.snippets import _candidate_words, _candidates, _marked_words, _term_heads, _text_words, make_snippet

# Pieces whose words are hard to tell apart: joiners ("&", a dot unless a capitalised word follows),
# words inside words, accents, underscores, numbers, and spaces other than " ".
_PIECES = (
    "x.Bc U.S.A. u.s. AT&T at&t R&D a..b word.The Inc.Apple wholesale sale sales salesales "
    "Sale. (sale) \u201csale\u201d sale, sale's _sale sale_ sa_le naïve société Société 3.5% 911s ² "
    "acquisition acquisitions Acquires acquired ACQUISITION iPhone SiriusXM InsurtechTips.com "
    "x&y &sale sale& .sale sale. S.A.L.E sold sell Sells"
).split()
_SPACES = (" ", " ", "  ", "\n", "\n\n", "\t", "\xa0", "")


def _text(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(_PIECES) + rng.choice(_SPACES) for _ in range(words))


@pytest.mark.parametrize("seed", range(40))
def test_text_words_are_the_patterns_words(seed):
    text = _text(random.Random(seed), 60)
    assert _text_words(text) == set(WORD_RE.findall(text))


# More pieces: capitals after a joiner, a lower case longer than its letter, other spaces inside chunks.
_MORE_PIECES = [*_PIECES, *("C&I c&i İstanbul Ünited x\u2028Sale a\rSALE o.k Q&A q.A. Ａbc ﬁnal".split(" "))]


@pytest.mark.parametrize("seed", range(60))
def test_candidate_words_hold_every_word_that_may_be_marked(seed):
    """The words found in the text (openings at word starts, chunks that show a word that is not plain)
    hold every word that testing each of the text's words keeps."""
    rng = random.Random(seed)
    text = "".join(rng.choice(_MORE_PIECES) + rng.choice(_SPACES) for _ in range(60))
    vocabulary = sorted({t.text for t in TEXT_ANALYZER(text)} | {"x", "q", "a", "ok", "=sale"})
    terms = frozenset(rng.sample(vocabulary, min(rng.randint(1, 4), len(vocabulary))))
    every = set(_candidates(_text_words(text), _term_heads(terms)))
    assert every <= set(_candidate_words(text, terms))
    assert _marked_words(text, set(terms)) == marked_words_plainly(text, set(terms))


@pytest.mark.parametrize("seed", range(40))
def test_marked_words_are_where_the_pattern_and_analyzer_put_them(seed):
    rng = random.Random(seed)
    text = _text(rng, 60)
    vocabulary = sorted({t.text for t in TEXT_ANALYZER(text)})
    terms = set(rng.sample(vocabulary, min(3, len(vocabulary))))
    assert _marked_words(text, terms) == marked_words_plainly(text, terms)


@pytest.mark.parametrize("seed", range(20))
def test_every_word_is_marked_when_every_term_is_asked(seed):
    """All the text's terms at once, one-letter ones among them: no chunk of the text is passed over."""
    text = _text(random.Random(seed), 60) + " a T x 3 é"
    terms = {t.text for t in TEXT_ANALYZER(text)}
    assert _marked_words(text, terms) == marked_words_plainly(text, terms)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("x.Bc", "bc"),  # "x.B" is no word here: the dot does not join before a capitalised word
        ("wholesale sale", "sale"),  # the word inside another is not marked, the word itself is
        ("salesales sale", "sale"),
        ("AT&T and T", "t"),
        ("U.S.A. and A", "a"),
    ],
)
def test_a_word_inside_another_is_not_marked(text, term):
    assert _marked_words(text, {term}) == marked_words_plainly(text, {term})


def test_snippet_marks_each_place_of_a_repeated_word():
    snippet = make_snippet({"lede": "Sale of the sale: wholesale sales, Sale."}, {"sale"})
    assert snippet.count("<mark") == 4 and "whole<mark" not in snippet


def test_api_answers_are_those_of_snippets_marked_word_by_word(seeds_index, monkeypatch):
    """Whole /api/search answers (hits, order, scores, facets, timeline, snippets) over many queries equal
    those of an app whose snippets mark every word of the text through the analyzer."""
    from urllib.parse import quote

    from indexer import snippets
    from webapp import create_app

    def answers(client, queries):
        return {q: client.get(f"/api/search?q={quote(q)}&per_page=20").get_data() for q in queries}

    quick = create_app({"RELEASES_INDEX": str(seeds_index), "TESTING": True}).test_client()
    listed = quick.get("/api/search?q=&per_page=100").get_json()["hits"]
    words = sorted({w.lower() for hit in listed for w in re.findall(r"[A-Za-z]{4,}", hit["headline"])})
    rng = random.Random(7)
    queries = rng.sample(words, min(40, len(words)))
    queries += [" ".join(rng.sample(words, 2)) for _ in range(15)] + [f'"{hit["headline"]}"' for hit in listed[:5]]
    expected = answers(quick, queries)
    assert sum(b"<mark" in body for body in expected.values()) > len(queries) // 2

    monkeypatch.setattr(snippets, "_marked_words", marked_words_plainly)
    plain = create_app({"RELEASES_INDEX": str(seeds_index), "TESTING": True}).test_client()
    assert answers(plain, queries) == expected
