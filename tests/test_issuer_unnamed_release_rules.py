"""Issuer rules for releases the reader left with no issuer (issue 17's nineteenth round, read from unlabelled
releases): an About heading run into its text whose name lists partners with commas, a one-word heading closed by a
colon whose text opens with its name, and the organisation a closing sentence presents. Small releases written
inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.authorship import glued_abouts
from indexer.parse.corroboration import closing_presented
from indexer.parse.headline_organisations import headline_closing_name


@pytest.mark.parametrize(
    "text, names",
    [
        # Partners' names with commas between, printed again as the text's subject.
        (
            "News.\n\nAbout Marsh, Tolley & Quade Marsh, Tolley & Quade is a firm based in Dayton with two offices.",
            ["Marsh, Tolley & Quade"],
        ),
        (
            "News.\n\nAbout Penn, Ruiz and Oakes Penn, Ruiz and Oakes has handled injury cases since 1990 statewide.",
            ["Penn, Ruiz and Oakes"],
        ),
        # A comma before a lower-case word ends the name: no heading read.
        ("News.\n\nAbout Marsh, which has grown, we say more here in the closing paragraph.", []),
        # One word closed by a colon, its text's subject.
        ("News.\n\nAbout Lendwise.io: Lendwise.io is a leading resource for budgeting advice.", ["Lendwise.io"]),
        ("News.\n\nAbout Quillo: Quillo has served writers since 2011 with its editing tools.", ["Quillo"]),
        # A first name closed by a colon, a person's full name after it: no organisation.
        ("News.\n\nAbout Jay: Jay Paterno is an author and speaker who lives in Ohio.", []),
    ],
)
def test_about_headings_run_into_their_text(text: str, names: list[str]) -> None:
    assert [a.name for a in glued_abouts(text)] == names


@pytest.mark.parametrize(
    "tail, company",
    [
        (
            "About Marsh, Tolley & Quade Marsh, Tolley & Quade is headquartered in Dayton and has offices in Ohio.",
            "Marsh, Tolley & Quade",
        ),
        (
            "About Penn, Ruiz and Oakes Penn, Ruiz and Oakes has offices in Ohio and handles injury cases.",
            "Penn, Ruiz and Oakes",
        ),
    ],
)
def test_a_nameless_release_takes_its_about_headings_name(tail: str, company: str) -> None:
    lede = "At seven years old, taught by his parents that every life matters, he decided to champion the underdog."
    parsed = wire(lede, "Springfield-Born Attorney Named in a Top 50 List", tail, tail_apart=True)
    assert parsed.company == company


_CLOSING = (
    " Treewurk crews prune trees. Call Treewurk today. Treewurk is a tree care company serving the county since 2009."
)


@pytest.mark.parametrize(
    "headline, text, named",
    [
        # Presented by a closing sentence, named by the headline, printed three times.
        ("Professional Tree Services Now Available from Treewurk", f"Homeowners need care.{_CLOSING}", "Treewurk"),
        (
            "EHNOTE to Reimagine Eye Care",
            "But EHNOTE grew. Visit EHNOTE now. EHNOTE is a cloud platform for clinics.",
            "EHNOTE",
        ),
        # Not named by the headline nor the opening: no one.
        ("Tree Services Now Available", f"{'Homeowners need care. ' * 40}{_CLOSING}", None),
        # Printed twice only.
        ("Treewurk Opens", "News. Treewurk is a tree care company serving the county since 2009.", None),
        # A person's surname or first name, a titled person, a work, a plain word.
        (
            "Attorney Scott A. Faultless Wins",
            "Scott A. Faultless won. Faultless spoke. Faultless is a founding partner of the firm.",
            None,
        ),
        (
            "Mara Purl Writes",
            "Mara Purl writes. Mara Purl reads. Mara is an author of eleven novels set in a town.",
            None,
        ),
        (
            "Dr. Tola Offers TMS",
            "Dr. Tola treats. Tola helps. Tola is a psychiatrist practising in the valley here.",
            None,
        ),
        (
            "Los Tres Reyes Thrills",
            "Los Tres Reyes thrills. Los Tres Reyes is a profoundly touching novel of a family.",
            None,
        ),
        (
            "David Roe Interviews a Councilman",
            "We met. David Roe is CEO. David hosts. David is a host of a weekly show on local business leaders.",
            None,
        ),
        (
            "Hands-Free Law",
            "Drivers wait. Drivers stop. Drivers are permitted to use the equipment installed in cars.",
            None,
        ),
        (
            'New Memoir "Woody" Chronicles',
            "Woody ran. Woody slept. Woody is a testament to how dogs shape the lives we lead.",
            None,
        ),
        (
            "Cork Mill's Patented X100 Technology",
            "Legacy corks. Legacy seals. Legacy provides wines with a consistent seal.",
            None,
        ),
        (
            "Hey, Sandy! PR & Communications Shines",
            "PR & Communications grew. PR & Communications won. PR & Communications is built on values.",
            None,
        ),
        ("Largest AI Study", "AI grows. AI helps. AI is a technology that is transforming how projects run.", None),
        (
            "Firearms Safety Tips",
            "Firearms need care. Store firearms. Firearms are tools that need care and training.",
            None,
        ),
    ],
)
def test_a_nameless_release_takes_the_organisation_its_closing_presents(
    headline: str, text: str, named: str | None
) -> None:
    assert closing_presented(headline, text) == named


def test_a_closing_presented_name_lends_no_listing() -> None:
    tail = (
        "Orvane grew where Acme Corp. (NASDAQ: ACMC) sells. Orvane bakes daily. "
        "Orvane is a snack maker based in Ohio since 1990."
    )
    parsed = wire("Snacks are popular this year, a survey of shoppers in the state shows.", "Orvane Snacks Shine", tail)
    assert (parsed.company, parsed.tickers) == ("Orvane", [])


@pytest.mark.parametrize(
    ("headline", "name", "company"),
    [
        (
            "Stone Flooring Trends: Style Meets Strength in 2025 with Acme Tiles Springfield",
            "Acme Tiles Springfield",
            True,
        ),
        ("A Greener Garden This Spring from Brightleaf Nursery Supply", "Brightleaf Nursery Supply", True),
    ],
)
def test_a_nameless_release_takes_the_name_its_headline_closes_with_when_the_story_keeps_it_as_subject(
    headline: str, name: str, company: bool
) -> None:
    parsed = wire(
        "The home renovation market is shifting towards durable, sustainable materials this year.",
        headline,
        f"In this market, {name} stands out as a leader. {name} excels in providing quality products. "
        f"Looking ahead, {name} remains at the forefront of design.",
    )
    assert parsed.company == name


@pytest.mark.parametrize(
    "tail",
    [
        # Printed three times but never the subject of a verb.
        "Visitors praised Acme Tiles Springfield. A visit to Acme Tiles Springfield is free. Call Acme Tiles Springfield.",
        # The subject twice, printed only twice.
        "Acme Tiles Springfield stands out as a leader. Acme Tiles Springfield excels in quality.",
    ],
)
def test_a_headlines_closing_name_the_story_does_not_keep_as_its_subject_issues_nothing(tail: str) -> None:
    parsed = wire(
        "The home renovation market is shifting towards durable, sustainable materials this year.",
        "Stone Flooring Trends: Style Meets Strength in 2025 with Acme Tiles Springfield",
        tail,
    )
    assert parsed.company is None


def test_a_headline_closing_with_a_works_author_names_no_issuer_by_that_rule() -> None:
    name = "Ada Quillon"
    assert (
        headline_closing_name(
            f"Ten Poems About Growing Up by {name}",
            "About the Book: the collection traces the years from school to work.",
            f"{name} is a poet. {name} writes daily. {name} lives in Maine. She reads widely.",
        )
        is None
    )
