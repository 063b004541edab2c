"""A unit's release lists its parent's shares: "Blizzard Entertainment, Inc., a division of Activision Blizzard
(NASDAQ: ATVI), is ...".

A division, subsidiary or brand has no listing of its own; the one printed after its parent's name, in the apposition
that ties the issuer to that parent, is the listing an analyst follows the release by. Partners, customers and
affiliates are not parents: their listings stay theirs.
"""

from __future__ import annotations

import re

from .names import same_org
from .tickers import listing_groups

# ", a division of Acme Corp." / ", a wholly owned subsidiary of the Acme Group" / ", an Acme brand of": the apposition
# that names the issuer's parent, ending where the parent's listing opens.
_PARENT_OF_RE = re.compile(
    r",\s+(?:a|an)\s+(?:wholly[\s-]owned\s+|operating\s+|independent\s+)?(?:division|subsidiary|unit|business\s+unit"
    r"|brand|part|member)\s+of\s+(?:the\s+)?(?P<parent>[A-Z][\w.&'\u2019\-]*(?:\s+[A-Z&][\w.&'\u2019\-]*){0,5})"
    r"[\u2122\u00ae]?\s*$"
)
# How far before the apposition the issuer's name may stand (its name, a bracketed web address, a comma).
_NAME_REACH = 160


def parent_listings(text: str, company: str | None) -> list[str]:
    """The listings printed after the issuer's parent in the apposition that follows the issuer's name."""
    if not company:
        return []
    for group in listing_groups(text):
        before = text[max(0, group.start - 120) : group.start].split("\n")[-1]
        m = _PARENT_OF_RE.search(before)
        if not m or same_org(m.group("parent"), company):
            continue
        head = text[max(0, group.start - 120 - _NAME_REACH) : group.start - len(before) + m.start()]
        head = head.split("\n")[-1]
        # The issuer's name stands right before the apposition: "Blizzard Entertainment, Inc. (www.blizzard.com)".
        tail = re.sub(r"\s*\([^()]{0,80}\)\s*$", "", head).rstrip(" ,.")
        if tail.endswith(company.rstrip(" .")) or _ends_with_name(tail, company):
            return list(group.tickers)
    return []


def _ends_with_name(text: str, company: str) -> bool:
    """Whether a text ends with the company's name, a legal form or none ("... hits, Widget Studios, Inc")."""
    m = re.search(r"(?:[A-Z][\w.&'\u2019\-]*(?:,?\s+(?=[A-Z&]))?)+$", text)
    words = m.group(0).split() if m else []
    return any(same_org(" ".join(words[i:]), company) for i in range(len(words)))
