"""The Host header is the client's to say: links come from the configured public URL, never from it."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from indexer.cli import main
from webapp import create_app

ATOM = "{http://www.w3.org/2005/Atom}"
EVIL = "evil.example"


def _links(client, headers: dict) -> list[str]:
    """Every absolute link the feed and the CSV export give for a search of the seeds."""
    feed = client.get("/feed.atom?q=immunogen", headers=headers)
    assert feed.status_code == 200
    root = ET.fromstring(feed.data)
    links = [link.get("href") for link in root.iter(f"{ATOM}link")]
    export = client.get("/api/export.csv?q=immunogen", headers=headers)
    assert export.status_code == 200
    rows = list(csv.DictReader(io.StringIO(export.get_data(as_text=True))))
    return links + [row["url"] for row in rows]


@pytest.mark.parametrize("headers", [{"Host": EVIL}, {"Host": EVIL, "X-Forwarded-Host": EVIL}, {}])
def test_links_never_name_the_requested_host(seeds_index, headers):
    client = create_app({"RELEASES_INDEX": str(seeds_index), "TESTING": True}).test_client()
    links = _links(client, headers)
    assert len(links) >= 3
    assert not [link for link in links if EVIL in link]
    assert all(link.startswith("http://localhost/") for link in links)  # the server's own name


@pytest.mark.parametrize("base", ["https://search.example.com", "https://search.example.com/", "http://10.0.0.1:8080"])
def test_links_use_the_configured_base_url(seeds_index, base, monkeypatch):
    monkeypatch.setenv("RELEASES_BASE_URL", base)
    client = create_app({"RELEASES_INDEX": str(seeds_index), "TESTING": True}).test_client()
    links = _links(client, {"Host": EVIL})
    assert all(link.startswith(base.rstrip("/") + "/") for link in links), links


def test_redirects_are_relative(seeds_index):
    app = create_app({"RELEASES_INDEX": str(seeds_index), "TESTING": True})
    app.add_url_rule("/docs/", "docs", lambda: "docs")  # werkzeug redirects /docs to /docs/ with the Host
    response = app.test_client().get("/docs?x=1", headers={"Host": EVIL})
    assert response.status_code == 308
    assert response.headers["Location"] == "/docs/?x=1"


def test_unknown_hosts_are_refused_when_hosts_are_configured(seeds_index):
    app = create_app(
        {"RELEASES_INDEX": str(seeds_index), "TESTING": True, "ALLOWED_HOSTS": "search.example.com, localhost"}
    )
    client = app.test_client()
    assert client.get("/api/search?q=immunogen", headers={"Host": EVIL}).status_code == 400
    assert client.get("/api/search?q=immunogen", headers={"Host": "search.example.com"}).status_code == 200
    assert client.get("/api/search?q=immunogen").status_code == 200


@pytest.mark.parametrize("base", ["search.example.com", "ftp://x.example", "https://x.example/?q=1"])
def test_a_bad_base_url_is_reported_before_serving(runner, seeds_index, base):
    result = runner.invoke(main, ["serve", "--index", str(seeds_index), "--base-url", base, "--port", "0"])
    assert result.exit_code == 1
    assert "is not a site address" in result.output


@pytest.mark.parametrize("configured", ["search.example.com", "Search.Example.COM", "search.example.com."])
@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("search.example.com", 200),
        ("SEARCH.EXAMPLE.COM", 200),
        ("Search.Example.Com:8080", 200),
        ("search.example.com.", 200),
        ("search.example.com.evil.example", 400),
        ("evil.example", 400),
        ("[::1]:5000", 400),
    ],
)
def test_allowed_hosts_compare_names_as_dns_does(seeds_index, configured, host, status):
    # Host names are case-insensitive and may end with a dot: such a Host is the same site, not a stranger.
    app = create_app({"RELEASES_INDEX": str(seeds_index), "TESTING": True, "ALLOWED_HOSTS": f"{configured}, localhost"})
    assert app.test_client().get("/api/search?q=immunogen", headers={"Host": host}).status_code == status
