"""Issuer rule of issue 17's sixteenth round: a sponsored story a financial publisher wrote for a company and signs
("By Jane Roe, Quillstreet" ... "This post contains sponsored content") is the company's whose listing it prints first
when its headline names that company; a story that covers several companies, a list or a topic stays the publisher's.
Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.credits import sponsored_subject

# A publisher's sponsored story as a distribution wire carries it: a byline, a story opening on its market, the
# publisher's closing words, its disclosure and its website.
STORY = """# {headline}

By Jane Roe, Quillstreet

Approximately 1 in 40 power lines in the U.S. will need more metal before 2030. Globally, more than 300,000 tons are \
recycled each year, and the rate is slowly rising; volumes increased to 177 tons per million in 2019 from 165 in 2003.

{body}

Quillstreet is a leading financial media and data provider, known for delivering accurate, timely, and actionable \
financial information to empower investors and traders.

{disclosure} This content is for informational purposes only and is not intended to be investing advice.

Company Websitehttp://www.quillstreet.com
"""

SPONSORED = "This post contains sponsored content."
# The company the story was written for, listed after the opening, beside one it covers.
BODY = (
    "Recently, {first} (NASDAQ: ZQLT), the mining company developing smelters for scarce metals, was granted a permit "
    "by the state, while peers such as Ormond Mining (NYSE: ORMD) wait."
)


def _story(headline: str, body: str, disclosure: str = SPONSORED) -> str:
    return STORY.format(headline=headline, body=body, disclosure=disclosure)


@pytest.mark.parametrize(
    "headline, first, company, tickers",
    [
        # The headline names the company the story lists first: its story, with its listing.
        (
            "Zinquilt Metals Expands Smelter As Demand Grows",
            "Zinquilt Metals Inc.",
            "Zinquilt Metals Inc.",
            ["NASDAQ:ZQLT"],
        ),
        # A place before the name, and a headline naming it after a function word.
        (
            "Metal Demand Is Rising - Here's How Zinquilt Metals Plans To Benefit",
            "Ohio-based Zinquilt Metals",
            "Zinquilt Metals",
            ["NASDAQ:ZQLT"],
        ),
        # A one-word name written with its legal form.
        ("Zinquilt Expands Smelter", "Zinquilt Inc.", "Zinquilt Inc.", ["NASDAQ:ZQLT"]),
        # The headline names no listed company: the publisher's market story, no one's listing lent.
        ("Is Metal Entering A New Supercycle?", "Zinquilt Metals Inc.", "Quillstreet", []),
        # The headline names a company the story lists second (one it covers): the publisher's.
        ("Ormond Mining Leads The Sector", "Zinquilt Metals Inc.", "Quillstreet", []),
        # One of a list, or a topic: covered, not the sponsor.
        ("Zinquilt Metals, Ormond And Others Bet On Smelting", "Zinquilt Metals Inc.", "Quillstreet", []),
        ("Zinquilt Metals: A Potential Proxy For Metal Prices?", "Zinquilt Metals Inc.", "Quillstreet", []),
        # Where the name starts is unsure (the headline prints another word before a tail of it).
        ("Why US Northern Metals ETF Offers Exposure", "Zinquilt U.S. Northern Metals ETF", "Quillstreet", []),
    ],
)
def test_a_sponsored_story_is_the_listed_company_its_headline_names(
    headline: str, first: str, company: str, tickers: list[str]
) -> None:
    (parsed,) = parse_bytes("story.md", _story(headline, BODY.format(first=first)).encode())
    assert (parsed.company, parsed.tickers) == (company, tickers)


@pytest.mark.parametrize(
    "disclosure, company",
    [
        (SPONSORED, "Zinquilt Metals Inc."),
        ("This is a sponsored article.", "Zinquilt Metals Inc."),
        # No disclosure: the publisher's own news about a company it covers.
        ("", "Quillstreet"),
    ],
)
def test_only_a_story_that_says_it_is_sponsored_is_its_subjects(disclosure: str, company: str) -> None:
    headline = "Zinquilt Metals Expands Smelter As Demand Grows"
    release = _story(headline, BODY.format(first="Zinquilt Metals Inc."), disclosure)
    (parsed,) = parse_bytes("story.md", release.encode())
    assert parsed.company == company


@pytest.mark.parametrize(
    "body, headline, name",
    [
        # A heading glued to the name before it is cut off.
        (
            "A New Standard For ProvidersZinquilt Health (NASDAQ: ZQLT) serves clinics.",
            "Clinics Need Help - Zinquilt Health Aims To Provide It",
            "Zinquilt Health",
        ),
        # A camel-cased name is one word, not a glued heading.
        ("MarkLogix Inc. (NASDAQ: MLGX) sells sensors.", "How MarkLogix Protects Seniors", "MarkLogix Inc."),
        # Products the headline names by their symbols: the story is about them, not the first listed company.
        (
            "Zinquilt Metals (NASDAQ: ZQLT) rose. The Daily ZQLT Up ETF (NASDAQ: ZQUP) doubles its moves.",
            "ZQUP: The 2x ETF On Zinquilt Metals",
            None,
        ),
    ],
)
def test_the_sponsored_subject_name(body: str, headline: str, name: str | None) -> None:
    assert sponsored_subject(f"{body}\n\n{SPONSORED}", headline) == name


# A publisher's paid article about a listed company, its disclosure naming who paid for it (issue 17's twentieth round).
PAID = """# Zinquilt Metals Inc. (NASDAQ: ZQLT): Smelter Output Confirmed

As the metals industry evolves, there is interest in smelters beyond traditional ones. Zinquilt Metals Inc. (Nasdaq: \
ZQLT) is making strides in this space with its flagship smelter.

Zinquilt Metals expanded its network through partnerships with distributors across the Midwest this year.

Disclaimers: Quillpitch Inc. "Quillpitch" is not a licensed broker. Quillpitch has been retained and compensated by \
{payer} to assist in the production and distribution of this content. Quillpitch is responsible for this content.

Contact DetailsQuillpitch

Jane Roe

jane@quillpitch.com
"""


@pytest.mark.parametrize(
    "payer, company, tickers",
    [
        # A third party paid: the publisher wrote it for someone else; the covered company lends no listing.
        ("Ardent Consulting", "Quillpitch", []),
        ("Ardent Consulting LLC", "Quillpitch", []),
        # The covered company paid, by its name, its short name, its symbol or "the company": its article.
        ("Zinquilt Metals Inc.", "Zinquilt Metals Inc.", ["NASDAQ:ZQLT"]),
        ("Zinquilt", "Zinquilt Metals Inc.", ["NASDAQ:ZQLT"]),
        ("ZQLT", "Zinquilt Metals Inc.", ["NASDAQ:ZQLT"]),
        ("the company", "Zinquilt Metals Inc.", ["NASDAQ:ZQLT"]),
    ],
)
def test_an_article_a_third_party_paid_for_is_its_publishers(payer: str, company: str, tickers: list[str]) -> None:
    (parsed,) = parse_bytes("paid.md", PAID.format(payer=payer).encode())
    assert (parsed.company, parsed.tickers) == (company, tickers)


def test_a_publisher_no_contact_names_is_not_the_issuer() -> None:
    """An adviser 'retained by' a third party, whom neither the contacts nor a domain name, issues nothing."""
    release = PAID.format(payer="Ardent Consulting").replace("Quillpitch\n", "Zinquilt Metals\n")
    release = release.replace("jane@quillpitch.com", "jane@zinquilt.com")
    (parsed,) = parse_bytes("paid.md", release.encode())
    assert (parsed.company, parsed.tickers) == ("Zinquilt Metals Inc.", ["NASDAQ:ZQLT"])
