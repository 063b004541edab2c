"""Files a build has not indexed before go to the workers unread: the workers read them, open archives
without an archive's name, report what cannot be read, and record the same hashes the build compares."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from build_helpers import write_releases

import indexer.parse as parse_module
from indexer import build_index, open_index
from indexer.backends.whoosh import build as whoosh_build
from indexer.backends.whoosh.build import SegmentSink
from indexer.parse import Source, iter_sources

RELEASE = (
    "Acme Corp Opens Plant in Ohio\n\n"
    "CLEVELAND, March 3, 2024 /PRNewswire/ -- Acme Corp (NYSE: ACME) opened a plant in Ohio today, "
    "adding 200 jobs to its widget business.\n"
)


def _mixed_folder(folder: Path, releases: int) -> None:
    """Synthetic releases, a zip archive named like a text file, a file over the size limit, a PDF."""
    write_releases(folder, releases)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("one.txt", RELEASE)
        archive.writestr("two.txt", RELEASE.replace("Ohio", "Texas").replace("CLEVELAND", "DALLAS"))
    (folder / "bundle.dat").write_bytes(buffer.getvalue())
    with open(folder / "huge.txt", "wb") as handle:  # sparse: over the limit without writing 10 MB
        handle.truncate(parse_module.MAX_FILE_BYTES + 1)
    (folder / "scan.txt").write_bytes(b"%PDF-1.4 not a release")


@pytest.mark.parametrize("procs", [1, 2])
def test_unread_files_are_read_opened_and_reported_by_the_workers(tmp_path, monkeypatch, procs):
    # With procs=2, enough files to start workers and hand each several batches: workers from 16 files, 8 files a
    # batch (INLINE_BELOW and BATCH_FILES are hundreds and 64; the same paths at a sixth of the parsing).
    monkeypatch.setattr(whoosh_build, "INLINE_BELOW", 16)
    monkeypatch.setattr(whoosh_build, "BATCH_FILES", 8)
    folder = tmp_path / "in"
    _mixed_folder(folder, 40)
    report = build_index([folder], tmp_path / "index", procs=procs)
    assert report.workers == procs
    skipped = {Path(item["path"]).name: item["reason"] for item in report.skipped}
    assert set(skipped) == {"huge.txt", "scan.txt"}
    assert skipped["huge.txt"].startswith("file too large")
    assert "PDF" in skipped["scan.txt"]
    assert (report.added, report.files, report.new_files) == (42, 44, 44)
    with open_index(tmp_path / "index") as index:
        hashes = index.backend.source_hashes()
        page = index.search('"widget business"')
    bundle = folder / "bundle.dat"
    assert {f"{bundle}/one.txt", f"{bundle}/two.txt"} <= set(hashes)
    assert {hit.path for hit in page.hits} == {"bundle.dat/one.txt", "bundle.dat/two.txt"}  # inside the folder indexed
    # The workers' hashes are the ones the next run compares against what it reads itself.
    read_here = {s.path: s.digest for s in iter_sources([folder]) if isinstance(s, Source)}
    assert {path: read_here[path] for path in hashes} == hashes
    again = build_index([folder], tmp_path / "index", procs=procs)
    assert (again.added, again.removed, again.unchanged_files, again.new_files) == (0, 0, 42, 2)


def test_iter_sources_defers_only_what_it_is_asked_to(tmp_path):
    folder = tmp_path / "in"
    _mixed_folder(folder, 3)
    (folder / "pack.zip").write_bytes((folder / "bundle.dat").read_bytes())
    eager = {s.path for s in iter_sources([folder]) if isinstance(s, Source)}
    deferred = list(iter_sources([folder], defer=lambda path: not path.endswith("r00000.txt")))
    unread = {s.path for s in deferred if isinstance(s, Source) and s.data is None}
    read = {s.path for s in deferred if isinstance(s, Source) and s.data is not None}
    # Archives named as such are opened at once (their members are what an index compares), the rest waits.
    assert read == {str(folder / "r00000.txt"), f"{folder / 'pack.zip'}/one.txt", f"{folder / 'pack.zip'}/two.txt"}
    assert str(folder / "bundle.dat") in unread and str(folder / "huge.txt") in unread
    assert read | {p for p in eager if p.startswith(str(folder / "bundle.dat"))} | unread >= eager


def test_a_file_gone_before_its_worker_reads_it_is_reported(tmp_path):
    sink = SegmentSink(str(tmp_path))
    (outcome,) = sink.add(Source(str(tmp_path / "vanished.txt"), None))
    assert (outcome.releases, outcome.reason) == (0, "no such file or folder")
    (tmp_path / "here.txt").write_text(RELEASE, encoding="utf-8")
    (outcome,) = sink.add(Source(str(tmp_path / "here.txt"), None))
    assert (outcome.releases, outcome.reason, outcome.unread) == (1, None, True)
    sink.flush()
    (segment,) = sink.take()
    assert segment.doc_count() == 1
