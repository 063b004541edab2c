"""EDGAR submissions beside wire files in one build: every press-release exhibit indexed, progress counting releases."""

from __future__ import annotations

import json

from build_helpers import write_releases

from indexer import open_index
from indexer.build import build_index
from indexer.cli import main

HEADER = (
    "<SEC-DOCUMENT>{acc}.txt : 20210305\n<SEC-HEADER>\nACCESSION NUMBER:\t{acc}\nCONFORMED SUBMISSION TYPE:\t8-K\n"
    "FILED AS OF DATE:\t20210305\nFILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\tWIDGETRON CORP\n"
    "\t\tCENTRAL INDEX KEY:\t0000123456\n</SEC-HEADER>\n"
)
BODY = (
    "<P>Exhibit {n}</P><P><B>Widgetron {what}</B></P><P>SPRINGFIELD, Ill., March 4, 2021 &#8212; Widgetron Corp. "
    "(NYSE: WDG) today announced that it {what_lower}.</P><P>The company said the step doubles output at its plant "
    "and lowers the cost of each widget by a third for customers in twelve countries.</P>"
)


def _exhibit(position: int, what: str) -> str:
    body = BODY.format(n=f"99.{position - 1}", what=what, what_lower=what.lower())
    return f"<DOCUMENT>\n<TYPE>EX-99.{position - 1}\n<SEQUENCE>{position}\n<TEXT>\n<HTML><BODY>{body}</BODY></HTML>\n</TEXT>\n</DOCUMENT>\n"


def _filing(folder, accession: str, *whats: str) -> None:
    cover = "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nFORM 8-K\n</TEXT>\n</DOCUMENT>\n"
    exhibits = "".join(_exhibit(n, what) for n, what in enumerate(whats, start=2))
    (folder / f"{accession}.txt").write_text(HEADER.format(acc=accession) + cover + exhibits + "</SEC-DOCUMENT>\n")


def _folder(tmp_path):
    folder = tmp_path / "in"
    write_releases(folder / "wire", 3)
    (folder / "edgar").mkdir()
    _filing(folder / "edgar", "0000123456-21-000001", "Opens Plant", "Names Chief Executive")
    _filing(folder / "edgar", "0000123456-21-000002", "Declares Dividend")
    return folder


def test_edgar_filings_and_wire_files_in_one_build(tmp_path):
    seen = []
    report = build_index([_folder(tmp_path)], tmp_path / "ix", progress=seen.append)
    assert report.added == 3 + 3 and not report.skipped
    assert seen[-1].releases == 6  # the progress counts releases, two of them from one filing
    with open_index(tmp_path / "ix") as index:
        page = index.search("widgetron")
        assert page.total == 3
        stored = index.get(page.hits[0].id)
    assert "sec.gov/Archives/edgar/data/123456/" in json.dumps(stored, default=str)


def test_cli_index_reads_edgar_beside_wire_files(runner, tmp_path):
    folder = _folder(tmp_path)
    result = runner.invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix"), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["added"] == 6
