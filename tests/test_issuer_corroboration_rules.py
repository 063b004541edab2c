"""Issuer rules of issue 17's seventeenth round, read from blind-11: the places where a release names its own issuer
(About headings, the SOURCE line, the contacts, its web and mail domains, the headline) against the pick, a heading
word glued to the text, a call to the reader, a region, a product's maker, a book headline with colons, an About
heading closed by a colon, and a joint release's copy by the partner whose SEC reports it cites; from its follow-up,
an About section presenting the event's venue, a founder's possessive and a sponsored story whose headline names no
company. Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.corroboration import (
    addresses_reader,
    glued_opener_cut,
    product_maker,
    region_of_place,
    vouched_issuer,
)
from indexer.parse.credits import sponsored_subject
from indexer.parse.interviews import interviewee_org
from indexer.parse.sections import About


@pytest.mark.parametrize(
    "name, cut",
    [
        ("Harbor Mint AnnouncementIn", "Harbor Mint"),
        ("Quill Forge UpdateThe", "Quill Forge"),
        # No word run into the next sentence's first word: kept.
        ("Harbor Mint Announcement", "Harbor Mint Announcement"),
        ("Lumen BuiltIn", "Lumen BuiltIn"),
        ("ContactMonkey", "ContactMonkey"),
        (None, None),
    ],
)
def test_a_heading_word_glued_to_the_texts_first_word_is_cut(name: str | None, cut: str | None) -> None:
    assert glued_opener_cut(name) == cut


@pytest.mark.parametrize(
    "name, text, place",
    [
        ("South Auckland", "Young fighters ... back home in South Auckland, the team ...", True),
        ("West Lakeview", "Runners from West Lakeview gathered ...", True),
        ("Northern California", "Northern California's growers ...", True),
        # Not printed as where one is, or an organisation's word in it: a name.
        ("South Auckland", "South Auckland's rising stars ...", False),
        ("North Harbor Bank", "Customers in North Harbor Bank branches ...", False),
        ("Lakeview Runners", "Runners in Lakeview Runners ...", False),
        ("North Bay Mining", "Ore from North Bay Mining's mill ...", False),
    ],
)
def test_a_region_the_text_is_in_is_a_place(name: str, text: str, place: bool) -> None:
    assert region_of_place(name, text) is place


@pytest.mark.parametrize(
    "name, lede, reader",
    [
        ("Unleash", "Unleash your inner artist with the launch of ...", True),
        ("Discover", "Discover you can paint again ...", True),
        ("Unleash", "Unleash Labs today announced ...", False),
        ("Harbor Mint", "Harbor Mint your coins today ...", False),  # two words: a name
    ],
)
def test_a_verb_calling_the_reader_names_no_one(name: str, lede: str, reader: bool) -> None:
    assert addresses_reader(name, lede) is reader


@pytest.mark.parametrize(
    "name, text, maker",
    [
        (
            "Velvet Link Chain",
            "At Corvo Jewelry, they craft the Velvet Link Chain. Corvo Jewelry's Velvet Link Chain is not ...",
            "Corvo Jewelry",
        ),
        # The possessor printed once, a place or the name itself: no maker.
        ("Velvet Link Chain", "Everyone loves Corvo Jewelry's Velvet Link Chain.", None),
        ("Velvet Link Chain", "New Zealand's Velvet Link Chain ... New Zealand's makers ...", None),
        ("Velvet Link Chain", "The Velvet Link Chain ... The Velvet Link Chain's design ...", None),
    ],
)
def test_a_products_possessor_makes_it(name: str, text: str, maker: str | None) -> None:
    assert product_maker(name, text) == maker


_REGISTRY_ABOUT = (
    "Watch the segment here About Harbor Registry: Since 1950, Harbor Registry has chronicled the lives of leaders. "
    "Its volumes can be seen at www.harborregistry.com."
)


def test_an_about_heading_closed_by_a_colon_after_a_sentence_is_read() -> None:
    lede = (
        "Dana Moss, founder of Quill Advisory, appeared on Morning Live to discuss how her company helps small "
        "manufacturers. Through Quill Advisory, Dr. Moss guides owners."
    )
    parsed = wire(lede, "Harbor Registry Listee Dana Moss Featured on Morning Live", _REGISTRY_ABOUT)
    assert parsed.company == "Harbor Registry"


_VOUCHING_TEXT = (
    "Pine Cove Outfitters sells gear. Learn more at https://www.pinecoveoutfitters.com. About Pine Cove Outfitters "
    "Pine Cove Outfitters was founded in 2001."
)


@pytest.mark.parametrize(
    "company, abouts, contacts, headline, vouched",
    [
        # Nothing vouches for the pick; the About heading and the web domain vouch for the outfitter.
        (
            "Trail Season",
            [About("Pine Cove Outfitters", "Pine Cove Outfitters was founded.")],
            "",
            "Gear",
            "Pine Cove Outfitters",
        ),
        (
            None,
            [About("Pine Cove Outfitters", "Pine Cove Outfitters was founded.")],
            "",
            "Gear",
            "Pine Cove Outfitters",
        ),
        # The About heading and the contacts vouch (no domain).
        (
            "Trail Season",
            [About("Pine Cove Outfitters", "Pine Cove Outfitters was founded.")],
            "Contact Details\nPine Cove Outfitters\n",
            "Gear",
            "Pine Cove Outfitters",
        ),
        # The headline names the pick, or a witness vouches for it: it stays.
        ("Trail Season", [About("Pine Cove Outfitters", "...")], "", "Trail Season Opens", "Trail Season"),
        ("Pine Cove", [About("Pine Cove Outfitters", "...")], "", "Gear", "Pine Cove"),
        # One witness alone, a publisher's brand or a person vouches for no one else.
        ("Trail Season", [About("Cedar Ridge Supply", "Cedar Ridge Supply sells ...")], "", "Gear", "Trail Season"),
        (
            "Trail Season",
            [About("PineCoveNewsWire", "a specialized communications platform")],
            "",
            "Gear",
            "Trail Season",
        ),
        ("Trail Season", [About("Pine Cove", "Pine Cove is ...")], "", "Gear", "Trail Season"),
        # A public relations agency in the contacts vouches for no one.
        (
            "Trail Season",
            [About("Pine Cove PR", "Pine Cove PR was founded.")],
            "Contact Details\nPine Cove PR\n",
            "Gear",
            "Trail Season",
        ),
        # A pick with a legal form or an organisation's word, or the long form of an About's acronym, stays.
        ("Trail Season LLC", [About("Pine Cove Outfitters", "...")], "", "Gear", "Trail Season LLC"),
        ("Trail Season Foundation", [About("Pine Cove Outfitters", "...")], "", "Gear", "Trail Season Foundation"),
        (
            "Pine Cove Outfitters Network",
            [About("PCON", "PCON was founded.")],
            "",
            "Gear",
            "Pine Cove Outfitters Network",
        ),
    ],
)
def test_a_pick_nothing_vouches_for_yields_to_one_two_witnesses_do(
    company: str | None, abouts: list[About], contacts: str, headline: str, vouched: str | None
) -> None:
    text = _VOUCHING_TEXT.replace("Pine Cove Outfitters", abouts[0].name) + " Cedar Ridge Supply sells."
    assert vouched_issuer(company, abouts, None, contacts, text, headline) == vouched


def test_a_heading_word_glued_to_the_text_leaves_the_name_its_about_spells() -> None:
    parsed = wire(
        "Harbor Mint AnnouncementIn a May 6 post, the Harbor Mint account said it joins Lakeview FC as partner.",
        "Harbor Mint Becomes Regional Partner of Lakeview FC",
        "About Harbor Mint Harbor Mint is a coin platform founded in 2023.",
        tail_apart=True,
    )
    assert parsed.company == "Harbor Mint"


@pytest.mark.parametrize(
    "lede, headline, tail, company",
    [
        (
            "Unleash your inner artist with the Wild Birds Coloring Book. This new release from Quirky Otter Book "
            "offers fifty pages.",
            "Unleash Your Creativity with the Wild Birds Coloring Book",
            "About Quirky Otters Books Quirky Otters Books is committed to creative publications.",
            "Quirky Otters Books",
        ),
        (
            "Business strategist and trade expert Dana Moss is thrilled to announce his latest book, Harbor Trade.",
            "New Book Release: Harbor Trade: Lessons and Tools by Dana Moss",
            "About the Author Dana Moss has spent his career assisting companies.",
            "Dana Moss",
        ),
        (
            "In a world of noise, simplicity guides fashion. At Corvo Jewelry, they craft the Velvet Link Chain.",
            "The Velvet Link Chain - A Testament to Craft",
            "Corvo Jewelry's Velvet Link Chain is not just an accessory.",
            "Corvo Jewelry",
        ),
        (
            "South Lakeview's rising boxers travelled abroad. It was a beacon for the youth back home in South Lakeview.",
            "South Lakeview on the Rise: Young Boxers Abroad",
            "",
            None,
        ),
    ],
)
def test_a_release_naming_its_issuer_elsewhere(lede: str, headline: str, tail: str, company: str | None) -> None:
    assert wire(lede, headline, tail, tail_apart=True).company == company


_JOINT_LEDE = "Corvane Inc. (Nasdaq: CRVN) and Lumetra plc (Nasdaq: LMTR) today announced approval of a new drug."


@pytest.mark.parametrize(
    "tail, company, tickers",
    [
        (
            "Forward-looking statements: those risks described in the Lumetra Annual Report on Form 10-K for the "
            "fiscal year and in subsequent filings made by Lumetra with the U.S. Securities and Exchange Commission.",
            "Lumetra",
            ["NASDAQ:LMTR"],
        ),
        # Both partners' reports cited, or none: the first named.
        (
            "Risks are described in the Lumetra Annual Report on Form 10-K and in the Corvane Annual Report on Form "
            "10-K.",
            "Corvane Inc.",
            ["NASDAQ:CRVN"],
        ),
        ("Both companies will present the data in May.", "Corvane Inc.", ["NASDAQ:CRVN"]),
    ],
)
def test_a_joint_release_is_the_partners_whose_sec_reports_it_cites(
    tail: str, company: str, tickers: list[str]
) -> None:
    parsed = wire(_JOINT_LEDE, "Corvane and Lumetra Announce Approval of Drug", tail, tail_apart=True)
    assert (parsed.company, parsed.tickers) == (company, tickers)


@pytest.mark.parametrize(
    "headline, org",
    [
        ("Dana Moss Interviews Lee Park, Councilman, Harbor Valley Water Board", "Harbor Valley Water Board"),
        ("Dana Moss Interviews Amy Roe, Arts Enthusiast, Lakeview Center for the Arts", "Lakeview Center for the Arts"),
        ("Citybiz Short \u2013 Dana Moss Interviews Lee Park, CEO of Quill Forge at the Summit", "Quill Forge"),
        ("Dana Moss Interviews Lee Park, President at Corvo Markets", "Corvo Markets"),
        # A department after "of", or an author's work: no organisation.
        ("Dana Moss Interviews Lee Park, Harbor State Secretary of Agriculture", None),
        ("Dana Moss Interviews Lee Park, author of Marketing for Your Business, Second Edition", None),
    ],
)
def test_an_interviewers_headline_gives_the_interviewees_organisation(headline: str, org: str | None) -> None:
    assert interviewee_org(headline) == org


def test_a_q_and_a_with_an_officer_of_a_one_word_company_names_it() -> None:
    assert interviewee_org("Q&A with Lee Park, Co-founder and Chief Executive Officer of Lopex") == "Lopex"


@pytest.mark.parametrize(
    "headline, text, subject",
    [
        (
            "Harbor Ledger Finance Has A Plan To Help Savers",
            "By Jane Roe, Benzinga Harbor Ledger Finance wants savers ... Harbor Ledger Finance offers ... "
            "This post contains sponsored content.",
            "Harbor Ledger Finance",
        ),
        # Not sponsored, printed once, a list's first name or a topic: no subject.
        ("Harbor Ledger Finance Has A Plan", "Harbor Ledger Finance wants ... Harbor Ledger Finance offers ...", None),
        ("Harbor Ledger Finance Has A Plan", "Harbor Ledger Finance ... This post contains sponsored content.", None),
        (
            "Harbor Ledger Finance And Quill Bank Bet On Savers",
            "Harbor Ledger Finance ... Harbor Ledger Finance ... This post contains sponsored content.",
            None,
        ),
        (
            "Harbor Ledger Finance: A Plan For Savers?",
            "Harbor Ledger Finance ... Harbor Ledger Finance ... This post contains sponsored content.",
            None,
        ),
    ],
)
def test_a_sponsored_story_is_the_unlisted_company_its_headline_opens_with(
    headline: str, text: str, subject: str | None
) -> None:
    assert sponsored_subject(text, headline) == subject


def test_an_author_who_founded_an_organisation_speaks_for_it() -> None:
    assert interviewee_org("Q&A with Lee Park, Author and Founder of Quillry") == "Quillry"


@pytest.mark.parametrize(
    "text",
    [
        # The person reader's evidence, or the text saying the possessor founded or created the pick: its founder.
        "Founded by award-winning speaker Mara Quell, Coin Sister teaches investing. Mara Quell's Coin Sister grew.",
        "Created by Mara Quell, Coin Sister has members. Mara Quell's Coin Sister reviews shine.",
        "Mara Quell, founder of Coin Sister, spoke. Mara Quell's Coin Sister reviews shine.",
    ],
)
def test_a_products_possessor_who_founded_it_is_no_maker(text: str) -> None:
    assert product_maker("Coin Sister", text) is None


def test_a_founded_pick_stays_its_own_issuer() -> None:
    lede = (
        "Coin Sister, a program that teaches novice investors, is gathering praise from women. The reviews of Coin "
        "Sister were featured in the article Mara Quell's Coin Sister Reviews Shine. Mara Quell grew up in Lyon."
    )
    tail = "To learn more, visit www.coinsister.com. Founded by speaker Mara Quell, Coin Sister helps women invest."
    assert wire(lede, "Coin Sister Reviews Shine Light on the Program", tail).company == "Coin Sister"


_GALA_LEDE = (
    "The Lantern Relief Fund is set to honour veterans at its 9th Annual Gala, taking place May 30th at the elegant "
    "{venue} in Rosemont. Tickets are on sale now."
)
_GALA_TAIL = (
    "Lantern Relief Fund helps veterans' families. http://www.lanternrelief.org/  About {venue} Chicago: "
    "{about} {venue} Chicago has welcomed guests for many years."
)


@pytest.mark.parametrize(
    "venue, about, company",
    [
        # A section presenting the place where the event is held: not the issuer's About.
        ("Marlow Grand Rosemont", "As the largest hotel outside the city,", "Lantern Relief Fund"),
        ("Pellham Regency Rosemont", "As the city's favourite event venue,", "Lantern Relief Fund"),
        ("Ostrava Arena Rosemont", "Since 1990,", "Lantern Relief Fund"),
        # Not called a venue: the About section is read as before.
        ("Marlow Grand Rosemont", "Since 1990,", "Marlow Grand Rosemont Chicago"),
    ],
)
def test_an_about_section_presenting_the_events_venue_is_no_issuer(venue: str, about: str, company: str) -> None:
    lede = _GALA_LEDE.format(venue=venue)
    parsed = wire(lede, "Heroes Honoured at Ninth Annual Gala", _GALA_TAIL.format(venue=venue, about=about))
    assert parsed.company == company


def test_a_venue_issuing_its_own_release_keeps_its_about() -> None:
    lede = (
        "The Marlow Grand Rosemont today opened its rooftop terrace, which will host the Lantern Relief Fund's gala "
        "at the Marlow Grand Rosemont on May 30th."
    )
    tail = (
        "Book at www.marlowgrand.com.  About Marlow Grand Rosemont Chicago: As the largest hotel outside the city, "
        "Marlow Grand Rosemont Chicago is home to ballrooms."
    )
    assert wire(lede, "Rooftop Terrace Opens", tail).company == "Marlow Grand Rosemont Chicago"


_LISTED_STORY = (
    "West Lakeland has long drawn miners. Estimates compiled by exploration company Corvane "
    "Gold (OTC: CVNGF) suggest the region grew fivefold. Corvane Gold calls it a frontier. Corvane owns the Dugo "
    "project. While Corvane owns it, the state holds 10%. For Corvane the outlook is bright.{other}\n\n"
    "This post contains sponsored content."
)
_PRESENTED_STORY = (
    "Traders face a choice.\n\nA Path To SuccessTideway Trading Company is a leading "
    "proprietary trading firm. Tideway offers coaching. Tideway pays out. Tideway coaches. Follow Tideway's show. Firms like Tideway "
    "help.{other}\n\nThis post contains sponsored content."
)


@pytest.mark.parametrize(
    "text, subject",
    [
        # The listed company the story keeps returning to, or the organisation it presents as often.
        (_LISTED_STORY.format(other=""), "Corvane Gold"),
        (_LISTED_STORY.format(other=" Its partner Brisk Metals plc (OTC: BRSKF) funds it."), "Corvane Gold"),
        (_PRESENTED_STORY.format(other=""), "Tideway Trading Company"),
        # Another listed company printed as often, a subject printed less than five times, or no sponsorship: none.
        (_LISTED_STORY.format(other=" Brisk Metals plc (OTC: BRSKF) funds it; Brisk Metals agrees."), None),
        (_LISTED_STORY.format(other="").replace("For Corvane the outlook", "The outlook"), None),
        (_PRESENTED_STORY.format(other="").replace(" Firms like Tideway help.", ""), None),
        (_PRESENTED_STORY.format(other="").replace("sponsored content", "no advice"), None),
    ],
)
def test_a_sponsored_story_whose_headline_names_no_company_is_its_subjects(text: str, subject: str | None) -> None:
    assert sponsored_subject(text, "Traders And Miners Look To New Frontiers") == subject


@pytest.mark.parametrize(
    "pick, subject",
    [
        (None, "Corvane Gold"),
        ("Benzinga", "Corvane Gold"),  # its sign-off only
        ("Quill Daily", "Corvane Gold"),  # a byline only
        ("Lakeland Vault Holdings Inc.", None),  # a company the story prints before it signs off
    ],
)
def test_a_sponsored_storys_subject_replaces_only_no_pick_or_its_publisher(
    pick: str | None, subject: str | None
) -> None:
    text = _LISTED_STORY.format(other="") + "\n\nBenzinga is a leading financial media provider."
    text = text.replace("West Lakeland has", "Lakeland Vault Holdings Inc. says West Lakeland has")
    text = text.replace("Corvane Gold calls", "By Ann Lee, Quill Daily\n\nCorvane Gold calls")
    assert sponsored_subject(text, "Traders And Miners Look To New Frontiers", pick) == subject
