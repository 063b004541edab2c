"""An owner's listing is read only from the sentence that calls the issuer part of it.

resolve.parent_listings reads "Acme, a unit of Parent (NYSE: PRNT)"; its loose "a <Parent>" form must not run over a
sentence's end: "... has extensive experience as a CRO. He previously served at Pinterest (NYSE: PINS) ..." makes a
former employer, not an owner (issue 17's audit-T2). A wrong ticker is worse than none.
"""

from __future__ import annotations

import re

# A sentence's end inside the owner's words: a stop, then a capitalised word and a lower-case one ("CRO. He
# previously served at"); not a legal form's abbreviation inside a name ("Amazon.com, Inc. subsidiary").
_NEW_SENTENCE_RE = re.compile(r"[.!?]\s+[A-Z][a-z]*\s+[a-z]")


def crosses_sentence(owner: str) -> bool:
    """Whether the words read as the owner's name run over a sentence's end."""
    return _NEW_SENTENCE_RE.search(owner) is not None
