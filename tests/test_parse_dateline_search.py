"""Where a release's dateline stands among its opening paragraphs: under a wire's banner, below long labelled blocks,
and never in a list's items."""

from __future__ import annotations

import json

import pytest

from indexer.parse import parse_bytes

STORY = (
    "\n\nThe company makes widgets for customers in twelve countries and ships them every day of the week.\n\n"
    "More text follows about the widgets and their many uses in industry, told at some length for the reader.\n"
)


@pytest.mark.parametrize(
    ("banner", "dateline", "place", "wire", "day"),
    [
        (
            "--News Direct--",
            "NEW YORK, NY / NewsDirect / April 22nd, 2024 /",
            "New York, NY",
            "News Direct",
            "2024-04-22",
        ),
        ("--News Direct--", "Sydney, April 21, 2024 - (ZetaNewsWire) -", "Sydney", "ZetaNewsWire", "2024-04-21"),
        ("--News Direct--", "DENVER, CO, April 21, 2024 --", "Denver, CO", "News Direct", "2024-04-21"),
        # a publisher's name before the wire that carried the release: the wire
        (
            "--News Direct--",
            "Dubai, UAE, May 7th, 2024 - (Acme Media via ZetaNewsWire)",
            "Dubai, UAE",
            "ZetaNewsWire",
            "2024-05-07",
        ),
        ("--News Direct--", "", None, "News Direct", "2024-04-22"),  # the banner alone: the folder's day
    ],
)
def test_a_wire_banner_stands_over_the_dateline_below_it(banner, dateline, place, wire, day):
    text = f"# Acme Widgets Unveils a New Line\n\n{banner}\n\n{dateline} Acme Widgets, a maker of widgets, today unveiled a line."
    [release] = parse_bytes("archive/newsdirect/2024/0422/acme.md", (text + STORY).encode())
    assert (release.location, release.wire, release.date) == (place, wire, day)
    assert release.company == "Acme Widgets"


LABELLED = (
    "What's the news: This winter, Acme is rallying customers, employees and fans to donate meals to families in "
    "need through a partnership with a food bank, and it will match every meal its customers give. " * 3
)


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("    DENVER, Colo.--(BUSINESS WIRE)--", "Denver, Colo."),
        ("DENVER, Colo., Nov. 26, 2019 /PRNewswire/ --", "Denver, Colo."),
        ("DENVER, Nov. 26, 2019 (GLOBE NEWSWIRE) --", "Denver"),
        ("DENVER, Colo. --", None),  # a place alone below the story's start is not its dateline
    ],
)
def test_a_wires_dateline_below_long_labelled_blocks_is_found(dateline, place):
    content = f"\nAcme activates a giving campaign\n\n{LABELLED}\n\nWho it's for: Anyone.\n{dateline}\nThis winter, Acme Corp. is serving up ways to give meals."
    raw = {"title": "Acme to Donate Meals This Winter", "subtitle": "", "date": "Nov 26, 2019 9:00AM EST"}
    [release] = parse_bytes("nasdaq100-2019/ACME_001.json", json.dumps({**raw, "content": content + STORY}).encode())
    assert release.location == place and release.date == "2019-11-26"


def test_a_networks_footer_below_the_story_is_no_dateline():
    text = (
        "# Acme Mining Is One to Watch\n\n"
        + "Acme Mining (CSE: ACM), a junior explorer, is positioned for growth as gold prices rise. " * 6
        + "\n\nRead More>>\n\nIBN (InvestorBrandNetwork)Los Angeles, Californiawww.InvestorBrandNetwork.com\n"
    )
    [release] = parse_bytes("archive/ibn/2024/1206/acme.md", text.encode())
    assert release.location is None and release.company == "Acme Mining"


@pytest.mark.parametrize("intro", ["These include:", "The company will show three products at the expo:"])
def test_a_lists_items_under_a_colon_are_no_datelines(intro):
    text = (
        "# Acme to Show Its Receivers at the Expo\n\nAcme Widgets, a maker of receivers, will show its latest "
        f"receivers at the Expo in Las Vegas. {intro}\n\nZRT – The Data Terminal – A multi-tuner solution that "
        "delivers updates.\n\nZTI – The TV Receiver – A gateway for content providers." + STORY
    )
    [release] = parse_bytes("archive/newsdirect/2025/0319/acme.md", text.encode())
    assert release.location is None and release.company == "Acme Widgets"


def test_a_shouted_dateline_after_a_notice_ending_in_a_colon_is_still_one():
    text = (
        "# Coalition Backs the Widget Act\n\nFOR IMMEDIATE RELEASE:\n\nWASHINGTON – The coalition today backed the act."
    )
    [release] = parse_bytes("archive/feed/2025/0319/act.md", (text + STORY).encode())
    assert release.location == "Washington"
