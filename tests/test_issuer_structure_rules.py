"""Issuer rules read from a release's structure (issue 17, third round): a dateline the dateline reader missed, a
region of a place, the contact block's whole name, and listings that belong to a name tied to the subject by
'with', 'in' or 'by'. Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.names import tidy_name
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
            ["NASDAQ:SGEN"],  # a joint release: the first named is the company; the partner keeps its listing
        ),
        (
            "Orbit Foods Inc. (NYSE: ORBF) & Zenith Robotics, Inc. (NASDAQ: ZNTH) today announced a merger.",
            ["NYSE:ORBF"],
        ),
        (
            "Orbit Foods Inc. (OTCQB: ORBF) (formerly known as Orbit Snacks Corp, OTCQB: ORSN) today opened a plant.",
            ["OTC:ORBF"],  # a former listing printed beside the current one is not the issuer's any more
        ),
        (
            "Orbit Foods Inc. (NYSE: ORBF) (previously Orbit Snacks Corp. (NASDAQ: ORSN)) today opened a plant.",
            ["NYSE:ORBF"],
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
def test_a_listing_of_a_name_tied_to_the_subject_by_and_with_in_or_by_or_a_former_one_is_not_the_issuers(lede, tickers):
    parsed = release(f"NEW YORK, March 3, 2020 (GLOBE NEWSWIRE) -- {lede}\n\nMore details follow.", headline="News")
    assert parsed.tickers == sorted(tickers)


@pytest.mark.parametrize(
    ("short", "spelled"),
    [
        ("Opus VO", "Opus Virtual Offices"),
        ("Harbor GLC", "Harbor Green Lawn Care"),
        ("Mesa ADS", "Mesa Aerial Drone Services"),
    ],
)
def test_a_name_ending_in_an_acronym_is_written_out_as_the_text_prints_it(short, spelled):
    parsed = release(
        f"Say goodbye to long commutes this year.\n\n{spelled} will waive the set-up fee for new clients.\n\n"
        f"{short} provides businesses with addresses.",
        headline=f"{short} Announces a New Offer",
    )
    assert parsed.company == spelled


def test_an_acronym_the_text_never_writes_out_stays_as_printed():
    parsed = release(
        "Say goodbye to long commutes this year.\n\nOpus VO will waive the set-up fee for new clients.",
        headline="Opus VO Announces a New Offer",
    )
    assert parsed.company == "Opus VO"


@pytest.mark.parametrize(
    ("apposition", "company"),
    [
        ("a leading provider of integrated technology solutions", "Attronica"),
        ("the Mexican startup for identity checks", "Attronica"),
        ("a night steeped in lore", None),
    ],
)
def test_a_one_word_subject_the_apposition_calls_an_organisation_is_the_company(apposition, company):
    parsed = release(
        f"Attronica, {apposition}, proudly announces the launch of its new website.\n\nThe site lists every service.",
        headline="New Website Launches for Clients",
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    ("byline", "company"),
    [
        ("By Cboe", "Cboe"),
        ("By Jane Roe and John Doe, Capital Press Service", "Capital Press Service"),
        ("By Jane Roe", None),
    ],
)
def test_a_byline_naming_an_organisation_issues_an_article_without_a_subject(byline, company):
    parsed = release(
        f"--News Direct--\n\n{byline}\n\nThe trading floor, or the pit as it is often called, has been the heart of markets.\n\n"
        "Floors still matter today, traders said.",
        headline="How the Hybrid Trading Model Bridges Past and Future",
    )
    assert parsed.company == company


@pytest.mark.parametrize("government", ["Administration", "Government", "administration"])
def test_a_government_named_after_its_head_is_not_the_company(government):
    parsed = release(
        "While we adhere to strict editorial guidelines, partners on this page also pay us.\n\n"
        f"The Biden {government.lower()} finalized a rule. Biden said it protects savers.\n\n"
        "Contact Details\n\nWise Publishing, Inc.\n\nAaron Young\n\naaron@wisepublishing.com",
        headline=f"The Biden {government} Just Finalized a New Retirement Rule",
    )
    assert parsed.company == "Wise Publishing, Inc."


def test_a_body_holding_only_its_dateline_takes_the_headlines_subject():
    (parsed,) = parse_bytes(
        "release.json",
        b'{"title": "Ross Stores Announces Fourth Quarter Earnings Release and Conference Call", "date": '
        b'"Feb 18, 2020 8:30AM EST", "content": "Dublin, California, Feb. 18, 2020 (GLOBE NEWSWIRE) --   "}',
    )
    assert parsed.company == "Ross Stores"


@pytest.mark.parametrize("agency", ["Small Business Administration", "Food and Drug Administration"])
def test_an_agency_named_administration_can_still_issue(agency):
    parsed = release(
        f"The {agency} today announced new guidance for applicants.\n\nThe {agency} said the guidance starts now.",
        headline=f"{agency} Announces New Guidance",
    )
    assert parsed.company == agency


@pytest.mark.parametrize(
    ("lede_name", "company"),
    [("Hive Digital technologies", "Hive Digital Technologies"), ("Hive Digital", "Hive Digital")],
)
def test_the_headline_spells_the_name_the_lede_prints_in_lower_case(lede_name, company):
    parsed = release(
        f"{lede_name} Executive Chairman Frank Holmes joined a reporter to share details of the company's plans.\n\n"
        "Holmes said the alliance starts now.",
        headline="Hive Digital Technologies' Strategic Alliance with NVIDIA: A Leap Forward",
    )
    assert parsed.company == company


def test_a_title_case_verb_after_the_name_is_not_part_of_it():
    parsed = release(
        "Purcell Julie & Lefkowitz LLP is investigating the board of Acme Corp. for breaches of duty.\n\n"
        "Shareholders may contact the firm.",
        headline="Purcell Julie & Lefkowitz LLP Is Investigating Acme Corp.'s Board",
    )
    assert parsed.company == "Purcell Julie & Lefkowitz LLP"


@pytest.mark.parametrize(
    ("author_sentence", "company"),
    [
        ("The study by Reputation Institute, a data company, surveyed 26,000 people.", "Reputation Institute"),
        (
            "It was the first time in the history of Reputation Institute's U.S. RepTrak 100 ranking.",
            "Reputation Institute",
        ),
        ("Reputation Institute helped the company with its survey.", "Netflix, Inc."),  # not the study's author
    ],
)
def test_a_studys_author_issues_the_ranking_not_the_company_it_ranks_first(author_sentence, company):
    parsed = release(
        "BOSTON--(BUSINESS WIRE)-- Netflix, Inc. leap-frogged rivals to earn the #1 ranking in the biggest "
        f"corporate reputation study ever conducted.\n\n{author_sentence}\n\nAbout Reputation Institute\n\n"
        "Reputation Institute helps leaders build reputations.",
        headline="Netflix Surges to the Top",
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    ("headline", "company"),
    [
        (
            "Robert P. Cotton Has Been Recognized as One of America's Most Influential Businessmen by the "
            "International Association of Who's Who",
            "International Association of Who's Who",
        ),
        ("Robert P. Cotton Honored by Elevator Industry Council", "Elevator Industry Council"),
        ("Robert P. Cotton Shares Forty Years of Elevator Safety", "Robert P. Cotton"),
        ("Robert P. Cotton Featured by local news outlets", "Robert P. Cotton"),
    ],
)
def test_the_organisation_honouring_a_person_issues_the_release_about_them(headline, company):
    parsed = release(
        "Robert P. Cotton is an elevator and escalator expert and consultant. With over 40 years of experience, "
        "Mr. Cotton has testified in many cases.\n\nCotton lives in Ohio.",
        headline=headline,
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    ("front", "company", "tickers", "wire"),
    [
        ("company: Acme Widgets Inc.\nticker: NASDAQ:ACMW", "Acme Widgets Inc.", ["NASDAQ:ACMW"], None),
        ("organization: Acme Widgets Inc.", "Acme Widgets Inc.", [], None),
        ("publisher: Acme Widgets Inc.", "Acme Widgets Inc.", [], None),
        ("source: Acme Widgets Inc.", None, [], None),  # the text never prints it: a site's label
        ("source: PR Newswire", None, [], "PR Newswire"),
        ("source: https://acme.example/news", None, [], None),
        ("author: Acme Widgets Inc.", None, [], None),
        ("author: Newsroom", None, [], None),
        ("author: Jane Doe", None, [], None),
        ("author: Jane Doe and John Roe", None, [], None),
        ("tickers: [NYSE: ACW, TSX: ACW]", None, ["NYSE:ACW", "TSX:ACW"], None),
        ("ticker: ACMW", None, [], None),  # no exchange: no listing
    ],
)
def test_a_reposts_front_matter_names_the_issuer_and_its_listings(front, company, tickers, wire):
    (parsed,) = parse_bytes(
        "repost.md",
        f"---\ntitle: Plant Opens in Ohio\ndate: 2024-03-04\n{front}\n---\n\n# Plant Opens in Ohio\n\n"
        "The new plant in Ohio employs 200 people, the firm said on Monday.\n\nMore follows.\n".encode(),
    )
    assert (parsed.company, parsed.tickers, parsed.wire) == (company, tickers, wire)


@pytest.mark.parametrize("front", ["source: Acme Widgets Inc.", "author: Acme Widgets Inc."])
def test_a_front_matter_source_or_author_the_text_prints_is_the_issuer(front):
    (parsed,) = parse_bytes(
        "repost.md",
        f"---\ntitle: Plant Opens in Ohio\ndate: 2024-03-04\n{front}\n---\n\n# Plant Opens in Ohio\n\n"
        "The new plant in Ohio employs 200 people, Acme said on Monday.\n\nMore follows.\n".encode(),
    )
    assert parsed.company == "Acme Widgets Inc."


def test_the_front_matters_listing_gives_way_to_the_one_the_text_prints():
    (parsed,) = parse_bytes(
        "repost.md",
        b"---\ntitle: Acme Opens a Plant\nticker: NYSE:ACW\n---\n\n# Acme Opens a Plant\n\nAcme Widgets Inc. "
        b"(NASDAQ: ACMW) today opened a plant in Ohio.\n\nMore follows.\n",
    )
    assert parsed.tickers == ["NASDAQ:ACMW"]


@pytest.mark.parametrize(
    "opening",
    [
        "Leading widget maker Acme Widgets, Inc. (NASDAQ: ACMW) announced a plant.",
        "Shareholders of Acme Widgets, Inc. (NASDAQ: ACMW) approved the merger with Zenith Corp. (NYSE: ZEN).",
        "The Board of Directors of Acme Widgets, Inc. (NASDAQ: ACMW) declared a dividend.",
        "In a move to expand, Acme Widgets, Inc. (NASDAQ: ACMW) opened a plant.",
    ],
)
def test_the_subject_is_read_past_a_descriptor_a_body_of_the_company_or_an_opener(opening):
    parsed = release(f"NEW YORK, March 3, 2024 /PRNewswire/ -- {opening}\n\nMore follows.", headline="Acme News")
    assert (parsed.company, parsed.tickers) == ("Acme Widgets, Inc.", ["NASDAQ:ACMW"])


@pytest.mark.parametrize(
    ("opening", "company"),
    [
        ("According to a new report by Acme Research, widgets are booming.", "Acme Research"),
        ("A survey from the Acme Institute finds that most workers want widgets.", "Acme Institute"),
        ("According to a new report by the state of Florida, widgets are booming.", None),
    ],
)
def test_the_author_of_the_report_a_lede_opens_with_issues_it(opening, company):
    assert release(f"{opening}\n\nMore follows.", headline="Workers Want Widgets").company == company


@pytest.mark.parametrize("heading", ["Author", "The Author", "Authors"])
def test_an_about_the_author_section_is_no_company(heading):
    parsed = release(
        "The challenges of preserving marine life take center stage in James Borton's latest book, Waves, out now."
        f"\n\nThe book is on sale today.\n\nAbout {heading}\n\nJames Borton is a journalist and researcher.",
        headline='"Waves" Now Available',
    )
    assert parsed.company != heading and parsed.company != "Author"


def test_a_one_word_subject_the_headline_names_after_another_organisation_is_its_product():
    parsed = release(
        "Spravato stands out from traditional antidepressants due to its fast-acting properties.\n\n"
        "Prime Psychiatry now offers Spravato at its clinics. Call Prime Psychiatry to book a visit.",
        headline="Prime Psychiatry Offers Spravato Treatment in Frisco",
    )
    assert parsed.company == "Prime Psychiatry"


def test_a_one_word_subject_the_headline_leads_with_stays_the_company():
    parsed = release(
        "Spravato stands out from traditional providers due to its fast clinics.\n\nSpravato opened a clinic.",
        headline="Spravato Opens a Clinic in Frisco",
    )
    assert parsed.company == "Spravato"


def test_a_title_case_phrase_opening_the_headline_is_no_company():
    parsed = release(
        "Life's challenges can leave us feeling stuck. But there is a way to step into your dream life.\n\n"
        "Kami Alaniz of Just Brooke LLC guides clients. Just Brooke LLC offers coaching.",
        headline="Step Into Your Dream Life: Kami Alaniz of Just Brooke LLC Guides You",
    )
    assert parsed.company != "Step Into Your"


def test_the_about_section_gives_the_whole_name_of_a_shortened_subject():
    parsed = release(
        "Canada One (TSX.V: CONE) (OTC: COMCF) has announced its receipt of a drilling permit.\n\n"
        "More details follow.\n\nAbout Canada One Mining Corp.\n\nCanada One Mining Corp. explores for copper.",
        headline="Canada One Gets a Permit",
    )
    assert parsed.company == "Canada One Mining Corp."


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("October", False),
        ("Monday", False),
        ("MORE FAMILIES USE RELIGIOUS EXEMPTION IN SCHOOL VAX REQUIREMENT", False),
        ("May Department Stores", True),
        ("IBM", True),
        ("AMERICAN ELECTRIC POWER COMPANY, INC.", True),
    ],
)
def test_a_month_or_a_shouted_phrase_is_no_company_name(name, kept):
    assert (tidy_name(name) == name) is kept


@pytest.mark.parametrize("name", ["U.S.", "U.S"])
def test_the_united_states_abbreviated_is_a_place(name):
    assert is_place(name)
