"""Release paths against a build's sources: the file holding a release, and which paths lie under the sources."""

from __future__ import annotations

import pytest

from indexer.release_paths import existing_file, is_under


@pytest.mark.parametrize(
    ("given", "holding"),
    [
        ("{root}/a.txt", "{root}/a.txt"),
        ("{root}/news.tar.gz/2020/b.json", "{root}/news.tar.gz"),
        ("{root}/news.tar.gz/c.json", "{root}/news.tar.gz"),
    ],
)
def test_existing_file_is_the_file_or_archive_holding_a_release(tmp_path, given, holding):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "news.tar.gz").write_bytes(b"x")
    assert existing_file(given.format(root=tmp_path)) == holding.format(root=tmp_path)


@pytest.mark.parametrize(
    ("path", "under"),
    [
        ("/data/releases", True),
        ("/data/releases/a.txt", True),
        ("/data/releases/x.zip/member.json", True),
        ("/data/releases-old/a.txt", False),  # a sibling sharing the name's start is not inside
        ("/data/a.txt", False),
        ("/data/releases/../other/a.txt", False),
    ],
)
def test_is_under_means_inside_a_source_not_a_name_prefix(path, under):
    assert is_under(path, ["/elsewhere", "/data/releases"]) is under
