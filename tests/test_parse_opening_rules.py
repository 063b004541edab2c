"""Rules for a release's opening (issue 18), each on examples written for it: a headline broken by a paragraph
break, a contact block in two columns, a wire's name under a label, words hyphenated at a PDF's line ends."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.banners import ENDS_SENTENCE_RE, continues_headline, ends_open
from indexer.parse.pdftext import clean_pdf_text
from tests.test_parse_edgar import RELEASE, exhibit, submission

STORY = (
    "\n\nNEW YORK, Feb. 7, 2025 -- Acme Corp. (NYSE: ACME) today announced a plant that doubles output.\n\n"
    "The company said the plant lowers the cost of each unit by a third for its customers.\n\n"
    "About Acme\n\nAcme Corp. makes widgets for industry."
)


def parse_text(opening: str):
    [release] = parse_bytes("release.txt", (opening + STORY).encode("utf-8"))
    return release


def parse_exhibit(first: str, second: str):
    body = f"<P><B>{first}</B></P><P>&nbsp;</P><P><B>{second}</B></P>" + RELEASE.split("</B></P>", 1)[1]
    [release] = parse_bytes("filings/0000123456-21-000042.txt", submission(exhibit(body)).encode("utf-8"))
    return release


# ---- A headline broken by a paragraph break -------------------------------------------------------------------

OPEN_HEADLINES = [
    ("Widgetron and Gadgetco Announce", "Final Results of the Exchange Offer"),
    ("Widgetron Board of Directors Declares", "Quarterly Dividend of $0.25 per Share"),
    ("WIDGETRON COMPLETES", "SALE OF ITS OHIO WIDGET PLANT"),
    ("Widgetron Opens the Largest Widget Line in the History of", "the Widget Industry in North America"),
]
COMPLETE_HEADLINES = [
    ("Widgetron Reports Record Fourth Quarter Results", "Revenue Up 20% on Strong Demand for Widgets"),
    ("Widgetron Announces Its Largest Widget Line", "Output to Double by 2026 at the Ohio Plant"),
    ("Widgetron Announces", "The company expects its output to double next year."),
]


@pytest.mark.parametrize(("first", "second"), OPEN_HEADLINES)
def test_a_headline_that_cannot_end_goes_on_after_a_paragraph_break(first, second):
    assert ends_open(first)
    assert continues_headline(first, second, None, gap=1)
    assert parse_exhibit(first, second).headline == f"{first} {second}"
    assert parse_text(f"{first}\n\n{second}").headline == f"{first} {second}"


@pytest.mark.parametrize(("first", "second"), COMPLETE_HEADLINES)
def test_a_subheadline_after_a_headline_that_can_end_stays_apart(first, second):
    assert not continues_headline(first, second, None, gap=1)
    assert parse_exhibit(first, second).headline == first
    assert parse_text(f"{first}\n\n{second}").headline == first


@pytest.mark.parametrize("headline", ["Widgetron Names", "Acme Reports", "Gadgetco to", "Results of"])
def test_a_line_ending_with_a_verb_or_a_joining_word_is_open(headline):
    assert ends_open(headline)


@pytest.mark.parametrize("headline", ["Announces", "Widgetron Opens Plant", "Acme Reports Results", "CEO Resigns"])
def test_a_line_ending_with_its_object_is_not_open(headline):
    assert not ends_open(headline)


# ---- A contact block before the headline ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "contacts",
    [
        "Media Contact:                 Investor Contact:\nJane Doe                       John Roe\n"
        "(212) 555-0100                 (212) 555-0101",
        "Contacts:\nJane Doe, Acme Corp.\nVice President, Communications",
        "NEWS RELEASE\n\nMedia Relations:\nJane Doe\njane@acme.example",
    ],
)
def test_names_under_a_contact_label_are_not_the_headline(contacts):
    assert parse_text(f"{contacts}\n\nAcme Opens Plant").headline == "Acme Opens Plant"


def test_a_contact_block_ends_at_a_blank_line():
    release = parse_text("Contact: Jane Doe, (212) 555-0100\n\nAcme Opens Plant")
    assert release.headline == "Acme Opens Plant"


@pytest.mark.parametrize(
    "letterhead",
    [
        "The Widget Makers\n100 Industrial Parkway, Suite 4\nSpringfield, IL 62701",
        "Acme Widget Works\nTel: (212) 555-0100 | www.acme.example",
        "ACME\nP.O. Box 100, Springfield, IL 62701",
    ],
)
def test_a_letterhead_name_over_its_address_is_not_the_headline(letterhead):
    assert parse_text(f"{letterhead}\n\nAcme Opens Plant").headline == "Acme Opens Plant"


@pytest.mark.parametrize(
    ("headline", "below"),
    [
        ("Acme Opens Plant", "100 Industrial Parkway, Suite 4"),
        ("Acme Third Quarter 2024 Results", "Investor Contact: Jane Doe, (212) 555-0100"),
    ],
)
def test_a_headline_over_a_contact_line_stays_the_headline(headline, below):
    release = parse_text(f"NEWS RELEASE\n\n{headline}\n{below}")
    assert release.headline == headline


# ---- A wire's name on its own line, under a label -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "wire"),
    [
        ("Source: PR Newswire", "PR Newswire"),
        ("Distributed by: Business Wire", "Business Wire"),
        ("Via GlobeNewswire", "GlobeNewswire"),
        ("ACCESS Newswire", "ACCESSWIRE"),
    ],
)
def test_a_wire_line_above_the_dateline_names_the_wire(line, wire):
    release = parse_text(f"Acme Opens Plant\n\n{line}")
    assert release.wire == wire
    assert line not in release.text


def test_a_source_line_that_is_no_wire_names_none():
    release = parse_text("Acme Opens Plant\n\nSource: company filings")
    assert release.wire is None


# ---- Text extracted from a PDF ------------------------------------------------------------------------------------


def test_a_hyphenated_word_is_joined_at_the_start_of_the_next_line():
    text = "Acme Corp. reported results for the quarter ended Sep-\ntember 30, 2024, and raised its outlook for\nthe year.\n\nPage 1 of 2\n"
    lines = clean_pdf_text(text).split("\n")
    assert lines[0].endswith("quarter ended")
    assert lines[1].startswith("September 30, 2024, and raised")
    assert clean_pdf_text("Sep-\ntember 30\n\nPage 1 of 2").startswith("September\n30")  # a line of one word


def test_a_wrapped_pdf_paragraph_with_a_hyphenated_word_reads_as_one():
    opening = (
        "Acme Opens Plant\n\n"
        "NEW YORK, Feb. 7, 2025 -- Acme Corp. (NYSE: ACME) today announced a plant that doubles output at its\n"
        "main site in the Hudson Valley, where it employs four hundred people, the first of its kind in the re-\n"
        "gion, and lowers the cost of each unit by a third.\n\nPage 1 of 2\n\fThe plant opens in May.\n\nPage 2 of 2"
    )
    [release] = parse_bytes("release.txt", opening.encode("utf-8"))
    assert release.lede.startswith("Acme Corp. (NYSE: ACME) today announced a plant")
    assert "the first of its kind in the region, and lowers the cost" in release.lede


def test_a_running_header_of_a_two_page_pdf_is_dropped():
    header = "Acme Corp. - Press Release - February 7, 2025"
    text = (
        f"{header}\n\nAcme Opens Plant\n\nNEW YORK, Feb. 7, 2025 -- Acme Corp. today announced a plant.\n\nPage 1 of 2\n"
        f"\f{header}\n\nThe plant employs four hundred people.\n\nPage 2 of 2\n"
    )
    [release] = parse_bytes("release.txt", text.encode("utf-8"))
    assert release.headline == "Acme Opens Plant"
    assert header not in release.text


def test_a_line_opening_one_page_only_stays():
    text = "Acme Opens Plant\n\nNEW YORK, Feb. 7, 2025 -- Acme Corp. today announced a plant.\n\fHighlights\n\nOutput doubles.\n"
    assert "Highlights" in clean_pdf_text(text)


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        ("NEW YORK, Feb.\n7, 2025 -- Acme Corp. today announced a plant.", 1),  # a date cut after its month
        ("Acme Corp. today announced a plant that\nand lowers the cost of each unit.", 1),  # a lower-case word goes on
        ("Media contact:\nJane Doe\n(212) 555-0100", 3),  # short lines of a contact block stay apart
        ("Acme Corp. said\neBay Inc. said", 2),  # a brand in lower case starts a line of its own
        ("Sold to Jane May\n2 units", 2),  # a month's name that is no month, before a figure (no date after)
        ("SPRINGFIELD, Ill. - Acme Inc. (NYSE:\nACME) today reported results.", 1),  # a listing cut at its colon
        ("Investor Contact (toll free:\nJane Doe", 2),  # an open bracket the next line does not close
        ("Acme Inc. (see note\n(a) below) said", 2),  # the next line opens a bracket of its own first
        # a long link among lines wrapped at 72 columns does not set the width they are measured against
        (
            "SANTA CLARA, Calif., Feb. 6, 2020 (GLOBE NEWSWIRE) -- Applied\n"
            "Widgets Holdings, Inc. announced today that its chief executive officer will\n"
            "speak at a technology conference in San Francisco on Thursday, and the\n"
            "Webcast is at https://investors.appliedwidgets.example.com/events-and-presentations/2020\n"
            "and a replay will be available on the same day on the company's website.",
            1,
        ),
    ],
)
def test_ragged_lines_join_when_the_next_goes_on_with_the_sentence(lines, paragraphs):
    from indexer.parse.cleanup import split_paragraphs

    assert len(split_paragraphs(lines)) == paragraphs


@pytest.mark.parametrize(
    "first",
    [
        "[LOGO]",
        "<<Acme Logo>>",
        "FOR RELEASE AT 4:05 P.M. ET",
        "EMBARGOED UNTIL 8:00 A.M. EST, FEBRUARY 7, 2025",
        "ACME",
    ],
)
def test_placeholders_timed_banners_and_a_word_alone_are_not_the_headline(first):
    assert parse_text(f"{first}\n\nAcme Opens Plant").headline == "Acme Opens Plant"


def test_a_one_line_headline_in_plain_text_is_still_read():
    assert parse_text("Acme Opens Plant").headline == "Acme Opens Plant"


def test_a_one_word_file_keeps_its_word_as_the_headline():
    from indexer.parse.text import parse_text as read_text

    # The text reader's answer: a file this short and undated is then skipped as no release (test_not_a_release.py).
    [release] = read_text("release.txt", "Update\n\nnotes")
    assert release.headline == "Update"


# ---- A hard-wrapped text's paragraphs read as one line each ---------------------------------------------------------

WRAPPED_STORY = (
    "VANCOUVER, BRITISH COLUMBIA - March 13, 2025 (NEWMEDIAWIRE) - Acme Mining Corp. (CSE: ACMY) (OTC: ACMYF) "
    "reports that a partner has given up its option on the lithium project, so the Company now controls the "
    "whole property and its resource of brine under the salt lake.\n\n"
    "The company said the plant it plans there would lower the cost of each tonne by a third for its customers "
    "in three countries, and that drilling resumes in the spring once the permits are in hand.\n\n"
    "About Acme Mining\n\nAcme Mining Corp. explores for lithium in Argentina and Chile."
)


@pytest.mark.parametrize("width", range(60, 90, 3))
def test_a_listing_wrapped_onto_the_next_line_is_still_the_issuers(width):
    import textwrap

    paragraphs = WRAPPED_STORY.split("\n\n")
    text = "Acme Mining Retains Its Lithium Project\n\n" + "\n\n".join(textwrap.fill(p, width) for p in paragraphs)
    [release] = parse_bytes("release.txt", text.encode("utf-8"))
    assert release.tickers == ["CSE:ACMY", "OTC:ACMYF"]
    assert release.company == "Acme Mining Corp."
    assert release.lede.startswith("Acme Mining Corp. (CSE: ACMY) (OTC: ACMYF) reports that a partner")


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["a" * 50 + " going on", "next words of it"], ["a" * 50 + " going on next words of it"]),  # cut at the width
        (["short line", "Next paragraph"], ["short line", "Next paragraph"]),  # a short line ends its paragraph
        (["Revenue" + " " * 20 + "$ 1.2" + " " * 21, "Net income   $ 0.3"], None),  # columns keep their lines
        (["a" * 58, "", "After a blank line"], None),  # a blank line ends a paragraph
    ],
)
def test_unwrap_joins_only_lines_broken_at_the_width(lines, joined):
    from indexer.parse.text import unwrap

    assert unwrap(lines, 60) == (joined or lines)


def test_a_few_long_lines_do_not_unmake_a_texts_wrapping():
    from indexer.parse.text import _wrap_width

    lines = ["word " * 15 + "end"] * 40 + ["x" * 200]
    assert _wrap_width(lines) == len(lines[0])
    # a paragraph a page break cut and joined again is longer than the width, and does not set it
    assert _wrap_width(lines + ["y" * 120, "z" * 110]) == len(lines[0])
    assert _wrap_width(["x" * 200] * 5 + lines) is None  # mostly long lines: not wrapped


def test_a_listing_split_over_a_line_end_in_unspaced_pdf_text_is_the_issuers():
    text = (
        "ACME\nInvestor Contact:\nMedia Contact:\nJane Doe\nJohn Roe\n\nFebruary 7, 2025\n"
        "Acme Reports Fourth Quarter Results\n"
        "SPRINGFIELD, Ill. \u2013 Acme Widget Holdings, Inc. (NYSE:\n"
        "ACME) today reported financial results for the fourth quarter and full year ended\n"
        "December 31, 2024. Revenue for the quarter rose 12 percent to $310 million, driven\n"
        "by demand for its industrial widgets in North America and Europe, the company said.\n"
        "Page 1 of 1\n"
    )
    [release] = parse_bytes("release.txt", text.encode("utf-8"))
    assert (release.company, release.tickers) == ("Acme Widget Holdings, Inc.", ["NYSE:ACME"])
    assert release.lede.startswith("Acme Widget Holdings, Inc. (NYSE: ACME) today reported")


def _pdf_pages(headline: str, paragraphs: list[str], width: int = 84, page_lines: int = 12) -> str:
    """Text as a PDF converter prints it: wrapped lines, a running header (the headline's first words) and a page
    footer on every page but the header on the first."""
    import textwrap

    lines = textwrap.wrap(headline, width) + [""]
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, width) + [""]
    pages = [lines[i : i + page_lines] for i in range(0, len(lines), page_lines)]
    header = " ".join(headline.split()[:6])
    return "\n\f".join(
        "\n".join(([header, ""] if n > 1 else []) + page + ["", f"Page {n} of {len(pages)}"])
        for n, page in enumerate(pages, start=1)
    )


PDF_STORY = [
    "NEW YORK, Feb. 7, 2025 -- Acme Corp. (NYSE: ACME) today announced a plant that doubles output at its main "
    "site in the Hudson Valley, where it employs four hundred people, and lowers the cost of each unit by a third.",
    *(
        f"Plant {n} of Acme ships {n * 40} widgets a day to customers in {n + 3} states and territories, the "
        f"company said, and each of its {n + 1} lines runs two shifts on weekdays and one on Saturdays."
        for n in range(1, 9)
    ),
]


@pytest.mark.parametrize("headline", ["Acme Opens Plant", "Acme Corp. Reports Record Quarterly Results"])
def test_a_short_headline_that_later_pages_repeat_whole_as_their_header_stays_the_headline(headline):
    [release] = parse_bytes("release.txt", _pdf_pages(headline, PDF_STORY).encode("utf-8"))
    assert release.headline == headline
    assert release.date == "2025-02-07" and release.tickers == ["NYSE:ACME"]


# Lines with many ligatures: spelled out ("fi" for "\ufb01") they run past the width the text was wrapped at.
FINE_STORY = [
    *PDF_STORY[:3],
    *(f"The firm's {n} efficient field offices fit fine fixtures, and its fifth office finished first in "
      "fiscal filings, official figures of the fine firm affirm." for n in range(10, 70, 10)),
]  # fmt: skip


@pytest.mark.parametrize(
    "headline",
    [
        "Acme Property Trust Issues Its Monthly Reporting Package to Its Holders for October 2024",  # "2024"
        "Most Organizations Struggle with Effective Employee Communication and Collaboration - New Study by Acme",
        "Acme Bio Puts More Trained Technicians on the Road Across Chicagoland, Cutting Response Times for Families "
        "in Crisis Needing Crime Scene Cleanup and Biohazard Cleanup",
    ],
)
def test_a_headline_wrapped_at_a_pdfs_width_is_whole_whatever_its_last_line_holds(headline):
    story = [p.replace("ffi", "\ufb03").replace("fi", "\ufb01") for p in FINE_STORY]
    [release] = parse_bytes("release.txt", _pdf_pages(headline, story).encode("utf-8"))
    assert release.headline == headline


@pytest.mark.parametrize("byline", ["by Jane Doe", "By Jane Q. Doe", "By Jane Doe, Acme Media"])
def test_a_byline_under_a_headline_is_not_its_rest(byline):
    headline = "The administration finalized a new retirement rule \u2014 here are 5 things you need to know now"
    html = (
        f"<html><body><p align='center'><b>{headline}</b></p><p>{byline}</p>"
        "<p>NEW YORK, Feb. 7, 2025 -- Acme Corp. (NYSE: ACME) today explained the rule to its customers.</p>"
        "</body></html>"
    )
    [release] = parse_bytes("ex99.htm", html.encode("utf-8"))
    assert release.headline == headline
    assert continues_headline("Acme Opens a Plant and", "by the River in Ohio", None)  # a lower-case rest stays one


LETTERHEAD = (
    "                                                                      NEWS RELEASE\n\nFOR IMMEDIATE RELEASE\n\n"
    "Media Contact:                              Investor Contact:\n"
    "Jane Doe                                    John Roe\n(555) 555-0100                              (555) 555-0101\n\n"
    "                     "
)


@pytest.mark.parametrize(
    "headline", ["Acme Opens Plant", "Acme Opens Its Largest Plant and Doubles Output for Its Customers in Ohio"]
)
def test_under_a_letterhead_a_pdfs_centred_headline_stays_and_its_running_header_goes(headline):
    text = LETTERHEAD + _pdf_pages(headline, PDF_STORY, page_lines=30)
    [release] = parse_bytes("release.txt", text.encode("utf-8"))
    header = " ".join(headline.split()[:6])
    assert release.headline == headline
    assert (release.company, release.tickers) == ("Acme Corp.", ["NYSE:ACME"])
    assert header not in release.body


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("Acme Corp.", False),
        ("shares of Acme Inc.", False),
        ("Acme Ltd.", False),
        ("Acme Co.", False),
        ("sold in the U.S.", False),
        ("a plant for its customers.", True),
        ("the corporate.", True),
    ],
)
def test_a_line_ends_a_sentence_but_not_at_a_companys_legal_form(line, ends):
    assert bool(ENDS_SENTENCE_RE.search(line)) is ends
