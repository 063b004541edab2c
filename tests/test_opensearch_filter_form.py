"""match_only: a query's filter form (the same releases, nothing that only ranks), and the requests it shrinks."""

from __future__ import annotations

import json

import pytest

from indexer import query as q
from indexer.backends.opensearch import dsl as oq
from indexer.backends.opensearch.fold import listings, orphan_groups_agg
from indexer.relevance import Alternative, Clause

FIELDS = oq._text_fields(None)  # every field a word is searched in


def _size(dsl) -> int:
    return len(json.dumps(dsl))


def _spelled(word: str, *spellings: str) -> dict:
    """A word with likely spellings (weights below 1), as plan.py expands a rare word."""
    alternatives = [Alternative(FIELDS, (word,))]
    alternatives += [Alternative(FIELDS, (s,), weight=0.5) for s in spellings]
    return oq.clause_dsl(Clause(q.Term(None, word), alternatives))


@pytest.mark.parametrize(
    ("dsl", "terms"),
    [
        (oq._word("zorblax", FIELDS, 0.7), {"zorblax"}),
        (_spelled("quibnet", "quibnat", "quibnets"), {"quibnet", "quibnat", "quibnets"}),
        (_spelled("=fernwick", "fernwick"), {"=fernwick", "fernwick"}),
    ],
)
def test_a_word_becomes_one_query_naming_each_field_once(dsl, terms):
    found = oq.match_only(dsl)["multi_match"]
    assert found["fields"] == [f"{f}_terms" for f in FIELDS]
    assert set(found["query"].split()) == terms and found["analyzer"] == oq.TERMS_ANALYZER
    assert set(found) == {"query", "fields", "analyzer"}  # the default: any term in any field, no boost
    # Each field named once, not once per spelling with its weight.
    assert _size(oq.match_only(dsl)) < 0.7 * _size(dsl)


@pytest.mark.parametrize("text", ["two words", "siriusxm|sirius", ""])
def test_a_term_the_analyzer_would_split_is_kept(text):
    dsl = {"multi_match": {"query": text, "fields": ["body_terms^1"], "analyzer": oq.TERMS_ANALYZER}}
    assert oq.match_only(dsl) == dsl


@pytest.mark.parametrize(
    "dsl",
    [
        {"match_phrase": {"body_terms": {"query": "acme widgets", "boost": 2.0}}},
        {"function_score": {"query": {"match_all": {}}, "min_score": 1.0}},
        {"dis_max": {"queries": [{"match_all": {}}], "_name": "kept"}},
        {"term": {"wire": {"value": "Acme Wire", "case_insensitive": True}}},
    ],
)
def test_what_it_does_not_know_is_kept(dsl):
    assert oq.match_only(dsl) == dsl


def test_names_and_the_shape_of_bools_are_kept():
    word = oq._word("zorblax", FIELDS)
    named = {"bool": {"filter": [word], "must_not": [word], "_name": "3", "boost": 2.0}}
    found = oq.match_only(named)["bool"]
    assert found["_name"] == "3" and "boost" not in found
    assert found["filter"] == found["must_not"] == [oq.match_only(word)]


def test_scores_are_scaled_by_coverage_with_filters_in_filter_form():
    words = [_spelled("quibnet", "quibnat"), _spelled("zorblax", "zorblox")]
    query = {"bool": {"should": words, "minimum_should_match": 1}}
    covered = oq.with_coverage(query, [(w, 1.0) for w in words])
    filters = [f["filter"] for f in covered["function_score"]["functions"] if "filter" in f]
    assert filters == [oq.match_only(w) for w in words]
    # The scored query once, and each word's filter twice (coverage is squared) at under half its size.
    assert _size(covered) < _size(query) + 2 * 0.5 * sum(map(_size, words))


def test_folding_and_the_orphan_check_filter_in_filter_form():
    word = _spelled("quibnet", "quibnat")
    folded = listings({"all": word, "some": {"match_all": {}}})
    assert folded["all"]["bool"]["must"] == [word]  # the listing itself still ranks
    assert "boost" not in json.dumps(folded["some"])
    assert "boost" not in json.dumps(orphan_groups_agg(word, 1))
