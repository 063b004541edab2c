"""A publisher brand's teaser: whether the company its headline names is only its topic, so that the brand, not the
company, issues it ("EPA Terminates ... Program" over "About TechMediaWire" alone)."""

from __future__ import annotations

import re

from .names import has_word, same_org
from .own_listings import listed_names

_PUBLIC_BODY_RE = re.compile(
    r"\b(?:Agency|Department|Administration|Commission|Ministry|Congress|Senate|Parliament|Court|Government|Bureau"
    r"|Federal Reserve|White House|Pentagon)\b"
)


def publishers_topic(topic: str | None, subject: str | None, text: str) -> bool:
    """Whether a brand's teaser names the company only as its topic: a public body, or a company its lede does not
    open with ("A recent report released by Baker Hughes shows ...") while the listed company it covers for a client
    is another ("Companies like GEMXX Corp. (OTC: GEMZ) ..."). A client it covers, listed or its subject, stays."""
    if not topic:
        return False
    if _PUBLIC_BODY_RE.search(topic):
        return True
    if subject:
        return False
    listed = listed_names(text)
    return bool(listed) and not any(same_org(name, topic) or has_word(name, topic) for name in listed)
