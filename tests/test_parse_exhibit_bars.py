"""A bar in an exhibit's opening: a letterhead's or a table's row, a headline that sets a firm's name apart with it,
or a dateline whose lede prints a firm's name so (each case written for the rule, with made-up firms)."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from tests.test_parse_edgar import COVER, exhibit, submission

STORY = (
    "<P>The firm's lawyers have represented injured workers across the state for forty years, from six offices, and "
    "the award comes from the votes of readers in the city where the firm opened its first office.</P>"
    "<P>&#8220;We are grateful to every reader who voted,&#8221; said Jane Roe, managing partner of the firm.</P>"
)
LEDE = (
    "<P>SPRINGFIELD, Ill., March 4, 2021 /PRNewswire/ -- Northwind Law | Injury &amp; Workers Comp Lawyers has been "
    "named the best personal injury firm by the readers of the Springfield Daily Planet.</P>"
)


def parse(body: str):
    [release] = parse_bytes("filings/0000123456-21-000042.txt", submission(COVER, exhibit(body)).encode("utf-8"))
    return release


@pytest.mark.parametrize(
    "headline",
    [
        "Northwind Law | Injury &amp; Workers Comp Lawyers Voted Best Personal Injury Firm by Springfield Readers",
        "Northwind Law Group | Personal Injury Attorneys Named Best Law Firm of the Year by Daily Planet Readers",
    ],
)
def test_a_long_title_case_headline_with_a_bar_is_the_headline(headline):
    release = parse(f'<P ALIGN="center"><B>{headline}</B></P>' + LEDE + STORY)
    assert release.headline == headline.replace("&amp;", "&")
    assert (release.location, release.date) == ("Springfield, Ill.", "2021-03-04")


@pytest.mark.parametrize(
    "row",
    [
        "Northwind Law | 100 Main Street, Suite 4 | Springfield, IL 62701 | Tel: (217) 555-0100",
        "Revenue | $10.2 million | Up 12% From the Third Quarter of Last Year | Ahead of the Company's Own Outlook",
    ],
)
def test_a_letterhead_or_table_row_with_bars_is_not_the_headline(row):
    release = parse(f"<P>{row}</P><P><B>Northwind Law Named Best Injury Firm</B></P>" + LEDE + STORY)
    assert release.headline == "Northwind Law Named Best Injury Firm"


def test_a_dateline_whose_lede_prints_a_bar_opens_the_story_under_no_headline():
    release = parse(LEDE + STORY)
    assert (release.location, release.date) == ("Springfield, Ill.", "2021-03-04")
    assert not release.headline.startswith("The firm's lawyers")
