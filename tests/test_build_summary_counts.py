"""`releases index` accounts for every file it looked at: new, changed and unchanged add up to the files counted,
whether a file was skipped before it was read (a link out of the sources) or after (junk)."""

from __future__ import annotations

import json

import pytest

from indexer.cli import main
from tests.build_helpers import write_releases


def _summary(runner, folder, index) -> dict:
    result = runner.invoke(main, ["index", str(folder), "--index", str(index), "--json"])
    assert result.exit_code == 3, result.output  # some files were skipped
    return json.loads(result.output)


@pytest.mark.parametrize("skipped_before_reading", [0, 1, 2])
def test_new_changed_and_unchanged_add_up_to_the_files(runner, tmp_path, skipped_before_reading):
    folder = tmp_path / "in"
    write_releases(folder, 2)
    (folder / "note.txt").write_text("hello\n", encoding="utf-8")  # skipped once read: not a release
    outside = tmp_path / "outside.txt"
    outside.write_text("a file outside the sources\n", encoding="utf-8")
    for n in range(skipped_before_reading):
        (folder / f"link{n}.txt").symlink_to(outside)  # skipped before reading: a link out of the sources
    index = tmp_path / "ix"
    for run in (1, 2):
        data = _summary(runner, folder, index)
        assert data["files"] == 3 + skipped_before_reading, data
        assert data["new_files"] + data["changed_files"] + data["unchanged_files"] == data["files"], (run, data)
        assert len(data["skipped"]) == 1 + skipped_before_reading
    # The second run: the releases' files are unchanged, the skipped ones are tried again (new).
    assert (data["unchanged_files"], data["new_files"]) == (2, 1 + skipped_before_reading)


def test_text_summary_counts_a_link_skipped_as_new(runner, tmp_path):
    folder = tmp_path / "in"
    write_releases(folder, 1)
    (tmp_path / "outside.txt").write_text("outside\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "outside.txt")
    result = runner.invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 3, result.output
    assert "from 2 files (2 new, 0 changed, 0 unchanged, 0 gone" in result.output
