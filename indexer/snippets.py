"""Snippets: the passage of a release's text holding the most different query words, those words marked as the
index matched them (stems, accents folded, word families). Both backends make their hits' snippets here.
"""

from __future__ import annotations

import functools
import html
import re
from bisect import bisect_right

from whoosh.lang.porter2 import exceptional_forms as PORTER2_EXCEPTIONS

from . import query as q
from .analysis import word_pipeline
from .backends.hits import SNIPPET_CHARS, plain_snippet
from .schema import EXACT_MARK, QUERY_ANALYZER, TEXT_ANALYZER, WORD_FAMILIES, WORD_PATTERN

# Words of context kept before the first marked word of a snippet.
SNIPPET_LEAD_CHARS = 60
# Snippets are looked for in the opening of a long text only.
SNIPPET_SCAN_CHARS = 12_000
# Fields a snippet may come from, the release's own text before its boilerplate.
SNIPPET_FIELDS = (("lede", "body"), ("about", "forward_looking", "contacts"))


_WORD_RE = re.compile(WORD_PATTERN)
# Where a word of WORD_PATTERN's split of a text begins: no word character just before, nor a word
# character and "&" (which join), nor a word character and a dot unless a capitalised word follows.
_WORD_START_RE = re.compile(r"(?<!\w)(?<!\w&)(?:(?<!\w\.)|(?=[A-Z][a-z]))")


# The text analyzer as a function of one word (as the index writer runs it): twice as quick as the
# analyzer's token stream on a word alone, which matters for the first snippets of a fresh searcher.
_PIPELINE = word_pipeline(TEXT_ANALYZER)


def _heads_rule_holds() -> bool:
    """Whether every index term of a plain ASCII word starts as the word does (see _term_heads): true of
    this analyzer (lower-casing, accents folded, stop words, Porter2 and word families), checked here so
    that a change of analyzer turns the shortcut off instead of losing marks."""
    if _PIPELINE is None:
        return False
    kinds = [type(item).__name__ for item in TEXT_ANALYZER.items]
    expected = ["RegexTokenizer", "CompoundFilter", "LowercaseFilter", "CharsetFilter", "StopFilter"]
    return kinds == expected + ["PositionFilter", "PressStemFilter"] and all(
        _PIPELINE.term_of(c) in (c, None) for c in "abcdefghijklmnopqrstuvwxyz0123456789"
    )


# Porter2 changes a word only from its third letter on (its R1 region and suffixes; a 1-letter stem is
# the first letter; a few listed exceptions aside, "dying" -> "die"), so a plain ASCII word can stand for
# a term only if it starts with the term's first two letters (or with those of a word family's other
# stems, "sold" for "sell", or of an exception). Snippets then stem only
# the few words that can match instead of every word of the text (most of a fresh query's snippet time).
_HEADS_RULE = _heads_rule_holds()


@functools.lru_cache(maxsize=4096)
def _term_heads(terms: frozenset[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """The openings (first two letters, lower case; then one-letter terms) of the plain words that can
    stand for the terms."""
    if not _HEADS_RULE:
        return None
    # A word's own form ("=estate") starts, after its mark, as the word does.
    bare = {t[len(EXACT_MARK) :] if t.startswith(EXACT_MARK) else t for t in terms}
    heads = {t[:2] for t in bare if len(t) > 1}
    heads.update(stem[:2] for stem, family in WORD_FAMILIES.items() if family in terms)
    heads.update(word[:2] for word, stem in PORTER2_EXCEPTIONS.items() if WORD_FAMILIES.get(stem, stem) in terms)
    return frozenset(heads), frozenset(t for t in bare if len(t) == 1)


def _candidates(words, heads: tuple[frozenset[str], frozenset[str]] | None) -> list[str]:
    """The words that may stand for a term with these openings: all but plain ASCII words (no accent,
    no capital after the first letter, no dot: not a compound) whose opening is none of them."""
    if heads is None:
        return list(words)
    twos, ones = heads
    found = []
    # Worked out word by word: a table of openings kept across requests looked quicker in a tight loop, but
    # inside requests (other work in between) its look-ups missed the CPU's caches and cost more.
    for word in words:
        opening = word[:2].lower()
        if opening in twos or (ones and opening[:1] in ones):
            found.append(word)
        elif not (word.isascii() and "." not in word and (word.islower() or word[1:] == word[1:].lower())):
            found.append(word)
    return found


@functools.lru_cache(maxsize=4096)
def _opening_pattern(terms: frozenset[str]) -> re.Pattern | None:
    """Where, in a lower-cased text, a word may start with one of the terms' openings (_term_heads): an
    opening with no word character just before it (a word of WORD_PATTERN starts after none)."""
    heads = _term_heads(terms)
    by_length: dict[int, list[str]] = {}
    for head in heads[0] | heads[1] if heads is not None else ():
        by_length.setdefault(len(head), []).append(re.escape(head))
    if not by_length:
        return None  # no openings (or no rule): only the words that are not plain can stand for a term
    # The look-behind after the opening: the pattern then starts with its letters, which re finds quickly.
    return re.compile("|".join(f"(?:{'|'.join(sorted(v))})(?<!\\w{'.' * n})" for n, v in sorted(by_length.items())))


# Where a word that is not plain (see _candidates) shows: a capital after a word's first character (after a
# word character, or the "&" or dot that join), a dot before a word character, a character past ASCII. Three
# patterns, each starting with what re can scan for quickly (one pattern of three branches took twice as long).
_NOT_PLAIN_SIGNS = (re.compile(r"[A-Z](?<=[\w&.][A-Z])"), re.compile(r"\.(?=\w)"))
_PAST_ASCII = re.compile(r"[^\x00-\x7f]")
_SPACE = re.compile(r"\s")


def _candidate_words(text: str, terms: frozenset[str]) -> dict[str, list[int] | None]:
    """The different words of text that may stand for one of the terms: at least _candidates' words (a few
    more do no harm: each is then analysed), found in the text instead of in the set of all its words; each
    with the places it may start at when they are all known (those of a word found by its opening: every
    place of such a word opens the same way), else None.

    The words opening with a term's opening are found where the opening stands at a word's start in the
    lower-cased text; the words that are not plain, by reading whole the chunks (runs of non-space) that
    show a sign of one. Twice as quick as splitting the text into its words and testing each (most are
    plain words no query word starts like)."""
    heads = _term_heads(terms)
    if heads is None:
        return dict.fromkeys(_text_words(text))
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer ("İ"): positions would shift
        return dict.fromkeys(_candidates(_text_words(text), heads))
    found: dict[str, list[int] | None] = {}
    pattern = _opening_pattern(terms)
    if pattern is not None:
        match = _WORD_RE.match
        for opening in pattern.finditer(lowered):
            at = opening.start()
            word = match(text, at)
            if word:
                found.setdefault(word.group(), []).append(at)
    signs = [sign.start() for pattern in _NOT_PLAIN_SIGNS for sign in pattern.finditer(text)]
    if not text.isascii():
        signs += [sign.start() for sign in _PAST_ASCII.finditer(text)]
    signs.sort()
    read_to = -1
    for at in signs:
        if at < read_to:
            continue  # its chunk is read already
        # No word holds a space, so the word at `at` lies between the spaces around it (a start further
        # left, past other kinds of space, only reads more words).
        start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), text.rfind("\t", 0, at)) + 1
        space = _SPACE.search(text, at)
        read_to = space.start() if space else len(text)
        for word in _WORD_RE.findall(text, start, read_to):
            found.setdefault(word)
    return found


def _text_words(text: str) -> set[str]:
    """The different words of a text (WORD_PATTERN's): the text split at spaces gives most of them whole;
    the rest (punctuation attached, compounds) are found in what is left."""
    chunks = set(text.split())
    whole = set(filter(str.isalnum, chunks))  # all word characters and spaces around: one word each
    return whole.union(_WORD_RE.findall(" ".join(chunks - whole)))


@functools.lru_cache(maxsize=200_000)
def _word_terms(word: str) -> tuple[str, ...]:
    """The index terms a word of running text stands for: itself and, for a compound name, its parts."""
    if _PIPELINE is None or not _PIPELINE.expression.fullmatch(word):
        return tuple(tok.text for tok in TEXT_ANALYZER(word))
    term = _PIPELINE.term_of(word)
    parts = _PIPELINE.parts_of(word) if _PIPELINE.parts_of is not None else []
    return (term, *parts) if term is not None else tuple(parts)


def highlight_terms(tree, clauses=()) -> set[str]:
    """Index terms to mark in snippets: the query's words (stemmed like the index) and their alternatives."""
    words: set[str] = set()
    for clause in clauses:
        for alt in clause.alternatives:
            if alt.weight > 0 and len(alt.terms) <= 50:
                words.update(alt.terms)

    def walk(node):
        if isinstance(node, (q.Term, q.Fuzzy, q.Prefix)) and node.field not in (
            "ticker",
            "exchange",
            "type",
            "language",
        ):
            words.update(tok.text for tok in QUERY_ANALYZER(node.text))
        elif isinstance(node, q.Phrase):
            for word in node.words:
                words.update(tok.text for tok in QUERY_ANALYZER(word))
        for child in getattr(node, "children", ()):
            walk(child)

    if not clauses:
        walk(tree)
    return words


# The former name, kept for callers.
_highlight_terms = highlight_terms


def make_snippet(stored: dict, terms: set[str]) -> str:
    """The passage holding the most different query words, those words marked; escaped text, only
    <mark> added. The release's own text is tried before its boilerplate."""
    if terms:
        for group in SNIPPET_FIELDS:
            text = "\n\n".join(stored.get(f) or "" for f in group).strip()[:SNIPPET_SCAN_CHARS]
            matches = _marked_words(text, terms)
            if matches:
                return _passage(text, matches)
    return plain_snippet(stored)


def _marked_words(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, index term) of each word of text that stands for one of the terms, in text order."""
    # Each different word of the text is looked up once (a release repeats its words); then only the
    # few marked ones are found again in the text, instead of keeping where every word stands.
    marked: dict[str, str] = {}
    candidates = _candidate_words(text, frozenset(terms))
    for word in candidates:
        word_terms = _word_terms(word)
        if not terms.isdisjoint(word_terms):
            marked[word] = next(t for t in word_terms if t in terms)
    if not marked:
        return []
    found = []
    for word, term in marked.items():
        starts = candidates[word]
        if starts is not None:  # where the word may start, all of them: keep those where a word starts
            found.extend((at, at + len(word), term) for at in starts if _WORD_START_RE.match(text, at))
            continue
        at = text.find(word)
        while at >= 0:
            # A word of the text starts here (not inside another, nor joined to the one before by "&" or
            # a dot) and the word starting here is this one, not a longer one.
            if _WORD_START_RE.match(text, at) and _WORD_RE.match(text, at).end() == at + len(word):
                found.append((at, at + len(word), term))
            at = text.find(word, at + 1)
    found.sort()
    return found


def _passage(text: str, matches: list[tuple[int, int, str]]) -> str:
    # The window of SNIPPET_CHARS starting at a match that holds the most different words, then the most.
    best, best_key = 0, (-1, -1)
    ends = [m[1] for m in matches]  # rising: words do not overlap
    for i, (start, _, _) in enumerate(matches):
        inside = bisect_right(ends, start + SNIPPET_CHARS - SNIPPET_LEAD_CHARS, lo=i)
        key = (len({m[2] for m in matches[i:inside]}), inside - i)
        if key > best_key:
            best, best_key = i, key
    first = matches[best][0]
    begin = max(0, first - SNIPPET_LEAD_CHARS)
    if begin:
        space = text.find(" ", begin, first)
        begin = space + 1 if space >= 0 else first
    end = min(len(text), begin + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    numbers: dict[str, int] = {}
    out, cursor = [], begin
    for start, stop, term in matches:
        if start < begin or stop > end:
            continue
        number = numbers.setdefault(term, len(numbers))
        out.append(html.escape(text[cursor:start]))
        out.append(f'<mark class="hl term{number}">{html.escape(text[start:stop])}</mark>')
        cursor = stop
    out.append(html.escape(text[cursor:end]))
    snippet = " ".join("".join(out).split())
    return ("… " if begin > 0 else "") + snippet + (" …" if end < len(text) else "")
