"""Losing one node of the three-node test cluster: any node, the elected cluster manager included.

Searches, opening the index, stats and an incremental build keep working while the node is down, and
the node rejoins when it is started again. Each test kills one node with SIGKILL (a crash, no goodbye)
and restarts it with .ci/opensearch.sh, so they need that cluster (see tests/opensearch_cluster.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess

import pytest
from opensearch_cluster import NODES_DIR, REPLICATED, ROOT, TWO_SHARDS, URL, drop, index_name

from indexer import open_index
from indexer.backends.opensearch.build import build_index as build_opensearch
from indexer.schema import FACETS

SEEDS = ROOT / "seeds"
ALL_FACETS = tuple(f.name for f in FACETS)
RESTART_TIMEOUT_S = 240
NOTICED_TIMEOUT_S = 60


def _node_pid(name: str) -> int | None:
    try:
        pid = int((NODES_DIR / f"{name}.pid").read_text().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def _manager(client) -> str:
    return client.cat.cluster_manager(format="json")[0]["node"]


def _victim(client, which: str) -> str:
    """The name of the node to kill: the elected cluster manager, or the node started last that is not it.

    Started last: a node this file restarted, when there is one. A restarted node has not served the requests the
    cluster was warmed with when it started (.ci/warm_cluster.py), so killing it again leaves the warm nodes be."""
    manager = _manager(client)
    if which == "manager":
        return manager
    started = {n["name"]: n["jvm"]["start_time_in_millis"] for n in client.nodes.info(metric="jvm")["nodes"].values()}
    return min((name for name in started if name != manager), key=lambda name: (-started[name], name))


def _nodes(client) -> int:
    return client.cluster.health(params={"request_timeout": 40})["number_of_nodes"]


def _await_nodes(client, count: int) -> None:
    """Wait (at most NOTICED_TIMEOUT_S) until the cluster reports count nodes: the answer comes as soon as it does."""
    wait = {"timeout": f"{NOTICED_TIMEOUT_S}s", "request_timeout": NOTICED_TIMEOUT_S + 10, "ignore": 408}
    client.cluster.health(wait_for_nodes=str(count), params=wait)


@pytest.mark.parametrize("which", ["manager", "other"])
def test_losing_any_node_keeps_search_stats_and_builds_working(cluster_alone, tmp_path, which):
    """On two shards with a replica: every node holds a copy of the index, so every loss is one to survive."""
    client = cluster_alone
    if _nodes(client) < 3 or len(URL.split(",")) < 3:
        pytest.skip("needs the three-node cluster of .ci/opensearch.sh and every node's URL in RELEASES_OPENSEARCH_URL")
    victim = _victim(client, which)
    pid = _node_pid(victim)
    if pid is None:
        pytest.skip(f"no pid file of {victim} in {NODES_DIR} (set OPENSEARCH_CACHE_DIR to the cluster's folder)")
    folder = tmp_path / "releases"
    shutil.copytree(SEEDS, folder)
    alias = index_name(f"loss-{which}")
    build_opensearch([str(folder)], alias, url=URL, shards=TWO_SHARDS, replicas=REPLICATED)
    try:
        with open_index(alias, backend="opensearch", url=URL) as before_index:
            before = before_index.search("immunogen", collapse=False, facets=ALL_FACETS).to_json()
            releases = before_index.search("", collapse=False).total
        os.kill(pid, signal.SIGKILL)
        try:
            # At once: every shard has a copy on another node.
            with open_index(alias, backend="opensearch", url=URL) as ox:
                during = ox.search("immunogen", collapse=False, facets=ALL_FACETS).to_json()
                assert (during["total"], during["facets"]) == (before["total"], before["facets"])
                _await_nodes(client, 2)
                assert _nodes(client) == 2
                assert _manager(client) != victim
                # Once the cluster has noticed: a new client, stats, an incremental build.
            with open_index(alias, backend="opensearch", url=URL) as ox:
                stats = ox.stats()
                assert stats["releases"] == releases and stats["cluster"]["nodes"] == 2
                shutil.copyfile(sorted(SEEDS.iterdir())[0], folder / "copy.txt")
                report = build_opensearch([str(folder)], alias, url=URL)
                assert (report.rebuilt, report.new_files, report.total) == (False, 1, releases + 1)
                assert ox.search("immunogen", collapse=False).total == before["total"] + 1
        finally:
            started = subprocess.run(
                ["bash", str(ROOT / ".ci" / "opensearch.sh"), "start"],
                capture_output=True,
                text=True,
                timeout=RESTART_TIMEOUT_S,
            )
        assert started.returncode == 0, started.stderr[-2000:]
        assert _nodes(client) == 3  # rejoined (start waits for green with every node)
        with open_index(alias, backend="opensearch", url=URL) as ox:
            assert ox.search("immunogen", collapse=False).total == before["total"] + 1
    finally:
        drop(client, alias)
