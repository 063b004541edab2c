"""Headlines broken over lines read whole in every shape, and only their own lines: a Markdown heading broken where
it cannot end, a number or quarter wrapped onto a line of its own in PDF text, a headline opening with "#1", and a
subheadline under a headline of text saved a paragraph a line or of an HTML exhibit."""

from __future__ import annotations

import textwrap

import pytest

from indexer.parse import parse_bytes

LEDE = (
    "{place}, March 4, 2025 /PRNewswire/ -- {name} (NASDAQ: {symbol}) today announced news about its products, "
    "which it sells to customers in many countries. The company said the news was good for everyone."
)
BODY = (
    "The company makes tools for builders and sells them through dealers in every state. It employs three hundred "
    "people at its two plants and ships its products from a warehouse near its head office in the city."
)


def _pdf_text(headline_lines: list[str], name: str, symbol: str, width: int = 80) -> str:
    """pdftotext of a two-page release: the headline's lines as given, a page number under each page."""
    paragraphs = [LEDE.format(place="SPRINGFIELD, Ill.", name=name, symbol=symbol), *[BODY] * 12]
    lines = [*headline_lines, ""]
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, width) + [""]
    return "\n".join(lines[:40] + ["", "1", "\f"] + lines[40:] + ["", "2", ""])


@pytest.mark.parametrize(
    ("first", "last", "name", "symbol"),
    [
        # the wrap leaves a bare number alone under the headline: the headline's, not a page number
        ("Contoso Tool Works Sets Its Yearly Meeting and Premieres Its Builders Series Aug.", "18", "Contoso", "CTW"),
        ("Northwind Gadget Group Announces Support of the Safety Act of Texas Proposition", "4", "Northwind", "NGG"),
        # a quarter spelled figure first ("3Q25", "1H24")
        ("Fabrikam Capital Partners Updates Coverage on Contosoplex Inc. (NASDAQ: CTSO)", "3Q25", "Fabrikam", "FCP"),
        ("Fabrikam Capital Partners Updates Coverage on Contosoplex Inc. (NASDAQ: CTSO)", "1H24", "Fabrikam", "FCP"),
    ],
)
def test_a_pdf_headlines_last_word_on_a_line_of_its_own_stays_in_it(first, last, name, symbol):
    assert len(first) + 1 + len(last) > 80  # the word would not have fitted on the line above
    [release] = parse_bytes("pdf/release.txt", _pdf_text([first, last], name, symbol).encode())
    assert release.headline == f"{first} {last}"
    assert release.lede.startswith(f"{name} (NASDAQ: {symbol}) today announced")


@pytest.mark.parametrize("number", ["2", "14"])
def test_a_page_number_under_a_pages_last_line_still_goes(number):
    # the number stands far below the opening lines: a page number, dropped from the text
    text = _pdf_text(["Contoso Tool Works Opens Its Third Plant in the State"], "Contoso", "CTW").replace(
        "\n2\n", f"\n{number}\n"
    )
    [release] = parse_bytes("pdf/release.txt", text.encode())
    assert f"\n{number}\n" not in f"\n{release.body}\n"


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        ("Contoso Tool Works Offers Its Builders a Powerful Tale of Survival and", "Resilience"),
        ("Northwind Gadget Group and Fabrikam Tools Partner", "to Advance a Circular Supply Chain for Builders"),
        ("NORTHWIND GADGET GROUP TAPS INDUSTRY LEGENDS JANE ROE,", "JOHN DOE AND MARY MAJOR IN LEAD ROLES"),
    ],
)
def test_a_markdown_heading_broken_where_it_cannot_end_goes_on_below(first, rest):
    lede = LEDE.format(place="SPRINGFIELD, Ill.", name="Contoso Tool Works", symbol="CTW")
    text = f"# {first}\n{rest}\n\n{lede}\n\n{BODY}\n"
    [release] = parse_bytes("wire/release.md", text.encode())
    assert release.headline == f"{first} {rest}"


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        ("Contoso Tool Works Opens Its Third Plant", "Builders in Three States Gain a Closer Dealer"),
        ("Northwind Gadget Group Celebrates Its Annual Awards", "The Signature Celebration Returns on June 3"),
    ],
)
def test_a_title_under_a_markdown_heading_that_may_end_is_not_its_rest(first, rest):
    lede = LEDE.format(place="SPRINGFIELD, Ill.", name="Contoso Tool Works", symbol="CTW")
    text = f"# {first}\n{rest}\n\n{lede}\n\n{BODY}\n"
    [release] = parse_bytes("wire/release.md", text.encode())
    assert release.headline == first


@pytest.mark.parametrize("mark", ["#1", "#2", "#10"])
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_headline_opening_with_a_rank_is_no_heading(mark, suffix):
    # "#1 Billboard Artist ..." in text from a PDF: the hash is the headline's, and the wrapped rest goes on
    headline = f"{mark} Rated Tool Maker - Contoso Tool Works Is Building a Legacy All Its Own and Springfield Is"
    rest = "About to See It"
    lede = LEDE.format(place="SPRINGFIELD, Ill.", name="Contoso Tool Works", symbol="CTW")
    body = "\n".join(textwrap.wrap(f"{lede} {BODY} {BODY}", len(headline)))
    text = f"{headline}\n{rest}\n\n{body}\n\n{body}\n"
    [release] = parse_bytes(f"pdf/release{suffix}", text.encode())
    assert release.headline == f"{headline} {rest}"


@pytest.mark.parametrize(
    ("headline", "below"),
    [
        (
            "Contoso Tool Works Doubles the Number of Dealers for Its gadgetr Mobile App",
            "gadgetr now has 13,000 dealers",
        ),
        (
            "Northwind Gadget Group to Present at the Springfield Technology, Media & Builders Conference",
            "Webcast scheduled for March 5, 2025 at 10:20 a.m. Pacific Time",
        ),
    ],
)
def test_a_subheadline_under_a_headline_of_text_saved_a_paragraph_a_line_is_not_its_rest(headline, below):
    lede = LEDE.format(place="SPRINGFIELD, Ill.", name="Contoso Tool Works", symbol="CTW")
    text = "\n".join(["NEWS RELEASE", headline, below, f"{lede} {BODY}", BODY + " " + BODY, BODY + " " + BODY])
    [release] = parse_bytes("word/release.txt", text.encode())
    assert release.headline == headline


@pytest.mark.parametrize("below", ["gadgetr now has 13,000 dealers across the country", "gadgetr reaches every state"])
def test_a_lower_case_block_under_an_exhibits_headline_is_not_its_rest(below):
    # a new block (a <P> of its own) of another look, opening with a name spelled in lower case: the story's
    html = (
        "<HTML><BODY>"
        '<P ALIGN="center"><FONT SIZE="3"><B>Contoso Tool Works Doubles the Dealers of Its gadgetr<BR>Mobile App'
        "</B></FONT></P>"
        f'<P STYLE="margin-top:12px"><FONT SIZE="2">{below}</FONT></P>'
        f'<P STYLE="margin-top:12px"><FONT SIZE="2">{LEDE.format(place="SPRINGFIELD, Ill.", name="Contoso", symbol="CTW")}'
        f"</FONT></P>"
        f'<P STYLE="margin-top:12px"><FONT SIZE="2">{BODY}</FONT></P>'
        "</BODY></HTML>"
    )
    [release] = parse_bytes("edgar/ex99-1.htm", html.encode())
    assert release.headline == "Contoso Tool Works Doubles the Dealers of Its gadgetr Mobile App"


def _exhibit(headline_html: str) -> str:
    """A filing agent's EX-99.1: the headline's bold block as given, then the story in blocks of their own."""
    lede = LEDE.format(place="SPRINGFIELD, Ill.", name="Contoso Tool Works", symbol="CTW")
    return (
        '<HTML><BODY><P ALIGN="right"><FONT SIZE="2"><B>Exhibit 99.1</B></FONT></P>'
        f'<P ALIGN="center"><FONT SIZE="3"><B>{headline_html}</B></FONT></P>'
        f'<P STYLE="margin-top:12px"><FONT SIZE="2">{lede}</FONT></P>'
        f'<P STYLE="margin-top:12px"><FONT SIZE="2">{BODY}</FONT></P></BODY></HTML>'
    )


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        # the line before cannot end: a joining word, an open quote; the rest may end a sentence or a question
        (
            "The $Contoso Token launches at Builders Week 2025, and announces",
            "Builders Week Activator, Jane Roe, as Advisor.",
        ),
        ("Join Contoso Tool Works' Exclusive Webinar \"Builder", 'Motivation: What Goes Into the Decision to Build?"'),
        # a headline a bar parts, cut inside a quote
        ('Contoso & Roe | Injury & Builders Lawyers Voted "Silver', "Best Builders Law\" by Springfield's Best 2025"),
        # a headline a <BR> cuts after its colon, not a "Media Contact:" label
        ("Contoso Tool Works Releases Its Builders Index and No Need to Check Twice:", "It's Tools That Make It Nice"),
    ],
)
def test_an_exhibits_headline_broken_where_it_cannot_end_reads_whole(first, rest):
    [release] = parse_bytes("edgar/ex99-1.htm", _exhibit(f"{first}<BR>{rest}").encode())
    assert release.headline == f"{first} {rest}"


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        ("Contoso Tool Works Opens Its Largest Plant", "The plant doubles the output of its lines."),
        ("Contoso Tool Works Opens Its Largest Plant", "Output doubles; the plant hires three hundred."),
    ],
)
def test_a_finished_statement_under_an_exhibits_headline_that_may_end_is_its_subheadline(first, rest):
    [release] = parse_bytes("edgar/ex99-1.htm", _exhibit(f"{first}<BR>{rest}").encode())
    assert release.headline == first


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        ("Contoso, Northwind and Fabrikam Tool Works Collaboration Achieves a Milestone:", "First Mass Production"),
        ("Northwind Gadget Group Releases Its Builders Index and No Need to Check Twice:", "It's Tools That Count"),
    ],
)
def test_a_pdf_headline_wrapped_after_its_colon_reads_whole(first, rest):
    assert len(first) + 1 + len(rest.split()[0]) > 80
    [release] = parse_bytes("pdf/release.txt", _pdf_text([first, rest], "Contoso", "CTW").encode())
    assert release.headline == f"{first} {rest}"


@pytest.mark.parametrize("label", ["Media Contact:", "Investor Relations Contact:"])
def test_a_contact_label_over_the_headline_is_no_part_of_it(label):
    text = _pdf_text([label, "Jane Roe", "", "Contoso Tool Works Opens Its Third Plant"], "Contoso", "CTW")
    [release] = parse_bytes("pdf/release.txt", text.encode())
    assert release.headline == "Contoso Tool Works Opens Its Third Plant"


@pytest.mark.parametrize(
    ("title", "letterhead"),
    [
        ("Innovative Solutions for Warehouse Networking", False),
        ("Contoso Answers for the Builders of Springfield", False),
        ("Innovative Solutions for Warehouse Networking", True),
    ],
)
def test_a_short_headline_the_pages_repeat_as_their_running_header_stays(title, letterhead):
    # a subheadline (a short line) under the headline, the headline atop every later page
    top = ["NEWS RELEASE", "", "Media Contact: Jane Roe, (555) 555-0100", ""] if letterhead else []
    lede = LEDE.format(place="SPRINGFIELD, Ill.", name="Contoso Tool Works", symbol="CTW")
    lines = [*top, title, "", "Overcoming Common Builder Issues", ""]
    for paragraph in [lede, *[BODY] * 14]:
        lines += textwrap.wrap(paragraph, 80) + [""]
    pages = [lines[:40], lines[40:76], lines[76:]]
    text = "\f".join(
        "\n".join(([title, ""] if k else []) + page + ["", f"Page {k + 1}"]) for k, page in enumerate(pages)
    )
    [release] = parse_bytes("pdf/release.txt", text.encode())
    assert release.headline == title
    assert title not in release.body


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        ("Contoso Tool Works and Northwind Gadget Group Ltd. Achieve a Builders First-", "of-Its-Kind Milestone"),
        ("Contoso Tool Works and Northwind Gadget Group Ltd. Launch a Builders Up-", "to-the-Minute Price Index"),
    ],
)
def test_a_compound_broken_at_its_hyphen_in_paged_pdf_text_keeps_it(first, rest):
    [release] = parse_bytes("pdf/release.txt", _pdf_text([first, rest], "Contoso", "CTW").encode())
    assert release.headline == f"{first}{rest}"


@pytest.mark.parametrize("word", [("inter-", "national"), ("com-", "pany")])
def test_a_word_hyphenated_at_a_paged_lines_end_is_joined(word):
    head, tail = word
    first = f"Contoso Tool Works and Northwind Gadget Group Ltd. Open a Builders {head}"
    [release] = parse_bytes("pdf/release.txt", _pdf_text([first, f"{tail} Plant"], "Contoso", "CTW").encode())
    assert release.headline == f"{first[:-1]}{tail} Plant"


@pytest.mark.parametrize("byline", ["By Contoso", "By Jane Roe, Contoso News"])
def test_a_headline_over_a_byline_the_next_page_repeats_stays(byline):
    # two pages: the headline is the second page's running header too, and a byline (not a story) stands under it
    title = "The Benefits Of Cash-Settled Builder Options"
    lines = [title, "", byline, ""]
    for paragraph in [BODY] * 14:
        lines += textwrap.wrap(paragraph, 80) + [""]
    text = "\n".join(lines[:40] + ["Page 1 of 2", "\f" + title, ""] + lines[40:] + ["Page 2 of 2"])
    [release] = parse_bytes("pdf/options.txt", text.encode())
    assert release.headline == title
