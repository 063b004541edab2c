"""Issuer rules of issue 17's sixth round, read from blind-3's and test4's misses: where the headline and the lede agree
on a subject, what the opening names when it names no one, and which signals outvote a byline or an About section.
Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.names import expand_acronym
from indexer.parse.subject import company_site, cut_at_verb, headline_opens, no_name


def release(body: str, headline: str):
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{body}\n".encode())
    return parsed


@pytest.mark.parametrize(
    ("name", "place", "expected"),
    [
        (None, None, True),
        ("Inc.", None, True),
        ("Florida", None, True),
        ("Fort Worth", "FORT WORTH, TX", True),
        ("Fort Worth Ballet", "FORT WORTH, TX", False),
        ("Orbit Pay", None, False),
    ],
)
def test_a_name_that_names_no_one(name, place, expected):
    assert no_name(name, place) is expected


@pytest.mark.parametrize("park", ["Orbit Trampoline Park", "Kestrel Climbing Gym"])
def test_a_publication_opening_the_lede_gives_way_to_the_headlines_subject(park):
    parsed = release(
        f"Inc., the leading media brand for entrepreneurs, today announced that {park} is No. 412 on the annual "
        f"list of the fastest-growing private companies.\n\n\u201cWe are honoured,\u201d said Jane Roe, CEO of {park}."
        "\n\nAbout Inc.\n\nInc. is the leading media brand for entrepreneurs.",
        headline=f"{park} Ranks No. 412 on the List of Fastest-Growing Private Companies",
    )
    assert parsed.company == park


def test_the_datelines_own_place_opening_the_lede_is_not_the_company():
    parsed = release(
        "WACO, TX, March 3, 2025 /24-7PressRelease/ -- Waco's newest museum, the Brazos Clock Museum with more than "
        "400 clocks, is pleased to welcome the Clock Collectors Guild for its convention.\n\nThe museum opens daily.",
        headline="Brazos Clock Museum Welcomes Clock Collectors Guild for its Annual Convention",
    )
    assert parsed.company == "Brazos Clock Museum"


@pytest.mark.parametrize(
    ("headline", "lede", "about", "expected"),
    [
        (
            "Zentrix Announces Strategic Collaboration with Lumen DAO",
            "Zentrix, a leading global cryptocurrency exchange and trading company, today announced a collaboration "
            "with Lumen DAO.",
            "Lumen DAO\n\nLumen DAO is a community-governed DAO.",
            "Zentrix",
        ),
        (
            "GLOW\u00ae Candles Surpass 10 Million Views",
            "GLOW\u00ae Candles continues to prove its appeal with 10 million views in April.",
            "Harlow International\n\nHarlow International makes candles, including the GLOW\u00ae brand.",
            "GLOW Candles",
        ),
    ],
)
def test_the_subject_the_headline_opens_with_stands_over_anothers_about_section(headline, lede, about, expected):
    parsed = release(f"{lede}\n\nMore follows in May.\n\nAbout {about}", headline=headline)
    assert parsed.company == expected


def test_a_publishers_about_section_keeps_its_story_about_a_company():
    parsed = release(
        "Tech giant Quillon is funding a wave of solar projects across Europe.\n\nThe projects add 600 MW.\n\n"
        "About GreenWatch\n\nGreenWatch is a specialized communications platform with a focus on green companies.",
        headline="Quillon Ramps Up its Solar Projects in Europe",
    )
    assert parsed.company == "GreenWatch"


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("RAW\u00ae Rolling Papers Surpasses 300 Million Views", True),
        ("\u201cRAW Rolling Papers\u201d Surpasses 300 Million Views", True),
        ("RAWLINGS Rolling Papers Surpasses 300 Million Views", False),
        ("Fans of RAW Rolling Papers Set a Record", False),
    ],
)
def test_a_headline_opening_with_a_name(headline, expected):
    assert headline_opens(headline, "RAW Rolling Papers") is expected


def test_an_organisation_by_its_apposition_is_no_person_whatever_pronouns_follow():
    parsed = release(
        "Strengthening its leasing team, Harlow Retail, a division of Harlow & Co., has hired Jane Roe, a leader "
        "with a long record; she joins from a national firm and her clients follow.\n\nRoe starts in May.\n\n"
        "About Harlow & Co.\n\nHarlow & Co. is a privately held real estate firm.",
        headline="Jane Roe Joins Harlow Retail as Senior Vice President",
    )
    assert parsed.company == "Harlow Retail"


@pytest.mark.parametrize(
    ("acronym", "written"),
    [
        ("TDMM", "TradeDog Market Management"),
        ("BWDS", "BlueWave Data Systems"),
        ("CCHR", "Citizens Commission on Human Rights"),
    ],
)
def test_inner_capitals_count_as_initials(acronym, written):
    assert expand_acronym(acronym, f"Delhi - {written} ({acronym}), a global leader, said ...") == written


@pytest.mark.parametrize(
    ("name", "cut"),
    [
        ("Stonegate Capital Partners Updates Coverage", "Stonegate Capital Partners"),
        ("Acme Robotics Announces Results", "Acme Robotics"),
        ("Harbor Capital Partners", "Harbor Capital Partners"),
        ("Consumer Reports", "Consumer Reports"),
        ("Marks and Spencer Group", "Marks and Spencer Group"),
    ],
)
def test_a_title_case_verb_ends_a_name(name, cut):
    assert cut_at_verb(name) == cut


def test_a_lede_in_headline_style_ends_the_analysts_name_at_its_verb():
    parsed = release(
        "Orbit Pay (NASDAQ: ORBP): Harbor Capital Partners Updates Coverage on Orbit Pay (NASDAQ: ORBP). Orbit Pay "
        "reported revenue above guidance.\n\nAbout Harbor\n\nHarbor is a capital markets advisory firm.\n\n"
        "Source: Harbor Capital Partners",
        headline="Harbor Capital Partners Updates Coverage on Orbit Pay (NASDAQ: ORBP)",
    )
    assert parsed.company == "Harbor Capital Partners" and parsed.tickers == []


@pytest.mark.parametrize(
    ("site", "expected"),
    [("https://zentrixpharma.com/", "Zentrix Pharma"), ("http://www.dailyledger.com", "Daily Ledger")],
)
def test_the_contact_blocks_company_website_decides_between_byline_and_headline(site, expected):
    parsed = release(
        "--News Direct--\n\nBy Jane Roe, Daily Ledger\n\nAs of 2023, millions of people lived with the disease. Existing therapies "
        "carry warnings.\n\nZentrix Pharma's trial enrolled 100 patients.\n\nThis post contains sponsored content.\n\n"
        f"Contact Details\n\nJohn Doe\n\njdoe@irfirm.com\n\nCompany Website\n\n{site}",
        headline="Zentrix Pharma Releases Positive Interim Analysis Of Its Phase 2 Trial",
    )
    assert parsed.company == expected


def test_company_site_reads_the_contact_blocks_website():
    assert company_site("Contact Details\nJohn Doe\nCompany Websitehttps://www.igc-pharma.com/") == {"igcpharma"}
    assert company_site("Contact Details\nJohn Doe\nhttps://www.example.com") == set()
