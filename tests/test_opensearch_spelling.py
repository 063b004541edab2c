"""Spellings on OpenSearch as on Whoosh: `spelling=False` (spell=0, --no-spell) searches the words as typed, and
every page of a search answered by a word's spellings says so (`corrected`), not only the first.

Needs the test cluster (see opensearch_cluster.py); skips without one.
"""

from __future__ import annotations

import pytest
from opensearch_cluster import REPLICAS, ROOT, SHARDS, URL, drop, index_name

from indexer import build_index, open_index


@pytest.fixture(scope="module")
def seeds_alias(cluster):
    """The two seeds on the cluster: one ImmunoGen release holds "conference", the other does not. (Suggestions
    from both shards' words: the parity suite's two-shard pass and test_opensearch_shards.py.)"""
    alias = index_name("spelling")
    build_index([ROOT / "seeds"], alias, backend="opensearch", url=URL, shards=SHARDS, replicas=REPLICAS)
    yield alias
    drop(cluster, alias)


# "conferense" is in no release: searched as its spellings, one release holds both words, the other "immunogen".
@pytest.mark.parametrize(
    ("spelling", "page", "answer"),
    [
        (True, 1, (1, 1, "immunogen conference", True)),
        (True, 2, (1, 1, "immunogen conference", True)),
        (False, 1, (0, 2, "immunogen conference", False)),
        (False, 2, (0, 2, "immunogen conference", False)),
    ],
)
def test_spellings_answer_alike_on_both_backends(seeds_alias, seeds_template, spelling, page, answer):
    asked = dict(per_page=1, page=page, spelling=spelling)
    with open_index(seeds_alias, backend="opensearch", url=URL) as ox, open_index(seeds_template) as wx:
        for found in (ox.search("immunogen conferense", **asked), wx.search("immunogen conferense", **asked)):
            assert (found.total, found.partial_total, found.suggestion, found.corrected) == answer
