"""Issuer rules of issue 17's fifth round, read from the second blind set's misses: a listed subject in a later
sentence of the lede, an About heading run into a paragraph, a publisher's brand teaser about a topic, and a title
that only describes a person. Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.own_listings import lede_listed


def release(body: str, headline: str):
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{body}\n".encode())
    return parsed


@pytest.mark.parametrize(
    ("opening", "name", "listing", "ticker"),
    [
        ("Grocery payments have long been slow, but that could change.", "Orbit Pay", "NASDAQ: ORBP", "NASDAQ:ORBP"),
        ("Cargo moves by rail more than ever.", "Zenith Freight Corp.", "OTCQB: ZNFR", "OTC:ZNFR"),
    ],
)
def test_a_listed_subject_of_a_later_lede_sentence_beats_a_publishers_contacts(opening, name, listing, ticker):
    parsed = release(
        f"{opening} {name} ({listing}), a leader in its field, and Tidewell, a payments network, have teamed up "
        "to bring it to every shop.\n\nThe service starts next month in ten states.\n\n"
        "Daily Ledger is a leading financial media provider for investors.\n\n"
        "Contact Details\n\nDaily Ledger\n\ninfo@dailyledger.com\n\nCompany Website\n\nhttps://www.dailyledger.com",
        headline="Streamlining Payments for Everyday Shopping",
    )
    assert (parsed.company, parsed.tickers) == (name, [ticker])


@pytest.mark.parametrize(
    "lede",
    [
        # Shares of a listed company, a partner of it or a listing of a place: objects, not the subject.
        "Grocery payments have long been slow. Investors bought shares of Orbit Pay (NASDAQ: ORBP) last week.",
        "Grocery payments have long been slow. Tidewell partnered with Orbit Pay (NASDAQ: ORBP), a card network.",
    ],
)
def test_a_listed_name_that_is_only_an_object_of_the_lede_is_not_the_issuer(lede):
    parsed = release(
        f"{lede}\n\nThe service starts next month.\n\nAbout Tidewell\n\nTidewell is a payments network.",
        headline="Tidewell Brings Payments to Shops",
    )
    assert parsed.company == "Tidewell" and parsed.tickers == []


def test_the_lede_writes_out_a_name_the_about_section_and_source_line_shorten():
    parsed = release(
        "In the old days, analysing speed was all that counted. And to help companies do this, Quillon Systems, "
        "Inc. (NASDAQ:QLLN), today announced an analytics service.\n\nIt ships in May.\n\nAbout Quillon\n\n"
        "Quillon (NASDAQ:QLLN) makes workspace software.\n\nSource: Quillon",
        headline="Quillon Launches an Analytics Service",
    )
    assert (parsed.company, parsed.tickers) == ("Quillon Systems, Inc.", ["NASDAQ:QLLN"])


def test_a_shorter_name_in_the_lede_is_kept_when_no_listing_writes_it_out():
    parsed = release(
        "In the old days, analysing speed was all that counted. Today Quillon announced an analytics service.\n\n"
        "It ships in May.\n\nAbout Quillon\n\nQuillon (NASDAQ:QLLN) makes workspace software.\n\nSource: Quillon",
        headline="Quillon Launches an Analytics Service",
    )
    assert parsed.company == "Quillon"


@pytest.mark.parametrize(
    ("name", "short"),
    [("Diversified Compliance Services", "DCS Rescue"), ("Harbor Light Marine", "HLM Boatworks")],
)
def test_an_about_heading_run_into_a_paragraph_after_a_link_names_the_issuer_its_initials_open(name, short):
    parsed = release(
        "LOS ALAMITOS, CA, May 13, 2025 /24-7PressRelease/ -- This is a detailed look at what the rules call a "
        "confined space.  It explains each criterion in plain words.  Read the full article: "
        f"https://example.com/confined-space/  About {name}  {short} specializes in rescue services.",
        headline="Clarifications on the Definition of Confined Space",
    )
    assert parsed.company == name


def test_about_a_number_after_a_sentence_is_no_heading():
    parsed = release(
        "LOS ALAMITOS, CA, May 13, 2025 /24-7PressRelease/ -- Harbor Light Marine opened a yard.  It is large. "
        "About 20 Boats Fit In It Now, and About Forty More Will Next Year as the yard grows.",
        headline="Harbor Light Marine Opens a Yard",
    )
    assert parsed.company == "Harbor Light Marine"


@pytest.mark.parametrize("title", ["Chicago Music Award Nominee", "Grammy Award Winner", "Dance Awards Finalist"])
def test_a_title_that_describes_a_person_is_not_the_company_and_the_person_speaks_for_themself(title):
    parsed = release(
        f"CHICAGO, IL, April 2, 2024 /24-7PressRelease/ -- {title} and esteemed EDM artist, Mara Quell, widely "
        "known as the Queen of Bass, proudly unveils her latest single, out on July 5th.  It features remixes "
        "from several DJs.",
        headline=f"{title} Mara Quell Reveals Her Latest Single",
    )
    assert parsed.company == "Mara Quell"


_BRAND_ABOUT = (
    "About TechMediaWire\n\nTechMediaWire is a specialized communications platform with a focus on companies driving "
    "technology. It is one of many brands that deliver wire solutions to clients."
)


@pytest.mark.parametrize(
    ("headline", "lede"),
    [
        (
            "EPA Terminates Solar Energy Program Worth $7bn",
            "The United States Environmental Protection Agency (EPA) has ended a major solar energy program.",
        ),
        ("Department of Energy Cuts Grants", "The Department of Energy has cut grants for battery research."),
    ],
)
def test_a_publishers_teaser_about_a_public_body_is_the_publishers(headline, lede):
    parsed = release(f"{lede} It had supported many homes.\n\nRead More>>\n\n{_BRAND_ABOUT}", headline=headline)
    assert parsed.company == "TechMediaWire"


def test_a_publishers_teaser_naming_its_client_as_the_subject_is_the_clients():
    parsed = release(
        "Harbor MoneyFest has empowered investors with tools and education. Now it is proud to announce an expo."
        f"\n\nRead More>>\n\n{_BRAND_ABOUT}",
        headline="Harbor MoneyFest Presents Its Income Expo",
    )
    assert parsed.company == "Harbor MoneyFest"


@pytest.mark.parametrize(
    ("lede", "company"),
    [
        # A company the brand's editors write about: the brand's own story.
        ("Orbit Motors has officially introduced cheaper versions of its sedan.", "TechMediaWire"),
        ("Orbit Motors, the carmaker led by Jane Roe, has cut its prices.", "TechMediaWire"),
        # A client: printed with its listing, described as an organisation, or announcing for itself.
        ("Orbit Motors (NASDAQ: ORBM) has officially introduced cheaper versions of its sedan.", "Orbit Motors"),
        ("Orbit Motors, a maker of electric sedans, has introduced cheaper versions.", "Orbit Motors"),
        ("Orbit Motors is proud to announce cheaper versions of its sedan.", "Orbit Motors"),
        ("Orbit Motors invites drivers to test its cheaper sedan.", "Orbit Motors"),
        ("Orbit Motors has served drivers for decades. Now, it\u2019s proud to announce a sedan.", "Orbit Motors"),
    ],
)
def test_a_publishers_teaser_about_a_company_is_the_clients_only_when_it_covers_a_client(lede, company):
    parsed = release(
        f"{lede} It had sold many cars.\n\nRead More>>\n\n{_BRAND_ABOUT}", headline="Orbit Motors Cuts Prices"
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    "lede",
    [
        "Harbor Motor Week is set to take place on May 2-3 in Burlington.",
        "Harbor Motor Week is back for its 5th and biggest year yet.",
        "Harbor Motor Week returns to Burlington on May 2-3.",
    ],
)
def test_a_publishers_teaser_announcing_an_events_dates_is_the_events(lede):
    parsed = release(
        f"{lede} It draws many drivers.\n\nRead More>>\n\n{_BRAND_ABOUT}", headline="Harbor Motor Week 2025"
    )
    assert parsed.company == "Harbor Motor Week"


def test_a_press_release_wires_teaser_is_its_clients():
    about = (
        "About Harbor Wire\n\nHarbor Wire is a communications platform with a focus on wire-grade press release "
        "syndication for private and public companies."
    )
    parsed = release(
        f"Orbit Forum gathers cardiologists and investors in Boston this fall.\n\nRead More>>\n\n{about}",
        headline="Orbit Forum Presents Its Cardiology Day",
    )
    assert parsed.company == "Orbit Forum"


def test_a_publishers_teaser_under_highlights_in_bullets_is_the_clients_article():
    parsed = release(
        "* Orbit Mining holds rights to a copper deposit.\n* Its plan does not depend on new roads.\n\n"
        f"Orbit Mining has agreements with the landowners.\n\nRead More>>\n\n{_BRAND_ABOUT}",
        headline="Orbit Mining Is One to Watch",
    )
    assert parsed.company == "Orbit Mining"


@pytest.mark.parametrize(("source", "company"), [("eBay for Charity", "eBay"), ("Orbit Foods", "Orbit Foods")])
def test_the_source_line_sides_with_the_headline_over_a_partner_opening_the_lede(source, company):
    (parsed,) = parse_bytes(
        "release.txt",
        (
            f"{company} Partners with HyperX for a Charity Stream\n\nSAN JOSE, Calif., Dec. 12, 2019 /PRNewswire/ -- "
            "HyperX, the gaming division of Kingston Technology Company, Inc., today introduced a charity stream.\n\n"
            f"The stream starts on Saturday.\n\nAbout HyperX\n\nHyperX makes gaming gear.\n\nSOURCE {source}\n"
        ).encode(),
    )
    assert parsed.company == company


@pytest.mark.parametrize("programme", ["Outstanding Maternity Award", "Harbor Young Writers Prize"])
def test_a_programmes_about_naming_no_one_presents_the_programme_itself(programme):
    parsed = release(
        "SEOUL, January 3, 2025 /24-7PressRelease/ -- In December 2024, we celebrated the 34th season of the "
        f"{programme}.  Winners are listed at https://example.com/winners/  About the {programme}  Established a "
        "decade ago to recognize excellence in photography, it covers family life.",
        headline=f"Celebrating the 34th Season of the {programme}",
    )
    assert parsed.company == programme


@pytest.mark.parametrize(
    ("verb", "fund"),
    [("tells", "Harbor Small & Mid-Cap Income Fund"), ("sits down with", "Orbit Growth Trust")],
)
def test_an_interviewees_organisation_issues_over_the_interviewers_publisher_in_the_contacts(verb, fund):
    parsed = release(
        f"Jane Roe, lead fund manager of the {fund}, {verb} Ledger's John Doe she is optimistic about the market.\n\n"
        "She sees value in small companies.\n\nContact Details\n\nLedger UK\n\n+44 20 7989 0813\n\n"
        "editorial@ledgernews.com",
        headline=f"The small cap opportunity - {fund}",
    )
    assert parsed.company == fund


@pytest.mark.parametrize(("first", "partner"), [("Harbor Airlines", "GOL Airlines"), ("Orbit Foods", "Zenith Farms")])
def test_a_joint_release_is_its_first_named_companys_though_only_the_partner_has_an_about(first, partner):
    parsed = release(
        f"FORT WORTH, Texas, Feb. 4, 2020 (GLOBE NEWSWIRE) -- {first} and {partner.split()[0]}, a large partner, "
        f"today announced a new agreement.\n\nIt starts in May.\n\nAbout {partner}\n\n{partner} is the largest in "
        "its country.",
        headline=f"{first} and {partner.split()[0]} Announce an Agreement",
    )
    assert parsed.company == first


@pytest.mark.parametrize("outlet", ["Capital News Service", "Harbor Public Radio"])
def test_a_story_naming_no_issuer_is_the_outlet_a_quoted_person_told(outlet):
    parsed = release(
        "Over 180,000 residents could face higher health care costs next year as a deadline approaches.\n\n"
        f"\u201cThe increases will be crippling,\u201d Rep. Jane Roe, D-Maryland, told {outlet}.\n\nREAD FULL ARTICLE HERE",
        headline="Shutdown May Mean Higher Premiums For Many Residents",
    )
    assert parsed.company == outlet


def test_a_person_a_quoted_person_told_is_no_outlet():
    parsed = release(
        "Over 180,000 residents could face higher health care costs next year as a deadline approaches.\n\n"
        "\u201cThe increases will be crippling,\u201d Rep. Jane Roe told John Doe.\n\nREAD FULL ARTICLE HERE",
        headline="Shutdown May Mean Higher Premiums For Many Residents",
    )
    assert parsed.company is None


def test_a_role_word_used_as_a_verb_in_the_headline_keeps_the_company():
    parsed = release(
        "At a conference in Austin, many guests discussed blockchain.  Founded to lead the digital content "
        "revolution, Orbit Media Technology keeps setting new standards.\n\nRelated Link: https://orbitmedia.tech/",
        headline="Orbit Media Technology Pioneers Voting Mechanism with Blockchain",
    )
    assert parsed.company == "Orbit Media Technology"


def test_a_person_heading_a_division_of_an_organisation_speaks_for_the_organisation():
    parsed = release(
        "Heather Roe, Director of the Cruise Division at Harbor Travel Club, has received a Top Agent Award "
        "for client service.\n\nShe has planned trips for years.",
        headline="Top Agent Spotlight: Heather Roe of Harbor Travel Club Honored",
    )
    assert parsed.company == "Harbor Travel Club"


def test_a_listed_employer_of_the_person_a_sponsored_lede_opens_with_is_the_issuer():
    parsed = release(
        "Jacob Roe, CEO of Orbit Health (NASDAQ: ORBH), was recently a guest on Benzinga\u2019s All-Access.\n\n"
        "He spoke about telehealth.\n\nThis post contains sponsored content.\n\nBenzinga is a leading financial media and "
        "data provider, known for delivering timely information.\n\nContact Details\n\nBenzinga\n\n+1 877-440-9464\n\n"
        "info@benzinga.com\n\nCompany Website\n\nhttp://www.benzinga.com",
        headline="Telehealth Company's Plans To Change Wellness",
    )
    assert (parsed.company, parsed.tickers) == ("Orbit Health", ["NASDAQ:ORBH"])


@pytest.mark.parametrize("title", ["CEO of", "Founder and President of", "Managing Director at"])
def test_the_lede_listed_subject_is_the_employer_a_persons_title_names(title):
    lede = f"Jacob Roe, {title} Orbit Health (NASDAQ: ORBH), was recently a guest on a podcast."
    assert lede_listed(lede) == "Orbit Health"


@pytest.mark.parametrize("heading", ["About the Owner", "About the Founders"])
def test_an_about_section_presenting_people_is_not_the_issuers(heading):
    parsed = release(
        "NASHVILLE, TN, May 1, 2025 /24-7PressRelease/ -- After a year of mobile grooming, Harbor Paws of Nashville "
        f"is opening a pet salon.\n\nIt opens in June.\n\n{heading}\n\nOwner of Harbor Paws of Nashville, Eric Roe, "
        "loves dogs.\n\nAbout Harbor Paws\n\nHarbor Paws is a pet care franchise.",
        headline="Harbor Paws of Nashville Opens a Pet Salon",
    )
    assert parsed.company not in {"Owner", "Founders"} and parsed.company.startswith("Harbor Paws")


def test_a_lower_case_about_heading_names_what_its_text_opens_with():
    parsed = release(
        "GENEVA, March 3, 2025 -- Over four days, thousands of lots will be offered for sale.\n\nThe sale is online.\n\n"
        "About the auction\n\nPro Gavel Ltd will conduct the sale for the hotel.",
        headline="Thousands of Hotel Lots Go Under the Hammer",
    )
    assert parsed.company == "Pro Gavel Ltd"


@pytest.mark.parametrize("initials", ["DJ", "JD"])
def test_a_person_with_initials_for_a_first_name_gives_way_to_the_organisation(initials):
    parsed = release(
        f"{initials} Roe, Chief Innovation Officer, and Kevin Doe, Managing Director at Harbor Bank, recently joined "
        "Steve Darling from Ledger to discuss a new payments system. Harbor Bank has served truckers since 1995.\n\n"
        "Contact Details\n\nLedger USA\n\n+1 347-449-0879",
        headline="Harbor Bank Launches Real-Time Payments System for Trucking",
    )
    assert parsed.company == "Harbor Bank"


@pytest.mark.parametrize(
    ("headline", "person"),
    [
        ("Author Mara Quell Announces Release of Spy Thriller The Glass Network", "Mara Quell"),
        ("Seattle Author Jon Mark Reeve Reflects on Family This Thanksgiving", "Jon Mark Reeve"),
    ],
)
def test_a_person_the_headline_describes_by_their_trade_speaks_for_themself(headline, person):
    parsed = release(
        f"As the holidays approach, acclaimed author and actor {person} is set to release his latest book, out in "
        "July.  The release marks his return after a year-long hiatus.",
        headline=headline,
    )
    assert parsed.company == person


@pytest.mark.parametrize("question", ["How", "Why", "Can"])
def test_a_headlines_question_word_is_no_part_of_the_listed_name(question):
    parsed = release(
        "Video analytics keep getting cheaper. Cities buy more of them each year.",
        headline=f"{question} Orbit Vision Solutions (NASDAQ: ORBV) is Redefining Industry Norms",
    )
    assert (parsed.company, parsed.tickers) == ("Orbit Vision Solutions", ["NASDAQ:ORBV"])


@pytest.mark.parametrize(
    "credit",
    ["\u2014 via IBN \u2014", "-- via NewMediaWire --", "\u2013 via Investor Wire \u2013"],
)
def test_the_wire_a_release_came_through_does_not_hide_the_ledes_subject(credit):
    parsed = release(
        f"DENVER, Colo., Aug. 21, 2025 (GLOBE NEWSWIRE) {credit} Orbit Lending, a diversified finance company, today "
        "announced that its president joined a business council.\n\nMore follows here.\n\n"
        "About Orbit Lending, Inc.\nOrbit Lending, Inc. (OTC: ORBL) is a diversified finance company.\n\n"
        "About Business Councils\nBusiness Councils are invitation-only communities.",
        headline="Orbit Lending President Joins a Business Council",
    )
    assert (parsed.company, parsed.tickers) == ("Orbit Lending", ["OTC:ORBL"])
