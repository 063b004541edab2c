"""A name spelled with a colon ("RE:NEW Tools", "FW:D Labs") is the release's, not a memo's field or a forwarded
mail's mark; and a date under the story's first sentence is an event's, not the date the release was printed."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.mail import mail_headers

BODY = (
    "The report details the company's progress in recycling and its plans for the coming years, which it said "
    "would double the tons it diverts from landfills.\n\n"
    "The company said its customers in every state asked for the report, and that it would print one each year.\n"
)


def _text_exhibit(name: str) -> str:
    """A plain-text EX-99.1 as EDGAR holds it: a right-set banner, the headline, then the story."""
    return (
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99-1.txt\n<DESCRIPTION>PRESS RELEASE\n<TEXT>\n\n"
        f"{'EXHIBIT 99.1':>72}\n\n"
        f"       {name}'s First Sustainability Report Shows 27,000 Tons of Waste Diverted\n\n"
        f"{name}, a {name.split(':')[0]} Solutions company and a leader in recycling, today announced\n"
        "the publication of its first sustainability report for the year.\n\n"
        f"{name} said the report was the first of many, one a year, for its customers and the public.\n\n"
        f"{BODY}\n</TEXT>\n</DOCUMENT>\n"
    )


@pytest.mark.parametrize("name", ["RE:NEW Tools", "Re:Form Labs", "CC:Works"])
def test_a_name_with_a_colon_does_not_make_an_exhibit_a_memo(name):
    [release] = parse_bytes("edgar/ex99-1.txt", _text_exhibit(name).encode())
    assert release.headline == f"{name}'s First Sustainability Report Shows 27,000 Tons of Waste Diverted"


@pytest.mark.parametrize("name", ["RE:NEW Tools", "Fw:D Labs", "AW:ARE Networks"])
def test_a_subject_opening_with_a_name_with_a_colon_keeps_it(name):
    title = f"{name} Publishes Its First Sustainability Report"
    headers, _ = mail_headers(f"From: news@example.com\nSubject: {title}\nDate: 4 Mar 2025 21:05:12 +0000\n\n{BODY}")
    text = f"From: news@example.com\nSubject: {title}\nDate: 4 Mar 2025 21:05:12 +0000\n\n{name} today said.\n\n{BODY}"
    assert headers["subject"] == title
    [release] = parse_bytes("alerts/report.txt", text.encode())
    assert release.headline == title


@pytest.mark.parametrize("prefix", ["RE: ", "Re:FW: ", "Fwd: [External] ", "RE:Fwd: "])
def test_a_replys_marks_still_go(prefix):
    title = "Contoso Tools Publishes Its First Sustainability Report"
    text = f"From: news@example.com\nSubject: {prefix}{title}\n\nContoso Tools today said.\n\n{BODY}"
    [release] = parse_bytes("alerts/report.txt", text.encode())
    assert release.headline == title


@pytest.mark.parametrize(
    "event",
    ["Wednesday, December 4, 2019 at 8:45am Eastern Time", "December 4, 2019", "Thursday, March 5, 2020"],
)
def test_a_date_under_the_storys_first_sentence_is_an_events(event):
    # a release printed with no date (its dateline names none), listing its events' dates on lines of their own
    text = (
        "Contoso Tools to Webcast Upcoming Investor Conference Presentations\n\n"
        "SPRINGFIELD--(BUSINESS WIRE)--\n\n"
        "Contoso Tools, Inc. (NASDAQ: CTSO) today announced that its executives will be speaking at the following "
        "investor conferences.\n\n"
        "Springfield Healthcare Conference in Boston, MA\n\n"
        f"{event}\n\n{BODY}"
    )
    [release] = parse_bytes("pdf/webcast.txt", text.encode())
    assert release.date is None


@pytest.mark.parametrize("printed", ["March 4, 2020", "FOR IMMEDIATE RELEASE: March 4, 2020"])
def test_a_date_on_its_own_line_above_the_story_still_dates_it(printed):
    text = (
        "Contoso Tools to Webcast Upcoming Investor Conference Presentations\n\n"
        f"{printed}\n\n"
        "Contoso Tools, Inc. (NASDAQ: CTSO) today announced that its executives will be speaking at the following "
        f"investor conferences.\n\n{BODY}"
    )
    [release] = parse_bytes("pdf/webcast.txt", text.encode())
    assert release.date == "2020-03-04"
