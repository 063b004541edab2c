"""A publisher brand's teaser: whether the company its headline names is only its topic, so that the brand, not the
company, issues it ("EPA Terminates ... Program" over "About TechMediaWire" alone)."""

from __future__ import annotations

import re

from .names import has_word, same_org
from .own_listings import listed_names

_PUBLIC_BODY_RE = re.compile(
    r"\b(?:Agency|Department|Administration|Commission|Ministry|Congress|Senate|Parliament|Court|Government|Bureau"
    r"|Federal Reserve|White House|Pentagon)\b"
)

# How a client presents itself: an apposition calling it something after its name, its invitation, or its event's
# dates ("Canada Crypto Week is back for its 5th year", "The Vermont Convention is set to take place on May 2-3").
_PRESENTS = (
    r"(?:\s*\([^()]{1,40}\)|[\u201d\"\u2019]?\))?(?:,\s+(?:a|an)\s|\s+invites\b|\s+returns\b"
    r"|\s+(?:is|are)\s+(?:back|returning|set\s+to\s+take\s+place|scheduled)\b|\s+will\s+(?:take\s+place|be\s+held)\b)"
)
# Highlights in bullets above the story: a client's article ("* Numa Numa has agreements with ...").
_HIGHLIGHTS_RE = re.compile(r"^[ \t]*[*\u2022][ \t]+\S", re.M)
# A wire that syndicates its clients' press releases: what it carries is the client's, whoever the lede names first.
_RELEASE_WIRE_RE = re.compile(r"press[\s\-]+release\s+(?:syndication|distribution)", re.I)
_OWN_ANNOUNCEMENT_RE = re.compile(
    r"(?:\bis|\bare|[\u2019']s|[\u2019']re)\s+(?:proud|pleased|excited|thrilled|delighted|honou?red)\s+to\b"
)


def publishers_topic(topic: str | None, subject: str | None, text: str) -> bool:
    """Whether a brand's teaser names the company only as its topic: a public body, or a company its lede does not
    open with ("A recent report released by Baker Hughes shows ...") while the listed company it covers for a client
    is another ("Companies like GEMXX Corp. (OTC: GEMZ) ..."), or the lede's subject printed with no listing. A client
    it covers, printed with its listing or presenting itself, stays."""
    if not topic:
        return False
    if _PUBLIC_BODY_RE.search(topic):
        return True
    listed = listed_names(text)
    if subject:
        # A client is printed with its listing ("Clene (NASDAQ: CLNN) ...") or presents itself ("Adageis, a healthcare
        # technology company, ...", "... is proud to announce"); a company the brand's editors write about is neither
        # ("Tesla has officially introduced ..." over "About TechMediaWire" alone): the brand's own story.
        opening = text[:1500]
        if re.search(rf"\b{re.escape(subject)}{_PRESENTS}", opening) or _OWN_ANNOUNCEMENT_RE.search(opening):
            return False
        if _RELEASE_WIRE_RE.search(text) or _HIGHLIGHTS_RE.search(opening):
            return False
        return not any(same_org(name, subject) or has_word(name, subject) for name in listed)
    return bool(listed) and not any(same_org(name, topic) or has_word(name, topic) for name in listed)
