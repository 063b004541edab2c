"""An issuer's number of releases is the same wherever it is shown: `releases companies`, the company page and its
API, autocomplete and a search for the issuer; copies of one release on several wires count once everywhere."""

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
