"""Analysis as the index writer runs it: an analyzer seen as a function of each word alone, cached per word.

Used by the Whoosh writer (each distinct word of a segment analysed once) and by snippets (the terms a word of
running text stands for); word_pipeline returns None for an analyzer it cannot follow word by word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from whoosh.analysis import (
    CharsetFilter,
    CompositeAnalyzer,
    LowercaseFilter,
    RegexTokenizer,
    StopFilter,
    StripFilter,
)
from whoosh.analysis.morph import StemFilter
from whoosh.analysis.tokenizers import default_pattern

from .backends.whoosh.adapter import stem_function
from .schema import WORD_PATTERN

# Tokenizer patterns (Whoosh's default and ours) whose words hold only word characters, "." and "&", and
# whose lookaheads only look past a "." that a word character follows: no word spans or sees whitespace.
_SPACE_FREE_PATTERNS = frozenset({default_pattern.pattern, WORD_PATTERN})


# ---- Analysis ---------------------------------------------------------------------------------


@dataclass
class WordPipeline:
    """An analyzer seen as a function of each word alone, which can then be cached per word.

    positions says how words dropped (stop words) affect the positions of the others: "original"
    (unchanged), "renumber" (StopFilter(renumber=True): consecutive from the first word kept) or
    "parts-share" (a position filter: consecutive from 0 over words kept, and the parts of a compound
    word share the position of the last word kept).
    """

    expression: re.Pattern
    term_of: Callable[[str], str | None]  # a word -> its term, or None when dropped
    parts_of: Callable[[str], list[str]] | None  # a word -> terms of its parts (compound words)
    positions: str
    # Words never hold nor look across whitespace: a text's words are those of its chunks between spaces.
    splits_at_spaces: bool = False

    def words(self, text: str) -> list[str]:
        """The words the tokenizer finds in a text."""
        expression = self.expression
        if not expression.groups:
            return expression.findall(text)
        return [m.group(0) for m in expression.finditer(text)]

    def analyse(self, word: str):
        """A word's cached form: its term (bytes), None when dropped, or (term or None, part terms)."""
        term = self.term_of(word)
        main = term.encode("utf-8") if term is not None else None
        if self.parts_of is not None:
            parts = self.parts_of(word)
            if parts:
                return (main, tuple(part.encode("utf-8") for part in parts))
        return main


def word_pipeline(analyzer) -> WordPipeline | None:
    """The analyzer as a WordPipeline when it is a regex tokenizer followed by per-word filters; else None.

    Known Whoosh filters are recognised. A custom filter takes part by declaring what it does:
    per_word(word) -> word or None (a mapping, None drops the word); word_parts(word) -> list of parts
    indexed beside the word (after the filters that follow); parts_share_position = True (a filter that
    numbers words kept from 0, parts sharing the last word's position).
    """
    if not isinstance(analyzer, CompositeAnalyzer) or not analyzer.items:
        return None
    tokenizer, *filters = analyzer.items
    if type(tokenizer) is not RegexTokenizer or tokenizer.gaps:
        return None
    steps: list[Callable[[str], str | None]] = []
    part_steps: dict[int, Callable[[str], str | None]] = {}  # step number -> what it does to a part instead
    split_at, splitter = None, None
    positions = "renumber"
    numbered = False
    for item in filters:
        kind = type(item)
        if kind is LowercaseFilter:
            steps.append(str.lower)
        elif kind is StripFilter:
            steps.append(str.strip)
        elif kind is CharsetFilter:
            table = item.charmap
            if steps and steps[-1] is str.lower and _lowercase_ascii_kept(table):
                # Lower-case ASCII words come out unchanged: only words with other characters are mapped.
                steps.append(lambda text, table=table: text if text.isascii() else text.translate(table))
            else:
                steps.append(lambda text, table=table: text.translate(table))
        elif kind is StopFilter:
            if numbered:
                return None  # words dropped after numbering leave gaps this pipeline does not model
            positions = "renumber" if item.renumber else "original"

            def stop(text, stops=item.stops, lo=item.min, hi=item.max):
                if len(text) < lo or (hi is not None and len(text) > hi) or text in stops:
                    return None
                return text

            steps.append(stop)
        elif kind is StemFilter:
            stem_word = stem_function(item)
            steps.append(lambda text, stem=stem_word, ignore=item.ignore: text if text in ignore else stem(text))
        elif callable(getattr(item, "per_word", None)):
            if callable(getattr(item, "per_part", None)):
                part_steps[len(steps)] = item.per_part
            steps.append(item.per_word)
        elif callable(getattr(item, "word_parts", None)) and splitter is None and not numbered:
            split_at, splitter = len(steps), item.word_parts
        elif getattr(item, "parts_share_position", False) and not numbered:
            numbered, positions = True, "parts-share"
        else:
            return None
    if splitter is not None and not numbered:
        return None  # parts without a position rule: not modelled

    def run(chain, word: str) -> str | None:
        for step in chain:
            word = step(word)
            if word is None:
                return None
        return word

    before = steps[:split_at]
    after = [part_steps.get(i, step) for i, step in enumerate(steps)][split_at:] if split_at is not None else []

    def parts_of(word: str) -> list[str]:
        head = run(before, word) if before else word
        if head is None:
            return []
        parts = splitter(head)
        if not parts:  # most words
            return []
        return [term for part in parts if (term := run(after, part)) is not None]

    return WordPipeline(
        tokenizer.expression,
        lambda word: run(steps, word),
        parts_of if splitter is not None else None,
        positions,
        tokenizer.expression.pattern in _SPACE_FREE_PATTERNS and tokenizer.expression.flags == re.UNICODE,
    )


def _lowercase_ascii_kept(table) -> bool:
    """Whether str.translate(table) leaves every ASCII text without upper-case letters unchanged."""
    for code in range(128):
        char = chr(code)
        if char.isupper():
            continue
        try:
            mapped = table[code]
        except LookupError:
            continue
        if mapped != char and mapped != code:
            return False
    return True
