"""A text exhibit's table rows against its prose: a release in one paragraph whose contact line prints pipes is a
release, not a data sheet; a table whose one long cell is a short footnote stays a table."""

from __future__ import annotations

import textwrap

import pytest

from indexer.model import ParseError
from indexer.parse import parse_bytes
from indexer.parse.exhibit import _table_row
from tests.test_parse_edgar import COVER, submission

STORY = (
    "{dateline} -- {company} (NASDAQ: {symbol}), a maker of {goods}, announced today that it will present at the "
    "Midwest Growth Conference on March 9, 2021 in Chicago. Its chief financial officer is scheduled to speak at "
    "10:30 a.m. Central Time. A live webcast will be available at the investor section of its website. A replay "
    "will be available online shortly after the end of the live presentation. About {company}{company} makes "
    "{goods} for customers in forty countries and employs 2,000 people. Learn more at example.com.{contact}"
)
CASES = [
    ("Widgetron Corp.", "WDG", "widgets", "CONTACTINVESTORSJane Doe | +1 217 555 0100 | jane.doe@example.com"),
    ("Gadgetco Inc.", "GDG", "gadgets", "Media contact: Sam Roe | Head of Communications | sam@example.net"),
    ("Sprocketworks Ltd.", "SPKT", "sprockets", "Contact: Lee Poe | (555) 555-0199"),
]


def text_exhibit(body: str, headline: str) -> str:
    wrapped = textwrap.fill(body, 72)
    return (
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99-1.txt\n<DESCRIPTION>PRESS RELEASE\n<TEXT>\n\n"
        f"{'EXHIBIT 99.1':>72}\n\n{headline:^72}\n\n{wrapped}\n\n{'1':^72}\n</TEXT>\n</DOCUMENT>\n"
    )


@pytest.mark.parametrize(("company", "symbol", "goods", "contact"), CASES)
def test_a_one_paragraph_text_release_with_a_piped_contact_line_is_read(company, symbol, goods, contact):
    headline = f"{company.split()[0]} to Present at the Midwest Growth Conference"
    body = STORY.format(
        dateline="SPRINGFIELD, Ill., March 4, 2021 (GLOBE NEWSWIRE)",
        company=company,
        symbol=symbol,
        goods=goods,
        contact=contact,
    )
    [release] = parse_bytes("f/0000123456-21-000042.txt", submission(COVER, text_exhibit(body, headline)).encode())
    assert release.headline == headline
    assert release.tickers == [f"NASDAQ:{symbol}"]
    assert release.date == "2021-03-04"


@pytest.mark.parametrize(
    "footnote",
    [
        "(1) Adjusted EBITDA excludes charges for restructuring and impairment, net of the tax effect on each of them.",
        "(a) Includes the results of the acquired business from its closing date. Prior periods are not restated.",
        "** | Figures come from a third party's audit of prescriptions. They are estimates from a sample. They may"
        " differ from actual sales. They are given for information only. See the notes above.",
        "* Constant currency growth is computed at last year's rates. It is not a measure under GAAP. See the "
        "reconciliation below.",
    ],
)
def test_a_table_with_a_footnote_of_a_few_sentences_stays_a_data_sheet(footnote):
    rows = "\n".join(f"Line item {i} | ${i},{i:03d} | ${i + 1},{i:03d}" for i in range(30))
    sheet = (
        "<DOCUMENT>\n<TYPE>EX-99.2\n<SEQUENCE>3\n<TEXT>\nWIDGETRON CORP\nCondensed Statements of Operations\n\n"
        f"{rows}\n{footnote} | 2021 | 2020\n</TEXT>\n</DOCUMENT>\n"
    )
    with pytest.raises(ParseError, match="data sheet"):
        parse_bytes("f/0000123456-21-000042.txt", submission(COVER, sheet).encode())


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("Net sales | $1,200 | $1,100", True),
        ("(1) Adjusted figures exclude one-time charges. They are not measures under GAAP. | 2021", True),
        (
            "(2) | Data is from an audit. It is an estimate. It may differ. It is for information. It is unaudited.",
            True,
        ),
        ("Acme was founded in 1990. It makes anvils. It sells them in ten states. It employs 90. | +1 555 0100", False),
        (
            "Acme builds its anvils for many customers all around the world today | Acme Corp is a maker of anvils, hammers and tongs in ten states",
            False,
        ),
    ],
)
def test_table_row_or_prose(line, row):
    assert _table_row(line) is row
