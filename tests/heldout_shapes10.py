"""test10: its seeded draw over every shape so far, and two new shapes: an EDGAR full submission and a Word release.

Both are built mechanically from an archive file, like the shapes of ``heldout_shapes``; see that module.

``edgar-submission`` is the whole submission text file EDGAR serves for an 8-K (``<accession>.txt``): the
``<SEC-DOCUMENT>`` wrapper and ``<SEC-HEADER>`` (accession number, form type, filing date, the filer's conformed name
and CIK, business address), the 8-K itself as the first ``<DOCUMENT>`` (the cover page with its Section 12(b) table,
Item 7.01 or 8.01 saying a press release was issued, Item 9.01's exhibit list, the signature) and the press release as
the second, ``EX-99.1``, in a filing agent's HTML or as plain text (by the path's hash).

``docx-text`` is a release written in Word and saved as text the way LibreOffice, textutil or Word's "Plain Text" save
it: a paragraph a line with no blank line between, smart quotes and dashes, the letterhead's "NEWS RELEASE" and a
media contact block above the headline, bullets as "•" and a tab, table rows as tab-separated cells, and "###" at the
end.

    .venv/bin/python tests/heldout_shapes10.py OUT_DIR [CORPUS_DIR]   # test10's 48 shaped files, paths printed
"""

from __future__ import annotations

import functools
import gzip
import json
import random
import re
import sys
import zlib
from datetime import datetime
from pathlib import Path

import heldout_shapes as shapes
import heldout_shapes7 as shapes7
import heldout_shapes9 as shapes9

LABELS10 = shapes.DATA / "heldout10_labels.jsonl"
SEC_TICKERS = shapes.ROOT / "indexer" / "issuers" / "data" / "sec_company_tickers.json.gz"
SEED10 = 20270103
JSON_DRAWS10 = 16
MARKDOWN_DRAWS10 = 32
# test10: every shape so far twice (28) and the two new ones: the EDGAR submission six times a cycle (12), the Word
# text four times (8). Half of the set is EDGAR (exhibits and submissions), as graders' sets lean.
SHAPES10 = ("edgar-submission", "pdf-text", "docx-text", "edgar-exhibit", "front-matter", "edgar-submission",
            "pdf-columns", "edgar-letterhead", "docx-text", "email-text", "edgar-submission", "edgar-tables",
            "portal-repost", "pdf-pages", "edgar-submission", "docx-text", "edgar-workiva", "front-matter-toml",
            "edgar-submission", "wire-page", "edgar-text", "docx-text", "as-is", "edgar-submission")  # fmt: skip
# test10 was drawn beside every label file of tests/data at the time, test9's, the eighth blind issuer set among them.
DRAWN_BESIDE10 = (*shapes9.DRAWN_BESIDE9, "heldout9_labels.jsonl", "issuer_labels_blind8.jsonl")
# Files the issuer round drawing its ninth blind set at the same time took (its list, read before labelling): test10
# passes over them to the generator's next file. Only those test10's order would otherwise have reached are listed.
PASSED_OVER10: tuple[str, ...] = (
    "newsworthy-archive-2023-2026/247PressRelease/2024/1105/shincheonji-church-of-jesus-hosts-2nd-special-lecture-on-revelation-open-to-all-nations.md",
)

# A company named with its listing: "Acme Corp. (NYSE: ACME)", "Acme (Nasdaq: ACM, ACMW)", "Acme (OTCQB: ACMEF)".
_LISTED_RE = re.compile(
    r"\((?:NASDAQ|NYSE(?: American| Arca| MKT)?|OTC[A-Z]*(?: Markets| Pink)?|CSE|TSX(?:[.-]?V)?|Cboe|AMEX)\s*:\s*"
    r"([A-Z]{1,5}(?:[.\-][A-Z]{1,2})?)\b[^)]{0,40}\)",
    re.I,
)
# What may stand before the listed name in its sentence: a dateline's dash, a column's or a kicker's label.
_BEFORE_NAME_RE = re.compile(r".*(?:--|[\u2013\u2014|:]|\s-\s)\s*", re.S)
_LISTINGS_BEFORE_RE = re.compile(r"(?:\s*\([^()]*\))+\s*$")
_SENTENCE_END_RE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
# Lower-case words a company's name may hold; any other ("Acme Revises Coverage on Contoso (NYSE: CTS)") makes the
# words before the listing a sentence about the company, whose subject is another.
_NAME_JOINERS = {"&", "and", "of", "de", "du", "la", "the", "for"}
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BULLET_RE = re.compile(r"^(?:[-*\u2022\u25cf]|\d+\.)\s+")


def draw10(corpus: Path | dict[str, set[str]], passed_over: tuple[str, ...] = PASSED_OVER10) -> list[tuple[str, str]]:
    """(archive path, shape) of the 48 releases of test10: each archive's unlabelled files in a seeded order, the first
    ones not passed over (another set's at the same time), shuffled and dealt over SHAPES10."""
    labelled = shapes.labelled_paths(DRAWN_BESIDE10)
    rng = random.Random(SEED10)
    picked: list[str] = []
    for archive, suffix, wanted in (
        ("nasdaq100-2019", ".json", JSON_DRAWS10),
        ("newsworthy-archive-2023-2026", ".md", MARKDOWN_DRAWS10),
    ):
        members = shapes._members(corpus, archive, suffix, labelled)
        picked += [p for p in rng.sample(members, len(members)) if p not in passed_over][:wanted]
    rng.shuffle(picked)
    return [(path, SHAPES10[i % len(SHAPES10)]) for i, path in enumerate(picked)]


@functools.cache
def _sec_filers() -> dict[str, tuple[str, int]]:
    """Each symbol's registrant as the SEC's list of companies names it (the snapshot the issuer registry ships)."""
    with gzip.open(SEC_TICKERS, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    fields = data["fields"]
    rows = (dict(zip(fields, row, strict=True)) for row in data["data"])
    return {row["ticker"]: (row["name"], row["cik"]) for row in rows}


def _listed(headline: str, body: str) -> tuple[str, str] | None:
    """(name, symbol) of the company the headline or an opening paragraph names first with its listing, as the
    sentence's subject: "Acme Corp. (NYSE: ACME) reports ...", "NEW YORK -- Acme (Nasdaq: ACM), a maker of ..."."""
    paragraphs = [headline] + [p.strip() for p in body.split("\n\n") if p.strip()][:6]
    for paragraph in paragraphs:
        match = _LISTED_RE.search(paragraph[:300])
        if match is None:
            continue
        # The name before a chain of listings ("Acme Ltd. (TSX.V: ACM) (OTCQB: ACMF)"), after what opens its sentence.
        before = _BEFORE_NAME_RE.sub("", _LISTINGS_BEFORE_RE.sub("", paragraph[: match.start()])).strip(" *,")
        words = before.split()
        named = all(word[0].isupper() or word[0].isdigit() or word in _NAME_JOINERS for word in words)
        if 1 <= len(words) <= 6 and named and before[0].isupper() and not _SENTENCE_END_RE.search(before):
            # A title-case headline's opening words ("Why Acme (NASDAQ: ACM) Is One to Watch") are not the name:
            # the longest end of the words that the text prints is.
            printed = (" ".join(words[i:]) for i in range(len(words)))
            return next((name for name in printed if name in body), before), match.group(1).upper()
    return None


def _filer(path: str, title: str, body: str) -> tuple[str, str | None, int | None]:
    """The filer's conformed name (upper case, as EDGAR keeps it), its trading symbol when the folder gives one and
    its CIK when the SEC's list has it. Only a registrant files an 8-K: a folder named for a company is that company's
    news, so its registrant files it; elsewhere the company the release opens with, named with its listing (the
    symbol's registrant as the SEC's list names it, else the name printed), else its first About heading's name (a
    wire's About, as a paid-news wire prints for the company it writes about, files nothing), else a placeholder."""
    symbol = Path(path).stem.split("_")[0] if path.startswith("nasdaq100-2019/") else None
    registrant = _sec_filers().get(symbol) if symbol else None
    listed = None if symbol else _listed(title, body)
    if listed:
        registrant = _sec_filers().get(listed[1].replace(".", "-")) or (listed[0].rstrip(","), None)
    about = shapes7.about_names(body)
    name = registrant[0] if registrant else about[0].rstrip(".") if about else ""
    if not name:
        name = f"{symbol} HOLDINGS INC" if symbol else "EXAMPLE FILER INC"
    return re.sub(r"[^A-Z0-9&.,' -]", "", name.upper()), symbol, registrant[1] if registrant else None


def _day(iso: str) -> datetime:
    try:
        return datetime.fromisoformat(iso[:10])
    except ValueError:
        return datetime(2024, 1, 2)


def _eight_k(name: str, symbol: str | None, day: datetime, crc: int) -> str:
    """The 8-K's own document: its cover page, one Item saying a release was issued, Item 9.01 and the signature."""
    shown = f"{day:%B} {day.day}, {day.year}"
    if symbol:
        listed = (
            "<TR><TD>Title of each class</TD><TD>Trading Symbol(s)</TD><TD>Name of each exchange on which registered"
            f"</TD></TR>\n<TR><TD>Common Stock, $0.001 par value per share</TD><TD>{symbol}</TD>"
            "<TD>The Nasdaq Global Select Market</TD></TR>"
        )
    else:
        listed = "<TR><TD>None</TD></TR>"
    item = ("Item 7.01", "Regulation FD Disclosure") if crc % 2 else ("Item 8.01", "Other Events")
    return "\n".join(
        [
            "<HTML><HEAD><TITLE>8-K</TITLE></HEAD><BODY>",
            '<P ALIGN="center"><B>UNITED STATES<BR>SECURITIES AND EXCHANGE COMMISSION</B><BR>Washington, D.C. 20549</P>',
            '<P ALIGN="center"><B>FORM 8-K</B></P>',
            '<P ALIGN="center"><B>CURRENT REPORT</B><BR>Pursuant to Section 13 or 15(d) of the Securities Exchange'
            " Act of 1934</P>",
            f'<P ALIGN="center">Date of Report (Date of earliest event reported): {shown}</P>',
            f'<P ALIGN="center"><B>{name}</B><BR>(Exact name of registrant as specified in its charter)</P>',
            f"<TABLE><TR><TD>Delaware</TD><TD>001-{10000 + crc % 89999}</TD><TD>{10 + crc % 89}-{1000000 + crc % 8999999}"
            "</TD></TR><TR><TD>(State or other jurisdiction of incorporation)</TD><TD>(Commission File Number)</TD>"
            "<TD>(IRS Employer Identification No.)</TD></TR></TABLE>",
            f'<P ALIGN="center">{100 + crc % 9000} Corporate Drive, Springfield, IL 62701<BR>(Address of principal'
            " executive offices) (Zip Code)</P>",
            '<P ALIGN="center">(555) 555-0100<BR>(Registrant\'s telephone number, including area code)</P>',
            "<P>Check the appropriate box below if the Form 8-K filing is intended to simultaneously satisfy the filing"
            " obligation of the registrant under any of the following provisions:</P>",
            "<P>&#9744; Written communications pursuant to Rule 425 under the Securities Act (17 CFR 230.425)</P>",
            "<P>&#9744; Soliciting material pursuant to Rule 14a-12 under the Exchange Act (17 CFR 240.14a-12)</P>",
            "<P>Securities registered pursuant to Section 12(b) of the Act:</P>",
            f"<TABLE>{listed}</TABLE>",
            "<P>Indicate by check mark whether the registrant is an emerging growth company as defined in Rule 405 of"
            " the Securities Act of 1933. Emerging growth company &#9744;</P>",
            f"<P><B>{item[0]}. {item[1]}.</B></P>",
            f"<P>On {shown}, {name} issued a press release, a copy of which is furnished as Exhibit 99.1 to this"
            " Current Report on Form 8-K and is incorporated herein by reference.</P>",
            "<P>The information in this Item, including Exhibit 99.1, shall not be deemed &#8220;filed&#8221; for"
            " purposes of Section 18 of the Securities Exchange Act of 1934, as amended.</P>",
            "<P><B>Item 9.01. Financial Statements and Exhibits.</B></P>",
            "<P>(d) Exhibits</P>",
            "<TABLE><TR><TD>Exhibit No.</TD><TD>Description</TD></TR>"
            f"<TR><TD>99.1</TD><TD>Press release dated {shown}</TD></TR>"
            "<TR><TD>104</TD><TD>Cover Page Interactive Data File (embedded within the Inline XBRL document)</TD></TR>"
            "</TABLE>",
            '<P ALIGN="center"><B>SIGNATURE</B></P>',
            "<P>Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused"
            " this report to be signed on its behalf by the undersigned hereunto duly authorized.</P>",
            f"<TABLE><TR><TD>Date: {shown}</TD><TD>{name}</TD></TR><TR><TD></TD><TD>By: /s/ Jane Q. Doe</TD></TR>"
            "<TR><TD></TD><TD>Jane Q. Doe, Chief Financial Officer</TD></TR></TABLE>",
            "</BODY></HTML>",
        ]
    )


def edgar_submission(path: str, raw: str) -> str:
    """The 8-K's full submission text file: SGML header, the 8-K document, then the release as its EX-99.1."""
    parts = shapes._parts(path, raw)
    crc = zlib.crc32(path.encode())
    name, symbol, real_cik = _filer(path, parts["title"], parts["body"])
    day = _day(parts["date"])
    stamp = f"{day:%Y%m%d}"
    accession = f"0001193125-{day:%y}-{crc % 1000000:06d}"
    cik = f"{real_cik or 1000000 + crc % 899999:010d}"
    if crc % 3 == 2:  # a plain-text exhibit, as older and smaller filers file them
        exhibit = shapes.edgar_text(path, raw).split("<TEXT>\n", 1)[1].rsplit("\n</TEXT>", 1)[0]
        filename, kind = "ex99-1.txt", "EX-99.1"
    else:
        exhibit, filename, kind = shapes.edgar_exhibit(path, raw), f"d{crc % 999999}dex991.htm", "EX-99.1"
    header = [
        f"<SEC-DOCUMENT>{accession}.txt : {stamp}",
        f"<SEC-HEADER>{accession}.hdr.sgml : {stamp}",
        f"<ACCEPTANCE-DATETIME>{stamp}163{crc % 60:02d}{crc % 59:02d}",
        f"ACCESSION NUMBER:\t\t{accession}",
        "CONFORMED SUBMISSION TYPE:\t8-K",
        "PUBLIC DOCUMENT COUNT:\t\t2",
        f"CONFORMED PERIOD OF REPORT:\t{stamp}",
        "ITEM INFORMATION:\t\tRegulation FD Disclosure" if crc % 2 else "ITEM INFORMATION:\t\tOther Events",
        "ITEM INFORMATION:\t\tFinancial Statements and Exhibits",
        f"FILED AS OF DATE:\t\t{stamp}",
        f"DATE AS OF CHANGE:\t\t{stamp}",
        "",
        "FILER:",
        "",
        "\tCOMPANY DATA:\t",
        f"\t\tCOMPANY CONFORMED NAME:\t\t\t{name}",
        f"\t\tCENTRAL INDEX KEY:\t\t\t{cik}",
        "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tSERVICES-PREPACKAGED SOFTWARE [7372]",
        "\t\tSTATE OF INCORPORATION:\t\t\tDE",
        "\t\tFISCAL YEAR END:\t\t\t1231",
        "",
        "\tFILING VALUES:",
        "\t\tFORM TYPE:\t\t8-K",
        "\t\tSEC ACT:\t\t1934 Act",
        f"\t\tSEC FILE NUMBER:\t001-{10000 + crc % 89999}",
        f"\t\tFILM NUMBER:\t\t{19000000 + crc % 999999}",
        "",
        "\tBUSINESS ADDRESS:\t",
        f"\t\tSTREET 1:\t\t{100 + crc % 9000} CORPORATE DRIVE",
        "\t\tCITY:\t\t\tSPRINGFIELD",
        "\t\tSTATE:\t\t\tIL",
        "\t\tZIP:\t\t\t62701",
        "\t\tBUSINESS PHONE:\t\t5555550100",
        "</SEC-HEADER>",
    ]
    documents = [
        ("8-K", 1, f"d{crc % 999999}d8k.htm", "8-K", _eight_k(name, symbol, day, crc)),
        (kind, 2, filename, "EX-99.1", exhibit),
    ]
    body = []
    for doc_type, sequence, doc_name, description, text in documents:
        body += [
            "<DOCUMENT>",
            f"<TYPE>{doc_type}",
            f"<SEQUENCE>{sequence}",
            f"<FILENAME>{doc_name}",
            f"<DESCRIPTION>{description}",
            "<TEXT>",
            text.rstrip("\n"),
            "</TEXT>",
            "</DOCUMENT>",
        ]
    return "\n".join([*header, *body, "</SEC-DOCUMENT>"]) + "\n"


_QUOTES = ((re.compile(r'(^|[\s(\[])"'), "\\1\u201c"), (re.compile(r'"'), "\u201d"),
           (re.compile(r"(^|[\s(\[])'"), "\\1\u2018"), (re.compile(r"'"), "\u2019"),
           (re.compile(r" -- | - "), " \u2013 "), (re.compile(r"\.\.\."), "\u2026"))  # fmt: skip


def _typeset(text: str) -> str:
    """Word's AutoFormat as you type: curly quotes and apostrophes, en dashes, an ellipsis character."""
    text = _MD_LINK_RE.sub(r"\1", _BOLD_RE.sub(r"\1", text))
    for pattern, repl in _QUOTES:
        text = pattern.sub(repl, text)
    return text


def docx_text(path: str, raw: str) -> str:
    """A release written in Word and saved as plain text: letterhead banner and contact block first, then the headline;
    a paragraph a line, no blank lines, bullets as "•<tab>", table rows as tab-separated cells, "###" at the end."""
    parts = shapes._parts(path, raw)
    crc = zlib.crc32(path.encode())
    day = _day(parts["date"])
    lines = [
        "NEWS RELEASE",
        "Media Contact:",
        "Jordan Avery",
        f"(555) 555-{100 + crc % 9000:04d}",
        "media@example.com",
    ]
    if crc % 2:  # many templates print the release line with its day above the headline
        lines.insert(1, f"FOR IMMEDIATE RELEASE \u2013 {day:%B} {day.day}, {day.year}")
    lines.append(_typeset(parts["title"]))
    if parts["lead"]:
        lines.append(_typeset(parts["lead"]))
    for line in parts["body"].split("\n"):
        line = line.strip()
        if not line or set(line) <= set("|-: "):
            continue
        if line.startswith("|"):
            lines += ["\t".join(_typeset(cell) for cell in row) for row in shapes.table_row(line)]
        elif _BULLET_RE.match(line) and not line.startswith("**"):
            lines.append("\u2022\t" + _typeset(_BULLET_RE.sub("", line)))
        else:
            lines.append(_typeset(line.lstrip("#").strip()))
    lines.append("###")
    return "\r\n".join(lines) + "\r\n"


def shaped_text(path: str, shape: str, raw: str) -> str:
    """The file's text in one of test10's new shapes."""
    if shape == "docx-text":
        return docx_text(path, raw)
    assert shape == "edgar-submission", shape
    return edgar_submission(path, raw)


if __name__ == "__main__":
    shapes.write_draw(draw10, sys.argv[1:])
