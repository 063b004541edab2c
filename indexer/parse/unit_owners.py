"""A unit's release its owner issues: the lede opens with a subsidiary, the owner speaks for it everywhere else.

"Volterra Semiconductor LLC ("Volterra"), a wholly owned subsidiary of Maxim Integrated Products, Inc. ("Maxim")
(NASDAQ: MXIM), today announced ..." under the headline "Maxim Integrated Files Patent Infringement Lawsuit ...", with
"SOURCE Maxim Integrated Products, Inc." and no About section of the unit's: the owner is the issuer of record, the
unit only the party acting. A unit with an About section of its own ("About the American Stroke Association") keeps
its release, and so does one whose headline or SOURCE line names it.
"""

from __future__ import annotations

import re

from .names import fold, leading_name, same_org
from .sections import About

# ', a wholly owned subsidiary of Acme Corp.': the apposition tying the lede's subject to its owner.
_OWNED_BY_RE = re.compile(
    r"\s*(?:\([^()]{1,60}\)\s*)?,\s+(?:a|an|the)\s+(?:wholly[\s-]owned\s+|indirect\s+|operating\s+)?"
    r"(?:subsidiary|division|unit|business\s+unit)\s+of\s+(?:the\s+)?(?=[A-Z])"
)


def owner_of_record(
    company: str | None, lede: str, headline: str, source: str | None, abouts: list[About]
) -> str | None:
    """The owner the lede's subject belongs to, when the headline opens with the owner and the SOURCE line names it,
    and no About section presents the unit; None otherwise."""
    if not company or not source or "of " not in lede[:400]:
        return None
    at = lede.find(company)
    if at < 0 or at > 120:
        return None
    tie = _OWNED_BY_RE.match(lede, at + len(company))
    owner = leading_name(lede[tie.end() : tie.end() + 200]) if tie else None
    if not owner or same_org(owner, company) or not same_org(owner, source):
        return None
    head = leading_name(headline, headline=True)
    if not head or not same_org(head, owner) or not fold(owner).startswith(fold(head).rstrip(".")):
        return None  # the headline does not open with the owner
    if any(same_org(a.name, company) for a in abouts):
        return None  # the unit presents itself
    return owner
