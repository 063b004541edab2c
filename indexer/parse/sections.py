"""Sections of a release: lede, body, 'About' boilerplate, forward-looking statements, contacts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cleanup import address_matches, trim_period

_ABOUT_WORDS = r"(?:About|ABOUT|À propos de|A propos de|Acerca de|Sobre|Über|Informazioni su|Over)"
# "About ImmunoGen, Inc." alone, or "About Zignal Labs: Zignal is ..." / "ABOUT ACME — Acme is ..." inline.
_ABOUT_RE = re.compile(rf"^(?:#+\s*)?\**\s*{_ABOUT_WORDS}\s+(?:the\s+)?(?P<name>[^\n]{{2,90}}?)\s*\**\s*:?\s*$")
_ABOUT_INLINE_RE = re.compile(
    rf"^(?:#+\s*)?\**\s*{_ABOUT_WORDS}\s+(?:the\s+)?(?P<name>[A-Z\u00c0-\u00de0-9][^\n:.()\u2014\u2013]{{1,70}}?)\**\s*"
    rf"(?::|\s[\u2014\u2013-]\s|\*\*\s)\s*(?P<text>\S.*)$"
)
_ABOUT_START_RE = re.compile(rf"(?:#+\s*)?\**\s*{_ABOUT_WORDS}\s")
# "About ADP (NASDAQ: ADP) Designing better ways to work ...": the heading ends at its listing.
_ABOUT_LISTED_RE = re.compile(
    rf"^(?:#+\s*)?\**\s*{_ABOUT_WORDS}\s+(?:the\s+)?(?P<name>[A-Z\u00c0-\u00de0-9][^\n:()]{{1,60}}?)\s*\([^()]{{2,60}}:[^()]{{1,40}}\)"
    rf"\s*(?P<text>[A-Z\u201c\"].*)$"
)
# "... All rights reserved. SOURCE ADP, LLC": PR Newswire's closing source line, glued to the paragraph before.
_TRAILING_SOURCE_RE = re.compile(r"(?:^|[.\s])SOURCE:?\s+(?P<name>[A-Z0-9][^\n]{1,80}?)\s*$")
_FLS_RE = re.compile(
    r"^(?:#+\s*)?\**\s*(?:Cautionary\s+(?:Note|Statement|Language)|(?:Note\s+(?:Regarding|on|about)\s+|Special\s+Note\s+"
    r"Regarding\s+|Information\s+Regarding\s+|Statement\s+Regarding\s+)?Forward[- ]Looking\s+(?:Statements?|Information)"
    r"|Safe\s+Harb(?:or|our)|Disclaimer|Legal\s+Notice|Mises\s+en\s+garde|Déclarations\s+prospectives"
    r"|(?:This|The)\s+(?:news\s+|press\s+)?(?:release|announcement|communication)\s+(?:contains|includes|may\s+contain|"
    r"may\s+include|and\s+the\s+\w+\s+contain)\s+(?:certain\s+)?(?:[\"\u201c]?forward|statements)"
    r"|Certain\s+(?:statements|information)\s+(?:contained\s+)?in\s+this\s+(?:news\s+|press\s+)?release"
    r"|Statements\s+in\s+this\s+(?:news\s+|press\s+)?release\s+(?:that|which|regarding)"
    r"|Except\s+for\s+(?:the\s+)?historical\s+information)",
    re.I,
)
_CONTACT_RE = re.compile(
    r"^(?:#+\s*)?\**\s*(?:(?:Media|Investors?|Press|Company|IR|PR|Analyst|Financial|Corporate)\s*(?:&|and|/)?\s*"
    r"(?:Media|Investors?|Press|Analyst)?\s*(?:Relations?\s*)?(?:Contacts?|Inquiries|Enquiries)\b"
    r"|Contacts?\s*(?:Information|Info|Details|Us)?\s*:?\s*$|Contacts?\s*(?:Information|Info|Details)?\s*[:\-]|CONTACT\b"
    r"|Contact\s+Details|For\s+(?:further|more|additional)\s+information,?\s+(?:please\s+)?(?:contact|reach)"
    r"|For\s+(?:Investors|Media|press)\b|(?:Media|Investors?|Press)\s*:|View source version on|SOURCE\s*:?\s+\S"
    r"|Contact\s+(?:for|with)\s+(?:media|press|investors)|Medienkontakt|Contact\s+presse|Contacto)",
)
SOURCE_RE = re.compile(r"^\s*(?:SOURCE|Source)\s*:?\s+(?P<name>[^\n]{2,100}?)\s*$")
# The tests of a section heading and of a SOURCE line joined in one (by how each starts): a paragraph that passes
# none, as most do, is ruled out at once.
_ANY_HEADING_RE = re.compile(
    "|".join([_ABOUT_START_RE.pattern, f"(?i:{_FLS_RE.pattern})", _CONTACT_RE.pattern, r"\s*(?:SOURCE|Source)"])
)
# The first character of a paragraph that _ANY_HEADING_RE can match: one of its optional '#', '*' and spaces, or
# the first letter of one of its words ("About", "Sobre", "Über", any case for the forward-looking ones: re.I
# matches 'ſ', 'ı', 'İ' to 's' and 'i' here as there). One character test rules out most paragraphs.
_HEADING_FIRST_RE = re.compile(r"[#*\s]|[A\u00c0S\u00dcIOMPCFV]|(?i:[cnsifdlmte])")
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?)?\d{2,4}[\s.\-]\d{3,4}(?:[\s.\-]\d{2,4}){0,2}(?!\w)"
)
# PHONE_RE written to start with the character that its match starts with ('+', '(' or a digit), so that the regex
# engine tries it only there instead of at every position: the look-behind then comes after that character, and
# which one it was picks the rest ('+': the country code, then PHONE_RE's own rest; '(': the area code, then the
# number; a digit: the number). It finds what PHONE_RE finds (a test compares them).
_PHONE_NUMBER = r"[\s.\-]\d{3,4}(?:[\s.\-]\d{2,4}){0,2}(?!\w)"  # after the first group of digits
_PHONE_SCAN_RE = re.compile(
    r"[+(\d](?<![\w+].)(?:"
    rf"(?<=\+)\d{{1,3}}[\s.\-]?(?:\(\d{{1,4}}\)[\s.\-]?)?\d{{2,4}}{_PHONE_NUMBER}"
    rf"|(?<=\()\d{{1,4}}\)[\s.\-]?\d{{2,4}}{_PHONE_NUMBER}"
    rf"|(?<=\d)\d{{1,3}}{_PHONE_NUMBER})"
)


@dataclass
class About:
    """One 'About <name>' section."""

    name: str
    text: str


@dataclass
class Sections:
    """A release's text split by what each part is for."""

    lede: str = ""
    body: str = ""
    about: str = ""
    abouts: list[About] = field(default_factory=list)
    forward_looking: str = ""
    contacts: str = ""
    source_name: str | None = None  # "SOURCE Acme Corp" / "Source: Acme Corp" at the end
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)

    @property
    def about_name(self) -> str | None:
        """The name of the first 'About' section."""
        return self.abouts[0].name if self.abouts else None


def about_heading(paragraph: str) -> tuple[str, str] | None:
    """(name, text after the heading) when a paragraph opens an 'About <name>' section."""
    if not _ABOUT_START_RE.match(paragraph):
        return None  # what all three patterns start with: one test rules most paragraphs out
    m = _ABOUT_RE.match(paragraph)
    if m and len(m.group("name").split()) <= 10:
        return m.group("name").strip(" *:"), ""
    m = _ABOUT_LISTED_RE.match(paragraph)
    if m and len(m.group("name").split()) <= 8:
        # The text keeps the name and its listing: "ADP (NASDAQ: ADP) Designing better ways ...".
        return m.group("name").strip(" *:"), paragraph[m.start("name") :]
    m = _ABOUT_INLINE_RE.match(paragraph)
    if m and len(m.group("name").split()) <= 8:
        return m.group("name").strip(" *:"), m.group("text")
    return None


# "... on the French Riviera. About Nice Fun Tours Nice Fun Tours specializes in ...": an About heading run into the
# paragraph before it (paragraph breaks lost), known by the name printed twice in a row, whole or by its opening
# words ("About Neale & Fhima Law Firm Neale & Fhima is ...").
_GLUED_ABOUT_RE = re.compile(
    r"(?<=[.!?\u201d\"] )(?P<heading>About\s+(?P<the>the\s+)?(?P<name>[A-Z\u00c0-\u00de0-9][\w'\u2019&.\-]*"
    r"(?:\s+[A-Z\u00c0-\u00de0-9&][\w'\u2019&.\-]*){0,5})(?P<more>(?:\s+[A-Z\u00c0-\u00de0-9&][\w'\u2019&.\-]*){0,4}?))"
    r"\s+(?=(?P=name)\b)"
)


# "... at www.acme.com/. About Acme Widgets, LLC: Acme Widgets designs ...": a heading a colon closes, run into the
# paragraph before it.
_GLUED_COLON_ABOUT_RE = re.compile(
    r"(?<=[.!?\u201d\"] )(?P<heading>About\s+(?P<name>[A-Z\u00c0-\u00de0-9][\w'\u2019&.\-]*"
    r"(?:,?\s+(?:[A-Z\u00c0-\u00de0-9&][\w'\u2019&.\-]*|of|and|de|the|for)){0,7}):)\s+(?=[A-Z\u00c0-\u00de\u201c\"])"
)


def _glued_about(para: str) -> re.Match | None:
    """The first About heading run into the paragraph: its name printed again after it, or a colon closing it."""
    found = _GLUED_ABOUT_RE.search(para)
    if found is not None and found.group("the") and found.group("more"):
        found = None  # "About the Acme Selection Methodology Acme, a rating service, ...": a topic, not a name
    colon = _GLUED_COLON_ABOUT_RE.search(para)
    if colon is not None and (colon.group("name") in ("Us", "US") or colon.group("name").isdigit()):
        colon = None
    return min((m for m in (found, colon) if m is not None), key=lambda m: m.start(), default=None)


def unglue_abouts(paragraphs: list[str]) -> list[str]:
    """Paragraphs with an About heading run into the one before split off as a heading paragraph of its own."""
    out: list[str] = []
    for para in paragraphs:
        while "About " in para and (found := _glued_about(para)) is not None:
            out += [para[: found.start()].rstrip(), found.group("heading")]
            para = para[found.end() :]
        out.append(para)
    return out


def split_sections(paragraphs: list[str]) -> Sections:
    """Split paragraphs (the lede first, its dateline removed) into sections."""
    paragraphs = unglue_abouts(paragraphs)
    out = Sections()
    parts: dict[str, list[str]] = {"lede": [], "body": [], "about": [], "forward_looking": [], "contacts": []}
    kind = "lede"
    for para in paragraphs:
        text = para.strip()
        if not text:
            continue
        heading = _HEADING_FIRST_RE.match(text) is not None and _ANY_HEADING_RE.match(text) is not None
        source = SOURCE_RE.match(text) if heading else None
        if source and len(text) < 120:
            out.source_name = trim_period(source.group("name").strip())
        if kind == "lede":
            parts["lede"].append(text)
            kind = "body"
            continue
        about = about_heading(text) if heading else None
        if about:
            kind = "about"
            out.abouts.append(About(about[0], about[1]))
        elif heading and _FLS_RE.match(text):
            kind = "forward_looking"
        elif heading and _CONTACT_RE.match(text) and len(text) < 600:
            kind = "contacts"
        elif kind == "about" and out.abouts:
            joined = f"{out.abouts[-1].text}\n\n{text}" if out.abouts[-1].text else text
            out.abouts[-1].text = joined
        parts[kind].append(text)
    if out.source_name is None:
        for para in reversed(paragraphs[-3:]):
            # The pattern is tried at every position; every match holds the word (the pattern is case-sensitive).
            trailing = "SOURCE" in para and _TRAILING_SOURCE_RE.search(para)
            if trailing:
                out.source_name = trim_period(trailing.group("name").strip())
                break
    for name, paras in parts.items():
        setattr(out, name, "\n\n".join(paras))
    tail = out.contacts or "\n\n".join(paragraphs[-6:])
    mail_text = out.contacts or "\n\n".join(paragraphs)
    found_emails = [m.group(0) for m in address_matches(EMAIL_RE, mail_text)]
    out.emails = list(dict.fromkeys(e.rstrip(".") for e in found_emails))
    out.phones = list(dict.fromkeys(p.strip() for p in _PHONE_SCAN_RE.findall(tail) if _is_phone(p)))
    return out


_NON_DIGITS_RE = re.compile(r"\D")
_TWO_YEARS_RE = re.compile(r"(?:19|20)\d\d[\s.\-](?:19|20)\d\d")


def _is_phone(text: str) -> bool:
    digits = _NON_DIGITS_RE.sub("", text)
    if not 7 <= len(digits) <= 15:
        return False
    # Years, dates and amounts look like digit groups too ("2019 2020", "1,000,000").
    return not _TWO_YEARS_RE.fullmatch(text.strip())
