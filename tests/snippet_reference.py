"""The plain reading that snippet marking is checked against: every word of a text found by WORD_PATTERN and
analysed by the analyzer itself."""

from __future__ import annotations

import re

from indexer.schema import TEXT_ANALYZER, WORD_PATTERN

WORD_RE = re.compile(WORD_PATTERN)


def marked_words_plainly(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, term) of every word of the text whose analysed form is one of terms."""
    out = []
    for m in WORD_RE.finditer(text):
        found = next((t.text for t in TEXT_ANALYZER(m.group()) if t.text in terms), None)
        if found:
            out.append((m.start(), m.end(), found))
    return out
