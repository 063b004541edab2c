"""PDF text whose later pages repeat the headline whole as their running header: the first page's copy is the headline."""

from __future__ import annotations

import pytest
from test_parse_opening_rules import PDF_STORY, _pdf_pages

from indexer.parse import parse_bytes


@pytest.mark.parametrize(
    ("headline", "below"),
    [
        ("Acme 5G: It's On!", "The First Nationwide Widget Network Is Here"),  # a short subheadline under it
        ("Why Widgets Now?", "A Plant for Ohio"),
        ("Acme Opens Plant", "![](https://cdn.example.com/images/acme-logo.png)"),  # an image's line, then the story
        ("Halving of Acme Storage Rewards", "https://www.example.com/acme"),
    ],
)
def test_a_short_headline_repeated_as_the_running_header_stays_over_a_subheadline_or_an_image(headline, below):
    text = _pdf_pages(headline, [below, *PDF_STORY], page_lines=8)
    assert text.count(headline) >= 3  # the pages' running header is the whole headline
    [release] = parse_bytes("release.txt", text.encode("utf-8"))
    assert release.headline == headline
    assert release.location == "New York" and release.tickers == ["NYSE:ACME"]


@pytest.mark.parametrize("name", ["ACME CORPORATION", "Acme Widget Company"])
def test_a_letterhead_name_atop_every_page_is_not_the_headline(name):
    pages = _pdf_pages("Acme Opens Its Largest Plant", PDF_STORY, page_lines=8).split("\f")
    text = "\f".join(f"{name}\n\n{page.lstrip()}" if i == 0 else f"{name}\n{page}" for i, page in enumerate(pages))
    [release] = parse_bytes("release.txt", text.encode("utf-8"))
    assert release.headline == "Acme Opens Its Largest Plant"
    assert name not in release.body
