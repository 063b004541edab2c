"""Links and special files in a source folder: links leading out and pipes, sockets, devices skipped unopened."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from pathlib import Path

import pytest
from build_helpers import build_within, indexed_paths, write_releases

from indexer.cli import main
from indexer.parse import iter_sources, parse_paths


def _secret(tmp_path: Path) -> Path:
    """A file outside the sources, in the shape of a release, that must never be indexed through a link."""
    outside = tmp_path / "private"
    write_releases(outside, 1, seed=99)
    (secret,) = outside.iterdir()
    return secret


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_link_out_of_the_sources_is_skipped_with_its_reason(tmp_path, kind):
    src = tmp_path / "src"
    good = write_releases(src, 3)
    secret = _secret(tmp_path)
    link = src / "x.md"
    link.symlink_to(secret if kind == "file" else secret.parent, target_is_directory=kind == "folder")
    report = build_within(30, [src], tmp_path / "ix")
    assert {item["path"] for item in report.skipped} == {str(link)}
    (reason,) = [item["reason"] for item in report.skipped]
    assert "outside the sources" in reason and "--follow-links" in reason
    assert set(indexed_paths(tmp_path / "ix")) == {str(p) for p in good}


def test_a_link_within_the_sources_is_followed(tmp_path):
    src = tmp_path / "src"
    good = write_releases(src / "a", 2)
    (src / "b").mkdir()
    (src / "b" / "copy.txt").symlink_to(good[0])
    (src / "b" / "folder").symlink_to(src / "a", target_is_directory=True)  # its files are read where they are
    report = build_within(30, [src], tmp_path / "ix")
    assert report.skipped == []
    assert set(indexed_paths(tmp_path / "ix")) == {str(p) for p in good} | {str(src / "b" / "copy.txt")}


def test_follow_links_follows_links_anywhere(tmp_path):
    src = tmp_path / "src"
    write_releases(src, 2)
    secret = _secret(tmp_path)
    (src / "linked.txt").symlink_to(secret)
    (src / "loop").symlink_to(src, target_is_directory=True)  # a cycle is read once
    report = build_within(30, [src], tmp_path / "ix", follow_links=True)
    assert report.skipped == []
    assert str(src / "linked.txt") in set(indexed_paths(tmp_path / "ix"))


def test_a_link_given_by_name_is_followed(tmp_path):
    secret = _secret(tmp_path)
    link = tmp_path / "given.txt"
    link.symlink_to(secret)
    assert [r.headline for r in parse_paths([link]) if not hasattr(r, "reason")]


def _unfollowable(src: Path, kind: str) -> Path:
    """A link that leads nowhere ("broken") or back to itself through another link ("loop")."""
    link = src / "gone.txt"
    if kind == "broken":
        link.symlink_to(src / "nowhere.txt")
    else:
        link.symlink_to(src / "back.txt")
        (src / "back.txt").symlink_to(link)
    return link


_UNFOLLOWABLE = {
    "broken": "a broken link (its target does not exist): skipped",
    "loop": "a link loop (it leads back to itself through links): skipped; point the link at a file or remove it",
}


@pytest.mark.parametrize("kind", sorted(_UNFOLLOWABLE))
def test_a_link_that_cannot_be_followed_is_reported_for_what_it_is(tmp_path, kind):
    src = tmp_path / "src"
    write_releases(src, 1)
    link = _unfollowable(src, kind)
    reasons = {item.path: item.reason for item in iter_sources([src]) if hasattr(item, "reason")}
    assert reasons[str(link)] == _UNFOLLOWABLE[kind]


@pytest.mark.parametrize("kind", sorted(_UNFOLLOWABLE))
def test_index_names_a_link_loop_apart_from_a_broken_link(runner, tmp_path, kind):
    src = tmp_path / "src"
    write_releases(src, 1)
    link = _unfollowable(src, kind)
    result = runner.invoke(main, ["index", str(src), "--index", str(tmp_path / "ix"), "--sec-tickers", "none"])
    assert result.exit_code == 3, result.output
    assert f"{link}: {_UNFOLLOWABLE[kind]}" in result.output
    assert ("a link loop" in result.output) == (kind == "loop")


def _special_files(folder: Path) -> dict[str, str]:
    """A named pipe, a socket and links to a device and to the pipe; what each must be reported as."""
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "pipe.txt")
    # Bound by its name in the folder: a socket's path may not pass 107 bytes, which a long TMPDIR's folders do.
    with socket.socket(socket.AF_UNIX) as listener, contextlib.chdir(folder):
        listener.bind("sock.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "pipe-link.txt").symlink_to(folder / "pipe.txt")
    return {
        str(folder / "pipe.txt"): "named pipe",
        str(folder / "sock.txt"): "socket",
        str(folder / "zero.txt"): "device",
        str(folder / "pipe-link.txt"): "named pipe",
    }


@pytest.mark.parametrize("workers", [1, 2])
def test_special_files_are_skipped_unopened_and_the_build_ends(tmp_path, workers, monkeypatch):
    import indexer.backends.whoosh.build as parallel

    monkeypatch.setattr(parallel, "INLINE_BELOW", 2)  # workers read the unread files: they must not block either
    src = tmp_path / "src"
    good = write_releases(src, 4)
    expected = _special_files(src)
    report = build_within(30, [src], tmp_path / "ix", procs=workers)
    assert {item["path"]: item["reason"] for item in report.skipped}.keys() == expected.keys()
    for item in report.skipped:
        assert expected[item["path"]] in item["reason"] and "not a regular file" in item["reason"]
    assert set(indexed_paths(tmp_path / "ix")) == {str(p) for p in good}


def test_parse_on_a_named_pipe_reports_it(runner, tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    done: dict = {}
    thread = threading.Thread(target=lambda: done.update(result=runner.invoke(main, ["parse", str(pipe)])), daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "releases parse blocked on a named pipe"
    result = done["result"]
    assert result.exit_code == 3
    assert "named pipe (FIFO), not a regular file" in result.output


def test_parse_follow_links_option(runner, tmp_path):
    src = tmp_path / "src"
    write_releases(src, 1)
    (src / "out.txt").symlink_to(_secret(tmp_path))
    refused = runner.invoke(main, ["parse", str(src)])
    followed = runner.invoke(main, ["parse", "--follow-links", str(src)])
    assert refused.exit_code == 3 and "outside the sources" in refused.output
    assert followed.exit_code == 0 and "out.txt" in followed.output
