"""Issuer rule for a release no reader named whose lede opens with an organisation before its officer's title, as an
interview's does (issue 17's audit of unlabelled releases, audit20's held-out half: "Rakovina Therapeutics President
and Chief Science Officer Mads Daugaard ... joined Steve Darling from Proactive"). Small releases written inline,
parsed as `releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.officer_openers import officer_opener


@pytest.mark.parametrize(
    "lede, company",
    [
        (
            "Norvana Therapeutics President and Chief Science Officer Lena Ostby and Dr. Paul Reyes from the Coast "
            "Centre joined Sam Hill from Proactive to unveil a collaboration between Norvana and Dr. Reyes.",
            "Norvana Therapeutics",
        ),
        (
            "Brightwell Minerals Executive Chairman and Founder Tom Pryce and Dr. Ana Ruiz joined Sam Hill from "
            "Proactive to discuss the drilling results.",
            "Brightwell Minerals",
        ),
    ],
)
def test_an_officers_organisation_opens_the_interview(lede: str, company: str) -> None:
    first = company.split(" ")[0]
    tail = f"{first} can now screen faster. {first} aims to lead the field in precision medicine."
    parsed = wire(lede, "Accelerating Discovery: An Interview", tail, tail_apart=True)
    assert (parsed.company, parsed.tickers) == (company, [])


@pytest.mark.parametrize(
    "lede, text",
    [
        # The organisation's name printed once.
        (
            "Norvana Therapeutics CEO Lena Ostby joined Sam Hill.",
            "Norvana Therapeutics CEO Lena Ostby joined Sam Hill.",
        ),
        # No officer's title after the name.
        ("Norvana Therapeutics joined Sam Hill. Norvana grows.", "Norvana Therapeutics joined. Norvana. Norvana."),
    ],
)
def test_no_officer_opener(lede: str, text: str) -> None:
    assert officer_opener(lede, text) is None
