"""A joint headline ("A And B ..."): the first of its two subjects issues the release when the lede opens with it alone.

"ABC Institute And Uplift Training Partner to Develop ..." over "ABC Institute (ABCI), the largest apprenticeship
provider ..., has signed ... with Uplift Training" is ABC Institute's, not the partner's whose About heading prints
its listing ("About Uplift Training (OTC: NRPI)"): a wrong ticker is worse than none. A SOURCE line naming the
partner makes it the partner's copy, and a lede opening with both subjects is read by joint_releases.py. Applied by
find_issuer (issuer.py) last, to what its readers found (a release whose metadata names no company).
"""

from __future__ import annotations

import re

from .headline_names import joint_headline, strip_headline_brand
from .joint_releases import joined_to
from .names import core_words, leading_name, same_org
from .own_listings import pick_tickers
from .sections import About

# The conjunction joining two subjects, in any case ("And" in a title-case headline).
_JOINED_RE = re.compile(r"\s+(?:and|And|AND|&)\s+")


def first_joint_subject(company: str | None, headline: str, lede: str, source_name: str | None) -> str | None:
    """The lede's opening subject when the headline names it first of two joint subjects and the pick is the second;
    None otherwise."""
    if not company:
        return None
    head = strip_headline_brand(headline)
    joined = _JOINED_RE.search(head)
    if not joined or not joint_headline(head[: joined.start()] + " and " + head[joined.end() :]):
        return None
    first, second = head[: joined.start()], head[joined.end() :]
    opener = leading_name(lede)
    if not opener or not same_org(opener, first) or same_org(company, first) or same_org(opener, company):
        return None
    words = core_words(company)
    if not words or words[0] not in core_words(second)[:2]:
        return None  # the pick is not the headline's second subject
    if source_name and same_org(source_name, company):
        return None  # "SOURCE Uplift Training": the partner's own copy
    if joined_to(lede, lede.find(opener) + len(opener), company):
        return None  # "Biogen Inc. (Nasdaq: BIIB) and Alkermes plc ...": a joint lede, read by joint_releases.py
    return opener


def first_joint_issuer(
    company: str | None,
    tickers: list[str],
    headline: str,
    lede: str,
    text: str,
    abouts: list[About],
    source: str | None,
) -> tuple[str | None, list[str]]:
    """The issuer and listings a release's reader found, or the first joint subject's with its own listings."""
    first = first_joint_subject(company, headline, lede, source)
    if first is None:
        return company, tickers
    return first, sorted(dict.fromkeys(pick_tickers(strip_headline_brand(headline), lede, text, abouts, first)))
