"""Issuer rules of issue 17's fourteenth round, aimed at classes that recur across rounds (read from blind-9): a short
form written out where the text defines it ("AI Exchange (AIX)"), an About heading naming a generic noun before the
name ("About the Company Acme Masonry proudly serves ..."), and a closing sentence calling the name a movement, a
ministry or a charity; and a name ending in a business word ("Harbor Global Protection, a leader in ...") read as no
person (an organisation read as a person recurs too). Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import functools

import pytest
import wire_release

from indexer.parse.authorship import closing_about, glued_abouts
from indexer.parse.name_extents import defined_short_form
from indexer.parse.persons import is_person

wire = functools.partial(wire_release.wire, tail_apart=True)  # the tail in a paragraph of its own


@pytest.mark.parametrize(
    "short, text, whole",
    [
        # An inner lower-case letter ("X" of "Exchange") beside initials and capitals.
        ("QIX", "Quantum Index Exchange (QIX), built with partners, will launch ...", "Quantum Index Exchange"),
        ("AIX", "AI Exchange (AIX), developed with Acme, will launch ...", "AI Exchange"),
        # Commas and small words between the words, a word that gives no letter ("Culture").
        (
            "HWPL",
            "the group, Heavenly Culture, World Peace, Restoration of Light (HWPL), held ...",
            "Heavenly Culture, World Peace, Restoration of Light",
        ),
        ("GMDA", "Greenfield Mountain Dairy Association (GMDA) met ...", "Greenfield Mountain Dairy Association"),
        # The words before the brackets do not spell it: kept as read.
        ("AIX", "Acme Holdings (AIX) will launch ...", "AIX"),
        ("QRS", "Beta Quarry Group (QRS) reported ...", "QRS"),
        # Two letters that are not capitals or initials are too many.
        ("AXG", "Alpha Exchanges (AXG) opened ...", "AXG"),
        # The last letter must come from the last word: the long form does not run past the short one.
        ("ABC", "Alpha Beta Charlie Delta (ABC) grew ...", "ABC"),
        # The shortest spelling, never one holding the short form itself.
        (
            "AGMT",
            "About AGMT The Architectural Glass & Metal Technician (AGMT) program trains ...",
            "Architectural Glass & Metal Technician",
        ),
        ("FIDE", "FIDE The International Chess Federation (FIDE) announced ...", "FIDE"),
        # Not a short form: a name of lower-case letters is left alone.
        ("Acme", "Acme Corp (Acme) grew ...", "Acme"),
    ],
)
def test_a_short_form_is_written_out_where_the_text_defines_it(short: str, text: str, whole: str) -> None:
    assert defined_short_form(short, text) == whole


@pytest.mark.parametrize(
    "headline, lede, tail, company",
    [
        (
            "QIX to Launch at Summit 2025",
            "Quantum Index Exchange (QIX), developed with Northwind, will launch at Summit 2025. QIX will host panels.",
            "About QIX\n\nQIX is a learning community for traders.",
            "Quantum Index Exchange",
        ),
        (
            "Citizens Unite for Peace",
            "Silver Light, Open Hands, Peace for All (SOPA) held its 11th Annual Commemoration in 40 cities. "
            "SOPA held events in 30 countries.",
            "SOPA is an international peace organization.",
            "Silver Light, Open Hands, Peace for All",
        ),
    ],
)
def test_a_release_issued_under_a_short_form_gets_the_name_in_full(
    headline: str, lede: str, tail: str, company: str
) -> None:
    assert wire(lede, headline, tail).company == company


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Call us today.\n\nAbout the Company Brightwater Masonry & Construction proudly serves the valley ...",
            "Brightwater Masonry & Construction",
        ),
        ("Read more.\n\nAbout the Firm Halden Roe Architects designs homes across Ohio ...", "Halden Roe Architects"),
        ("Read more.\n\nAbout the Practice Orchard Lane Dental treats families in Dayton ...", "Orchard Lane Dental"),
    ],
)
def test_a_generic_about_heading_run_into_its_text_names_the_organisation_after_it(text: str, name: str) -> None:
    assert [a.name for a in glued_abouts(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        # Without "the", a generic word opens the name itself ("About Business Information Solutions ...").
        "Call us.\n\nAbout Business Information Solutions Business Information Solutions is a full-service IT firm.",
        # A participle or a one-word phrase the text never prints again is no name.
        "Call us.\n\nAbout the Company Voted best bathroom renovation company in 2020, the team at Acme Baths ...",
    ],
)
def test_a_generic_about_heading_before_no_name_presents_no_one(text: str) -> None:
    assert all(a.name != "Voted" and not a.name.startswith("Information") for a in glued_abouts(text))


def test_a_release_with_a_generic_about_heading_is_that_organisation_s() -> None:
    release = wire(
        "From rainfall to frost, homes in the valley need chimney care. Knowing when to repair saves money.",
        "Chimney Repairs in the Valley: What Homeowners Need to Know",
        "Contact Brightwater Masonry & Construction for an inspection. About the Company Brightwater Masonry & "
        "Construction proudly serves the whole valley. For more, call (604) 555-0100.",
    )
    assert release.company == "Brightwater Masonry & Construction"


@pytest.mark.parametrize(
    "sentence, name",
    [
        (
            "Harbor of Hope Fellowship is a global faith\u2011based movement dedicated to unity.",
            "Harbor of Hope Fellowship",
        ),
        ("Bright Acre Outreach is a local ministry serving families in need.", "Bright Acre Outreach"),
        ("Kindred Paws Rescue is a volunteer-run charity that rehomes dogs.", "Kindred Paws Rescue"),
        ("Old Mill Neighbors is a neighborhood association founded in 1990.", "Old Mill Neighbors"),
    ],
)
def test_a_closing_sentence_calling_the_name_a_movement_or_a_charity_presents_the_issuer(
    sentence: str, name: str
) -> None:
    text = f"Volunteers met on Saturday.\n\nThe day ended with a meal for all who came.\n\n{sentence}"
    found = closing_about(text, set())
    assert found is not None and found.name == name


@pytest.mark.parametrize(
    "sentence",
    [
        # A description that names no kind of organisation presents nothing.
        "Harbor of Hope Fellowship is a place where neighbors meet.",
        "Bright Acre Outreach is a reminder that kindness matters.",
    ],
)
def test_a_closing_sentence_without_an_organisation_noun_presents_no_one(sentence: str) -> None:
    text = f"Volunteers met on Saturday.\n\nThe day ended with a meal for all who came.\n\n{sentence}"
    assert closing_about(text, set()) is None


@pytest.mark.parametrize(
    "name, lede, person",
    [
        # A last word naming a business: an organisation, whatever title follows ("a leader in ...").
        ("Harbor Global Protection", "Harbor Global Protection, a leader in vehicle protection, said ...", False),
        ("Pine Ridge Dental", "Pine Ridge Dental, a leader in family care, opened ...", False),
        ("Northgate Roofing", "Northgate Roofing, a leader in the region, said he ...", False),
        # A person's name keeps the title's reading.
        ("Jane Roberts", "Jane Roberts, a leader in vehicle protection, said ...", True),
        ("Marcus Hale", "Marcus Hale, a leader in family care, opened ...", True),
    ],
)
def test_a_name_ending_in_a_business_word_is_no_person(name: str, lede: str, person: bool) -> None:
    assert is_person(name, lede, lede) is person


def test_a_business_named_after_a_leader_apposition_issues_its_release() -> None:
    release = wire(
        "Clear communication matters in every claim. Harbor Global Protection, a leader in the vehicle protection "
        "industry, emphasizes open communication. Harbor Global Protection helps drivers every day.",
        "Harbor Global Protection Announces New Approach to Claims",
        "In an industry where trust matters, Harbor Global Protection leads.",
    )
    assert release.company == "Harbor Global Protection"


@pytest.mark.parametrize(
    "headline, lede, tail, company",
    [
        (
            "Shine on Elm Launches New Website for Patients",
            "It is now possible to book visits online, and a brighter shine on teeth takes a single visit.",
            "The new site shows every service of Shine on Elm. Visit Shine on Elm today.",
            "Shine on Elm",
        ),
        (
            "Knots by Nadia Opens in Dayton",
            "A new studio for macrame and weaving opens downtown; its knots are tied by hand.",
            "Knots by Nadia offers classes weekly. Learn more from Knots by Nadia.",
            "Knots by Nadia",
        ),
        # Printed whole only once: no name.
        (
            "Shine on Elm Launches New Website for Patients",
            "It is now possible to book visits online, and a brighter shine on teeth takes a single visit.",
            "The new site shows every service.",
            None,
        ),
    ],
)
def test_a_nameless_release_takes_the_headline_s_connected_name_the_text_prints(
    headline: str, lede: str, tail: str, company: str | None
) -> None:
    assert wire(lede, headline, tail).company == company
