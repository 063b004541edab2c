"""Fixed-width text (EDGAR text exhibits, a PDF's layout text), each rule on examples written for it: a headline
centred over several lines, prose with two spaces after a full stop that is no table."""

from __future__ import annotations

import textwrap

import pytest

from indexer.parse import parse_bytes
from indexer.parse.cleanup import join_centred
from indexer.parse.wrapping import unwrap

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
        ([line.center(72) for line in ("Acme Widget Holdings Launches Its Largest AI-", "Powered Plant")], 1),
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


def _wrapped_release(headline: str, opening: str = "NEW YORK, Feb. 7, 2025 --", pages: int = 1) -> str:
    """A PDF-text release wrapped at 84 columns, a blank line between paragraphs, with page footers."""
    paragraphs = [headline, *STORY.format(dateline=opening).split("\n\n")] * 1
    body = "\n\n".join("\n".join(textwrap.wrap(p, 84)) for p in paragraphs)
    return body + "\n\nPage 1 of 1\n"


@pytest.mark.parametrize(
    "headline",
    [
        "Stonegate Capital Partners Updates Coverage on Sky Harbour Widget Corporation (NYSE: SKYH) Q4 2024",
        "From the Fiction Author of the Year, Book 4 of the Award-Winning Widget Investigation Series Arrives August 1, 2025",
    ],
)
def test_a_wrapped_pdf_headline_cut_in_its_listing_or_before_a_date_is_whole(headline):
    [release] = parse_bytes("release.txt", _wrapped_release(headline).encode())
    assert release.headline == headline
    assert (release.location, release.date) == ("New York", "2025-02-07")


def test_a_short_pdf_headline_that_pages_repeat_is_kept_above_its_dateline():
    headline = "When Things Are Possible"
    pages = [
        f"{headline}\n\nBURLINGTON, NJ / PR Karma / February 13, 2025 5:10\n\nBy Jane Roe\n\n{STORY.format(dateline='')}",
        f"{headline}\n\nThe plant employs four hundred people in two shifts on weekdays and one on Saturdays.",
        f"{headline}\n\nAcme Widget Holdings makes widgets for industry in twelve countries.",
    ]
    text = "\n\f".join(f"{page}\n\nPage {n} of 3" for n, page in enumerate(pages, start=1))
    [release] = parse_bytes("release.txt", text.encode())
    assert (release.headline, release.location, release.date) == (headline, "Burlington, NJ", "2025-02-13")


def test_a_word_hyphenated_at_a_line_end_keeps_a_pdf_paragraph_whole():
    lede = (
        "NextWidget (NASDAQ: NXWD, NXWDW) released a shareholder letter from its interim chief executive officer expre-\n"
        "ssing confidence in the company's future following the recent passing of its CEO and\n"
        "Chairman Charles M. Fernandez. The letter highlights internal reviews and meetings with\n"
        "the leaders of each of its subsidiaries, and plans for increased focus and coordination."
    )
    text = (
        "NextWidget Issues CEO Update\n\n"
        + lede
        + "\n\n"
        + "\n\n".join("\n".join(textwrap.wrap(p, 84)) for p in STORY.format(dateline="").split("\n\n"))
    )
    [release] = parse_bytes("release.txt", (text + "\n\nPage 1 of 1\n").encode())
    assert release.lede.startswith("NextWidget (NASDAQ: NXWD, NXWDW) released a shareholder letter")
    assert "expressing confidence" in release.lede and "CEO and Chairman Charles M. Fernandez" in release.lede
    assert release.tickers == ["NASDAQ:NXWD", "NASDAQ:NXWDW"]


def test_a_hard_wrapped_text_exhibit_without_a_dateline_is_still_a_release():
    prose = (
        "PediWidget, Inc., the maker of the only cleared mobile app for screening the shape of a child's skull, has "
        "been awarded a grant of two million dollars through a federal readiness program to bring its tools to more "
        "clinics.\n\nThe award supports the growth of its imaging, along with the development of new tools for the "
        "early detection of ear and dental deformities in infants and young children across the country.\n\n"
        "The funding serves a later-stage mission, designed to bridge the gap between development and full-scale "
        "use for promising medical technologies, and it lets the company prepare its tools for wider adoption.\n\n"
        "Its founders started the company after years of treating infants in hospitals, where they saw how late "
        "skull deformities were often found, and how much simpler care is when they are found in the first months."
    )
    lines = ["EXHIBIT 99.1".rjust(72), "", "PediWidget Secures Grant for Pediatric Screening Tools".center(72), ""]
    for paragraph in prose.split("\n\n"):
        lines += textwrap.wrap(paragraph, 72) + [""]
    document = (
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99-1.txt\n<DESCRIPTION>PRESS RELEASE\n<TEXT>\n"
        + "\n".join(lines)
        + "\n</TEXT>\n</DOCUMENT>\n"
    )
    [release] = parse_bytes("0000123456-25-000042.txt", document.encode())
    assert release.headline == "PediWidget Secures Grant for Pediatric Screening Tools"


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        ("NEW YORK, Feb. 7 --", "2025-02-07"),  # a dateline without its year: the year of the file's folders
        ("NEW YORK --", "2025-02-08"),  # no date printed: the date the folders spell
    ],
)
def test_a_bare_exhibit_without_a_filing_dates_itself_as_other_releases_do(opening, date):
    path = "exhibits/acme/2025/0208/ex99-1.txt"
    [release] = parse_bytes(path, text_exhibit("Acme Opens Its Largest Plant", opening).encode())
    assert release.date == date
    assert release.edgar is not None and release.edgar.date_source is None


@pytest.mark.parametrize(
    "headline",
    [
        "Acme Law Group Announces a Hotline for People Concerned About Refused Settlements at (833) 200-7111",
        "Important January 21, 2025 Deadline Reminder: Acme Law Group Reminds Widget Corp. Investors of a Lawsuit",
    ],
)
def test_an_html_exhibits_headline_holding_a_phone_number_or_a_date_is_still_the_headline(headline):
    html = (
        "<HTML><HEAD><TITLE>EX-99.1</TITLE></HEAD><BODY><P ALIGN='right'>Exhibit 99.1</P>"
        f"<P ALIGN='center'><B>{headline}</B></P>"
        "<P>RADNOR, Pa., Dec. 30, 2024 /NewMediaWire/ -- Acme Law Group LLP reminds investors of the deadline in the "
        "class action and explains how to take part in it, and what the lawsuit says about the company.</P>"
        "</BODY></HTML>"
    )
    [release] = parse_bytes("ex99-1.htm", html.encode())
    assert release.headline == headline
    assert (release.location, release.date) == ("Radnor, Pa.", "2024-12-30")


def test_a_quarter_alone_on_a_wrapped_headlines_last_line_is_its_rest():
    headline = "Stonegate Capital Partners Updates Coverage on Acme Widgetco Corp. (NYSE: WDGT) 2024 Q3"
    assert textwrap.wrap(headline, 84)[-1] == "Q3"
    [release] = parse_bytes("release.txt", _wrapped_release(headline).encode())
    assert release.headline == headline


def test_a_centred_headline_broken_at_a_compounds_hyphen_keeps_the_compound():
    lines = [line.center(72) for line in ("Acme Widget Holdings Launches Its Largest AI-", "Powered Plant in Ohio")]
    assert join_centred(lines)[0].strip() == "Acme Widget Holdings Launches Its Largest AI-Powered Plant in Ohio"


def _exhibit(body: str) -> str:
    return (
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99-1.txt\n<DESCRIPTION>PRESS RELEASE\n<TEXT>\n"
        f"{'EXHIBIT 99.1'.rjust(72)}\n\n{'Acme Widget Holdings Opens Its Largest Plant'.center(72).rstrip()}\n\n"
        f"{body}\n</TEXT>\n</DOCUMENT>\n"
    )


_REST = (
    "today announced a plant that doubles output at its main site in the Hudson Valley, where it employs four "
    "hundred people, and lowers the cost of each unit by a third for its customers in twelve countries and states."
)
_TAIL = (
    "The plant opens in May with two shifts on weekdays and one on Saturdays, and the second site follows in the "
    "spring once the permits are in hand and the roads to it are finished by the county."
)


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        # the dateline's line ends in the first word of the issuer's name, its listing, or inside it
        ("CHATSWORTH, California - (NewMediaWire) - February 07, 2025 - Acme", "Widget Holdings, Inc. (NYSE: ACME)"),
        (
            "SPRINGFIELD, Ill., February 7, 2025 /PRNewswire/ -- Leading maker Acme",
            "Widget Holdings, Inc. (NYSE: ACME)",
        ),
        ("SPRINGFIELD, Ill., February 07, 2025 -- Acme Widget Holdings, Inc.", "(NYSE: ACME)"),
    ],
)
def test_a_text_exhibits_hard_wrapped_lede_is_one_paragraph_wherever_its_lines_break(first, rest):
    assert len(first) + 1 + len(rest.split()[0]) > 72  # the line was broken at the width
    body = "\n".join([first, *textwrap.wrap(f"{rest} {_REST}", 72), "", *textwrap.wrap(_TAIL, 72)])
    [release] = parse_bytes("0000123456-25-000042.txt", _exhibit(body).encode())
    assert release.company == "Acme Widget Holdings, Inc." and release.tickers == ["NYSE:ACME"]
    assert release.date == "2025-02-07"
    assert release.lede.endswith("twelve countries and states.") and "Acme Widget Holdings, Inc." in release.lede


def test_a_sentence_ending_at_a_line_end_of_a_wrapped_text_exhibit_does_not_end_its_paragraph():
    first = "SPRINGFIELD, Ill., February 7, 2025 -- Acme Widget Holdings, Inc. (NYSE:"
    middle = "ACME) today announced a plant. The company also assigns to Widgetco two U.S."
    rest = "trademark registrations that Acme holds for its widget marks, and the patents around them."
    assert middle.endswith("U.S.") and len(middle) + 1 + len("trademark") > 72
    body = "\n".join([first, middle, *textwrap.wrap(rest, 72), "", *textwrap.wrap(_TAIL + " " + _REST, 72)])
    [release] = parse_bytes("0000123456-25-000042.txt", _exhibit(body).encode())
    assert "two U.S. trademark registrations" in release.lede


def test_a_text_exhibits_paragraph_that_prints_a_pipe_or_two_spaces_is_prose_not_a_table():
    paragraph = (
        "SPRINGFIELD, Ill., Feb. 7, 2025 -- Acme Widget Holdings, Inc. (NYSE: ACME) today announced a plant that "
        "doubles output at its main site.  It employs 400 people   in the Hudson Valley and ships 1,200 widgets a "
        "day to customers in twelve countries. Acme | Acme is a maker of widgets for industry, with plants in three "
        "states and customers in twelve countries, founded in 1952 by two brothers in Springfield."
    )
    [release] = parse_bytes("0000123456-25-000042.txt", _exhibit("\n".join(textwrap.wrap(paragraph, 72))).encode())
    assert release.company == "Acme Widget Holdings, Inc." and release.date == "2025-02-07"
    assert " | " not in release.body.split("Acme |")[0]


def test_a_text_exhibits_fixed_width_table_keeps_its_rows():
    rows = ["Net sales                    1,200        1,100", "Cost of sales                  800          750"]
    paragraph = (
        "SPRINGFIELD, Ill., Feb. 7, 2025 -- Acme Widget Holdings, Inc. (NYSE: ACME) today reported results for "
        "its fourth quarter, with net sales up nine percent on the year before and its margin wider by a point."
    )
    body = "\n".join(textwrap.wrap(paragraph, 72)) + "\n\n" + "\n".join(rows)
    [release] = parse_bytes("0000123456-25-000042.txt", _exhibit(body).encode())
    assert "Net sales | 1,200 | 1,100" in release.body and "Cost of sales | 800 | 750" in release.body


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # a paragraph's lines at the margin go on
        (["Acme Widget Holdings, Inc. today announced a plant that doubles its output", "at its main site."], 1),
        # a right-set banner and a centred title are set apart, however near the width they reach
        (["EXHIBIT 99.1".rjust(76), "Acme Widget Holdings, Inc. today announced a plant"], 2),
        (["Acme Widget Holdings, Inc. today announced a plant that doubles its output", "   - 2 -".center(76)], 2),
    ],
)
def test_unwrap_sets_apart_lines_indented_past_the_margin(lines, joined):
    from indexer.parse.wrapping import unwrap

    assert len(unwrap(lines, 76, set_apart=12)) == joined


def _paged(lines: list[str], at: int) -> str:
    """lines with a page's end (its centred number and EDGAR's <PAGE> mark) after line `at`."""
    return "\n".join([*lines[: at + 1], "", "1".center(72).rstrip(), "<PAGE>", *lines[at + 1 :]])


@pytest.mark.parametrize(
    ("last", "first", "reads"),
    [
        # a compound broken at its hyphen by the page's end; a sentence cut by it
        ("About Acme Widget Holdings: Acme Widget Holdings is a maker of Award-", "winning", "of Award-winning gears"),
        ("About Acme Widget Holdings: Acme Widget Holdings is a maker of widgets", "and", "of widgets and gears"),
    ],
)
def test_a_text_exhibits_paragraph_cut_by_a_page_break_goes_on_across_it(last, first, reads):
    assert len(last) + 1 + len(first) > 72  # the line was broken at the width
    rest = f"{first} gears for industry with plants in three states and customers in twelve countries."
    lines = textwrap.wrap(f"SPRINGFIELD, Ill., February 7, 2025 -- Acme Widget Holdings, Inc. {_REST}", 72)
    lines += ["", *textwrap.wrap(_TAIL, 72), "", last, *textwrap.wrap(rest, 72)]
    body = _paged(lines, lines.index(last))
    [release] = parse_bytes("0000123456-25-000042.txt", _exhibit(body).encode())
    joined = " ".join(f"{release.body} {release.about}".split())
    assert reads in joined and "<PAGE>" not in joined


def test_a_link_broken_at_a_text_exhibits_line_end_is_whole():
    link = "http://www.prnewswire.com/news-releases/acme-widget-holdings-opens-its-largest-plant-300867114.html"
    paragraph = f"{_TAIL} View original content: {link} SOURCE Acme Widget Holdings"
    lines = textwrap.wrap(paragraph, 72, break_on_hyphens=True)
    assert not any(line.endswith(link) for line in lines)  # the link is broken over lines
    first = "SPRINGFIELD, Ill., February 07, 2025 -- Acme Widget Holdings, Inc. (NYSE: ACME)"
    body = "\n".join([*textwrap.wrap(f"{first} {_REST}", 72), "", *lines])
    [release] = parse_bytes("0000123456-25-000042.txt", _exhibit(body).encode())
    assert link in release.body.replace("\n", " ") or link in release.links


def test_the_wrap_width_of_a_single_column_is_not_its_centred_headlines():
    from indexer.parse.wrapping import wrap_width

    headline = ["Acme Widget Holdings Opens Its Largest Plant and Doubles Output".center(84).rstrip()]
    column = textwrap.wrap(_REST + " " + _TAIL, 40)
    assert wrap_width([*headline, "", *column]) == max(len(line) for line in column)


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # a word too long for its line, cut by force: the line is its head, filled to the width
        (
            ["for investment. View original content:h", "ttp://www.prnewswire.com/news-releases/t", "hinking.html"],
            "for investment. View original content:http://www.prnewswire.com/news-releases/thinking.html",
        ),
        # a link broken after a hyphen or a slash
        (
            ["Read the full release online at http://www.acme.com/news-", "releases/acme-opens-a-plant today."],
            "Read the full release online at http://www.acme.com/news-releases/acme-opens-a-plant today.",
        ),
        # a wide gap after a full stop is between sentences, not columns
        (
            ["For more information, visit www.acme.com.   ABOUT ACME WIDGET", "HOLDINGS Acme makes widgets."],
            "For more information, visit www.acme.com.   ABOUT ACME WIDGET HOLDINGS Acme makes widgets.",
        ),
        # an ordinary line end keeps its space
        (
            ["Acme Widget Holdings, Inc. today opened a plant that doubles", "its output in the Hudson Valley."],
            "Acme Widget Holdings, Inc. today opened a plant that doubles its output in the Hudson Valley.",
        ),
    ],
)
def test_unwrap_joins_a_word_or_link_cut_at_the_line_end_without_a_space(lines, joined):
    from indexer.parse.wrapping import unwrap

    width = max(len(line) for line in lines)
    assert unwrap(lines, width) == [joined]


def test_unwrap_keeps_the_lines_of_columns_apart():
    from indexer.parse.wrapping import unwrap

    rows = ["Net sales of widgets and gears      1,200      1,100", "Cost of sales   800   750"]
    assert unwrap(rows, len(rows[0])) == rows


def test_a_dateline_whose_closing_dash_opens_the_next_line_leaves_the_lede_whole():
    column = [
        "NEW YORK, June 13, 2019 /PRNewswire/",
        "-- Acme Widget Holdings, Inc. (NYSE:",
        "ACME) today announced a plant that",
        "doubles output at its main site in the",
        "Hudson Valley, where it employs four",
        "hundred people, and lowers the cost of",
        "each unit by a third for customers.",
    ]
    headline = "Acme Widget Holdings Opens Its Largest Plant in the Hudson Valley".center(84).rstrip()
    [release] = parse_bytes("release.txt", "\n".join([headline, "", *column, ""]).encode())
    assert release.lede.startswith("Acme Widget Holdings, Inc.") and release.company == "Acme Widget Holdings, Inc."
    assert release.wire == "PR Newswire" and release.tickers == ["NYSE:ACME"]


@pytest.mark.parametrize(
    ("first", "rest", "whole"),
    [
        # the rest of a title that prints a telephone number is the headline's, not a contact line
        (
            "Acme Widget Lawyers at The Acme Law Group Announce a Hotline for People Concerned",
            "About Widget Recalls at (833) 200-7111",
            True,
        ),
        (
            "Acme Widget Holdings Opens Its Largest Plant and Doubles Output for Its Customers",
            "Media Contact: Jane Doe (555) 555-0100",
            False,
        ),
    ],
)
def test_a_wrapped_pdf_headline_takes_a_rest_that_prints_a_number_but_not_a_contact_line(first, rest, whole):
    body = "\n".join(textwrap.wrap(STORY.format(dateline="SPRINGFIELD, Ill., Feb. 7, 2025 --"), 84))
    [release] = parse_bytes("release.txt", f"{first}\n{rest}\n\n{body}\n".encode())
    assert release.headline == (f"{first} {rest}" if whole else first)


def test_a_pdf_link_broken_at_its_own_hyphen_keeps_it():
    from indexer.parse.pdftext import clean_pdf_text

    text = (
        "Acme Widget Holdings Opens Its Largest Plant\n\nView original content: http://www.acme.com/news/acme-opens-\n"
        "its-largest-plant-300980135.html and more.\n\nPage 1 of 2\n\fAcme Widget Holdings\n\nPage 2 of 2\n"
    )
    assert "http://www.acme.com/news/acme-opens-its-largest-plant-300980135.html" in clean_pdf_text(text)


def test_unwrap_allows_for_two_spaces_at_the_break():
    from indexer.parse.wrapping import unwrap

    # "... Oct.  10, 2019  (GLOBE NEWSWIRE)" wrapped at 40: the two spaces after the year stood at the break
    lines = ["SPRINGFIELD, Ill., Oct.  10, 2019", "(GLOBE NEWSWIRE) -- Acme Widget Holdings"]
    assert len(lines[0]) + 1 + len("(GLOBE") == 40
    assert unwrap(lines, 40) == [" ".join(lines)]


@pytest.mark.parametrize(
    ("below", "margin", "headline"),
    [
        # a lead cut short at the margin under the centred headline: the story's, not the headline's rest
        ("The Acme", True, "Acme Widget Holdings Opens Its Largest Plant and Doubles Output in November"),
        ("Acme Widget", True, "Acme Widget Holdings Opens Its Largest Plant and Doubles Output in November"),
        # a short rest centred like the headline above it still is its rest
        (
            "Wave of Growth",
            False,
            "Acme Widget Holdings Opens Its Largest Plant and Doubles Output in November Wave of Growth",
        ),
    ],
)
def test_a_text_exhibits_centred_headline_goes_on_across_a_blank_only_with_a_centred_line(below, margin, headline):
    text = text_exhibit("Acme Widget Holdings Opens Its Largest Plant and Doubles Output in November")
    first = "                         Output in November\n\n"
    assert first in text  # the headline's last line, centred
    text = text.replace(first, first + (below if margin else below.center(72).rstrip()) + "\n\n")
    [release] = parse_bytes("0000123456-25-000042.txt", text.encode())
    assert release.headline == headline
    assert release.date == "2025-02-07"


@pytest.mark.parametrize(
    ("last", "bound"),
    [
        ("For more information, visit rewards.example.com. Northwind Hotels,", "Inc.\u00a0(NASDAQ: NWT)"),
        ("For more information, visit our website. Contoso Resorts Group,", "Ltd.\u00a0(TSX: CRW)"),
        ("The resort opens with 336 rooms on six acres, a few minutes from", "Old\u00a0Town's harbour"),
    ],
)
def test_a_line_broken_before_words_a_no_break_space_binds_goes_on(last, bound):
    # the converter broke before the bound words as one: the first of them alone would have fitted on the line
    assert len(last) + 2 + len(bound.split()[0]) <= 72 < len(last) + 1 + len(bound.split(" ")[0])
    lines = [last, f"{bound} is based in Springfield, Illinois, and has many properties."]
    assert unwrap(lines, 72) == [" ".join(lines)]
    assert unwrap([last, "A line of its own."], 72) == [last, "A line of its own."]
