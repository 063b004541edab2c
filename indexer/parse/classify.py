"""Release types and editorial/sponsored flags, by keyword rules that can be read and explained."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Release

# type -> (pattern, whether a match in the lede counts too). A headline match is always enough; the lede counts
# only for types a release rarely mentions in passing.
RULES: dict[str, tuple[str, bool]] = {
    "earnings": (
        r"\b(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter|Q[1-4]|quarter(?:ly)?|fiscal|full[- ]year|"
        r"annual|half[- ]year|interim|year[- ]end)\b.{0,60}\b(?:results|earnings|revenue|sales)\b|\bearnings\b"
        r"|\breports?\b.{0,40}\b(?:results|revenue)\b|\bfinancial results\b",
        False,
    ),
    "dividend": (r"\bdividends?\b|\bdistributions?\b.{0,30}\bper (?:share|unit)\b", True),
    "merger-acquisition": (
        r"\b(?:acquir(?:e|es|ed|ing)|acquisition|merger|merges?|to buy|buys|takeover|tender offer|combine with|"
        r"business combination|definitive agreement to (?:acquire|be acquired|merge))\b",
        False,
    ),
    "offering": (
        r"\b(?:public offering|private placement|offering of|notes? offering|prices? (?:its |an? |upsized )?"
        r"(?:offering|IPO)|pricing of|initial public offering|IPO|equity offering|financing|raises? \$|capital raise|"
        r"convertible (?:notes|debentures)|bought deal|tranche)\b",
        False,
    ),
    "executive-change": (
        r"\b(?:appoints?|appointed|appointment|names?d?\b.{0,50}\b(?:CEO|CFO|COO|CTO|CMO|President|Chief|Director|"
        r"Officer|Chair\w*|Vice President|Head)|elect(?:s|ed)\b.{0,40}\bboard|joins?\b.{0,40}\b(?:board|as (?:CEO|CFO|"
        r"COO|CTO|Chief))|steps? down|resign\w*|retire(?:s|ment)|successor|leadership transition|promot(?:es|ed))\b",
        False,
    ),
    "conference-call": (
        r"\b(?:conference call|webcast|to (?:host|present|participate) (?:at|in)|investor day|earnings call|"
        r"fireside chat|present at)\b",
        False,
    ),
    "clinical-regulatory": (
        r"\b(?:FDA|EMA|MHRA|NMPA|clinical (?:trial|study|data|results)|phase (?:1|2|3|I{1,3})[ab]?\b|approv(?:al|es|ed)|"
        r"clearance|510\(k\)|IND|NDA|BLA|topline|breakthrough therapy|orphan drug|pivotal)\b",
        False,
    ),
    "product": (
        r"\b(?:launch(?:es|ed)?|introduc(?:es|ed|ing)|unveil\w*|releases? (?:new|the|its)|now available|"
        r"new (?:product|platform|version|service|app|line|collection|feature)|debuts?)\b",
        False,
    ),
    "award": (
        r"\b(?:awards?|awarded|wins?|won|named (?:one of|a|to|among|the)|recogni[sz]ed|honou?red|top places to work|"
        r"best places|ranked|finalist)\b",
        False,
    ),
    "legal": (
        r"\b(?:lawsuit|class action|litigation|securities fraud|investigation|investigates|court|shareholder alert|"
        r"investor alert|law firm|patent infringement|deadline reminder|lead plaintiff)\b",
        False,
    ),
}
_COMPILED = {name: (re.compile(p, re.I), lede_too) for name, (p, lede_too) in RULES.items()}
# Words (lower case) of which every match of a type's rule contains one: a text with none of them is ruled out by
# a few substring scans instead of the rule's regex, which is tried at every position.
_RULE_WORDS = {
    "earnings": ("results", "earnings", "revenue", "sales"),
    "dividend": ("dividend", "distribution"),
    "merger-acquisition": (
        "acqui", "merge", "to buy", "buys", "takeover", "tender offer", "combine with", "business combination",
    ),
    "offering": (
        "offering", "placement", "ipo", "pricing of", "financing", "raise", "convertible", "bought deal", "tranche",
    ),
    "executive-change": (
        "appoint", "name", "elect", "join", "step", "resign", "retire", "successor", "leadership transition", "promot",
    ),
    "conference-call": (
        "conference call", "webcast", "to host", "present", "to participate", "investor day", "earnings call",
        "fireside chat",
    ),
    "clinical-regulatory": (
        "fda", "ema", "mhra", "nmpa", "clinical", "phase", "approv", "clearance", "510(k)", "ind", "nda", "bla",
        "topline", "breakthrough therapy", "orphan drug", "pivotal",
    ),
    "product": ("launch", "introduc", "unveil", "release", "now available", "new ", "debut"),
    "award": (
        "award", "win", "won", "named ", "recogni", "hono", "top places to work", "best places", "ranked", "finalist",
    ),
    "legal": (
        "lawsuit", "class action", "litigation", "securities fraud", "investigat", "court", "shareholder alert",
        "investor alert", "law firm", "patent infringement", "deadline reminder", "lead plaintiff",
    ),
}  # fmt: skip
# Under re.I these letters match ASCII ones ('ſ' matches 's'); str.lower() does not make them so.
_ODD_CASE_RE = re.compile("[\u0130\u0131\u017f\u212a]")

# Flags: what the text says about itself.
# editorial: a publisher's article, summary or interview about a company, not the company's own release.
_EDITORIAL_RE = re.compile(
    r"^[A-Z]\w*(?:NewsBreaks|Breaks)\s+[\u2013\u2014\-]|\bEditorial Coverage\b|\bQ&A with\b|^Interview(?:s)? with\b"
    r"|\b[A-Z][a-z]+ [A-Z][a-z]+ Interviews\b",
)
# Words of which every _EDITORIAL_RE match contains one (the pattern is case-sensitive): a headline without any is
# ruled out by four substring scans instead of the regex, which its word-boundary alternatives make try every position.
EDITORIAL_HEADLINE_WORDS = ("Breaks", "Editorial Coverage", "Q&A with", "Interview")
# Phrases (lower case) by which a text says it is an article about a company rather than the company's release.
EDITORIAL_PHRASES = (
    "read more>>", "read more >>", "read full article", "read the full article", "editorial coverage:",
    "this article was originally published", "this content was originally published", "originally appeared on",
    "originally appeared in",
)  # fmt: skip
# sponsored: paid content that says so ("This post contains sponsored content", "paid advertisement").
SPONSORED_PHRASES = (
    "sponsored content", "sponsored post", "sponsored article", "paid advertisement",
    "paid promotion", "paid for by", "advertorial", "commercial relationship with", "has been compensated",
    "was compensated", "received compensation", "disseminated on behalf of", "(newsusa)", "feature impact",
    "brandpoint",
)  # fmt: skip


def classify(headline: str, lede: str = "") -> list[str]:
    """Release types whose rule matches the headline (or the lede, for a few types)."""
    lede = lede[:400]
    headline_words, lede_words = _words_to_find(headline), _words_to_find(lede)
    types = []
    for name, (pattern, lede_too) in _COMPILED.items():
        words = _RULE_WORDS[name]
        if _may_match(headline_words, words) and pattern.search(headline):
            types.append(name)
        elif lede_too and _may_match(lede_words, words) and pattern.search(lede):
            types.append(name)
    return types


def _words_to_find(text: str) -> str | None:
    """Text in lower case to look for a rule's words in, or None when only the regex can tell."""
    if not text.isascii() and _ODD_CASE_RE.search(text):
        return None
    return text.lower()


def _may_match(lowered: str | None, words: tuple[str, ...]) -> bool:
    # map() with the bound method tests the words without a generator frame per word.
    return lowered is None or any(map(lowered.__contains__, words))


def _by_shared_word(phrases: tuple[str, ...], shared: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """Phrases grouped under a word each of them contains (a phrase that contains none is its own group)."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        word = next((w for w in shared if w in phrase), phrase)
        groups.setdefault(word, []).append(phrase)
    return [(word, tuple(group)) for word, group in groups.items()]


# A whole release is long: one scan for a shared word rules out several phrases at once.
_EDITORIAL_GROUPS = _by_shared_word(EDITORIAL_PHRASES, ("read ", "originally "))
_SPONSORED_GROUPS = _by_shared_word(SPONSORED_PHRASES, ("sponsored ", "paid ", "compensat"))


def _says_any(text: str, groups: list[tuple[str, tuple[str, ...]]]) -> bool:
    return any(word in text and any(p in text for p in phrases) for word, phrases in groups)


def _editorial_headline(headline: str) -> bool:
    return any(map(headline.__contains__, EDITORIAL_HEADLINE_WORDS)) and bool(_EDITORIAL_RE.search(headline))


def flags_for(release: Release, hint: str = "") -> list[str]:
    """'editorial' and/or 'sponsored' when the release says what it is; a reader's hint counts too."""
    flags = []
    text = release.text.lower()
    if hint == "article" or _editorial_headline(release.headline) or _says_any(text, _EDITORIAL_GROUPS):
        flags.append("editorial")
    if hint == "advertorial" or _says_any(text, _SPONSORED_GROUPS):
        flags.append("sponsored")
    return flags
