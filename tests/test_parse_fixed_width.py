"""Fixed-width text (EDGAR text exhibits, a PDF's layout text), each rule on examples written for it: a headline
centred over several lines, prose with two spaces after a full stop that is no table."""

from __future__ import annotations

import textwrap

import pytest

from indexer.parse import parse_bytes
from indexer.parse.cleanup import join_centred

STORY = (
    "{dateline} Acme Widget Holdings, Inc. (NYSE: ACME) today announced a plant that doubles output at its main "
    "site in the Hudson Valley, where it employs four hundred people, and lowers the cost of each unit by a third "
    "for its customers in twelve countries.\n\n"
    "The company said the plant opens in May and that drilling of the second site resumes in the spring once the "
    "permits are in hand, with two shifts on weekdays and one on Saturdays."
)


def text_exhibit(headline: str, dateline: str = "SPRINGFIELD, Ill., Feb. 7, 2025 --", width: int = 60) -> str:
    """A bare EDGAR document holding a plain-text EX-99.1: a right-set banner, a centred headline, 72 columns."""
    lines = ["", "EXHIBIT 99.1".rjust(72), ""]
    lines += [line.center(72).rstrip() for line in textwrap.wrap(headline, width)] + [""]
    for paragraph in STORY.format(dateline=dateline).split("\n\n"):
        lines += textwrap.wrap(paragraph, 72) + [""]
    text = "\n".join(lines)
    return (
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99-1.txt\n<DESCRIPTION>PRESS RELEASE\n<TEXT>\n"
        f"{text}\n</TEXT>\n</DOCUMENT>\n"
    )


@pytest.mark.parametrize(
    ("headline", "width"),
    [
        ("Acme Widget Holdings Opens Its Largest Plant and Doubles Output for Its Customers", 60),
        ("Acme Widget Holdings Launches Two Premium Cases for the Galaxy Z Fold 7", 69),  # "7" alone below
        ("Acme Updates Coverage on Third Coast Bancshares, Inc. (NasdaqGS:TCBX) Q3 2024", 54),  # after "Inc."
        ("Acme Widget Holdings, Inc. (NYSE: ACME) (TSX: ACM) Opens Its Largest Plant in the Hudson Valley", 50),
    ],
)
def test_a_headline_centred_over_lines_of_a_text_exhibit_is_whole(headline, width):
    [release] = parse_bytes("0000123456-25-000042.txt", text_exhibit(headline, width=width).encode())
    assert release.headline == headline
    assert release.date == "2025-02-07"


def test_a_pdfs_centred_headline_over_two_lines_is_whole():
    headline = "Acme Widget Holdings Opens Its Largest Plant and Doubles Output for Its Customers"
    centred = "\n".join(line.center(84).rstrip() for line in textwrap.wrap(headline, 50))
    body = "\n\n".join(
        "\n".join(textwrap.wrap(p, 84)) for p in STORY.format(dateline="NEW YORK, Feb. 7, 2025 --").split("\n\n")
    )
    [release] = parse_bytes("release.txt", f"{centred}\n\n{body}\n".encode())
    assert release.headline == headline


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        ([line.center(72) for line in ("Acme Widget Holdings Opens Its Largest Plant and", "Doubles Output")], 1),
        (["        Acme Corporation", "      123 Main Street, Springfield"], 2),  # a short letterhead line stays
        (["      Acme Widget Holdings Opens Its Largest Plant and", "Doubles Output Today"], 2),  # not centred
        (["      Acme Widget Holdings Opens Its Largest Plant and", "", "               Doubles Output"], 3),
    ],
)
def test_join_centred_joins_only_a_long_centred_line_and_the_next_centred_one(lines, joined):
    assert len(join_centred(lines)) == joined


def test_two_spaces_after_a_full_stop_in_a_text_exhibit_are_prose_not_a_table():
    dateline = "JACKSONVILLE, Fla., Feb.  7, 2025  (GLOBE NEWSWIRE) --"
    [release] = parse_bytes("0000123456-25-000042.txt", text_exhibit("Acme Opens Its Largest Plant", dateline).encode())
    assert (release.location.lower(), release.date, release.wire) == (
        "jacksonville, fla.",
        "2025-02-07",
        "GlobeNewswire",
    )
    assert release.lede.startswith("Acme Widget Holdings, Inc. (NYSE: ACME) today announced")
