"""Issuer rules of issue 17's eleventh round, read from dev-8: a first-person article's "At X, we ..." opening names
the organisation it speaks for, and an About section run into its text that the section reader missed comes before
the headed ones when the headline opens with its name, and a run-in heading "About Dr. X of Y:" is Y's section.
Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.authorship import glued_abouts, with_glued_abouts
from indexer.parse.sections import About
from indexer.parse.subject import first_person_org


def article(headline: str, body: str) -> object:
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{body}\n".encode())
    return parsed


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Roofing is a craft. At Harlow Roofing Group, we inspect every shingle. Harlow Roofing Group serves Ohio.",
            "Harlow Roofing Group",
        ),
        ("At Bellweather Dental, our team greets every patient. Call Bellweather Dental today.", "Bellweather Dental"),
        # Printed once only: no evidence it is an organisation the article speaks for.
        ("Roofing is a craft. At Harlow Roofing Group, we inspect every shingle.", None),
        # A place, a person, a time: not an organisation.
        ("At New York, we saw growth. New York is a city.", None),
        ("At Maria Lopez, we ... Maria Lopez said she was glad.", None),
        # Not first person: a venue in a third-person sentence.
        ("At Harlow Roofing Group, the crews inspect every shingle. Harlow Roofing Group serves Ohio.", None),
    ],
)
def test_a_first_person_opening_names_the_organisation_it_speaks_for(text, expected):
    assert first_person_org(text) == expected


def test_a_first_person_article_with_no_other_issuer_is_the_speakers():
    body = (
        "Gutter cleaning transcends chores; it is a craft. At Pellham Gutter Works, we are committed to careful "
        "service across Vermont. Our crews clear every downspout.\n\n Why it matters\n\n Clogged gutters damage "
        "roofs, and Pellham Gutter Works has seen every kind of clog in twenty years of work.\n"
    )
    assert article("The Quiet Craft: Keeping the Rain Where It Belongs", body).company == "Pellham Gutter Works"


@pytest.mark.parametrize(
    "headline, first",
    [
        # The headline opens with the missed section's name: its section goes before the partner's headed one.
        ("Kettle Pet Goods and Groom Hub Celebrate 5,000 Adoptions", "Kettle Pet Goods"),
        ("The Kettle Pet Goods Team Celebrates 5,000 Adoptions", "Kettle Pet Goods"),
        # The headline opens with the headed section's name, or another word that merely starts alike: order kept.
        ("Groom Hub and Kettle Pet Goods Celebrate 5,000 Adoptions", "Groom Hub"),
        ("Kettle Pet Goodsmith Celebrates 5,000 Adoptions", "Groom Hub"),
        ("", "Groom Hub"),
    ],
)
def test_a_missed_about_section_of_the_headlines_subject_comes_first(headline, first):
    text = (
        "Kettle Pet Goods and Groom Hub found homes for 5,000 pets.\n\n About Kettle Pet Goods Your neighborhood "
        "Kettle Pet Goods has everything for pets.\n\n About Groom Hub\n\n Groom Hub washes dogs.\n"
    )
    abouts = with_glued_abouts([About("Groom Hub", "Groom Hub washes dogs.")], text, headline)
    assert [a.name for a in abouts][0] == first
    assert {a.name for a in abouts} == {"Kettle Pet Goods", "Groom Hub"}


def test_a_joint_release_with_the_first_named_partners_section_run_in_is_its():
    body = (
        "Committed to helping 20,000 pets find their forever homes in 2025, Kettle Pet Goods and Groom Hub are on their "
        "way to reaching that goal with 19,303 adoptions year-to-date. Kettle Pet Goods and Groom Hub continue to "
        "address the need.\n\n With 2.8 million dogs entering shelters, Kettle Pet Goods and Groom Hub are creating "
        "connections.\n\n About Kettle Pet Goods Your neighborhood Kettle Pet Goods has everything you need for pets, "
        "with 9,000 products. For more information visit www.kettlepetgoods.com.\n\n About Groom Hub\n\n Groom Hub is a "
        "chain of dog washes in Ohio. For more information, visit www.groomhub.com.\n"
    )
    assert article("Kettle Pet Goods and Groom Hub Celebrate 19,000 Adoptions", body).company == "Kettle Pet Goods"


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "Visit the site: https://www.ravelherbs.com/  About Dr. Lin of Ravel Herbal Clinic:  Dr. Lin trained in "
            "herbal medicine for thirty years.",
            ["Ravel Herbal Clinic"],
        ),
        # Not a titled person of an organisation: a work, a titled person alone.
        ('On sale now.  About the Book: Title: "Shifts" by a first-time author, out in May.', []),
        ("On sale now.  About Dr. Lin: Boston-based Dr. Lin Moreau is a coach and author.", []),
    ],
)
def test_a_heading_naming_a_titled_person_of_an_organisation_is_its_section(text, names):
    assert [a.name for a in glued_abouts(text)] == names


def test_a_release_whose_only_section_presents_a_doctor_of_a_clinic_is_the_clinics():
    body = (
        "SPRINGFIELD, IL, May 4, 2025 /24-7PressRelease/ -- The CDC recently released figures on infections. This "
        "news has attracted wide attention among patients.  For help, visit the official website: "
        "https://www.ravelherbs.com/  About Dr. Lin of Ravel Herbal Clinic:  Dr. Lin graduated from a college of "
        "herbal medicine and has run the clinic for thirty years, treating thousands of patients.\n"
    )
    assert article("New Hope for Patients: An Herbal Pill Explained", body).company == "Ravel Herbal Clinic"
