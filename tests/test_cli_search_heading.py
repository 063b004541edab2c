"""`releases search` names what narrowed the search on its count line (tickers, facet values, dates as read), so a
count printed alone is never taken for the whole query's."""

from __future__ import annotations

import pytest

from indexer.cli import main

# (arguments after `search`, the count line): the seeds hold two ImmunoGen releases, 2011-10-20 (Business Wire)
# and 2011-11-07 (GlobeNewswire).
CASES = [
    (["immunogen"], "1-2 of 2 results for 'immunogen'"),
    (["immunogen", "--facet", "wire=Business Wire"], "1-1 of 1 result for 'immunogen' (wire=Business Wire)"),
    (["--ticker", "IMGN"], "1-2 of 2 results (ticker IMGN)"),
    (["", "--from", "2011-11"], "1-1 of 1 result (from 2011-11-01)"),
    (["immunogen", "--to", "2011-10"], "1-1 of 1 result for 'immunogen' (to 2011-10-31)"),
    (["", "--facet", "year=2011", "--to", "2011"], "1-2 of 2 results (year=2011, to 2011-12-31)"),
    (["immunogen", "--from", "2012"], "No releases match 'immunogen' (from 2012-01-01)"),
    (["", "--facet", "year=1999"], "No releases (year=1999)"),
    ([""], "1-2 of 2 results for ''"),
]


@pytest.mark.parametrize(("args", "heading"), CASES)
def test_the_count_line_names_the_filters(runner, seeds_template, args, heading):
    result = runner.invoke(main, ["search", *args, "--index", str(seeds_template)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == heading


# (arguments after `search`, the lines after the count line): a search that found nothing lists, as the site does,
# each word, filter or date to leave out with what the search then finds.
WAYS_OUT = [
    (["immunogen", "--facet", "year=1999"], ["  Without year=1999: 2 releases"]),
    (["immunogen", "--from", "2011-11"], []),  # found one: nothing to list
    (["immunogen", "--from", "2012"], ["  Without --from 2012-01-01: 2 releases"]),
    (["immunogen", "--facet", "wire=Business Wire", "--to", "2011-09"], ["  Without --to 2011-09-30: 1 release"]),
    (["conference qqqzzzxx", "--match", "any", "--facet", "year=1999"], ["  Without year=1999: 1 release"]),
    (["qqqzzzxx"], []),
]


@pytest.mark.parametrize(("args", "ways"), WAYS_OUT)
def test_an_empty_result_lists_what_to_leave_out(runner, seeds_template, args, ways):
    result = runner.invoke(main, ["search", *args, "--index", str(seeds_template)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line for line in lines[1:] if line.startswith("  Without ")] == ways
    as_json = runner.invoke(main, ["search", *args, "--json", "--index", str(seeds_template)])
    assert "Without" not in as_json.output
