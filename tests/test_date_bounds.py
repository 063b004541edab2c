"""A year or month given as a bound (`--from 2019 --to 2019`, `from=2019-10`, `date_from="Oct 2019"`) covers the
whole period, whatever today's day and month; an impossible day is named as such."""

from __future__ import annotations

import json
import re

import pytest

from indexer import build_index, open_index
from indexer.cli import main
from webapp import create_app

DAYS = ("January 1, 2019", "October 1, 2019", "October 31, 2019", "December 31, 2019", "February 29, 2020")


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("date_bounds")
    folder = root / "in"
    folder.mkdir()
    for n, day in enumerate(DAYS):
        (folder / f"r{n}.txt").write_text(
            f"Quillon Ferries Opens Route {n}\n\nDENVER, {day} /PRNewswire/ -- Quillon Ferries Inc. (NASDAQ: QLFR) "
            f"today opened ferry route number {n} across the bay, with support from its board and partners.\n",
            encoding="utf-8",
        )
    build_index([folder], root / "ix")
    return root / "ix"


# (from, to, releases found): a bound's missing parts are the period's first day (from) or last day (to).
BOUNDS = [
    ("2019", "2019", 4),
    ("2019-10", "2019-10", 2),
    ("Oct 2019", "Oct 2019", 2),
    ("2019-11", "2020", 2),
    ("2020-02", "2020-02", 1),
    ("2019", "2019-01", 1),
    ("2019-10-31", "2019-12", 2),
]


@pytest.mark.parametrize(("start", "end", "found"), BOUNDS)
def test_a_partial_date_bound_covers_its_whole_period(dated_index, runner, start, end, found):
    with open_index(dated_index) as index:
        assert index.search("", date_from=start, date_to=end).total == found
    result = runner.invoke(main, ["search", "--from", start, "--to", end, "--json", "--index", str(dated_index)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["total"] == found
    web = create_app({"RELEASES_INDEX": str(dated_index), "TESTING": True}).test_client()
    assert web.get("/api/search", query_string={"from": start, "to": end}).get_json()["total"] == found


@pytest.mark.parametrize("day", ["2019-02-29", "2020-02-30", "2019-13-01"])
def test_an_impossible_day_is_named(dated_index, runner, day):
    result = runner.invoke(main, ["search", "--from", day, "--index", str(dated_index)])
    assert result.exit_code == 1
    assert f"there is no such day as '{day}'" in result.output


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2019", "2019-10", ("2019-01-01", "2019-10-31")),
        ("Oct 1 2019", "", ("2019-10-01", "")),
        ("", "2020-02", ("", "2020-02-29")),
        ("2019-10-31", "2019-12-31", ("2019-10-31", "2019-12-31")),
    ],
)
def test_the_date_fields_show_the_days_searched(dated_index, start, end, shown):
    web = create_app({"RELEASES_INDEX": str(dated_index), "TESTING": True}).test_client()
    body = web.get("/", query_string={"q": "ferry", "from": start, "to": end}).get_data(as_text=True)
    values = tuple(re.search(rf'type="date" name="{name}" value="([^"]*)"', body).group(1) for name in ("from", "to"))
    assert values == shown
