"""The query language: user text to a backend-neutral query tree, with messages that say how to fix a query.

Syntax: words; "phrases"; AND, OR, NOT, -word, +word; (groups); field:value; field:"a phrase";
date:2011, date:2011-10, date:2011-10-20, date:[2011-10-01 TO 2011-11-30], date:[2011-10-01 TO *],
date:>2011-10-01, date:<=2012, date:>-30d (relative: d, w, m, y), date:-30d (the last 30 days), date:today;
prefix* and wild?card; fuzzy~ or fuzzy~2.
"word" (that word form only); "a phrase" NEAR/5 word (each within 5 words of the next, either order); “curly” and «other» quotes.
Plain words are ranked, not required: a release missing one of five words can still rank first.
Limits (each with a message saying what to do): MAX_QUERY_LENGTH characters, MAX_CLAUSES clauses,
MAX_EXPANSIONS index words per wildcard or fuzzy term, SEARCH_TIME_LIMIT_S seconds per search.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime

from .model import QueryError
from .query_dates import DATE_HELP, date_filter, date_value  # noqa: F401 (date_filter: read as query.date_filter)
from .query_tree import (  # noqa: F401 (the tree's nodes are read as query.Term, query.And, ...)
    And,
    DateRange,
    Fuzzy,
    MatchAll,
    Near,
    Not,
    Or,
    Phrase,
    Prefix,
    Ranked,
    Term,
    Wildcard,
    positive_leaves,
)
from .quotes import normalise_quotes

MAX_QUERY_LENGTH = 1000
MAX_CLAUSES = 64
# Index words one wildcard, prefix or fuzzy term may stand for; "co*" would otherwise OR thousands.
MAX_EXPANSIONS = 500
# The widest NEAR/n; NEAR alone means NEAR/DEFAULT_NEAR.
MAX_NEAR = 50
DEFAULT_NEAR = 5
# The widest "a phrase"~n (words between the phrase's words).
MAX_PHRASE_SLOP = 20
_NEAR_RE = re.compile(r"NEAR(?:/(\d+))?")
# Wall-clock budget of one search; a search over it stops with a message instead of holding a worker.
SEARCH_TIME_LIMIT_S = 10.0

# Field names a user may write, with aliases, mapped to the logical field.
FIELD_ALIASES = {
    "headline": "headline",
    "title": "headline",
    "subheadline": "subheadline",
    "lede": "lede",
    "body": "body",
    "text": "body",
    "about": "about",
    "ticker": "ticker",
    "symbol": "ticker",
    "company": "company",
    "cik": "cik",
    "issuer": "issuer",
    "wire": "wire",
    "exchange": "exchange",
    "location": "location",
    "place": "location",
    "type": "type",
    "date": "date",
    "year": "date",
    "language": "language",
    "lang": "language",
}


@dataclass
class ParsedQuery:
    """A parsed query: the tree, plus the words a user typed (for highlights and suggestions)."""

    tree: object
    words: list[str] = field(default_factory=list)


class Deadline:
    """The time budget of one search; check() stops a search that ran over it."""

    def __init__(self, seconds: float | None = None):
        self.seconds = SEARCH_TIME_LIMIT_S if seconds is None else seconds
        self.end = time.monotonic() + self.seconds

    def check(self) -> None:
        """Raise QueryError when the budget is spent."""
        if time.monotonic() > self.end:
            raise QueryError(
                f"the search took longer than {self.seconds:g} s and was stopped: "
                "use more specific words, fewer wildcards, or a narrower date range"
            )


# ---- Tokenizer --------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<sign>(?<![^\s(])[-+](?=[^\s\-+)]))
  | (?P<field>[A-Za-z_]+):(?=\S)
  | (?P<phrase>"[^"]*"(?:~[^\s()"\[\]{}]*)?)
  | (?P<quote>")
  | (?P<range>[\[{][^\]}]*[\]}])
  | (?P<badrange>[\[{][^\]}]*$)
  | (?P<strayclose>[\]}])
  | (?P<word>[^\s()"\[\]{}]+)
    """,
    re.X,
)


@dataclass
class _Token:
    kind: str
    text: str
    pos: int

    @property
    def end(self) -> int:
        return self.pos + len(self.text)


def _tokenize(text: str) -> list[_Token]:
    tokens = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind == "ws":
            continue
        if kind == "quote":
            raise QueryError(
                f'unbalanced quote at position {m.start() + 1}: close the phrase with a second ", e.g. "conference call"'
            )
        if kind == "badrange":
            raise QueryError("unclosed bracket: write a range as date:[2011-10-01 TO 2011-11-30]")
        if kind == "strayclose":
            raise QueryError(
                f"unexpected '{m.group()}' at position {m.start() + 1}: ranges look like date:[2011-10-01 TO 2011-11-30]"
            )
        tokens.append(_Token(kind, m.group(), m.start()))
    return tokens


# ---- Parser -------------------------------------------------------------------------------------

_VERBATIM_FIELDS = ("ticker", "exchange", "type", "language", "cik", "issuer")
# A value of each field, for messages that show how to write a clause.
_FIELD_EXAMPLES = {
    "ticker": "IMGN",
    "cik": "320193",
    "issuer": "cik320193",
    "date": "2011-10",
    "company": "immunogen",
    "wire": '"Business Wire"',
    "exchange": "NASDAQ",
    "type": "earnings",
    "language": "en",
    "location": "Boston",
    **dict.fromkeys(("headline", "subheadline", "lede", "body", "about"), "merger"),
}
# Fields matched whole, with what to write instead of a wildcard or ~.
_WHOLE_VALUES = {
    "issuer": "for issuers whose names or symbols start so, write company:acme* or ticker:AC*",
    "exchange": "the exchange facet lists the exchanges there are",
}
_FIELD_LIST = ", ".join(sorted(set(FIELD_ALIASES.values())))


class _Parser:
    def __init__(self, text: str, now: datetime):
        self.tokens = _tokenize(text)
        self.i = 0
        self.now = now
        self.words: list[str] = []
        self.clauses = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def is_op(self, tok: _Token | None, name: str) -> bool:
        return tok is not None and tok.kind == "word" and tok.text == name

    def parse(self):
        if not self.tokens:
            return MatchAll()
        node = self.or_expr()
        tok = self.peek()
        if tok is not None:
            if tok.kind == "rparen":
                raise QueryError(f"unbalanced ')' at position {tok.pos + 1}: remove it or add a matching '('")
            raise QueryError(f"unexpected {tok.text!r} at position {tok.pos + 1}")
        return node

    def or_expr(self):
        if self.is_op(self.peek(), "OR"):
            raise QueryError("OR needs a word on both sides, e.g. merger OR acquisition")
        children = [self.and_expr()]
        while self.is_op(self.peek(), "OR"):
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind == "rparen" or self.is_op(nxt, "OR") or self.is_op(nxt, "AND"):
                raise QueryError("OR needs a word on both sides, e.g. merger OR acquisition")
            children.append(self.and_expr())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self):
        required, ranked = [], []
        pending_and = False
        while True:
            tok = self.peek()
            if tok is None or tok.kind == "rparen" or self.is_op(tok, "OR"):
                break
            if self.is_op(tok, "AND"):
                self.take()
                nxt = self.peek()
                if not (required or ranked) or nxt is None or nxt.kind == "rparen" or self.is_op(nxt, "OR"):
                    raise QueryError("AND needs a word on both sides, e.g. biotech AND acquisition")
                # "a AND b": the word before AND becomes required too.
                if ranked:
                    required.append(ranked.pop())
                pending_and = True
                continue
            node, must = self.unary()
            if self.near_op(self.peek()):
                node = self.near(node, must)
            # A field clause ("ticker:IMGN", "headline:merger") or a date narrows the plain words beside it.
            if must or pending_and or isinstance(node, DateRange) or getattr(node, "field", None):
                required.append(node)
            else:
                ranked.append(node)
            pending_and = False
        if not required and not ranked:
            if self.peek() is not None and self.peek().kind == "rparen":
                raise QueryError("empty group: put words inside the parentheses")
            raise QueryError("OR needs a word on both sides, e.g. merger OR acquisition")
        if not ranked:
            return required[0] if len(required) == 1 else And(tuple(required))
        ranked_node = Ranked(tuple(ranked)) if len(ranked) > 1 else ranked[0]
        if not required:
            return ranked_node
        # Required clauses filter; the plain words still rank within them (and need not all match).
        if not isinstance(ranked_node, Ranked):
            ranked_node = Ranked((ranked_node,))
        return And(tuple(required) + (ranked_node,))

    def near_op(self, tok: _Token | None) -> bool:
        return tok is not None and tok.kind == "word" and bool(_NEAR_RE.fullmatch(tok.text))

    def near(self, first, must: bool) -> Near:
        """'a NEAR/n b NEAR/m c': every word or phrase within n words of the next (the smallest n for a chain)."""
        children, distance = [first], MAX_NEAR
        while self.near_op(self.peek()):
            op = self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind not in ("word", "phrase") or self.is_op(nxt, "OR") or self.is_op(nxt, "AND"):
                raise QueryError(f'{op.text} needs a word or phrase on both sides, e.g. "net income" {op.text} decline')
            number = _NEAR_RE.fullmatch(op.text).group(1)
            n = DEFAULT_NEAR if number is None else int(number)
            if not 1 <= n <= MAX_NEAR:
                raise QueryError(f"the distance of NEAR must be between 1 and {MAX_NEAR}, e.g. merger NEAR/5 approval")
            distance = min(distance, n)
            children.append(self.primary())
        for child in children:
            if not isinstance(child, (Term, Phrase)) or (child.field is not None and child.field in _VERBATIM_FIELDS):
                raise QueryError('NEAR joins plain words or phrases, e.g. "net income" NEAR/5 decline')
        return Near(tuple(children), distance)

    def unary(self) -> tuple[object, bool]:
        """One clause and whether it is required ('+word', NOT and '-word' clauses are)."""
        tok = self.peek()
        if self.is_op(tok, "NOT"):
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind == "rparen" or self.is_op(nxt, "OR") or self.is_op(nxt, "AND"):
                raise QueryError("NOT needs a word after it, e.g. acquisition NOT lawsuit")
            return Not(self.unary()[0]), True
        if self.near_op(tok):
            raise QueryError(f'{tok.text} needs a word or phrase on both sides, e.g. "net income" {tok.text} decline')
        if tok.kind == "sign":
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind == "rparen":
                raise QueryError(f"'{tok.text}' needs a word right after it, e.g. {tok.text}lawsuit")
            node = self.primary()
            return (Not(node), True) if tok.text == "-" else (node, True)
        return self.primary(), False

    def primary(self):
        tok = self.take()
        self.clauses += 1
        if self.clauses > MAX_CLAUSES:
            raise QueryError(f"the query has too many terms (at most {MAX_CLAUSES}): shorten it")
        if tok.kind == "lparen":
            if self.peek() is None:
                raise QueryError(f"unbalanced '(' at position {tok.pos + 1}: add words and a matching ')'")
            node = self.or_expr()
            close = self.peek()
            if close is None or close.kind != "rparen":
                raise QueryError(f"unbalanced '(' at position {tok.pos + 1}: add a matching ')'")
            self.take()
            return node
        if tok.kind == "rparen":
            raise QueryError(f"unbalanced ')' at position {tok.pos + 1}: remove it or add a matching '('")
        if tok.kind == "field":
            return self.fielded(tok)
        if tok.kind == "range":
            raise QueryError(f"a range needs a field: write date:{tok.text}")
        if self.spaced_field(tok):
            return self.fielded(_Token("field", tok.text, tok.pos))
        return self.value(tok, None)

    def spaced_field(self, tok: _Token) -> bool:
        """Whether a word is a field name typed with a space after its colon ('ticker: IMGN'): read as the field
        clause. Only a lower-case name is taken for one: 'Company: Acme' pasted from a headline stays words."""
        name = tok.text[:-1]
        if tok.kind != "word" or not tok.text.endswith(":") or name not in FIELD_ALIASES:
            return False
        nxt = self.peek()
        if nxt is None or nxt.kind not in ("word", "phrase", "range", "field"):
            example = _FIELD_EXAMPLES.get(FIELD_ALIASES[name], "value")
            raise QueryError(f"'{name}:' needs a value right after it, e.g. {name}:{example}")
        return True

    def fielded(self, tok: _Token):
        name = tok.text[:-1].lower()
        value = self.peek()
        if name not in FIELD_ALIASES:
            if value is not None and value.kind == "word" and value.text.startswith("//") and value.pos == tok.end:
                # A pasted address ("https://example.com") is words, not a field.
                self.take()
                return self.value(_Token("word", tok.text + value.text, tok.pos), None)
            raise QueryError(f"unknown field '{name}': use one of {_FIELD_LIST}, e.g. ticker:IMGN")
        logical = FIELD_ALIASES[name]
        if value is None:
            raise QueryError(f"'{name}:' needs a value after it, e.g. {name}:{_FIELD_EXAMPLES.get(logical, 'value')}")
        self.take()
        if value.kind == "field" and self.peek() is not None and self.peek().pos == value.end:
            # "ticker:NASDAQ:IMGN": the value itself holds a colon.
            rest = self.take()
            value = _Token("word", value.text + rest.text, value.pos)
        if logical == "ticker" and value.kind == "word" and value.text.endswith(":"):  # "ticker:NASDAQ:", no symbol
            raise QueryError(f"'ticker:{value.text}' needs a symbol right after the exchange, e.g. ticker:NASDAQ:IMGN")
        if logical == "date":
            if value.kind not in ("word", "range", "phrase"):
                raise QueryError(f"bad date value {value.text!r}: {DATE_HELP}")
            return date_value(value.text, self.now)
        if value.kind == "range":
            raise QueryError(f"ranges work on dates only: write date:{value.text}")
        if logical == "cik" and value.kind == "word" and not re.fullmatch(r"[0-9*?]+", value.text):
            raise QueryError(f"a CIK is a number (leading zeros optional), e.g. cik:320193, not {value.text!r}")
        if value.kind == "lparen":
            raise QueryError(
                f"write one value after '{name}:', e.g. {name}:value, or repeat the field: {name}:a OR {name}:b"
            )
        if value.kind in ("rparen", "sign"):
            raise QueryError(f"'{name}:' needs a value after it, e.g. {name}:{_FIELD_EXAMPLES.get(logical, 'value')}")
        return self.value(value, logical)

    def value(self, tok: _Token, field_name: str | None):
        text = tok.text
        if tok.kind == "phrase":
            slop = 1
            closing = text.index('"', 1)
            text, distance = text[: closing + 1], text[closing + 2 :]  # '"a phrase"~3': the words and '3'
            if closing + 1 < len(tok.text):
                if not distance.isascii() or not distance.isdigit():
                    raise QueryError(
                        f'the distance after a phrase is a whole number of words, e.g. "top places"~3, not ~{distance}'
                    )
                slop = int(distance)
                if slop > MAX_PHRASE_SLOP:
                    raise QueryError(
                        f"a phrase's distance is at most {MAX_PHRASE_SLOP} words (got ~{slop}): "
                        f'for words further apart write "a phrase" NEAR/{MAX_NEAR} word'
                    )
            inner = text[1:-1].strip()
            if field_name in _VERBATIM_FIELDS:
                if not inner:
                    raise QueryError(f'empty value: write {field_name}:"value"')
                return Term(inner, field_name)
            words = tuple(re.findall(r"[\w][\w.'\u2019&-]*", inner))
            if not words:
                raise QueryError('empty phrase: put words between the quotes, e.g. "conference call"')
            self.words.extend(words)
            return Phrase(words, field_name, slop) if len(words) > 1 else Term(words[0], field_name, exact=True)
        if tok.kind in ("field", "lparen", "range", "sign"):
            raise QueryError(f"unexpected {text!r} at position {tok.pos + 1}")
        if field_name in (None, "ticker") and re.match(r"\$[A-Za-z]", text):
            text = text[1:].upper()  # a cashtag ("$AAPL", "$aapl": social media, newsrooms) is the symbol
        if field_name in _VERBATIM_FIELDS and not re.search(r"[*?~]", text):
            return Term(text, field_name)
        if field_name in _WHOLE_VALUES:  # ids and exchange names are matched whole (a pattern found nothing)
            example = f"{field_name}:{_FIELD_EXAMPLES[field_name]}"
            raise QueryError(
                f"{field_name}: takes a whole value, e.g. {example}, not {text!r}: {_WHOLE_VALUES[field_name]}"
            )
        fuzzy = re.fullmatch(r"(.+?)~(\d*)", text)
        if fuzzy is None and re.fullmatch(r".+?~[-+]?[\d.]+", text):  # "merger~-1", "merger~1.5"
            raise QueryError(f"fuzzy distance must be 1 or 2, e.g. immunogen~ or immunogen~2, not {text!r}")
        if fuzzy:
            word = fuzzy.group(1)
            if not re.search(r"\w", word) or "*" in word or "?" in word:
                raise QueryError(f"fuzzy search needs a word before '~', e.g. immunogen~, not {text!r}")
            distance = int(fuzzy.group(2) or 1)
            if not 1 <= distance <= 2:
                raise QueryError("fuzzy distance must be 1 or 2, e.g. immunogen~ or immunogen~2")
            self.words.append(word)
            return Fuzzy(word, field_name, distance)
        if "*" in text or "?" in text:
            core = re.sub(r"[*?]", "", text)
            if len(re.findall(r"\w", core)) < 2:
                raise QueryError(f"the wildcard {text!r} is too broad: give at least two letters, e.g. immuno*")
            if text.endswith("*") and "*" not in text[:-1] and "?" not in text:
                return Prefix(text[:-1], field_name)
            return Wildcard(text, field_name)
        word = text.strip(".,;:!?")
        if not word:
            word = text
        self.words.append(word)
        return Term(word, field_name)


def parse_query(text: str | None, now: datetime | None = None) -> ParsedQuery:
    """Parse a user's query; raise QueryError with a hint when it is malformed."""
    text = normalise_quotes((text or "").strip())
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"the query is too long ({len(text)} characters; at most {MAX_QUERY_LENGTH}): shorten it")
    if now is not None:
        parser = _Parser(text, now)
        return ParsedQuery(tree=parser.parse(), words=parser.words)
    # "now" is read per query: a long-running server must not freeze it at start. Relative dates name days,
    # so a query parsed earlier the same day parses the same; the web app parses each query twice (its
    # costly-search check, then the search).
    now = datetime.now()
    key = (text, now.date())
    found = _PARSED_TODAY.get(key)
    if found is None:
        parser = _Parser(text, now)
        found = (parser.parse(), tuple(parser.words))  # the tree is immutable (frozen nodes)
        if len(_PARSED_TODAY) >= _PARSED_KEPT:
            _PARSED_TODAY.clear()
        _PARSED_TODAY[key] = found
    return ParsedQuery(tree=found[0], words=list(found[1]))


# Queries parsed lately, by text and day (QueryError is not kept: a malformed query is parsed again).
_PARSED_TODAY: dict[tuple[str, date], tuple[object, tuple[str, ...]]] = {}
_PARSED_KEPT = 2048
