"""A division's release takes its parent's listing from the apposition after its name (indexer/parse/parent_listing.py)."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.parent_listing import parent_listings

LEDE = "IRVINE, Calif., Jan. 9, 2025 -- Widget Studios today opened its newest game to players in forty countries."


def _release(about: str) -> str:
    return f"Widget Studios Opens Its Newest Game\n\n{LEDE}\n\nAbout Widget Studios, Inc.\n\n{about}\n"


@pytest.mark.parametrize(
    "apposition",
    [
        "a division of Acme Holdings",
        "a wholly owned subsidiary of Acme Holdings Inc.",
        "a wholly-owned subsidiary of the Acme Holdings",
        "a brand of Acme Holdings",
        "an operating unit of Acme Holdings",
    ],
)
def test_a_units_about_gives_its_parents_listing(apposition):
    about = (
        "Best known for hits including Widget Quest, Widget Kart and Gadget Wars, Widget Studios, Inc. "
        f"(www.widgetstudios.example), {apposition} (NASDAQ: ACMH), is a developer of games."
    )
    [release] = parse_bytes("release.txt", _release(about).encode())
    assert release.company == "Widget Studios"
    assert release.tickers == ["NASDAQ:ACMH"]


@pytest.mark.parametrize(
    "about",
    [
        # a partner, an affiliate: not a parent
        "Widget Studios, Inc., a partner of Acme Holdings (NASDAQ: ACMH), is a developer of games.",
        "Widget Studios, Inc., an affiliate of Acme Holdings (NASDAQ: ACMH), is a developer of games.",
        # another company's parent, not the issuer's
        "Widget Studios, Inc. works with Gadget Co., a division of Acme Holdings (NASDAQ: ACMH), on its games.",
    ],
)
def test_a_listing_after_a_partner_or_another_companys_parent_is_not_the_issuers_parents(about):
    assert parent_listings(about, "Widget Studios") == []
    assert parent_listings(about.replace(" of ", " of the ", 1), "Widget Studios, Inc.") == []


@pytest.mark.parametrize(
    "predicate",
    [
        "is the $16 billion convenient foods division of Acme Holdings, Inc.",
        "is a wholly owned subsidiary of Acme Holdings",
        "is the games unit of Acme Holdings",
        "is a brand of Acme Holdings",
    ],
)
def test_a_units_about_telling_its_parent_as_its_predicate_gives_the_parents_listing(predicate):
    about = f"Widget Studios {predicate} (NASDAQ: ACMH), which is headquartered in Irvine, Calif."
    [release] = parse_bytes("release.txt", _release(about).encode())
    assert release.company == "Widget Studios"
    assert release.tickers == ["NASDAQ:ACMH"]


@pytest.mark.parametrize(
    "about",
    [
        # a partner's or a customer's tie, or another company's parent
        "Widget Studios is the largest partner of Acme Holdings (NASDAQ: ACMH), which sells its games.",
        "Widget Studios is a supplier of Acme Holdings (NASDAQ: ACMH) and of other publishers.",
        "Widget Studios works with Gadget Co., which is the games division of Acme Holdings (NASDAQ: ACMH).",
    ],
)
def test_a_predicate_tying_the_issuer_to_a_partner_or_another_companys_parent_gives_no_listing(about):
    assert parent_listings(about, "Widget Studios") == []


PARENT_PROSE = [
    'The common stock of Widget Studios\' parent, Acme Holdings, Inc., is traded on the Nasdaq under the symbol "ACMH".',
    "Widget Studios's parent company, Acme Holdings plc, is listed on the Nasdaq under the symbol ACMH.",
    "The shares of Widget Studios\u2019 parent company, Acme Holdings AG, are listed on the Nasdaq under the symbol ACMH.",
]


@pytest.mark.parametrize("sentence", PARENT_PROSE)
def test_a_units_release_takes_its_parents_listing_told_in_prose(sentence):
    about = f"Widget Studios makes games for players in forty countries. {sentence} For more, visit widget.example."
    [release] = parse_bytes("release.txt", _release(about).encode())
    assert release.company == "Widget Studios"
    assert release.tickers == ["NASDAQ:ACMH"]


@pytest.mark.parametrize("sentence", PARENT_PROSE)
def test_another_companys_parents_listing_told_in_prose_is_not_the_issuers(sentence):
    about = "Widget Studios makes games for players in forty countries. " + sentence.replace("Widget", "Gadget")
    [release] = parse_bytes("release.txt", _release(about).encode())
    assert release.tickers == []
