"""Issuer rules of issue 17's tenth round, read from the wide dev set dev-8: a firm named for its partners that a comma
cut short, a book's title and author opening the headline, a closing sentence naming the issuer with its short form
in brackets, and a lede opening with a setting (an event held somewhere, a heading run into the lede) under a
headline naming the company the release keeps naming. Small releases written inline, parsed as `releases parse`
does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse import parse_bytes
from indexer.parse.authors import author_issues, headline_author, titled_author
from indexer.parse.authorship import closing_about
from indexer.parse.credits import behalf_of
from indexer.parse.subject import passing_subject


@pytest.mark.parametrize(
    "headline, lede, expected",
    [
        (
            "Quiet Harbors by Helena M. Tarrow Explores the Sea's Memory",
            "In her new book, Quiet Harbors, author Helena M. Tarrow ...",
            ("Quiet Harbors", "Helena M. Tarrow"),
        ),
        (
            '"The Long Field" by Edwin Marsh',
            "The Long Field is a debut novel by Edwin Marsh ...",
            ("The Long Field", "Edwin Marsh"),
        ),
        (
            "Counting Stones by Ama Osei-Bonsu is the Book Teachers Wanted",
            "Counting Stones, a book for pupils ...",
            ("Counting Stones", "Ama Osei-Bonsu"),
        ),
        # Not a title: a participle before "by", or a company's verb in the opening.
        ("Zentro Raises $5M Series A Led by Birch Ventures", "Zentro, a book-keeping app, ...", None),
        ("Orbit Labs Announces the Release of Night Tides by Paul Verne", "the book ...", None),
        # The lede does not call it a book.
        ("Harvest Days by Mara Quill Opens Downtown", "Harvest Days, a street fair, ...", None),
    ],
)
def test_a_headline_opening_with_a_books_title_names_its_author(headline, lede, expected):
    assert titled_author(headline, lede) == expected
    assert headline_author(headline, lede) == (expected[1] if expected else None)


def test_a_release_presenting_a_book_by_its_title_is_the_authors():
    parsed = wire(
        "In his forthcoming book, Quiet Harbors: Notes on the Coast, author Nathaniel J. Brewer examines how fishing "
        'towns change. "The sea keeps what we forget," Brewer states.',
        "Quiet Harbors by Nathaniel J. Brewer Explores the Memory of Fishing Towns",
        "About the Book Set to be released tomorrow, Quiet Harbors is Brewer's first work.",
    )
    assert parsed.company == "Nathaniel J. Brewer"


@pytest.mark.parametrize(
    "closing, name",
    [
        (
            "Lantern Peace Alliance (LPA) is a non-governmental organization registered in Geneva that works for peace.",
            "Lantern Peace Alliance",
        ),
        (
            "Marrow Street Clinic (MSC) is a clinic serving the east side of the city since 1990.",
            "Marrow Street Clinic",
        ),
    ],
)
def test_a_closing_sentence_presents_the_issuer_past_its_short_form(closing, name):
    text = "Volunteers gathered on Saturday for the yearly celebration in the park.\n\n" + closing
    found = closing_about(text, set())
    assert found is not None and found.name.removeprefix("The ") == name


def test_a_release_closing_with_the_issuer_and_its_short_form_names_it():
    parsed = wire(
        "Hosted by the Lantern Peace Alliance (LPA), the summit drew 3,000 guests from 40 countries to discuss peace.",
        "Thousands Gather for the 5th LPA Peace Summit",
        "Lantern Peace Alliance (LPA) is a non-governmental organization registered in Geneva that works for peace "
        "through dialogue.",
    )
    assert (parsed.company or "").removeprefix("The ") == "Lantern Peace Alliance"


@pytest.mark.parametrize(
    "subject, lede, headline, text, expected",
    [
        # An event held somewhere.
        ("Harbor Week 2025", "Harbor Week 2025, held at Pier 9 in Tacoma, drew ...", "Velora Dazzles", "", True),
        # A heading run into the lede: printed once, cut at a preposition, never in the headline.
        (
            "Booth Home Run",
            "Booth Home Run at Hall B The company showed ...",
            "Kestrel Bio Strikes Twice",
            "Booth Home Run at Hall B The company showed ...",
            True,
        ),
        # A subject that acts, a legal name, or one the headline names: kept.
        ("Kestrel Bio", "Kestrel Bio today announced ...", "Kestrel Bio Strikes", "Kestrel Bio today", False),
        ("Harbor Week Inc.", "Harbor Week Inc., held at ...", "Velora Dazzles", "", False),
        (
            "Booth Home Run",
            "Booth Home Run at Hall B The company showed ...",
            "Booth Home Run Wins",
            "Booth Home Run at Hall B The company showed ...",
            False,
        ),
    ],
)
def test_a_lede_opening_with_a_setting_is_not_the_issuer(subject, lede, headline, text, expected):
    assert passing_subject(subject, lede, headline, text) is expected


def test_a_release_opening_with_an_event_is_the_headline_companys():
    parsed = wire(
        "Harbor Week 2025, held at the historic Pier 9 Hall in Tacoma, delivered an evening where fashion met the sea. "
        "The event featured a collaboration between Velora Swimwear and the label Nalu. Velora Swimwear's pieces "
        "showed bright hues.",
        "Velora Swimwear and Nalu Dazzle at Harbor Week 2025 with a Summer Collection",
        "Velora Swimwear was founded by designer Ana Ruiz, offering swimsuits for every body.",
    )
    assert parsed.company == "Velora Swimwear"


@pytest.mark.parametrize(
    "subject, title, lede, issues",
    [
        (None, "Quiet Harbors", "", True),  # the lede opens with no one
        ("Quiet Harbors", "Quiet Harbors", "", True),  # with the title
        ("Notes", "Quiet Harbors", "In her book, Quiet Harbors: Notes on the Coast, ...", True),  # with its subtitle
        ("Orbit Press", "Quiet Harbors", "Orbit Press today published ...", False),  # with a publisher
    ],
)
def test_a_titled_book_is_its_authors_when_the_lede_opens_with_no_one_else(subject, title, lede, issues):
    assert author_issues("Helena Tarrow", subject, [], None, title, lede) is issues


@pytest.mark.parametrize(
    "text, sponsor",
    [
        (
            "Birch Copper Corp. (TSXV:BRCH) drills on. 2) The Article was issued on behalf of and sponsored by, Birch "
            "Copper Corp.. Quarry Media Inc. was paid $1,500 for this article.",
            "Birch Copper Corp",
        ),
        (
            "Halden Air Inc. (NYSE:HLDN) flies on. The article was issued on behalf of Halden Air Inc. Nothing more.",
            "Halden Air Inc",
        ),
        # Disseminated on a company's behalf, printed with its listing without its legal form (issue 17's twentieth
        # round): the name as the disclosure prints it.
        (
            "Disseminated on behalf of Larchmont Solar Corporation\n\nLarchmont Solar (NASDAQ: LRSO) builds farms.",
            "Larchmont Solar Corporation",
        ),
        (
            "Disseminated on behalf of Larchmont Corporation\n\nLarchmont (NASDAQ: LRSO) builds solar farms.",
            "Larchmont Corporation",
        ),
        # One word without a legal form after it, or the first word of a longer name: too little to name it by.
        ("Disseminated on behalf of Larchmont\n\nLarchmont (NASDAQ: LRSO) builds solar farms.", None),
        ("Disseminated on behalf of Larchmont Solar Inc.\n\nLarchmont (NASDAQ: LRSO) builds solar farms.", None),
        # The company the article was issued for is never printed with a listing: no issuer from the disclosure.
        ("Prices rose. The Article was issued on behalf of and sponsored by, Birch Copper Corp.. Quarry Media.", None),
        ("Birch Copper Corp. (TSXV:BRCH) was covered. No disclosure names a sponsor.", None),
    ],
)
def test_an_article_issued_on_a_listed_companys_behalf_is_its(text, sponsor):
    assert behalf_of(text, disseminated=text.startswith("Disseminated")) == sponsor


EDITORIAL = """# The New Copper Rush of the AI Era

This article has been disseminated on behalf of {client}, which may include a paid advertisement.

Quillwire Editorial Coverage: Artificial intelligence runs on copper. As demand widens, Larchmont Mining Corp. (CSE: \
LRMC) (OTCQB: LRMCF) enters the picture with a fully permitted project.

About Quillwire

Quillwire is a specialized communications platform with a focus on advanced wire-grade content.
"""


@pytest.mark.parametrize(
    "client, company, tickers",
    [
        # A publisher's editorial disseminated on a listed client's behalf (issue 17's twentieth round): the client's.
        ("Larchmont Mining Corp.", "Larchmont Mining Corp", ["CSE:LRMC", "OTC:LRMCF"]),
        # A client the text never prints with a listing: the publisher's, as before.
        ("Ardent Consulting", "Quillwire", []),
    ],
)
def test_an_editorial_disseminated_on_a_clients_behalf_is_the_clients(client, company, tickers):
    (parsed,) = parse_bytes("editorial.md", EDITORIAL.format(client=client).encode())
    assert (parsed.company, parsed.tickers) == (company, tickers)


def test_a_sponsored_article_on_a_topic_is_the_listed_sponsors():
    parsed = wire(
        "Copper prices climbed to a 14-month high this week as supply risks mounted across South America.",
        "Copper Surges to 14-Month High on Supply Risks",
        "Birch Copper Corp. (TSXV:BRCH) (OTCQB:BRCHF) is advancing its Larch project in British Columbia. "
        "Disclaimers: 1) The author does not own securities of the companies named. 2) The Article was issued on "
        "behalf of and sponsored by, Birch Copper Corp.. Quarry Media Inc. was paid $1,500 for the production and "
        "publishing of this article. Quarry Media Inc. is a publisher of investor news.",
    )
    assert parsed.company == "Birch Copper Corp"
    assert parsed.tickers == ["OTC:BRCHF", "TSXV:BRCH"]


PARTNER_ABOUT = (
    "About Harbor Voices\n\nFounded in 1992, Harbor Voices is a nonprofit arts organization that publishes a literary "
    "magazine in print and online."
)


def _event(subject: str, site: str) -> str:
    lede = (
        f"{subject} is proud to announce a two-day event featuring poetry selections by contributors of a collector's "
        f"issue of the Harbor Voices quarterly.  Both events are free. For more information visit {site}."
    )
    return f"# {subject} Two-Day Celebration of Harbor Voices Magazine's Poetry Issue\n\nSPRINGFIELD, IL, April 02, 2024 /24-7PressRelease/ -- {lede}\n\n{PARTNER_ABOUT}\n"


@pytest.mark.parametrize(
    ("subject", "site"), [("Reel Sisters", "www.reelsisters.org"), ("Maple Works", "www.mapleworks.com")]
)
def test_a_person_shaped_subject_spelled_as_the_releases_web_address_is_the_organisation(subject, site):
    (parsed,) = parse_bytes("release.md", _event(subject, site).encode())
    assert parsed.company == subject


def test_a_person_shaped_subject_without_its_web_address_leaves_the_about_section_its_say():
    (parsed,) = parse_bytes("release.md", _event("Reel Sisters", "www.festival.org").encode())
    assert parsed.company == "Harbor Voices"
