"""A release distributed by e-mail and saved as text: headers read, never the headline (indexer/parse/mail.py)."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.mail import mail_headers

STORY = (
    "SPRINGFIELD, Ill., March 4, 2025 /PRNewswire/ -- Acme Widget Corp. (NYSE: ACME) today reported record revenue "
    "of $1.2 billion for its third quarter, up 14 percent from a year ago.\n\n"
    "The company said demand from industrial customers grew in every region.\n"
)
TITLE = "Acme Widget Corp. Reports Record Third Quarter Results"


@pytest.mark.parametrize(
    "headers",
    [
        f"From: Acme Investor Relations <ir@acme.example>\nTo: list@acme.example\nSubject: {TITLE}\n"
        "Date: Tue, 4 Mar 2025 16:05:12 -0500\nReply-To: ir@acme.example\n",
        # forwarded from Outlook, the subject labelled
        f"From: Jane Doe\nSent: Tuesday, March 4, 2025 4:05 PM\nTo: John Roe\nSubject: FW: Press Release: {TITLE}\n",
        f"Subject: Fwd: [External] {TITLE}\nDate: 4 Mar 2025 21:05:12 +0000\n",
    ],
)
@pytest.mark.parametrize("banner", ["", "FOR IMMEDIATE RELEASE\n\n"])
def test_an_emailed_release_takes_its_subject_as_the_headline_when_none_is_printed(headers, banner):
    text = f"{headers}\n{banner}{STORY}"
    [release] = parse_bytes("alerts/acme.txt", text.encode())
    assert release.headline == TITLE
    assert release.date == "2025-03-04"
    assert (release.company, release.tickers, release.location) == (
        "Acme Widget Corp.",
        ["NYSE:ACME"],
        "Springfield, Ill.",
    )
    assert "Subject" not in release.body and "From:" not in release.body


def test_an_emailed_release_that_prints_its_headline_keeps_it_over_the_subject():
    headers = "From: ir@acme.example\nSubject: Acme news alert\nDate: Tue, 4 Mar 2025 16:05:12 -0500\n"
    [release] = parse_bytes("alerts/acme.txt", f"{headers}\n{TITLE}\n\n{STORY}".encode())
    assert release.headline == TITLE


def test_a_message_without_a_dateline_still_dates_itself_by_its_header():
    headers = f"From: ir@acme.example\nSubject: {TITLE}\nDate: Tue, 4 Mar 2025 16:05:12 -0500\n"
    body = "Acme Widget Corp. (NYSE: ACME) today reported record revenue for its third quarter.\n"
    [release] = parse_bytes("alerts/acme.txt", f"{headers}\n{TITLE}\n\n{body}".encode())
    assert (release.headline, release.date) == (TITLE, "2025-03-04")


@pytest.mark.parametrize(
    "text",
    [
        "Note: figures are unaudited\n\nAcme Opens Plant\n",  # one line with a colon: not a message
        "Subject: Acme Opens Plant\nAcme opened a plant.\n",  # no blank line after the headers
        "From: Acme\n\nAcme Opens Plant\n",  # a sender alone says nothing of what the message is
    ],
)
def test_text_that_only_looks_like_headers_is_not_a_message(text):
    assert mail_headers(text) == ({}, text)


@pytest.mark.parametrize("copy", [TITLE, TITLE.upper(), f"**{TITLE}**"])
def test_the_bodys_copy_of_the_subject_and_its_banners_are_not_the_story(copy):
    headers = f"From: ir@acme.example\nSubject: Press Release: {TITLE}\nDate: Tue, 4 Mar 2025 16:05:12 -0500\n"
    [release] = parse_bytes("alerts/acme.txt", f"{headers}\nFOR IMMEDIATE RELEASE\n\n{copy}\n\n{STORY}".encode())
    assert release.headline == TITLE
    assert release.lede.startswith("Acme Widget Corp. (NYSE: ACME) today reported")
    assert TITLE.lower() not in f"{release.lede}\n{release.body}".lower() and "IMMEDIATE" not in release.body


def test_a_subheadline_under_the_banner_stays_below_the_subject():
    headers = f"From: ir@acme.example\nSubject: {TITLE}\n"
    sub = "Demand Grew in Every Region"
    [release] = parse_bytes("alerts/acme.txt", f"{headers}\nFOR IMMEDIATE RELEASE\n\n{sub}\n\n{STORY}".encode())
    assert release.headline == TITLE and release.date == "2025-03-04"
