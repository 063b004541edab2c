"""Counts printed with their nouns: one release, two releases, on the site and in the CLI's search output."""

from __future__ import annotations

import re
from html import unescape

import pytest

from indexer.model import Hit, Page, counted
from indexer.terminal import page_text

# The seeds index holds two releases: "conference call" finds one of them, "immunogen" both.
ONE, BOTH = "conference call", "immunogen"


def text(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", unescape(body))


@pytest.mark.parametrize(
    ("number", "noun", "expected"),
    [
        (0, "release", "0 releases"),
        (1, "release", "1 release"),
        (2, "page", "2 pages"),
        (1234, "result", "1,234 results"),
    ],
)
def test_counted_is_singular_for_one_only(number, noun, expected):
    assert counted(number, noun) == expected


def test_one_result_is_worded_in_the_singular_on_the_search_page(client):
    shown = text(client.get("/", query_string={"q": ONE}))
    assert "1–1 of 1 release " in shown and "Export this result:" in shown
    assert not re.search(r"\b1 (releases|results)\b", shown) and "these 1 " not in shown


def test_several_results_are_worded_in_the_plural_on_the_search_page(client):
    shown = text(client.get("/", query_string={"q": BOTH}))
    assert "1–2 of 2 releases" in shown and "Export these 2 results:" in shown


@pytest.mark.parametrize(
    ("query", "expected"), [("conference qqqzzzxx", "1 release matches"), ("immunogen qqqzzzxx", "2 releases match")]
)
def test_releases_matching_some_words_agree_in_number(client, query, expected):
    shown = text(client.get("/", query_string={"q": query}))
    assert f"No release holds all of your words; {expected} some of them" in shown


def test_facet_counts_name_one_release_in_the_singular(client):
    body = client.get("/", query_string={"q": ONE}).get_data(as_text=True)
    hidden = re.findall(r'<span class="count">.*?(\d+)<span class="visually-hidden"> (releases?)', body)
    assert hidden and all((n == "1") == (noun == "release") for n, noun in hidden)


def _hit(n: int) -> Hit:
    return Hit(f"{n:016x}", f"acme-{n}.txt", f"Acme news {n}", "2024-01-02", ["ACME"], "Acme Corp", None, 1.0, "news")


@pytest.mark.parametrize(
    ("total", "partial", "first_line", "second_line"),
    [
        (1, 0, "1-1 of 1 result for 'acme'", None),
        (2, 0, "1-2 of 2 results for 'acme'", None),
        (1, 1, "1-1 of 1 result for 'acme'", "and 1 release that matches some of your words, listed after these"),
        (1, 3, "1-1 of 1 result for 'acme'", "and 3 releases that match some of your words, listed after these"),
    ],
)
def test_terminal_count_lines_agree_in_number(total, partial, first_line, second_line):
    page = Page("acme", total, 1, 10, [_hit(n) for n in range(total)], {}, partial_total=partial)
    lines = page_text(page, "acme").splitlines()
    assert lines[0] == first_line
    assert (lines[1] if second_line else None) == second_line


def _release_file(folder, name: str) -> None:
    (folder / name).write_text(
        f"Contoso Widgets Opens Plant {name}\n\nDENVER, March 3, 2020 (PRNewswire) -- Contoso Widgets Inc. today "
        "opened a widget plant in Denver, its third in Colorado, adding forty jobs to its workforce.\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    ("files", "bad", "expected"),
    [
        (1, 0, ["1 release indexed from 1 file (", "1 release in the index", "0 releases removed"]),
        (2, 0, ["2 releases indexed from 2 files (", "2 releases in the index"]),
        (1, 1, ["1 release indexed from 2 files (", "Skipped 1 file:"]),
        (1, 2, ["1 release indexed from 3 files (", "Skipped 2 files:"]),
    ],
)
def test_build_report_counts_agree_in_number(runner, tmp_path, files, bad, expected):
    from indexer.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(files):
        _release_file(folder, f"plant-{n}.txt")
    for n in range(bad):
        (folder / f"empty-{n}.txt").write_text("")
    result = runner.invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix")])
    assert result.exit_code == (3 if bad else 0), result.output
    for words in expected:
        assert words in result.output
    assert not re.search(r"\b1 (files|releases)\b", result.output)


@pytest.mark.parametrize(
    ("done", "releases", "expected"), [(1, 1, "1 file, 1 release,"), (2, 3, "2 files, 3 releases,")]
)
def test_progress_line_without_a_total_agrees_in_number(done, releases, expected):
    import time

    from indexer.model import BuildProgress
    from indexer.progress import describe

    _, line = describe(BuildProgress(done, None, releases, "x", time.monotonic() - 1))
    assert line.startswith(expected)
