"""Issuer rules of issue 17's seventh round, read from blind-4's and test5's company misses: which of several About
sections is the issuer's, an About heading run into a founding clause, an opening date in brackets, a subject a
later lede sentence introduces as a business, a book's publisher field, a programme's owner, and names that are no
organisation (a place's possession, a setting in the headline, a politician's surname). Small releases written
inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.authorship import glued_abouts, named_abouts, publisher_field
from indexer.parse.names import leading_name
from indexer.parse.sections import About
from indexer.parse.subject import (
    described_subject,
    gerund,
    no_name,
    place_owned,
    programme_owner,
    prose_cut,
    setting_word,
    surname_of_person,
    titled_person_org,
    venue_about,
)


def release(body: str, headline: str):
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{body}\n".encode())
    return parsed


@pytest.mark.parametrize(
    ("heading", "clause"),
    [
        ("Quill Guild", "Founded in 1951, Quill Guild (formerly the Writers Club of Ohio)"),
        ("Harbour Rowing Society", "Established in 1890 on the river, the Harbour Rowing Society"),
        ("Norden Arts Council", "Based in Duluth, Norden Arts Council"),
    ],
)
def test_an_about_heading_run_into_a_founding_clause_names_its_organisation(heading, clause):
    text = f"The gala returns in June.\n\nAbout {heading} {clause} promotes its craft."
    assert heading in [a.name for a in glued_abouts(text)]


@pytest.mark.parametrize("club", ["Quill Guild", "Harbour Rowing Society"])
def test_the_lede_subject_wins_once_its_founding_about_is_read(club):
    parsed = release(
        f"The {club}, the region's leading trade organization, today announced ticket sales for the 40th Annual "
        "Lantern Awards.\n\nThe awards honour the year's best campaigns.\n\n "
        f"About {club} Founded in 1948, {club} promotes excellence across the region. Learn more at "
        "www.example.org.About the Lantern Awards Established in 1970, the Lantern Awards honor campaigns that show "
        "excellence in strategy, execution and results. Now in its 40th year, the program remains a cornerstone of "
        "recognition for the region's communicators.\n\n"
        "Contact: Jo Roe, jo@example.org",
        headline="Tickets Now Available for the 40th Annual Lantern Awards",
    )
    assert parsed.company == club


@pytest.mark.parametrize("practice", ["Portland Family Dentistry", "Tacoma Reproductive Medicine"])
def test_a_person_shaped_name_called_an_organisation_keeps_the_release_from_its_awarder(practice):
    # The awarder's About follows; the headline and the lede open with the practice, which its apposition calls one.
    parsed = release(
        f"{practice}, a multi-clinic practice in the Northwest, is now a Gold Circle Center of Excellence. Gold "
        "Circle Centers are premier practices.\n\nAbout Gold Circle Gold Circle publishes its Top Doctors list at "
        "goldcircle.example and in partner publications.",
        headline=f"{practice}, a growing practice, named a Gold Circle Center of Excellence",
    )
    assert parsed.company == practice


@pytest.mark.parametrize(
    ("brand", "founder_firm"), [("Leafshield", "Dana Lee Films"), ("Pipeguard", "Owen Hale Media")]
)
def test_of_several_about_sections_the_one_the_headline_opens_with_issues(brand, founder_firm):
    person = founder_firm.rsplit(" ", 1)[0]
    parsed = release(
        f"{person} Smith first achieved success by founding {brand}, a maker of gutter guards. Today he makes films "
        f"with {founder_firm}.\n\n{brand} established a giving program for its team.\n\n"
        f"About {founder_firm}\n\n{founder_firm} produces films about generosity.\n\n"
        f"About {brand}\n\n{brand} is an innovator in home improvement.",
        headline=f"{brand} Team Member Program to Support Those in Need",
    )
    assert parsed.company == brand


def test_the_contacts_siding_with_another_about_section_keep_it():
    parsed = release(
        "Today at a school in Ohio the Heartwell Association, the Buckeyes and the League kicked off two programs "
        "rooted in Heartwell science.\n\nAbout Heartwell Association\n\nThe Heartwell Association is a force for "
        "longer lives.\n\nAbout Play Daily\n\nPlay Daily is the League's youth wellness platform.\n\n"
        "Media contacts\n\nHeartwell Association: Jo Roe, jo.roe@heartwell.org",
        headline="Play Daily and the Lifesavers programs kick off for the season",
    )
    assert parsed.company == "Heartwell Association"


@pytest.mark.parametrize("opening", ["[22 April, 2025] – ", "[3 March 2024] - ", "[April 22, 2025] \u2014 "])
def test_a_bracketed_date_opening_the_lede_is_not_the_subject(opening):
    assert leading_name(f"{opening}Orbitbet, a leading betting operator, is pleased to share") == "Orbitbet"


@pytest.mark.parametrize(
    ("name", "owned"),
    [
        ("Maryland\u2019s Federal Job Losses", True),
        ("Texas' Growth Story", True),
        ("Maryland's General Assembly", False),
        ("Thailand's Department of International Trade Promotion", False),
        ("McDonald's Restaurants", False),
    ],
)
def test_a_place_s_possession_is_a_topic_not_an_organisation(name, owned):
    assert place_owned(name) is owned


def test_a_news_story_headed_by_a_place_s_possession_has_no_company():
    parsed = release(
        "Ohio lost another 2,500 federal jobs in August, the second month in a row that the state has led the nation, "
        "according to numbers released Friday by the Ohio Department of Labor.\n\nOhio\u2019s economy is heavily "
        "dependent on the federal workforce.",
        headline="Ohio\u2019s Federal Job Losses Climb to 15,100, the Most in the Nation",
    )
    assert parsed.company is None


@pytest.mark.parametrize(
    ("headline", "word", "setting"),
    [
        ("A Young Orphan Rising to Fame in Renaissance Venice", "Venice", True),
        ("Coding Contest Announced at Rally Conference", "Rally", False),
        ("Artists Open a Studio in Lisbon", "Lisbon", True),
        ("Artists From Lisbon Open a Studio", "Lisbon", False),  # title case: read as part of a name
        ("Lisbon Opens a Studio in Porto", "Lisbon", False),
    ],
)
def test_a_word_the_headline_names_only_as_a_setting(headline, word, setting):
    assert setting_word(headline, word) is setting


def test_a_one_word_title_opening_the_lede_gives_way_to_the_publisher_the_domain_names():
    parsed = release(
        "Venice, 1710 Lantern Girl is based on the story of an orphan musician.\n\nISBN: 978-1964700441 Publisher: "
        "Quillstone Press Order through Ingram. ABOUT THE AUTHOR Jane Roe writes novels.\n\nCONTACT: Jane Roe "
        "quillstone@gmail.com https://www.quillstonepress.com",
        headline="A Coming-of-age Novel of a Young Orphan Rising to Fame in Renaissance Venice",
    )
    assert parsed.company == "Quillstone Press"


@pytest.mark.parametrize(
    ("text", "domains", "publisher"),
    [
        ("ISBN: 978-1 Publisher: Quillstone Press Order through Ingram", {"quillstonepress"}, "Quillstone Press"),
        ("Publisher: Quillstone Press", {"janeroe"}, None),  # the author's own site: the author issues
    ],
)
def test_a_book_s_publisher_field_names_the_issuer_when_the_domain_is_its(text, domains, publisher):
    assert publisher_field(text, domains) == publisher


@pytest.mark.parametrize("firm", ["Micro Dot Systems", "Harbor Records Group"])
def test_a_later_lede_sentence_introducing_a_business_names_the_subject(firm):
    lede = (
        "When it is time to decide whether to scan in-house, several factors come into play. As a document "
        f"scanning service in Seattle, {firm} has drafted a comparison for business owners."
    )
    assert described_subject(lede) == firm
    parsed = release(lede + "\n\nIn-house scanning gives control.", headline="Scanning Documents: In-House or Not")
    assert parsed.company == firm


@pytest.mark.parametrize(
    ("lede", "business"),
    [
        ("Springfield has a new book shop, Maple & Company Rare Books. Collectors will know the address.",
         "Maple & Company Rare Books"),
        ("Shelbyville now has its first craft brewery, Elm Street Brewing Co., on Main Street.", "Elm Street Brewing Co."),
    ],
)  # fmt: skip
def test_a_lede_whose_opener_gains_a_new_business_names_it(lede, business):
    assert described_subject(lede) == business
    parsed = release(lede + "\n\nThe shop opens daily.", headline="A New Place Opens Its Doors in Springfield")
    assert parsed.company == business


@pytest.mark.parametrize(
    "lede",
    [
        "As a child in Seattle, Jane Roe loved books.",
        "Springfield has a new mayor, Jane Roe, who took office today.",  # a person's office, no business
        "Springfield has a book shop, Maple Books, that opened in 1990.",  # nothing new gained
    ],
)
def test_no_business_introduced_no_described_subject(lede):
    assert described_subject(lede) is None


@pytest.mark.parametrize(
    ("name", "text", "surname"),
    [
        ("Raskin", "attributable to Rep. Jamie Raskin (D-8th).", True),
        ("Harris", "Sen. Harris said so.", True),
        ("Acme", "Acme Corp. said so.", False),
        ("Jamie Raskin", "Rep. Jamie Raskin", False),
    ],
)
def test_a_one_word_name_the_text_gives_an_honorific_is_a_surname(name, text, surname):
    assert surname_of_person(name, text) is surname


def test_a_story_headed_by_a_politician_s_surname_is_not_issued_by_them():
    parsed = release(
        "With a year to the elections, members of the state's delegation raised $6.2 million, nearly half of it by "
        "Rep. Jamie Roskin (D-8th).\n\nRoskin raised more than $2.5 million.\n\nThe post Roskin Raises Millions "
        "appeared first on citynews.",
        headline="Roskin Raises Millions, Far Outstripping Other Delegation Members",
    )
    assert parsed.company is None


@pytest.mark.parametrize("owner", ["Wealth Armor", "Shield Partners LLC"])
def test_a_programme_by_an_organisation_is_issued_by_it(owner):
    text = f"Jane Roe has launched the NoBeggingNeeded.com program by {owner} to raise awareness."
    assert programme_owner("NoBeggingNeeded", text) == owner
    assert programme_owner("NoBeggingNeeded", "Jane Roe launched NoBeggingNeeded.com today.") is None


@pytest.mark.parametrize(
    ("word", "text", "verb"),
    [
        ("Honoring", "Roe is using his skills to honor Dr. King's vision.", True),
        ("Celebrating", "We celebrate ten years.", True),
        ("Horning", "Horning Manufacturing makes mills; the horn sounds. Visit Horning Manufacturing.", False),
        ("Boeing", "Boeing builds jets.", False),
    ],
)
def test_a_capitalised_gerund_the_text_prints_as_a_verb_is_not_a_name(word, text, verb):
    assert gerund(word, text) is verb


def test_a_headline_opening_with_a_gerund_names_no_company():
    parsed = release(
        "On November 2, 1983, a bill made the third Monday in January a holiday. Jane Roe, a community activist, "
        "is using her skills to honor Dr. King's vision.\n\nHer mission, 'Honoring Dr. King's Vision: A Neighbourhood's "
        "Connections', takes her to Kenya in July.",
        headline="Honoring Dr. King's Vision: A Neighbourhood's Connections",
    )
    assert parsed.company != "Honoring"


@pytest.mark.parametrize(
    ("name", "lede", "org"),
    [
        ("Attorney Eric Stone of Fasig", "Attorney Eric Stone of Fasig | Brooks has been named", "Fasig | Brooks"),
        ("Author Jane Roe of Quill Press", "Author Jane Roe of Quill Press has written", "Quill Press"),
        ("Bank of Quill", "Bank of Quill has opened", None),
    ],
)
def test_a_person_read_with_their_trade_gives_way_to_their_organisation(name, lede, org):
    assert titled_person_org(name, lede) == org


def test_a_lede_opening_with_a_titled_person_of_a_firm_is_the_firm_s():
    parsed = release(
        "Attorney Eric Stone of Fasig | Brooks has been named to the 2025 Power List, which highlights 100 people.",
        headline="Attorney Eric Stone Named to the 2025 Power List",
    )
    assert parsed.company == "Fasig | Brooks"


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Harbor Construction Group  Harbor", "Harbor Construction Group"),
        ("Quill Law LLC Quill", "Quill Law LLC"),
        ("Q.ORB Q.ORB is a photonic", "Q.ORB"),
        ("Lantern Fencing Established in 2010, Lantern Fencing", "Lantern Fencing"),
        ("Johnson & Johnson", "Johnson & Johnson"),
        ("Based Labs", "Based Labs"),
    ],
)
def test_an_about_heading_run_on_into_its_text_is_cut_where_the_name_repeats(heading, name):
    (about,) = named_abouts([About(heading, "Construction Group is a contracting firm.")], "")
    assert about.name == name


def test_a_text_exhibit_s_run_on_about_heading_names_the_issuer():
    parsed = release(
        "Harbor Construction Group opened an office in Evansville.\n\nFree estimates are available now.  About "
        "Harbor Construction Group  Harbor\nConstruction Group is an independent, locally owned contracting firm.",
        headline="Contractor Opens an Office in Evansville",
    )
    assert parsed.company == "Harbor Construction Group"


@pytest.mark.parametrize(
    ("name", "cut"),
    [
        ("Venture Y office space options on the planet. For", "Venture Y"),
        ("Karen Roe: a short profile by and about the honoree", "Karen Roe"),
        ("Sunrise Solar- Leaders in off grid Energy Solutions", "Sunrise Solar"),
        ("Jane Quill Jane Quill", "Jane Quill"),
        ("Biogenix At Biogenix, our mission is clear", "Biogenix"),
        ("Pandaworld.com Headquartered in", "Pandaworld.com"),
        ("Big Brothers Big Sisters Association of Florida", "Big Brothers Big Sisters Association of Florida"),
        ("Johnson & Johnson", "Johnson & Johnson"),
        ("Bank of the West", "Bank of the West"),
        ("lululemon athletica inc.", "lululemon athletica inc."),
    ],
)
def test_a_name_is_cut_where_running_prose_or_its_own_repeat_takes_over(name, cut):
    assert prose_cut(name) == cut


@pytest.mark.parametrize(
    ("headline", "name", "venue"),
    [
        ("Trash Titans Showcased on Building Better TV", "Building Better", True),
        ("The Barber Den Now Open at the Salon Suites Plaza", "Salon Suites Plaza", True),
        ("A Message on HTX\u2019s 11th Anniversary", "HTX", False),
        ("Building Better Renews for a Fifth Season", "Building Better", False),
    ],
)
def test_an_about_section_the_headline_names_as_a_venue(headline, name, venue):
    assert venue_about(headline, name) is venue


def test_the_headline_subject_issues_over_the_about_section_of_the_show_it_appears_on():
    parsed = release(
        "The spotlight is on Trash Titans as the family-owned junk removal company takes center stage on the "
        "Building Better TV show. Viewers see how Trash Titans meets demand.\n\nAbout Building Better\n\n"
        "Building Better is an award-winning home improvement show on cable television.",
        headline="Trash Titans Showcased on Building Better TV",
    )
    assert parsed.company == "Trash Titans"


@pytest.mark.parametrize(
    ("name", "nobody"),
    [("January 2025", True), ("March 3, 2024", True), ("Acme 2025", False), ("May Department Stores", False)],
)
def test_a_date_names_no_one(name, nobody):
    assert no_name(name) is nobody


def test_a_lede_opening_with_a_date_and_a_headline_naming_the_city_give_no_company():
    parsed = release(
        "AUSTIN, TX, January 10, 2025 /24-7PressRelease/ -- January 2025 marks a major milestone for Longhorn Roofing, a trusted leader in the roofing industry, as the "
        "company celebrates 40 years.\n\nIt serves Austin and Round Rock.",
        headline="Austin Roofing Company Celebrates 40 Years of Roofing Excellence in Austin",
    )
    assert parsed.company not in ("January 2025", "Austin")


@pytest.mark.parametrize("name", ["Candel Therapeutics\u2019", "Windes'", "Pegasus Resources'"])
def test_a_trailing_possessive_mark_is_no_part_of_a_name(name):
    assert prose_cut(name) == name[:-1]


@pytest.mark.parametrize("heading", ["The Book", "Book", "the Album", "The Film"])
def test_an_about_section_presenting_a_work_names_no_issuer(heading):
    assert named_abouts([About(heading, "The poems in this collection traverse memory and hope.")], "") == []


@pytest.mark.parametrize(
    ("heading", "printed"),
    [
        ("Lake & Pine Toy Museum", "Lake and Pine Toy Museum"),
        ("Oak & Ivy Garden Center", "Oak and Ivy Garden Center"),
    ],
)
def test_an_about_heading_run_into_its_text_matches_its_name_printed_with_and_for_the_ampersand(heading, printed):
    text = (
        "A rare 1964 roadster is now on display.\n\nAbout Jane Roe Jane Roe has collected cars for 30 years.\n\n"
        f"About {heading} {printed}, founded by Jane Roe in 1980, is open Tuesday to Saturday."
    )
    assert heading in [a.name for a in glued_abouts(text)]


@pytest.mark.parametrize("role", ["the Expert", "The Expert", "the Experts"])
def test_an_about_section_presenting_the_expert_is_a_persons_and_names_no_issuer(role):
    about = About(f"{role}", "Jane Roe is a broker at Cedar Realty Partners with 30 years of experience.")
    assert named_abouts([about], "") == []


@pytest.mark.parametrize(
    ("presented", "org"),
    [
        ("Jo Ann Reyes is the owner and Team Leader at Saguaro Fine Homes in Tucson, Arizona.", "Saguaro Fine Homes"),
        ("Dana Whit is COO | Managing Broker at Ridgeline Realty, a Nashville-based firm.", "Ridgeline Realty"),
        ("Sam Ortiz is CEO of Builder Ledger and chair of a standards committee.", "Builder Ledger"),
    ],
)
def test_a_story_whose_about_section_presents_its_expert_is_the_experts_employers(presented: str, org: str) -> None:
    person = " ".join(presented.split(" is ")[0].split())
    body = (
        "Buyers who move from out of state tend to pick a neighbourhood too quickly, and the mistake costs them.\n\n"
        f"According to {person}, who works at {org}, most of them listen to friends instead of visiting. "
        f"\u201cVisit first,\u201d {person.split()[-1]} says.\n\n"
        f"About the Expert: {presented}"
    )
    parsed = release(body, headline="What Out-of-State Buyers Get Wrong About Choosing a Neighbourhood")
    assert parsed.company == org


def test_an_expert_section_naming_an_employer_the_story_never_mentions_lends_no_issuer() -> None:
    from indexer.parse.expert_abouts import expert_employers

    about = About("the Expert", "Sam Ortiz is CEO of Builder Ledger and chair of a standards committee.")
    assert expert_employers([about], "A story that quotes no one. " + about.text) == []
