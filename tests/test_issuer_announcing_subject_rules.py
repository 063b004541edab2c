"""Issuer rule for a release no reader named whose opening presents its issuer as announcing (issue 17's audit of
unlabelled releases, audit20): a name cut at a lower-case word, one word the headline does not print, or a later
sentence's subject ("Paywell Inc. today announced ..."). Small releases written inline, parsed as `releases parse`
does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.announcing_subjects import announcing_subject


@pytest.mark.parametrize(
    "headline, lede, tail, company",
    [
        # A name joined by lower-case words, printed three times.
        (
            "New Gift Collections for Life's Milestones",
            "Table on the Lake, a company renowned for handcrafted boards, today announced new gift collections.",
            "Table on the Lake ships nationwide. Order from Table on the Lake online.",
            "Table on the Lake",
        ),
        # One word the headline does not print, called an organisation by its apposition.
        (
            "The Fastest Growing Entertainment Phenomenon Opens in Regina",
            "Bounce, the region's first trampoline facility and social media sensation, is thrilled to open in May.",
            "Bounce will offer free admission. Visit Bounce soon.",
            "Bounce",
        ),
        # Two words shaped like a person's name, called an organisation by the apposition.
        (
            "Among America's Fastest-Growing Software Companies",
            "Level Path, the category leader in digital mapping, announced today that it was named again.",
            "Level Path grew. Level Path hires.",
            "Level Path",
        ),
        # A later sentence's subject with a legal form, printed twice.
        (
            "Check Out the Company That Made Checks Instant",
            "In 2013 businesses wrote 19 billion checks. Paywell Inc. today announced the launch of Instant Pay.",
            "The service of Paywell Inc. is free for consumers.",
            "Paywell Inc.",
        ),
    ],
)
def test_a_nameless_release_takes_its_announcing_subject(headline: str, lede: str, tail: str, company: str) -> None:
    parsed = wire(lede, headline, tail, tail_apart=True)
    assert (parsed.company, parsed.tickers) == (company, [])


@pytest.mark.parametrize(
    "lede, text",
    [
        # A first name, or a person by their apposition.
        ("Brad introduces a new approach to healing.", "Brad introduces a new approach. Brad trains. Brad heals."),
        (
            "Brad, a veteran holistic physician, introduced the method.",
            "Brad, a veteran holistic physician, introduced the method. Brad trains. Brad heals.",
        ),
        (
            "Jane Roe, a bestselling author, announced a new book.",
            "Jane Roe, a bestselling author, announced a new book. Jane Roe reads. Jane Roe signs.",
        ),
        (
            "Janet DeRowe is proud to announce that the movie is just the beginning.",
            "Janet DeRowe is proud to announce that the movie is just the beginning, says Janet DeRowe. Janet DeRowe.",
        ),
        # Printed twice only, with no legal form.
        ("Table on the Lake today announced a line.", "Table on the Lake today announced a line. Table on the Lake."),
        # A place.
        ("Florida is thrilled to host the games.", "Florida is thrilled to host the games. Florida. Florida."),
        # No announcing verb.
        ("Table on the Lake sells boards.", "Table on the Lake sells boards. Table on the Lake. Table on the Lake."),
    ],
)
def test_no_announcing_subject(lede: str, text: str) -> None:
    assert announcing_subject(lede, text) is None
