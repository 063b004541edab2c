"""A date's label ("Release Date:", "Publication Date:") is no dateline's place, and a date line under the headline
leaves the text whatever dates the release (the front matter of a repost, a feed item's date)."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.dateline import find_dateline

STORY = (
    "Contoso Utilities is scheduled to begin a system upgrade project in Springfield Borough on Wednesday, November "
    "12. The natural gas main replacement project is part of its commitment to safe and reliable service.\n\n"
    "The work is expected to be completed by mid-December and to affect a few streets near the library.\n"
)


@pytest.mark.parametrize("label", ["Release Date", "Publication Date", "Effective Date", "Release Time"])
def test_a_dates_label_is_no_place(label):
    found = find_dateline(f"{label}: November 11, 2025")
    assert found is None or found.place is None


@pytest.mark.parametrize("place", ["SPRINGFIELD, Ill.", "Palm Beach", "NEW YORK"])
def test_a_place_before_a_date_still_is(place):
    assert find_dateline(f"{place}, November 11, 2025 -- Contoso Utilities said").place


@pytest.mark.parametrize(
    "opening",
    [
        '---\ntitle: "Contoso Upgrades Start Tomorrow in Springfield Borough"\ndate: 2025-11-11\n---\n\n',
        '+++\ntitle = "Contoso Upgrades Start Tomorrow in Springfield Borough"\ndate = 2025-11-11\n+++\n\n',
        "# Contoso Upgrades Start Tomorrow in Springfield Borough\n\n",
    ],
)
@pytest.mark.parametrize("label", ["Release Date", "Published"])
def test_a_repost_reads_its_date_line_as_the_archive_file_does(opening, label):
    text = f"{opening}FOR IMMEDIATE RELEASE\n\n{label}: November 11, 2025\n\n{STORY}"
    [release] = parse_bytes("wire/upgrade.md", text.encode())
    assert (release.headline, release.date, release.location) == (
        "Contoso Upgrades Start Tomorrow in Springfield Borough",
        "2025-11-11",
        None,
    )
    assert label not in release.body
