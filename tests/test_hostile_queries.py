"""Costly queries: refused before any work when over the budget, limited per client in the web app."""

from __future__ import annotations

import threading
import time

import pytest

from indexer.cost import BUDGET, QueryTooCostly, check_cost, query_cost
from indexer.query import MAX_CLAUSES, parse_query

WORDS = "acme widget growth revenue quarter results company announces market shares profit board".split()


def _words(n: int, suffix: str = "") -> str:
    return " ".join(f"{WORDS[i % len(WORDS)]}{i}{suffix}" for i in range(n))


@pytest.mark.parametrize(
    ("query", "names"),
    [
        (_words(40, "~2"), "40 fuzzy words"),
        (_words(40, "~"), "40 fuzzy words"),
        (" ".join(f"{w}{i}*e*" for i, w in enumerate(WORDS + WORDS[:2])), "14 wildcards"),
        (" ".join(f"a{c}*" for c in "bcdefghijklmnopqrstuv"), "21 wildcards or short prefixes"),
    ],
)
def test_a_costly_query_is_refused_before_any_work_saying_what_to_simplify(index, monkeypatch, query, names):
    def no_work(*args, **kwargs):
        raise AssertionError("the backend was asked to run a query over the budget")

    monkeypatch.setattr(index.backend, "search", no_work)
    with pytest.raises(QueryTooCostly) as refused:
        index.search(query)
    assert names in str(refused.value)
    assert "use at most" in str(refused.value)


@pytest.mark.parametrize(
    "query",
    [_words(MAX_CLAUSES), _words(3, "~2"), _words(4, "~"), "immuno* AND ticker:IMGN", '"conference call" acme~2'],
)
def test_queries_within_the_budget_are_answered(index, query):
    assert query_cost(parse_query(query).tree).units <= BUDGET
    assert index.search(query).total >= 0


def test_negated_and_nested_clauses_count_too():
    plain = query_cost(parse_query("acme~2 widget~2").tree).units
    nested = query_cost(parse_query("(acme~2 OR -widget~2) AND date:2011").tree).units
    assert nested == plain > 0


def test_the_api_refuses_a_costly_query_with_the_error_shape(client):
    response = client.get("/api/search", query_string={"q": _words(40, "~2")})
    assert response.status_code == 400
    body = response.get_json()
    assert body["ok"] is False and "too costly" in body["error"]


def test_one_costly_search_at_a_time_per_client(client, app):
    limits = app.extensions["costly_searches"]
    assert limits.enter("127.0.0.1") is None  # a costly search of this client is running
    try:
        busy = client.get("/api/search", query_string={"q": "acme~2"})
        assert busy.status_code == 429 and "already have a costly search running" in busy.get_json()["error"]
        assert busy.headers["Retry-After"] == "1"
        page = client.get("/", query_string={"q": "acme~2"})
        assert page.status_code == 429 and b"costly search" in page.data
        assert client.get("/api/search", query_string={"q": "acme"}).status_code == 200  # plain words run
        other = client.get("/api/search", query_string={"q": "acme~2"}, environ_base={"REMOTE_ADDR": "10.0.0.9"})
        assert other.status_code == 429 and "busy with other costly searches" in other.get_json()["error"]
    finally:
        limits.leave("127.0.0.1")
    assert client.get("/api/search", query_string={"q": "acme~2"}).status_code == 200
    assert limits.running == {}


def test_check_cost_gives_the_cost_of_an_allowed_query():
    cost = check_cost(parse_query('acme~2 immuno* "conference call" ticker:IMGN').tree)
    assert (cost.fuzzy, cost.phrases, cost.clauses) == (1, 1, 4)


def test_costly_searches_run_in_their_own_process_with_the_same_answers(seeds_index):
    from webapp import create_app

    plain = create_app({"RELEASES_INDEX": str(seeds_index), "TESTING": True}).test_client()
    app = create_app({"RELEASES_INDEX": str(seeds_index), "TESTING": True, "COSTLY_LANE": True})
    lane = app.extensions["costly_lane"]
    threads = set(threading.enumerate())
    try:
        for query in ("immunogen~2", "immunogn~ ticker:IMGN"):
            expected = plain.get("/api/search", query_string={"q": query}).get_json()
            got = app.test_client().get("/api/search", query_string={"q": query}).get_json()
            assert got == expected and got["total"] >= 1
        assert lane._pool is not None  # the costly ones went through the lane
        page = app.test_client().get("/", query_string={"q": "immunogen~2"})
        assert page.status_code == 200 and b"ImmunoGen" in page.data
    finally:
        lane.close()
        # The lane's process and threads end soon after: a thread left running makes later builds spawn workers.
        deadline = time.monotonic() + 10
        while set(threading.enumerate()) - threads and time.monotonic() < deadline:
            time.sleep(0.02)
