"""The language of a release, by counting the commonest words of each language."""

from __future__ import annotations

import re
from collections import Counter

_WORD_RE = re.compile(r"[a-zà-ÿ]+")

_COMMON_WORDS = {
    "en": {
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "for",
        "with",
        "that",
        "today",
        "on",
        "its",
        "will",
        "are",
        "by",
        "has",
        "from",
        "was",
        "this",
        "an",
        "be",
        "at",
        "as",
        "it",
        "have",
        "which",
        "new",
        "announced",
    },
    "es": {"el", "la", "de", "que", "y", "en", "los", "las", "por", "para", "con", "del", "una", "es", "se"},
    "fr": {"le", "la", "les", "de", "des", "et", "en", "du", "pour", "une", "est", "dans", "sur", "au", "aux"},
    "de": {"der", "die", "und", "das", "mit", "von", "den", "ist", "für", "auf", "ein", "eine", "im", "zu", "sich"},
    "pt": {"o", "a", "de", "que", "e", "do", "da", "em", "para", "com", "os", "as", "uma", "não", "dos"},
    "it": {"il", "di", "che", "e", "la", "per", "con", "del", "della", "sono", "un", "una", "nel", "alla", "gli"},
    "nl": {"de", "het", "een", "van", "en", "voor", "met", "op", "zijn", "niet", "dat", "aan", "ook", "naar"},
}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language by common-word counts; None when the text is too short to tell."""
    words = Counter(_WORD_RE.findall(text[:4000].lower()))
    total = sum(words.values())
    if total < 5:
        return None
    scores = {lang: sum(words[w] for w in vocab) for lang, vocab in _COMMON_WORDS.items()}
    ranked = sorted(scores, key=scores.get, reverse=True)
    best, second = ranked[0], ranked[1]
    return best if scores[best] >= 2 and scores[best] > scores[second] and scores[best] >= 0.05 * total else None
