"""Helpers for the OpenSearch tests: reaching the cluster (skip, or fail in CI), unique index names,
and a fixed sample of the shared corpus.

Run them locally with a throw-away three-node cluster:
    bash .ci/opensearch.sh start
    RELEASES_OPENSEARCH_URL=$(bash .ci/opensearch.sh urls) .venv/bin/python -m pytest tests/test_opensearch*.py
    bash .ci/opensearch.sh stop
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tarfile
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXTRACTED = ROOT / ".cache" / "corpus"
# Every node's URL (comma-separated): the client moves to another node when one is lost.
URL = os.environ.get("RELEASES_OPENSEARCH_URL") or "http://127.0.0.1:9200"
# Where .ci/opensearch.sh keeps the nodes (their pid files): the node-loss tests kill and restart one.
NODES_DIR = Path(os.environ.get("OPENSEARCH_CACHE_DIR") or ROOT / ".cache" / "opensearch") / "nodes"
HOW_TO_RUN = (
    f"needs an OpenSearch cluster at {URL} (RELEASES_OPENSEARCH_URL): start the local three-node test cluster "
    "with 'bash .ci/opensearch.sh start', then run pytest again"
)
# Held shared by every test using the cluster and alone by a test that kills a node: a file lock, so it holds
# across pytest-xdist workers and across test runs on this machine that use the same cluster.
USE_LOCK = Path(tempfile.gettempdir()) / f"release-search-cluster-{hashlib.sha1(URL.encode()).hexdigest()[:12]}.lock"
# One run's indices share this prefix, so parallel runs and leftovers never collide.
RUN_PREFIX = f"t{uuid.uuid4().hex[:8]}"
# The tests' index layout: one shard and no replica (SHARDS, REPLICAS). Most tests' subject is the same on any
# shard count (a build, a query's translation, a lock), and a shard less is less to create, fill and search; a
# replica is recovered from its primary on another node, most of the cluster's CPU in a small build. What two
# shards merge (totals, facets and the timeline summed over shards, pages and cursors, copies folded, scores and
# suggestions with every shard's statistics, scans) is proved on TWO_SHARDS by the tests whose subject it is, each
# checking that its documents fill both shards (filled_shards). REPLICATED (one replica): losing a node
# (test_opensearch_nodes.py: a copy on every node; searches then served by the lost shards' other copies).
SHARDS, REPLICAS = 1, 0
TWO_SHARDS = 2
REPLICATED = 1
# Corpus files whose path hashes to 0 modulo this are in the sample (about 1 in SAMPLE_EVERY of each archive).
SAMPLE_EVERY = {"nasdaq100-2019": 12, "newsworthy-archive-2023-2026": 64, "wirefeed-newsml": 1}


def cluster_client():
    """A client of the test cluster, or a skip (a failure when CI=true) saying how to start one."""
    try:
        from opensearchpy import OpenSearch
    except ImportError:
        _unavailable("needs the opensearch-py client: pip install -e '.[test]'")
    client = OpenSearch(hosts=[h.strip() for h in URL.split(",") if h.strip()], timeout=30, max_retries=2)
    try:
        health = client.cluster.health(params={"timeout": "10s", "request_timeout": 20})
    except Exception as exc:  # any failure to reach it means: no cluster here
        client.close()
        _unavailable(f"{HOW_TO_RUN} ({type(exc).__name__})")
    if health.get("number_of_data_nodes", 0) < 1:
        _unavailable(f"{HOW_TO_RUN} (no data node)")
    return client


@contextmanager
def cluster_use(*, alone: bool = False) -> Iterator[None]:
    """Use the cluster beside other tests (shared), or alone (a node-loss test waits for the others to finish)."""
    lock = os.open(USE_LOCK, os.O_RDONLY | os.O_CREAT, 0o666)  # read-only: other users may lock it too
    try:
        fcntl.flock(lock, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        yield
    finally:
        os.close(lock)  # releases the lock


def _unavailable(message: str):
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI must run the OpenSearch tests: {message}", pytrace=False)
    pytest.skip(message)


def index_name(label: str) -> str:
    """A unique index (alias) name for one test."""
    return f"{RUN_PREFIX}-{label}-{uuid.uuid4().hex[:6]}".lower()


def drop(client, alias: str) -> None:
    """Delete an alias's physical indices and lock (test cleanup)."""
    from indexer.backends.opensearch.store import OpenSearchStore

    OpenSearchStore(alias, URL, client).drop()


def filled_shards(client, alias: str) -> list[int]:
    """How many documents each shard of an alias's index holds, in shard order: a test about what shards merge
    checks that none is empty (releases are routed by duplicate key: a small index may sit on one shard)."""
    [(_, found)] = client.indices.get_settings(index=alias, name="index.number_of_shards").items()
    shards = int(found["settings"]["index"]["number_of_shards"])
    return [client.count(index=alias, params={"preference": f"_shards:{n}"})["count"] for n in range(shards)]


def _sampled(archive: str, name: str) -> bool:
    digest = int(hashlib.sha1(name.encode()).hexdigest()[:8], 16)
    return name.rsplit(".", 1)[-1] in ("json", "md", "xml", "newsml") and digest % SAMPLE_EVERY[archive] == 0


def corpus_sample(target: Path) -> Path | None:
    """About 500 real releases from the shared corpus (None when there is no corpus), to read, not to change.

    The same files every time: a file is in when its path's hash says so. Read from the extracted copy
    in .cache/corpus when there is one, else straight from the archives (one pass each, no full extract), into
    target; then kept in .cache/corpus-sample for the next runs (reading the archives costs about 2 CPU-s).
    """
    if not CORPUS.is_dir() and not EXTRACTED.is_dir():
        return None
    archives = sorted(p for p in CORPUS.glob("*.tar.gz") if p.name.removesuffix(".tar.gz") in SAMPLE_EVERY)
    stamp = repr([(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in archives] + sorted(SAMPLE_EVERY.items()))
    kept = ROOT / ".cache" / "corpus-sample" / hashlib.sha1(stamp.encode()).hexdigest()[:12]
    if not EXTRACTED.is_dir() and kept.is_dir():
        return kept
    _copy_sample(target)
    if not EXTRACTED.is_dir():
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(dir=kept.parent))
        shutil.copytree(target, partial / "sample")
        try:
            (partial / "sample").rename(kept)  # whole or not at all: another run may be writing it too
        except OSError:
            pass  # another run kept it first
        shutil.rmtree(partial, ignore_errors=True)
    return target


def _copy_sample(target: Path) -> None:
    """The sample's files copied under target."""
    for archive in SAMPLE_EVERY:
        folder = EXTRACTED / archive
        out = target / archive
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                name = path.relative_to(folder).as_posix()
                if path.is_file() and _sampled(archive, name):
                    (out / name).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, out / name)
        elif (CORPUS / f"{archive}.tar.gz").is_file():
            with tarfile.open(CORPUS / f"{archive}.tar.gz") as tar:
                for info in tar:
                    name = info.name.removeprefix("./")  # archives hold paths inside their folder
                    if info.isfile() and _sampled(archive, name):
                        (out / name).parent.mkdir(parents=True, exist_ok=True)
                        with tar.extractfile(info) as src, open(out / name, "wb") as dst:
                            shutil.copyfileobj(src, dst)
