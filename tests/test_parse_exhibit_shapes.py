"""EDGAR press-release exhibits in the shapes filers use (issue 18), each written for the rule that reads it:
Workiva blocks, layout tables with a logo, contacts in a table, <PRE> text, a date line below the headline."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from tests.test_parse_edgar import COVER, STORY, exhibit, submission

LEDE = "Widgetron Corp. (NYSE: WDG) today announced the opening of a new production line.</P>" + STORY
HEADLINE = "Widgetron Opens Its Largest Widget Line"


def parse(body: str):
    [release] = parse_bytes("filings/0000123456-21-000042.txt", submission(COVER, exhibit(body)).encode("utf-8"))
    return release


SHAPES = {
    "workiva blocks": (
        '<div style="text-align:right"><span style="font-size:10pt">Exhibit 99.1</span></div>'
        f'<div style="text-align:center"><span style="font-weight:700;font-size:14pt">{HEADLINE}</span></div>'
        '<div style="text-align:center"><span style="font-style:italic;font-size:11pt">New line doubles output and '
        "lowers the cost of each widget by a third</span></div>"
        '<div><span style="font-size:10pt">SPRINGFIELD, Ill., March 4, 2021 </span><span>&#8212; ' + LEDE,
        ("2021-03-04", "Springfield, Ill.", None),
    ),
    "logo table and a banner below the headline": (
        '<TABLE><TR><TD><IMG SRC="logo.jpg"></TD><TD ALIGN="right"><B>NEWS</B></TD></TR></TABLE>'
        f'<P ALIGN="center"><B>{HEADLINE}</B></P><P>FOR IMMEDIATE RELEASE</P>'
        "<P>SPRINGFIELD, Ill., March 4, 2021 &#8212; " + LEDE,
        ("2021-03-04", "Springfield, Ill.", None),
    ),
    "contacts in a table": (
        "<TABLE><TR><TD>Contact: Jane Doe<BR>(217) 555-0100</TD><TD>FOR IMMEDIATE RELEASE</TD></TR></TABLE>"
        f"<P><B>{HEADLINE}</B></P><P>SPRINGFIELD, Ill., March 4, 2021 /PRNewswire/ -- " + LEDE,
        ("2021-03-04", "Springfield, Ill.", "PR Newswire"),
    ),
    "Business Wire date after the marker": (
        f"<P><B>{HEADLINE}</B></P><P>SPRINGFIELD, Ill.--(BUSINESS WIRE)--March 4, 2021--" + LEDE,
        ("2021-03-04", "Springfield, Ill.", "Business Wire"),
    ),
    "weekday in the dateline": (
        f"<P><B>{HEADLINE}</B></P><P>SPRINGFIELD, Ill., Thursday, March 4, 2021 &#8212; " + LEDE,
        ("2021-03-04", "Springfield, Ill.", None),
    ),
    "memo date and letterhead above the headline": (
        f"<P>Date: March 4, 2021</P><P>Widgetron Corp.</P><P><B>{HEADLINE}</B></P><P>SPRINGFIELD, Ill. &#8212; " + LEDE,
        ("2021-03-04", "Springfield, Ill.", None),
    ),
    "the filer's letterhead: name over its address, telephone and web address": (
        '<P ALIGN="center">Widgetron Corp.<BR>100 Industrial Parkway, Suite 4<BR>Springfield, IL 62701<BR>'
        "Tel: (217) 555-0100<BR>www.widgetron.example</P><P>NEWS RELEASE</P>"
        f"<P><B>{HEADLINE}</B></P><P>SPRINGFIELD, Ill., March 4, 2021 &#8212; " + LEDE,
        ("2021-03-04", "Springfield, Ill.", None),
    ),
    "a letterhead name not a company's, over a telephone line": (
        '<P ALIGN="center">The Widget Makers<BR>(217) 555-0100 &#183; info@widgetron.example</P>'
        f"<P><B>{HEADLINE}</B></P><P>SPRINGFIELD, Ill., March 4, 2021 &#8212; " + LEDE,
        ("2021-03-04", "Springfield, Ill.", None),
    ),
    "a date line below the headline, a dateline without a date": (
        f"<P><B>{HEADLINE}</B></P><P>March 4, 2021</P><P>SPRINGFIELD, Ill. &#8212; " + LEDE,
        ("2021-03-04", "Springfield, Ill.", None),
    ),
    "plain text in <PRE>": (
        "<PRE>\n                                                   EXHIBIT 99.1\n\n"
        f"          {HEADLINE.upper()}\n\n"
        "SPRINGFIELD, Ill., March 4, 2021 -- Widgetron Corp. (NYSE: WDG) today announced the opening\n"
        "of a new production line.\n\n     The company said the new line doubles output at its plant and lowers\n"
        "the cost of each widget by a third.\n\n                                   -more-\n<PAGE>\n"
        "     About Widgetron\n\n     Widgetron Corp. makes widgets for industry.\n\n          ###\n</PRE>",
        ("2021-03-04", "Springfield, Ill.", None),
    ),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_exhibit_shape_gives_headline_date_place_and_wire(shape):
    body, (date, place, wire) = SHAPES[shape]
    release = parse(body)
    assert release.headline.casefold() == HEADLINE.casefold()
    assert (release.date, release.location, release.wire) == (date, place, wire)
    assert release.company == "Widgetron Corp." and release.tickers == ["NYSE:WDG"]
    assert release.subheadline is None or "2021" not in release.subheadline


@pytest.mark.parametrize("below", ["100 Industrial Parkway, Springfield, IL 62701", "Tel: (217) 555-0100"])
def test_a_short_headline_with_a_verb_over_an_address_stays_the_headline(below):
    release = parse(
        f"<P><B>Widgetron Opens Plant</B><BR>{below}</P><P>SPRINGFIELD, Ill., March 4, 2021 &#8212; " + LEDE
    )
    assert release.headline == "Widgetron Opens Plant"


def test_a_date_line_below_the_headline_gives_way_to_the_datelines_date():
    release = parse(f"<P><B>{HEADLINE}</B></P><P>March 1, 2021</P><P>SPRINGFIELD, Ill., March 4, 2021 &#8212; " + LEDE)
    assert release.date == "2021-03-04"


def test_a_future_date_is_flagged_once_and_the_filing_date_stands():
    release = parse(f"<P><B>{HEADLINE}</B></P><P>SPRINGFIELD, Ill., March 4, 2031 &#8212; " + LEDE)
    assert release.date == "2021-03-05"
    assert release.flags.count("date-suspect") == 1


def test_a_date_in_the_story_is_not_the_release_date():
    release = parse(
        f"<P><B>{HEADLINE}</B></P><P>On March 1, 2021, Widgetron Corp. (NYSE: WDG) opened its largest line.</P>" + STORY
    )
    assert release.date == "2021-03-05" and release.to_json()["edgar"]["date_source"] == "filing"


def _centred(text: str, margin: str) -> str:
    return f'<P STYLE="margin-top:{margin};margin-bottom:0px" ALIGN="center"><FONT SIZE="2"><B>{text} </B></FONT></P>'


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        ("Widgetron Opens Its Largest Widget Line", "Led By Record Orders From Twelve Countries"),
        ("Widgetron and Gadgetco Expand Their Alliance Through Widgetron", "Corp.&#146;s Purchase of Gadgetco Plants"),
    ],
)
@pytest.mark.parametrize(("above", "below"), [("12px", "0px"), ("12pt", "6pt")])
def test_a_headline_set_in_two_blocks_closer_than_the_first_stands_is_one_headline(first, rest, above, below):
    body = _centred(first, above) + _centred(rest, below) + "<P>SPRINGFIELD, Ill., March 4, 2021 &#8212; " + LEDE
    release = parse(body)
    assert release.headline.replace("\u2019", "'") == f"{first} {rest}".replace("Corp.&#146;s", "Corp.'s")


@pytest.mark.parametrize(("above", "below"), [("12px", "12px"), ("0px", "0px"), ("6pt", "12pt")])
def test_a_block_of_the_same_look_set_apart_stays_a_subheadline(above, below):
    sub = "Output Doubles and the Cost of Each Widget Falls by a Third"
    body = _centred(HEADLINE, above) + _centred(sub, below) + "<P>SPRINGFIELD, Ill., March 4, 2021 &#8212; " + LEDE
    release = parse(body)
    assert release.headline == HEADLINE


@pytest.mark.parametrize("headline", [HEADLINE, "Widgetron Completes Acquisition of Gadgetco, Inc."])
def test_a_release_set_inside_one_layout_table_cell_reads_as_blocks(headline):
    # Not one table row: read as a row, the whole release was one line, contacts and all, and gave no headline.
    cell = (
        f'<div align="center"><font style="FONT-WEIGHT: bold">{headline}</font></div><div>&#160;</div>'
        "<div>(SPRINGFIELD, Ill., March 4, 2021) -- "
        + (LEDE + STORY).replace("</P>", "</div><div>").replace("<P>", "")
        + "</div><div>Contacts</div><div>Media: Jane Doe, 217-555-0100, jane@widgetron.com</div>"
    )
    release = parse(f'<table width="72%"><tr><td width="6%">&#160;</td><td width="94%">{cell}</td></tr></table>')
    assert (release.headline, release.date, release.location) == (headline, "2021-03-04", "Springfield, Ill.")
    assert release.tickers == ["NYSE:WDG"]


@pytest.mark.parametrize(
    ("block", "headline"),
    [
        ("<B>Widgetron Opens Its Largest<BR>Widget Line in the Midwest</B>", "Widgetron Opens Its Largest Widget Line in the Midwest"),
        ("<B>Widgetron Opens Its Largest Widget Line to<BR>serve customers in twelve states</B>",
         "Widgetron Opens Its Largest Widget Line to serve customers in twelve states"),
        # a question broken where the line filled: its rest ends the one sentence
        ("<B>Thinking of Buying Widgetron, Gadgetco<BR>Holdings, Sprocketly, or Cogworth?</B>",
         "Thinking of Buying Widgetron, Gadgetco Holdings, Sprocketly, or Cogworth?"),
        ("<B>Widget Week Asks Buyers: How<BR>Many Widgets Does a Household Need?</B>",
         "Widget Week Asks Buyers: How Many Widgets Does a Household Need?"),
        # a statement after the break is the subheadline, though in the same block; so is a question after a statement
        ("<B>Widgetron Opens Its Largest Widget Line<BR>Revenue rose 8% and output doubled.</B>", HEADLINE),
        ("<B>Widgetron Opens Its Largest Widget Line.<BR>Why does output matter?</B>", HEADLINE + "."),
        ("<B>Widgetron Opens Its Largest Widget Line<BR>Output doubled. Why does it matter?</B>", HEADLINE),
    ],
)  # fmt: skip
def test_a_bold_headline_broken_by_a_line_break_is_one_headline(block, headline):
    release = parse(f'<P ALIGN="center">{block}</P><P>SPRINGFIELD, Ill., March 4, 2021 &#8212; ' + LEDE)
    assert release.headline == headline


LETTERHEAD = (
    '<TABLE WIDTH="100%"><TR><TD><FONT SIZE="4"><B>NEWS RELEASE</B></FONT></TD><TD ALIGN="right"><FONT SIZE="1">'
    "Media Contact:<BR>Jane Doe<BR>(555) 555-0100</FONT></TD></TR></TABLE>"
)


@pytest.mark.parametrize(
    "headline",
    [
        # short: five words or fewer, as a name under a contact heading would be
        "Widgetron Opens Springfield Line",
        # broken by a <BR> where the line filled, its rest neither title case nor a sentence
        "Widgetron and Gadgetco Introduce Insured High<BR>Integrity Widget Credits with custom structured cover",
        # broken after an abbreviation's full stop
        "Reminder: Widgetron Holdings Corp. Investors of<BR>Widget Fraud Class Action Lawsuit",
        # broken inside its listing
        "WidgetNewsBreaks \u2014 Widgetron Corp. (NYSE:<BR>WDG) to Host Investor Webinar Oct. 30",
        # a name the markup escaped twice ('&amp;amp;' prints '&amp;')
        "Widgetron Bar &amp;amp; Grill Opens Its Largest Widget Line and<BR>Hosts a Widget Fair for Its Customers",
    ],
)
def test_a_headline_under_a_letterhead_table_is_whole(headline):
    body = (
        f'{LETTERHEAD}<P ALIGN="center"><FONT SIZE="3"><B>{headline}</B></FONT></P>'
        "<P>SPRINGFIELD, Ill., March 4, 2021 /PRNewswire/ -- " + LEDE
    )
    want = headline.replace("<BR>", " ").replace("&amp;amp;", "&")
    assert parse(body).headline == want


def test_a_subheadline_sentence_in_the_headlines_block_stays_out_of_it():
    body = (
        f'<P ALIGN="center"><B>{HEADLINE}<BR>New line doubles output for customers in twelve countries.</B></P>'
        "<P>SPRINGFIELD, Ill., March 4, 2021 /PRNewswire/ -- " + LEDE
    )
    assert parse(body).headline == HEADLINE


@pytest.mark.parametrize("name", ["Gadgetco Holdings Corp.", "Gadgetco Inc.", "Gadgetco Ltd."])
def test_a_headline_broken_after_a_companys_legal_form_goes_on(name):
    lines = [
        "Important March 21, 2021 Deadline Reminder: Widgetron Topaz",
        f"Meltzer &amp; Check, LLP Reminds {name}",
        "Investors of Securities Fraud Class Action Lawsuit",
    ]
    body = '<P ALIGN="center"><FONT SIZE="3"><B>' + "<BR>".join(lines) + "</B></FONT></P>"
    release = parse(body + "<P>SPRINGFIELD, Ill., March 4, 2021 &#8212; " + LEDE)
    assert release.headline == " ".join(lines).replace("&amp;", "&")
