"""The end-to-end slice on the two seeds: parse, index, search through Python, the CLI and the web."""

from __future__ import annotations

import json
import re

import pytest

from indexer import IndexNotFound, QueryError, build_index, open_index, parse_file
from indexer.cli import main

SEED_A = "000_230fdcdb53d21366.txt"
SEED_B = "001_6257db4fedbdf94f.txt"


def test_parse_seed_a(seeds_dir):
    (release,) = parse_file(seeds_dir / SEED_A)
    assert release.headline == "ImmunoGen, Inc. Named One of The Boston Globe's 2011 Top Places to Work"
    assert release.date == "2011-11-07"
    assert release.tickers == ["NASDAQ:IMGN"]
    assert release.wire == "GlobeNewswire"
    assert release.location == "Waltham, Mass."
    assert release.company == "ImmunoGen, Inc."
    assert release.language == "en"
    assert release.about.startswith("About ImmunoGen")
    assert "info@immunogen.com" in release.emails


def test_parse_seed_b(seeds_dir):
    (release,) = parse_file(seeds_dir / SEED_B)
    assert release.date == "2011-10-20"
    assert release.wire == "Business Wire"
    assert release.tickers == ["NASDAQ:IMGN"]
    assert "conference-call" in release.types


def test_cli_parse_json(runner, seeds_dir):
    result = runner.invoke(main, ["parse", str(seeds_dir / SEED_A), str(seeds_dir / SEED_B), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["date"] for r in rows] == ["2011-11-07", "2011-10-20"]
    assert rows[0]["path"] == str(seeds_dir / SEED_A)
    assert {r["wire"] for r in rows} == {"GlobeNewswire", "Business Wire"}
    for row in rows:
        assert row["tickers"] == ["NASDAQ:IMGN"]
        assert row["company"] == "ImmunoGen, Inc."
        assert row["language"] == "en"


@pytest.mark.parametrize(
    ("query", "options", "expected"),
    [
        ("conference call", {}, [SEED_B]),
        ("ticker:IMGN", {}, [SEED_A, SEED_B]),
        ("", {"date_from": "2011-11-01"}, [SEED_A]),
        ('headline:"top places"', {}, [SEED_A]),
        ("immunogen", {"sort": "oldest"}, [SEED_B, SEED_A]),
        ("immunogen", {"sort": "newest"}, [SEED_A, SEED_B]),
        ("", {"tickers": ["IMGN"], "date_to": "2011-10-31"}, [SEED_B]),
        ("date:2011-11", {}, [SEED_A]),
        ("date:[2011-10-01 TO 2011-10-31]", {}, [SEED_B]),
        ("immunogen -conference", {}, [SEED_A]),
        ("immun*", {"sort": "oldest"}, [SEED_B, SEED_A]),
        ("imunogen~", {"sort": "oldest"}, [SEED_B, SEED_A]),
        ("wire:globenewswire", {}, [SEED_A]),
        ("workplace OR webcast", {"sort": "oldest"}, [SEED_B, SEED_A]),
        ("boston AND globe", {}, [SEED_A]),
    ],
)
def test_query_forms(index, query, options, expected):
    page = index.search(query, **options)
    names = [hit.path.rsplit("/", 1)[-1] for hit in page.hits]
    if options.get("sort") in ("newest", "oldest") or len(expected) == 1:
        assert names == expected
    else:
        assert sorted(names) == sorted(expected)
    assert page.total == len(expected)


def test_conference_call_ranks_first(index):
    page = index.search("conference call")
    assert page.hits[0].path.endswith(SEED_B)
    assert "<mark" in page.hits[0].snippet


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"conference call', "unbalanced quote"),
        ("(acquisition", r"unbalanced '\('"),
        ("colour:blue", "unknown field 'colour'"),
        ("date:notadate", "cannot read the date"),
        ("date:[2011 TO", "unclosed bracket"),
    ],
)
def test_bad_queries_say_what_to_do(index, query, message):
    with pytest.raises(QueryError, match=message):
        index.search(query)


def test_missing_index_says_how_to_build(tmp_path):
    with pytest.raises(IndexNotFound, match="build one with 'releases index"):
        open_index(tmp_path / "nothing")


def test_facets_count_whole_result_set(index):
    page = index.search("immunogen")
    assert {v.value: v.count for v in page.facets["ticker"].values} == {"NASDAQ:IMGN": 2}
    assert {v.value: v.count for v in page.facets["wire"].values} == {"GlobeNewswire": 1, "Business Wire": 1}
    assert {v.value: v.count for v in page.facets["year"].values} == {"2011": 2}


def test_facet_selection_keeps_own_counts(index):
    page = index.search("immunogen", filters={"wire": ["Business Wire"]})
    assert page.total == 1
    wire = {v.value: (v.count, v.selected) for v in page.facets["wire"].values}
    # The wire facet ignores its own selection, so the other wire stays visible and countable.
    assert wire == {"Business Wire": (1, True), "GlobeNewswire": (1, False)}
    assert {v.value: v.count for v in page.facets["year"].values} == {"2011": 1}


def test_cli_search_json_shape(runner, seeds_index):
    result = runner.invoke(main, ["search", "conference call", "--json", "--index", str(seeds_index)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["ok"] is True and data["total"] == 1 and data["page"] == 1 and data["per_page"] == 10
    hit = data["hits"][0]
    assert set(hit) >= {"id", "path", "headline", "date", "tickers", "company", "wire", "score", "snippet"}
    assert hit["path"].endswith(SEED_B)
    assert set(data["facets"]) >= {"ticker", "year", "wire"}
    assert data["facets"]["ticker"] == [{"value": "NASDAQ:IMGN", "count": 1, "selected": False}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", '"open'], "Error: unbalanced quote"),
        (["search", "x", "--from", "someday"], "Error: cannot read the date 'someday'"),
        (["search", "x", "--index", "/no/such/index"], "Error: no index at /no/such/index: build one"),
        (["stats", "--index", "/no/such/index"], "Error: no index at"),
    ],
)
def test_cli_errors(runner, seeds_index, args, message):
    if "--index" not in args:
        args = args + ["--index", str(seeds_index)]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_json_error_shape(runner, seeds_index):
    result = runner.invoke(main, ["search", "(x", "--json", "--index", str(seeds_index)])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["ok"] is False and data["status"] == 400 and "unbalanced" in data["error"]


def test_cli_index_and_stats(runner, tmp_path, seeds_dir):
    path = tmp_path / "ix"
    result = runner.invoke(main, ["index", str(seeds_dir), "--index", str(path)])
    assert result.exit_code == 0, result.output
    assert re.search(r"2 releases indexed from 2 files", result.output)
    stats = runner.invoke(main, ["stats", "--index", str(path)])
    assert "2 releases" in stats.output and "2011-10-20 to 2011-11-07" in stats.output
    assert "NASDAQ:IMGN (2)" in stats.output


def test_index_reports_and_skips_bad_files(runner, tmp_path, seeds_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text((seeds_dir / SEED_A).read_text())
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (folder / "broken.json").write_text('{"title": "x", ')
    result = runner.invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix"), "--json"])
    assert result.exit_code == 3
    data = json.loads(result.output)
    reasons = {item["path"].rsplit("/", 1)[-1]: item["reason"] for item in data["skipped"]}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "malformed JSON" in reasons["broken.json"]
    assert data["added"] == 1


def test_incremental_update(tmp_path, seeds_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (SEED_A, SEED_B):
        (folder / name).write_text((seeds_dir / name).read_text())
    path = tmp_path / "ix"
    first = build_index([folder], path)
    assert (first.added, first.rebuilt) == (2, True)
    again = build_index([folder], path)
    assert (again.added, again.unchanged_files, again.removed) == (0, 2, 0)
    (folder / SEED_B).unlink()
    changed = build_index([folder], path)
    assert (changed.removed, changed.total) == (1, 1)
    with open_index(path) as index:
        assert [h.path for h in index.search("immunogen").hits] == [SEED_A]


def test_open_searcher_sees_rebuild(tmp_path, seeds_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / SEED_A).write_text((seeds_dir / SEED_A).read_text())
    path = tmp_path / "ix"
    build_index([folder], path)
    with open_index(path) as index:
        assert index.search("immunogen").total == 1
        (folder / SEED_B).write_text((seeds_dir / SEED_B).read_text())
        build_index([folder], path)
        assert index.search("immunogen").total == 2


def test_readme_python_example(tmp_path, seeds_dir, monkeypatch):
    """The README's Python example runs as written."""
    readme = (seeds_dir.parent / "README.md").read_text()
    block = re.search(r"## Python API.*?```python\n(.*?)```", readme, re.S).group(1)
    monkeypatch.chdir(seeds_dir.parent)
    monkeypatch.setenv("RELEASES_INDEX", str(tmp_path / "readme-index"))
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    assert namespace["page"].total >= 1


def test_search_page(client):
    response = client.get("/?q=conference+call")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "1–1 of 1 release<" in body
    assert "Conference Call to Discuss" in body
    assert '<mark class="hl' in body


def test_search_page_facet_link_filters(client):
    body = client.get("/?q=immunogen").get_data(as_text=True)
    link = re.search(r'href="(/\?[^"]*wire=Business[^"]*)"', body).group(1)
    filtered = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert "1–1 of 1 release<" in filtered
    assert "Remove filter wire: Business Wire" in filtered


def test_search_page_bad_query_is_friendly(client):
    response = client.get('/?q="open')
    assert response.status_code == 400
    assert "unbalanced quote" in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_api_search_matches_cli_shape(client):
    data = client.get("/api/search?q=ticker:IMGN&per_page=10").get_json()
    assert data["ok"] is True and data["total"] == 2
    assert {h["path"].rsplit("/", 1)[-1] for h in data["hits"]} == {SEED_A, SEED_B}


def test_api_error_shape(client):
    response = client.get("/api/search?q=date:[2011")
    assert response.status_code == 400
    assert response.get_json() == {"ok": False, "error": response.get_json()["error"], "status": 400}
    assert "unclosed bracket" in response.get_json()["error"]


def test_release_page_and_api(client, index):
    hit = index.search("conference call").hits[0]
    page = client.get(f"/releases/{hit.id}")
    assert page.status_code == 200 and "Forward-looking" not in page.get_data(as_text=True)
    data = client.get(f"/api/releases/{hit.id}").get_json()
    assert data["release"]["headline"] == hit.headline
    assert data["release"]["sections"]["about"].startswith("About ImmunoGen")
    assert client.get("/api/releases/nope").status_code == 404


def test_app_without_index_is_friendly(tmp_path):
    from webapp import create_app

    client = create_app({"RELEASES_INDEX": str(tmp_path / "none")}).test_client()
    response = client.get("/?q=x")
    assert response.status_code == 503 and "releases index" in response.get_data(as_text=True)
    assert client.get("/api/search?q=x").get_json()["ok"] is False


def test_serve_reports_a_busy_port(runner, seeds_index):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(main, ["serve", "--index", str(seeds_index), "--port", str(port)])
    assert result.exit_code == 1
    assert f"Error: cannot listen on 127.0.0.1:{port}" in result.output
    assert "choose another port with --port" in result.output
    assert "Traceback" not in result.output
