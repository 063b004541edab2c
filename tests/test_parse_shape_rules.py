"""Rules that read a release the same whatever shape it arrives in: a short right column of text from a PDF, and a
saved page's date line above the story (benchmarks/shape_consistency.py counts the differences between shapes)."""

from __future__ import annotations

import textwrap

import pytest

from indexer.parse import parse_bytes
from indexer.parse.pdftext import split_columns

STORY = (
    "SPRINGFIELD, Ill., March 4, 2021 /PRNewswire/ -- {name} (NYSE: {symbol}) today announced the opening of its "
    "third plant, which doubles the output of its gadget lines for customers in twelve countries. The plant employs "
    "three hundred people and runs on power from its own solar field, and it ships to every state in the country. "
    "Production starts in the spring and reaches full output by the end of the year, the company said."
)
TAIL = "About {name}: it makes gadgets for homes and offices in twelve countries and sells them online."


def _two_columns(left: str, right: str, width: int = 40, gutter: int = 4) -> str:
    """pdftotext -layout of a page in two columns whose right column is short: headline across, then the rows."""
    lefts, rights = textwrap.wrap(left, width), textwrap.wrap(right, width)
    rights += [""] * (len(lefts) - len(rights))
    rows = [f"{a:<{width + gutter}}{b}".rstrip() for a, b in zip(lefts, rights, strict=True)]
    return "\n".join(["Gadget Maker Opens Its Third Plant".center(84).rstrip(), "", *rows, "", "Page 1 of 1"])


@pytest.mark.parametrize(
    ("name", "symbol", "tail_words"),
    [
        ("Northwind Gadget Works Inc.", "NGW", 8),
        ("Contoso Precision Tools Corporation", "CPT", 14),
        ("Fabrikam Home Appliance Company", "FHA", 20),
    ],
)
def test_a_short_right_column_is_read_after_the_left_one(name, symbol, tail_words):
    right = " ".join(TAIL.format(name=name).split()[:tail_words])
    page = _two_columns(STORY.format(name=name, symbol=symbol), right)
    text, columns = split_columns(page)
    assert columns
    words = " ".join(text.split())
    assert " ".join(STORY.format(name=name, symbol=symbol).split()) in words
    assert words.index("end of the year") < words.index(right.split()[0] + " " + right.split()[1])
    [release] = parse_bytes("pdf/gadget.txt", page.encode())
    assert release.company == name and release.tickers == [f"NYSE:{symbol}"]
    assert release.lede.startswith(f"{name} (NYSE: {symbol}) today announced")


@pytest.mark.parametrize("alone", [1, 2])
def test_a_short_right_columns_first_lines_beside_a_blank_left_one_are_the_columns(alone):
    # The right column (a contact box) starts a line or two above the left one's first line beside it, where the
    # left column has a blank or the end of a short line: those lines are the right column's, read after the story.
    name, symbol = "Northwind Gadget Works Inc.", "NGW"
    lefts = textwrap.wrap(STORY.format(name=name, symbol=symbol), 40)
    rights = ["info@northwind.example", "www.northwind.example/contact", "Jane Roe, media relations"][: alone + 1]
    rows = [f"{'':<44}{right}" for right in rights[:alone]]
    rows += [
        f"{left:<44}{right}".rstrip() for left, right in zip(lefts, rights[alone:] + [""] * len(lefts), strict=False)
    ]
    page = "\n".join(["Gadget Maker Opens Its Third Plant".center(84).rstrip(), "", *rows, "", "Page 1 of 1"])
    text, columns = split_columns(page)
    words = " ".join(text.split())
    assert columns and " ".join(STORY.format(name=name, symbol=symbol).split()) in words
    assert words.index("end of the year") < words.index(rights[0])
    [release] = parse_bytes("pdf/gadget.txt", page.encode())
    assert release.company == name and release.tickers == [f"NYSE:{symbol}"]


@pytest.mark.parametrize(
    "lines",
    [
        # A narrow one-column story with a contact line set right at its top: the story's lines reach past it.
        ["Media contact: Jane Roe" + " " * 20 + "555-0100", *textwrap.wrap(STORY.format(name="Acme", symbol="AC"), 60)],
        # Prose with three spaces after a full stop inside its lines, wrapped at one width.
        textwrap.wrap("The plant ships gadgets.   Customers buy them all year. " * 12, 40),
        # A paragraph on one long line, its sentences parted by three spaces, over short lines.
        [
            "   ".join([STORY.format(name="Acme Inc.", symbol="ACM")] * 3),
            *textwrap.wrap(TAIL.format(name="Acme Inc.") * 3, 40),
        ],
        # A short table beside a column of prose as wide as the table's first column.
        [*(f"Gadget line {n}{' ' * 20}{n * 1234:>9,}" for n in range(1, 4)), *textwrap.wrap(TAIL * 4, 30)],
    ],
)
def test_one_column_with_a_gap_on_a_line_or_two_stays_one_column(lines):
    text = "\n".join(lines)
    assert split_columns(text) == (text, [])


def _saved_page(story: list[str], stamp: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in story)
    return (
        "<html><head><title>Contoso Trading Hosts a Webinar | Example Wire</title>"
        '<meta property="og:site_name" content="Example Wire"></head><body>'
        "<article><header><h1>Contoso Trading Hosts a Webinar on Options</h1>"
        f'<p class="release-meta"><time datetime="2025-06-25T08:00:00-04:00">{stamp}</time></p></header>'
        f"<section>{paragraphs}</section></article></body></html>"
    ).encode()


BODY = [
    "Join Contoso Trading for an online webinar at 11 a.m. ET on Thursday to learn how options work in a market "
    "that moves both ways, with two of its strategists.",
    "The webinar covers how options are priced, how they are settled and how traders size them.",
    "Contoso Trading's strategists will answer questions from the audience after the talk.",
]


@pytest.mark.parametrize("stamp", ["Jun 25, 2025, 08:00 ET", "June 25, 2025", "06/25/2025"])
@pytest.mark.parametrize(
    "dateline", ["", "DETROIT, Michigan - June 25, 2025 (NEWMEDIAWIRE) - "], ids=["no-dateline", "dateline"]
)
def test_a_saved_pages_date_line_is_no_subheadline_and_a_byline_stays_out_of_the_story(stamp, dateline):
    story = ["By Jane Roe, Fabrikam News", dateline + BODY[0], *BODY[1:]]
    [release] = parse_bytes("page/contoso.html", _saved_page(story, stamp))
    assert release.subheadline == "By Jane Roe, Fabrikam News"
    assert release.company == "Contoso Trading"
    assert stamp not in release.body


@pytest.mark.parametrize("by", ["by", "By"])
@pytest.mark.parametrize(
    ("name", "listing", "ticker"),
    [
        ("Contoso Trading, Inc.", "NASDAQ: CTRD", "NASDAQ:CTRD"),
        ("Northwind Gadget Works Corp.", "NYSE: NGW", "NYSE:NGW"),
    ],
)
def test_a_byline_in_either_case_is_not_the_lede(by, name, listing, ticker):
    story = [
        "Feature",  # a short line first: the subheadline, so that the byline is the story's first paragraph
        f"{by} Jane Roe, Fabrikam News",
        "!",  # what an image without alt text leaves of a Markdown export
        f"{name} ({listing}), a maker of trading tools, and Tailspin Partners announced a collaboration to sell each "
        "other's products in Europe and Asia.",
        *BODY[1:],
        "Fabrikam News is a financial media company that publishes news and analysis for traders.",
    ]
    page = (
        "<html><head><title>A Collaboration</title></head><body><article><h1>Contoso Expands Abroad</h1>"
        + "".join(f"<p>{p}</p>" for p in story)
        + "</article></body></html>"
    )
    [release] = parse_bytes("page/contoso.html", page.encode())
    assert release.company == name and release.tickers == [ticker]
