"""Issuer pages on the web: /companies/<issuer>, GET /api/companies/<issuer>, links from hits and release pages."""

from __future__ import annotations

import json

import pytest
from test_issuers import RELEASES, SEC, write

from indexer import build_index
from webapp import create_app


@pytest.fixture(scope="session")
def issuers_index(tmp_path_factory):
    """An index of the issuer tests' releases resolved with their tiny SEC list (built once: only read)."""
    root = tmp_path_factory.mktemp("companies_web")
    sec = root / "sec.json"
    sec.write_text(json.dumps(SEC), encoding="utf-8")
    write(root / "releases", RELEASES)
    build_index([root / "releases"], root / "index", sec_tickers=sec)
    return root / "index"


@pytest.fixture
def web(issuers_index):
    return create_app({"RELEASES_INDEX": str(issuers_index), "TESTING": True}).test_client()


@pytest.mark.parametrize("key", ["cik123456", "ORBF", "NYSE:ORBF", "123456", "Orbit Foods"])
def test_api_company_answers_to_id_listing_cik_and_name(web, key):
    data = web.get(f"/api/companies/{key}").get_json()
    assert data["ok"] is True
    assert data["issuer"]["id"] == "cik123456" and data["issuer"]["listing"] == "NYSE:ORBF"
    assert data["issuer"]["edgar_url"].endswith("CIK=0000123456")
    assert data["releases"] == 2 == sum(t["count"] for t in data["timeline"])
    assert {h["issuer"] for h in data["newest"]} == {"cik123456"}
    dates = [h["date"] for h in data["newest"]]
    assert dates == sorted(dates, reverse=True)


def test_unknown_company_is_a_friendly_404(web):
    response = web.get("/api/companies/NOPE")
    assert response.status_code == 404
    assert response.get_json()["error"].startswith("no issuer 'NOPE' in this index")
    page = web.get("/companies/NOPE")
    assert page.status_code == 404 and b"releases companies" in page.data


def test_company_page_shows_name_listings_cik_and_releases(web):
    html = web.get("/companies/cik123456").get_data(as_text=True)
    assert "<h1>Orbit Foods Inc.</h1>" in html
    assert "NYSE:ORBF" in html and "CIK=0000123456" in html
    assert "Orbit Foods Reports Record Sales" in html and "Nimbus Kitchens Launches a Cookbook" in html
    assert "Acme Widgets" not in html  # a partner's release names it but is not its own


def test_hits_and_release_pages_link_to_the_issuer(web):
    html = web.get("/?q=ticker:ORBF").get_data(as_text=True)
    assert 'href="/companies/cik123456"' in html
    hit = web.get("/api/search?q=ticker:ORBF").get_json()["hits"][0]
    release = web.get(f"/releases/{hit['id']}").get_data(as_text=True)
    assert 'href="/companies/cik123456"' in release


def test_issuer_filter_narrows_a_search(web):
    data = web.get("/api/search?issuer=nasdaq-znth").get_json()
    assert data["total"] == 2 and {h["company"] for h in data["hits"]} == {"Zenith Robotics, Inc."}
