"""The fuller name a release first gives its issuer in full, legal form and all ("UGI Utilities, Inc." for "UGI").

A release of "UGI" whose text first names it "UGI Utilities, Inc." is a release of that company, not of the SEC
list's "UGI Corp." (NYSE:UGI), its owner: the name matches the SEC's only because the headline shortened it (issue
17's audit-T2). So a by-name match needs the first legal-form name the text prints beginning with the release's
name to add no word the SEC entry's names lack ("Acme Robotics, Inc." agrees with "Acme Robotics Corp"). An owner's
listing printed beside a sentence calling the issuer part of it is still read (resolve.parent_listings); a listing
the release prints decides before any name. A wrong ticker is worse than none.
"""

from __future__ import annotations

import re

from ..parse.names import STRICT_LEGAL_RE, VERBS

# Up to three capitalised words between the name and its legal form, on one line ("UGI Utilities, Inc.", "Acme Gas &
# Power LLC").
_WORDS = r"(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'\u2019\-]*){0,3}?"
# A legal form on the same line ("UGI Utilities, Inc.").
_LEGAL = STRICT_LEGAL_RE.pattern.replace(r"(?:,?\s+)", r"(?:,?[ \t]+)", 1)
# Words of a company's reach its short name drops ("VivoPower International PLC" is the SEC's "VivoPower PLC").
_REACH_WORDS = {"international", "global", "worldwide", "america", "americas", "usa"}
# A person's title: "U.S. Gold CEO George Bee Corp" is a garbled sentence, not a name.
_TITLE_WORDS = {"ceo", "cfo", "coo", "cto", "chairman", "chair", "founder", "president", "director", "chief"}


def fuller_name(name: str | None, text: str) -> str | None:
    """The first name the text prints as the release's name, more words and a legal form, when it adds words
    ("UGI" in "... and UGI Utilities, Inc. wants ..." -> "UGI Utilities, Inc."); None when the first such name is
    the name with its legal form only ("UGI Corporation"), or the text prints none."""
    if not name or not text:
        return None
    pattern = rf"(?<![\w&\-]){re.escape(name)}(?P<words>{_WORDS})(?P<legal>{_LEGAL})"
    for found in re.finditer(pattern, text):
        words = [w.lower() for w in found.group("words").split()]
        if any(w in VERBS or w in _TITLE_WORDS for w in words):
            continue  # "Acme Launches Beta Corp" is a sentence, not a name
        return found.group(0).strip() if set(words) - _REACH_WORDS - {"&"} else None
    return None
