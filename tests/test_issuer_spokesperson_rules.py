"""Issuer rule for a release no reader named that speaks through one person (issue 17's audit of unlabelled
releases, audit20): the organisation the text ties that person to ("according to Dana Whitlock, Broker/Owner of The
Whitlock Group"). Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.spokespeople import spokesperson_org


@pytest.mark.parametrize(
    "headline, lede, tail, company",
    [
        # The headline's speaker ("Name: ..."), tied by a title.
        (
            "Dana Whitlock: Lakeside Buyers Wait for Spring",
            "In the lakes region, most would-be owners are holding back this winter.",
            "Rates matter, according to Dana Whitlock, Broker/Owner of The Whitlock Group, who sees demand. "
            "Whitlock expects a busy April.",
            "The Whitlock Group",
        ),
        # The headline's speaker, tied by "from".
        (
            "Omar Petrov: Why Timing the Ridge Market Fails",
            "In theory, waiting for the bottom sounds logical, but it rarely works in mountain towns.",
            "Omar Petrov from Ridgeline Realty entered real estate in 2008. Petrov says patience pays.",
            "Ridgeline Realty",
        ),
        # No one in the headline: the one person the text presents by a title at an organisation.
        (
            "Which Island Should You Buy On",
            "Most buyers start their island home search online and fall in love with the water.",
            "The problem, according to Sandy Harrow, is scope. Harrow is the founder/owner of Harbour Welcome Real "
            "Estate, a boutique firm. Call Harbour Welcome Real Estate.",
            "Harbour Welcome Real Estate",
        ),
        # A title running on to the organisation; a possessive's owner.
        (
            "An Outlook for the Fourth Quarter",
            "In autumn, volatility returned to markets as rates moved.",
            "Investors want hedges, said Ann Kerr, Head of Institutional Strategy at Bellwether Funds LLC. Kerr added "
            "that Bellwether Funds LLC sees demand.",
            "Bellwether Funds LLC",
        ),
        (
            "Shoppers Hold Back on Holiday Plans",
            "In a new survey, most households plan to spend less this winter.",
            "Retailers must deliver value, stated Chad Lusk, Managing Director at Orton & Vale\u2019s Retail Group. "
            "Orton & Vale asked 2,000 people. Lusk expects discounts.",
            "Orton & Vale",
        ),
    ],
)
def test_a_nameless_release_takes_its_spokespersons_organisation(
    headline: str, lede: str, tail: str, company: str
) -> None:
    parsed = wire(lede, headline, tail, tail_apart=True)
    assert (parsed.company, parsed.tickers) == (company, [])


@pytest.mark.parametrize(
    "headline, text",
    [
        # Two people of two organisations: a story quoting both, issued by neither.
        (
            "Rethinking Blockchains",
            "Barry Stone, founder of Quartz Capital Group, argues for change. Kate Lyle, co-founder of Meridian Labs "
            "Inc, agrees. Stone and Lyle spoke in May.",
        ),
        # A journal's name is no person.
        (
            "Five Anti-Aging Ingredients",
            "According to a study in the Asian Journal of Skin Science, wrinkles fell. The Asian Journal of Skin "
            "Science is peer reviewed. The Asian Journal said more.",
        ),
        # No one in the headline, the organisation printed once: a source the story cites.
        (
            "Cybercrime Shows the Need for Decentralised Systems",
            "Barry Stone, founder of Quartz Capital Group (QCG), has long championed it. Stone says more.",
        ),
        # Cut at a person's initial.
        (
            "The Law Offices of Mark T. Hurt Awards a Scholarship",
            "The lawyers at the Law Offices of Mark T. Hurt are pleased. For decades, The Law Offices of Mark T. Hurt, "
            "led by CEO and managing attorney Mark T. Hurt, has served Kingsport.",
        ),
        # One word is too weak to name an organisation: a brand, a town or a surname.
        ("Jane Roe: Rates Stay High", "Jane Roe of Coldwell says rates stay high. Roe expects a slow spring."),
        # Named once only, with no title: not the person the release speaks through.
        ("Rates Stay High", "Rates stay high, says Jane Roe of Roe Brothers Realty in Madison."),
    ],
)
def test_no_spokesperson_organisation(headline: str, text: str) -> None:
    assert spokesperson_org(headline, text) is None
