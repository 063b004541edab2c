"""Lines that open a release but are not its headline: banners, letterheads, contacts, lone dates.

Shared by every reader that has to find a headline in text (EDGAR exhibits, plain text, PDF-extracted text): the first
line of a release is a candidate, not the answer ("Exhibit 99.1", "FOR IMMEDIATE RELEASE", "April 24, 2012", the
company name alone, an address or a contact block are not headlines).
"""

from __future__ import annotations

import re
from datetime import datetime

from .dateline import find_dateline
from .dates import find_dates

# Lines that are never a headline.
_EXHIBIT_BANNER_RE = re.compile(
    r"^(?:exhibit|ex\.?|exh\.?)\s*[-\u2013]?\s*(?:no\.?\s*)?\d+[\w.()\-]*(?:\s*[-\u2013\u2014:]\s*.{0,40})?$", re.I
)
RELEASE_BANNER_RE = re.compile(
    r"^(?:for\s+immediate\s+(?:release|distribution)|immediate\s+release|(?:joint\s+)?(?:news|press|media)\s+releases?"
    r"|for\s+release|release\s+date|embargoed?\b|not\s+for\s+(?:distribution|release)"
    r"|(?:news|press|media)\s+(?:announcement|information|alert)|company\s+contacts?"
    r"|investor\s+relations|media\s+relations|public\s+relations|corporate\s+communications"
    r"|for\s+news)\b(?:[^.]|(?<=\b[A-Za-z])\.){0,80}$"  # no sentence, abbreviations allowed: "AT 4:05 P.M. ET"
    # A word alone on its line ("NEWS", "Contacts:"), never the first word of a headline ("Media General Names ...").
    r"|^(?:news|press|media|investors?|contacts?|confidential|strictly\s+confidential|draft)\s*:?\s*$",
    re.I,
)
CONTACT_RE = re.compile(
    r"\b(?:contacts?|investor\s+relations|media\s+relations|press\s+office|tel\.?|phone|fax)\s*[:.]|\(\d{3}\)\s*\d{3}[-.\s]\d{4}"
    r"|\b\d{3}[-.]\d{3}[-.]\d{4}\b|\+\d[\d\s().-]{7,}|[\w.+-]+@[\w-]+\.[\w.]+|\bwww\.|https?://",
    re.I,
)
_ADDRESS_RE = re.compile(
    r"^\d+[\w\s.,'-]{0,40}\b(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Drive|Dr\.|Loop|Boulevard|Blvd\.?|Way|Place|Plaza|"
    r"Parkway|Pkwy|Suite|Lane|Court|Center|Centre|Square)\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?$|^P\.?\s?O\.?\s+Box\b",
)
# An image's place held in the text: "[LOGO]", "<<Company Logo>>", "(graphic)".
_PLACEHOLDER_RE = re.compile(r"^[\[(<{]+[^\])>}]{0,40}[\])>}]+$")
_FILE_NAME_RE = re.compile(r"^\S+\.(?:htm|html|pdf|txt|doc|docx)\b|converted by|^<PAGE>|^page \d+", re.I)
_CORPORATE_END_RE = re.compile(
    r"\b(?:Inc|Incorporated|Corp|Corporation|Company|Co|Ltd|Limited|plc|LLC|L\.P|LP|N\.V|S\.A|AG|SE|Group|Holdings)\.?\s*$",
    re.I,
)
_LEGAL_WORDS = {"inc", "incorporated", "corp", "corporation", "company", "co", "ltd", "limited", "plc", "llc", "lp",
                "the", "group", "holdings", "n", "v", "sa", "ag", "se"}  # fmt: skip
CONTACT_WORD_RE = re.compile(r"\bcontacts?\b|\b(?:investor|media|public)\s+relations\b|\bpress\s+office\b", re.I)
BULLET_START_RE = re.compile(r"^[\u2022\u25cf\u25e6\u25aa\u25a0\u2013\u2014*\-\u00b7o]\s")
_NUMERIC_DATE_RE = re.compile(r"^(?:date[d]?\s*:?\s*)?\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})$", re.I)
_DOTTED_DATE_RE = re.compile(
    r"^(?:(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})"
    r"|(?P<iso_year>(?:19|20)\d{2})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2}))$"
)
_LABEL_RE = re.compile(
    r"^(?:date|dated|for\s+immediate\s+release|release\s+date|for\s+release)\s*[:\-\u2013]?\s*", re.I
)
_TICKER_ONLY_RE = re.compile(r"^\(?\s*(?:NYSE|NASDAQ|Nasdaq|AMEX|TSX|OTC[\w ]*)\s*[:\-]\s*[A-Z.]{1,6}\s*\)?$")
SENTENCE_RE = re.compile(r"[a-z0-9%)\u201d\"][.!?][\u201d\"]?(?:\s|$)")


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().lower()


def lone_date(line: str) -> datetime | None:
    """The date of a line that is only a date ('April 24, 2012', 'For Immediate Release: May 1, 2024', '4/25/2023')."""
    rest = _LABEL_RE.sub("", line).strip(" .,-\u2013\u2014()")
    if not rest or len(rest) > 60:
        return None
    m = _NUMERIC_DATE_RE.match(rest)
    dotted = None if m else _DOTTED_DATE_RE.match(rest)
    if dotted:
        # "25.04.2023" (day first, as Europe prints it) and "2023-04-25" (ISO 8601)
        parts = (
            dotted.group("day", "month", "year")
            if dotted.group("day")
            else dotted.group("iso_day", "iso_month", "iso_year")
        )
        day, month, year = (int(p) for p in parts)
        try:
            return datetime(year, month, day)
        except ValueError:
            return None
    if m:
        month, day, year = (int(p) for p in re.findall(r"\d+", rest)[:3])
        year += 2000 if year < 70 else 1900 if year < 100 else 0
        try:
            return datetime(year, month, day)
        except ValueError:
            return None
    found = find_dates(rest)
    if found:
        match, value = found[0]
        leftover = (rest[: match.start()] + rest[match.end() :]).strip(" ,.-\u2013\u2014")
        if len(leftover) <= 12 and not re.search(r"[a-z]{4,}", leftover.lower().replace("today", "")):
            return value
    return None


def _name_words(text: str) -> list[str]:
    return [w for w in _norm(text).split() if w not in _LEGAL_WORDS]


# Verbs of headlines ("Acme Acquires Gadget Co."): a line holding one is not a company's name alone.
_HEADLINE_VERBS = set(
    "announces reports acquires acquire names appoints opens launches completes declares signs enters prices expands "
    "receives agrees sells buys files wins closes raises posts unveils introduces adds joins elects provides updates "
    "issues secures achieves to acquire merge merges sign".split()
)


def is_company(line: str, company: str | None) -> bool:
    """The company's name alone (a letterhead), as the header spells it or with any legal form."""
    words = line.split()
    if company and len(words) <= 6:
        mine, theirs = _name_words(line), _name_words(company)
        if mine and mine == theirs[: len(mine)]:
            return True
    if any(word.lower() in _HEADLINE_VERBS for word in words[1:]):
        return False  # "Widgetron Acquires Gadget Co.": a headline that ends with a name
    return len(words) <= 4 and bool(_CORPORATE_END_RE.search(line)) and not SENTENCE_RE.search(line.rstrip("."))


def is_banner(line: str, company: str | None, *, names: bool = True) -> bool:
    """A line that opens an exhibit but is not its headline."""
    if len(re.sub(r"[^A-Za-z]", "", line)) < 3:
        return True
    if (" | " in line and not _titled_row(line)) or BULLET_START_RE.match(line):
        return True  # a table row or a bullet (letterhead, highlights): never a headline
    return bool(
        _EXHIBIT_BANNER_RE.match(line)
        or RELEASE_BANNER_RE.match(line)
        or _FILE_NAME_RE.search(line)
        or (CONTACT_RE.search(line) and not titled_sentence(line))
        or _ADDRESS_RE.search(line)
        or _TICKER_ONLY_RE.match(line)
        or _PLACEHOLDER_RE.match(line)
        or (names and is_company(line, company))
        or lone_date(line)
        or line.endswith(":")
    )


def _titled_row(line: str) -> bool:
    """A long title-case line that one bar parts, neither part an address or a contact: a headline ("Acme Law |
    Injury Lawyers Voted Best Firm by Readers of the Daily Planet"), not a letterhead's or a table's row of cells."""
    cells = line.split(" | ")
    return len(cells) == 2 and titled_sentence(line) and not any(letterhead_line(cell) for cell in cells)


def letterhead_name(line: str, below: str) -> bool:
    """A short line set straight above an address or a telephone line of its block: the letterhead's name ("Acme
    Corp." over "100 Main Street, Suite 4"), never a headline."""
    if not below or len(line.split()) > 6 or SENTENCE_RE.search(line.rstrip(".")):
        return False
    if any(word.lower() in _HEADLINE_VERBS for word in line.split()[1:]):
        return False
    # A letterhead prints an address, a telephone or a web address; a labelled contact ("Investor Contact: ...")
    # may stand right under a headline.
    return letterhead_line(below) and not CONTACT_WORD_RE.search(below)


def letterhead_line(line: str) -> bool:
    """A street address, a city with its postal code, a telephone, e-mail or web address: a letterhead's or a
    contact block's line (a long title-case headline that prints a number is not one)."""
    return bool(_ADDRESS_RE.search(line) or (CONTACT_RE.search(line) and not titled_sentence(line)))


def titled_sentence(line: str) -> bool:
    """A long line in title case: a headline that prints a number or an address ("... Hotline at (833) 200-7111")."""
    return len(line.split()) >= 12 and title_case(line)


def opening_date(line: str) -> tuple[datetime, str] | None:
    """(date, rest) for a line that opens with a lone date and goes on with a short title."""
    found = find_dates(line[:40])
    if not found or found[0][0].start() != 0:
        return None
    match, value = found[0]
    rest = line[match.end() :].strip(" ,-\u2013\u2014:")
    if not rest or len(rest) > 150 or SENTENCE_RE.search(rest) or find_dateline(line) is not None:
        return None
    return value, rest


# A line that ends a sentence ("... for customers."), not an abbreviation ("Acme Corp.", "Inc.", "U.S.").
# (The name checks look back from the full stop: "Corp." is a name's end, "corporate." a sentence's.)
ENDS_SENTENCE_RE = re.compile(
    r"(?<!\b[A-Z])[a-z0-9%)\u201d\"](?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bLtd)[.!?][\u201d\"]?$"
)
# A line ending with a joining word or mark: the headline goes on on the next line.
CONNECTOR_END_RE = re.compile(
    r"(?:\b(?:of|and|to|for|the|a|an|in|with|on|its|at|by|from|as|&)|[,;\-\u2013\u2014:])$", re.I
)
# "Hemophilia A", "Series A", "Class A": a capital A after a word of a title-case line is a designation, not an
# article wanting its noun; it is an article after a verb or a joining word ("Launches A", "Into A").
_TITLE_A_RE = re.compile(r"(\S+)\s+A$")
_BEFORE_ARTICLE = {"into", "onto", "like", "over", "under", "about", "through", "is", "be", "becomes", "become"}


def _connector_end(prev: str) -> bool:
    """Whether a line ends with a joining word or mark (a capital A only where it is an article)."""
    if not CONNECTOR_END_RE.search(prev):
        return False
    designation = _TITLE_A_RE.search(prev)
    if designation is None or prev.isupper():
        return True
    before = designation.group(1).lower()
    return before in _OBJECT_VERBS or before in _BEFORE_ARTICLE or bool(CONNECTOR_END_RE.search(before))


# Verbs that take an object: a headline cannot end with one ("Acme and Beta Announce" / "Final Results of the Offer").
_OBJECT_VERBS = set(
    "announce announces report reports name names appoint appoints acquire acquires declare declares complete "
    "completes receive receives unveil unveils introduce introduces issue issues sign signs launch launches elect "
    "elects provide provides secure secures commence commences increase increases raise raises".split()
)


def ends_open(prev: str) -> bool:
    """Whether a headline line cannot end the headline: it ends with a joining word or a verb still wanting its object."""
    if _connector_end(prev):
        return True
    words = prev.split()
    return len(words) >= 2 and words[-1].lower() in _OBJECT_VERBS


# "by Christy Bieber", "By Jane Doe, Benzinga": an author's byline under a headline, never its rest.
BYLINE_RE = re.compile(r"[Bb]y\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){1,3}\s*(?:,\s*[\w .&'-]{2,40})?$")


# Lower-case words that go on with a headline's phrase whatever their block's look ("... Collaboration" | "in North
# America").
LOWER_JOINERS = set("a an and as at by for from in into of on or the to with".split())


def continues_headline(
    prev: str, line: str, company: str | None, gap: int = 0, styles: dict[str, tuple] | None = None
) -> bool:
    """Whether line carries on a headline that ends with prev (gap: a blank line stands between them)."""
    # "Biosciences, Inc." may end a headline: a name alone is a banner only where a headline may start.
    if not line or is_banner(line, company, names=False) or ENDS_SENTENCE_RE.search(prev) or len(line) > 200:
        return False
    if find_dateline(line) is not None or lone_date(line) or BYLINE_RE.match(line):
        return False
    styles = styles or {}
    look_prev, look_line = styles.get(prev), styles.get(line)
    look_changes = bool(gap and look_prev and look_line and look_prev[:3] != look_line[:3])
    first_word = line.split()[0]
    if _connector_end(prev):
        return True
    if first_word.islower():  # "iPhone", "eBay" start a new line of their own
        # A name spelled in lower case opening a block of another look (italic, smaller) opens a subheadline:
        # "viagogo Acquires StubHub ..." over an italic "viagogo to Provide ..."; a joining word goes on.
        # Across a blank line, a block of a look not known to be the headline's is its subheadline or its lede
        # ("... in Its faidr Mobile App" | "faidr now has more than 13,000 stations").
        same_look = not gap or bool(look_prev and look_line and not look_changes)
        return (same_look and not look_changes) or first_word.strip(",;:") in LOWER_JOINERS
    if ends_open(prev) and not SENTENCE_RE.search(line) and (title_case(line) or line.isupper()):
        return True  # "... Announce" / "Final Results of the Exchange Offer": the object comes after a break
    if look_changes:
        return False  # the look changes (italic, smaller): a subheadline, not the headline's rest
    if gap and look_prev and look_line and _set_closer(look_prev, look_line) and title_case(line):
        return True  # the same look, set closer than the headline stands to what is above it: one paragraph
    letters_prev, letters_line = re.sub(r"[^A-Za-z]", "", prev), re.sub(r"[^A-Za-z]", "", line)
    if letters_prev.isupper() and letters_line.isupper():
        return True  # a shouted headline over two lines
    # A title-case headline wrapped at a width: the rest is shorter than the line before it.
    # Across a blank line only a short rest ("Wave of Global Growth"): a longer one is a subheadline.
    short = len(line) <= (25 if gap else 0.7 * len(prev))
    return len(prev) >= 40 and short and title_case(line) and title_case(prev)


def _set_closer(look_prev: tuple, look_line: tuple) -> bool:
    """Whether a block of the headline's look sits closer under it than the headline sits under its predecessor."""
    above_prev, above_line = look_prev[3:4], look_line[3:4]
    if not above_prev or not above_line or above_prev[0] is None or above_line[0] is None:
        return False
    return look_prev[0] and above_line[0] < above_prev[0]


def title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
