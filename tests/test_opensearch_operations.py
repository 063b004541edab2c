"""Operating the OpenSearch backend: connection settings (TLS, basic auth, API key), the per-search time
limit, build locks left by dead builds, and shards and replicas set from the CLI and shown by stats.

The settings tests need no cluster; the others skip without one (see tests/opensearch_cluster.py).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest
from opensearch_cluster import REPLICAS, ROOT, SHARDS, URL, drop, index_name

from indexer import open_index, query
from indexer.backends.opensearch.build import build_index as build_opensearch
from indexer.backends.opensearch.client import client_settings
from indexer.backends.opensearch.lock import LEASE_S, LOCKS
from indexer.backends.opensearch.store import OpenSearchStore
from indexer.cli import main as cli
from indexer.model import BackendUnavailable, IndexLocked, QueryError, ReleaseSearchError

SEEDS = ROOT / "seeds"


# ---- Connection settings (no cluster) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "env", "expected"),
    [
        ("http://a:9200,http://b:9200", {}, {"hosts": ["http://a:9200", "http://b:9200"]}),
        (
            "https://a:9200",
            {"RELEASES_OPENSEARCH_USER": "admin", "RELEASES_OPENSEARCH_PASSWORD": "pw"},
            {"http_auth": ("admin", "pw"), "verify_certs": True},
        ),
        ("https://a:9200", {"RELEASES_OPENSEARCH_API_KEY": "k3y"}, {"headers": {"Authorization": "ApiKey k3y"}}),
        ("https://a:9200", {"RELEASES_OPENSEARCH_VERIFY_CERTS": "0"}, {"verify_certs": False, "ssl_show_warn": False}),
        ("https://a:9200", {"RELEASES_OPENSEARCH_CA_CERTS": __file__}, {"ca_certs": __file__, "verify_certs": True}),
    ],
)
def test_client_settings_come_from_url_and_environment(url, env, expected):
    settings = client_settings(url, env)
    assert {key: settings.get(key) for key in expected} == expected
    assert settings["retry_on_timeout"] and settings["max_retries"] >= 1


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"RELEASES_OPENSEARCH_USER": "admin"}, "set both RELEASES_OPENSEARCH_USER and RELEASES_OPENSEARCH_PASSWORD"),
        (
            {"RELEASES_OPENSEARCH_API_KEY": "k", "RELEASES_OPENSEARCH_USER": "u", "RELEASES_OPENSEARCH_PASSWORD": "p"},
            "set either RELEASES_OPENSEARCH_API_KEY or",
        ),
        ({"RELEASES_OPENSEARCH_CA_CERTS": "/no/such/ca.pem"}, "RELEASES_OPENSEARCH_CA_CERTS names '/no/such/ca.pem'"),
    ],
)
def test_inconsistent_connection_settings_say_what_to_fix(env, message):
    with pytest.raises(ReleaseSearchError, match=message.replace("(", r"\(")):
        client_settings("https://a:9200", env)


# ---- Against the cluster --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_built(cluster):
    """The seeds, built once for the module's tests that search them or build them again unchanged: its alias."""
    alias = index_name("operations-seeds")
    build_opensearch([str(SEEDS)], alias, url=URL, shards=SHARDS, replicas=REPLICAS)
    yield alias
    drop(cluster, alias)


@pytest.fixture
def seeds_alias(cluster, seeds_built):
    """The module's seeds index, its build lock removed when the test ends (a test may leave one held)."""
    yield seeds_built
    cluster.delete(index=LOCKS, id=seeds_built, params={"ignore": 404})


def test_searches_carry_the_time_limit_and_stop_when_it_is_spent(seeds_alias, monkeypatch):
    with open_index(seeds_alias, backend="opensearch", url=URL) as ox:
        backend = ox.backend
        sent = []
        real = backend.client.search

        def recording(**kwargs):
            sent.append(kwargs)
            return real(**kwargs)

        many, real_many = [], backend.client.msearch

        def recording_many(**kwargs):
            many.append(kwargs)
            return real_many(**kwargs)

        monkeypatch.setattr(backend.client, "search", recording)
        monkeypatch.setattr(backend.client, "msearch", recording_many)
        assert ox.search("conference call").total == 1
        assert ox.search("", facets=["year"]).total  # a listing of filters only: one request (search)
        assert sent and all(s["body"]["timeout"].endswith("ms") for s in sent)
        assert all(0 < s["request_timeout"] <= query.SEARCH_TIME_LIMIT_S + 1.5 for s in sent)
        # The statistics, and the page with the some-words listing, each in one round trip, with the same limit.
        assert many and all(body["timeout"].endswith("ms") for m in many for body in m["body"][1::2])
        assert all(0 < m["request_timeout"] <= query.SEARCH_TIME_LIMIT_S + 1.5 for m in many)

        # The cluster says it ran out of time (partial results): the search fails as on Whoosh.
        monkeypatch.setattr(backend.client, "search", lambda **kwargs: {**real(**kwargs), "timed_out": True})
        with pytest.raises(QueryError, match=r"took longer than .* s and was stopped: use more specific words"):
            ox.search("", facets=["year"])
        monkeypatch.setattr(backend.client, "search", real)

        def cut_short(**kwargs):
            return {"responses": [{**r, "timed_out": True} for r in real_many(**kwargs)["responses"]]}

        monkeypatch.setattr(backend.client, "msearch", cut_short)
        with pytest.raises(QueryError, match=r"took longer than .* s and was stopped"):
            ox.search("conference call")
        # No time left before a request is sent: no request.
        monkeypatch.setattr(backend.client, "search", recording)
        monkeypatch.setattr(query, "SEARCH_TIME_LIMIT_S", 0.0)
        sent.clear()
        with pytest.raises(QueryError, match="took longer than"):
            ox.search("conference call")
        assert not sent


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


@pytest.mark.parametrize(
    ("holder", "taken_over"),
    [
        ({"host": socket.gethostname(), "pid": "dead", "expires": time.time() + 3600}, True),  # killed here
        ({"host": "elsewhere", "pid": 1, "expires": time.time() - 1}, True),  # lease ran out
        ({"host": "elsewhere", "pid": 1, "since": time.time() - LEASE_S - 1}, True),  # an old lock, no lease
        ({"host": "elsewhere", "pid": 1, "expires": time.time() + 3600}, False),  # alive elsewhere
        ({"host": socket.gethostname(), "pid": os.getpid(), "expires": time.time() + 3600}, False),  # alive here
    ],
)
def test_a_stale_build_lock_is_taken_over_and_a_live_one_refuses(cluster, seeds_alias, holder, taken_over):
    alias = seeds_alias  # built from SEEDS: a build taking the lock over finds every file unchanged
    if holder["pid"] == "dead":
        holder = {**holder, "pid": _dead_pid()}
    cluster.index(index=LOCKS, id=alias, body=holder, refresh="true")
    if taken_over:
        report = build_opensearch([str(SEEDS)], alias, url=URL)
        assert report.unchanged_files == 2
        assert not cluster.get(index=LOCKS, id=alias, params={"ignore": 404}).get("found")  # released
    else:
        with pytest.raises(IndexLocked, match=rf"\(pid {holder['pid']} on {holder['host']}\) is writing {alias}"):
            build_opensearch([str(SEEDS)], alias, url=URL)
        assert cluster.get(index=LOCKS, id=alias)["_source"]["pid"] == holder["pid"]  # left alone


def test_a_lock_held_by_a_build_is_renewed_and_released(cluster, alias):
    store = OpenSearchStore(alias, URL, cluster)
    with store.write_lock() as lease:
        held = cluster.get(index=LOCKS, id=alias)["_source"]
        assert held["pid"] == os.getpid() and held["expires"] > time.time() + LEASE_S / 2
        assert not lease.stale(held)
        lease.check()
    assert not cluster.get(index=LOCKS, id=alias, params={"ignore": 404}).get("found")


def test_shards_and_replicas_are_set_from_the_cli_and_shown_by_stats(cluster, alias, runner, monkeypatch):
    monkeypatch.setenv("RELEASES_OPENSEARCH_URL", URL)
    args = ["index", str(SEEDS), "--backend", "opensearch", "--index", alias, "--json"]
    done = runner.invoke(cli, [*args, "--shards", "2", "--replicas", "0"])
    assert done.exit_code == 0, done.output
    stats = runner.invoke(cli, ["stats", "--backend", "opensearch", "--index", alias, "--json"])
    layout = json.loads(stats.output)["layout"]
    assert (layout["alias"], layout["shards"], layout["replicas"]) == (alias, 2, 0)
    assert layout["physical"].startswith(f"{alias}-g")
    # Replicas change in place; other shards need a new index.
    again = json.loads(runner.invoke(cli, [*args, "--replicas", "1"]).output)
    assert not again["rebuilt"]
    assert OpenSearchStore(alias, URL, cluster).layout(layout["physical"]) == (2, 1)
    # The new replicas copy the files of a safe commit, though the index was built without replicas.
    cluster.cluster.health(index=alias, wait_for_status="green", params={"timeout": "60s", "request_timeout": 70})
    recoveries = [r for r in cluster.cat.recovery(index=layout["physical"], format="json") if r["type"] == "peer"]
    assert len(recoveries) == 2 and all(int(r["translog_ops"]) == 0 for r in recoveries), recoveries
    resharded = json.loads(runner.invoke(cli, [*args, "--shards", "1"]).output)
    assert resharded["rebuilt"]
    text = runner.invoke(cli, ["stats", "--backend", "opensearch", "--index", alias])
    assert f"Index {alias} -> {alias}-g" in text.output and ": 1 shards, 1 replicas; cluster " in text.output


def test_a_rebuild_s_replicas_copy_its_files_instead_of_indexing_every_release_again(cluster, alias):
    if int(cluster.cluster.health()["number_of_data_nodes"]) < 2:
        pytest.skip("replicas need a second data node")
    report = build_opensearch([SEEDS], alias, url=URL, rebuild=True, shards=2, replicas=1)
    store = OpenSearchStore(alias, URL, cluster)
    physical = store.live()
    recoveries = [r for r in cluster.cat.recovery(index=physical, format="json") if r["type"] == "peer"]
    assert len(recoveries) == 2 and report.total == store.count(physical) > 0
    # A replica of a safe commit copies its segment files and replays nothing; from the empty first commit it
    # would index every release of its shard again.
    assert all(int(r["files"]) > 0 and int(r["translog_ops"]) == 0 for r in recoveries), recoveries


def test_a_rebuild_without_replicas_flushes_once_and_waits_for_no_copy(cluster, alias, monkeypatch):
    from opensearchpy.client.cluster import ClusterClient
    from opensearchpy.client.indices import IndicesClient

    asked: list[str] = []
    for owner, name in ((IndicesClient, "flush"), (ClusterClient, "health")):
        real = getattr(owner, name)
        monkeypatch.setattr(
            owner, name, lambda self, *a, real=real, name=name, **kw: asked.append(name) or real(self, *a, **kw)
        )
    report = build_opensearch([SEEDS], alias, url=URL, rebuild=True, shards=SHARDS, replicas=0)
    # One flush commits every document; a second (a commit a replica can copy) and a wait for green need replicas.
    assert asked.count("flush") == 1 and "health" not in asked
    assert report.total == OpenSearchStore(alias, URL, cluster).count(alias) > 0


def test_shards_are_refused_on_whoosh(tmp_path):
    from indexer import build_index

    with pytest.raises(ReleaseSearchError, match="use them with --backend opensearch"):
        build_index([SEEDS], tmp_path / "index", shards=3)


def test_a_cluster_that_does_not_answer_in_time_is_reported(monkeypatch):
    from opensearchpy.exceptions import ConnectionTimeout

    from indexer.backends.opensearch.client import translated_errors

    with pytest.raises(BackendUnavailable, match="did not answer in time: check the cluster's health"):
        with translated_errors(URL):
            raise ConnectionTimeout("TIMEOUT", "read timed out", None)
