"""Who a release credits when its opening names no issuer: the outlet a quoted person told, a name its own domain
spells, the company a sponsored article's disclosure says paid for it, an opening "(Name) -" credit, a research
release's "Journal" field."""

from __future__ import annotations

import re

from .names import fold, has_word, matches_domain
from .places import is_place
from .wires import canonical_wire

# A publisher brand's name ("About InvestorWire", "AINewsWire"): never an issuer found by its domain.
BRAND_ABOUT_RE = re.compile(r"News\s*Wire|Newswire|Wire$|\bIBN\b")

# A capitalised run of words in running text ("commissioned by Borden Cheese that ...", "Desde 2009, PROMPERÚ ...").
_NAME_RUN_RE = re.compile(r"[A-Z0-9\u00c0-\u00de][\w&'\u2019+\-]*(?:\s+[A-Z0-9\u00c0-\u00de][\w&'\u2019+\-]*){0,5}")


# Platforms a release links to (its book on Amazon, its page on Facebook): never the issuer's own domain.
_PLATFORM_HOSTS = {
    "amazon", "facebook", "instagram", "linkedin", "twitter", "x", "youtube", "tiktok", "google", "apple", "spotify",
    "medium", "substack", "wordpress", "blogspot", "wix", "eventbrite", "bit", "linktr", "barnesandnoble", "goodreads",
}  # fmt: skip


def domain_named(text: str, contacts: str, domains: set[str]) -> str | None:
    """The first name that the release's own web or mail domain spells ('PROMPERÚ' for promperu.gob.pe) and that
    its story names twice, outside the contacts (a PR agency is named only there); not a place, not a wire."""
    domains = {d for d in domains if d not in _PLATFORM_HOSTS}
    if not domains:
        return None
    story = text.replace(contacts, "") if contacts else text
    for run in _NAME_RUN_RE.finditer(story):
        words = run.group(0).split()
        for start in range(len(words)):
            for end in range(len(words), start, -1):
                candidate = " ".join(words[start:end])
                if (
                    matches_domain(candidate, domains)
                    and story.count(candidate) >= 2
                    and not is_place(candidate)
                    and not canonical_wire(candidate)
                    and not BRAND_ABOUT_RE.search(candidate)
                ):
                    return candidate
    return None


# '"... crippling for Marylanders," Rep. Johnny Olszewski told Capital News Service.': the outlet reporting the story.
_TOLD_OUTLET_RE = re.compile(
    r"\b(?:told|said\s+to|speaking\s+to)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w&'\u2019\-]*\s+){0,3}"
    r"(?:News|Service|Press|Times|Journal|Post|Media|Radio|Television|TV|Magazine|Herald|Tribune|Gazette|Wire))"
    r"(?:\s+[A-Z][\w&\-]*)?(?=[.,;]|\s+(?:that|on|in|last|this)\b)"
)


def told_outlet(text: str) -> str | None:
    """The news outlet a quoted person told, when nothing else names who issues a story."""
    m = _TOLD_OUTLET_RE.search(text[:3000])
    return m.group("name") if m else None


# "RazorPitch has been retained and compensated by Pineapple Financial to assist in the production and distribution
# of this content": the publisher's disclosure of who paid for a sponsored article.
_SPONSOR_RE = re.compile(
    r"\b(?:has|have)\s+been\s+(?:retained|hired|paid)(?:\s+and\s+(?:has\s+been\s+|expects\s+to\s+be\s+)?"
    r"(?:compensated|paid))?\s+by\s+(?P<name>[A-Z][\w&.'\u2019\-]*(?:\s+[A-Z&][\w&.'\u2019\-]*){0,4})\s+(?:to|for)\b"
)


# "The Article was issued on behalf of and sponsored by, West Red Lake Gold Mines Ltd.": a disclosure naming the one
# company the article was written for.
_ON_BEHALF_RE = re.compile(
    r"\bissued\s+on\s+behalf\s+of(?:\s+and\s+sponsored\s+by)?,?\s+(?P<name>[A-Z][\w&.'\u2019\-]*(?:\s+[A-Z&][\w&.'\u2019\-]*){0,5})"
)


def sponsor_named(text: str, headline: str) -> str | None:
    """The company a sponsored article's disclosure says paid for it, when the headline is about that company
    ("... Opportunity For Pineapple Financial"); an agency paying on a client's behalf, or a company the headline
    does not name (one of several covered), is not its issuer."""
    for m in _SPONSOR_RE.finditer(text):
        name = m.group("name")
        if has_word(fold(headline), fold(name)):
            return name
    return None


def behalf_of(text: str) -> str | None:
    """The company an article says it was issued on behalf of, when the text prints that company with its listing
    ("The Article was issued on behalf of and sponsored by, West Red Lake Gold Mines Ltd." with "West Red Lake Gold
    Mines Ltd. (TSXV:WRLG)"): the article is its, whatever topic the headline opens with."""
    if "on behalf of" not in text:
        return None  # a plain substring test first: the pattern would scan every long earnings release
    for m in _ON_BEHALF_RE.finditer(text):
        words = m.group("name").split()
        for size in range(len(words), 1, -1):  # the longest opening printed with its listing
            name = " ".join(words[:size]).rstrip(".")
            if re.search(rf"{re.escape(name)}\.?\s*\([A-Z][\w.]*\s*:", text):
                return name
    return None


# "(BookTrib) - “Palm Beach Confidential” by ...": a column's credit opening a syndicated release.
_OPENING_CREDIT_RE = re.compile(r"^\s*\((?P<name>[A-Z][\w&.'\u2019\- ]{1,40}?)\s*\)\s*[\u2013\u2014\-]\s")


def opening_credit(opening: str | None, headline: str) -> str | None:
    """The name credited in parentheses at the start of the release, not a wire's, when the headline names it too
    ("BookTrib's Bites: ..." over "(BookTrib) - ...")."""
    m = _OPENING_CREDIT_RE.match(opening or "")
    if not m or canonical_wire(m.group("name")):
        return None
    name = m.group("name").strip()
    return name if has_word(headline, name) else None


# "... Funding Information ...  Journal Global Transitions  Chuanlink Innovations, where ...": a research release's
# closing fields; the journal publishing the study issues it (its distributor signs off after it).
_JOURNAL_FIELD_RE = re.compile(r"(?:^|\n|\s{2}|(?<=[.\d)])\s)Journal\s+(?P<run>[A-Za-z][^\n]{1,90})")
_RUN_WORD_RE = re.compile(r"[A-Za-z][\w&:'\u2019\-]*|&|of|and|in|for|the")


def journal_field(text: str) -> str | None:
    """The journal a research release's "Journal" field names, cut to the longest opening the text prints twice
    ("Journal Global Transitions Chuanlink Innovations, where ..." with "in the KeAi journal Global Transitions")."""
    for m in _JOURNAL_FIELD_RE.finditer(text[-4000:]):
        words = []
        for word in m.group("run").split():
            if not _RUN_WORD_RE.fullmatch(word.rstrip(",.")) or (
                words and word[:1].islower() and word not in "of and in for the &"
            ):
                break
            words.append(word.rstrip(",."))
            if word.endswith((",", ".")):
                break
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size])
            if words[size - 1] in ("of", "and", "in", "for", "the", "&") or len(name) < 4:
                continue
            if text.count(name) >= 2:
                return name
    return None
