"""A PDF text's headline broken at the page width with its last word or a date alone on the next line: that line is the
headline's rest; a line set apart under a headline (a printed date, a banner word) is not."""

from __future__ import annotations

import textwrap

import pytest

from indexer.parse import parse_bytes

STORY = (
    "{dateline} Acme Widget Holdings, Inc. (NYSE: ACME) today announced a plant that doubles output at its main "
    "site in the Hudson Valley, where it employs four hundred people, and lowers the cost of each unit by a third "
    "for its customers in twelve countries.\n\n"
    "The company said the plant opens in May and that drilling of the second site resumes in the spring once the "
    "permits are in hand, with two shifts on weekdays and one on Saturdays."
)


def _pdf_text(first: str, second: str, dateline: str = "NEW YORK, Feb. 7, 2025 --") -> str:
    """A PDF-text release wrapped at 84 columns: a headline's two lines as given, then the story."""
    body = "\n\n".join("\n".join(textwrap.wrap(p, 84)) for p in STORY.format(dateline=dateline).split("\n\n"))
    return f"{first}\n{second}\n\n{body}\n"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the last word would not fit on the line above (a word that heads a contact block when alone)
        ("Acme Widget Holdings completes its second close, topping $50M in assets and more than", "investors"),
        ("Acme Widget Holdings completes its second close, topping $50M in assets and more than 100", "investors"),
        # a date the headline's last words call for
        ("Acme Widget Holdings Trust Files Its Annual Report on Form 10-K for the Period Ended", "December 31, 2024"),
        ("Acme Widget Holdings Opens Its Doors to Visitors of the Hudson Valley Grid Plant on", "June 7, 2025"),
    ],
)
def test_a_pdf_headlines_last_word_or_date_alone_on_its_line_is_its_rest(first, second):
    assert len(first) + 1 + len(second.split()[0]) > 84  # broken at the width
    [release] = parse_bytes("release.txt", _pdf_text(first, second).encode())
    assert release.headline == f"{first} {second}"
    assert (release.location, release.date) == ("New York", "2025-02-07")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a date printed under the headline, which ends as a headline may
        ("Acme Widget Holdings Opens Its Largest Plant and Doubles Output for Twelve Countries", "March 3, 2025"),
        # a short headline: the word would have fitted beside it, so it was set on a line of its own
        ("Acme Widget Holdings Opens Its Largest Plant", "investors"),
        # a shouted word under a headline that is not shouted: a contact block's label
        ("Acme Widget Holdings completes its second close, topping $50M in assets and more than 100", "INVESTORS"),
        # a headline that ends a sentence
        ("Acme Widget Holdings completes its second close and tops $50M in assets, as it planned.", "investors"),
    ],
)
def test_a_line_set_apart_under_a_pdf_headline_is_not_its_rest(first, second):
    [release] = parse_bytes("release.txt", _pdf_text(first, second).encode())
    assert release.headline == first
