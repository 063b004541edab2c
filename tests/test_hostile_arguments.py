"""Every CLI command on hostile arguments: a clear 'Error: ...' or an answer, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.cli import main

ROOT = Path(__file__).resolve().parent.parent
CALENDAR_EDGES = [
    "date:[0001-01-01 TO 9999-12-31]",
    "date:9999-12-31",
    "date:<0001-01-01",
    "date:>9999-12-31",
    "date:<=9999-12-31",
    "date:{9999-12-31 TO *]",
    "date:[* TO 0001-01-01}",
    "NOT date:<0001-01-01",
    "date:>-99999y",
    "date:+99999y",
]
HOSTILE_SEARCHES = [[query] for query in CALENDAR_EDGES] + [
    ["", "--to", "9999-12-31"],
    ["", "--from", "0001-01-01"],
    ["", "--from", "9999-12-31"],
    ["", "--from", "0001-01-01", "--to", "9999-12-31"],
    ["", "--to", "0001-01-01"],
    ["", "--from", "not a date"],
    ["", "--to", "99999-01-01"],
    ["x", "--limit", "-1"],
    ["x", "--limit", "1000000000000"],
    ["x", "--page", "0"],
    ["x", "--page", "1000000000000000000"],
    ["x", "--facet", "nofacet"],
    ["x", "--facet", "nofacet=1"],
    ["\x00\x01\ufffd"],
    ["(" * 500],
    ["word~2 " * 60],
    ["a* " * 60],
    ['"' + "x " * 2000 + '"'],
]


def _assert_no_traceback(result) -> None:
    output = (result.output or "") + (getattr(result, "stderr", "") or "")
    assert "Traceback" not in output, output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)


@pytest.mark.parametrize("args", HOSTILE_SEARCHES, ids=lambda a: repr(a)[:40])
def test_search_on_hostile_arguments_answers_or_explains(runner, seeds_index, args):
    result = runner.invoke(main, ["search", *args, "--index", str(seeds_index)])
    _assert_no_traceback(result)
    if result.exit_code:
        assert "Error" in result.output or "Usage" in result.output


@pytest.mark.parametrize("query", CALENDAR_EDGES[:4])
def test_search_at_the_calendar_ends_as_json(runner, seeds_index, query):
    result = runner.invoke(main, ["search", query, "--json", "--index", str(seeds_index)])
    _assert_no_traceback(result)
    assert result.exit_code == 0, result.output


def test_the_whole_calendar_finds_every_release(runner, seeds_index):
    everything = runner.invoke(main, ["search", "", "--json", "--index", str(seeds_index)])
    whole = runner.invoke(main, ["search", "date:[0001-01-01 TO 9999-12-31]", "--json", "--index", str(seeds_index)])
    cli_range = runner.invoke(
        main, ["search", "", "--from", "0001-01-01", "--to", "9999-12-31", "--json", "--index", str(seeds_index)]
    )
    total = everything.output.split('"total": ')[1].split(",")[0]
    assert int(total) > 0
    assert f'"total": {total},' in whole.output
    assert f'"total": {total},' in cli_range.output
    before = runner.invoke(main, ["search", "date:<0001-01-01", "--json", "--index", str(seeds_index)])
    assert '"total": 0,' in before.output


def _hostile_invocations(tmp: Path, index: Path) -> list[list[str]]:
    afile = tmp / "plain.txt"
    afile.write_text("not an index")
    missing = str(tmp / "missing")
    return [
        ["index", missing, "--index", str(tmp / "new-index")],
        ["index", str(ROOT / "seeds"), "--index", str(afile)],
        ["index", str(ROOT / "seeds"), "--index", str(index), "--workers", "0"],
        ["index", "", "--index", str(tmp / "empty-name")],
        ["parse", missing],
        ["parse", str(tmp)],
        ["parse", "/dev/null"],
        ["parse", "--json", "\x00"],
        ["stats", "--index", missing],
        ["stats", "--index", str(afile)],
        ["stats", "--json", "--index", str(afile)],
        ["search", "x", "--index", missing],
        ["search", "x", "--index", str(afile)],
        ["serve", "--port", "70000", "--index", str(index)],
        ["serve", "--index", missing, "--port", "0", "--backend", "nosuch"],
        ["nosuchcommand"],
    ]


def test_every_command_on_hostile_arguments_prints_no_traceback(runner, seeds_index, tmp_path):
    for args in _hostile_invocations(tmp_path, seeds_index):
        result = runner.invoke(main, args)
        _assert_no_traceback(result)
        assert result.exit_code != 0 or args[0] in ("parse", "index"), (args, result.output)


@pytest.mark.parametrize(
    "args",
    [
        ["search", "date:[0001-01-01 TO 9999-12-31]"],
        ["search", "", "--to", "9999-12-31"],
        ["search", "date:<0001-01-01", "--json"],
        ["parse", "/dev/null"],
        ["stats", "--index", "/nonexistent/index"],
    ],
    ids=lambda a: " ".join(a)[:40],
)
def test_a_real_process_on_hostile_arguments_prints_no_traceback(seeds_index, args):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RELEASES_INDEX": str(seeds_index)}
    done = subprocess.run(
        [sys.executable, "-c", "from indexer.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert done.returncode in (0, 1, 2, 3), done.stderr


@pytest.mark.parametrize(
    "url",
    [
        "/api/search?to=9999-12-31",
        "/api/search?from=0001-01-01&to=9999-12-31",
        "/api/search?from=9999-12-31",
        "/?q=x&to=9999-12-31",
        "/feed.atom?q=date:9999-12-31",
        "/api/export.csv?q=date:<0001-01-01",
    ]
    + [f"/api/search?q={query}" for query in CALENDAR_EDGES]
    + [f"/?q={query}" for query in CALENDAR_EDGES],
)
def test_the_site_answers_dates_at_the_calendar_ends(client, url):
    response = client.get(url)
    assert response.status_code in (200, 400), (url, response.status_code)
    if url.startswith("/api/search"):
        body = response.get_json()
        assert body.get("ok", True) is True or "date" in body["error"] or "offset" in body["error"]
