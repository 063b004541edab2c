"""What runs on after a name without being part of it: a descriptor after a colon ("Keith Law Group: Rogers Injury &
Accident Lawyer", "JDH Remodeling: Roofing and Exteriors"), cut when the text prints the name alone, and an editorial
feature syndicate's name after its client's in a credit ("Source: California Table Grape Commission Family
Features"): the client issues the feature, the syndicate only distributes it."""

from __future__ import annotations

import re

from .names import has_word

# "Name: descriptor", the name of at least one capitalised word.
_DESCRIBED_RE = re.compile(r"(?P<name>[A-Z0-9][^:]{1,80}?)[ ]?:[ ]+(?P<descriptor>[A-Z][^:]{2,80})")
# The whole form is a name where the text gives it a possessive or a verb ("The Advocate: Supporting the Patient Voice's
# goal is ...", "... Patient Voice is a non-profit ...").
_WHOLE_NAME_AFTER = r"(?:['\u2019]s\s|\s+(?:is|has|was|will|would|does)\s)"
# Syndicates that write and place sponsored lifestyle features for their clients.
_SYNDICATE_RE = re.compile(
    r"[ ]+(?:Family[ ]Features|StatePoint(?:[ ]Media)?|Brandpoint|NAPSI|North[ ]American[ ]Precis[ ]Syndicate"
    r"|Metro[ ]Creative[ ]Connection)$"
)


def printed_whole(name: str, text: str) -> bool:
    """Whether the text gives a name holding a colon a possessive or a verb: the whole form is the name."""
    return re.search(re.escape(name) + _WHOLE_NAME_AFTER, text) is not None


def descriptor_cut(company: str | None, text: str) -> str | None:
    """The name before a colon's descriptor, when the text prints that name outside the described form too."""
    if not company or ":" not in company:
        return company
    m = _DESCRIBED_RE.fullmatch(company)
    if not m or printed_whole(company, text):
        return company
    name = m.group("name").strip()
    alone = text.replace(company, "")
    return name if has_word(alone, name) else company


def syndicate_cut(company: str | None) -> str | None:
    """The client's name without the syndicate's run on after it; the pick when nothing runs on."""
    if not company:
        return company
    cut = _SYNDICATE_RE.sub("", company)
    return cut if cut and cut[0].isupper() else company


def name_tail_cut(company: str | None, text: str) -> str | None:
    """The name without a descriptor after a colon or a syndicate's credit after it (see the module's note)."""
    return syndicate_cut(descriptor_cut(company, text))
