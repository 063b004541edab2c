"""A release reposted on a news portal and saved as Markdown or text: the portal's menus and breadcrumb above it are
no headline, its "Published" line dates it, and its "Related news" list below lends no names or listings."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.portal import navigation, page_line, strip_related

HEADLINE = "Widgetron Opens Its Largest Widget Line"
STORY = (
    "Widgetron Corp. (NYSE: WDG) today announced the opening of its largest production line.\n\n"
    "The line doubles output at the Springfield plant and lowers the cost of each widget by a third.\n"
)
MENUS = {
    "menu of links": "[Skip to content](#main)\n\n* [Home](/)\n* [Markets](/markets)\n* [Press Releases](/pr)\n\n",
    "breadcrumb": "Home > Press Releases > Business\n\n",
    "menu on one line": "[Home](/) | [News](/news) | [Business](/business) | [Contact](/contact)\n\n",
    "a long menu": "".join(f"* [Section {n}](/s/{n})\n" for n in range(30)) + "\nNews » Business » Industry\n\n",
    "controls saved as text": "Skip to main content\nToggle navigation\nSearch\nSign In | Subscribe\n\n",
}
RELATED = (
    "Share: [Facebook](#) [X](#) [LinkedIn](#)\n\n## Related news\n\n"
    "* [Gadgetco (NASDAQ: GDGT) Reports Record Revenue](/pr/1)\n"
    "* [Sprocket Industries Names New Chief Executive](/pr/2)\n\n"
    "(c) 2026 Portal Media. All rights reserved. | [Privacy](/privacy)\n"
)


def parse(text: str, name: str = "reposts/widgetron.md"):
    [release] = parse_bytes(name, text.encode("utf-8"))
    return release


@pytest.mark.parametrize("menu", sorted(MENUS))
@pytest.mark.parametrize("heading", ["# ", ""])
def test_a_portals_navigation_above_the_headline_is_skipped(menu, heading):
    text = MENUS[menu] + f"{heading}{HEADLINE}\n\nSPRINGFIELD, Ill., March 4, 2021 /PRNewswire/ -- " + STORY
    release = parse(text, "reposts/widgetron.md" if heading else "reposts/widgetron.txt")
    assert release.headline == HEADLINE
    assert (release.date, release.location.casefold(), release.wire) == (
        "2021-03-04",
        "springfield, ill.",
        "PR Newswire",
    )


def test_related_news_below_the_release_lends_it_no_company_or_listing():
    text = f"# {HEADLINE}\n\nSPRINGFIELD, Ill., March 4, 2021 -- Widgetron opened a line today.\n\n" + RELATED
    release = parse(text)
    assert release.tickers == [] and "Gadgetco" not in release.text and "Share:" not in release.text
    assert release.text.rstrip().endswith("opened a line today.")


def test_related_stories_saved_as_plain_text_are_dropped_too():
    tail = (
        "\nShare this article\n\nRelated News\n\nGadgetco (NASDAQ: GDGT) Reports Record Revenue\n"
        "Sprocket Industries Names New Chief Executive\n\nBack to top\n"
    )
    release = parse(
        f"{HEADLINE}\n\nSPRINGFIELD, Ill., March 4, 2021 -- Widgetron opened a line today.\n" + tail, "a.txt"
    )
    assert release.tickers == [] and release.text.rstrip().endswith("opened a line today.")


def test_a_related_heading_over_prose_is_a_section_of_the_release():
    text = f"{HEADLINE}\n\nBody.\n\n## Related news\n\nWidgetron also said that its second plant will open in May.\n"
    assert strip_related(text) == text


def test_the_published_line_dates_a_release_that_prints_no_date():
    text = f"# {HEADLINE}\n\nPublished March 4, 2021 | Press Releases\n\nWidgetron Corp. today opened a line.\n"
    release = parse(text)
    assert release.date == "2021-03-04"
    assert "Published" not in release.text


@pytest.mark.parametrize(
    ("above", "below", "wire"),
    [
        ("Home > News > Business\n\nPublished: March 4, 2021\n\n", "", None),
        ("", "By Business Wire | March 4, 2021\n\n", "Business Wire"),
        ("", "Source: GlobeNewswire\n\nMarch 4, 2021\n\n", "GlobeNewswire"),
        ("", "Updated March 9, 2021 | Published March 4, 2021\n\n", None),
    ],
)
@pytest.mark.parametrize("name", ["page.md", "page.txt"])
def test_a_portals_lines_about_the_release_give_its_date_and_wire(above, below, wire, name):
    text = f"{above}# {HEADLINE}\n\n{below}" + STORY
    release = parse(text, f"reposts/{name}")
    assert (release.headline, release.date, release.wire) == (HEADLINE, "2021-03-04", wire)
    assert release.text.startswith("Widgetron Corp. (NYSE: WDG) today announced")


def test_a_datelines_date_wins_over_the_portals_published_line():
    text = f"# {HEADLINE}\n\nPublished March 6, 2021\n\nSPRINGFIELD, Ill., March 4, 2021 /PRNewswire/ -- " + STORY
    assert parse(text).date == "2021-03-04"


@pytest.mark.parametrize(
    ("line", "day", "wire"),
    [
        ("Published March 4, 2021 | Press Releases", "2021-03-04", None),
        ("Posted on: 2021-03-04", "2021-03-04", None),
        ("By Business Wire | March 4, 2021", "2021-03-04", "Business Wire"),
        ("Updated March 9, 2021 | Published March 4, 2021", "2021-03-04", None),
        ("Source: GlobeNewswire", None, "GlobeNewswire"),
    ],
)
def test_page_line(line, day, wire):
    when, named = page_line(line)
    assert (when.date().isoformat() if when else None, named) == (day, wire)


@pytest.mark.parametrize(
    "line",
    [
        "Published by Widgetron Corp. | Press Releases",
        "Published research shows widgets last longer",
        "By Jane Doe, Benzinga",
        "Press Releases",
        "Widgetron Opens Plant",
    ],
)
def test_not_a_page_line(line):
    assert page_line(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("* [Home](/)", True),
        ("[Skip to content](#main)", True),
        ("Home > Press Releases > Business", True),
        ("Share: [Facebook](#) [X](#)", True),
        ("Widgetron Corp. (NYSE: WDG) today announced a line, see [the site](https://widgetron.example).", False),
        ("Revenue > $1 billion > forecast", False),
        ("* Output doubles at the plant", False),
        ("Skip to main content", True),
        ("Sign In | Subscribe", True),
        ("Search for the best widget", False),
    ],
)
def test_navigation(line, expected):
    assert navigation(line) is expected
