"""Warm a just-started OpenSearch test cluster: every node serves the backend's requests once before the tests do.

A node's first index creation, bulk write, search, aggregation, suggestion, point in time and alias switch load
and compile their code: about 10 CPU-s of the nodes' work in a suite run on a cluster started just before it
(docs/testing.md). Done here, it is part of bringing the cluster up. Synthetic releases (benchmarks/synth.py:
several issuers, wires, types and months, copies across wires) are built with a shard and a replica on every
node, built again over the unchanged files and rebuilt (the alias switched), searched through the backend as the
tests search it (pages with facets and highlights, cursors, suggestions, single releases, related, completion,
statistics, an export), then dropped.

    RELEASES_OPENSEARCH_URL="$(bash .ci/opensearch.sh urls)" .venv/bin/python .ci/warm_cluster.py
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASES = 120  # enough for copies, facets with several values and more than one page
ROUNDS = 3  # each request shape served a few times on each node: its code compiled, not just loaded
LAYOUT = {"shards": 3, "replicas": 1}  # a primary and a replica on every node of the three


def _synth():
    spec = importlib.util.spec_from_file_location("release_synth", ROOT / "benchmarks" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _misspelled(word: str) -> str:
    """The word with two inner letters swapped: a search the index's spelling corrects."""
    return word[0] + word[2] + word[1] + word[3:] if len(word) > 3 else word + word[-1]


def exercise(index) -> int:
    """Search the open index as the tests do; how many requests' worth of calls were made."""
    from indexer.schema import FACETS

    facets = tuple(f.name for f in FACETS)
    calls = 0
    stats = index.stats()
    examples = index.examples()
    queries = [e.query for e in examples] or [""]
    for query in queries:
        for sort in ("relevance", "newest"):
            page = index.search(query, facets=facets, sort=sort, per_page=5)
            calls += 1
            if page.next:
                index.search(query, after=page.next, per_page=5, facets=facets, sort=sort)
                index.search(query, page=2, per_page=5, match="any")
                calls += 2
    page = index.search("", per_page=20, facets=facets)
    words = [w for hit in page.hits for w in (hit.headline or "").split() if w.isalpha() and len(w) > 5]
    for word in words[:4]:
        index.search(_misspelled(word.lower()), facets=facets)
        index.search(f'"{word}" OR {word[:4].lower()}*', filters={"year": [stats.get("last_date", "")[:4]]})
        calls += 2
    for hit in page.hits[:3]:
        index.get(hit.id)
        index.related(hit.id)
        index.complete((hit.company or hit.id)[:3])
        calls += 3
    exported = index.export("", text=True)
    calls += 1 + sum(1 for _ in exported.rows) // 100
    return calls + 2


def main() -> int:
    from indexer import build_index, open_index
    from indexer.backends.opensearch.client import connect
    from indexer.backends.opensearch.store import OpenSearchStore
    from indexer.settings import opensearch_url

    url = opensearch_url(None)
    alias = f"warm-{uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    client = connect(url)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "releases"
        _synth().write_corpus(str(folder), RELEASES, seed=11)
        try:
            for rebuild in (False, False, True):  # a new index, the unchanged files read back, an alias switch
                build_index([folder], alias, backend="opensearch", url=url, rebuild=rebuild, procs=1, **LAYOUT)
            calls = 0
            with open_index(alias, backend="opensearch", url=url) as index:
                for _ in range(ROUNDS):
                    calls += exercise(index)
        finally:
            OpenSearchStore(alias, url, client).drop()
            client.close()
    print(f"warm_cluster: {url}: 3 builds, {calls} calls in {time.monotonic() - started:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
