"""Faults under load, made deterministic: a search that took its snapshot of the index just before a rebuild
switched generations (and deleted the old one) must still answer from that snapshot.

benchmarks/load.py finds this under real load (one HTTP 500 during a rebuild); here the interleaving is forced:
take the snapshot a request would hold, rebuild, then run the request on it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer import SearchRequest, build_index, open_index
from indexer.query import parse_query

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(
    "query",
    ['"conference call"', 'headline:"top places"', "immunogen", "immuno*", "immunogen~", "date:2011 award", ""],
)
def test_a_search_holding_the_old_generation_answers_after_a_rebuild_switched(tmp_path, query):
    index_path = tmp_path / "index"
    build_index([SEEDS], index_path)
    with open_index(index_path) as index:
        request = SearchRequest(query=query)
        expected = index.search(request=request).total
        # What a request in flight holds: the snapshot it took before the switch (the backend's own handle).
        held = index.backend.snapshot()
        build_index([SEEDS], index_path, rebuild=True)
        assert not Path(held.gen).exists(), "the rebuild removed the old generation, as it does in production"
        page = index.backend._search(held, request, parse_query(request.query))
        assert page.total == expected
        # The next request moves to the new generation and gets the same answer.
        assert index.search(request=request).total == expected
