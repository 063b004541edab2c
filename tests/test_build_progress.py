"""The progress of a build as people see it: a fraction and time left only when the number of files is known;
archives' members are counted as they are read, never as more files done than there are."""

from __future__ import annotations

import io
import tarfile
import time
import zipfile

import pytest

from indexer.model import BuildProgress
from indexer.progress import ProgressPrinter, describe, files_to_read


def _release(n: int) -> bytes:
    return (
        f"Quillon Ferries Adds Route {n}\n\nDENVER, March {n + 1}, 2024 /PRNewswire/ -- Quillon Ferries Inc. "
        f"(NASDAQ: QLFR) today opened route {n} between two harbours.\n"
    ).encode()


def _tar(path, members: int) -> None:
    with tarfile.open(path, "w:gz") as tar:
        for n in range(members):
            data = _release(n)
            info = tarfile.TarInfo(f"r{n}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def _zip(path, members: int) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(members):
            archive.writestr(f"r{n}.txt", _release(n))


@pytest.mark.parametrize(("loose", "archive"), [(3, None), (0, "tar.gz"), (2, "zip"), (2, "tgz")])
def test_files_to_read_is_unknown_when_an_archive_is_among_them(tmp_path, loose, archive):
    for n in range(loose):
        (tmp_path / f"loose{n}.txt").write_bytes(_release(n))
    if archive:
        (_zip if archive == "zip" else _tar)(tmp_path / f"feed.{archive}", 5)
    assert files_to_read([tmp_path]) == (None if archive else loose)


@pytest.mark.parametrize(
    ("done", "total", "shown"), [(42, 4, "42 files, "), (4, 4, "4/4 files, "), (3, None, "3 files, ")]
)
def test_more_files_done_than_counted_show_no_fraction_or_time_left(done, total, shown):
    fraction, text = describe(BuildProgress(done, total, done, "x", time.monotonic() - 5))
    assert text.startswith(shown)
    assert (fraction is None) == (shown != "4/4 files, ") and ("left" in text) == (fraction is not None)


def test_a_build_of_an_archive_never_shows_more_files_done_than_its_total(tmp_path):
    from indexer import build_index

    _tar(tmp_path / "feed.tar.gz", 6)
    lines: list[str] = []
    printer = ProgressPrinter(io.StringIO(), terminal=True)
    seen: list[BuildProgress] = []

    def record(progress: BuildProgress) -> None:
        seen.append(progress)
        lines.append(describe(progress)[1])
        printer(progress)

    report = build_index([tmp_path / "feed.tar.gz"], tmp_path / "index", progress=record)
    assert report.added == 6 and seen
    assert all(p.files_total is None for p in seen)
    assert all("/" not in line.split(" file")[0] and "left" not in line for line in lines)
