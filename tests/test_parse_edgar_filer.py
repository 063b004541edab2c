"""An EDGAR submission's filer as the release's issuer: its conformed name read as the release prints it.

Every submission here is written for the rule it tests (made-up companies in the SEC's SGML).
"""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.edgar import filer_name


def _submission(conformed: str, lede: str) -> bytes:
    header = (
        "<SEC-DOCUMENT>0000555001-24-000007.txt : 20240305\n<SEC-HEADER>0000555001-24-000007.hdr.sgml : 20240305\n"
        "ACCESSION NUMBER:\t\t0000555001-24-000007\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t2\n"
        f"FILED AS OF DATE:\t\t20240305\n\nFILER:\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\t{conformed}\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000555001\n</SEC-HEADER>\n"
    )
    body = (
        "<P>Exhibit 99.1</P><P><B>Two Companies Open a Joint Research Laboratory</B></P>"
        f"<P>SPRINGFIELD, Ill., March 4, 2024 &#8212; {lede} today announced a joint laboratory for new materials.</P>"
        "<P>The laboratory will employ forty researchers and open its doors in the autumn of the year, the two "
        "companies said in a statement issued after the close of trading on Monday.</P>"
    )
    exhibit = (
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex991.htm\n<DESCRIPTION>PRESS RELEASE\n<TEXT>\n"
        f"<HTML><BODY>{body}</BODY></HTML>\n</TEXT>\n</DOCUMENT>\n"
    )
    return (header + exhibit + "</SEC-DOCUMENT>\n").encode()


@pytest.mark.parametrize(
    ("conformed", "name"),
    [
        ("NORTHWIND TRADERS INC /DE/", "NORTHWIND TRADERS INC"),  # the state of incorporation of a namesake's filer
        ("NORTHWIND TRADERS INC/CA", "NORTHWIND TRADERS INC"),
        ("Northwind Traders Ltd./ADR", "Northwind Traders Ltd."),  # depositary shares
        ("NORTHWIND TRADERS LTD/ CAN", "NORTHWIND TRADERS LTD"),
        ("Northwind Traders Inc. / Canada", "Northwind Traders Inc."),
        ("NORTHWIND TRADERS CORP /NEW/", "NORTHWIND TRADERS CORP"),  # a renamed filer
        ("NORTHWIND TRADERS INC/", "NORTHWIND TRADERS INC"),
        ("FABRIKAM A/S", "FABRIKAM A/S"),  # a legal form spelled with a slash stays
        ("NORTHWIND TRADERS INC", "NORTHWIND TRADERS INC"),
    ],
)
def test_filer_name_drops_edgars_trailing_qualifier(conformed, name):
    assert filer_name(conformed) == name


@pytest.mark.parametrize(
    ("conformed", "lede", "company", "tickers"),
    [
        (
            "NORTHWIND TRADERS INC /DE/",
            "Contoso Labs and Northwind Traders, Inc. (NASDAQ: NWTR)",
            "Northwind Traders, Inc.",
            ["NASDAQ:NWTR"],
        ),
        (
            "NORTHWIND TRADERS LTD/ADR",
            "Contoso Labs and Northwind Traders Ltd. (NYSE: NWT)",
            "Northwind Traders Ltd.",
            ["NYSE:NWT"],
        ),
        # The conformed name spells a dot or an ampersand as a space, or drops the ampersand.
        ("LITWARE COM INC", "Contoso Labs and Litware.com, Inc. (NASDAQ: LTWR)", "Litware.com, Inc.", ["NASDAQ:LTWR"]),
        (
            "TAILSPIN & TOYS CO",
            "Contoso Labs and Tailspin & Toys Co. (NYSE: TTY)",
            "Tailspin & Toys Co.",
            ["NYSE:TTY"],
        ),
    ],
)
def test_the_filer_printed_after_a_partner_is_the_issuer_with_its_listing(conformed, lede, company, tickers):
    [release] = parse_bytes("filings/0000555001-24-000007.txt", _submission(conformed, lede))
    assert (release.company, release.tickers) == (company, tickers)


@pytest.mark.parametrize("qualifier", [" /DE/", "/CA", "/ADR", " /NEW/"])
def test_a_filer_the_release_never_names_is_the_issuer_without_edgars_qualifier(qualifier):
    lede = "The two laboratories"
    [release] = parse_bytes(
        "filings/0000555001-24-000007.txt", _submission(f"WOODGROVE MATERIALS INC{qualifier}", lede)
    )
    assert release.company == "WOODGROVE MATERIALS INC"
