"""Issuer rules read from a release's structure (issue 17, third round): a dateline the dateline reader missed, a
region of a place, the contact block's whole name, and listings that belong to a name tied to the subject by
'with', 'in' or 'by'. Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.places import is_place, opens_dateline


def release(body: str, headline: str):
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{body}\n".encode())
    return parsed


@pytest.mark.parametrize(
    ("opening", "name", "dateline"),
    [
        ("Los Angeles, 21st December – As electric cars gain ground", "Los Angeles", True),
        ("Lyon, 3 March 2025 — The city's fair opens", "Lyon", True),
        ("Austin, Jan. 5 - Local teams gather", "Austin", True),
        ("Acme Robotics, Inc., a maker of arms, today announced", "Acme Robotics", False),
        ("Acme, December sales rose by a tenth", "Acme", False),
    ],
)
def test_a_name_followed_by_a_day_month_and_dash_opens_a_dateline(opening, name, dateline):
    assert opens_dateline(opening, name) is dateline


@pytest.mark.parametrize(("place", "company"), [("Los Angeles", "VinFast"), ("Springfield", "Orbital Kites")])
def test_a_place_opening_an_unread_dateline_is_not_the_company(place, company):
    parsed = release(
        f"{place}, 21st December – As electric vehicles gain ground, buyers ask about batteries. {company} now "
        f"offers a ten-year warranty.\n\n{company} said the plan starts in January.",
        headline=f"{company} Extends Its Warranty",
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("South West Florida", True),
        ("Southwest Florida", True),
        ("Northern California", True),
        ("Central Texas", True),
        ("North Face", False),
        ("Southwest Airlines", False),
        ("Central Bank of Ireland", False),
    ],
)
def test_a_part_of_a_place_is_a_place(name, place):
    assert is_place(name) is place


def test_the_dateline_issuer_wins_over_a_region_opening_the_lede():
    parsed = release(
        " Naples, United States - February 5, 2025 / South West Florida Home /\n\n South West Florida is drawing "
        "buyers with its beaches and golf.\n\nPrices rose again this year.",
        headline="Experience the Best of South West Florida Living",
    )
    assert parsed.company == "South West Florida Home"


@pytest.mark.parametrize(
    "name", ["The Elm Group brokered by REAL", "Harbor Homes powered by eXp Realty", "Blue Fern Team at Compass"]
)
def test_the_contact_block_gives_the_whole_name_the_lede_prints(name):
    parsed = release(
        f"FARGO, ND – {name} is proud to announce its recognition among the top teams of the year.\n\n"
        f"The team closed more sales than ever.\n\nContact Information:\n\n{name}\n\n405 7th St S Fargo, ND 58103",
        headline=f"{name.split()[1]} Group Recognized Among Top Teams",
    )
    assert parsed.company == name


def test_a_contact_name_the_lede_does_not_print_does_not_replace_the_company():
    parsed = release(
        "FARGO, ND – Elm Group is proud to announce its recognition among the top teams of the year.\n\n"
        "The team closed more sales than ever.\n\nContact Information:\n\nElm Group Holdings West\n\n405 7th St S",
        headline="Elm Group Recognized Among Top Teams",
    )
    assert parsed.company == "Elm Group"


@pytest.mark.parametrize(
    ("lede", "tickers"),
    [
        (
            "Seattle Genetics, Inc. (Nasdaq: SGEN) and Astellas Pharma Inc. (TSE: 4503) today announced a "
            "clinical collaboration.",
            ["NASDAQ:SGEN", "TYO:4503"],  # a joint release: both issuers' listings (tests/test_parse_fields.py)
        ),
        (
            "Orbit Foods Inc. (NYSE: ORBF) was acquired by Zenith Robotics, Inc. (NASDAQ: ZNTH) today.",
            ["NYSE:ORBF"],
        ),
        (
            "McEwen Mining (NYSE: MUX) (TSX: MUX), a key strategic investor in Goliath Resources Limited (TSX-V: GOT) "
            "(OTCQB: GOTRF), stands to benefit as Goliath reports a discovery.",
            ["NYSE:MUX", "TSX:MUX"],
        ),
        (
            "Orbit Foods Inc. (NYSE: ORBF), together with Zenith Robotics, Inc. (NASDAQ: ZNTH), today opened a plant.",
            ["NYSE:ORBF"],
        ),
        (
            "Blizzard Entertainment, a division of Activision Blizzard (NASDAQ: ATVI), today announced a sequel.",
            ["NASDAQ:ATVI"],
        ),
    ],
)
def test_a_listing_of_a_name_tied_to_the_subject_by_with_in_or_by_is_not_the_issuers(lede, tickers):
    parsed = release(f"NEW YORK, March 3, 2020 (GLOBE NEWSWIRE) -- {lede}\n\nMore details follow.", headline="News")
    assert parsed.tickers == sorted(tickers)
