"""Index lifecycle under a live site: generations, the atomic switch, killed and concurrent builds,
searchers that follow a rebuild without a restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from build_helpers import write_releases

from indexer import IndexLocked, build_index, open_index
from indexer.backends.whoosh import backend as whoosh
from indexer.backends.whoosh import build as whoosh_build
from indexer.backends.whoosh.store import CURRENT, WhooshStore
from webapp import create_app

ROOT = Path(__file__).resolve().parent.parent
PARALLEL_FROM = 16  # files from which a build here starts parse workers (INLINE_BELOW, lowered)


def _releases_cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from indexer.cli import main; main()", *args]


def _generations(index: Path) -> list[str]:
    return sorted(p.name for p in index.iterdir() if p.name.startswith("gen-"))


def _processes_mentioning(text: str) -> list[int]:
    """Process ids whose command line contains text (a build and its forked workers share one)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().decode("utf-8", "replace")
            except OSError:
                continue
            if text in cmdline and int(entry) != os.getpid():
                found.append(int(entry))
    return found


def test_rebuild_switches_generation_and_removes_the_old_one(tmp_path):
    folder = tmp_path / "in"
    write_releases(folder, 2)
    index = tmp_path / "ix"
    build_index([folder], index)
    first = _generations(index)
    with open_index(index) as opened:
        assert opened.search("").total == 2
        write_releases(folder, 3, start=2)
        build_index([folder], index)
        assert opened.search("").total == 3  # the same open index, no restart
        second = _generations(index)
        assert len(first) == len(second) == 1 and first != second
        assert (index / CURRENT).read_text().strip() == second[0]
        build_index([folder], index, rebuild=True)
        assert opened.search("").total == 3
        assert _generations(index) not in (first, second)


def test_searches_during_builds_see_the_old_or_the_new_index_only(tmp_path):
    folder = tmp_path / "in"
    write_releases(folder, 4)
    index = tmp_path / "ix"
    build_index([folder], index)
    write_releases(folder, 8, start=4)
    seen, errors = set(), []
    done = threading.Event()

    def build_twice():
        try:
            build_index([folder], index)
            build_index([folder], index, rebuild=True)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            done.set()

    with open_index(index) as opened:
        builder = threading.Thread(target=build_twice)
        builder.start()
        while not done.is_set():
            seen.add(opened.search("").total)
        builder.join()
        seen.add(opened.search("").total)
    assert not errors
    assert seen <= {4, 8} and 8 in seen


def test_web_app_follows_a_rebuild_without_restart(tmp_path):
    folder = tmp_path / "in"
    write_releases(folder, 2)
    index = tmp_path / "ix"
    build_index([folder], index)
    client = create_app({"RELEASES_INDEX": str(index), "TESTING": True}).test_client()
    assert client.get("/api/search?q=").get_json()["total"] == 2
    write_releases(folder, 5, start=2)
    build_index([folder], index)
    assert client.get("/api/search?q=").get_json()["total"] == 5


def test_snapshot_retries_when_a_build_removes_the_generation_being_opened(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write_releases(folder, 2)
    index = tmp_path / "ix"
    build_index([folder], index)
    with open_index(index) as opened:
        gone = str(index / "gen-19700101-000000-1-000000")
        real = WhooshStore.current
        answers = iter([gone])
        # The first read of CURRENT names a generation that a build has just deleted.
        monkeypatch.setattr(WhooshStore, "current", lambda self: next(answers, None) or real(self))
        assert opened.search("").total == 2


def test_second_build_fails_at_once_with_a_clear_message(tmp_path):
    folder = tmp_path / "in"
    write_releases(folder, 1)
    index = tmp_path / "ix"
    store = WhooshStore(index)
    with store.write_lock():
        with pytest.raises(IndexLocked, match=r"another 'releases index' \(process \d+\) is writing .*: wait for it"):
            build_index([folder], index)
        result = subprocess.run(
            _releases_cli("index", str(folder), "--index", str(index)), cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 1
        assert f"Error: another 'releases index' (process {os.getpid()}) is writing" in result.stderr
    assert build_index([folder], index).total == 1  # the lock is free again


def test_interrupted_build_leaves_the_old_index_and_the_next_one_cleans_up(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write_releases(folder, 3)
    index = tmp_path / "ix"
    build_index([folder], index)
    live = _generations(index)
    write_releases(folder, 6, start=3)

    def fail(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("indexer.build.merge_small_segments", fail)
    with pytest.raises(KeyboardInterrupt):
        build_index([folder], index)
    assert _generations(index) == live
    monkeypatch.undo()
    (index / "gen-20000101-000000-1-000001").mkdir()  # as a killed build would leave behind
    assert build_index([folder], index).total == 6
    assert len(_generations(index)) == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the build's processes")
def test_build_killed_halfway_leaves_the_old_index_serving(tmp_path, monkeypatch):
    """SIGKILL in the middle of a parallel build: the old index serves, no process is left, the next build completes."""
    old = tmp_path / "old"
    write_releases(old, 3)
    index = tmp_path / "ix"
    build_index([old], index)
    live = (index / CURRENT).read_text()
    new = tmp_path / "many"
    paths = write_releases(new, 900)
    with open_index(index) as serving:
        assert serving.search("").total == 3
        build = subprocess.Popen(
            _releases_cli("index", str(new), "--index", str(index), "--workers", "2"),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        # Halfway: the new generation exists and workers are parsing into it.
        while time.monotonic() < deadline and (
            len(_generations(index)) < 2 or len(_processes_mentioning(str(new))) < 3
        ):
            time.sleep(0.05)
        time.sleep(0.5)
        assert build.poll() is None, "the build finished before it could be killed: give it more files"
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        assert (index / CURRENT).read_text() == live
        assert serving.search("").total == 3
        with open_index(index) as fresh:
            assert fresh.search("").total == 3
        deadline = time.monotonic() + 10
        while _processes_mentioning(str(new)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _processes_mentioning(str(new)) == [], "workers outlived the killed build"
        assert len(_generations(index)) == 2  # the half-built one is still there
        # The next build of the same folders completes, with parse workers as the killed one had: it needs no more
        # of the files that kept the killed build busy, and starts its workers at a sixteenth of the size (as
        # test_build.py's parallel builds do; a batch for each worker).
        monkeypatch.setattr(whoosh_build, "INLINE_BELOW", PARALLEL_FROM)
        monkeypatch.setattr(whoosh_build, "BATCH_FILES", PARALLEL_FROM // 2)
        for path in paths[PARALLEL_FROM:]:
            path.unlink()
        report = build_index([old, new], index, procs=2)
        assert report.workers > 1
        assert report.total == 3 + PARALLEL_FROM and serving.search("", collapse=False).total == 3 + PARALLEL_FROM
    assert len(_generations(index)) == 1


def test_retired_searchers_are_closed_after_a_while(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write_releases(folder, 2)
    index = tmp_path / "ix"
    build_index([folder], index)
    monkeypatch.setattr(whoosh, "RETIRE_AFTER_S", 0.0)
    with open_index(index) as opened:
        opened.search("")
        backend = opened.backend
        first = backend._snapshot
        build_index([folder], index, rebuild=True)
        opened.search("")
        opened.search("")
        assert backend._snapshot is not first and backend._retired == []
        assert first.searcher.is_closed
