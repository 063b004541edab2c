"""For a release no reader named: the organisation a lede opens with before its officer's title and name, as an
interview's lede does ("Rakovina Therapeutics President and Chief Science Officer Mads Daugaard ... joined Steve
Darling from Proactive ..."), when the text keeps naming the organisation (its first word at least three times)."""

from __future__ import annotations

import re

from .places import is_place
from .wires import canonical_wire

_WORD = r"[A-Z][\w&'\u2019.\-]{0,40}"
# An officer's title: words such as President, CEO, Chief ... Officer, Founder, Managing Director, joined by "and".
_TITLE_WORD = (
    r"(?:President|CEO|CFO|COO|CTO|Chair(?:man|woman)?|Chief|Officer|Founder|Co-Founder|Co-founder|Managing|Director"
    r"|Executive|Senior|Vice|VP|Partner|Principal|Science|Scientific|Medical|Financial|Operating|Technology|General"
    r"|Counsel|Head)"
)
_OPENER_RE = re.compile(
    rf"^(?P<org>{_WORD}(?:[ ]{_WORD}){{0,4}}?)[ ](?:{_TITLE_WORD}[ ](?:(?:and|&|of)[ ])?){{1,6}}"
    rf"(?:Dr\.[ ])?{_WORD}[ ]{_WORD}"
)


def officer_opener(lede: str, text: str) -> str | None:
    """The organisation before the officer's title that opens the lede (see the module's note)."""
    m = _OPENER_RE.match(lede.lstrip()[:400])
    if not m:
        return None
    org = m.group("org")
    if re.search(rf"\b{_TITLE_WORD}$", org) or is_place(org) or canonical_wire(org):
        return None
    first = org.split(" ")[0]
    return org if len(first) >= 3 and len(re.findall(rf"\b{re.escape(first)}\b", text)) >= 3 else None
