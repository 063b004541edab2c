"""Issuer rules of issue 17's eleventh round, read from dev-8: a first-person article's "At X, we ..." opening names
the organisation it speaks for. Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
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
