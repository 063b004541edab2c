"""Issuer rule for a name read only up to a lower-case word inside it (issue 17's audit of unlabelled releases,
audit21's tuned half): "Braid it Up by Tasha" under a headline opening with it. Small releases written inline, parsed
as `releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.joined_names import headline_joined


@pytest.mark.parametrize(
    "headline, lede, tail, company",
    [
        (
            "Braid it Up by Tasha Now Accepting Appointments at the Suites in Plano",
            "Tasha Reed started braiding hair at the tender age of nine, and now she has her own shop. Reed operates "
            "Braid it Up by Tasha, which recently opened its doors in Plano.",
            "About Braid it Up by Tasha Located inside the Suites, Braid it Up by Tasha offers styling.",
            "Braid it Up by Tasha",
        ),
    ],
)
def test_a_name_joined_by_lower_case_words_is_read_whole(headline: str, lede: str, tail: str, company: str) -> None:
    parsed = wire(lede, headline, tail)
    assert (parsed.company, parsed.tickers) == (company, [])


@pytest.mark.parametrize(
    "company, headline, text",
    [
        # The whole name printed once only.
        ("Braid", "Braid it Up by Tasha Opens", "Braid it Up by Tasha opens. Braid styles."),
        # The short name printed alone more often than the whole.
        (
            "Braid",
            "Braid it Up by Tasha Opens",
            "Braid it Up by Tasha. Braid it Up by Tasha. Braid styles. Braid cuts. Braid dyes.",
        ),
        # One joining word: connected_name's, not this rule's.
        ("Styled", "Styled by Binky Opens", "Styled by Binky opens. Styled by Binky styles."),
    ],
)
def test_no_joined_name(company: str, headline: str, text: str) -> None:
    assert headline_joined(company, headline, text) == company
