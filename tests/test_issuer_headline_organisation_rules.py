"""Issuer rules for a release no reader named (issue 17's audit of unlabelled releases, audit21's tuned half): the
organisation its headline names that the text keeps naming ("... Joins the Lakeside Car & Toy Museum"), else the firm
its headline's person gives a surname to ("Dana Marsh On ..." with "Marsh Asset Management"). Small releases written
inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.headline_organisations import headline_organisation


@pytest.mark.parametrize(
    "headline, lede, tail, company",
    [
        # A title-case verb before the name is no part of it.
        (
            "Legendary 2011 IndyCar Joins Lakeside Car & Toy Museum Collection",
            "As the Lakeside Car & Toy Museum continues to welcome visitors, the collection only grows.",
            "The car is on display at the Lakeside Car & Toy Museum. Visit the Lakeside Car & Toy Museum soon.",
            "Lakeside Car & Toy Museum",
        ),
        (
            "Rare 1957 Coupe in Original Red Joins the Lakeside Car & Toy Museum",
            "As the Lakeside Car & Toy Museum continues to welcome visitors, the collection only grows.",
            "The coupe is on display at the Lakeside Car & Toy Museum. Visit the Lakeside Car & Toy Museum soon.",
            "Lakeside Car & Toy Museum",
        ),
    ],
)
def test_a_nameless_release_takes_its_headline_organisation(headline: str, lede: str, tail: str, company: str) -> None:
    parsed = wire(lede, headline, tail, tail_apart=True)
    assert (parsed.company, parsed.tickers) == (company, [])


@pytest.mark.parametrize(
    "headline, text",
    [
        # Printed twice only.
        ("Coupe Joins the Lakeside Car Museum", "the Lakeside Car Museum. the Lakeside Car Museum."),
        # Only the tail of a longer name the text prints.
        ("Coupe Shines at the Lakeside Car and Toy Museum", "Lakeside Car & Toy Museum. Car & Toy Museum. Toy Museum."),
        # Two words that are no person's name, a firm's name's tail.
        (
            "Health In Hand Launches New Tool",
            "Health In Hand launches a tool. The Health In Hand Foundation helps. Health In Hand Foundation grows.",
        ),
        # A body named only by generic words, of a place the headline names ("Haltom City Council").
        (
            "Harlow City Council Election: Meet the Candidates",
            "Vote in the City Council election in Harlow City. Candidates for City Council. The City Council meets.",
        ),
        # A namesake firm printed once.
        ("Dana Marsh On Why Ohio Wins", "Dana Marsh of Marsh Asset Management says Ohio wins."),
    ],
)
def test_no_headline_organisation(headline: str, text: str) -> None:
    assert headline_organisation(headline, text) is None


def test_a_headline_persons_namesake_firm() -> None:
    text = (
        "That is where Dana Marsh stands apart. As the Managing Director at Marsh Asset\nManagement, Marsh simplifies "
        "wealth. Marsh Asset Management is based in Ohio."
    )
    assert headline_organisation("Dana Marsh On Why Ohio Remains the Smartest Move", text) == "Marsh Asset Management"
