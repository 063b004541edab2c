"""Whether what a release's opening named is an organisation at all, and whether its headline and lede agree on it."""

from __future__ import annotations

import re

from .names import core_words, fold, has_word
from .places import is_place


def no_name(name: str | None, place: str | None = None) -> bool:
    """Whether a picked name names no one: nothing, a legal form alone ("Inc."), a country or state, or the
    dateline's own place ("Fort Worth" under "FORT WORTH, TX")."""
    if not name or not core_words(name) or is_place(name):
        return True
    places = {fold(part.strip()) for part in (place or "").split(",") if part.strip()}
    return fold(name.strip(" ,.")) in places


def headline_opens(headline: str, name: str) -> bool:
    """Whether the headline opens with the name as a whole (trademark signs aside): "RAW® Rolling Papers Surpasses
    ..." opens with "RAW Rolling Papers"."""
    bare = fold(headline.replace("\u00ae", "").replace("\u2122", "")).lstrip(" \"'\u201c")
    return bare.startswith(fold(name)) and has_word(bare[: len(name) + 1], fold(name))


# "GreenEnergyStocks ("GES") is a specialized communications platform ... one of 70+ brands within the Dynamic Brand
# Portfolio @ IBN": an About section presenting a publisher, whose story is about a company, not by it.
PUBLISHER_ABOUT_RE = re.compile(
    r"\b(?:communications\s+platform|(?:article|editorial|content)\s+syndication|financial\s+news\s+(?:platform|outlet)"
    r"|news\s+(?:outlet|publisher)|brands\s+within)\b",
    re.I,
)


# "Company Website https://igcpharma.com/": News Direct's contact block names the site of the company it distributes for.
_COMPANY_SITE_RE = re.compile(r"Company\s+Website\s*:?\s*(?:https?://)?(?:www\.)?([\w-]+)\.[a-z]{2,6}\b", re.I)


def company_site(contacts: str) -> set[str]:
    """The domain names the contact block gives as the company's own website ('igcpharma')."""
    return {m.group(1).lower().replace("-", "") for m in _COMPANY_SITE_RE.finditer(contacts)}


# Title Case verbs that end a subject a lede prints in a headline's style ("Stonegate Capital Partners Updates Coverage
# on ..."): third-person forms that no name ends with (not "Partners", "Reports", "Holdings", "Marks").
_NAME_ENDING_VERBS = set(
    """
announces updates launches unveils introduces completes expands secures signs appoints elects declares receives
wins joins acquires closes investigates reminds releases presents celebrates showcases highlights offers provides
becomes achieves reaches extends opens debuts begins starts adds delivers invests raises prices establishes says
earns ranks welcomes confirms agrees obtains approves promotes hires collaborates continues seeks publishes
explains explores reveals urges warns supports accelerates transforms creates builds helps makes invites grows
surpasses exceeds
""".split()
)


def cut_at_verb(name: str | None) -> str | None:
    """The name before a Title Case verb that a headline-style sentence ran into it ("Stonegate Capital Partners
    Updates Coverage" -> "Stonegate Capital Partners")."""
    if not name:
        return name
    words = name.split()
    for i, word in enumerate(words[1:-1], start=1):
        if word.lower() in _NAME_ENDING_VERBS and word[:1].isupper():
            return " ".join(words[:i])
    return name
