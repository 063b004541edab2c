"""Where an index folder may be kept: inside the folder it indexes (its own files are no releases), or where a
file stands in the way (a message saying so)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from indexer.backends.whoosh.store import WhooshStore
from indexer.cli import main

RELEASE = """Quillfeather Widgets Reports Record Third Quarter Sales

PORTLAND, Ore., March 3, 2021 /PRNewswire/ -- Quillfeather Widgets Inc. (NASDAQ: QFWX), a maker of
industrial widgets, today reported record sales of {n} million dollars for its third quarter, driven by
strong demand for its brass fittings across the Pacific Northwest and new orders from shipyards.

About Quillfeather Widgets
Quillfeather Widgets Inc. makes fittings for ships and mills.
"""


def _releases(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"release-{n}.txt").write_text(RELEASE.format(n=n + 10), encoding="utf-8")


def _index(runner, source: Path, index: Path):
    result = runner.invoke(main, ["index", str(source), "--index", str(index), "--json"])
    return result.exit_code, json.loads(result.output)


@pytest.mark.parametrize("index_name", ["index", "search-index", os.path.join("var", "ix")])
@pytest.mark.parametrize("with_saved_search", [False, True])
def test_an_index_inside_the_folder_it_indexes_is_not_read_as_releases(runner, tmp_path, index_name, with_saved_search):
    source = tmp_path / "press"
    _releases(source, 2)
    index = source / index_name
    assert _index(runner, source, index)[0] == 0
    if with_saved_search:
        saved = runner.invoke(main, ["save", "widgets", "widgets", "--index", str(index)])
        assert saved.exit_code == 0, saved.output
    _releases(source, 3)  # one new release beside the index
    code, report = _index(runner, source, index)
    assert code == 0, report["skipped"]
    assert report["skipped"] == []
    assert (report["files"], report["new_files"], report["unchanged_files"], report["added"]) == (3, 1, 2, 1)
    assert report["total"] == 3


def test_an_index_folder_that_is_also_the_source_indexes_the_releases_in_it(runner, tmp_path):
    folder = tmp_path / "both"
    _releases(folder, 2)
    assert _index(runner, folder, folder)[0] == 0
    code, report = _index(runner, folder, folder)
    assert code == 0 and report["skipped"] == []
    assert (report["unchanged_files"], report["gone_files"], report["total"]) == (2, 0, 2)


@pytest.mark.parametrize(
    ("relative", "owned"),
    [
        ("CURRENT", True),
        (".write.lock", True),
        (".CURRENT.123.tmp", True),
        ("gen-20270101-000000-1-000001/MAIN_abc.seg", True),
        ("gen-20270101-000000-1-000001/issuers.json", True),
        ("saved-searches.sqlite", True),
        ("saved-searches.sqlite-wal", True),
        ("gen-report.txt", False),  # a file named like a generation, not a generation folder
        ("current-events.txt", False),
        ("2021/release.txt", False),
        ("release.txt", False),
    ],
)
def test_the_files_an_index_owns(tmp_path, relative, owned):
    owns = WhooshStore(tmp_path / "ix").index_files(kept_beside=("saved-searches.sqlite",))
    assert owns(str(tmp_path / "ix" / relative)) is owned
    assert owns(str(tmp_path / "elsewhere" / relative)) is False


@pytest.mark.parametrize("under", ["", "ix"])
@pytest.mark.parametrize("as_json", [False, True])
def test_an_index_path_that_is_a_file_is_refused_with_what_to_do(runner, tmp_path, under, as_json):
    source = tmp_path / "press"
    _releases(source, 1)
    in_the_way = tmp_path / "notes.txt"
    in_the_way.write_text("a file, not an index", encoding="utf-8")
    index = in_the_way / under if under else in_the_way
    result = runner.invoke(main, ["index", str(source), "--index", str(index)] + (["--json"] if as_json else []))
    assert result.exit_code == 1
    message = json.loads(result.stdout)["error"] if as_json else result.stderr
    assert f"cannot keep an index at {index}: {in_the_way} is a file, not a folder; name a folder" in message
    assert in_the_way.read_text(encoding="utf-8") == "a file, not an index"


def test_another_index_among_the_sources_is_not_read_as_releases(runner, tmp_path):
    source = tmp_path / "press"
    _releases(source, 2)
    assert _index(runner, source, source / "old-index")[0] == 0  # an index kept there before
    code, report = _index(runner, source, tmp_path / "new-index")
    assert code == 0 and report["skipped"] == []
    assert (report["files"], report["total"]) == (2, 2)


@pytest.mark.parametrize("current", ["gen-20270101-000000-1-000001\n", "not a generation\n"])
def test_a_folder_is_an_index_only_when_its_current_names_a_generation(tmp_path, current):
    other = tmp_path / "press" / "other"
    (other / "gen-20270101-000000-1-000001").mkdir(parents=True)
    (other / "CURRENT").write_text(current, encoding="utf-8")
    owns = WhooshStore(tmp_path / "ix").index_files()
    is_index = current.startswith("gen-")
    assert owns(str(other / "CURRENT")) is is_index
    assert owns(str(other / "gen-20270101-000000-1-000001" / "MAIN_x.seg")) is is_index
    assert owns(str(other / "release.txt")) is False
