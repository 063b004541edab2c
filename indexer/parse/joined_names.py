"""A name read only up to a lower-case word inside it is written out as the headline opens with it: "Loc" of "Ward
operates Loc it Up by Moni, which ..." under "Loc it Up by Moni Now Accepting Appointments ..." is "Loc it Up by Moni",
when the text prints the whole name at least twice and the short one no more often alone. Names with several
lower-case words ("it", "by") are read here; one joining word before capitals is name_extents.connected_name's."""

from __future__ import annotations

import re

# After the pick: lower-case joining words, each followed by capitalised words ("it Up by Moni").
_JOINED_TAIL_RE = re.compile(
    r"(?:[ ](?:it|in|on|of|the|by|and|for|at|to|with|a)(?:[ ][A-Z][\w'\u2019\-]{0,40}){1,3}){2,3}"
)


def headline_joined(company: str | None, headline: str, text: str) -> str | None:
    """The headline's whole name that the pick begins (see the module's note); else the pick."""
    headline = headline[:300]
    if not company or not headline.startswith(company + " "):
        return company
    body = text.replace(headline, "")
    m = _JOINED_TAIL_RE.match(headline, len(company))
    while m:
        whole = headline[: m.end()]
        spelled = body.count(whole)
        if spelled >= 2 and body.count(company) - spelled <= spelled:
            return whole
        # One joining word fewer: "Loc it Up by Moni Now ..." tries "Loc it Up by Moni Now", then "Loc it Up by Moni".
        shorter = whole.rsplit(" ", 1)[0]
        m = _JOINED_TAIL_RE.fullmatch(shorter, len(company)) if len(shorter) > len(company) else None
    return company
