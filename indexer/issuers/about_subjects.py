"""The organisation an unlisted About section is about, by the fuller name its first sentence gives it.

"About TRON / TRON DAO is a community-governed DAO ..." names its subject "TRON DAO": the SEC list's "Tron Inc."
(NASDAQ:TRON), which only shares the word "Tron", is another organisation, though "TRON" alone matches it by name.
The fuller name decides only when the About names no listing (doubtful_matches.unlisted_about): a listed company's
About usually names its listing, and its subject's longer form ("Apple Inc. is ...", "Skye Bioscience, Inc. is ...")
agrees with the SEC's name anyway. A wrong ticker is worse than none.
"""

from __future__ import annotations

import re

from ..parse.names import core_words
from .registry import Issuer

_ABOUT_LENGTH = 400
# The first sentence's subject: capitalised words (a legal form's comma allowed) before its verb or apposition.
_SUBJECT_RE = re.compile(
    r"\s*(?:The\s+)?(?P<subject>[A-Z0-9][\w.&'\u2019\-]*(?:,?\s+[A-Z0-9][\w.&'\u2019\-]*){0,5}?)"
    r"(?:,?\s+(?:is|was|are|has|provides|operates|builds|develops|offers|\()|,\s*(?:an?|the)\s)"
)


def about_subject(name: str | None, text: str) -> str | None:
    """The subject of the first sentence of the About section headed by the name's first word, when it begins
    with that word ("About TRON / TRON DAO is ..." -> "TRON DAO"); None without such a section."""
    words = core_words(name)
    if not words or not text or not name:
        return None
    first = re.escape(name.split()[0].rstrip(","))
    found = re.search(rf"\bAbout\s+(?:the\s+)?{first}(?![a-z])[^\n]*\n", text)
    if found is None:
        return None
    subject = _SUBJECT_RE.match(text[found.end() : found.end() + _ABOUT_LENGTH])
    if subject is None or core_words(subject.group("subject"))[:1] != words[:1]:
        return None
    return subject.group("subject")


def another_organisation(subject: str | None, name: str | None, issuer: Issuer) -> bool:
    """Whether the About's subject has words neither the printed name nor the issuer's names have ("TRON DAO"
    against "Tron Inc."; not "Soligenix, Inc." nor "FivePoint" against "Five Point Holdings, LLC")."""
    if not subject or issuer.source == "user":
        return False
    known = set(core_words(name))
    for other in issuer.names:
        known |= set(core_words(other))
        known.add("".join(core_words(other)))
    extra = [w for w in core_words(subject) if w not in known]
    return bool(extra) and "".join(core_words(subject)) not in known
