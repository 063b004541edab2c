"""A trading name printed with a descriptor after a colon ("Keith Law Group: Rogers Injury & Accident Lawyer", "JDH
Remodeling: Roofing and Exteriors"): the business is the name before the colon, when the text prints it alone."""

from __future__ import annotations

import re

from .names import has_word

# "Name: descriptor", the name of at least one capitalised word.
_DESCRIBED_RE = re.compile(r"(?P<name>[A-Z0-9][^:]{1,80}?)[ ]?:[ ]+(?P<descriptor>[A-Z][^:]{2,80})")


def descriptor_cut(company: str | None, text: str) -> str | None:
    """The name before a colon's descriptor, when the text prints that name outside the described form too."""
    if not company or ":" not in company:
        return company
    m = _DESCRIBED_RE.fullmatch(company)
    if not m:
        return company
    name = m.group("name").strip()
    alone = text.replace(company, "")
    return name if has_word(alone, name) else company
