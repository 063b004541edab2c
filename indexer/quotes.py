"""Typographic quotes, as typed or pasted from documents, read as the query language's straight quotes."""

from __future__ import annotations

import re

# Double quotes as typed or pasted from documents: curly, low-9, guillemets, full-width.
_DOUBLE_QUOTES = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02", '"'))
# Single typographic quotes around words ('‘net income’', '‹net income›'); an apostrophe inside or at
# the end of a word ("Walgreens’", "Macy’s") is no quote, so only a pair at word edges is one.
_SINGLE_QUOTED = re.compile(
    r"(?<!\w)[\u2018\u201a\u201b\u2039]([^\u2018\u2019\u201a\u201b\u2039\u203a\"]+?)[\u2019\u203a](?!\w)"
)


def normalise_quotes(text: str) -> str:
    """Typographic quotes (“ ” „ « » ‘ ’ ‚ ‹ ›) as the straight double quote the query language reads."""
    if text.isascii():
        return text
    text = text.translate(_DOUBLE_QUOTES)
    return _SINGLE_QUOTED.sub(r'"\1"', text)
