"""Release types, by explainable keyword rules on the headline and lede."""

from __future__ import annotations

import re

# type -> patterns; a headline match is enough, a lede match counts for types that are rarely mentioned in passing.
RULES: dict[str, tuple[str, bool]] = {
    "earnings": (
        r"\b(?:quarter(?:ly)?|fiscal|full[- ]year|annual)\b.{0,40}\b(?:results|earnings)\b|\bearnings\b|\breports?\b.{0,30}\b(?:revenue|results)\b",
        False,
    ),
    "dividend": (r"\bdividends?\b|\bdistribution\b.{0,20}\bper (?:share|unit)\b", True),
    "merger-acquisition": (
        r"\b(?:acquir\w*|acquisition|merger|merge|to buy|takeover|combine|business combination)\b",
        False,
    ),
    "offering": (
        r"\b(?:public offering|private placement|offering of|notes offering|priced?s? (?:its |an? )?(?:offering|IPO)|initial public offering|IPO)\b",
        False,
    ),
    "executive-change": (
        r"\b(?:appoints?|appointed|names?d?\b.{0,40}\b(?:CEO|CFO|COO|President|Chief|Director|Officer|Chair)|elect(?:s|ed)\b.{0,30}\bboard|steps down|resign\w*|retire\w*|successor)\b",
        False,
    ),
    "conference-call": (r"\b(?:conference call|webcast|to (?:host|present) at|investor day|earnings call)\b", False),
    "clinical-regulatory": (
        r"\b(?:FDA|EMA|clinical trial|phase (?:1|2|3|I{1,3})\b|approval|clearance|IND|NDA|BLA|topline|patients)\b",
        False,
    ),
    "product": (
        r"\b(?:launch(?:es|ed)?|introduc(?:es|ed|ing)|unveil\w*|releases? (?:new|the)|now available|new (?:product|platform|version|service))\b",
        False,
    ),
    "award": (
        r"\b(?:award\w*|named (?:one of|a|to|among)|recogni[sz]ed|honou?red|wins?|top places to work|best places)\b",
        False,
    ),
    "legal": (
        r"\b(?:lawsuit|class action|litigation|settle\w*|securities fraud|investigation|court|shareholder alert|investor alert)\b",
        False,
    ),
}
_COMPILED = {name: (re.compile(p, re.I), lede_too) for name, (p, lede_too) in RULES.items()}


def classify(headline: str, lede: str = "") -> list[str]:
    """Release types whose rule matches the headline (or the lede, for a few types)."""
    types = []
    for name, (pattern, lede_too) in _COMPILED.items():
        if pattern.search(headline) or (lede_too and pattern.search(lede[:400])):
            types.append(name)
    return types
