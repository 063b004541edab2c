"""Rules of relevance shared by both backends: a query's clauses and their alternatives, and the weights.

A clause is one thing the user asked for (a word, phrase or pattern); its alternatives are the ways to
match it: the words typed, spellings one edit away when the index does not know a word (typo tolerance),
an abbreviation's long form ("Q3": "third quarter") and back, the issuer of a ticker typed as a plain word,
and the index words a prefix, wildcard or fuzzy term stands for. The rules decide with index statistics
(document frequencies), which each backend supplies through the Statistics protocol: Whoosh from its
reader (backends/whoosh/rank.IndexStats), OpenSearch from the cluster (backends/opensearch/plan.ClusterStats).
Both backends then match and rank what these clauses say, with the BM25 constants and weights below.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Protocol

from . import query as q
from .model import QueryError
from .schema import DEFAULT_FIELDS, EXACT_MARK, QUERY_ANALYZER, STOP, exact_form, index_stem

# BM25 saturation and per-section length normalisation (short sections barely normalised).
K1 = 1.2
FIELD_B = {
    "headline": 0.3,
    "subheadline": 0.3,
    "company": 0.0,
    "lede": 0.75,
    "body": 0.75,
    "about": 0.75,
    "forward_looking": 0.75,
    "contacts": 0.75,
}
DEFAULT_B = 0.75
# A ticker typed as a plain word counts like this many headline mentions for the issuer's releases.
SYMBOL_WEIGHT = 4.0
# Score multiplier (coverage ** COORD_POWER): how strongly matching all the query's words is rewarded.
COORD_POWER = 2.0
# A clause scoring this share of its best score over the index counts as fully matched for coordination.
COVER_SHARE = 0.25
# Score multiplier 1 + TITLE_BONUS * (share of the query's clauses found in the headline).
TITLE_BONUS = 1.0
TITLE_FIELDS = ("headline", "subheadline")
# Weight of a spelling one edit away from a word the index does not know.
TYPO_WEIGHT = 0.7
# A known but rare word also searches a spelling one edit away that is this many times more common.
TYPO_RATIO = 20
TYPO_RARE_DF = 5
TYPO_MAX_VARIANTS = 3
# Words of one query that may be looked up for spellings.
MAX_TYPO_WORDS = 3
# Words of one query that "did you mean" may look up (each ~500 index lookups, ~8 ms): a long query of made-up
# words must not cost a second of a server's CPU while counting as cheap; the rest stay as typed.
MAX_CORRECTED_WORDS = 8
# Weight of an abbreviation's long form, and the long forms themselves.
ABBREVIATION_WEIGHT = 0.9
# A word's relatives (same stem, another form: "earned" for "earnings") weigh this much of its own form, so
# releases holding the form typed rank above those holding only a relative.
RELATIVE_WEIGHT = 0.9
ABBREVIATIONS = {
    "q1": "first quarter",
    "q2": "second quarter",
    "q3": "third quarter",
    "q4": "fourth quarter",
    "1q": "first quarter",
    "2q": "second quarter",
    "3q": "third quarter",
    "4q": "fourth quarter",
    "h1": "first half",
    "h2": "second half",
    "fy": "fiscal year",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "cmo": "chief marketing officer",
    "cio": "chief information officer",
    "ipo": "initial public offering",
    "eps": "earnings per share",
    "r&d": "research and development",
    "m&a": "mergers and acquisitions",
    "ai": "artificial intelligence",
    "agm": "annual general meeting",
    "yoy": "year over year",
}
LONG_FORM_FIELDS = ("headline", "subheadline", "lede")
# Fields whose words a fuzzy term is matched against (then searched in every field).
FUZZY_VOCABULARY = ("headline", "lede", "body")
# Fields that filter (ticker:, type:, ...) rather than rank.
FILTER_FIELDS = ("ticker", "exchange", "type", "language", "cik", "issuer")

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_WORD_RE = re.compile(r"[^\W\d_]+")
_SYMBOL_RE = re.compile(r"[A-Za-z]{1,5}(?:\.[A-Za-z]{1,2})?")
# Fields that `field:` names search in, for logical fields spanning several index fields.
FIELD_GROUPS = {
    "headline": ("headline", "subheadline"),
    "body": ("lede", "body", "about", "forward_looking", "contacts"),
    "lede": ("lede",),
    "subheadline": ("subheadline",),
    "about": ("about",),
    "company": ("company",),
    "location": ("location",),
    "wire": ("wire",),
}

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_WORD_RE = re.compile(r"[^\W\d_]+")
_SYMBOL_RE = re.compile(r"[A-Za-z]{1,5}(?:\.[A-Za-z]{1,2})?")


class Statistics(Protocol):
    """What the rules ask of an index: document frequencies, postings, terms, stored fields, a cache."""

    count: int
    schema: object
    reader: object  # doc_frequency(field, term), expand_prefix(field, prefix), terms_within(field, word, ...)
    searcher: object  # stored_fields(docnum), or None
    variants: object  # an LRU of spelling variants found
    # Optional (False when absent): doc_frequency answers at once, exactly and with no effect but a cache.
    frequencies_at_once: bool

    def doc_frequency(self, fieldnames, text: str) -> int: ...

    def postings(self, fieldname: str, text: str) -> tuple: ...


# ---- Query clauses ------------------------------------------------------------------------------------


@dataclass
class Alternative:
    """One way to match a clause: index terms in some fields, with a weight (1 for what the user typed)."""

    fields: tuple[str, ...]
    terms: tuple[str, ...]  # index terms whose frequencies add up (a word, or a wildcard's words)
    phrase: bool = False  # the terms must stand together, in order
    slop: int = 1
    weight: float = 1.0
    label: str = ""  # the spelling shown in suggestions
    symbol: str | None = None  # an issuer's symbol this word also stands for


@dataclass
class Clause:
    """One thing the user asked for (a word, phrase or pattern); its best-matching alternative counts."""

    leaf: object
    alternatives: list[Alternative]
    typed: str = ""


def analyzed(text: str) -> list[str]:
    return [tok.text for tok in QUERY_ANALYZER(text)]


def _fields(name: str | None) -> tuple[str, ...]:
    return DEFAULT_FIELDS if name is None else FIELD_GROUPS.get(name, (name,))


def edits1(word: str) -> set[str]:
    """Every spelling one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _ALPHABET if c != b[0]]
    inserts = [a + c + b for a, b in splits for c in _ALPHABET]
    return set(deletes + transposes + replaces + inserts) - {word}


def spelling_variants(
    stats: Statistics, word: str, fieldnames=("headline", "lede", "body")
) -> list[tuple[str, str, int]]:
    """Spellings one edit away that the index knows: (spelling, index term, documents), commonest first."""
    lowered = word.lower()
    if len(lowered) < 4 or not lowered.isascii() or not lowered.isalpha():
        return []
    key = (lowered, tuple(fieldnames))
    known = stats.variants.get(key)
    if known is not None:
        return known
    own = index_stem(lowered)
    # Frequencies answered at once and exactly (Whoosh's): a spelling no release uses is passed over before it is
    # stemmed (most of the ~500 are none), the same answer. OpenSearch's come in rounds, each asked-for frequency
    # fetched in the next: there the questions are asked in the order that keeps a word to one or two rounds.
    exact_first = getattr(stats, "frequencies_at_once", False)
    best: dict[str, tuple[str, int]] = {}
    for candidate in sorted(edits1(lowered)):
        if candidate in STOP:
            continue
        if exact_first and not stats.doc_frequency(fieldnames, EXACT_MARK + candidate):
            continue
        term = index_stem(candidate)
        if term == own or term in best:
            continue
        df = stats.doc_frequency(fieldnames, term)
        # Only a spelling releases use: "alle" stems to "all" but is no word, so "aple" must not become "all".
        if df and (exact_first or stats.doc_frequency(fieldnames, EXACT_MARK + candidate)):
            best[term] = (candidate, df)
    found = [(spelling, term, df) for term, (spelling, df) in best.items()]
    found.sort(key=lambda item: (-item[2], item[0]))
    stats.variants.put(key, found)
    return found


def corrected_words(stats, words: list[str], analyze) -> str | None:
    """'Did you mean' for either backend: words the index does not know (or barely knows) replaced by close,
    commoner spellings from its vocabulary; None when nothing changed. stats offers doc_frequency and what
    spelling_variants reads; analyze turns a word into its index terms."""
    changed, out, looked_up = False, [], 0
    for word in words:
        tokens = analyze(word)
        if len(tokens) != 1 or not word.isalpha() or len(word) < 4 or looked_up >= MAX_CORRECTED_WORDS:
            out.append(word)
            continue
        df = stats.doc_frequency(("headline", "lede", "body", "company"), tokens[0])
        best = None
        if df <= TYPO_RARE_DF:
            looked_up += 1
            variants = spelling_variants(stats, word)
            if variants and (df == 0 or variants[0][2] >= TYPO_RATIO * df):
                best = written_form(stats, variants[0][1], word)
        if best:
            out.append(_same_case(best, word))
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None


def replaces_unknown(stats, typed: list[str], suggestion: str, analyze) -> bool:
    """Whether a suggestion replaces a word no release holds, so every match came through its spellings: the
    results are the suggestion's ("Showing results for"), not the words as typed ("Did you mean")."""
    for word, fixed in zip(typed, suggestion.split(" "), strict=False):
        if word != fixed:
            terms = analyze(word)
            if len(terms) == 1 and not stats.doc_frequency(("headline", "lede", "body", "company"), terms[0]):
                return True
    return False


def _same_case(suggestion: str, typed: str) -> str:
    if typed.isupper():
        return suggestion.upper()
    if typed[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def written_form(stats: Statistics, term: str, typed: str) -> str:
    """How releases spell an index term, the form closest to what was typed ("conference" for
    "confernce"): read from the first releases that have it (kept with the spelling variants: a page that
    finds nothing asks again for each word it leaves out)."""
    key = ("written form", term, typed.lower())
    found = stats.variants.get(key)
    if found is None:
        found = _written_form(stats, term, typed.lower())
        if found:  # (none found may only mean not fetched yet: OpenSearch's statistics come in rounds)
            stats.variants.put(key, found)
    return found or typed


def _written_form(stats: Statistics, term: str, typed: str) -> str:
    """written_form's answer read from the releases, "" when none spells the term."""
    docs: list[int] = []
    for fieldname in ("headline", "lede", "body"):
        docs += stats.postings(fieldname, term)[0][:2].tolist()
    forms: dict[str, int] = {}
    for docnum in sorted(set(docs))[:3]:
        stored = stats.searcher.stored_fields(docnum) if stats.searcher is not None else {}
        text = " ".join((stored.get(f) or "")[:20_000] for f in ("headline", "lede", "body"))
        for word in _WORD_RE.findall(text.lower()):
            if index_stem(word) == term:
                forms[word] = forms.get(word, 0) + 1
    if not forms:
        return ""
    return min(sorted(forms), key=lambda w: (edit_distance(w, typed), -forms[w]))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two short words."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def typo_alternatives(
    stats: Statistics, word: str, fields_: tuple[str, ...], budget: list[int] | None = None
) -> list[Alternative]:
    """Spellings one edit away to search too, when the index does not know word or barely knows it.

    budget (a one-item list) counts the spelling searches a query may still make: each costs ~500 lookups.
    """
    tokens = analyzed(word)
    if len(tokens) != 1:
        return []
    df = stats.doc_frequency(("headline", "lede", "body", "company"), tokens[0])
    if df > TYPO_RARE_DF:
        return []
    if budget is not None:
        if budget[0] <= 0:
            return []
        budget[0] -= 1
    variants = spelling_variants(stats, word)
    if df:
        variants = [v for v in variants if v[2] >= TYPO_RATIO * df]
    return [
        Alternative(fields_, (term,), weight=TYPO_WEIGHT, label=spelling)
        for spelling, term, _ in variants[:TYPO_MAX_VARIANTS]
    ]


def expand_terms(stats: Statistics, fieldname: str, node, deadline: q.Deadline | None = None) -> list[str]:
    """Index terms of a field that a prefix, wildcard or fuzzy clause stands for (at most MAX_EXPANSIONS)."""
    reader = stats.reader
    if fieldname not in stats.schema:
        return []
    if isinstance(node, q.Prefix):
        terms = _take(reader.expand_prefix(fieldname, node.text.lower()), node.text + "*", deadline)
    elif isinstance(node, q.Wildcard):
        pattern = node.pattern.lower()
        prefix = re.split(r"[*?]", pattern, maxsplit=1)[0]
        regex = _wildcard_regex(pattern)
        source = (t for t in reader.expand_prefix(fieldname, prefix) if regex.match(_text(t)))
        terms = _take(source, node.pattern, deadline)
    elif isinstance(node, q.Fuzzy):
        word = node.text.lower()
        found: set[str] = set()
        for stem in set(analyzed(word)) | {word}:
            found.update(_text(t) for t in reader.terms_within(fieldname, stem, node.distance, prefix=1))
            if len(found) > q.MAX_EXPANSIONS:
                _too_many(_shown(node))
        terms = sorted(found)
    else:
        return []
    return [_text(t) for t in terms]


def _wildcard_regex(pattern: str) -> re.Pattern:
    """A regex for a wildcard pattern that also accepts the pattern's stem: index words are stemmed, so
    "photo?oltaic" must match "photovolta" (a stem drops up to four letters of a word's end)."""
    tail = re.search(r"[a-z]*$", pattern).group()
    droppable = min(4, len(tail) - 2) if len(tail) >= 5 else 0
    keep = pattern[: len(pattern) - droppable]
    regex = re.escape(keep).replace(r"\*", ".*").replace(r"\?", ".")
    dropped = pattern[len(pattern) - droppable :]
    optional = "".join(f"(?:{re.escape(c)}" for c in dropped) + ")?" * len(dropped)
    return re.compile(regex + optional + r"\Z")


def _text(term) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def _take(source, shown: str, deadline: q.Deadline | None) -> list:
    terms = []
    for term in source:
        terms.append(term)
        if len(terms) > q.MAX_EXPANSIONS:
            _too_many(shown)
        if deadline is not None and len(terms) % 64 == 0:
            deadline.check()
    return terms


def _shown(node) -> str:
    if isinstance(node, q.Prefix):
        return node.text + "*"
    if isinstance(node, q.Fuzzy):
        return f"{node.text}~{node.distance if node.distance > 1 else ''}"
    return getattr(node, "pattern", "")


def _too_many(shown: str) -> None:
    raise QueryError(
        f"'{shown}' matches more than {q.MAX_EXPANSIONS} different words in the index: "
        "give more letters before the wildcard, or a smaller fuzzy distance"
    )


def build_clauses(stats: Statistics, tree, deadline: q.Deadline | None = None, spelling: bool = True) -> list[Clause]:
    """The scoring clauses of a query tree: its word-like parts not under NOT, with their alternatives
    (spelling False: no spellings of unknown words, the words as typed)."""
    clauses = []
    budget = [MAX_TYPO_WORDS if spelling else 0]  # spelling searches left for this query
    for leaf in q.positive_leaves(tree):
        clause = _clause(stats, leaf, deadline, budget)
        if clause is not None:
            clauses.append(clause)
        if deadline is not None:
            deadline.check()
    _add_short_forms(clauses)
    return clauses


@functools.cache
def _short_forms() -> dict[tuple[str, ...], str]:
    """Long forms as index terms -> their abbreviation ("second quarter" -> "q2"), the first one listed."""
    found: dict[tuple[str, ...], str] = {}
    for short, long_form in ABBREVIATIONS.items():
        found.setdefault(tuple(analyzed(long_form)), short)
    return found


def _add_short_forms(clauses: list[Clause]) -> None:
    """Words typed in full ("second quarter") also find their abbreviation ("Q2") in releases."""
    forms = _short_forms()
    singles = [
        (i, c) for i, c in enumerate(clauses) if isinstance(c.leaf, q.Term) and len(c.alternatives[0].terms) == 1
    ]
    terms = [c.alternatives[0].terms[0] for _, c in singles]
    for size in (3, 2):
        for start in range(len(singles) - size + 1):
            window = singles[start : start + size]
            if window[-1][0] - window[0][0] != size - 1:
                continue  # not typed side by side
            short = forms.get(tuple(terms[start : start + size]))
            if short:
                for _, clause in window:
                    fields_ = clause.alternatives[0].fields
                    clause.alternatives.append(Alternative(fields_, (short,), weight=ABBREVIATION_WEIGHT, label=short))


def _clause(stats: Statistics, leaf, deadline, budget: list[int]) -> Clause | None:
    if isinstance(leaf, (q.Term, q.Phrase)):
        return _word_clause(stats, leaf, budget)
    if isinstance(leaf, (q.Prefix, q.Wildcard, q.Fuzzy)):
        typed = getattr(leaf, "text", None) or getattr(leaf, "pattern", "")
        if leaf.field in FILTER_FIELDS:
            if leaf.field != "ticker":
                return None
            # ticker:imgn* : symbols starting so; they select, like ticker:IMGN.
            symbols = expand_terms(stats, "symbol", leaf, deadline)
            return Clause(leaf, [Alternative((), (), weight=0.0, label=typed, symbol=s) for s in symbols], typed)
        alternatives, distinct = [], set()
        fields_ = _fields(leaf.field)
        if isinstance(leaf, q.Fuzzy) and leaf.field is None:
            # Edit distances are worked out word by word over a lexicon: do it on the main texts'
            # vocabulary once, and search those words in every field.
            found = set()
            for fieldname in FUZZY_VOCABULARY:
                found.update(expand_terms(stats, fieldname, leaf, deadline))
                if len(found) > q.MAX_EXPANSIONS:
                    _too_many(_shown(leaf))
            return Clause(leaf, [Alternative(fields_, tuple(sorted(found)), label=typed)], typed)
        for fieldname in fields_:
            terms = tuple(expand_terms(stats, fieldname, leaf, deadline))
            distinct.update(terms)
            if len(distinct) > q.MAX_EXPANSIONS:
                _too_many(_shown(leaf))
            if terms:
                alternatives.append(Alternative((fieldname,), terms, label=typed))
        if not alternatives:
            alternatives = [Alternative((), (), label=typed)]
        return Clause(leaf, _merge_fields(alternatives), typed)
    return None


def _merge_fields(alternatives: list[Alternative]) -> list[Alternative]:
    """Per-field expansions of one pattern as one alternative over all fields when they agree."""
    merged: dict[tuple[str, ...], list[str]] = {}
    for alt in alternatives:
        merged.setdefault(alt.terms, []).extend(alt.fields)
    if len(merged) == 1:
        terms, fields_ = next(iter(merged.items()))
        return [Alternative(tuple(fields_), terms, label=alternatives[0].label)]
    # Different words per field: union them, each field searched for all of them.
    union = tuple(sorted({t for alt in alternatives for t in alt.terms}))
    fields_ = tuple(f for alt in alternatives for f in alt.fields)
    return [Alternative(fields_, union, label=alternatives[0].label)]


def _word_clause(stats: Statistics, leaf, budget: list[int]) -> Clause | None:
    if leaf.field in FILTER_FIELDS:
        return None  # filters select; they do not rank
    fields_ = _fields(leaf.field)
    if isinstance(leaf, q.Phrase):
        typed, slop, boost = " ".join(leaf.words), leaf.slop, 1.0
        tokens = tuple(t for word in leaf.words for t in analyzed(word))
    else:
        typed, slop, boost = leaf.text, 1, leaf.boost
        tokens = tuple(analyzed(leaf.text))
    alternatives = []
    exact = exact_form(leaf.text) if isinstance(leaf, q.Term) and len(tokens) == 1 else None
    if exact is not None and leaf.exact:
        # A quoted word: that form only (case and accents folded), no relatives, spellings or long forms.
        return Clause(leaf, [Alternative(fields_, (exact,), weight=boost, label=typed)], typed)
    if tokens:
        weight = boost * RELATIVE_WEIGHT if exact is not None else boost
        alternatives.append(Alternative(fields_, tokens, phrase=len(tokens) > 1, slop=slop, weight=weight, label=typed))
    if exact is not None:
        alternatives.append(Alternative(fields_, (exact,), weight=boost, label=typed))
    if isinstance(leaf, q.Term):
        if len(tokens) == 1 and leaf.text.isalpha():
            alternatives += typo_alternatives(stats, leaf.text, fields_, budget)
        long_form = ABBREVIATIONS.get(leaf.text.lower())
        if long_form:
            words = tuple(analyzed(long_form))
            # Searched where it says what a release is about: phrases of common words are slow in long texts.
            where = tuple(f for f in fields_ if f in LONG_FORM_FIELDS) or fields_
            alternatives.append(Alternative(where, words, phrase=True, weight=ABBREVIATION_WEIGHT, label=long_form))
        if leaf.field is None and _SYMBOL_RE.fullmatch(leaf.text) and _looks_like_ticker(stats, leaf.text, tokens):
            if alternatives:
                # The word and its own form both stand for the issuer too.
                for alt in alternatives[: 2 if exact is not None else 1]:
                    alt.symbol = leaf.text.lower()
            else:
                alternatives.append(Alternative((), (), weight=boost, label=typed, symbol=leaf.text.lower()))
    if not alternatives:
        return None
    return Clause(leaf, alternatives, typed)


def _looks_like_ticker(stats: Statistics, text: str, tokens: tuple[str, ...]) -> bool:
    """Whether a typed word should favour the issuer listed under that symbol."""
    symbol = text.lower()
    if "symbol" not in stats.schema or not stats.reader.doc_frequency("symbol", symbol):
        return False
    if text.isupper() and len(text) >= 2:
        return True
    # A lower-case word that is also a ticker ("fast", "well"): only when it is no everyday word here.
    common = stats.doc_frequency(("lede", "body"), tokens[0]) if tokens else 0
    return common < 0.01 * stats.count


# ---- More like this ---------------------------------------------------------------------------------------

RELATED_TERMS = 25
# Sections that say what a release is about; the boilerplate would make every release of a company alike.
RELATED_SOURCES = {"headline": 3.0, "subheadline": 2.0, "lede": 1.0, "body": 1.0}
RELATED_FIELDS = ("headline", "subheadline", "lede", "body", "company")


def related_clauses(stats, stored: dict, numterms: int = RELATED_TERMS) -> list[Clause]:
    """Clauses ranking releases like the given one (its stored fields): its most distinctive words, weighted
    by tf-idf over its sections (stats: document frequencies and the release count, on either backend)."""
    counts: dict[str, float] = {}
    for fieldname, weight in RELATED_SOURCES.items():
        for term in analyzed((stored.get(fieldname) or "")[:20_000]):
            if len(term) > 1 and not term.isdigit():
                counts[term] = counts.get(term, 0.0) + weight
    weighted = []
    for term, tf in counts.items():
        df = stats.doc_frequency(RELATED_FIELDS, term)
        if df <= 1:
            continue  # a word only this release has finds nothing else
        idf = math.log(1 + (stats.count - df + 0.5) / (df + 0.5))
        weighted.append((math.sqrt(tf) * idf, term))
    weighted.sort(reverse=True)
    top = weighted[:numterms]
    if not top:
        return []
    best = top[0][0]
    return [
        Clause(q.Term(term), [Alternative(RELATED_FIELDS, (term,), weight=value / best, label=term)], term)
        for value, term in top
    ]
