"""A search narrowed to an issuer (`?issuer=<id>`, as company pages link) names the issuer, not its id: in the
removable chip and in the list of filters to leave out when nothing is found."""

from __future__ import annotations

import re
from html import unescape

import pytest

from indexer import build_index, open_index
from webapp import create_app

ISSUERS = (("Quillon Ferries Inc.", "QLFR"), ("Marrow Peak Labs Inc.", "MRPK"))


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    root = tmp_path_factory.mktemp("issuer_names")
    folder = root / "in"
    folder.mkdir()
    for n, (company, symbol) in enumerate(ISSUERS):
        (folder / f"{symbol}.txt").write_text(
            f"{company} Reports Results\n\nDENVER, May {n + 2}, 2024 /PRNewswire/ -- {company} (NASDAQ: {symbol}) "
            "today reported quarterly results and record revenue for the season.\n",
            encoding="utf-8",
        )
    build_index([folder], root / "ix")
    with open_index(root / "ix") as index:
        ids = {symbol: index.search(f"ticker:{symbol}").hits[0].issuer for _, symbol in ISSUERS}
    client = create_app({"RELEASES_INDEX": str(root / "ix"), "TESTING": True}).test_client()
    return client, ids


def _text(html: str) -> str:
    return re.sub(r" :", ":", " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split()))


@pytest.mark.parametrize(("company", "symbol"), ISSUERS)
def test_the_issuer_chip_shows_the_company_name(web, company, symbol):
    client, ids = web
    body = client.get(f"/?issuer={ids[symbol]}").get_data(as_text=True)
    chips = _text(body[body.index('class="chips"') : body.index("</ul>", body.index('class="chips"'))])
    assert f"issuer: {company}" in chips and ids[symbol] not in chips
    assert "Results 1–1 of 1 release" in _text(body)


def test_an_unknown_issuer_id_stays_as_given(web):
    client, _ = web
    body = client.get("/?issuer=nasdaq-nosuch").get_data(as_text=True)
    assert "issuer: nasdaq-nosuch" in _text(body[body.index('class="chips"') :])


@pytest.mark.parametrize(("company", "symbol"), ISSUERS)
def test_a_way_out_names_the_issuer_filter_by_its_company(web, company, symbol):
    client, ids = web
    other = next(s for _, s in ISSUERS if s != symbol)
    body = _text(client.get(f"/?q=ticker:{other}&issuer={ids[symbol]}").get_data(as_text=True))
    assert "No releases match" in body
    assert f"Without the issuer filter {company}: 1 release" in body and ids[symbol] not in body.split("Without")[1]


@pytest.mark.parametrize(("company", "symbol"), ISSUERS)
def test_a_saved_search_of_an_issuer_names_the_company(web, company, symbol):
    client, ids = web
    saved = client.post("/saved", data={"name": f"news of {symbol}", "issuer": ids[symbol]})
    assert saved.status_code == 303
    listed = _text(client.get("/saved").get_data(as_text=True))
    assert f"every release · issuer: {company} · 1 release" in listed
    client.post(f"/saved/news of {symbol}/forget")
