"""Issuer rules of issue 17's ninth round, read from blind-6's misses (three wrong tickers among them): whose copy of a
joint release it is (the SOURCE line names one of two joint subjects), a listed name that is the object of the
company's verb, a publisher brand's editorial about a company its lede only mentions, and a one-word name written in
lower case only in its own web address. Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.authors import author_issues, headline_author
from indexer.parse.authorship import with_glued_abouts
from indexer.parse.interviews import interviewee_org
from indexer.parse.joint_releases import joined_to, merged_entity, source_partner
from indexer.parse.names import common_word, leading_name
from indexer.parse.sections import About


def wire(lede: str, headline: str, tail: str = "", source: str | None = None) -> object:
    source_line = f"\n\nSOURCE {source}" if source else ""
    body = f"SPRINGFIELD, Ill., May 4, 2021 /PRNewswire/ -- {lede}\n\n{tail}{source_line}"
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{body}\n".encode())
    return parsed


JOINT = [
    # (lede's two subjects with listings, the SOURCE line, its company, its tickers)
    (
        "Orbit Foods Inc. (NASDAQ: ORBF) and Zenith Robotics plc (NYSE: ZNTH) today announced a supply agreement.",
        "Zenith Robotics plc",
        "Zenith Robotics",
        ["NYSE:ZNTH"],
    ),
    (
        "Larkspur Bank (NYSE: LKSP), a regional lender, and Quillfeather Labs, Inc. (NASDAQ: QFLB), a payments "
        "company, today announced a partnership.",
        "Quillfeather Labs, Inc.",
        "Quillfeather Labs, Inc.",
        ["NASDAQ:QFLB"],
    ),
    (
        "Marigold Health and Tesserat Systems are ramping up their work on hospital networks.",
        "Tesserat Systems",
        "Tesserat Systems",
        [],
    ),
    # The SOURCE line names the first: the first keeps it, and only its listing.
    (
        "Orbit Foods Inc. (NASDAQ: ORBF) and Zenith Robotics plc (NYSE: ZNTH) today announced a supply agreement.",
        "Orbit Foods Inc.",
        "Orbit Foods Inc.",
        ["NASDAQ:ORBF"],
    ),
]


@pytest.mark.parametrize(("lede", "source", "company", "tickers"), JOINT)
def test_the_source_line_names_whose_copy_of_a_joint_release_it_is(lede, source, company, tickers):
    parsed = wire(lede, "A Partnership for the Future of Supply Chains", "The companies will begin in June.", source)
    assert parsed.company == company
    assert parsed.tickers == tickers


def test_a_source_line_naming_neither_subject_leaves_the_first_named():
    lede = JOINT[0][0]
    assert source_partner("Orbit Foods Inc.", lede, "Vantage Media Group") is None
    assert source_partner("Orbit Foods Inc.", lede, None) is None


def test_a_second_name_not_joined_to_the_first_is_no_partner():
    lede = "Orbit Foods Inc. (NASDAQ: ORBF) today announced a supply agreement with Zenith Robotics plc."
    assert source_partner("Orbit Foods Inc.", lede, "Zenith Robotics plc") is None


@pytest.mark.parametrize(
    ("text", "company", "joined"),
    [
        ("Orbit Foods Inc. (NASDAQ: ORBF) and Zenith Robotics plc announced", "Zenith Robotics plc", True),
        ("Orbit Foods Inc. (NASDAQ: ORBF), a grocer, and Zenith Robotics plc announced", "Zenith Robotics", True),
        ("Orbit Foods Inc. (NASDAQ: ORBF) announced a deal with Zenith Robotics plc", "Zenith Robotics plc", False),
        ("Orbit Foods Inc. (NASDAQ: ORBF) and Zenith Robotics plc announced", "Orbit Foods Inc.", False),
    ],
)
def test_a_listing_before_the_company_joined_by_and_is_the_partners(text, company, joined):
    assert joined_to(text, text.index(")") + 1, company) is joined


@pytest.mark.parametrize(
    ("lede", "headline_verb"),
    [
        ("is pleased to announce its role as exclusive financial advisor to", "Advises"),
        ("served as legal counsel to", "Counsels"),
        ("today launched research coverage of", "Launches Coverage of"),
        ("today initiated coverage of", "Initiates"),
    ],
)
def test_a_listed_name_after_the_companys_verb_is_the_verbs_object(lede, headline_verb):
    client = "Pebblestone Minerals Ltd. (TSX.V: PBST)"
    headline = f"Harrow Capital {headline_verb} {client} on C$40M Financing"
    parsed = wire(f"Harrow Capital {lede} {client} on its financing.", headline)
    assert parsed.company == "Harrow Capital"
    assert parsed.tickers == []


def test_the_companys_own_listing_before_its_verb_stays():
    parsed = wire(
        "Harrow Capital Corp. (TSX: HRW) today advised Pebblestone Minerals on its financing.",
        "Harrow Capital Corp. (TSX: HRW) Advises Pebblestone Minerals",
    )
    assert parsed.tickers == ["TSX:HRW"]


def brand_teaser(headline: str, lede: str, covered: str) -> object:
    body = (
        f"{lede}\n\n{covered}\n\nRead More>>\n\nAbout QuarryNewsWire\n\nQuarryNewsWire (\u201cQNW\u201d) is a "
        "specialized communications platform with a focus on the mining sector. It is one of many brands within a "
        "publisher's portfolio that delivers article and editorial syndication.\n\nQuarryNewsWire\nAustin, Texas\n"
        "www.QuarryNewsWire.example\nEditor@QuarryNewsWire.example"
    )
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{body}\n".encode())
    return parsed


@pytest.mark.parametrize(
    ("headline", "lede"),
    [
        (
            "Holloway Drilling Report Shows Fewer Rigs in Operation",
            "A recent report released by Holloway Drilling shows that operators continue to reduce their rigs.",
        ),
        (
            "Vantor Motors Warns That Falling Behind Goes Beyond Batteries",
            "A new warning from carmakers says the race is about more than batteries, Vantor Motors said.",
        ),
    ],
)
def test_a_publisher_brands_editorial_about_a_company_it_only_mentions_is_the_brands(headline, lede):
    covered = "Companies like Copperline Resources Corp. (OTC: CPRL) could also adjust their plans."
    parsed = brand_teaser(headline, lede, covered)
    assert parsed.company == "QuarryNewsWire"
    assert parsed.tickers == []


def test_a_brands_editorial_about_its_listed_client_stays_the_clients():
    covered = "That is the market Copperline Resources Corp. (OTC: CPRL) is addressing with its new mine."
    parsed = brand_teaser(
        "Copperline Resources Corp. Expands Its Nevada Claims",
        "A growing number of producers are looking at Nevada for new claims.",
        covered,
    )
    assert parsed.company.startswith("Copperline Resources")


@pytest.mark.parametrize(
    ("name", "text", "common"),
    [
        ("Velluna", "Visit velluna.co/About to learn more.", False),
        ("Velluna", "Read https://wire.example/news/velluna-partners-with-acme and write to hi@velluna.io", False),
        ("Velluna", "visit velluna.co or call us", False),
        ("Canadian", "visit canadian-visa-lawyer.example.com or call us", True),
        ("Electrode", "Electrode chip technology uses electrode arrays", True),
    ],
)
def test_a_one_word_name_in_lower_case_only_in_its_own_address_is_no_common_noun(name, text, common):
    assert common_word(name, text) is common


@pytest.mark.parametrize(("first", "second"), [("Velluna", "Mercado Norte"), ("Quibly", "Harbor Freight Lines")])
def test_and_joining_two_subjects_describes_neither(first, second):
    assert leading_name(f"{first} and {second} (NASDAQ: MNRT) have partnered to change gift registries.") == first


def test_a_one_word_subject_with_its_own_domain_issues_a_joint_release_over_the_headlines_partner():
    parsed = wire(
        "Velluna and Mercado Norte (NASDAQ: MNRT) have partnered to transform wedding registries. Founded in 2015, "
        "Velluna is a technology company.",
        "Mercado Norte, Velluna partner to capture the registry market",
        "To learn more, visit velluna.co/About Velluna",
        "Velluna",
    )
    assert parsed.company == "Velluna"
    assert parsed.tickers == []


@pytest.mark.parametrize(
    ("headline", "org"),
    [
        (
            "Q&A with Dana Roe, Director of Community Relations with Brightwater Goodwill: Aging at Home",
            "Brightwater Goodwill",
        ),
        ("Q&A with Sam Poe, VP of Arts, Culture & Learning at the Maple & Rose JCC", "Maple & Rose JCC"),
        (
            "Q&A with Lee Moe, Co-Founder of Science Adventures for Kids: Inspiring the Next Generation",
            "Science Adventures for Kids",
        ),
        ("Q&A with Kim Doe, CEO and Co-Founder at Fluxo and President at the Nix Foundation", "Fluxo"),
        ("Q&A with Ray Loe, PhD, MPH, President & CEO, The Quill Group", "The Quill Group"),
        ("Q&A with Ann Boe, Senior Vice President, Head of Marketing, Harbor Line Bank", "Harbor Line Bank"),
        ("Q&A with Pat Coe, Co-Founder of Tallgrass Labs, Shares the Story Behind a New Series", "Tallgrass Labs"),
        ("Q&amp;A with Parkwise's Jo Hoe: The Evolving Parking Landscape", "Parkwise"),
        ("Q&A with Ryan Toe, Vice President of Technology of Hyllane: Solving Data Readiness", "Hyllane"),
    ],
)
def test_an_interviews_headline_gives_the_interviewees_organisation(headline, org):
    assert interviewee_org(headline) == org


@pytest.mark.parametrize(
    "headline",
    [
        "Q&A with Greg Voe, Author of Unbound: The Story Of My Dream",
        "Q&A with Jane Roe, Author and Speaker",
        "Ten Questions with Jane Roe of Acme Labs",
    ],
)
def test_an_interview_naming_no_employer_gives_none(headline):
    assert interviewee_org(headline) is None


def test_an_interviewees_organisation_issues_the_interview_over_the_person():
    (parsed,) = parse_bytes(
        "release.md",
        b"# Q&A with Dana Roe, Director of Community Relations with Brightwater Goodwill: Aging at Home\n\n"
        b"Dana Roe has spent a decade helping older adults stay in their homes. She spoke about her work.\n\n"
        b"Q: What drew you to this work?\n\nA: My grandmother.\n",
    )
    assert parsed.company == "Brightwater Goodwill"


@pytest.mark.parametrize(
    ("brand", "opening"),
    [
        ("Hazy Marigold", "Headquartered in Denver, Colorado, Hazy Marigold has built a loyal following."),
        ("Quarry Lane Goods", "Based in Austin, Texas, Quarry Lane Goods makes kitchenware."),
    ],
)
def test_an_about_heading_run_into_a_clause_naming_its_place_still_vouches_for_the_subject(brand, opening):
    text = (
        f"{brand} today announced a campaign.\n\nAbout {brand} {opening}\n\n"
        "About Riverbend Care\n\nRiverbend Care is a charity funding screenings."
    )
    headed = [About("Riverbend Care", "Riverbend Care is a charity funding screenings.")]
    assert [a.name for a in with_glued_abouts(headed, text)] == ["Riverbend Care", brand]


def test_a_glued_about_the_section_reader_found_is_not_added_twice():
    text = "About Hazy Marigold Headquartered in Denver, Colorado, Hazy Marigold has built a loyal following."
    headed = [About("Hazy Marigold", "Headquartered in Denver, Colorado, Hazy Marigold has built a loyal following.")]
    assert with_glued_abouts(headed, text) == headed


@pytest.mark.parametrize(
    ("headline", "author"),
    [
        ('New Book "Caring 101" by Nurse Practitioner Dana Velloway Empowers Nurses', "Dana Velloway"),
        (
            "Rights at Risk: Bestselling Author Dr. Mira Anne Castell's New Book, Unfinished Stories",
            "Dr. Mira Anne Castell",
        ),
        ("New Children's Book by Author Sam Tulley Teaches Kindness", "Sam Tulley"),
        ("Harbor Press Announces New Book by Jane Quill", "Jane Quill"),
    ],
)
def test_a_headline_presenting_a_persons_book_names_its_author(headline, author):
    assert headline_author(headline) == author


@pytest.mark.parametrize("headline", ["Jane Quill Releases New Book on Leadership", "Harbor Press Opens New Store"])
def test_a_headline_without_a_book_by_someone_names_no_author(headline):
    assert headline_author(headline) is None


@pytest.mark.parametrize(
    ("about", "source", "issues"),
    [(None, None, True), ("Harbor Press", None, False), (None, "Harbor Press", False), ("Dana Velloway", None, True)],
)
def test_the_author_issues_unless_an_organisation_presents_the_book(about, source, issues):
    assert author_issues("Dana Velloway", None, [about] if about else [], source) is issues


def test_an_authors_book_release_is_the_authors_not_the_company_in_their_title():
    (parsed,) = parse_bytes(
        "release.md",
        b'# New Book "Caring 101" by Nurse Practitioner Dana Velloway Empowers Nurses\n\n'
        b"Nurse Practitioner and entrepreneur Dana Velloway, founder of Brewleaf Tea Company, proudly announces the "
        b'release of her new book "Caring 101". The book supports new graduates.\n\nVelloway lives in Miami.\n',
    )
    assert parsed.company == "Dana Velloway"


@pytest.mark.parametrize(
    ("headline", "lede", "entity"),
    [
        (
            "Bayside Search and Kernel Talent Merge to Form Vantrel – A New Leader in Recruitment",
            "Two search firms, Bayside Search and Kernel Talent, merged into Vantrel, a new entity.",
            "Vantrel",
        ),
        (
            "Orbit Labs and Zeno Works Combine Into Zenorbit Group",
            "Orbit Labs and Zeno Works today combined into Zenorbit Group.",
            "Zenorbit Group",
        ),
        ("Orbit Labs Merges Into Zeno Works", "Orbit Labs announced its merger.", None),
        ("Orbit Labs Opens a New Office", "Orbit Labs opened an office in Zenorbit.", None),
    ],
)
def test_a_merger_announced_in_the_headline_is_the_new_entitys_when_the_lede_names_it(headline, lede, entity):
    assert merged_entity(headline, lede) == entity


def test_a_mergers_new_entity_issues_it_over_the_firms_merging():
    (parsed,) = parse_bytes(
        "release.md",
        b"# Bayside Search and Kernel Talent Merge to Form Vantrel \xe2\x80\x93 A New Leader in Recruitment\n\n"
        b"RIYADH, SAUDI ARABIA, October 05, 2024 /24-7PressRelease/ -- Two HR Executive search companies Bayside "
        b"Search and Kernel Talent united forces and merged into Vantrel a dynamic new entity. Vantrel will serve "
        b"the region.\n\nAbout Khalid\n\nKhalid leads Vantrel.\n",
    )
    assert parsed.company == "Vantrel"
