"""What EDGAR filings teach the issuer registry: a filer no other source knows, with its CIK; former names as
aliases; listings printed beside a former name as former listings (through the Python API, the CLI and the app)."""

from __future__ import annotations

import json

import pytest

from indexer import build_index, open_index
from indexer.cli import main
from indexer.issuers import Evidence, Issuer, Registry, resolve
from indexer.issuers.filings import with_filers
from indexer.issuers.resolve import learn
from indexer.parse.edgar import read_header
from webapp import create_app

# Made-up companies. Orbitra Holdings (CIK 555001) was Lumen Widget Corp and traded as LWGT; the SEC's list knows it
# by its new name only. Kestrel Pumps (CIK 777002) is in no list: only its filings name it.
SEC = {"fields": ["cik", "name", "ticker", "exchange"], "data": [[555001, "Orbitra Holdings, Inc.", "ORBH", "Nasdaq"]]}


def filing(accession: str, cik: int, conformed: str, lede: str, former: tuple[str, ...] = ()) -> str:
    """An 8-K submission: its header names its filer (and the names it filed under before), one EX-99.1 release."""
    before = "".join(
        f"\tFORMER COMPANY:\n\t\tFORMER CONFORMED NAME:\t{name}\n\t\tDATE OF NAME CHANGE:\t2019010{i}\n"
        for i, name in enumerate(former, 1)
    )
    return (
        f"<SEC-DOCUMENT>{accession}.txt : 20210305\n<SEC-HEADER>\nACCESSION NUMBER:\t{accession}\n"
        "CONFORMED SUBMISSION TYPE:\t8-K\nFILED AS OF DATE:\t20210305\nFILER:\n\tCOMPANY DATA:\n"
        f"\t\tCOMPANY CONFORMED NAME:\t{conformed}\n\t\tCENTRAL INDEX KEY:\t{cik:010d}\n{before}</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nFORM 8-K\n</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\n<HTML><BODY><P>Exhibit 99.1</P><P><B>Plant News for "
        f"{accession[-3:]}</B></P><P>DAYTON, Ohio, March 4, 2021 -- {lede}</P><P>The company said the step doubles "
        "output at its plant and lowers the cost of each part by a third.</P></BODY></HTML>\n</TEXT>\n</DOCUMENT>\n"
        "</SEC-DOCUMENT>\n"
    )


FILINGS = {
    "0000555001-18-000001.txt": filing(
        "0000555001-18-000001", 555001, "LUMEN WIDGET CORP", "Lumen Widget Corp. (NASDAQ: LWGT) today opened a plant."
    ),
    "0000555001-21-000002.txt": filing(
        "0000555001-21-000002",
        555001,
        "ORBITRA HOLDINGS, INC.",
        "Orbitra Holdings, Inc. (NASDAQ: ORBH) today named a chief executive.",
        former=("LUMEN WIDGET CORP",),
    ),
    "0000777002-20-000001.txt": filing(
        "0000777002-20-000001", 777002, "KESTREL PUMPS INC", "Kestrel Pumps, Inc. (NYSE: KPMP) today opened a plant."
    ),
    "0000777002-20-000002.txt": filing(
        "0000777002-20-000002", 777002, "KESTREL PUMPS INC", "Kestrel Pumps, Inc. today named a new chief executive."
    ),
}
# A wire release (no filing) printing the former name and symbol: the same issuer.
WIRE = {
    "lumen-wire.txt": "Lumen Widget Expands\n\nNEW YORK, March 3, 2019 (GLOBE NEWSWIRE) -- Lumen Widget Corp. (NASDAQ: "
    "LWGT) today announced a second plant in Ohio.\n\nMore details follow here.\n"
}


@pytest.fixture(scope="module")
def filed(tmp_path_factory):
    """An index of the filings and the wire release, built with the small SEC list; (index, sec file)."""
    root = tmp_path_factory.mktemp("filers")
    (root / "in").mkdir()
    for name, text in {**FILINGS, **WIRE}.items():
        (root / "in" / name).write_text(text, encoding="ascii")
    sec = root / "sec.json"
    sec.write_text(json.dumps(SEC))
    build_index([root / "in"], root / "index", sec_tickers=sec)
    return root / "index", sec


def _found(index_path, query: str) -> list[tuple]:
    with open_index(index_path) as index:
        return sorted((h.company, h.cik, h.issuer) for h in index.search(query, per_page=20).hits)


@pytest.mark.parametrize(
    ("query", "count", "issuer"),
    [
        ("cik:777002", 2, ("Kestrel Pumps Inc.", "777002", "cik777002")),  # a filer in no list: found by its CIK
        ("ticker:KPMP", 2, ("Kestrel Pumps Inc.", "777002", "cik777002")),  # and by what its releases print
        ("cik:555001", 3, ("Orbitra Holdings, Inc.", "555001", "cik555001")),  # the former name's releases too
        ("ticker:LWGT", 3, ("Orbitra Holdings, Inc.", "555001", "cik555001")),  # its former symbol
        ("ticker:ORBH", 3, ("Orbitra Holdings, Inc.", "555001", "cik555001")),
    ],
)
def test_filers_releases_are_found_by_cik_and_listing(filed, query, count, issuer):
    assert _found(filed[0], query) == [issuer] * count


def test_companies_facet_and_pages_agree_on_one_issuer_for_a_former_symbol(filed, runner):
    index_path = filed[0]
    listed = runner.invoke(main, ["companies", "--index", str(index_path), "--json"]).output
    by_id = {item["id"]: item for item in map(json.loads, listed.splitlines())}
    assert set(by_id) == {"cik555001", "cik777002"}  # Lumen Widget is no issuer apart
    assert (by_id["cik555001"]["listing"], by_id["cik555001"]["listings"]) == (
        "NASDAQ:ORBH",
        ["NASDAQ:ORBH", "NASDAQ:LWGT"],
    )
    assert by_id["cik777002"]["listings"] == ["NYSE:KPMP"] and by_id["cik777002"]["cik"] == "777002"
    found = runner.invoke(main, ["companies", "LWGT", "--index", str(index_path), "--json"]).output
    assert [json.loads(line)["id"] for line in found.splitlines()] == ["cik555001"]
    searched = runner.invoke(main, ["search", "cik:777002", "--index", str(index_path), "--json"]).output
    assert {(h["issuer"], h["cik"]) for h in json.loads(searched)["hits"]} == {("cik777002", "777002")}
    client = create_app({"RELEASES_INDEX": str(index_path), "TESTING": True}).test_client()
    for key in ("LWGT", "NASDAQ:LWGT", "555001"):
        page = client.get(f"/api/companies/{key}").get_json()
        assert (page["issuer"]["id"], page["issuer"]["former_listings"]) == ("cik555001", ["NASDAQ:LWGT"]), key
        assert client.get(f"/companies/{key}").status_code == 200
    assert client.get("/api/companies/777002").get_json()["issuer"]["cik"] == "777002"
    assert b"Kestrel Pumps Inc." in client.get("/companies/KPMP").data


def test_a_rebuilt_index_keeps_what_the_filings_taught(filed, tmp_path):
    index_path, sec = filed
    build_index([index_path.parent / "in"], index_path, sec_tickers=sec)  # an update: no file changed
    assert _found(index_path, "ticker:LWGT") == [("Orbitra Holdings, Inc.", "555001", "cik555001")] * 3


@pytest.mark.parametrize(
    ("header", "former"),
    [
        ("FILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\tMETA CO\n\t\tCENTRAL INDEX KEY:\t0000000042\n", []),
        (
            "\t\tCOMPANY CONFORMED NAME:\tNEW CO\n\t\tCENTRAL INDEX KEY:\t0000000042\n\tFORMER COMPANY:\n"
            "\t\tFORMER CONFORMED NAME:\tMIDDLE CO\n\tFORMER COMPANY:\n\t\tFORMER CONFORMED NAME:\tOLD CO\n",
            ["MIDDLE CO", "OLD CO"],
        ),
        # A second filer's (a subject company's) former names are not the first filer's.
        (
            "\t\tCOMPANY CONFORMED NAME:\tNEW CO\n\t\tCENTRAL INDEX KEY:\t0000000042\nSUBJECT COMPANY:\n"
            "\t\tCOMPANY CONFORMED NAME:\tTARGET CO\n\tFORMER COMPANY:\n\t\tFORMER CONFORMED NAME:\tOLD TARGET\n",
            [],
        ),
        ("<CONFORMED-NAME>NEW CO\n<CIK>0000000042\n<FORMER-COMPANY>\n<FORMER-CONFORMED-NAME>OLD CO\n", ["OLD CO"]),
    ],
)
def test_a_headers_former_names_are_its_first_filers(header, former):
    filing_ = read_header("x.txt", f"<SEC-HEADER>\n{header}</SEC-HEADER>\n<DOCUMENT>\n")
    assert filing_.cik == "42" and (filing_.former_names or []) == former


def _filed(name: str, printed: list[str], cik: str | None, filer: str | None, former=()) -> Evidence:
    return Evidence(name, printed, cik=cik, filer=filer, former=list(former))


def test_filers_that_disagree_on_a_listing_lend_it_to_neither():
    # A parent and its subsidiary both file the release that prints the listing under a name each can claim.
    evidences = [
        _filed("Alder Mills", ["NYSE:ALDM"], "888003", "ALDER MILLS INC"),
        _filed("Alder Mills", ["NYSE:ALDM"], "888004", "ALDER MILLS HOLDINGS INC"),
    ]
    registry = with_filers(evidences, Registry())
    assert registry.by_listing("NYSE:ALDM") is None
    assert {registry.by_cik(c).cik for c in ("888003", "888004")} == {"888003", "888004"}
    assert [resolve(e, learn(evidences, Registry())).cik for e in evidences] == ["888003", "888004"]


@pytest.mark.parametrize(
    ("printed_name", "listing", "former_listing"),
    [
        ("Lumen Widget Corp.", "NASDAQ:LWGT", True),  # beside the former name: a former listing
        ("Orbitra Holdings", "NASDAQ:ORBX", False),  # beside the current name of an SEC issuer: the SEC's to say
        ("Harbor Freight Lines", "NYSE:HFL", False),  # another company's name lends nothing
    ],
)
def test_a_listing_is_a_former_one_only_beside_a_former_name(printed_name, listing, former_listing):
    base = Registry()
    base.add(Issuer(id="cik555001", name="Orbitra Holdings, Inc.", listings=["NASDAQ:ORBH"], cik="555001"))
    evidence = _filed(printed_name, [listing], "555001", "LUMEN WIDGET CORP")
    registry = with_filers([evidence], base)
    assert (listing in registry.by_cik("555001").former_listings) == former_listing
    assert registry.by_name("Lumen Widget") is registry.by_cik("555001")  # the former name is an alias
    assert base.by_name("Lumen Widget") is None  # the base registry is left as it was


def test_no_filing_leaves_the_registry_as_it_was():
    base = Registry()
    assert with_filers([Evidence("Acme", ["NYSE:ACM"])], base) is base


def test_evidence_keeps_its_filer_through_json():
    evidence = _filed("Lumen Widget Corp.", ["NASDAQ:LWGT"], "555001", "LUMEN WIDGET CORP", ["LUMEN CO"])
    assert Evidence.from_json(json.loads(json.dumps(evidence.to_json()))) == evidence
    plain = Evidence("Acme", [])
    assert len(plain.to_json()) == 8 and Evidence.from_json(plain.to_json()) == plain
