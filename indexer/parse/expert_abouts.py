"""An About section presenting the expert a story quotes ("About the Expert: Jane Roe is CEO of Acme Realty ..."):
the story is the expert's employer's, which the section names after the expert's title."""

from __future__ import annotations

import re

from .sections import About

_EXPERT_HEADING_RE = re.compile(r"(?i:the\s+)?Experts?")
# "Jane Roe is CEO of Acme Realty and ...", "Jo Ann Lee is the owner and Team Leader at Acme Homes in Tucson, ...":
# the person, up to eight words of title, then "at", "of" or "with" and the organisation's capitalised words.
_EMPLOYER_RE = re.compile(
    r"(?P<person>[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019.\-]+){1,2})\s+is\s+(?:(?:the|a|an)\s+)?"
    r"(?:[\w&|/\-]+\s+){0,8}?(?:at|of|with)\s+"
    r"(?P<org>[A-Z][\w&.'\u2019\-]*(?:\s+(?:[A-Z][\w&.'\u2019\-]*|of|&)){0,4}?)"
    r"(?=[.,;]\s|[.]?$|\s+(?:and|in|where|since|who|operating|based)\b)"
)


def expert_employers(abouts: list[About], text: str) -> list[About]:
    """The employer of the expert an "About the Expert" section presents, as that organisation's About section, when
    the story names the organisation too (the section's text and one more mention)."""
    for about in abouts:
        if not _EXPERT_HEADING_RE.fullmatch(about.name.strip()):
            continue
        m = _EMPLOYER_RE.match(about.text.strip())
        if m and text.count(m.group("org")) >= 2:
            return [About(m.group("org"), about.text)]
    return []
