"""An event named as the issuer yields to the organisation that holds it: "Scientific Sessions 2025" is the American
Heart Association's when the text says "the American Heart Association's Scientific Sessions 2025"."""

from __future__ import annotations

import re

from .places import is_place
from .wires import canonical_wire

# An event: a name ending in a year, or in a word for a gathering (a year may follow).
_EVENT_RE = re.compile(
    r"(?:\b(?:Sessions|Summit|Conference|Congress|Convention|Expo|Festival|Forum|Symposium|Week|Awards|Gala)"
    r"(?:[ ]20\d\d)?|[ ]20\d\d)$"
)
# The holder printed before the event: "the American Heart Association's Scientific Sessions 2025".
_HOLDER = r"(?P<holder>[A-Z][\w&.\-]{0,40}(?:[ ](?:of[ ]|for[ ]|and[ ]|&[ ])?[A-Z][\w&.\-]{0,40}){0,6})"


def event_holder(company: str | None, text: str) -> str | None:
    """The organisation holding the event named as the issuer (see the module's note), printed three times; None
    when the pick is no event or the text names no holder."""
    if not company or not _EVENT_RE.search(company):
        return None
    bare = company.removeprefix("The ")
    for m in re.finditer(rf"{_HOLDER}(?:['\u2019]s)?[ ](?:annual[ ]|\d{{4}}[ ])?{re.escape(bare)}", text):
        holder = re.sub(r"^The[ ]", "", m.group("holder"))
        if " " not in holder and not (holder.isupper() and len(holder) >= 3):
            continue  # one word: only an acronym ("BDA's Bermuda Risk Summit"), never a bare capitalised word
        if holder == bare or bare.startswith(holder) or is_place(holder) or canonical_wire(holder):
            continue
        if text.count(holder) >= 3:
            return holder
    return None
