"""`releases saved` lists each saved search with everything that narrows it (words, filters and dates), as /saved
shows it, so a count next to it is never read as the whole company's or the whole query's; on a mistyped --index it
says there is no index there instead of "no saved searches"."""

from __future__ import annotations

import pytest

from indexer.cli import main

# The seeds: two ImmunoGen releases, 2011-10-20 (Business Wire) and 2011-11-07 (GlobeNewswire).
CASES = [
    (["plain", "immunogen"], "plain: 'immunogen' - 2 releases"),
    (["wire", "", "--facet", "wire=Business Wire"], "wire: wire=Business Wire - 1 release"),
    (["since", "immunogen", "--from", "2011-11"], "since: 'immunogen' from 2011-11 - 1 release"),
    (["window", "", "--from", "2011-10-01", "--to", "2011-10-31"], "window: from 2011-10-01 to 2011-10-31 - 1 release"),
    (["until", "", "--ticker", "IMGN", "--to", "2011"], "until: 'ticker:IMGN' to 2011 - 2 releases"),
    (["all", ""], "all: (everything) - 2 releases"),
]


@pytest.mark.parametrize(("args", "line"), CASES)
def test_each_saved_search_is_listed_with_its_dates(runner, seeds_index, args, line):
    index = ["--index", str(seeds_index)]
    assert runner.invoke(main, ["save", *args, *index]).exit_code == 0
    listed = runner.invoke(main, ["saved", *index])
    assert listed.exit_code == 0 and listed.output.splitlines() == [line]


@pytest.mark.parametrize("as_json", [[], ["--json"]])
def test_saved_on_a_mistyped_index_says_there_is_no_index(runner, tmp_path, as_json):
    listed = runner.invoke(main, ["saved", "--index", str(tmp_path / "no-such-index"), *as_json])
    assert listed.exit_code == 1 and "no index at " in listed.output and "No saved searches" not in listed.output


def test_saved_on_an_index_with_none_saved_says_how_to_save_one(runner, seeds_index):
    listed = runner.invoke(main, ["saved", "--index", str(seeds_index)])
    assert listed.exit_code == 0 and listed.output.startswith("No saved searches: save one with")
