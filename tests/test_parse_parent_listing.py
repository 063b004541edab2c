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
