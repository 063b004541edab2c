"""What the command line prints when its reader goes away early (`releases search ... | head`): nothing more, no
error, the status of other Unix tools."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from indexer import build_index

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds_index(tmp_path_factory):
    """The sample releases' index (built once: only read)."""
    index = tmp_path_factory.mktemp("cli_output") / "index"
    build_index([ROOT / "seeds"], index)
    return index


@pytest.mark.parametrize(
    "args",
    [["search", ""], ["search", "ticker:IMGN", "--json"], ["stats"], ["companies"], ["companies", "--json"]],
)
def test_a_closed_pipe_ends_the_output_quietly(seeds_index, args):
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line is written
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from indexer.cli import main; main()", *args, "--index", str(seeds_index)],
            stdout=write,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=120,
        )
    finally:
        os.close(write)
    assert done.stderr.decode() == ""
    assert done.returncode == 141


def test_python_dash_m_runs_the_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "--help"],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.returncode == 0
    assert done.stdout.decode().startswith("Usage: releases ")


@pytest.mark.parametrize(
    ("query", "first_line"),
    [
        ("ticker:IMGN", "1-2 of 2 results for 'ticker:IMGN'"),
        ("qqqzzzxx", "No releases match 'qqqzzzxx'"),
        ("immunogen qqqzzzxx", "No release holds all the words of 'immunogen qqqzzzxx'; 2 releases hold some of them:"),
        (
            "conference qqqzzzxx",
            "No release holds all the words of 'conference qqqzzzxx'; 1 release holds some of them:",
        ),
    ],
)
def test_search_counts_are_worded_as_on_the_site(seeds_index, query, first_line):
    from click.testing import CliRunner

    from indexer.cli import main

    out = CliRunner().invoke(main, ["search", query, "--index", str(seeds_index)])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0] == first_line
    assert " of 0 " not in out.output


def test_parse_lists_skipped_files_as_skipped_not_as_errors(tmp_path):
    from click.testing import CliRunner

    from indexer.cli import main

    (tmp_path / "blob.dat").write_bytes(b"\x00\x01\x02\x03binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = CliRunner().invoke(
        main, ["parse", str(tmp_path / "blob.dat"), str(tmp_path / "empty.txt"), str(ROOT / "seeds")]
    )
    assert out.exit_code == 3  # parsed, some files skipped
    assert f"Skipped {tmp_path / 'blob.dat'}: binary file, not a release" in out.output
    assert f"Skipped {tmp_path / 'empty.txt'}: empty file" in out.output
    assert "Error" not in out.output and "ImmunoGen" in out.output
