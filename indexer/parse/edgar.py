"""EDGAR submissions: the SEC's SGML filings (.txt, tag-style .nc) and bare exhibit documents.

A submission is a header (`<SEC-HEADER>` with 'KEY: value' lines, or tag-style `<ACCESSION-NUMBER>...`), then
`<DOCUMENT>` blocks, each with `<TYPE>`, `<SEQUENCE>`, `<FILENAME>`, `<DESCRIPTION>` and `<TEXT>`. Some arrive in a
PEM wrapper, some twice back to back; parts may be uuencoded (logos, PDFs, zips). Each press-release exhibit
(EX-99.x, EX-20.x, or a release quoted in the main document under an item such as "Press Release") becomes a
Release; every other document is skipped with a reason (see exhibit.py for the rules over content).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..model import EdgarFiling, ParseError, Release
from .assemble import Draft, build_release, check_items
from .dates import find_dates
from .exhibit import Exhibit, read_exhibit
from .names import core_words, same_org
from .tickers import listing_groups

# What opens a submission (after blank lines): a PEM wrapper, the SGML root, the tag-style root, a bare document.
_OPENING_RE = re.compile(
    r"\A\s*(?:-----BEGIN PRIVACY-ENHANCED MESSAGE-----|<SEC-DOCUMENT>|<SEC-HEADER>|<SUBMISSION>|<IMS-DOCUMENT>"
    r"|<DOCUMENT>\s*<TYPE>)",
    re.I,
)
# A block runs from its <DOCUMENT> to its </DOCUMENT>, the next <DOCUMENT> or the end, whichever comes first: found
# by searching for the next tag (a lazy '.*?' tried its three endings at every character of a 50 MB block).
_DOCUMENT_OPEN_RE = re.compile(r"<DOCUMENT>", re.I)
_DOCUMENT_BOUND_RE = re.compile(r"<(/?)DOCUMENT>", re.I)
_END_RE = re.compile(r"</SEC-DOCUMENT>|</SUBMISSION>|</IMS-DOCUMENT>", re.I)
_ROOT_RE = re.compile(r"<SEC-DOCUMENT>|<SUBMISSION>|<IMS-DOCUMENT>", re.I)
# A document's own header tags: a value runs to the end of its line or the next tag (the .nc form has no line breaks).
_DOC_TAG_RE = re.compile(r"<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>([^<\n]*)", re.I)
# A document read as a release at most (a release file's own limit, MAX_FILE_BYTES): submissions may be 256 MB
# for their images, never for a press release.
MAX_DOCUMENT_CHARS = 10 * 1024 * 1024
# A document's <TEXT> runs to its </TEXT> or the end of the block.
_TEXT_OPEN_RE = re.compile(r"<TEXT>", re.I)
_TEXT_CLOSE_RE = re.compile(r"</TEXT>", re.I)
# Header fields in the 'KEY: value' form and in the tag form.
_LINE_FIELDS = {
    "accession": r"ACCESSION NUMBER:\s*([\d-]+)",
    "form": r"CONFORMED SUBMISSION TYPE:\s*([^\n]+)",
    "filed": r"FILED AS OF DATE:\s*(\d{8})",
    "company": r"COMPANY CONFORMED NAME:\s*([^\n]+)",
    "cik": r"CENTRAL INDEX KEY:\s*(\d+)",
}
_TAG_FIELDS = {
    "accession": r"<ACCESSION-NUMBER>\s*([\d-]+)",
    "form": r"<TYPE>\s*([^<\n]+)",
    "filed": r"<FILING-DATE>\s*(\d{8})",
    "company": r"<CONFORMED-NAME>\s*([^<\n]+)",
    "cik": r"<CIK>\s*(\d+)",
}
# The filer's former names ("FORMER COMPANY: FORMER CONFORMED NAME: FACEBOOK INC"), each form; the next filer's
# (a subject company's, a second filer's) start at its own conformed name.
_FORMER_NAME_RE = re.compile(r"FORMER CONFORMED NAME:[ \t]*([^\n]+)|<FORMER-CONFORMED-NAME>[ \t]*([^<\n]+)")
_NEXT_FILER_RE = re.compile(r"COMPANY CONFORMED NAME:|<CONFORMED-NAME>")
# "<SEC-DOCUMENT>0001193125-12-178928.txt : 20120424": the accession and filing date again.
_ROOT_LINE_RE = re.compile(r"<SEC-DOCUMENT>\s*(\d{10}-\d{2}-\d{6})\.txt\s*:\s*(\d{8})", re.I)
# EDGAR's own identifiers in a path: an accession number, with or without dashes, and a CIK folder before it
# ('edgar/data/320193/000119312512178928/...', '1178670-000119312523194715/...').
_PATH_ACCESSION_RE = re.compile(r"(?:^|[/\\_-])(?:(\d{1,10})[/\\-])?(\d{10}-?\d{2}-?\d{6})(?=$|[/\\._-])")
# Document types that may hold a press release: exhibits 99 (press releases and other additional exhibits) and 20
# (other documents to security holders, used before 2000 for releases).
_RELEASE_TYPE_RE = re.compile(r"^EX-(?:99|20)\b", re.I)
# Main documents of a report whose text may quote a release (8-K, 6-K, 425 and their amendments).
_MAIN_TYPE_RE = re.compile(r"^(?:8-K|6-K|425|DEFA14A|8-K12B|8-K12G3)(?:/A)?$", re.I)
# Far dates: a printed date this long after the filing or before it is suspect (a release is filed within days).
_DATE_AFTER = timedelta(days=7)
_DATE_BEFORE = timedelta(days=400)


@dataclass
class Document:
    """One `<DOCUMENT>` block: its 1-based position in the submission, its header tags and its `<TEXT>`."""

    position: int
    type: str = ""
    sequence: str = ""
    filename: str = ""
    description: str = ""
    text: str | None = None  # None: the block has no <TEXT>; "" when over MAX_DOCUMENT_CHARS (not copied)
    truncated: bool = False  # the file ends inside the block
    chars: int = 0  # the length of its <TEXT>


@dataclass
class Skipped:
    """A document of a submission that gave no release, and why."""

    document: int
    type: str
    filename: str
    reason: str


@dataclass
class SubmissionReading:
    """What one submission gave: its header, its releases and the documents skipped with their reasons."""

    filing: EdgarFiling
    releases: list[Release] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def is_submission(head: str) -> bool:
    """Whether text opens like an EDGAR submission or a bare EDGAR document block."""
    return bool(_OPENING_RE.match(head))


def first_copy(text: str) -> str:
    """The submission once: up to its closing tag, or up to a second root when a crawler wrote it twice."""
    end = _END_RE.search(text)
    if end:
        text = text[: end.end()]
    roots = list(_ROOT_RE.finditer(text))
    if len(roots) > 1:
        text = text[: roots[1].start()]
    return text


def read_header(path: str, text: str) -> EdgarFiling:
    """The filing's identity from its header (either form), the root line and, failing those, the path."""
    first_doc = re.search(r"<DOCUMENT>", text, re.I)
    header = text[: first_doc.start()] if first_doc else text[:20000]
    values: dict[str, str] = {}
    for fields_ in (_LINE_FIELDS, _TAG_FIELDS):
        for name, pattern in fields_.items():
            if name not in values:
                m = re.search(pattern, header)
                if m:
                    values[name] = m.group(1).strip()
    root = _ROOT_LINE_RE.search(header)
    if root:
        values.setdefault("accession", root.group(1))
        values.setdefault("filed", root.group(2))
    from_path = list(_PATH_ACCESSION_RE.finditer(path))
    if from_path:
        cik, accession = from_path[-1].groups()
        values.setdefault("accession", accession)
        if cik:
            values.setdefault("cik", cik)
    former = _former_names(header)
    filed = None
    if values.get("filed"):
        try:
            filed = datetime.strptime(values["filed"], "%Y%m%d")
        except ValueError:
            filed = None
    return EdgarFiling(
        cik=str(int(values["cik"])) if values.get("cik") else None,
        company=values.get("company"),
        accession=_dashed(values.get("accession")),
        form=values.get("form"),
        filing_date=filed.date().isoformat() if filed else None,
        former_names=former or None,
    )


def _former_names(header: str) -> list[str]:
    """The first filer's former conformed names, as its header lists them (newest first)."""
    first = _NEXT_FILER_RE.search(header)
    if first is None:
        return []
    after = _NEXT_FILER_RE.search(header, first.end())
    block = header[first.end() : after.start() if after else len(header)]
    names = [(m.group(1) or m.group(2)).strip() for m in _FORMER_NAME_RE.finditer(block)]
    return list(dict.fromkeys(n for n in names if n))


def _dashed(accession: str | None) -> str | None:
    if not accession:
        return None
    digits = accession.replace("-", "")
    if len(digits) != 18 or not digits.isdigit():
        return accession
    return f"{digits[:10]}-{digits[10:12]}-{digits[12:]}"


def iter_documents(text: str) -> list[Document]:
    """The `<DOCUMENT>` blocks of a submission, in order; a block cut off by the end of the file is marked so."""
    documents = []
    for position, (start, end, block_end) in enumerate(_document_spans(text), start=1):
        # Read in place (positions, not copies of the block): a submission may be 256 MB, mostly one document.
        text_span = _text_span(text, start, end)
        head = text[start : text_span[0] - len("<TEXT>")] if text_span else text[start : min(end, start + 2000)]
        tags: dict[str, str] = {}
        for tag in _DOC_TAG_RE.finditer(head):
            tags.setdefault(tag.group(1).upper(), tag.group(2).strip())
        closed = text[block_end - len("</DOCUMENT>") : block_end].upper() == "</DOCUMENT>"
        chars = text_span[1] - text_span[0] if text_span else 0
        documents.append(
            Document(
                position=position,
                type=tags.get("TYPE", ""),
                sequence=tags.get("SEQUENCE", ""),
                filename=tags.get("FILENAME", ""),
                description=tags.get("DESCRIPTION", ""),
                text=(text[text_span[0] : text_span[1]] if chars <= MAX_DOCUMENT_CHARS else "") if text_span else None,
                truncated=not closed and block_end == len(text),
                chars=chars,
            )
        )
    return documents


def _document_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """Each block's content (start, end) and where the block ends (after its </DOCUMENT> when it has one)."""
    opening = _DOCUMENT_OPEN_RE.search(text)
    while opening:
        start = opening.end()
        bound = _DOCUMENT_BOUND_RE.search(text, start)
        if bound is None:
            yield start, len(text), len(text)
            return
        block_end = bound.end() if bound.group(1) else bound.start()  # a next <DOCUMENT> is the next block's
        yield start, bound.start(), block_end
        opening = _DOCUMENT_OPEN_RE.search(text, block_end)


def _text_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the <TEXT> of the block text[start:end] runs, or None when it has none."""
    opening = _TEXT_OPEN_RE.search(text, start, end)
    if opening is None:
        return None
    closing = _TEXT_CLOSE_RE.search(text, opening.end(), end)
    return opening.end(), closing.start() if closing else end


def read_submission(path: str, text: str) -> SubmissionReading:
    """Every press release of one submission, and every other document with the reason it was skipped."""
    text = first_copy(text)
    filing = read_header(path, text)
    reading = SubmissionReading(filing=filing)
    documents = iter_documents(text)
    check_items(path, len(documents), "EDGAR documents")
    if not documents:
        reading.skipped.append(Skipped(0, "", "", "no <DOCUMENT> block: the submission is cut off after its header"))
        return reading
    main_candidates: list[tuple[Document, Exhibit]] = []
    for document in documents:
        if document.text is None:
            reason = "no <TEXT> in the document block" + (" (the file ends inside it)" if document.truncated else "")
            reading.skipped.append(Skipped(document.position, document.type, document.filename, reason))
            continue
        is_exhibit = bool(_RELEASE_TYPE_RE.match(document.type)) or (len(documents) == 1 and not document.type)
        is_main = document.position == 1 and bool(_MAIN_TYPE_RE.match(document.type))
        if not is_exhibit and not is_main:
            reading.skipped.append(
                Skipped(
                    document.position,
                    document.type,
                    document.filename,
                    f"{document.type or 'untyped'} document: not a press-release exhibit",
                )
            )
            continue
        if document.chars > MAX_DOCUMENT_CHARS:
            # A release exhibit of this size is a mistake or an attack: reading it would take many times its size.
            size = f"{document.chars // 1024 // 1024} MB of text: larger than any release ({MAX_DOCUMENT_CHARS // 1024 // 1024} MB)"
            reading.skipped.append(Skipped(document.position, document.type, document.filename, size))
            continue
        exhibit = read_exhibit(document.text, company=filing.company, quoted_only=is_main and not is_exhibit)
        if exhibit.skip_reason:
            reason = exhibit.skip_reason + (" (the file ends inside it)" if document.truncated else "")
            reading.skipped.append(Skipped(document.position, document.type, document.filename, reason))
            continue
        if is_main and not is_exhibit:
            main_candidates.append((document, exhibit))
            continue
        reading.releases.append(_release(path, filing, document, exhibit))
    # A release quoted in the main document counts only when no exhibit carries one (the body otherwise sums it up).
    for document, exhibit in main_candidates:
        if reading.releases:
            reading.skipped.append(
                Skipped(
                    document.position,
                    document.type,
                    document.filename,
                    "report text: the release is filed as an exhibit",
                )
            )
        else:
            reading.releases.append(_release(path, filing, document, exhibit))
    for item, release in enumerate(reading.releases, start=1):
        release.item = item if len(reading.releases) > 1 else 0
    return reading


def _release(path: str, filing: EdgarFiling, document: Document, exhibit: Exhibit) -> Release:
    draft = Draft(headline=exhibit.headline, body=exhibit.body, company=None, kind="")
    release = build_release(path, draft)
    filed = datetime.fromisoformat(filing.filing_date) if filing.filing_date else None
    printed = release.published if release.dateline and find_dates(release.dateline) else None
    printed = printed or exhibit.printed_date
    date_source = "dateline" if printed else None
    if (
        printed is not None
        and filed is not None
        and not (filed - _DATE_BEFORE <= printed.replace(tzinfo=None) <= filed + _DATE_AFTER)
    ):
        if "date-suspect" not in release.flags:  # build_release may have flagged a date after today already
            release.flags.append("date-suspect")  # a date far from the filing's: a narrative or mistyped date
        printed, date_source = None, None
    if printed is None and filed is not None:
        release.published, date_source = filed, "filing"
    elif printed is not None:
        release.published = printed
    # else a bare exhibit with no filing and no dated dateline: what the release gives (a dateline without its year
    # read in the file's year, the date its folders spell), with no date source
    release.edgar = EdgarFiling(
        cik=filing.cik,
        company=filing.company,
        accession=filing.accession,
        form=filing.form,
        filing_date=filing.filing_date,
        exhibit=document.type or None,
        document=document.position,
        filename=document.filename or None,
        date_source=date_source,
        former_names=filing.former_names,
    )
    if filing.company:
        _own_filer(release, filing.company)
    url = release.edgar.index_url
    if url:
        release.links = [url, *[link for link in release.links if link != url]]
        release.source_url = url  # the filing on EDGAR: where the release can be read at its source
    return release


_LEGAL_FORM = (
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|Ltd\.?|Limited|plc|PLC|LLC|N\.V\.|S\.A\.))?"
)


# EDGAR's qualifiers after a conformed name: the state or country of a namesake's registrant ("VERISIGN INC/CA",
# "ACME CORP /DE/", "... / Canada"), a depositary share ("/ADR"), a renamed filer ("/NEW/"), or a bare slash. A legal
# form spelled with a slash ("A/S") keeps its one letter.
_QUALIFIER_RE = re.compile(r"\s*/\s*(?:[A-Za-z]{2,}(?:\s[A-Za-z]+)?\s*/?)?\s*$")
# What stands between a name's words where the conformed name has a space: "AMAZON COM" is printed "Amazon.com",
# "PROCTER & GAMBLE" (no '&' among the core words) "Procter & Gamble", "AT&T" "AT&T".
_WORD_GAP = r"(?:[\s\-.]|\s*&\s*)+"


def filer_name(conformed: str) -> str:
    """A conformed name without EDGAR's trailing qualifier ('VERISIGN INC/CA' -> 'VERISIGN INC')."""
    return _QUALIFIER_RE.sub("", conformed).strip() or conformed


def _own_filer(release: Release, conformed: str) -> None:
    """The filer is the release's issuer: its name as the release prints it, and the listing printed after it.

    A release filed by a company is that company's, whatever partners its lede names first ("Sanofi and
    Bristol-Myers Squibb announce ..."); their listings are not the filer's.
    """
    filer = filer_name(conformed)
    words = core_words(filer)
    if not words:
        return
    pattern = re.compile(r"\b" + _WORD_GAP.join(re.escape(w) for w in words) + r"\b" + _LEGAL_FORM, re.I)
    text = release.headline + "\n\n" + release.text[:5000]
    printed = pattern.search(release.lede) or pattern.search(text)
    if printed is None:
        if release.company is None:
            release.company = filer
        return
    if release.company is None or not same_org(release.company, filer):
        release.company = printed.group(0).lstrip(", ")
    source = release.lede if pattern.search(release.lede) else text
    for match in pattern.finditer(source):
        for group in listing_groups(source[match.end() : match.end() + 200]):
            if group.start <= 3 and not source[match.end() : match.end() + group.start].strip(" ,"):
                release.tickers = sorted(dict.fromkeys(group.tickers))
                return


_REASONS_SHOWN = 12


def parse_submission(path: str, text: str) -> list[Release]:
    """Parse an EDGAR submission into its press releases, or raise ParseError saying why it holds none."""
    reading = read_submission(path, text)
    if reading.releases:
        return reading.releases
    if not reading.skipped:
        raise ParseError(path, "EDGAR submission with no documents")
    reasons = "; ".join(
        f"document {s.document} ({s.type or 'untyped'}): {s.reason}" if s.document else s.reason
        for s in reading.skipped[:_REASONS_SHOWN]
    )
    more = len(reading.skipped) - _REASONS_SHOWN
    # (A report line per file: a filing of thousands of documents must not print each one's reason.)
    more_text = f"; and {more:,} more documents" if more > 0 else ""
    raise ParseError(path, f"EDGAR filing with no press release: {reasons}{more_text}")
