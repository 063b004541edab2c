"""Issuer rules for the ways a release names itself that the issuer reader misread (issue 17, read from blind-13): a
person's title of several words run on after the organisation, a short form defined with its name after it, a business
described with a word that describes people too, About headings after a bracket or before a time's clause, a
first-person sentence its domain spells, a headline's author credit, a unit the lede's subject owns, a branch's place
after a dash, a quoted work's author and partners' names written out. Small releases written inline, parsed as
`releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.authors import quoted_work_author
from indexer.parse.authorship import glued_abouts
from indexer.parse.joint_releases import partners_about
from indexer.parse.name_extents import branch_place_cut, defined_short_form, titled_person_cut
from indexer.parse.persons import is_person
from indexer.parse.sections import About


@pytest.mark.parametrize(
    "name, text, cut",
    [
        # A title of several words and a person's name after an organisation the text prints on its own.
        (
            "Quillmark Managing Partner Jane Roe",
            "Quillmark Managing Partner Jane Roe has been named. Since founding Quillmark in 2019, Roe has ...",
            "Quillmark",
        ),
        (
            "Harbor Vale Law Executive Director John Q. Smith",
            "Harbor Vale Law Executive Director John Q. Smith spoke. Harbor Vale Law, a firm, ...",
            "Harbor Vale Law",
        ),
        (
            "Ostrander Senior Partner Mary Field",
            "Ostrander Senior Partner Mary Field won. Ostrander's lawyers and Ostrander, a firm ...",
            "Ostrander",
        ),
        # The organisation never printed alone: the name stays.
        (
            "Quillmark Managing Partner Jane Roe",
            "Quillmark Managing Partner Jane Roe has been named.",
            "Quillmark Managing Partner Jane Roe",
        ),
        # No person after the title: a name of its own ("Acme Partner Network").
        ("Acme Partner Network", "Acme Partner Network grew. Acme is a firm.", "Acme Partner Network"),
        (
            "Glenrock Director Services",
            "Glenrock Director Services grew. Glenrock, a firm.",
            "Glenrock Director Services",
        ),
    ],
)
def test_a_title_of_several_words_and_a_person_are_cut_off_the_organisation(name: str, text: str, cut: str) -> None:
    assert titled_person_cut(name, text) == cut


def test_an_organisation_run_into_its_partners_title_issues_the_release() -> None:
    parsed = wire(
        "Quillmark Managing Partner Jane Roe has been named one of the Top 200 Lawyers. Since co-founding Quillmark "
        "in 2019, Roe has led its cases.",
        "Quillmark Managing Partner Jane Roe Named to Top 200 Lawyers List",
        "About Quillmark\n\nQuillmark is a national class action law firm.",
        tail_apart=True,
    )
    assert parsed.company == "Quillmark"


@pytest.mark.parametrize(
    "name, text, whole",
    [
        ("ZTL", 'ZTL ("Zephyr Tonic Labs") today announced a formula.', "Zephyr Tonic Labs"),
        ("ZTL", "maintaining ZTL's clean label and ZTL (Zephyr Tonic Labs') approach", "Zephyr Tonic Labs"),
        ("HWP", "HWP (\u201cHarbor Wind Power\u201d) builds turbines.", "Harbor Wind Power"),
        # The brackets hold no spelling of the short form: it stays.
        ("ZTL", 'ZTL ("Zephyr Holdings") today announced a formula.', "ZTL"),
        ("ZTL", "ZTL (formerly Zephyr Tonic Labs) today announced.", "ZTL"),
        ("ZTL", "ZTL (Nasdaq: ZTL) today announced.", "ZTL"),
        # One term of a list: a glossary, not the issuer's name.
        ("ZTL", "ZTL (Zephyr Tonic Labs) and QRS (Quiet Rest Sleep) are terms.", "ZTL"),
    ],
)
def test_a_short_form_defined_before_its_name_is_written_out(name: str, text: str, whole: str) -> None:
    assert defined_short_form(name, text) == whole


def test_a_release_by_a_short_form_it_defines_is_issued_by_the_name_written_out() -> None:
    parsed = wire(
        'ZTL ("Zephyr Tonic Labs") today announced the updated formula of Level Up, the company\'s supplement.',
        "Zephyr Tonic Labs (ZTL) Announces New Level Up Formula",
        "About Zephyr Tonic Labs\n\nZTL is a U.S. supplement maker.",
        tail_apart=True,
    )
    assert parsed.company == "Zephyr Tonic Labs"


@pytest.mark.parametrize(
    "name, text, person",
    [
        # "a leader" and "its": a business.
        ("Summit Rock Car", "Summit Rock Car is a leader in luxury transport. Known for its fleet, it serves.", False),
        ("Marlow Glen Pools", "Marlow Glen Pools is a specialist in pools, and its crews build.", False),
        # A personal pronoun, or no "its": a person.
        ("Jane Marie Roe", "Jane Marie Roe is a leader in her field and its future.", True),
        ("Jane Marie Roe", "Jane Marie Roe is a leader in tax law.", True),
        ("Jane Marie Roe", "Jane Marie Roe is the CEO of its parent.", True),
    ],
)
def test_a_word_naming_people_and_businesses_alike_is_read_by_its_pronoun(name: str, text: str, person: bool) -> None:
    assert is_person(name, text, text) is person


def test_a_headline_subjects_about_section_outvotes_a_partners() -> None:
    parsed = wire(
        "Summit Rock Car, a premier name in luxury transportation, is thrilled to announce its new service to the "
        "Red Rocks Amphitheater.",
        "Summit Rock Car Transforms Your Red Rocks Experience",
        "About Summit Rock Car Summit Rock Car is a leader in luxury transportation. Known for its commitment, Summit "
        "Rock Car provides rides.  About VOLARE VOLARE is a leader in the luxury travel industry.",
    )
    assert parsed.company == "Summit Rock Car"


@pytest.mark.parametrize(
    "tail, company",
    [
        # An About heading after a bracket closing the paragraph before it, the name printed again in its text.
        (
            "More Lucky EP (on Spotify) About The Rain Gutters The Rain Gutters play both showcases and bar gigs.",
            "Rain Gutters",
        ),
        # The same heading after a full stop was read already.
        (
            "Listen on Spotify. About The Rain Gutters The Rain Gutters play both showcases and bar gigs.",
            "Rain Gutters",
        ),
    ],
)
def test_an_about_heading_after_a_bracket_names_the_issuer(tail: str, company: str) -> None:
    parsed = wire(
        'About "All I Want (Is Rock) - Live"  In a review, a magazine described the trio as the "Folk Ramones."',
        'New Live Single from Americana Band The Rain Gutters: "All I Want (Is Rock) - Live"',
        tail,
    )
    assert (parsed.company or "").removeprefix("The ") == company


@pytest.mark.parametrize(
    "closing, company",
    [
        # "At X, we" after a heading run into it, the mail domain spelling X: X, over a pick printed nowhere else.
        ("Trust at Every Level At Harbor Guard Service, we take pride in our work.", "Harbor Guard Service"),
        ("At Harbor Guard Service, we take pride in our work.", "Harbor Guard Service"),
        # The domain spells another name: the pick stays.
        ("At Quayside Events, we take pride in our work.", "Introduction Hello"),
    ],
)
def test_a_first_person_closing_the_domain_spells_names_the_issuer(closing: str, company: str) -> None:
    parsed = wire(
        "Introduction Hello, fellow event planners and enthusiasts! Summer means festivals and concerts.",
        "Event Security During the Summer: The Do's and Don'ts",
        f"{closing}  Contact: 844-254-8273 Email: Sales@harborguardservice.com",
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    "headline, company",
    [
        ("Media Bullying: A Call For Respect By Bestselling Author Jane Marlow", "Jane Marlow"),
        ("Kindness At School: A Call For Care By Award-Winning Writer Jane Marlow", "Jane Marlow"),
        # Not credited as an author: no one is named.
        ("Media Bullying: A Call For Respect By Parents Everywhere", None),
    ],
)
def test_a_headline_closed_by_its_authors_credit_is_the_authors(headline: str, company: str | None) -> None:
    parsed = wire(
        "Bullying can have serious effects on a young person's health. We all know bullying hurts. Bestselling author "
        "Jane Marlow addressed "
        "this in a recent post on her website.",
        headline,
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    "owned, company",
    [
        (
            "Owned by the Town of Palm Vista and managed by Troon, Palm Vista Golf Club hosts events.",
            "Town of Palm Vista",
        ),
        ("Palm Vista Golf Club, a unit of the Town of Palm Vista, hosts events.", "Town of Palm Vista"),
        # Not said to be owned by the lede's subject: its About section issues.
        ("Owned by Troon, Palm Vista Golf Club hosts events.", "Palm Vista Golf Club"),
    ],
)
def test_the_lede_subject_owning_the_about_sections_unit_issues(owned: str, company: str) -> None:
    parsed = wire(
        "The Town of Palm Vista is proud to continue its role as presenting sponsor of the Desert Tour "
        "Championship, the final event of the year.",
        "Season finale of the Desert Tour returns to Palm Vista Golf Club",
        f"About Palm Vista Golf Club\n\n{owned}\n\nAbout the Desert Tour\n\nThe Desert Tour is the qualifying tour.",
        tail_apart=True,
    )
    assert parsed.company == company


@pytest.mark.parametrize(
    "name, text, place, cut",
    [
        (
            "Just Locks Pros - Dayton",
            "Just Locks Pros delivers keys. Call Just Locks Pros today. Contact: Just Locks Pros - Dayton",
            "Dayton, United States",
            "Just Locks Pros",
        ),
        # Printed alone once only, the place not the dateline's, or no place after the dash: the name stays.
        (
            "Just Locks Pros - Dayton",
            "Just Locks Pros delivers keys.",
            "Dayton, United States",
            "Just Locks Pros - Dayton",
        ),
        (
            "Just Locks Pros - Dayton",
            "Just Locks Pros delivers. Just Locks Pros.",
            "Toledo, United States",
            "Just Locks Pros - Dayton",
        ),
        ("Acme - The Agency", "Acme delivers. Acme grows.", "Dayton, United States", "Acme - The Agency"),
        # An office named by "in" and a large city: the organisation, printed alone once (issue 17's twentieth round).
        ("TradeChile in Los Angeles", "TradeChile in collaboration with startups ...", "", "TradeChile"),
        ("Acme Realty in Chicago", "Acme Realty sells homes.", "", "Acme Realty"),
        # Not a city, or never printed alone: the name stays whole.
        ("Women in Tech", "Women in Tech meets. Women attend.", "", "Women in Tech"),
        ("TradeChile in Los Angeles", "The office opens.", "", "TradeChile in Los Angeles"),
    ],
)
def test_a_branchs_place_after_a_dash_is_cut_off_the_name(name: str, text: str, place: str, cut: str) -> None:
    assert branch_place_cut(name, text, place) == cut


@pytest.mark.parametrize(
    "name, text, author",
    [
        ("Marrowdale", "'Marrowdale: Growing Up in Leeds' by Ann Brixton. Ann Brixton is available.", "Ann Brixton"),
        ("Marrowdale", "\u201cMarrowdale\u201d by Ann Brixton is out. About Ann Brixton.", "Ann Brixton"),
        # Not quoted as a title, or its author printed once: no author.
        ("Marrowdale", "Marrowdale by Ann Brixton. Ann Brixton is available.", None),
        ("Marrowdale", "'Marrowdale' by Ann Brixton is out.", None),
    ],
)
def test_a_quoted_works_author_issues_it(name: str, text: str, author: str | None) -> None:
    assert quoted_work_author(name, text) == author


@pytest.mark.parametrize(
    "about, names",
    [
        # A time's clause, then the heading's name (after "The" too): the section presents it.
        (
            "About The Law Offices of Mark Q. Dale For over three decades, The Law Offices of Mark Q. Dale, led by "
            "attorney Mark Q. Dale, has provided legal help.",
            ["Law Offices of Mark Q. Dale"],
        ),
        ("About Mark Dale Legal Group Since 1990, The Mark Dale Legal Group has helped.", ["Mark Dale Legal Group"]),
        # The clause followed by another name: not this heading's section.
        ("About Mark Dale Legal Group For over three decades, clients have trusted lawyers.", []),
    ],
)
def test_an_about_heading_run_into_a_times_clause_is_read(about: str, names: list[str]) -> None:
    assert [a.name for a in glued_abouts(f"Scholarship news.  {about}")] == names


def test_an_about_heading_run_into_a_times_clause_names_the_issuer() -> None:
    parsed = wire(
        "The personal injury lawyers at the Law Offices of Mark Q. Dale are pleased to announce the 2025 recipient.",
        "The Law Offices of Mark Q. Dale Awards Scholarship to UF Sophomore",
        "About The Law Offices of Mark Q. Dale For over three decades, The Law Offices of Mark Q. Dale, led by "
        "attorney Mark Q. Dale, has provided legal help.",
    )
    assert (parsed.company or "").removeprefix("The ") == "Law Offices of Mark Q. Dale"


def test_a_clause_opened_by_a_capitalised_word_after_for_is_no_times_clause() -> None:
    text = "Retail news.  About Good For You A Danish wellness company founded on Nordic purity, Good For You makes drinks."
    assert "Good" not in [a.name for a in glued_abouts(text)]


@pytest.mark.parametrize("name, text", [("UNFT", "UNFT (UNFT.com) launched a campaign."), ("ZTL", "ZTL (Zephyr) won.")])
def test_a_short_forms_domain_or_one_word_is_no_name_written_out(name: str, text: str) -> None:
    assert defined_short_form(name, text) == name


def test_an_about_headings_name_writes_out_the_ledes_subject_past_a_comma() -> None:
    parsed = wire(
        "Harlow, Price & Dunn, LLP, in collaboration with co-counsel Tony Reyes, has secured a key ruling in the case.",
        "Federal Court Remands Submersible Case",
        "About Harlow, Price & Dunn LLP  Since 1964, Harlow, Price & Dunn LLP has been helping people.",
    )
    assert parsed.company == "Harlow, Price & Dunn LLP"


@pytest.mark.parametrize(
    "subject, about, fuller",
    [
        ("Harlow", "Harlow, Price & Dunn LLP", "Harlow, Price & Dunn LLP"),
        ("Harlow", "Harlow, Price and Dunn", "Harlow, Price and Dunn"),
        # A legal form after the comma: the lede's spelling stays.
        ("Harlow Labs", "Harlow Labs, Inc.", None),
        ("Harlow", "Harlow, Price", None),
        ("Harlow", "Dunn, Price & Harlow", None),
    ],
)
def test_an_about_heading_writes_out_partners_after_a_comma(subject: str, about: str, fuller: str | None) -> None:
    assert partners_about(subject, [About(about, "")]) == fuller
