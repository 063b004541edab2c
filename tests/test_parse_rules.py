"""Rules that read a release's structure whatever its source (issue 18): each on small examples written for it."""

from __future__ import annotations

import textwrap

import pytest

from indexer.parse import parse_bytes
from indexer.parse.cleanup import clean_inline
from indexer.parse.pdftext import clean_pdf_text
from indexer.parse.tickers import listing_groups

STORY = (
    "\n\nThe company said the new product line doubles output at its main plant and lowers the cost of each unit by "
    "a third for its customers.\n\nAbout Acme\n\nAcme Corp. makes widgets for industry."
)


def parse(text: str, path: str = "release.txt"):
    [release] = parse_bytes(path, (text + STORY).encode("utf-8"))
    return release


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        ("NEW YORK, Tuesday, August 1, 2023 -- Acme Corp. today announced a plant.", "2023-08-01"),
        ("Contact: Jane Doe\n\njane@acme.example\n\n(212) 555-0100\n\nNEW YORK, August 1, 2023 -- Acme Corp. "
         "today announced a plant.", "2023-08-01"),
        ("* Output doubles\n\n* Costs fall by a third\n\nNEW YORK, August 1, 2023 -- Acme Corp. today announced.",
         "2023-08-01"),
        ("(NEW YORK, April 7, 2013) \u2013 Acme Corp. today announced a plant.", "2013-04-07"),
        ("SEATTLE; January 26, 2017 \u2013 Acme Corp. today announced a plant.", "2017-01-26"),
        ("PARIS, le 4 mars 2021 \u2014 Acme annonce aujourd'hui une usine.", "2021-03-04"),
        ("Vancouver, British Columbia--(Newsfile Corp. - February 7, 2025) - Acme Corp. today announced a plant.",
         "2025-02-07"),
        ("Vancouver, BC - TheNewswire - February 11, 2025 - Acme Corp. today announced a plant.", "2025-02-11"),
        ("NEW YORK, NY / ACCESS Newswire / April 17, 2025 / Acme Corp. today announced a plant.", "2025-04-17"),
    ],
)  # fmt: skip
def test_datelines_are_found_wherever_the_opening_puts_them(opening, date):
    assert parse("Acme Opens Plant\n\n" + opening).date == date


@pytest.mark.parametrize(
    "line",
    ["For Immediate Release: November 22, 2024", "November 22, 2024", "11/22/2024", "Date: November 22, 2024"],
)
@pytest.mark.parametrize("before_headline", [False, True])
def test_a_date_on_its_own_line_dates_the_release(line, before_headline):
    text = f"{line}\n\nAcme Opens Plant" if before_headline else f"Acme Opens Plant\n\n{line}"
    release = parse(text + "\n\nAcme Corp. today announced a plant.")
    assert release.date == "2024-11-22"
    assert release.headline == "Acme Opens Plant"
    assert release.subheadline is None


@pytest.mark.parametrize(
    ("path", "dateline", "date"),
    [
        ("feed/2025/0210/a.md", "NEW YORK, Feb. 7 --", "2025-02-07"),
        ("feed/2025/0103/a.md", "NEW YORK, Dec. 30 --", "2024-12-30"),  # the year before the file's
    ],
)
def test_dateline_without_a_year_takes_the_files_year(path, dateline, date):
    release = parse(f"# Acme Opens Plant\n\n{dateline} Acme Corp. today announced a plant.", path)
    assert release.date == date and release.location == "New York"


def test_a_date_in_a_narrative_sentence_is_not_the_release_date():
    release = parse("Acme Opens Plant\n\nBack on May 22, 2010, Acme Corp. opened its first plant. Today its tenth.")
    assert release.date is None and release.location is None


@pytest.mark.parametrize(
    ("path", "dateline", "date"),
    [
        ("feed/2024/0301/a.txt", "NEW YORK, March 1, 2099 --", "2024-03-01"),  # after the day of the build
        ("feed/2024/0301/a.txt", "NEW YORK, March 1, 2014 --", "2024-03-01"),  # years from the file's own date
    ],
)
def test_future_or_far_dates_are_suspect_and_another_candidate_wins(path, dateline, date):
    release = parse(f"Acme Opens Plant\n\n{dateline} Acme Corp. today announced a plant.", path)
    assert release.date == date and "date-suspect" in release.flags


def test_metadata_time_zone_gives_the_local_day():
    text = "---\ntitle: Acme Opens Plant\ndate: 2025-02-08T03:30:00Z\n---\n\nNEW YORK -- Acme Corp. today announced."
    assert parse(text, "a.md").date == "2025-02-07"


@pytest.mark.parametrize(
    ("printed", "tickers"),
    [
        ("(ZAC: TSX Venture; ZCTSF: OTC Markets)", ["TSXV:ZAC", "OTC:ZCTSF"]),
        ("(NYSE American, AIM and VFEX: CMCL)", ["NYSEAMERICAN:CMCL", "AIM:CMCL", "VFEX:CMCL"]),
        ("(NASDAQ/NMS: ROAC)", ["NASDAQ:ROAC"]),
        ("NYSE: AMCR; ASX: AMC", ["NYSE:AMCR", "ASX:AMC"]),
        ("is listed on the New York Stock Exchange under the symbol 'COF'", ["NYSE:COF"]),
        ("trades on Nasdaq under the ticker symbol \u201cACME\u201d", ["NASDAQ:ACME"]),
        ("shares trade on Nasdaq under the ticker symbol ACME", ["NASDAQ:ACME"]),
        ("is traded in the United States on NASDAQ under the symbol ACME", ["NASDAQ:ACME"]),
        # one exchange, several symbols (share classes, a warrant)
        ("(NASDAQ: ACMA, ACMB and ACMK)", ["NASDAQ:ACMA", "NASDAQ:ACMB", "NASDAQ:ACMK"]),
        ("(Nasdaq: ACME, ACMEW)", ["NASDAQ:ACME", "NASDAQ:ACMEW"]),
        ("(NYSE: ACM, TSX: AC)", ["NYSE:ACM", "TSX:AC"]),  # a colon after it: the next exchange's listing
        ("(TSX: ACM, OTCQB: ACMXF)", ["TSX:ACM", "OTC:ACMXF"]),
        ("(Nasdaq: ACME, the Company)", ["NASDAQ:ACME"]),
        # an index of an exchange's companies names the exchange
        ("(Nasdaq-100: ACME)", ["NASDAQ:ACME"]),
        ("is an S&P 500 and Nasdaq 100 (ACME) company", ["NASDAQ:ACME"]),
        ("is listed on the NYSE (ACM)", ["NYSE:ACM"]),
        ("is listed on the NYSE (the Exchange)", []),
        ("is listed on the NYSE (NYSE)", []),
        ("(NASDAQ-GS: ACME)", ["NASDAQ:ACME"]),
        # an exchange's former name, its symbol also an exchange's name: the exchange first, as printed
        ("(BATS: ACME)", ["CBOE:ACME"]),
        ("(BATS: CBOE)", ["CBOE:CBOE"]),
        # prose: "the ticker" alone, and the same shares' second listing after "and on"
        ('is listed on Nasdaq under the ticker "ACME"', ["NASDAQ:ACME"]),
        ('shares are listed on the Toronto Stock Exchange under the symbol "ACM" and on the OTCQX under the symbol '
         '"ACMXF"', ["TSX:ACM", "OTC:ACMXF"]),
        ("is named for the symbol ACM and the ticker ACME", []),
    ],
)  # fmt: skip
def test_ticker_shapes(printed, tickers):
    assert [t for g in listing_groups(f"Acme Corp. {printed} today said.") for t in g.tickers] == tickers


@pytest.mark.parametrize(
    ("printed", "tickers"),
    [
        ("(ZAC: TSX Venture; ZCTSF: OTC Markets)", ["OTC:ZCTSF", "TSXV:ZAC"]),
        ("(NASDAQ/NMS: ROAC)", ["NASDAQ:ROAC"]),
        ("(NASDAQ: ACMA, ACMB and ACMK)", ["NASDAQ:ACMA", "NASDAQ:ACMB", "NASDAQ:ACMK"]),
    ],
)
def test_ticker_shapes_reach_the_release(printed, tickers):
    release = parse(f"Acme Opens Plant\n\nBOSTON, Feb. 7, 2025 -- Acme Corp. {printed} today announced a plant.")
    assert release.tickers == tickers


@pytest.mark.parametrize(
    ("sentence", "tickers"),
    [
        ("Acme is based in Boston. Its stock is traded in the United States on NASDAQ under the symbol ACME.",
         ["NASDAQ:ACME"]),
        ("The Company's common stock is listed on the New York Stock Exchange under the symbol ACM.", ["NYSE:ACM"]),
        ("The Company's common stock is publicly traded on NASDAQ under the symbol ACME.", ["NASDAQ:ACME"]),
        ("Acme is based in Boston. Its shares are publicly traded on the NYSE under the symbol ACM.", ["NYSE:ACM"]),
        ("Acme Corp. is publicly traded on Nasdaq under the symbol ACME.", ["NASDAQ:ACME"]),
        ("Shares of Beta Industries are publicly traded on Nasdaq under the symbol BETA.", []),
        ("Shares of Acme Corp. trade on Nasdaq under the ticker symbol ACME.", ["NASDAQ:ACME"]),
        ("Acme Corp.'s shares are quoted on the OTCQB under the symbol ACMX.", ["OTC:ACMX"]),
        ("Shares of Beta Industries trade on Nasdaq under the ticker symbol BETA.", []),
        ("Beta Industries, its largest customer, trades on Nasdaq under the symbol BETA.", []),
    ],
)  # fmt: skip
def test_a_listing_told_in_prose_is_the_issuers_when_its_sentence_names_its_shares(sentence, tickers):
    release = parse(f"Acme Opens Plant\n\nBOSTON, Feb. 7, 2025 -- Acme Corp. today announced a plant.\n\n{sentence}")
    assert release.tickers == tickers


@pytest.mark.parametrize("wire", ["Business Wire", "PR Newswire", "GlobeNewswire"])
def test_wire_name_on_its_own_line_above_the_dateline(wire):
    release = parse(f"Acme Opens Plant\n\n{wire}\n\nNEW YORK -- Acme Corp. today announced a plant.")
    assert release.wire == wire and release.subheadline is None


def test_markdown_front_matter_fields():
    text = (
        '---\ntitle: "Acme Opens Plant"\ndate: 2025-02-07T23:30:00-05:00\nsource: GlobeNewswire\n'
        "link: https://example.com/acme\n---\n\nAcme Corp. today announced a plant."
    )
    release = parse(text, "a.md")
    assert (release.headline, release.date, release.wire) == ("Acme Opens Plant", "2025-02-07", "GlobeNewswire")
    assert "https://example.com/acme" in release.links


def test_pdf_extracted_text_is_cleaned():
    page = "Acme Corp. | Q4 2024 Results        Page {} of 2"
    text = (
        "Acme Opens Plant\n\nNEW YORK, Feb. 7, 2025 -- Acme Corp. today an\x00nounced a new ef\ufb01cient plant, the "
        "\ufb01rst of its kind in the re-\ngion.\n\n"
        + page.format(1)
        + "\n\fOutput doubles at the plant.\n\n"
        + page.format(2)
    )
    release = parse(text)
    assert release.headline == "Acme Opens Plant" and release.date == "2025-02-07"
    assert "announced a new efficient plant, the first of its kind in the region." in release.text
    assert "Page 1" not in release.text and "\x00" not in release.text


def test_pdf_text_with_many_nul_bytes_is_still_binary():
    with pytest.raises(Exception, match="binary"):
        parse_bytes("a.txt", b"Acme\x00\x00\x00 Opens\x00\x00 Plant" * 50)


@pytest.mark.parametrize(
    "first",
    ["FOR IMMEDIATE RELEASE", "NEWS RELEASE", "PRESS RELEASES", "NEWS", "Exhibit 99.1", "February 7, 2025", "Acme Corp.", "ACME CORPORATION",
     "Media Contact: Jane Doe, (212) 555-0100", "www.acme.example"],
)  # fmt: skip
def test_plain_text_first_line_is_a_candidate_not_the_answer(first):
    release = parse(f"{first}\n\nAcme Opens Plant\n\nNEW YORK, Feb. 7, 2025 -- Acme Corp. today announced a plant.")
    assert release.headline == "Acme Opens Plant"


@pytest.mark.parametrize(
    "headline",
    ["Acme Corp. Opens Its Largest Plant", "Media General Names a New Chief", "News Corp Reports Results",
     "Investors Title Company Raises Its Dividend", "Press Ganey Acquires Acme"],
)  # fmt: skip
def test_plain_text_headline_that_is_a_real_first_line_stays(headline):
    assert parse(f"{headline}\n\nNEW YORK -- Acme Corp. today announced.").headline == headline


def test_edgar_text_exhibit_saved_alone_loses_its_page_marks():
    text = (
        "<PAGE>   1\n\n                EXHIBIT 20.1\n\n         ACME TO ACQUIRE GADGETCO INC.\n\nSpringfield, IL (March 4, "
        "1996) -- Acme Corp. today announced an\nagreement to purchase Gadgetco Inc., a maker of gadgets for the home\n\n"
        "                       -2-\n<PAGE>   2\n\nThe transaction is expected to close by the end of the quarter."
    )
    [release] = parse_bytes("ex20.txt", text.encode())
    assert release.headline == "ACME TO ACQUIRE GADGETCO INC." and release.date == "1996-03-04"
    assert "<PAGE>" not in release.text and "-2-" not in release.text


@pytest.mark.parametrize(
    ("lines", "headline"),
    [
        ("Acme Corp. Reports Fourth Quarter and Full Year 2024\nFinancial Results",
         "Acme Corp. Reports Fourth Quarter and Full Year 2024 Financial Results"),
        ("ACME REPORTS RECORD\nFOURTH QUARTER RESULTS", "ACME REPORTS RECORD FOURTH QUARTER RESULTS"),
        ("Acme Opens Its Largest Plant in\nCentral Ohio", "Acme Opens Its Largest Plant in Central Ohio"),
        ("Widgetron Acquires Gadget Co.", "Widgetron Acquires Gadget Co."),
    ],
)  # fmt: skip
def test_plain_text_headline_wrapped_over_lines_is_joined(lines, headline):
    release = parse(f"{lines}\n\nNEW YORK, Feb. 7, 2025 -- Acme Corp. today reported results.")
    assert release.headline == headline


def test_plain_text_headline_and_a_longer_line_below_stay_apart():
    release = parse("Acme Opens Plant\nOutput Doubles at the New Site in Ohio Today\n\nNEW YORK -- Acme Corp. said.")
    assert release.headline == "Acme Opens Plant"
    assert release.subheadline == "Output Doubles at the New Site in Ohio Today"


@pytest.mark.parametrize(
    ("opening", "place", "date"),
    [
        ("Los Angeles, 21st December \u2013 Acme Corp. today opened a plant.", "Los Angeles", "2024-12-21"),
        ("Boston, 21 December \u2013 Acme Corp. today opened a plant.", "Boston", "2024-12-21"),
        ("Los Angeles, December 21st \u2013 Acme Corp. today opened a plant.", "Los Angeles", "2024-12-21"),
        ("NEW YORK, Dec. 21 -- Acme Corp. today opened a plant.", "New York", "2024-12-21"),
        ("NY, United States - December 21, 2024 / Acme Corp / Acme Corp. today opened a plant.",
         "NY, United States", "2024-12-21"),
        ("Austin, TX, USA - December 21, 2024 / Acme Corp / Acme Corp. today opened a plant.",
         "Austin, TX, USA", "2024-12-21"),
        ("December 21, Singapore - Today, Acme Corp. opened a plant.", "Singapore", "2024-12-21"),
        ("Dec. 21, Austin, Texas \u2013 Acme Corp. today opened a plant.", "Austin, Texas", "2024-12-21"),
        ("December 21st, LONDON -- Acme Corp. today opened a plant.", "London", "2024-12-21"),
    ],
)  # fmt: skip
def test_a_dateline_without_a_year_or_with_a_state_code_first_gives_place_and_date(opening, place, date):
    release = parse("Acme Opens Plant\n\n" + opening, "feed/2024/1222/acme-opens-plant.md")
    assert (release.location, release.date) == (place, date)


@pytest.mark.parametrize(
    "opening",
    [
        "Holiday Sales, December 21 \u2013 a title, not a dateline: Acme Corp. today opened a plant.",
        "ET, December 21, 2024 - Acme Corp. today opened a plant.",
        "December 21, Save the Date - Acme Corp. today opened a plant.",  # date first, then no place we know
    ],
)
def test_a_title_or_a_time_zone_before_a_date_is_no_dateline_place(opening):
    assert parse("Acme Opens Plant\n\n" + opening, "feed/2024/1222/acme-opens-plant.md").location is None


@pytest.mark.parametrize(
    "closing",
    ["/PRNewswire -- Dec. 21, 2024/ SOURCE Acme Corp.", "/PRNewswire-FirstCall -- December 21, 2024/", "/PRNewswire/"],
)
def test_a_wire_signature_at_the_end_names_the_wire_when_the_dateline_does_not(closing):
    opening = "Acme Opens Plant\n\nBOSTON, Mass., December 21, 2024 \u2013 Acme Corp. today opened a plant."
    assert parse(opening).wire is None
    [signed] = parse_bytes("release.txt", f"{opening}{STORY} {closing}".encode())
    assert signed.wire == "PR Newswire"


_WRAPPED_BODY = "\n".join(
    textwrap.wrap(
        "The company said the new product line doubles output at its main plant and lowers the cost of each unit "
        "by a third for its customers, who have waited two years for it. " * 4,
        84,
    )
)


@pytest.mark.parametrize(
    ("opening", "headline"),
    [
        # sentence case, broken where the next word did not fit in the text's 84 columns
        ("Thinking about buying shares in Acme, Widgetron, Gadgetco, Sprocket Works, General\nMotors, or Zed?",
         "Thinking about buying shares in Acme, Widgetron, Gadgetco, Sprocket Works, General Motors, or Zed?"),
        ("Acme opens its largest plant in the Midwest as orders from customers in twelve\ncountries double",
         "Acme opens its largest plant in the Midwest as orders from customers in twelve countries double"),
        # a short headline line ends where it ends: the line below is a subheadline
        ("Acme Opens Its Largest Plant\nNew line doubles output", "Acme Opens Its Largest Plant"),
        ("Acme opens its largest plant\nOutput doubles and costs fall by a third", "Acme opens its largest plant"),
    ],
)  # fmt: skip
def test_a_headline_broken_at_a_hard_wrapped_texts_width_is_joined(opening, headline):
    text = f"{opening}\n\nNEW YORK, Dec. 9, 2019 -- Acme Corp. today opened a plant.\n\n{_WRAPPED_BODY}\n"
    [release] = parse_bytes("release.txt", text.encode())
    assert release.headline == headline


def test_a_title_printed_again_below_the_front_matter_is_no_subheadline():
    text = "---\ntitle: Acme Opens Plant\ndate: 2025-02-07\n---\n\n# Acme Opens Plant\n\nNEW YORK -- Acme Corp. today opened."
    release = parse(text, "a.md")
    assert (release.headline, release.subheadline) == ("Acme Opens Plant", None)


@pytest.mark.parametrize(
    ("printed", "clean"),
    [
        ("**BOSTON--(BUSINESS WIRE)--**Acme Corp. today", "BOSTON--(BUSINESS WIRE)--Acme Corp. today"),
        ("**BOSTON, Feb. 7, 2025 /PRNewswire/** -- Acme", "BOSTON, Feb. 7, 2025 /PRNewswire/ -- Acme"),
        ("window.__count = (window.__count || 0) + 1", "window.__count = (window.__count || 0) + 1"),
        ("2*3*4 = 24", "2*3*4 = 24"),
    ],
)
def test_markdown_emphasis_marks_go_but_code_and_sums_stay(printed, clean):
    assert clean_inline(printed) == clean


@pytest.mark.parametrize(
    ("page_one_ends", "page_two_starts", "joined"),
    [
        ("Acme Corp. (NASDAQ:", "ACME) makes widgets.", True),  # a bracket left open
        ("orders rose in twelve states, and", "in four provinces.", True),  # lower case goes on
        ("Output doubled this year.", "About Acme", False),  # a sentence ended, a heading starts
        ("Output doubled this year.", "Acme Corp. makes widgets.", False),
    ],
)
def test_a_paragraph_cut_by_a_page_break_is_one_again(page_one_ends, page_two_starts, joined):
    filler = [f"Line {n} of the plant ships {n * 40} widgets a day to customers in {n + 3} states." for n in range(5)]
    text = "\n".join(["Acme Opens Its Largest Plant", "", *filler, page_one_ends, "", "Page 1 of 2"])
    text += "\f" + "\n".join(["Acme Opens Its Largest", "", page_two_starts, "", "Page 2 of 2"])
    cleaned = clean_pdf_text(text)
    assert (f"{page_one_ends} {page_two_starts}" in cleaned) is joined
    assert "Acme Opens Its Largest\n" not in cleaned and "Page 1 of 2" not in cleaned  # the running header goes


@pytest.mark.parametrize(
    ("below_headline", "date"),
    [("25.04.2023", "2023-04-25"), ("2023-04-25", "2023-04-25"), ("Date: 25.04.2023", "2023-04-25"), ("4/25/2023", "2023-04-25")],
)  # fmt: skip
def test_a_numeric_date_on_its_own_line_dates_the_release(below_headline, date):
    release = parse(f"Acme Opens Plant\n\n{below_headline}\n\nAcme Corp. today opened a plant.", "feed/2023/0426/a.txt")
    assert release.date == date


def test_ein_presswires_slashed_marker_names_the_wire():
    opening = "NEW YORK, NY, UNITED STATES, April 25, 2023 /EINPresswire.com/ -- Acme Corp. today opened a plant."
    release = parse(f"Acme Opens Plant\n\n{opening}")
    assert (release.wire, release.location, release.date) == (
        "EIN Presswire",
        "New York, NY, United States",
        "2023-04-25",
    )


@pytest.mark.parametrize(
    ("tail", "about"),
    [
        ("Tours run daily. About Nice Fun Tours Nice Fun Tours specializes in walking tours.", "Nice Fun Tours"),
        ("Tours run daily. About the Acme Group Acme Group makes widgets in Ohio.", "Acme Group"),
        ("Tours run daily. About 40 people came to the first one, the company said.", None),  # no name twice
    ],
)
def test_an_about_heading_run_into_the_paragraph_before_is_its_own_section(tail, about):
    text = "Acme Opens Plant\n\nNEW YORK, Feb. 7, 2025 -- Acme Corp. today opened a plant.\n\n" + tail
    [release] = parse_bytes("release.txt", text.encode())
    assert ((release.about or "").split("\n")[0].removeprefix("About ").removeprefix("the ") or None) == about


@pytest.mark.parametrize(
    ("quoted", "title"),
    [
        ('"New Book \\"I AM\\" to Spark a Dialogue"', 'New Book "I AM" to Spark a Dialogue'),
        ("'Acme''s Plant Opens'", "Acme's Plant Opens"),
        ('"Acme Opens Plant \\u2014 Output Doubles"', "Acme Opens Plant \u2014 Output Doubles"),
    ],
)
def test_a_quoted_front_matter_title_is_read_with_its_escapes(quoted, title):
    text = f"---\ntitle: {quoted}\ndate: 2025-02-07\n---\n\nNEW YORK -- Acme Corp. today opened a plant.\n"
    assert parse(text, "repost.md").headline == title


@pytest.mark.parametrize(("slug", "wire"), [("newsworthy", "Newsworthy.ai"), ("247PressRelease", "24-7PressRelease")])
def test_a_front_matter_source_that_is_a_feeds_slug_names_its_wire_not_the_issuer(slug, wire):
    text = (
        f"---\ntitle: Acme Opens Plant\ndate: 2025-02-07\nsource: {slug}\n---\n\n"
        f"NEW YORK ({wire}) -- Acme Corp. today opened a plant.\n\nAbout Acme Corp.\n\nAcme Corp. makes widgets.\n"
    )
    release = parse(text, "repost.md")
    assert (release.wire, release.company) == (wire, "Acme Corp.")
