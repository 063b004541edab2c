"""A build's memory is bounded whatever its input: archive bombs, huge releases, a memory budget (--memory)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from build_helpers import write_releases
from hostile import write_large_texts, write_tar_gz_bomb, write_zip_bomb

from indexer.cli import main
from indexer.memory import MB, BadMemorySize, MemoryPlan, parse_size
from indexer.parse import iter_sources, parse_bytes
from indexer.parse.archive import MAX_RATIO
from indexer.parse.assemble import MAX_TEXT_CHARS

ROOT = Path(__file__).resolve().parent.parent
LINUX = sys.platform.startswith("linux")

# Runs a build in a process whose address space is capped: a build that reads a bomb into memory dies.
_CAPPED_BUILD = textwrap.dedent(
    """
    import json, resource, sys
    cap = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    import indexer.backends.whoosh.build as parallel
    from indexer.build import build_index
    parallel.INLINE_BELOW = 2  # workers, as a large build has
    report = build_index([sys.argv[2]], sys.argv[3], memory=sys.argv[4], procs=2)
    print(json.dumps(report.to_json()))
    """
)


@pytest.mark.skipif(not LINUX, reason="RLIMIT_AS and fork: Linux")
def test_bombs_and_huge_releases_are_indexed_within_a_memory_cap(tmp_path):
    src = tmp_path / "src"
    good = write_releases(src / "good", 17)
    large = write_large_texts(src / "large", 4)
    write_tar_gz_bomb(src / "bombs" / "bomb.tar.gz")  # 250 files of 10 MiB in 9 MB
    write_zip_bomb(src / "bombs" / "bomb.zip")  # 2,000 files of 1 MB in 7 MB
    index = tmp_path / "ix"
    done = subprocess.run(
        [sys.executable, "-c", _CAPPED_BUILD, str(768 * MB), str(src), str(index), "512M"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    skipped = {item["path"]: item["reason"] for item in report["skipped"]}
    assert all("bomb" in path for path in skipped), skipped
    assert "archive bomb" in skipped[str(src / "bombs" / "bomb.tar.gz")]
    assert "zip bomb" in skipped[str(src / "bombs" / "bomb.zip")]
    assert report["added"] == len(good) + len(large)

    from indexer import open_index

    with open_index(index) as opened:
        hits = opened.search("", per_page=100, collapse=False).hits
        # Hits show paths inside the source folder.
        assert sorted(str(src / hit.path) for hit in hits) == sorted(str(p) for p in good + large)
        truncated = opened.search("Large Corp Files Report", per_page=10, collapse=False).hits
        assert {str(src / hit.path) for hit in truncated} >= {str(p) for p in large}


def test_a_long_release_is_cut_and_flagged_not_refused():
    words = ("Acme said more. " * (MAX_TEXT_CHARS // 8)).encode()
    (release,) = parse_bytes("/r/long.txt", b"Acme Files A Long Report\n\nBOSTON, March 3, 2021 -- " + words)
    assert release.flags == [f"truncated at {MAX_TEXT_CHARS // MB} MB"]
    assert len(release.lede + release.body) <= MAX_TEXT_CHARS
    (short,) = parse_bytes("/r/short.txt", b"Acme Files A Short Report\n\nBOSTON, March 3, 2021 -- Acme said.")
    assert short.flags == []


@pytest.mark.parametrize("member_kb", [100, 900, 5000])
def test_a_zip_member_compressed_like_a_bomb_is_refused_whatever_its_size(tmp_path, member_kb):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"A" * member_kb * 1024)
        archive.writestr("good.txt", b"Acme Opens Plant\n\nBOSTON, May 1, 2020 -- Acme opened a plant.\n")
    items = list(iter_sources([path]))
    reasons = [item.reason for item in items if hasattr(item, "reason")]
    assert len(reasons) == 1 and "like a zip bomb" in reasons[0]
    assert [item.path for item in items if not hasattr(item, "reason")] == [f"{path}/good.txt"]


def test_a_zip_of_many_bomb_members_is_refused_in_one_line(tmp_path):
    path = write_zip_bomb(tmp_path / "many.zip", members=50, member_bytes=200_000)
    reasons = [item.reason for item in iter_sources([path])]
    assert len(reasons) < 12 and "stopped reading it" in reasons[-1]


def test_a_gzip_stream_that_unpacks_like_a_bomb_is_stopped(tmp_path):
    path = tmp_path / "release.txt.gz"
    path.write_bytes(gzip.compress(b"Acme\n\n" + b"A" * (8 * MB)))
    (error,) = list(iter_sources([path]))
    assert f"over {MAX_RATIO} times its packed size" in error.reason


def test_an_ordinary_tar_gz_is_read_whole(tmp_path):
    import tarfile

    folder = tmp_path / "in"
    write_releases(folder, 30)
    path = tmp_path / "ok.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        archive.add(folder, arcname="in")
    items = list(iter_sources([path]))
    assert len(items) == 30 and not any(hasattr(item, "reason") for item in items)


@pytest.mark.parametrize(
    ("text", "size"),
    [("1G", 1024 * MB), ("512M", 512 * MB), ("1.5g", 1536 * MB), ("2GB", 2048 * MB), ("300MiB", 300 * MB)],
)
def test_memory_sizes_are_read(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["lots", "12", "-1G", "1X"])
def test_unreadable_or_tiny_memory_sizes_are_refused_with_a_hint(text):
    with pytest.raises(BadMemorySize, match="--memory|512M"):
        parse_size(text)


@pytest.mark.parametrize(("budget", "procs"), [(512 * MB, 2), (2048 * MB, 2), (2048 * MB, 64), (300 * MB, 8)])
def test_a_memory_plan_stays_within_its_budget(budget, procs):
    plan = MemoryPlan.for_budget(budget, procs)
    assert 1 <= plan.workers <= procs
    main_share = budget - plan.workers * (plan.rss_bytes / 0.8)
    assert main_share >= budget * 0.2
    assert plan.segment_bytes < plan.rss_bytes


def test_cli_index_takes_a_memory_budget(runner, tmp_path):
    write_releases(tmp_path / "in", 3)
    good = runner.invoke(main, ["index", str(tmp_path / "in"), "--index", str(tmp_path / "ix"), "--memory", "1G"])
    bad = runner.invoke(main, ["index", str(tmp_path / "in"), "--index", str(tmp_path / "ix"), "--memory", "lots"])
    assert good.exit_code == 0, good.output
    assert bad.exit_code == 1 and "Error: cannot read the memory size 'lots'" in bad.output
