"""Issuer rules of issue 17's thirteenth round, read from blind-8: where a name of several parts ends, when a comma
or a lower-case word inside it cut it short ("Skin" of "Skin, Bones, Hearts & Private Parts", "Styled" of "Styled by
Binky"), a paragraph with no word (an image's "!" an export left) that is not the lede, and a name between commas
after a description opening the lede ("The nation's leading ... fair, New York K-Food Fair, announces ..."). Small releases written
inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse import parse_bytes
from indexer.parse.name_extents import connected_name, partners_name
from indexer.parse.subject import described_subject


@pytest.mark.parametrize(
    "name, headline, lede, whole",
    [
        (
            "Rocks",
            "Rocks, Rivers, Roots & Open Skies Hosts Field Course in Boise",
            "Rocks, Rivers, Roots & Open Skies, a provider of field courses, is hosting ...",
            "Rocks, Rivers, Roots & Open Skies",
        ),
        (
            "Ember",
            "Ember, Ash and Blue Lantern Studio Opens",
            "Ember, Ash and Blue Lantern Studio is opening a studio ...",
            "Ember, Ash and Blue Lantern Studio",
        ),
        # The last part's words stop before the headline's verb: the longest part the lede ends with a comma.
        (
            "Hargrove",
            "Hargrove, Pell & Whitcombe Announces Move",
            "Hargrove, Pell & Whitcombe, a firm, announces ...",
            "Hargrove, Pell & Whitcombe",
        ),
        # A name built as a list, its last item of several words.
        (
            "Bolts",
            "Bolts, Nuts, Gears & Spare Parts Hosts Its Spring Fair",
            "Bolts, Nuts, Gears & Spare Parts, a leading maker of fixings, is hosting its spring fair ...",
            "Bolts, Nuts, Gears & Spare Parts",
        ),
        (
            "Hargrove",
            "Hargrove, Pell & Whitcombe Partner Wins Award",
            "Hargrove, Pell & Whitcombe, a personal injury firm, is proud to announce ...",
            "Hargrove, Pell & Whitcombe",
        ),
        (
            "Dunmore",
            "Dunmore, Ashby, Kell and Tran, P.A. Opens Office",
            "Dunmore, Ashby, Kell and Tran, P.A. today opened an office ...",
            "Dunmore, Ashby, Kell and Tran, P.A.",
        ),
        # The lede does not open with the name: no extent to take.
        ("Hargrove", "Hargrove, Pell & Whitcombe Wins", "Today Hargrove, Pell & Whitcombe, a firm, ...", "Hargrove"),
        # Not printed whole in the headline: a list, kept as read.
        ("Apples", "Orchard Week Begins", "Apples, Pears & Plums, the season's fruit, are ...", "Apples"),
        (
            "Apples",
            "Orchard Week Begins",
            "Apples, Pears & Passion Fruit Juice, the season's drinks, are ...",
            "Apples",
        ),
        ("Rocks", "Field Week Begins", "Rocks, Rivers, Roots & Open Skies, the course's themes, are ...", "Rocks"),
    ],
)
def test_a_name_of_several_parts_with_a_longer_last_part_is_read_whole(name, headline, lede, whole):
    assert partners_name(name, headline, lede) == whole


def test_a_release_of_a_name_of_several_parts_names_it_whole():
    parsed = wire(
        "Rocks, Rivers, Roots & Open Skies, a leading provider of continuing education, is hosting a field course "
        "for geology teachers on August 25-28, 2025 in Boise, ID.",
        "Rocks, Rivers, Roots & Open Skies Hosts Boise, Idaho Field Course for Teachers",
    )
    assert parsed.company == "Rocks, Rivers, Roots & Open Skies"


def test_a_release_of_a_firm_named_for_its_partners_names_the_firm():
    parsed = wire(
        "Hargrove, Pell & Whitcombe, a nationally recognized personal injury firm, is proud to announce that Jane "
        "Roe, a founding partner, has been recertified in trial law.",
        "Hargrove, Pell & Whitcombe Partner, Jane Roe, Achieves Recertification in Trial Law",
    )
    assert parsed.company == "Hargrove, Pell & Whitcombe"


@pytest.mark.parametrize(
    "name, headline, text, whole",
    [
        (
            "Curled",
            "Curled by Marisol Opens at the Salon Suites in Plano",
            "Stylist Ana Diaz opens her salon, Curled by Marisol, in Suite 4. Curled by Marisol is open Tuesdays.",
            "Curled by Marisol",
        ),
        (
            "Friends",
            "Friends of Lakeview Park Hosts Spring Cleanup",
            "Friends of Lakeview Park invites neighbours ... Friends of Lakeview Park was founded in 1990.",
            "Friends of Lakeview Park",
        ),
        # Up to four words after the lower-case one: the longest printed whole at least twice.
        (
            "Bayside Bail Bonds",
            "Bayside Bail Bonds by Good Guys Bail Bonds Announce 500 Reviews",
            "Experts at Bayside Bail Bonds by Good Guys Bail Bonds have ... Bayside Bail Bonds by Good Guys Bail Bonds "
            "says ...",
            "Bayside Bail Bonds by Good Guys Bail Bonds",
        ),
        # Printed whole once only: the short name stays.
        ("Curled", "Curled by Marisol Opens", "Curled by Marisol opens. Curled is open Tuesdays.", "Curled"),
        # The short name is printed alone more often than whole: the words after it are not the name's.
        (
            "Acme",
            "Acme for Schools Launches",
            "Acme for Schools ... Acme for Schools ... Acme said. Acme added. Acme's CEO. Acme Corp.",
            "Acme",
        ),
        # Two names joined by "and" are not one.
        ("Gilda", "Gilda and Mortimer Open Cafe", "Gilda and Mortimer ... Gilda and Mortimer ...", "Gilda"),
        # The headline does not open with the name.
        ("Curled", "New Salon Curled by Marisol Opens", "Curled by Marisol ... Curled by Marisol ...", "Curled"),
    ],
)
def test_a_name_cut_at_a_lower_case_word_is_read_whole(name, headline, text, whole):
    assert connected_name(name, headline, text) == whole


def test_a_release_of_a_salon_opened_by_its_stylist_names_the_salon():
    parsed = wire(
        "Stylist Ana Diaz is pleased to announce the opening of her new salon, Curled by Marisol, located in Suite "
        "#12 of the Salon Suites at 100 Main Street in Plano.",
        "Curled by Marisol Opens at the Salon Suites in Plano",
        "With a decade of experience, Ana meets her clients' expectations. Curled by Marisol is open from Tuesday "
        "through Saturday. Appointments can be made online.",
    )
    assert parsed.company == "Curled by Marisol"


@pytest.mark.parametrize("mark", ["!", "* * *", "\u2014"])
def test_a_paragraph_with_no_word_before_the_lede_is_not_the_lede(mark):
    text = (
        "# Leading Widget Maker Has Its Eyes On The Future\n\nBy Jane Roe, Benzinga\n\n"
        f"{mark}\n\n"
        "Tom Wu, Chairman and CEO of Orbix Widgets Inc. (NASDAQ: ORBX), was recently interviewed by Benzinga.\n\n"
        "Orbix is a widget maker. Mr. Wu spoke about the opportunities ahead for Orbix.\n\n"
        "Benzinga is a leading financial media and data provider.\n\n"
        "This post contains sponsored content.\n\nContact Details\n\nBenzinga\n\ninfo@benzinga.com\n"
    )
    (parsed,) = parse_bytes("release.md", text.encode())
    assert parsed.lede.startswith("Tom Wu")
    assert (parsed.company, parsed.tickers) == ("Orbix Widgets Inc.", ["NASDAQ:ORBX"])


@pytest.mark.parametrize(
    "lede, headline, name",
    [
        (
            "The region's leading buyer-to-buyer fair for Nordic seafood (B2B) products, Oslo Fish Fair, announces its "
            "2025 edition.",
            "Register Now for 2025 Oslo Fish Fair",
            "Oslo Fish Fair",
        ),
        (
            "The largest craft show in Vermont, Green Hills Craft Expo, is back for its tenth year.",
            "Green Hills Craft Expo Returns",
            "Green Hills Craft Expo",
        ),
        (
            "A nonprofit serving veterans since 1990, Harbor Light Alliance, today opened a center.",
            "New Veterans Center Opens, Run by Harbor Light",
            "Harbor Light Alliance",
        ),
        # A post or a trade before the name: a person, not an organisation.
        ("The CEO of Orbix Widgets, Tom Wu, announced a plan.", "Tom Wu Announces Plan", None),
        ("The award-winning author, Maya Lind, has released a book.", "Maya Lind Releases Book", None),
        # No verb after the name: a list, not an apposition.
        ("The three partners, Orbix, Nuvola and Kestrel, met in May.", "Orbix Meets Partners", None),
        # A headline about another: the described name is met in passing.
        (
            "The new token project backed by a famous family, Liberty Coin Fund, has added altcoins to its treasury.",
            "Can a Blockchain Like Quanta Win?",
            None,
        ),
        # A date after the description is no name.
        ("The Avon Film Center hosted an evening on October 22, 2024, to honor an actor.", "Actor Honored", None),
    ],
)
def test_a_name_between_commas_after_a_description_opening_the_lede(lede, headline, name):
    assert described_subject(lede, headline) == name


def test_a_fair_described_before_its_name_issues_its_release():
    parsed = wire(
        "The region's leading buyer-to-buyer fair for Nordic seafood (B2B) products, Oslo Fish Fair, announces its "
        "2025 edition. Taking place on May 29th and 30th at the Harbor Hotel, the fair brings together 40 suppliers.",
        "Register Now for 2025 Oslo Fish Fair",
        "Oslo Fish Fair offers travel reimbursement for qualified buyers. Register today.",
    )
    assert parsed.company == "Oslo Fish Fair"


@pytest.mark.parametrize(
    ("headline", "lede", "tail", "whole"),
    [
        (
            "Trail Guardian Alliance (TGA) of Lake County Celebrated its 20th Gala with Live Music",
            "On Friday, Mar. 7th, TGA (Trail Guardian Alliance) of Lake County celebrated its 20th gala with 300 guests.",
            "Trail Guardian Alliance of Lake County is a 501(c)(3) organisation run by trained volunteers.",
            "Trail Guardian Alliance of Lake County",
        ),
        (
            "Harbor Literacy Council (HLC) for Greater Dayton Honoured Its Volunteers at a Spring Dinner",
            "On Saturday, Apr. 12th, HLC (Harbor Literacy Council) for Greater Dayton honoured 40 volunteers.",
            "Harbor Literacy Council for Greater Dayton teaches adults to read and write.",
            "Harbor Literacy Council for Greater Dayton",
        ),
    ],
)
def test_a_short_form_in_brackets_inside_a_headline_name_keeps_the_tail_the_text_prints_with_it(
    headline, lede, tail, whole
):
    assert wire(lede, headline, tail).company == whole


@pytest.mark.parametrize(
    ("headline", "text", "whole"),
    [
        (
            "Crisis Support Network (CSN) of Lake County Celebrates",
            "Crisis Support Network of Lake County is a charity.",
            "Crisis Support Network of Lake County",
        ),
        # The text never prints the name with its tail: the tail is not the name's.
        ("Crisis Support Network (CSN) of Lake County Celebrates", "Crisis Support Network is a charity.", None),
        # The bracket closes the name: what follows is the sentence's.
        (
            "Crisis Support Network (CSN) Celebrates Lake County",
            "Crisis Support Network of Lake County is a charity.",
            None,
        ),
    ],
)
def test_a_bracketed_short_form_joins_the_tail_only_where_the_text_prints_them_together(headline, text, whole):
    assert connected_name("Crisis Support Network", headline, text) == (whole or "Crisis Support Network")
