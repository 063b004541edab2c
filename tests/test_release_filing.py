"""A release read from an EDGAR filing keeps its filing in the index: `index.get`, `GET /api/releases/<id>` and the
release page give the form, exhibit, filing date, CIK and accession (what a citation of an 8-K exhibit needs), as
`releases parse --json` prints them; and addresses or parameters the API cannot read say what they expect."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from indexer import build_index, open_index
from indexer.cli import main
from webapp import create_app

HEADER = (
    "<SEC-DOCUMENT>{acc}.txt : 20210305\n<SEC-HEADER>\nACCESSION NUMBER:\t{acc}\nCONFORMED SUBMISSION TYPE:\t8-K\n"
    "FILED AS OF DATE:\t20210305\nFILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\tQUILLON INSTRUMENTS INC\n"
    "\t\tCENTRAL INDEX KEY:\t0000987654\n</SEC-HEADER>\n"
    "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nFORM 8-K\n</TEXT>\n</DOCUMENT>\n"
)
EXHIBIT = (
    "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\n<HTML><BODY><P>Exhibit 99.1</P><P><B>Quillon Instruments {what}"
    "</B></P><P>{dateline} Quillon Instruments, Inc. (NASDAQ: QLLN) today announced that it {lower}.</P><P>The "
    "company said the step doubles output at its plant and lowers the cost of each gauge by a third for customers "
    "in twelve countries.</P></BODY></HTML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
)
# (accession, what the release says, its dateline): the second prints no date, so the filing's stands in.
FILINGS = [
    ("0000987654-21-000001", "Opens Plant", "DAYTON, Ohio, March 4, 2021 --"),
    ("0000987654-21-000002", "Names Chief Executive", ""),
]

ISSUER = ["QUILLON INSTRUMENTS INC", "QLLN", "Nasdaq"]


@pytest.fixture(scope="module")
def filed(tmp_path_factory):
    """An index of two one-exhibit 8-K filings; (index path, source folder, release id by accession)."""
    root = tmp_path_factory.mktemp("filings")
    for accession, what, dateline in FILINGS:
        text = HEADER.format(acc=accession) + EXHIBIT.format(what=what, lower=what.lower(), dateline=dateline)
        (root / "in").mkdir(exist_ok=True)
        (root / "in" / f"{accession}.txt").write_text(text, encoding="ascii")
    sec = root / "sec.json"  # the SEC's list, as the user may pass it: the issuer's CIK and listing
    sec.write_text(json.dumps({"fields": ["cik", "name", "ticker", "exchange"], "data": [[987654, *ISSUER]]}))
    build_index([root / "in"], root / "index", sec_tickers=sec)
    with open_index(root / "index") as index:
        ids = {index.get(h.id).edgar.accession: h.id for h in index.search("", per_page=10).hits}
    return root / "index", root / "in", ids


@pytest.fixture(scope="module")
def client(filed):
    return create_app({"RELEASES_INDEX": str(filed[0]), "TESTING": True}).test_client()


@pytest.mark.parametrize(
    ("accession", "fields"),
    [
        (FILINGS[0][0], {"form": "8-K", "exhibit": "EX-99.1", "filing_date": "2021-03-05", "date_source": "dateline"}),
        (FILINGS[1][0], {"cik": "987654", "company": "QUILLON INSTRUMENTS INC", "date_source": "filing"}),
    ],
)
def test_the_index_keeps_each_releases_filing(filed, accession, fields):
    with open_index(filed[0]) as index:
        filing = index.get(filed[2][accession]).edgar.to_json()
    assert filing["accession"] == accession
    assert {name: filing[name] for name in fields} == fields


@pytest.mark.parametrize("accession", [accession for accession, _, _ in FILINGS])
def test_the_api_gives_the_filing_as_releases_parse_prints_it(runner, filed, client, accession):
    index_path, folder, ids = filed
    parsed = runner.invoke(main, ["parse", str(folder / f"{accession}.txt"), "--root", str(folder), "--json"])
    printed = json.loads(parsed.output.splitlines()[0])
    served = client.get(f"/api/releases/{ids[accession]}").get_json()["release"]
    assert served["id"] == printed["id"] and served["edgar"] == printed["edgar"]
    assert served["source_url"] == printed["source_url"]


@pytest.mark.parametrize(
    ("accession", "shown"),
    [
        (FILINGS[0][0], f"Form 8-K, exhibit EX-99.1, filed 2021-03-05, CIK 987654; accession {FILINGS[0][0]}<"),
        (FILINGS[1][0], f"accession {FILINGS[1][0]} (the release prints no date: the filing's is used)<"),
    ],
)
def test_the_release_page_names_the_filing(filed, client, accession, shown):
    body = client.get(f"/releases/{filed[2][accession]}").get_data(as_text=True)
    assert shown in re.search(r"<dt>Filing</dt>(.*?</dd>)", body).group(1)


@pytest.mark.parametrize("prefix", ["/api/releases/", "/releases/"])
@pytest.mark.parametrize("bad", ["698eb0b900057c1", "698EB0B900057C11", "698eb0b900057c11a", "..%2f..%2fetc"])
def test_a_malformed_release_id_says_what_an_id_is(client, prefix, bad):
    response = client.get(prefix + bad)
    assert response.status_code == 404
    text = response.get_json()["error"] if prefix.startswith("/api") else response.get_data(as_text=True)
    assert "a release id is 16 hexadecimal digits" in text


@pytest.mark.parametrize("path", ["/api/search", "/api/export.csv", "/feed.atom", "/"])
@pytest.mark.parametrize(("spell", "status"), [("0", 200), ("1", 200), ("", 200), ("2", 400), ("yes", 400)])
def test_spell_takes_0_or_1_as_the_openapi_document_says(client, path, spell, status):
    response = client.get(path, query_string={"q": "quillon", "spell": spell})
    assert response.status_code == status
    if status == 400 and path != "/":
        assert response.get_json()["error"].startswith("spell must be 1 (unknown words as their likely spellings)")


@pytest.mark.parametrize("path", ["/api", "/api/", "/api/nothing", "/api/search/more"])
def test_an_unknown_api_address_points_to_the_openapi_document(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.get_json()["error"].endswith("the API's paths are listed in /api/openapi.json.")


@pytest.mark.parametrize("prefix", ["987654", "0000987654", "quill", "QLLN"])
def test_companies_answers_to_a_cik_as_edgar_prints_it(runner, filed, prefix):
    listed = runner.invoke(main, ["companies", prefix, "--index", str(filed[0])])
    assert listed.exit_code == 0 and "Quillon Instruments" in listed.output and "CIK 987654" in listed.output
    found = (
        create_app({"RELEASES_INDEX": str(filed[0]), "TESTING": True})
        .test_client()
        .get("/api/companies", query_string={"q": prefix})
    )
    assert [c["cik"] for c in found.get_json()["companies"]] == ["987654"]


@pytest.mark.parametrize("prefix", ["0", "0000", "98765"])
def test_companies_does_not_take_part_of_a_cik_for_it(runner, filed, prefix):
    listed = runner.invoke(main, ["companies", prefix, "--index", str(filed[0])])
    assert listed.output.startswith(f"No issuer matching {prefix!r}")


def test_a_csv_export_names_each_releases_issuer_and_cik(filed, client):
    body = client.get("/api/export.csv", query_string={"q": "cik:0000987654"}).get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [(r["issuer"], r["cik"]) for r in rows] == [("cik987654", "987654")] * len(FILINGS)
