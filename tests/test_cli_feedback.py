"""What the CLI tells a user who gives a wrong folder, page or limit, and how it prints counts."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from indexer.cli import main


@pytest.mark.parametrize("given", [["{tmp}/nonexistent"], ["{seeds}", "{tmp}/nonexistent"]])
def test_indexing_a_missing_folder_is_an_error_and_builds_nothing(runner, tmp_path, seeds_dir, given):
    index = tmp_path / "ix"
    args = [g.format(tmp=tmp_path, seeds=seeds_dir) for g in given]
    result = runner.invoke(main, ["index", *args, "--index", str(index)])
    assert result.exit_code == 1
    assert f"Error: no such file or folder: {tmp_path}/nonexistent" in result.output
    assert "nothing was indexed" in result.output and "Traceback" not in result.output
    assert not index.exists()


def test_a_missing_folder_leaves_an_existing_index_alone(runner, tmp_path, seeds_dir):
    index = tmp_path / "ix"
    assert runner.invoke(main, ["index", str(seeds_dir), "--index", str(index)]).exit_code == 0
    before = sorted(p.name for p in index.rglob("*"))
    result = runner.invoke(main, ["index", str(tmp_path / "gone"), "--index", str(index), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["ok"] is False
    assert sorted(p.name for p in index.rglob("*")) == before
    stats = json.loads(runner.invoke(main, ["stats", "--index", str(index), "--json"]).output)
    assert stats["releases"] == 2


@pytest.mark.parametrize("as_json", [False, True])
def test_a_page_past_the_end_says_so(runner, seeds_index, as_json):
    args = ["search", "", "--page", "999", "--index", str(seeds_index)] + (["--json"] if as_json else [])
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    message = json.loads(result.output)["error"] if as_json else result.output
    assert "--page 999 is past the end: 2 results make 1 page of 10" in message
    assert "use --page 1 to 1" in message


@pytest.mark.parametrize(
    ("args", "option"),
    [(["--limit", "0"], "--limit"), (["--limit", "500"], "--limit"), (["--page", "0"], "--page")],
)
def test_range_errors_name_the_option_typed(runner, seeds_index, args, option):
    result = runner.invoke(main, ["search", "x", *args, "--index", str(seeds_index)])
    assert result.exit_code == 2
    assert option in result.output and "per_page" not in result.output


@pytest.mark.parametrize("command", [["search", "x"], ["save", "name", "x"]])
@pytest.mark.parametrize("as_json", [False, True])
def test_a_facet_without_a_value_shows_the_form(runner, seeds_index, command, as_json):
    args = [*command, "--facet", "wire", "--index", str(seeds_index)] + (["--json"] if as_json else [])
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    message = json.loads(result.output)["error"] if as_json else result.output
    assert "--facet takes NAME=VALUE, e.g. --facet wire='Business Wire', not 'wire'" in message


@pytest.mark.parametrize("command", [["search", ""], ["save", "name", ""]])
def test_facet_options_narrow_to_any_value_given(runner, web_index, tmp_path, command):
    index = tmp_path / "index"
    shutil.copytree(web_index, index)  # save writes beside the index
    everything = json.loads(runner.invoke(main, ["search", "", "--json", "--index", str(index)]).output)
    counts = {v["value"]: v["count"] for v in everything["facets"]["wire"]}
    first, second = list(counts)[:2]

    def total(*facets: str) -> int:
        args = [*command, "--json", "--index", str(index), *(a for f in facets for a in ("--facet", f))]
        answer = json.loads(runner.invoke(main, args).output)
        return answer["saved"]["total"] if "saved" in answer else answer["total"]

    assert total(f" wire = {first} ") == counts[first] < everything["total"]
    assert total(f"wire={first}", f"wire={second}") == counts[first] + counts[second]


def test_counts_have_thousands_separators(runner, synthetic_index):
    result = runner.invoke(main, ["search", "", "--index", str(synthetic_index)])
    assert result.exit_code == 0, result.output
    assert re.match(r"1-10 of \d,\d{3} results", result.output)
    stats = runner.invoke(main, ["stats", "--index", str(synthetic_index)])
    assert re.match(r"\d,\d{3} releases in ", stats.output)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "widgets", "--page", "0"], r"Invalid value for '--page': 0 is not in the range"),
        (["search", "widgets", "--sort", "loudest"], r"Invalid value for '--sort': 'loudest' is not one of"),
        (["search", "widgets", "--limit", "many"], r"Invalid value for '--limit'"),
        (["save"], r"Missing argument 'NAME'"),
        (["companies", "quill", "feather"], r"unexpected extra argument \(feather\)"),
        (["stats", "--tickers"], r"No such option '--tickers'"),
    ],
)
def test_a_usage_error_with_json_prints_the_json_error_shape(runner, tmp_path, args, message):
    result = runner.invoke(main, [*args, "--json", "--index", str(tmp_path / "ix")])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["status"] == 400
    assert re.search(message, data["error"])
    assert "Usage: " in result.stderr  # and the usual usage text for people


def test_a_usage_error_without_json_prints_no_json(runner, tmp_path):
    result = runner.invoke(main, ["search", "widgets", "--page", "0", "--index", str(tmp_path / "ix")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Error: Invalid value for '--page'" in result.stderr


@pytest.mark.parametrize(
    ("query", "expected"),
    [("conference", "1 result makes 1 page of 10"), ("", "2 results make 1 page of 10")],
)
def test_a_page_past_the_end_counts_in_words(runner, seeds_index, query, expected):
    result = runner.invoke(main, ["search", query, "--page", "5", "--index", str(seeds_index)])
    assert result.exit_code == 1
    assert f"--page 5 is past the end: {expected} (--limit); use --page 1 to 1" in result.stderr


@pytest.mark.parametrize("as_json", [False, True])
def test_parsing_an_empty_folder_says_it_holds_no_files(runner, tmp_path, as_json):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["parse", str(tmp_path / "empty")] + (["--json"] if as_json else []))
    assert result.exit_code == 0 and result.stdout == ""
    assert f"Warning: no files in {tmp_path / 'empty'}: give the files or folders holding the releases" in result.stderr


UNDATED = (
    "Quillfeather Widgets Opens a Foundry\n\nQuillfeather Widgets Inc., a maker of industrial widgets, opened a new "
    "foundry for brass fittings beside its mill, adding forty jobs for welders and machinists in the town.\n"
)


@pytest.mark.parametrize(
    ("files", "first_line"),
    [
        ({}, "0 releases in {ix}: index releases into it with 'releases index SOURCE... --index {ix}'"),
        ({"undated.txt": UNDATED}, "1 release in {ix}"),
    ],
)
def test_stats_of_an_index_without_dates_prints_no_date_range(runner, tmp_path, files, first_line):
    (tmp_path / "in").mkdir()
    for name, text in files.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    ix = tmp_path / "ix"
    assert runner.invoke(main, ["index", str(tmp_path / "in"), "--index", str(ix)]).exit_code == 0
    result = runner.invoke(main, ["stats", "--index", str(ix)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == first_line.format(ix=ix)
