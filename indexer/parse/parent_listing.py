"""A unit's release lists its parent's shares: "Blizzard Entertainment, Inc., a division of Activision Blizzard
(NASDAQ: ATVI), is ...", "Frito-Lay is the convenient foods division of PepsiCo, Inc. (NASDAQ: PEP)".

A division, subsidiary or brand has no listing of its own; the one printed after its parent's name, in the apposition
that ties the issuer to that parent, is the listing an analyst follows the release by. Partners, customers and
affiliates are not parents: their listings stay theirs.
"""

from __future__ import annotations

import re

from .names import same_org
from .tickers import listing_groups

# ", a division of Acme Corp." / ", a wholly owned subsidiary of the Acme Group" / ", a brand of Acme": the apposition
# that names the issuer's parent; its listing follows it.
_PARENT_OF_RE = re.compile(
    r",\s+(?:a|an)\s+(?:wholly[\s-]owned\s+|operating\s+|independent\s+)?(?:division|subsidiary|unit|business\s+unit"
    r"|brand|part|member)\s+of\s+(?:the\s+)?(?P<parent>[A-Z][\w.&'\u2019\-]*(?:\s+[A-Z&][\w.&'\u2019\-]*){0,5})"
    r"[\u2122\u00ae]?\s*(?=\()"
)
# "Frito-Lay North America is the $16 billion convenient foods division of PepsiCo, Inc. (NASDAQ: PEP)": the same tie
# told as the issuer's predicate (an About section's opening), a few words describing the unit before its kind.
_PARENT_IS_RE = re.compile(
    r"\s+is\s+(?:a|an|the)\s+(?:[\w$.\-]+\s+){0,6}?(?:wholly[\s-]owned\s+|operating\s+)?(?:division|subsidiary|unit"
    r"|business\s+unit|brand)\s+of\s+(?:the\s+)?(?P<parent>[A-Z][\w.&'\u2019\-]*(?:,?\s+[A-Z&][\w.&'\u2019\-]*){0,5})"
    r"[\u2122\u00ae]?\s*(?=\()"
)
_KIND_OF_RE = re.compile(r"(?:division|subsidiary|unit|brand|part|member)\s+of\s")
# How far before the apposition the issuer's name may stand (its name, a bracketed web address, a comma).
_NAME_REACH = 160


def parent_listings(text: str, company: str | None) -> list[str]:
    """The listings printed after the issuer's parent in the apposition that follows the issuer's name."""
    if not company or not _KIND_OF_RE.search(text):
        return []  # no "division of", "subsidiary of" ...: no tie to a parent (one quick scan before the two patterns)
    for m in (*_PARENT_OF_RE.finditer(text), *_PARENT_IS_RE.finditer(text)):
        if same_org(m.group("parent"), company):
            continue
        groups = listing_groups(text[m.end() : m.end() + 120])
        if not groups or groups[0].start > 0:
            continue  # the bracket after the parent holds no listing
        # The issuer's name stands right before the apposition: "Blizzard Entertainment, Inc. (www.blizzard.com)".
        head = text[max(0, m.start() - _NAME_REACH) : m.start()].split("\n")[-1]
        tail = re.sub(r"\s*\([^()]{0,80}\)\s*$", "", head).rstrip(" ,.")
        if tail.endswith(company.rstrip(" .")) or _ends_with_name(tail, company):
            return list(groups[0].tickers)
    return []


def _ends_with_name(text: str, company: str) -> bool:
    """Whether a text ends with the company's name, a legal form or none ("... hits, Widget Studios, Inc")."""
    words = text.split()
    start = len(words)
    while start and words[start - 1][:1].isupper():
        start -= 1  # the capitalised words that end the text
    return any(same_org(" ".join(words[i:]), company) for i in range(start, len(words)))
