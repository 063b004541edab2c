"""Folders the tests only copy or read, built once per test run (conftest.built_once): under pytest-xdist by the
first worker to ask, in the run's temp folder, while the others wait."""

from __future__ import annotations

import threading
import time

import pytest
from conftest import built_once


class _Factory:
    """A tmp_path_factory whose session folder is given."""

    def __init__(self, base):
        self.base = base

    def getbasetemp(self):
        return self.base


class _Builds:
    """A build that writes one file, slowly, counting its calls; optionally failing halfway once."""

    def __init__(self, fail_first: bool = False):
        self.calls, self.fail_first = 0, fail_first

    def __call__(self, folder):
        self.calls += 1
        folder.mkdir(parents=True)
        (folder / "half").write_text("written first", encoding="utf-8")
        if self.fail_first and self.calls == 1:
            raise OSError("disk full")
        time.sleep(0.05)  # long enough for the other askers to wait on the lock
        (folder / "index").write_text(f"build {self.calls}", encoding="utf-8")


@pytest.mark.parametrize(
    ("worker", "session", "run"),
    [("gw1", "run/popen-gw1", "run"), (None, "run", "run")],
    ids=["xdist worker: the run's folder", "no xdist: the session's folder"],
)
def test_a_folder_is_built_once_in_the_runs_folder(tmp_path, monkeypatch, worker, session, run):
    if worker:
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
    else:
        monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    (tmp_path / session).mkdir(parents=True)
    build = _Builds()
    folders = [built_once(_Factory(tmp_path / session), "acme", build) for _ in range(3)]
    assert build.calls == 1
    assert folders == [tmp_path / run / "built-acme"] * 3
    assert (folders[0] / "index").read_text(encoding="utf-8") == "build 1"


@pytest.mark.parametrize("askers", [2, 4])
def test_workers_asking_together_wait_for_one_build(tmp_path, monkeypatch, askers):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    build = _Builds()
    found = []
    sessions = [tmp_path / f"popen-gw{n}" for n in range(askers)]
    threads = [
        threading.Thread(target=lambda s=s: found.append(built_once(_Factory(s), "acme", build))) for s in sessions
    ]
    for session, thread in zip(sessions, threads, strict=True):
        session.mkdir()
        thread.start()
    for thread in threads:
        thread.join(30)
    assert build.calls == 1 and len(found) == askers
    assert {(f / "index").read_text(encoding="utf-8") for f in found} == {"build 1"}


def test_a_build_that_failed_is_made_again_from_an_empty_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    build = _Builds(fail_first=True)
    with pytest.raises(OSError, match="disk full"):
        built_once(_Factory(tmp_path), "acme", build)
    folder = built_once(_Factory(tmp_path), "acme", build)
    assert build.calls == 2
    assert (folder / "index").read_text(encoding="utf-8") == "build 2"
