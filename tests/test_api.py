"""The JSON API, exports and the Atom feed through Flask's test client, on a small real index."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree as ET

import pytest

from indexer.cli import main
from webapp import create_app
from webapp.feeds import csv_cell

ATOM = "{http://www.w3.org/2005/Atom}"


def assert_error(response, status: int, fragment: str) -> None:
    """The one error shape, with the status and a message containing fragment."""
    assert response.status_code == status
    assert response.mimetype == "application/json"
    data = response.get_json()
    assert set(data) == {"ok", "error", "status"} and data["ok"] is False and data["status"] == status
    assert fragment in data["error"], data["error"]


# ---- /api/search ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "cli_args"),
    [
        ({"q": "acquire"}, ["acquire"]),
        (
            {"q": "results", "sort": "newest", "page": "2", "per_page": "3"},
            ["results", "--sort", "newest", "--page", "2", "--limit", "3"],
        ),
        (
            {"q": "", "ticker": "NASDAQ:IMGN", "from": "2020-01-01"},
            ["", "--facet", "ticker=NASDAQ:IMGN", "--from", "2020-01-01"],
        ),
        (
            {"q": "platform", "wire": ["Business Wire", "PR Newswire"]},
            ["platform", "--facet", "wire=Business Wire", "--facet", "wire=PR Newswire"],
        ),
    ],
)
def test_api_search_is_the_cli_json(web, runner, web_index, params, cli_args):
    api = web.get("/api/search", query_string=params)
    assert api.status_code == 200 and api.mimetype == "application/json"
    cli = runner.invoke(main, ["search", *cli_args, "--json", "--index", str(web_index)])
    assert cli.exit_code == 0, cli.output
    assert api.get_json() == json.loads(cli.output)


def test_api_search_shape(web, core):
    data = web.get("/api/search?q=acquire").get_json()
    assert data["ok"] is True and data["per_page"] == 10 and data["page"] == 1 and data["sort"] == "relevance"
    assert data["total"] == core.search("acquire").total
    assert set(data["facets"]) == {"ticker", "year", "wire", "company", "exchange", "type", "flag", "location"}
    assert sum(t["count"] for t in data["timeline"]) >= data["total"]
    hit = data["hits"][0]
    assert set(hit) >= {
        "id",
        "path",
        "headline",
        "date",
        "tickers",
        "company",
        "wire",
        "score",
        "snippet",
        "duplicates",
    }


@pytest.mark.parametrize(
    ("query", "status", "fragment"),
    [
        ("q=date:[2011", 400, "unclosed bracket"),
        ('q="open', 400, "unbalanced quote"),
        ("q=x&sort=best", 400, "unknown sort 'best'"),
        ("q=x&page=zero", 400, "page must be a whole number"),
        ("q=x&per_page=0", 400, "per_page must be from 1 to 100"),
        ("q=x&per_page=101", 400, "per_page must be from 1 to 100"),
        ("sort=newest&page=101", 400, "page 101 is past the end: this search has 48 results on 5 pages of 10"),
        ("from=2021-02-01&to=2021-01-01", 400, "is after the 'to' date"),
        ("to=31/31/2020", 400, "cannot read the date"),
        ("q=" + "x" * 1001, 400, "the query is too long"),
    ],
)
def test_api_search_errors(web, query, status, fragment):
    assert_error(web.get("/api/search?" + query), status, fragment)


def test_filter_matching_nothing_shows_no_hits(web, core):
    assert core.search("results", filters={"wire": ["Business Wire"]}).total == 0
    data = web.get("/api/search?q=results&wire=Business+Wire").get_json()
    assert data["total"] == 0 and data["hits"] == []


@pytest.mark.parametrize("path", ["/api/search", "/"])
@pytest.mark.parametrize("query", ["acquisition", '  "conference call" acquire  ', "ticker:IMGN results"])
def test_a_search_parses_its_query_once(web, monkeypatch, path, query):
    """The costly-search check parses the query; the search takes that parse instead of parsing again."""
    import indexer.query
    import indexer.search
    import webapp.limits

    calls = []
    parse = indexer.query.parse_query

    def counted(text):
        calls.append(text)
        return parse(text)

    monkeypatch.setattr(webapp.limits, "parse_query", counted)
    monkeypatch.setattr(indexer.search, "parse_query", counted)
    expected = web.get(path, query_string={"q": query}).get_data()
    assert calls.count(query.strip()) == 1  # (a page that found nothing parses its relaxed searches too)
    monkeypatch.setattr(webapp.limits, "_costly", lambda text: False)  # no parse kept: the search parses
    assert web.get(path, query_string={"q": query}).get_data() == expected
    assert calls.count(query.strip()) == 2


# ---- /api/releases, /api/suggest -------------------------------------------------------------------


def test_api_release(web, core):
    hit = core.search("nimbus immunogen").hits[0]
    data = web.get(f"/api/releases/{hit.id}").get_json()
    assert data["ok"] is True
    release = data["release"]
    assert release["id"] == hit.id and release["headline"] == hit.headline and release["tickers"] == ["NASDAQ:IMGN"]
    assert release["sections"]["about"].startswith("About ImmunoGen")
    assert [d["id"] for d in release["duplicates"]] == [d["id"] for d in hit.duplicates]
    assert [r["id"] for r in data["related"]] == [r.id for r in core.related(hit.id)]


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("/api/releases/0123456789abcdef", "no release with id '0123456789abcdef'"),
        ("/api/releases/nope", "a release id is 16 hexadecimal digits"),
        ("/api/releases/..%2f..%2fpyproject.toml", "a release id is 16 hexadecimal digits"),
        ("/api/nothing", "nothing at this address"),
    ],
)
def test_api_not_found(web, path, fragment):
    assert_error(web.get(path), 404, fragment)


def test_api_suggest(web):
    data = web.get("/api/suggest?q=imm").get_json()
    assert data["ok"] is True and data["query"] == "imm"
    company = [s for s in data["suggestions"] if s["kind"] == "company" and s["value"] == "ImmunoGen, Inc."]
    assert company and company[0]["label"] == "ImmunoGen, Inc. \u00b7 NASDAQ:IMGN"
    # Releases with their copies folded (13 documents), as the company filter counts them.
    assert company[0]["count"] == 12 == web.get("/api/search?company=ImmunoGen,+Inc.").get_json()["total"]
    tickers = web.get("/api/suggest?q=nyse").get_json()["suggestions"]
    assert {s["value"] for s in tickers} == {"NYSE:GLX", "NYSE:INIT"} and {s["kind"] for s in tickers} == {"ticker"}
    assert web.get("/api/suggest?q=").get_json()["suggestions"] == []
    assert len(web.get("/api/suggest?q=n&limit=2").get_json()["suggestions"]) == 2


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("q=" + "a" * 101, "the prefix is too long"),
        ("q=a&limit=0", "limit must be from 1 to 20"),
        ("q=a&limit=x", "limit must be a whole number"),
    ],
)
def test_api_suggest_errors(web, query, fragment):
    assert_error(web.get("/api/suggest?" + query), 400, fragment)


# ---- one error shape for every error -------------------------------------------------------------


def test_api_wrong_method(web):
    response = web.post("/api/search?q=x")
    assert_error(response, 405, "only answers GET")
    assert "GET" in response.headers["Allow"]
    assert_error(web.delete("/api/releases/0123456789abcdef"), 405, "only answers GET")


def test_api_unexpected_failure(web_app, monkeypatch):
    def broken():
        raise RuntimeError("secret internals at /srv/index")

    monkeypatch.setattr("webapp.api.get_index", broken)
    response = web_app.test_client().get("/api/search?q=x")
    assert_error(response, 500, "failed on our side")
    assert "secret" not in response.get_data(as_text=True)


def test_api_without_index(tmp_path):
    client = create_app({"RELEASES_INDEX": str(tmp_path / "none")}).test_client()
    for path in (
        "/api/search?q=x",
        "/api/suggest?q=a",
        "/api/releases/0123456789abcdef",
        "/feed.atom",
        "/api/export.csv",
    ):
        assert_error(client.get(path), 503, "releases index")


# ---- exports ---------------------------------------------------------------------------------------


def read_csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_csv_export(web, core):
    response = web.get("/api/export.csv?q=results&sort=newest")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="releases-results.csv"'
    rows = read_csv(response)
    expected = core.search("results", sort="newest", per_page=100)
    assert [r["id"] for r in rows] == [h.id for h in expected.hits]
    assert response.headers["X-Total-Count"] == str(expected.total) == str(len(rows))
    assert response.headers["X-Export-Truncated"] == "false" and response.headers["X-Export-Limit"] == "1000000"
    first, hit = rows[0], expected.hits[0]
    assert first["headline"] == hit.headline and first["tickers"] == " ".join(hit.tickers) and first["date"] == hit.date
    assert first["url"] == f"http://localhost/releases/{hit.id}"
    assert "<mark" not in first["snippet"]


def test_exports_page_through_the_core(web_index, core):
    # With pages of 100 inside the core, an export of 48 needs one; a limit of 30 cuts it, and says so.
    client = create_app({"RELEASES_INDEX": str(web_index), "EXPORT_LIMIT": 30}).test_client()
    data = client.get("/api/export.json?sort=oldest").get_json()
    assert data["total"] == 48 and data["exported"] == 30 and data["limit"] == 30 and data["truncated"] is True
    assert [h["id"] for h in data["hits"]] == [h.id for h in core.search("", sort="oldest", per_page=30).hits]
    small = client.get("/api/export.csv?sort=oldest&limit=7")
    assert len(read_csv(small)) == 7 and small.headers["X-Export-Truncated"] == "true"
    assert_error(
        client.get("/api/export.csv?limit=31"), 400, "limit must be from 1 to 30 (got 31): an export holds at most"
    )


def test_export_through_pages_for_a_backend_without_its_own(web_index, core, monkeypatch):
    # A backend without export() is read a page at a time: with pages of 20 the 48 releases take three.
    from indexer.backends.whoosh.backend import WhooshBackend

    monkeypatch.delattr(WhooshBackend, "export")
    monkeypatch.setattr("indexer.search.EXPORT_PAGE", 20)
    client = create_app({"RELEASES_INDEX": str(web_index)}).test_client()
    data = client.get("/api/export.json?sort=newest").get_json()
    assert data["exported"] == 48 and data["truncated"] is False
    assert [h["id"] for h in data["hits"]] == [h.id for h in core.search("", sort="newest", per_page=48).hits]


def test_export_errors(web):
    assert_error(web.get("/api/export.json?q=(x"), 400, "unbalanced")
    assert_error(web.get("/api/export.json?limit=1000001"), 400, "limit must be from 1 to 1,000,000")
    assert_error(web.get("/api/export.csv?body=maybe"), 400, "body must be 1")
    assert_error(web.get("/api/export.csv?sort=best"), 400, "unknown sort")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("  =1", "'  =1"),
        ("\uff1d1", "'\uff1d1"),
        ("Acme = good", "Acme = good"),
        ("ok\x00", "ok"),
        (None, ""),
    ],
)
def test_csv_cells_cannot_be_formulas(value, cell):
    assert csv_cell(value) == cell


def test_hostile_csv_export(hostile):
    rows = read_csv(hostile.get("/api/export.csv?sort=newest"))
    assert len(rows) == 4
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert any(r["headline"].startswith("'=cmd|") for r in rows)


# ---- the Atom feed ---------------------------------------------------------------------------------


def test_atom_feed(web, core):
    response = web.get("/feed.atom?q=results&ticker=NASDAQ:ACME")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.get_data())
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text == "Release search: results"
    assert re.fullmatch(r"urn:release-search:feed:[0-9a-f]{20}", feed.find(f"{ATOM}id").text)
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == "http://localhost/feed.atom?q=results&ticker=NASDAQ:ACME"
    expected = core.search("results", tickers=["ACME"], sort="newest", per_page=20)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == [f"urn:release-search:release:{h.id}" for h in expected.hits]
    first, hit = entries[0], expected.hits[0]
    assert first.find(f"{ATOM}title").text == hit.headline
    assert first.find(f"{ATOM}link").get("href") == f"http://localhost/releases/{hit.id}"
    assert first.find(f"{ATOM}updated").text == f"{hit.date}T00:00:00Z"
    assert feed.find(f"{ATOM}updated").text == f"{hit.date}T00:00:00Z"
    assert [c.get("term") for c in first.findall(f"{ATOM}category")] == ["NASDAQ:ACME"]


def test_atom_feed_is_bounded_and_newest_first(web):
    feed = ET.fromstring(web.get("/feed.atom").get_data())
    updated = [e.find(f"{ATOM}updated").text for e in feed.findall(f"{ATOM}entry")]
    assert len(updated) == 20 and updated == sorted(updated, reverse=True)


def test_hostile_atom_feed_is_well_formed_text(hostile):
    body = hostile.get("/feed.atom?q=acquisition").get_data()
    feed = ET.fromstring(body)
    for element in feed.iter():
        assert element.tag.startswith(ATOM), element.tag
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert any("<script>window.__xss" in t for t in titles)
    assert b"<script" not in body and b"<img" not in body


def test_feed_errors(web):
    assert_error(web.get("/feed.atom?q=(x"), 400, "unbalanced")


# ---- the OpenAPI document ---------------------------------------------------------------------------


def test_openapi_documents_every_machine_route(web_app):
    doc = web_app.test_client().get("/api/openapi.json").get_json()
    assert doc["openapi"] == "3.0.3"
    routes = set()
    for rule in web_app.url_map.iter_rules():
        if rule.rule.startswith(("/api/", "/feed")):
            routes.add(re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule))
    assert routes == set(doc["paths"])
    for path, item in doc["paths"].items():
        responses = item["get"]["responses"]
        assert "200" in responses
        if path != "/api/openapi.json":
            for status in ("400", "404", "500", "503"):
                assert responses[status]["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/Error"
                }


def test_openapi_states_the_limits(web_index):
    app = create_app({"RELEASES_INDEX": str(web_index), "EXPORT_LIMIT": 250})
    doc = app.test_client().get("/api/openapi.json").get_json()
    search = {p["name"]: p for p in doc["paths"]["/api/search"]["get"]["parameters"]}
    assert search["per_page"]["schema"]["maximum"] == 100
    assert {
        "q",
        "from",
        "to",
        "sort",
        "page",
        "ticker",
        "company",
        "year",
        "wire",
        "exchange",
        "type",
        "location",
    } <= set(search)
    assert search["ticker"]["schema"]["type"] == "array"
    export = {p["name"]: p for p in doc["paths"]["/api/export.csv"]["get"]["parameters"]}
    assert export["limit"]["schema"]["maximum"] == 250
    assert "at most 250" in doc["paths"]["/api/export.json"]["get"]["summary"]


def test_responses_carry_what_the_document_requires(web, core):
    doc = web.get("/api/openapi.json").get_json()
    schemas = doc["components"]["schemas"]
    hit = core.search("acquire").hits[0]
    checks = [
        ("/api/search?q=acquire", "SearchPage"),
        (f"/api/releases/{hit.id}", "ReleaseResponse"),
        ("/api/suggest?q=a", "Suggestions"),
        ("/api/export.json?q=acquire", "Export"),
        ("/api/search?q=(x", "Error"),
    ]
    for path, name in checks:
        data = web.get(path).get_json()
        assert set(schemas[name]["required"]) <= set(data), (path, name)
    for item in web.get("/api/search?q=acquire").get_json()["hits"]:
        assert set(schemas["Hit"]["required"]) <= set(item)
