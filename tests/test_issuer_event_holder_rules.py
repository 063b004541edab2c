"""Issuer rule for an event named as the issuer (issue 17's audit of unlabelled releases, audit21's tuned half): the
organisation the text says holds it issues the release ("the Cardiac Guild's Heart Sessions 2025"). Small releases
written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.event_owners import event_holder


@pytest.mark.parametrize(
    "lede, tail, company",
    [
        # A bullet "About <event>" before the holder's own About section.
        (
            "Adults who had groceries delivered lowered their blood pressure, a study found.",
            "* About Heart Sessions 2025\n\n* For more news at the Cardiac Guild of America's Heart Sessions 2025, "
            "follow us.\n\nAbout the Cardiac Guild of America\n\nThe Cardiac Guild of America is a force for longer "
            "lives. Contact the Cardiac Guild of America.",
            "Cardiac Guild of America",
        ),
    ],
)
def test_an_event_yields_to_its_holder(lede: str, tail: str, company: str) -> None:
    parsed = wire(lede, "Groceries Delivered Lowered Blood Pressure", tail, tail_apart=True)
    assert (parsed.company, parsed.tickers) == (company, [])


@pytest.mark.parametrize(
    "company, text, holder",
    [
        (
            "Bayview Risk Summit",
            "BRDA announces dates. BRDA's Bayview Risk Summit returns. BRDA hosts it.",
            "BRDA",
        ),
        (
            "Reef Cannabis Convention",
            "The Reef Cannabis Convention hosts the cup. Tri-State Cannabis Expos Reef Cannabis Convention ... "
            "Tri-State Cannabis Expos runs shows. Tri-State Cannabis Expos grows.",
            "Tri-State Cannabis Expos",
        ),
        # No event, or no holder printed three times, or the holder is a place.
        ("Bayview Roofing", "Acme Group's Bayview Roofing. Acme Group. Acme Group.", None),
        ("Heart Sessions 2025", "the Cardiac Guild's Heart Sessions 2025", None),
        ("Harbor Summit", "Bermuda's Harbor Summit. Bermuda. Bermuda.", None),
    ],
)
def test_event_holder(company: str, text: str, holder: str | None) -> None:
    assert event_holder(company, text) == holder
