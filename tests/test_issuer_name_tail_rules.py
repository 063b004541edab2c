"""Issuer rules for what runs on after a name (issue 17's audits of unlabelled releases): a descriptor after a colon
(audit20's held-out half: "Keith Law Group: Rogers Injury & Accident Lawyer" is Keith Law Group when the text prints
that name alone) and a feature syndicate's credit after its client's (audit21's tuned half: "Source: Orchard Growers
Council Family Features"). Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.name_tails import descriptor_cut, syndicate_cut


def _press_services(slashed: str, body: str) -> str | None:
    """The company of a Press Services-style release whose dateline's slashes name its issuer."""
    text = (
        "# Attorney Honored for the Tenth Year\n\n"
        f" Springfield, United States - July 10, 2025 / {slashed} /\n\n {body}\n"
    )
    (parsed,) = parse_bytes("release.md", text.encode())
    return parsed.company


@pytest.mark.parametrize(
    "slashed, body, company",
    [
        (
            "Marlow Law Group: Springfield Injury & Accident Lawyer",
            "Attorney Dana Marlow, who established the Marlow Law Group, has been named to the list again.",
            "Marlow Law Group",
        ),
        (
            "Pinecrest Remodeling: Roofing and Exteriors",
            "Homeowner Dana Reyes, a client of Pinecrest Remodeling, praised the quality of its repairs.",
            "Pinecrest Remodeling",
        ),
    ],
)
def test_a_descriptor_after_a_colon_is_cut(slashed: str, body: str, company: str) -> None:
    assert _press_services(slashed, body) == company


@pytest.mark.parametrize(
    "company, text",
    [
        # The name is printed only with its descriptor.
        ("Marlow Law Group: Injury Lawyer", "Marlow Law Group: Injury Lawyer helps clients."),
        # No colon, or nothing capitalised after it.
        ("Marlow Law Group", "Marlow Law Group helps clients."),
        ("Marlow Law: a firm", "Marlow Law helps clients. Marlow Law: a firm."),
    ],
)
def test_a_name_without_a_separate_mention_keeps_its_colon(company: str, text: str) -> None:
    assert descriptor_cut(company, text) == company


@pytest.mark.parametrize(
    "source, company",
    [
        ("Orchard Growers Council Family Features", "Orchard Growers Council"),
        ("Lakeside Dairy StatePoint Media", "Lakeside Dairy"),
    ],
)
def test_a_syndicates_credit_is_cut(source: str, company: str) -> None:
    text = (
        "# Get Smart About Your Heart\n\n"
        "MISSION, KS \u2014 September 8, 2025 \u2014 (NOTICIAS NEWSWIRE) \u2014 A crucial component of well-being, heart "
        "health can be a barometer for living a long life.\n\nTry these recipes at home.\n\n"
        f"Source: {source}\n"
    )
    (parsed,) = parse_bytes("release.md", text.encode())
    assert parsed.company == company


@pytest.mark.parametrize("company", ["Family Features", "Orchard Growers Council", "Brandpoint Partners LLC"])
def test_no_syndicate_credit_to_cut(company: str) -> None:
    assert syndicate_cut(company) == company


@pytest.mark.parametrize(
    "after",
    ["'s annual report shows", " is a non-profit that", "\u2019s mission is", " has surveyed 300 groups"],
)
def test_a_two_part_name_the_text_gives_a_possessive_or_verb_keeps_its_colon(after: str) -> None:
    company = "The Beacon: Amplifying the Caregiver Voice"
    text = f"The Beacon spoke to 300 groups this year. {company}{after} more."
    assert descriptor_cut(company, text) == company
