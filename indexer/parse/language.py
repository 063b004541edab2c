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


# word -> the languages whose common words include it, so each distinct word of a text is looked up once.
_LANGUAGES_OF: dict[str, list[str]] = {}
for _lang, _vocab in _COMMON_WORDS.items():
    for _word in _vocab:
        _LANGUAGES_OF.setdefault(_word, []).append(_lang)

_LANGUAGES = tuple(_COMMON_WORDS)
# The same, keyed by bytes, for ASCII text split as bytes (below).
_ASCII_LANGUAGES_OF = {word.encode("ascii"): langs for word, langs in _LANGUAGES_OF.items() if word.isascii()}

# A table that keeps ASCII lower-case letters and makes every other byte a space: in UTF-8 text without a letter
# from U+00C0 to U+00FF (lead byte 0xC3), _WORD_RE's words are the runs of a-z, which bytes.split() then finds
# several times faster than the regex.
_ASCII_WORDS_TABLE = bytes(byte if ord("a") <= byte <= ord("z") else ord(" ") for byte in range(256))


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language by common-word counts; None when the text is too short to tell."""
    lowered = text[:4000].lower()
    encoded = lowered.encode("utf-8", "surrogatepass")
    ascii_bytes = b"\xc3" not in encoded
    found = encoded.translate(_ASCII_WORDS_TABLE).split() if ascii_bytes else _WORD_RE.findall(lowered)
    total = len(found)
    if total < 5:
        return None
    languages_of = _ASCII_LANGUAGES_OF if ascii_bytes else _LANGUAGES_OF
    # Only common words count (most of a text's words are in no list).
    scores = dict.fromkeys(_LANGUAGES, 0)
    for word, count in Counter(filter(languages_of.__contains__, found)).items():
        for lang in languages_of[word]:
            scores[lang] += count
    best = max(scores.values())
    # A tie for the top score tells no language (the ranking this replaces compared the first two places).
    if best >= 2 and list(scores.values()).count(best) == 1 and best >= 0.05 * total:
        return max(scores, key=scores.__getitem__)
    return None
