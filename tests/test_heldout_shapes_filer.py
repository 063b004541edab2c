"""The filer a shaped EDGAR file names: the company the release is its own, as only a registrant files an 8-K."""

from __future__ import annotations

import heldout_shapes as shapes
import heldout_shapes7 as shapes7
import heldout_shapes10 as shapes10
import pytest

PATH = "newsworthy-archive-2023-2026/examplewire/2025/0304/a-release.md"
WIRE_ABOUT = "About MarketBuzzWire\n\nMarketBuzzWire writes about public companies for the investors who follow them."


def _header(body: str, headline: str = "Northwind Traders Opens a Plant") -> str:
    raw = f"# {headline}\n\n{body}\n"
    return shapes.shaped_text(PATH, "edgar-submission", raw).partition("</SEC-HEADER>")[0]


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("About Northwind Traders\n\nIt trades.", ["Northwind Traders"]),
        ("About the Company \u2013 Northwind Traders\n\nIt trades.", ["Northwind Traders"]),
        ("About the Company-Northwind Traders\n\nIt trades.", ["Northwind Traders"]),
        ("About the Company:\n\nIt trades.\n\nAbout Contoso Labs\n\nIt tests.", ["Contoso Labs"]),
        ("About Us\n\nWe trade.", []),
        ("About the Author\n\nShe writes.\n\nAbout the Firm:\n\nIt trades.", []),  # a role, not a name
        ("**About The Northwind Trading Company**\n\nIt trades.", ["The Northwind Trading Company"]),
        # the lower-case words a source's slip left before the name go; a heading about a deal names no one
        ("About with Parents Against Gadget Abuse (PAGA)\n\nIt campaigns.", ["Parents Against Gadget Abuse (PAGA)"]),
        (
            "About the Merger to form Northwind Contoso\n\nIt merges.\n\nAbout Contoso Labs\n\nIt tests.",
            ["Contoso Labs"],
        ),
        ("About the Society for the Blind of Springfield\n\nIt helps.", ["Society for the Blind of Springfield"]),
        ("About eNorthwind Traders\n\nIt trades.", ["eNorthwind Traders"]),
    ],
)
def test_about_names_are_the_names_after_a_generic_opening(body, names):
    assert shapes7.about_names(body) == names


@pytest.mark.parametrize(
    ("headline", "body", "filer"),
    [
        # A paid-news wire's About is the only one: the company the headline opens with, listed, files.
        ("Northwind Traders Inc. (NASDAQ: NWTRX) Expands in Ohio", "Northwind Traders expands.\n\n" + WIRE_ABOUT,
         "NORTHWIND TRADERS INC."),
        ("MarketBuzz \u2013 Northwind Traders (OTCQB: NWTRX) Is One to Watch", WIRE_ABOUT, "NORTHWIND TRADERS"),
        # A title-case headline's opening words before the name: the text prints the name alone.
        ("Why Northwind Traders (OTCQB: NWTRX) Is One to Watch", "Northwind Traders trades.\n\n" + WIRE_ABOUT,
         "NORTHWIND TRADERS"),
        # A chain of listings after the name; a sentence naming a listed company it is about names no filer.
        ("Northwind Traders Ltd. (TSX.V: NWT) (OTCQB: NWTRX) Drills Its First Hole", WIRE_ABOUT,
         "NORTHWIND TRADERS LTD."),
        ("Gold Slips", "Shares of miners like Northwind Traders Ltd. (TSX.V: NWT) (OTCQB: NWTRX) held.\n\n" + WIRE_ABOUT,
         "MARKETBUZZWIRE"),
        # The lede's subject after the dateline, listed, files; a partner's About first does not.
        ("Plant Opens", "NEW YORK, March 4, 2025 /PRNewswire/ -- Northwind Traders Ltd. (NYSE: NWTRX) today opened a "
         "plant.\n\nAbout Contoso Labs\n\nContoso tests.\n\nAbout Northwind Traders\n\nIt trades.",
         "NORTHWIND TRADERS LTD."),
        # No listing: the first About heading that names someone.
        ("Plant Opens", "Northwind Traders opened a plant.\n\nAbout the Company \u2013 Northwind Traders\n\nIt trades.",
         "NORTHWIND TRADERS"),
        ("Plant Opens", "A plant opened.\n\nAbout the Company:\n\nIt trades.", "EXAMPLE FILER INC"),
    ],
)  # fmt: skip
def test_the_filer_is_the_listed_company_the_release_opens_with_else_its_own_about(headline, body, filer):
    assert f"COMPANY CONFORMED NAME:\t\t\t{filer}\n" in _header(body, headline)


def test_a_listed_filer_is_named_and_numbered_as_the_secs_list_has_its_symbol(monkeypatch):
    monkeypatch.setattr(shapes10, "_sec_filers", lambda: {"NWTRX": ("NORTHWIND TRADERS HOLDINGS INC", 5550001)})
    header = _header("Northwind Traders (NASDAQ: NWTRX) opened a plant.\n\n" + WIRE_ABOUT)
    assert "COMPANY CONFORMED NAME:\t\t\tNORTHWIND TRADERS HOLDINGS INC\n" in header
    assert "CENTRAL INDEX KEY:\t\t\t0005550001" in header


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        ("Plant Opens", "The market rose on Monday. Contoso Labs (NYSE: CTSOX) said so.\n\nNo About here."),
        ("Northwind Starts Coverage on Contoso (NYSE: CTSOX)", "Northwind Research wrote a note."),
    ],
)
def test_a_sentence_about_a_listed_company_names_no_filer(headline, body):
    assert "COMPANY CONFORMED NAME:\t\t\tEXAMPLE FILER INC\n" in _header(body, headline)


def test_the_letterhead_names_the_company_after_a_generic_about_opening():
    raw = "# Plant Opens\n\nNorthwind Traders opened a plant.\n\nAbout the Company \u2013 Northwind Traders\n\nIt trades.\n"
    text = shapes.shaped_text(PATH, "edgar-letterhead", raw)
    assert "Northwind Traders<BR>" in text and "Company" not in text.partition("NEWS RELEASE")[0]
