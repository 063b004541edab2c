"""A release written in Word and saved as text (LibreOffice, textutil, Word's "Plain Text"): a paragraph a line with no
blank line between, its media contact block above the headline. The contact block ends after its last telephone,
e-mail or web address; the line after it is the headline, not another contact's name (indexer/parse/text.py)."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes

HEADLINE = "Widgetron Opens Its Largest Widget Plant"
LEDE = (
    "SPRINGFIELD, Ill., March 4, 2021 \u2013 Widgetron Corp. (NYSE: WDG) today opened its largest plant, doubling the "
    "output of its line for customers in twelve countries. The plant employs 400 people."
)
CONTACTS = {
    "phone and e-mail": ["Media Contact:", "Jordan Avery", "(555) 555-0100", "media@widgetron.example"],
    "two contacts": ["Media Contact:", "Jordan Avery", "(555) 555-0100", "Investor Contact:", "Sam Roe",
                     "sam.roe@widgetron.example"],
    "a title and a web address": ["Press Contact:", "Jordan Avery, Director of Communications", "www.widgetron.example"],
}  # fmt: skip


@pytest.mark.parametrize("contacts", CONTACTS.values(), ids=CONTACTS.keys())
@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_the_line_after_a_contact_blocks_last_detail_is_the_headline(contacts, newline):
    lines = ["NEWS RELEASE", *contacts, HEADLINE, LEDE, "The plant runs three shifts.", "###"]
    [release] = parse_bytes("release.txt", newline.join(lines).encode())
    assert release.headline == HEADLINE
    assert release.date == "2021-03-04" and release.tickers == ["NYSE:WDG"]
    assert release.location == "Springfield, Ill."


def test_a_contact_name_under_the_last_detail_stays_in_the_block():
    lines = ["Media Contact:", "Jordan Avery", "(555) 555-0100", "Sam Roe", "(555) 555-0101", HEADLINE, LEDE]
    [release] = parse_bytes("release.txt", "\n".join(lines).encode())
    assert release.headline == HEADLINE
