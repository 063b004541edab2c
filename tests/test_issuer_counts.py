"""An issuer's number of releases is the same wherever it is shown: `releases companies`, the listing of companies
(/companies, /api/companies), the company page and its API, autocomplete and a search for the issuer (through the
Python API too, a ticker or filter given as one string); copies of one release on several wires count once."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from indexer import build_index, open_index
from indexer.cli import main
from webapp import create_app

WIRES = ("{city}, {day} (GLOBE NEWSWIRE) -- ", "{city}, {day} /PRNewswire/ -- ")


def _release(company: str, symbol: str, n: int, when: date, wire: int) -> str:
    day = f"{when.strftime('%B')} {when.day}, {when.year}"
    lede = (
        f"{company} (NASDAQ: {symbol}) today announced its plan number {n} for the coming season, with "
        f"support from its board and its partners, in several steps over the year."
    )
    return f"{company} Announces Plan {n}\n\n{WIRES[wire].format(city='DENVER', day=day)}{lede}\n\nMore news soon.\n"


# (company, symbol, releases, how many of them also came out on the other wire a day later)
ISSUERS = (
    ("Quillon Ferries Inc.", "QLFR", 3, 2),
    ("Marrow Peak Labs Inc.", "MRPK", 2, 0),
    ("Tessit Corp.", "TSST", 1, 1),
)


@pytest.fixture(scope="module")
def copied_index(tmp_path_factory):
    """Releases of three made-up issuers, some of them copied on a second wire (built once: only read)."""
    root = tmp_path_factory.mktemp("issuer_counts")
    for company, symbol, releases, copied in ISSUERS:
        for n in range(releases):
            when = date(2024, 3, 4) + timedelta(days=20 * n)
            (root / f"{symbol}_{n}.txt").write_text(_release(company, symbol, n, when, 0), encoding="utf-8")
            if n < copied:
                copy = _release(company, symbol, n, when + timedelta(days=1), 1)
                (root / f"{symbol}_{n}_copy.txt").write_text(copy, encoding="utf-8")
    build_index([root], root / "index")
    return root / "index"


@pytest.mark.parametrize(("company", "symbol", "releases", "copied"), ISSUERS)
def test_an_issuers_count_agrees_everywhere(copied_index, company, symbol, releases, copied):
    with open_index(copied_index) as index:
        searched = index.search(f"ticker:{symbol}")
        assert searched.total == releases  # the copies fold into their releases
        issuer = searched.hits[0].issuer
        assert index.search("", filters={"issuer": [issuer]}).total == releases
        by_symbol = {c["value"]: c["count"] for c in index.complete(symbol)}
        by_name = {c["value"]: c["count"] for c in index.complete(company.split()[0])}
        assert by_symbol[f"NASDAQ:{symbol}"] == releases == by_name[company]
    listed = CliRunner().invoke(main, ["companies", symbol, "--json", "--index", str(copied_index)])
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.output.splitlines()[0])["releases"] == releases
    web = create_app({"RELEASES_INDEX": str(copied_index), "TESTING": True}).test_client()
    page = web.get(f"/api/companies/{issuer}").get_json()
    assert page["releases"] == releases == sum(t["count"] for t in page["timeline"])
    assert web.get(f"/api/search?issuer={issuer}").get_json()["total"] == releases
    suggested = {s["value"]: s["count"] for s in web.get(f"/api/suggest?q={symbol}").get_json()["suggestions"]}
    assert suggested[f"NASDAQ:{symbol}"] == releases


@pytest.fixture
def web(copied_index):
    return create_app({"RELEASES_INDEX": str(copied_index), "TESTING": True}).test_client()


def test_api_lists_companies_most_releases_first(web):
    data = web.get("/api/companies").get_json()
    assert data["ok"] is True and data["total"] == 3 and data["page"] == 1
    assert [(c["name"], c["releases"]) for c in data["companies"]] == [(c, r) for c, _, r, _ in ISSUERS]
    assert [c["listing"] for c in data["companies"]] == [f"NASDAQ:{s}" for _, s, _, _ in ISSUERS]


@pytest.mark.parametrize(("prefix", "names"), [("qlfr", ["Quillon Ferries Inc."]), ("peak", ["Marrow Peak Labs Inc."])])
def test_api_companies_narrow_by_a_prefix_as_the_cli_does(web, copied_index, prefix, names):
    data = web.get(f"/api/companies?q={prefix}").get_json()
    assert [c["name"] for c in data["companies"]] == names and data["query"] == prefix
    listed = CliRunner().invoke(main, ["companies", prefix, "--json", "--index", str(copied_index)])
    assert [json.loads(line) for line in listed.output.splitlines()] == data["companies"]


def test_api_companies_page_through(web):
    first, second = (web.get(f"/api/companies?per_page=2&page={n}").get_json() for n in (1, 2))
    assert [len(first["companies"]), len(second["companies"])] == [2, 1] and first["total"] == second["total"] == 3
    bad = web.get("/api/companies?per_page=2&page=3")
    assert bad.status_code == 400 and bad.get_json() == {"ok": False, "error": bad.get_json()["error"], "status": 400}
    assert "page must be from 1 to 2" in bad.get_json()["error"]


def test_companies_page_lists_and_links_issuers(web):
    html = web.get("/companies").get_data(as_text=True)
    assert "<h1>Companies</h1>" in html and "1–3 of 3 issuers" in html
    issuer = web.get("/api/search?q=ticker:QLFR").get_json()["hits"][0]["issuer"]
    assert f'href="/companies/{issuer}"' in html
    assert f'href="/?issuer={issuer}&amp;sort=newest">3</a>' in html
    narrowed = web.get("/companies?q=tessit").get_data(as_text=True)
    assert "Tessit Corp." in narrowed and "Quillon Ferries" not in narrowed
    assert "0 issuers matching" in web.get("/companies?q=zzz").get_data(as_text=True)


def test_every_page_links_to_the_companies_and_the_missing_issuer_page_points_there(web):
    assert 'href="/companies"' in web.get("/").get_data(as_text=True)
    missing = web.get("/companies/nobody-at-all")
    assert missing.status_code == 404 and "/companies" in missing.get_data(as_text=True)
    assert web.get("/companies").status_code == 200


@pytest.mark.parametrize("path", ["/api", "/api/", "/api/nothing", "/api/companies/nobody-at-all"])
def test_api_addresses_answer_unknown_paths_in_the_error_shape(web, path):
    response = web.get(path)
    assert response.status_code == 404 and response.is_json
    assert set(response.get_json()) == {"ok", "error", "status"} and response.get_json()["ok"] is False


@pytest.mark.parametrize(
    "options",
    [
        {"tickers": "QLFR"},
        {"tickers": ["QLFR"]},
        {"tickers": ("qlfr",)},
        {"filters": {"company": "Quillon Ferries Inc."}},
        {"filters": {"company": ["Quillon Ferries Inc."]}},
    ],
)
def test_python_api_takes_one_value_as_a_string_or_in_a_list(copied_index, options):
    with open_index(copied_index) as index:
        assert index.search("", **options).total == 3


def test_company_page_links_to_all_its_releases_when_it_shows_only_the_newest(web, monkeypatch):
    from indexer.issuers import pages

    issuer = web.get("/api/search?q=ticker:QLFR").get_json()["hits"][0]["issuer"]
    assert "All 3 releases of" not in web.get(f"/companies/{issuer}").get_data(as_text=True)  # all three listed
    original = pages.company_page
    monkeypatch.setattr(pages, "company_page", lambda index, key, newest=10: original(index, key, newest=2))
    shown = web.get(f"/companies/{issuer}").get_data(as_text=True)
    assert f'<a href="/?issuer={issuer}&amp;sort=newest">All 3 releases of Quillon Ferries Inc.</a>' in shown
