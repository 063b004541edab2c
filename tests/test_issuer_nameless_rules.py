"""Issuer rules of issue 17's fifteenth round, read from audit17's verdicts: a pick that names no one (a day of a
month, an ordinal) is no name, and a release nothing else names takes the short form its headline opens with, written
out where the text defines it, else the name its lede defines a short form of by its initials; a name read short
from an About heading is written whole where the opening prints it with its listing (name extents). Small releases
written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.name_extents import nameless_names


@pytest.mark.parametrize(
    "headline, lede, name",
    [
        # The headline opens with a short form the text writes out.
        (
            "RUPL Boston Marks 5th Anniversary of Its Charter",
            "Members joined Rivers United for Peace and Light (RUPL) in marking the day.",
            "Rivers United for Peace and Light",
        ),
        # The lede defines a short form by the name's initials; the venue line's "MA" before it is left out.
        (
            "7th Patient Voice Summit Returns to Boston",
            "Date: June 3-4, 2026 Venue: Boston, MA Northfield Global Meetings (\u201cNGM\u201d) will host the summit.",
            "Northfield Global Meetings",
        ),
        ("Harbor Forum Opens", "Quill River Partners (QRP) hosts the forum.", "Quill River Partners"),
        # Initials that do not spell the short form, or no short form at all: nothing.
        ("Harbor Forum Opens", "Quill River Partners (QXP) hosts the forum.", None),
        ("Harbor Forum Opens", "More than 100 people came to the forum.", None),
        # After an article, a role or a term the text defines; before a preposition, not the sentence's subject.
        ("Harbor Forum Opens", "A Safety Review Officer (SRO) is a key figure at the forum.", None),
        # A term the text defines, its last word no organisation's.
        ("Harbor Forum Opens", "Enterprise Resource Planning (ERP) helps suppliers.", None),
        ("Harbor Forum Opens", "She thanked Quill River Partners (QRP) for the forum.", None),
        ("RUPL Boston Marks 5th Anniversary", "Members met in Boston.", None),
    ],
)
def test_a_nameless_release_is_named_by_a_defined_short_form(headline: str, lede: str, name: str | None) -> None:
    assert nameless_names(headline, lede, lede) == name


# A publisher's teaser about an event: a date line and a venue line before the lede, the publisher's About after.
EVENT = """# 7th Chief Data Officer Summit Returns to Denver to Focus on Data-Centered Decisions

Date: July 23-24, 2026

 Venue: Denver, CO

 Northfield Global Meetings (\u201cNGM\u201d) will host the 7th Chief Data Officer Summit on July 23\u201324, 2026, at the
Harbor Hotel in Denver, Colorado.

 The 7th Chief Data Officer Summit provides a unique opportunity to discuss how organizations can better integrate
data into decision-making. The event will gather senior executives to focus on data integration\u2026

 Read More>>

 To learn more, please visit https://evw.fm/0xhba.

 About EventWire

 EventWire (\u201cEW\u201d) is a specialized communications platform with a focus on wire-grade press release
syndication for private and public companies and the investment community.

 For more information, please visit https://www.EventWire.com
"""


@pytest.mark.parametrize(
    "release, company",
    [
        # A day of a month the lede opens with names no one; the headline's short form, defined in the text, does.
        (
            "# BWUH Boston Commemorates 5th Anniversary of Its Peace Charter\n\nBOSTON, MA, March 25, 2025 "
            "/24-7PressRelease/ -- On Saturday, March 22nd, more than 100 participants, including community and "
            "religious leaders, joined Bright Culture, World Unity, Renewal of Hope (BWUH) in commemorating the fifth "
            "anniversary of its peace charter proclaimed on March 14, 2020. The event took place at the Boston Law "
            "School and was co-hosted by Save the Rivers.\n",
            "Bright Culture, World Unity, Renewal of Hope",
        ),
        # An ordinal the headline opens with names no one; the host the lede defines a short form of does.
        (EVENT, "Northfield Global Meetings"),
    ],
)
def test_a_day_or_an_ordinal_is_no_issuer(release: str, company: str) -> None:
    (parsed,) = parse_bytes("release.md", release.encode())
    assert parsed.company == company


# An EDGAR plain-text exhibit whose subheading (a dash-framed line) stands before the dateline and the lede.
EXHIBIT = """<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>ex99-1.txt
<DESCRIPTION>PRESS RELEASE
<TEXT>

                                                            EXHIBIT 99.1

       Kestrel Announces Appointment of Jane Roe, Ph.D., as
                    Chief Medical Officer

- Dr. Roe to head up newly integrated Medical Affairs function
including global medical affairs and policy -

BOSTON--(BUSINESS WIRE)--

{subject} (NASDAQ:KSTL) today announced the
appointment of Jane Roe, Ph.D., as Executive Vice President and
the company's first Chief Medical Officer. Dr. Roe will
join Kestrel on November 4, 2019 and will serve on the company's
Executive Committee.

"I am delighted that Jane will be joining Kestrel," said John Doe.

About Kestrel

Kestrel is a global biopharmaceutical company focused on rare diseases.

</TEXT>
</DOCUMENT>
"""


@pytest.mark.parametrize(
    "subject, company",
    [
        ("Kestrel Pharmaceuticals, Inc.", "Kestrel Pharmaceuticals, Inc."),
        ("Kestrel Bio Holdings Inc.", "Kestrel Bio Holdings Inc."),
        # The opening prints the About heading's name alone, or a longer name with no legal form (an event's): kept.
        ("Kestrel", "Kestrel"),
        ("At Kestrel Summit 2019, Kestrel", "Kestrel"),
    ],
)
def test_an_about_headings_short_name_is_written_whole_as_the_opening_lists_it(subject: str, company: str) -> None:
    (parsed,) = parse_bytes("ex99-1.txt", EXHIBIT.format(subject=subject).encode())
    assert (parsed.company, parsed.tickers) == (company, ["NASDAQ:KSTL"])
