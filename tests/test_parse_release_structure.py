"""Rules over a release's structure (issue 18, fifth round), each on examples written for it: the wire's own address
dates a release that prints no date, a capital 'A' that names something ends a headline, and a listing told as
'listed on <exchanges> ...; ticker: SYMBOL'. Companies, people and symbols are made up."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.banners import continues_headline, ends_open
from indexer.parse.dates import date_from_permalink
from indexer.parse.pdftext import split_columns
from indexer.parse.tickers import listing_groups

WIRE_DATELINE = "Gadget Maker Opens Its Third Plant\n\nSPRINGFIELD, Ill.--(BUSINESS WIRE)--Gadgetco Inc. (NYSE: GDG) opened a plant.\n\n"
PADDING = "".join(f"The plant ships {n} gadgets a day to customers in {n + 2} states.\n\n" for n in range(3))


# ---- A Business Wire release that prints no date: the wire's address for it spells the day ----------------------


@pytest.mark.parametrize(
    "line",
    [
        "This press release features multimedia. View the full release here: "
        "https://www.businesswire.com/news/home/20210304005123/en/",
        "View source version on businesswire.com: https://www.businesswire.com/news/home/20210304005123/en/",
        "View source version on businesswire.com:\nhttps://www.businesswire.com/news/home/20210304005123/en/",
    ],
)
def test_a_release_without_a_printed_date_takes_the_day_of_its_wire_address(line):
    [release] = parse_bytes("pdf/gadgetco-plant.txt", (WIRE_DATELINE + PADDING + line + "\n").encode())
    assert release.date == "2021-03-04"


def test_a_printed_date_wins_over_the_wire_address():
    text = WIRE_DATELINE.replace("(BUSINESS WIRE)--", "(BUSINESS WIRE)--March 5, 2021--") + PADDING
    text += "View the full release here: https://www.businesswire.com/news/home/20210304005123/en/\n"
    [release] = parse_bytes("pdf/gadgetco-plant.txt", text.encode())
    assert release.date == "2021-03-05"


@pytest.mark.parametrize(
    "text",
    [
        # An older release the story cites is not this one's address.
        "Read our 2013 release at https://www.businesswire.com/news/home/20131216006048/en/",
        "View the full release here: https://www.example.com/news/home/20210304005123/en/",
        "View the full release here: https://www.businesswire.com/news/home/20211304005123/en/",  # no 13th month
    ],
)
def test_no_day_from_an_address_that_is_not_the_releases_own(text):
    assert date_from_permalink(text) is None


# ---- A capital A that names something ends a headline -----------------------------------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "Gadgetco Gene Therapy Keeps Bleeds Down for Three Years in Hemophilia A",
        "Gadgetco Raises $25 Million in Series A",
        "Gadgetco Lists Its Class A",
    ],
)
def test_a_capital_a_after_a_noun_is_a_designation_and_the_headline_may_end(headline):
    assert not ends_open(headline)
    sub = "Single Dose Cut Bleeds by 96% in the Third Year"
    assert not continues_headline(headline, sub, None, gap=1)
    opening = f"{headline}\n\n{sub}\n\nNEW YORK, Feb. 7, 2025 -- Gadgetco Inc. (NYSE: GDG) today announced results.\n\n"
    [release] = parse_bytes("release.txt", (opening + PADDING).encode())
    assert release.headline == headline


@pytest.mark.parametrize(
    "headline", ["Gadgetco Launches A", "Gadgetco Turns Into A", "GADGETCO NAMES A", "Gadgetco Names a"]
)
def test_an_article_after_a_verb_or_a_joining_word_still_wants_its_noun(headline):
    assert ends_open(headline)


# ---- A listing told as 'listed on <exchanges> ...; ticker: SYMBOL' -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "tickers"),
    [
        (
            "Gadget Holding AG is listed on the Open Market (Scale segment) of the Frankfurt Stock Exchange and "
            "m:access of the Munich Stock Exchange; ISIN: DE000A0AAAA1; Stock ticker: GH7.",
            ["FSE:GH7", "MUNICH:GH7"],
        ),
        (
            "Gadget Holding AG is listed on the regulated market of the Frankfurt Stock Exchange (Prime Standard; "
            "ticker symbol: GDH).",
            ["FSE:GDH"],
        ),
        ("Gadget Holding AG is traded on the Toronto Stock Exchange, trading symbol: GDH.", ["TSX:GDH"]),
    ],
)
def test_a_listing_told_with_a_labelled_symbol_lists_it_on_each_exchange_named(sentence, tickers):
    [group] = listing_groups(sentence)
    assert group.tickers == tickers
    text = (
        "Gadget Holding Opens Its Third Plant\n\nMUNICH, Germany, March 4, 2021 -- Gadget Holding AG opened a plant.\n\n"
        + PADDING
        + f"About Gadget Holding AG\n\nGadget Holding AG makes gadgets. {sentence} www.gadget.example\n"
    )
    [release] = parse_bytes("release.txt", text.encode())
    assert release.tickers == tickers


@pytest.mark.parametrize(
    "text",
    [
        # The symbol belongs to another sentence than the listing.
        "Gadget Holding AG is listed on the Frankfurt Stock Exchange. Our new product's ticker: GHX shows prices.",
        # No exchange is named between the verb and the symbol.
        "Gadget Holding AG is listed in several indices; ticker: GDH.",
    ],
)
def test_a_labelled_symbol_without_its_exchange_in_the_sentence_lists_nothing(text):
    assert listing_groups(text) == []


# ---- Text from a PDF set in two columns, which pdftotext -layout runs together -----------------------------------

LEFT = (
    "SPRINGFIELD, Ill., March 4, 2021 /PRNewswire/ -- Gadgetco Inc. (NYSE: GDG) today announced the opening of "
    "its third plant, which doubles the output of its gadget lines for customers in twelve countries. "
    + "The plant employs three hundred people and runs on power from its own solar field. "
    * 3
)
RIGHT = "The company said the new plant lowers the cost of each gadget by a third for its customers. " * 4


def _columns(left: str, right: str, drift: int = 0) -> list[str]:
    """Two columns of 38 characters side by side, the right one starting at column 42 (give or take drift)."""
    import textwrap

    lines_left, lines_right = textwrap.wrap(left, 38), textwrap.wrap(right, 38)
    lines_right += [""] * (len(lines_left) - len(lines_right))
    return [
        f"{a:<{42 + (drift if n % 2 else 0)}}{b}".rstrip()
        for n, (a, b) in enumerate(zip(lines_left, lines_right, strict=True))
    ]


@pytest.mark.parametrize("drift", [0, 2, -2])
def test_two_columns_run_together_read_a_column_at_a_time(drift):
    head = ["        Gadgetco Opens Its Third Plant and Doubles the Output of Its Gadget Lines", ""]
    page = "\n".join(head + _columns(LEFT, RIGHT, drift) + ["", "Page 1 of 1"])
    text, columns = split_columns(page)
    assert columns
    words = " ".join(text.split())
    assert " ".join(LEFT.split()) in words and " ".join(RIGHT.split()) in words
    assert words.index("solar field") < words.index("The company said") < words.index("Page 1 of 1")
    [release] = parse_bytes("pdf/gadgetco.txt", page.encode())
    assert release.headline == head[0].strip()
    assert (release.date, release.location.casefold(), release.wire) == (
        "2021-03-04",
        "springfield, ill.",
        "PR Newswire",
    )
    assert release.tickers == ["NYSE:GDG"] and release.lede.startswith("Gadgetco Inc. (NYSE: GDG) today announced")


def test_a_sidebar_of_contacts_beside_the_story_comes_after_it():
    sidebar = ["Media Contact:", "Jane Doe", "Gadgetco Inc.", "jane@gadgetco.example", "", "Investor Relations:"]
    lines = _columns(LEFT, "")
    lines = [f"{line:<42}{side}".rstrip() for line, side in zip(lines, sidebar * 3, strict=False)]
    text, columns = split_columns("\n".join(lines))
    assert columns and " ".join(LEFT.split()) in " ".join(text.split())


def test_a_short_release_with_a_short_sidebar_of_contacts_is_read_a_column_at_a_time():
    # One page, the story beside a contact block of five lines (a wire's "Contact Details" box), the box's first
    # line beside the blank line under the story's opening line.
    sidebar = ["", "Contact Details Gadgetco", "Jane Doe", "+1 555 555 0100", "jane@gadgetco.example", "View source"]
    lines = _columns(LEFT, "")
    lines = [f"{line:<42}{side}".rstrip() for line, side in zip(lines, sidebar + [""] * len(lines), strict=False)]
    page = "\n".join(["Gadgetco Opens Its Third Plant".center(84).rstrip(), "", "--News Direct--", *lines])
    text, columns = split_columns(page)
    assert columns and " ".join(LEFT.split()) in " ".join(text.split())
    [release] = parse_bytes("pdf/gadgetco.txt", page.encode())
    assert release.tickers == ["NYSE:GDG"] and release.company == "Gadgetco Inc."


@pytest.mark.parametrize(
    "rows",
    [
        # A financial table: labels beside figures.
        [f"Revenue from gadget line {n}              {n * 1234:>9,}      {n * 999:>9,}" for n in range(1, 15)],
        # Prose with two spaces after its full stops: no gutter.
        [
            f"The plant ships {n} gadgets a day.  Customers in {n} states buy them.  It runs all year."
            for n in range(15)
        ],
    ],
)
def test_a_table_or_plain_prose_is_not_read_as_columns(rows):
    text = "\n".join(rows)
    assert split_columns(text) == (text, [])


def test_a_paragraph_after_a_headline_that_ends_in_a_verb_is_the_lede_not_its_rest():
    headline = "Gadgetco and Widgetron Unveil Their Smart Gadget-Heater Launch"
    lede = [
        "Gadgetco Holdings (NYSE: GDGH) a smart",
        "home innovator, announced a global sales",
        "deal with Widgetron.",
    ]
    [release] = parse_bytes("release.txt", "\n".join([headline, "", *lede, "", PADDING]).encode())
    assert release.headline == headline
