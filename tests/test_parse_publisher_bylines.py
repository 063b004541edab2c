"""A publisher's story: a byline's organisation that the contact block confirms is the issuer, and the listings of the
company the story covers are not its listings (indexer/parse/issuer.py, `_confirmed_byline`)."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes

STORY = """# {headline}

{byline}

Quillmore Robotics Corp. (NASDAQ: QLMR), a maker of warehouse robots, says its orders doubled this year as retailers
automate their back rooms.

The company expects to ship 4,000 robots to customers in Ohio and Texas next year, its chief executive said.

Quillmore's shares rose 12% over the past month, and two analysts raised their targets.

Featured photo by Jane Roe on Unsplash.

Contact Details{contact}

+1 555-555-0100

info@{site}.com

Company Websitehttp://www.{site}.com
"""


def _parse(headline: str, byline: str, contact: str, site: str):
    text = STORY.format(headline=headline, byline=byline, contact=contact, site=site)
    [release] = parse_bytes("acme/2025/0301/quillmore.md", text.encode())
    return release


@pytest.mark.parametrize(
    ("headline", "byline"),
    [
        ("Quillmore Robotics (NASDAQ: QLMR) Doubles Its Orders", "By Meg Flint, Tickerwise"),
        ("Quillmore Robotics Doubles Its Orders", "By Meg Flint Tickerwise"),
        ("How Quillmore's (NASDAQ: QLMR) Robots Could Reshape Retail", "By Meg Flint and Sam Ode, Tickerwise"),
    ],
)
def test_a_byline_the_contacts_confirm_names_the_publisher_without_the_covered_listing(headline, byline):
    release = _parse(headline, byline, "Tickerwise", "tickerwise")
    assert (release.company, release.tickers) == ("Tickerwise", [])


@pytest.mark.parametrize(
    ("byline", "contact", "site"),
    [
        ("By Meg Flint, Tickerwise", "Quillmore Robotics", "quillmore"),  # sponsored: the company's own contacts
        ("By Meg Flint", "Quillmore Robotics", "quillmore"),  # a writer alone names no publisher
    ],
)
def test_a_byline_the_contacts_do_not_confirm_leaves_the_covered_company_and_its_listing(byline, contact, site):
    release = _parse("Quillmore Robotics (NASDAQ: QLMR) Doubles Its Orders", byline, contact, site)
    assert release.company.startswith("Quillmore Robotics") and release.tickers == ["NASDAQ:QLMR"]


def test_a_publisher_keeps_the_listing_printed_with_its_own_name():
    text = STORY.format(
        headline="Quillmore Robotics Doubles Its Orders",
        byline="By Meg Flint, Tickerwise",
        contact="Tickerwise",
        site="tickerwise",
    ).replace("Featured photo", "Tickerwise (NYSE: TKW) is a financial media company.\n\nFeatured photo")
    [release] = parse_bytes("acme/2025/0301/quillmore.md", text.encode())
    assert (release.company, release.tickers) == ("Tickerwise", ["NYSE:TKW"])
