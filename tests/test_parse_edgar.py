"""EDGAR submissions: header, documents, which exhibits are releases, their headline and date, and bad input.

Every submission here is written for the rule it tests (the shapes of the SEC's SGML, not any one filing).
"""

from __future__ import annotations

import re

import pytest

from indexer.model import ParseError
from indexer.parse import parse_bytes, parse_file
from indexer.parse.edgar import iter_documents, read_submission

HEADER = """<SEC-DOCUMENT>0000123456-21-000042.txt : 20210305
<SEC-HEADER>0000123456-21-000042.hdr.sgml : 20210305
ACCESSION NUMBER:\t\t0000123456-21-000042
CONFORMED SUBMISSION TYPE:\t8-K
PUBLIC DOCUMENT COUNT:\t\t3
FILED AS OF DATE:\t\t20210305

FILER:

\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tWIDGETRON CORP
\t\tCENTRAL INDEX KEY:\t\t\t0000123456
</SEC-HEADER>
"""

COVER = """<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>d8k.htm
<TEXT>
<HTML><BODY><P>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</P><P>FORM 8-K</P>
<P>Item 2.02 Results of Operations. On March 4, 2021 the Company issued a press release, furnished as Exhibit 99.1.</P>
</BODY></HTML>
</TEXT>
</DOCUMENT>
"""

STORY = (
    "<P>The company said the new line doubles output at its plant and lowers the cost of each widget by a third. "
    "Customers in twelve countries have ordered the first units, which ship in the second quarter of the year.</P>"
    "<P>&#8220;This is the largest step in our history,&#8221; said Jane Roe, chief executive officer. &#8220;We built "
    "it for the customers who asked us for more.&#8221;</P><P>About Widgetron</P><P>Widgetron Corp. makes widgets "
    "for industry and sells them in forty countries through its own offices and distributors.</P>"
)


def exhibit(body: str, *, kind: str = "EX-99.1", sequence: int = 2, filename: str = "dex991.htm") -> str:
    return (
        f"<DOCUMENT>\n<TYPE>{kind}\n<SEQUENCE>{sequence}\n<FILENAME>{filename}\n<DESCRIPTION>PRESS RELEASE\n"
        f"<TEXT>\n<HTML><HEAD><TITLE>{kind}</TITLE></HEAD><BODY>{body}</BODY></HTML>\n</TEXT>\n</DOCUMENT>\n"
    )


RELEASE = (
    '<P ALIGN="right">Exhibit 99.1</P><P><B>Widgetron Opens Its Largest Widget Line</B></P>'
    "<P>SPRINGFIELD, Ill., March 4, 2021 &#8212; Widgetron Corp. (NYSE: WDG) today announced the opening of a new "
    "production line.</P>" + STORY
)
DATA_SHEET = (
    "<P>Exhibit 99.2</P><P>WIDGETRON CORP</P><P>Condensed Consolidated Statements of Operations</P><TABLE>"
    + "".join(
        f"<TR><TD>Line item {i}</TD><TD>$</TD><TD>{i},{i:03d}</TD><TD>$</TD><TD>{i + 1},{i:03d}</TD></TR>"
        for i in range(40)
    )
    + "</TABLE>"
)
GRAPHIC = "<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>4\n<FILENAME>logo.jpg\n<TEXT>\nbegin 644 logo.jpg\nM_]C_X  02D9)\n`\nend\n</TEXT>\n</DOCUMENT>\n"


def submission(*documents: str, header: str = HEADER) -> str:
    return header + "".join(documents) + "</SEC-DOCUMENT>\n"


def parse(text: str, path: str = "filings/0000123456-21-000042.txt"):
    return parse_bytes(path, text.encode("utf-8"))


def test_submission_gives_its_release_with_the_filing_it_came_from():
    text = submission(COVER, exhibit(RELEASE), exhibit(DATA_SHEET, kind="EX-99.2", sequence=3), GRAPHIC)
    [release] = parse(text)
    assert release.headline == "Widgetron Opens Its Largest Widget Line"
    assert release.date == "2021-03-04"
    assert release.tickers == ["NYSE:WDG"]
    data = release.to_json()
    assert data["edgar"] == {
        "cik": "123456",
        "company": "WIDGETRON CORP",
        "accession": "0000123456-21-000042",
        "form": "8-K",
        "filing_date": "2021-03-05",
        "exhibit": "EX-99.1",
        "document": 2,
        "filename": "dex991.htm",
        "date_source": "dateline",
    }
    index = "https://www.sec.gov/Archives/edgar/data/123456/000012345621000042/0000123456-21-000042-index.htm"
    assert data["source_url"] == index and release.links[0] == index


def test_every_document_is_accounted_for_with_a_reason():
    text = submission(COVER, exhibit(RELEASE), exhibit(DATA_SHEET, kind="EX-99.2", sequence=3), GRAPHIC)
    reading = read_submission("x.txt", text)
    skipped = {s.document: s.reason for s in reading.skipped}
    assert [r.edgar.document for r in reading.releases] == [2]
    assert set(skipped) == {1, 3, 4}
    assert "data sheet" in skipped[3] and "GRAPHIC" in skipped[4]


def test_two_releases_in_one_filing_are_numbered_items():
    second = RELEASE.replace("Largest Widget Line", "Second Plant in Ohio").replace("Exhibit 99.1", "Exhibit 99.2")
    releases = parse(submission(COVER, exhibit(RELEASE), exhibit(second, kind="EX-99.2", sequence=3)))
    assert [(r.item, r.edgar.exhibit, r.edgar.document) for r in releases] == [(1, "EX-99.1", 2), (2, "EX-99.2", 3)]
    assert len({r.id for r in releases}) == 2


@pytest.mark.parametrize(
    "wrap",
    [
        pytest.param(lambda s: s, id="plain"),
        pytest.param(lambda s: "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n\n" + s
                     + "-----END PRIVACY-ENHANCED MESSAGE-----\n", id="pem-wrapper"),
        pytest.param(lambda s: s + s, id="written-twice"),
        pytest.param(lambda s: s.replace("</SEC-DOCUMENT>\n", "") * 2, id="twice-without-closing-tag"),
    ],
)  # fmt: skip
def test_a_submission_is_read_once_whatever_wraps_it(wrap):
    releases = parse(wrap(submission(COVER, exhibit(RELEASE))))
    assert [r.headline for r in releases] == ["Widgetron Opens Its Largest Widget Line"]


def test_tag_style_header_gives_the_same_fields():
    header = (
        "<SUBMISSION>\n<ACCESSION-NUMBER>0000654321-25-000007<TYPE>8-K<FILING-DATE>20250108<FILER><COMPANY-DATA>"
        "<CONFORMED-NAME>ACME ENERGY, INC.<CIK>0000654321</COMPANY-DATA></FILER>"
    )
    text = header + exhibit(RELEASE).replace("\n", "") + "</SUBMISSION>"
    [release] = parse(text, "x.nc")
    assert (release.edgar.cik, release.edgar.accession, release.edgar.form, release.edgar.filing_date) == (
        "654321", "0000654321-25-000007", "8-K", "2025-01-08")  # fmt: skip
    assert release.edgar.company == "ACME ENERGY, INC."


def test_bare_exhibit_takes_cik_and_accession_from_edgar_style_folders():
    text = exhibit(RELEASE, sequence=2)
    [release] = parse(text, "raw/7654321-000119312523194715/dex991.htm")
    assert (release.edgar.cik, release.edgar.accession) == ("7654321", "0001193125-23-194715")
    assert release.edgar.document == 1 and release.date == "2021-03-04"


def test_release_without_a_dated_dateline_takes_the_filing_date_and_says_so():
    body = RELEASE.replace("SPRINGFIELD, Ill., March 4, 2021 &#8212;", "SPRINGFIELD, Ill. &#8212;")
    [release] = parse(submission(exhibit(body)))
    assert release.date == "2021-03-05" and release.edgar.date_source == "filing"


def test_far_printed_date_is_suspect_and_the_filing_date_stands():
    body = RELEASE.replace("March 4, 2021", "March 4, 2011")
    [release] = parse(submission(exhibit(body)))
    assert release.date == "2021-03-05" and "date-suspect" in release.flags


@pytest.mark.parametrize(
    "banner",
    [
        '<P ALIGN="right">Exhibit 99.1</P>',
        "<P>EX-99.1</P>",
        "<P>&lt;PAGE&gt;</P>",
        "<P><B>FOR IMMEDIATE RELEASE</B></P>",
        "<P>NEWS RELEASE</P>",
        "<P>March 4, 2021</P>",
        "<P>For Immediate Release: March 4, 2021</P>",
        "<P>3/4/2021</P>",
        "<P>WIDGETRON CORP</P>",
        "<P>Widgetron Corporation</P>",
        "<P>Widgetron Corp.</P><P>100 Main Street</P><P>Springfield, IL 62701</P>",
        "<P>Media Contact:</P><P>Jane Doe</P><P>(217) 555-0100</P><P>jane@widgetron.example</P>",
        "<P>dex991.htm</P>",
        '<TABLE><TR><TD>Investor Relations</TD><TD>(217) 555-0101</TD></TR></TABLE>',
    ],
)  # fmt: skip
def test_banners_before_the_headline_are_not_the_headline(banner):
    body = banner + "<P><B>Widgetron Opens Its Largest Widget Line</B></P>" + RELEASE.split("</B></P>", 1)[1]
    [release] = parse(submission(exhibit(body)))
    assert release.headline == "Widgetron Opens Its Largest Widget Line"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["WIDGETRON OPENS ITS LARGEST", "WIDGET LINE IN OHIO"], "WIDGETRON OPENS ITS LARGEST WIDGET LINE IN OHIO"),
        (["Widgetron Opens Its Largest Widget Line and Names a New Chief of", "Operations"],
         "Widgetron Opens Its Largest Widget Line and Names a New Chief of Operations"),
        (["Widgetron Opens the Largest Widget Line in the History of", "the Industry"],
         "Widgetron Opens the Largest Widget Line in the History of the Industry"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("join", ["<BR>", "</B></P><P><B>"])
def test_headline_broken_over_lines_is_joined(lines, expected, join):
    body = "<P><B>" + join.join(lines) + "</B></P>" + RELEASE.split("</B></P>", 1)[1]
    [release] = parse(submission(exhibit(body)))
    assert release.headline == expected


def test_subheadline_after_the_headline_stays_apart():
    body = RELEASE.replace(
        "</B></P>", "</B></P><P><I>New plant doubles output and lowers the cost of each widget by a third</I></P>", 1
    )
    [release] = parse(submission(exhibit(body)))
    assert release.headline == "Widgetron Opens Its Largest Widget Line"
    assert release.subheadline.startswith("New plant doubles output")


def test_highlights_table_before_the_dateline_does_not_hide_it():
    bullets = "".join(
        f"<TABLE><TR><TD>&#8226;</TD><TD>Highlight number {i} of the quarter</TD></TR></TABLE>" for i in range(14)
    )
    body = RELEASE.replace("</B></P>", "</B></P>" + bullets, 1)
    [release] = parse(submission(exhibit(body)))
    assert release.date == "2021-03-04" and release.edgar.date_source == "dateline"
    assert release.location == "Springfield, Ill."
    assert "Highlight number 3 of the quarter" in release.text


def test_financial_tables_read_a_row_per_line_after_the_story():
    table = (
        "<TABLE>"
        + "".join(
            f"<TR><TD>Net sales {y}</TD><TD>$</TD><TD>{y},000</TD><TD>(</TD><TD>12</TD><TD>)</TD></TR>"
            for y in (2020, 2021)
        )
        + "</TABLE>"
    )
    [release] = parse(submission(exhibit(RELEASE + table)))
    assert "Net sales 2020 | $2020,000 | (12)" in release.text
    assert release.headline == "Widgetron Opens Its Largest Widget Line"


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ("<P>UNAUDITED PRO FORMA CONDENSED COMBINED FINANCIAL STATEMENTS</P>" + STORY, "pro forma"),
        ("<P>Certain Supplemental Information</P><P>The following tables give sales by product.</P>" + DATA_SHEET, "supplemental"),
        ("<P>IMPORTANT NOTICE</P><P>To: Directors and Executive Officers</P><P>From: General Counsel</P>"
         "<P>Re: Blackout period under the savings plan</P>" + STORY, "blackout"),
        ("<P>DESCRIPTION OF CAPITAL STOCK</P>" + STORY, "charter"),
        ("<P>CFO Commentary on Fourth Quarter Results</P>" + STORY, "commentary"),
        (DATA_SHEET, "data sheet"),
        ("<P>Q4 Review</P>" + "".join(f"<P>Slide item {i}</P>" for i in range(60)), "slide"),
    ],
)  # fmt: skip
def test_exhibits_that_are_not_releases_are_skipped_with_a_reason(document, reason):
    reading = read_submission(
        "x.txt", submission(COVER, exhibit(RELEASE), exhibit(document, kind="EX-99.2", sequence=3))
    )
    assert [r.edgar.exhibit for r in reading.releases] == ["EX-99.1"]
    [skip] = [s for s in reading.skipped if s.document == 3]
    assert reason in skip.reason
    with pytest.raises(ParseError, match=reason):
        parse(submission(COVER, exhibit(document, kind="EX-99.2", sequence=3)))


def test_old_plain_text_exhibit_with_page_marks():
    text = (
        "<DOCUMENT>\n<TYPE>EX-20.1\n<SEQUENCE>2\n<TEXT>\n<PAGE>   1\n\n                         EXHIBIT 20.1\n\n"
        "                 WIDGETRON TO ACQUIRE GADGETCO INC.\n\nSpringfield, IL (March 4, 2021) -- Widgetron Corp. "
        "today announced an\nagreement to purchase Gadgetco Inc., a maker of gadgets for the home and\noffice "
        "market. The acquisition broadens the company's line of products.\n\n                                  -2-\n"
        "<PAGE>   2\n\nThe transaction is expected to be completed by the end of the quarter, and is\nsubject to "
        "the usual conditions. Gadgetco's staff will join the company's\nhome products unit.\n</TEXT>\n</DOCUMENT>\n"
    )
    [release] = parse(submission(text))
    assert release.headline == "WIDGETRON TO ACQUIRE GADGETCO INC."
    assert release.date == "2021-03-04"
    assert "<PAGE>" not in release.text and "-2-" not in release.text


def test_release_quoted_in_the_report_body():
    body = (
        "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nFORM 8-K\n\nItem 5.  Press Release\n\n"
        "       On March 4, 2021, the Registrant issued the following press release:\n\n"
        "Widgetron Announces New Majority Shareholder\n\nSpringfield, Illinois-- Widgetron Corp. announces that "
        "Holdco Inc. has acquired a\nmajority interest in Widgetron and is looking for acquisitions to widen the\n"
        "business of the company in the coming years.\n\n<PAGE>\n                 SIGNATURES\n\nPursuant to the "
        "requirements of the Securities Exchange Act of 1934, the registrant\nhas duly caused this report to be "
        "signed.\n</TEXT>\n</DOCUMENT>\n"
    )
    [release] = parse(submission(body))
    assert release.headline == "Widgetron Announces New Majority Shareholder"
    assert release.edgar.document == 1 and release.edgar.exhibit == "8-K"
    assert "SIGNATURES" not in release.text


def test_report_text_alone_is_not_a_release():
    with pytest.raises(ParseError, match="no press release"):
        parse(submission(COVER))


# Bad input: each reported and skipped or read, never a crash, never losing the other exhibits.


def test_truncated_submission_keeps_the_exhibits_before_the_cut():
    text = submission(COVER, exhibit(RELEASE), exhibit(DATA_SHEET, kind="EX-99.2", sequence=3))
    cut = text[: text.index("Line item 20")]
    [release] = parse(cut)
    assert release.headline == "Widgetron Opens Its Largest Widget Line"
    reading = read_submission("x.txt", cut)
    assert any("ends inside" in s.reason for s in reading.skipped if s.document == 3)


def test_submission_cut_after_its_header_is_reported():
    with pytest.raises(ParseError, match="cut off after its header"):
        parse(HEADER)


def test_document_without_text_is_skipped_and_the_others_kept():
    empty = "<DOCUMENT>\n<TYPE>EX-99.2\n<SEQUENCE>3\n<FILENAME>dex992.htm\n</DOCUMENT>\n"
    reading = read_submission("x.txt", submission(COVER, empty, exhibit(RELEASE, sequence=3)))
    assert [r.edgar.document for r in reading.releases] == [3]
    assert any(s.document == 2 and "no <TEXT>" in s.reason for s in reading.skipped)


# What a block and its text are, as patterns: a block ends at its </DOCUMENT>, the next <DOCUMENT> or the end of the
# file; its text at its </TEXT> or the block's end (iter_documents finds the same ends by searching for the tags).
_BLOCK_RE = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|(?=<DOCUMENT>)|\Z)", re.S | re.I)
_BLOCK_TEXT_RE = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.S | re.I)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "<DOCUMENT>",
        "<DOCUMENT><TYPE>EX-99.1<TEXT>a</TEXT></DOCUMENT>",
        "<document>\n<type>EX-99.1\n<text>\nlower case tags\n</Text>\n</Document>tail",
        "<DOCUMENT><TYPE>8-K<TEXT>no closing text<DOCUMENT><TYPE>EX-99.1<TEXT>next</TEXT>",  # no </DOCUMENT>
        "<DOCUMENT><TYPE>EX-99.2</DOCUMENT><DOCUMENT><TEXT>b</DOCUMENT>",  # no <TEXT>; text to the block's end
        "<DOCUMENT><TEXT>a</TEXT></TEXT></DOCUMENT></DOCUMENT><DOCUMENT><TEXT></TEXT>",
        "</DOCUMENT><DOCUMENT></DOCUMENT<DOCUMENT><TEXT>cut at the end of the file",
        "<DOCUMENT><TYPE>EX-99.1<TEXT>x</TEXT>" + "M" * 3000 + "</DOCUMENT>",
    ],
)
def test_documents_end_where_their_patterns_say(text):
    expected = []
    for position, block in enumerate(_BLOCK_RE.finditer(text), start=1):
        inner = _BLOCK_TEXT_RE.search(text, *block.span(1))
        closed = block.group(0).upper().endswith("</DOCUMENT>")
        expected.append((position, inner.group(1) if inner else None, not closed and block.end() == len(text)))
    assert [(d.position, d.text, d.truncated) for d in iter_documents(text)] == expected


def test_broken_uuencode_loses_no_release():
    broken = "<DOCUMENT>\n<TYPE>EX-99.2\n<SEQUENCE>3\n<FILENAME>r.pdf\n<TEXT>\n<PDF>\nbegin 644 r.pdf\nM)5!$1BTQ+C0*\n"
    text = submission(COVER, exhibit(RELEASE), broken, exhibit(RELEASE.replace("Largest", "Newest"), sequence=4))
    releases = parse(text)
    assert [r.headline for r in releases] == [
        "Widgetron Opens Its Largest Widget Line",
        "Widgetron Opens Its Newest Widget Line",
    ]


def test_exhibit_in_another_language_is_read():
    french = (
        "<P><B>Widgetron ouvre sa plus grande ligne de production</B></P><P>PARIS, le 4 mars 2021 &#8212; Widgetron "
        "annonce aujourd'hui l'ouverture d'une nouvelle ligne de production dans son usine de Lyon.</P><P>La "
        "nouvelle ligne double la production de l'usine et diminue le co&#251;t de chaque pi&#232;ce d'un tiers. "
        "Les clients de douze pays ont command&#233; les premi&#232;res unit&#233;s, qui seront livr&#233;es au "
        "deuxi&#232;me trimestre de l'ann&#233;e, selon la soci&#233;t&#233; et ses partenaires.</P>"
    )
    [release] = parse(submission(exhibit(french)))
    assert release.headline == "Widgetron ouvre sa plus grande ligne de production"
    assert release.language == "fr"


def test_fifty_megabyte_filing_is_read(tmp_path):
    payload = "M" + "A" * 60 + "\n"
    blob = "<DOCUMENT>\n<TYPE>EX-99.2\n<SEQUENCE>3\n<FILENAME>deck.pdf\n<TEXT>\n<PDF>\nbegin 644 deck.pdf\n"
    blob += payload * (50 * 1024 * 1024 // len(payload)) + "end\n</PDF>\n</TEXT>\n</DOCUMENT>\n"
    path = tmp_path / "big.txt"
    path.write_text(submission(COVER, exhibit(RELEASE), blob))
    assert path.stat().st_size > 50 * 1024 * 1024
    [release] = parse_file(path)
    assert release.headline == "Widgetron Opens Its Largest Widget Line"


@pytest.mark.parametrize(
    ("second", "joined"),
    [
        ("<P><B>in Central Ohio</B></P>", True),  # same look, the rest of the headline
        ("<P><I>Output Doubles</I></P>", False),  # the look changes: a subheadline
        ('<P><FONT SIZE="2">Output Doubles</FONT></P>', False),
    ],
)
def test_headline_rest_keeps_the_headlines_look(second, joined):
    first = "<P><B>Widgetron Opens the Largest Widget Line Ever Built</B></P>"
    body = first + second + RELEASE.split("</B></P>", 1)[1]
    [release] = parse(submission(exhibit(body)))
    rest = re.sub(r"<[^>]+>", "", second)
    assert (release.headline == f"Widgetron Opens the Largest Widget Line Ever Built {rest}") is joined


@pytest.mark.parametrize("title", ["EX-99.1", "Document", "dex991.htm", "Text of press release issued by Widgetron"])
def test_exhibit_saved_as_a_bare_html_page_takes_its_headline_from_the_text(title):
    page = f"<HTML><HEAD><TITLE>{title}</TITLE></HEAD><BODY>{RELEASE}</BODY></HTML>"
    [release] = parse_bytes("downloads/dex991.htm", page.encode())
    assert release.headline == "Widgetron Opens Its Largest Widget Line"
    assert release.date == "2021-03-04" and release.tickers == ["NYSE:WDG"]


def test_html_page_with_a_marked_headline_keeps_it():
    page = f"<HTML><HEAD><TITLE>Site</TITLE></HEAD><BODY><H1>Widgetron Names a Chief</H1>{RELEASE}</BODY></HTML>"
    [release] = parse_bytes("page.html", page.encode())
    assert release.headline == "Widgetron Names a Chief"
