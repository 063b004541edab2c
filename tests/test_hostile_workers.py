"""A parse worker that dies (SIGKILL, the OOM killer) or is stuck: reported with the file it held, replaced, and
the build goes on with every other release; never a hang, and the build lock always released."""

from __future__ import annotations

import pytest
from build_helpers import build_within, indexed_paths, write_releases

import indexer.backends.whoosh.build as parallel
from indexer.model import IndexWorkerFailed


@pytest.fixture
def small_batches(monkeypatch):
    """Workers from a handful of files on, in batches of a few files: a dying worker holds several batches."""
    monkeypatch.setattr(parallel, "INLINE_BELOW", 2)
    monkeypatch.setattr(parallel, "BATCH_FILES", 3)


@pytest.mark.parametrize("marked_at", [0, 17, 39])  # first, middle, last file
def test_a_worker_killed_on_a_file_skips_that_file_only(tmp_path, monkeypatch, small_batches, marked_at):
    src = tmp_path / "src"
    paths = write_releases(src, 40)
    marked = paths[marked_at].with_name(paths[marked_at].stem + "-marked.txt")
    paths[marked_at].rename(marked)
    good = sorted(str(p) for p in paths if p != paths[marked_at])
    monkeypatch.setattr(parallel, "WORKER_FAULT", ("kill", "-marked"))
    report = build_within(60, [src], tmp_path / "ix", procs=2)
    assert report.skipped == [
        {"path": str(marked), "reason": "worker died while reading it (killed by signal 9: out of memory?)"}
    ]
    assert (report.files, report.new_files, report.added, report.total) == (40, 40, 39, 39)
    assert indexed_paths(tmp_path / "ix") == good


def test_a_worker_stuck_on_a_file_is_stopped(tmp_path, monkeypatch, small_batches):
    src = tmp_path / "src"
    paths = write_releases(src, 12)
    stuck = paths[5].rename(paths[5].with_name("hangs-here.txt"))
    monkeypatch.setattr(parallel, "WORKER_FAULT", ("hang", "hangs-here"))
    monkeypatch.setattr(parallel, "STUCK_S", 5)  # a first parse in a fresh worker imports its readers
    report = build_within(60, [src], tmp_path / "ix", procs=2)
    assert [item["path"] for item in report.skipped] == [str(stuck)], report.skipped
    assert "stopped after 5 s" in report.skipped[0]["reason"]
    assert report.added == 11


def test_a_worker_writing_a_segment_for_long_is_not_taken_for_stuck(tmp_path, monkeypatch, small_batches):
    src = tmp_path / "src"
    paths = write_releases(src, 12)
    paths[5].rename(paths[5].with_name("slow-write-after.txt"))
    monkeypatch.setattr(parallel, "WORKER_FAULT", ("slow-write", "slow-write-after"))
    monkeypatch.setattr(parallel, "STUCK_S", 4)  # shorter than the segment write (SLOW_WRITE_S)
    report = build_within(60, [src], tmp_path / "ix", procs=2)
    assert report.skipped == []
    assert report.added == 12
    assert len(indexed_paths(tmp_path / "ix")) == 12


def test_workers_dying_over_and_over_end_the_build_with_an_error(tmp_path, monkeypatch, small_batches):
    src = tmp_path / "src"
    for path in write_releases(src, 20):
        path.rename(path.with_name(path.stem + "-marked.txt"))
    monkeypatch.setattr(parallel, "WORKER_FAULT", ("kill", "-marked"))
    monkeypatch.setattr(parallel, "MAX_WORKER_DEATHS", 3)
    with pytest.raises(IndexWorkerFailed, match="index workers died.*live index is unchanged"):
        build_within(60, [src], tmp_path / "ix", procs=2)
    # The lock was released and nothing half-built is live: the next build runs and indexes everything
    # (in-process: what it shows does not need workers).
    monkeypatch.setattr(parallel, "WORKER_FAULT", None)
    report = build_within(60, [src], tmp_path / "ix", procs=1)
    assert report.added == 20 and report.skipped == []
