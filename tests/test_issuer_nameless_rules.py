"""Issuer rules for releases the reader left with no issuer (issue 17's nineteenth round, read from unlabelled
releases): an About heading run into its text whose name lists partners with commas, and a one-word heading closed
by a colon whose text opens with its name. Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.authorship import glued_abouts


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
