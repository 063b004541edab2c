"""A page's count line gives the ranks it shows within each count: the releases holding every word (`total`) and
those holding only some (`partial_total`, listed after them), so page 2 never reads "21-40 of 9"; and a later
page of a corrected search still says whose results it shows."""

from __future__ import annotations

import re

import pytest

from indexer.cli import main
from indexer.model import Hit, Page


def _page(total: int, partial: int, shown: int) -> Page:
    hits = [Hit(f"{n:016x}", f"n{n}.txt", "Acme news", None, [], None, None, 1.0, "") for n in range(shown)]
    return Page("acme", total, 1, 5, hits, {}, partial_total=partial)


@pytest.mark.parametrize(
    ("total", "partial", "first", "shown", "ranks"),
    [
        (9, 0, 1, 5, ((1, 5), None)),  # every word: the page lies within the total
        (9, 420, 6, 5, ((6, 9), (1, 1))),  # the page crosses from the counted releases to the others
        (9, 420, 11, 5, (None, (2, 6))),  # only releases holding some words
        (0, 7, 6, 2, (None, (6, 7))),  # no release holds every word
        (3, 0, 1, 0, (None, None)),  # an empty page
    ],
)
def test_a_page_knows_its_ranks_within_each_count(total, partial, first, shown, ranks):
    assert _page(total, partial, shown).shown(first) == ranks


# "globex aquisition" in the web fixture: 2 releases of Globex hold "acquisition" (the typo's spelling), 16 more hold
# one of the words; 5 a page.
@pytest.mark.parametrize(
    ("page", "count_line", "partial_line"),
    [
        ("1", "1-2 of 2 results", "and 1-3 of 16 releases that match some of your words, listed after these"),
        ("2", "2 results", "and 4-8 of 16 releases that match some of your words"),
        ("4", "2 results", "and 14-16 of 16 releases that match some of your words"),
    ],
)
def test_the_terminal_count_lines_give_each_counts_ranks(runner, web_index, page, count_line, partial_line):
    args = ["search", "globex aquisition", "--limit", "5", "--page", page, "--index", str(web_index)]
    lines = runner.invoke(main, args).output.splitlines()
    assert lines[0] == (
        f"{count_line} for 'globex aquisition' (showing results for 'globex acquisition'; "
        "--no-spell searches the words as typed)"
    )
    assert lines[1] == partial_line


def test_no_spell_searches_the_words_as_typed(runner, web_index):
    result = runner.invoke(main, ["search", "globex aquisition", "--no-spell", "--index", str(web_index)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("No release holds all the words of 'globex aquisition' (did you mean: globex ")


@pytest.mark.parametrize(
    ("page", "count_line"),
    [
        ("1", "1–2 of 2 releases, and 1–3 of 16 releases that match some of your words"),
        ("2", "2 releases, and 4–8 of 16 releases that match some of your words"),
        ("4", "2 releases, and 14–16 of 16 releases that match some of your words"),
    ],
)
def test_the_sites_count_line_gives_each_counts_ranks(web, page, count_line):
    body = web.get("/", query_string={"q": "globex aquisition", "per_page": "5", "page": page}).get_data(as_text=True)
    shown = re.search(r'<p class="count" role="status">(.*?)</p>', body, re.S).group(1)
    assert " ".join(re.sub(r"<[^>]+>", " ", shown).split()).startswith(count_line)
    assert "Showing results for" in body  # on every page of the corrected search


@pytest.mark.parametrize("page", ["1", "3"])
def test_every_page_of_a_corrected_search_says_so(web, page):
    found = web.get("/api/search", query_string={"q": "globex aquisition", "per_page": "5", "page": page}).get_json()
    assert (found["suggestion"], found["corrected"]) == ("globex acquisition", True)
