"""What a build says: built, updated or rebuilt; a folder with no files is warned about, and the site of an empty index says how to fill it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from indexer.cli import main
from webapp import create_app


@pytest.fixture
def empty_index(tmp_path):
    (tmp_path / "releases").mkdir()
    result = CliRunner().invoke(main, ["index", str(tmp_path / "releases"), "--index", str(tmp_path / "index")])
    return tmp_path, result


def test_indexing_a_folder_without_files_warns(empty_index):
    root, result = empty_index
    assert result.exit_code == 0
    assert f"Warning: no files in {root / 'releases'}: give the folder holding the releases" in result.output


def test_the_home_page_of_an_empty_index_says_how_to_fill_it(empty_index):
    root, _ = empty_index
    html = create_app({"RELEASES_INDEX": str(root / "index"), "TESTING": True}).test_client().get("/").get_data(True)
    assert "The index holds no releases yet: build it with <code>releases index FOLDER</code>" in html
    assert "0 releases" not in html


def test_an_index_with_files_gives_no_warning(tmp_path):
    (tmp_path / "r.txt").write_text(
        "Harbel Trading Opens a Store\n\nDENVER, March 4, 2024 /PRNewswire/ -- Harbel Trading Co. today opened a "
        "store in its home town, its first, for its customers and partners.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["index", str(tmp_path), "--index", str(tmp_path / "index")])
    assert result.exit_code == 0 and "Warning" not in result.output


def test_the_build_summary_says_built_then_updated_then_rebuilt(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(
        "Harbel Trading Opens a Store\n\nDENVER, March 4, 2024 /PRNewswire/ -- Harbel Trading Co. today opened a "
        "store in its home town, its first, for its customers and partners.\n",
        encoding="utf-8",
    )
    index = ["--index", str(tmp_path / "index")]
    said = [
        CliRunner().invoke(main, ["index", str(tmp_path / "in"), *index, *more]).output.split(":")[0]
        for more in ([], [], ["--rebuild"])
    ]
    assert said == [f"Index {mode} at {tmp_path / 'index'}" for mode in ("built", "updated", "rebuilt")]
