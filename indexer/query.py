"""The query language: user text to a backend-neutral query tree, with messages that say how to fix a query.

Syntax: words; "phrases"; AND, OR, NOT, -word, +word; (groups); field:value; field:"a phrase";
date:2011, date:2011-10, date:2011-10-20, date:[2011-10-01 TO 2011-11-30], date:[2011-10-01 TO *],
date:>2011-10-01, date:<=2012, date:>-30d (relative: d, w, m, y); prefix* and wild?card; fuzzy~ or fuzzy~2.
Plain words are ranked, not required: a release missing one of five words can still rank first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from .model import QueryError

MAX_QUERY_LENGTH = 1000
MAX_CLAUSES = 64

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
QUERY_FIELDS = sorted(set(FIELD_ALIASES))


# ---- The query tree -------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word in one field, or in the default fields when field is None."""

    text: str
    field: str | None = None
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Words that must stand together in this order."""

    words: tuple[str, ...]
    field: str | None = None
    slop: int = 1


@dataclass(frozen=True)
class Prefix:
    """Words starting with text ('immuno*')."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Wildcard:
    """Words matching a pattern with * and ? inside."""

    pattern: str
    field: str | None = None


@dataclass(frozen=True)
class Fuzzy:
    """Words within an edit distance of text ('immunogen~')."""

    text: str
    field: str | None = None
    distance: int = 1


@dataclass(frozen=True)
class DateRange:
    """Releases dated from start (inclusive) to end (exclusive); either may be open."""

    start: datetime | None
    end: datetime | None


@dataclass(frozen=True)
class And:
    """Every child must match."""

    children: tuple


@dataclass(frozen=True)
class Or:
    """At least one child must match."""

    children: tuple


@dataclass(frozen=True)
class Ranked:
    """Plain words side by side: any may match, releases matching more rank higher."""

    children: tuple


@dataclass(frozen=True)
class Not:
    """Releases the child matches are excluded."""

    child: object


@dataclass(frozen=True)
class MatchAll:
    """Every release (an empty query)."""


@dataclass
class ParsedQuery:
    """A parsed query: the tree, plus the words a user typed (for highlights and suggestions)."""

    tree: object
    words: list[str] = field(default_factory=list)


# ---- Tokenizer --------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<field>[A-Za-z_]+):(?=\S)
  | (?P<phrase>"[^"]*"(?:~\d+)?)
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


# ---- Dates --------------------------------------------------------------------------------------

_RELATIVE_RE = re.compile(r"^([+-]?)(\d+)([dwmy])$", re.I)
_DATE_HELP = "write dates as 2011, 2011-10, 2011-10-20, date:[2011-10-01 TO 2011-11-30], date:>2011-10-01 or date:>-30d"


def _period(text: str, now: datetime) -> tuple[datetime, datetime]:
    """The period a date value names: a year, a month, a day, or a relative offset from now."""
    value = text.strip()
    rel = _RELATIVE_RE.match(value)
    if rel:
        sign, amount, unit = rel.groups()
        amount = int(amount) * (1 if sign == "+" else -1)
        delta = {
            "d": relativedelta(days=amount),
            "w": relativedelta(weeks=amount),
            "m": relativedelta(months=amount),
            "y": relativedelta(years=amount),
        }[unit.lower()]
        day = datetime.combine((now + delta).date(), datetime.min.time())
        return day, day + timedelta(days=1)
    if value.lower() in ("now", "today"):
        day = datetime.combine(now.date(), datetime.min.time())
        return day, day + timedelta(days=1)
    if value.lower() == "yesterday":
        day = datetime.combine(now.date(), datetime.min.time()) - timedelta(days=1)
        return day, day + timedelta(days=1)
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        if not 1900 <= year <= 2100:
            raise QueryError(f"the year {value} is out of range: {_DATE_HELP}")
        return datetime(year, 1, 1), datetime(year + 1, 1, 1)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise QueryError(f"bad month in {value!r}: {_DATE_HELP}")
        start = datetime(year, month, 1)
        return start, start + relativedelta(months=1)
    try:
        from dateutil import parser as dateparser

        day = dateparser.parse(value, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError) as exc:
        raise QueryError(f"cannot read the date {value!r}: {_DATE_HELP}") from exc
    day = datetime.combine(day.date(), datetime.min.time())
    return day, day + timedelta(days=1)


def _date_value(value: str, now: datetime) -> DateRange:
    value = value.strip()
    if value.startswith(("[", "{")):
        inner = value[1:-1]
        parts = re.split(r"\s+TO\s+", inner.strip(), flags=re.I)
        if len(parts) != 2:
            raise QueryError(f"bad date range {value!r}: {_DATE_HELP}")
        lo, hi = (p.strip() for p in parts)
        start = None if lo in ("*", "") else _period(lo, now)[0]
        end = None if hi in ("*", "") else _period(hi, now)[1]
        if value.startswith("{") and start is not None:
            start = _period(lo, now)[1]
        if value.endswith("}") and end is not None:
            end = _period(hi, now)[0]
        if start and end and start >= end:
            raise QueryError(f"the date range {value!r} is empty: put the earlier date first")
        return DateRange(start, end)
    m = re.match(r"^(>=|<=|>|<)(.+)$", value)
    if m:
        op, rest = m.groups()
        lo, hi = _period(rest, now)
        return {
            ">": DateRange(hi, None),
            ">=": DateRange(lo, None),
            "<": DateRange(None, lo),
            "<=": DateRange(None, hi),
        }[op]
    lo, hi = _period(value, now)
    return DateRange(lo, hi)


def date_filter(start: date | None, end: date | None) -> DateRange | None:
    """The range for --from/--to options: both days included."""
    if start is None and end is None:
        return None
    lo = datetime.combine(start, datetime.min.time()) if start else None
    hi = datetime.combine(end, datetime.min.time()) + timedelta(days=1) if end else None
    if lo and hi and lo >= hi:
        raise QueryError("the 'from' date is after the 'to' date: swap them")
    return DateRange(lo, hi)


# ---- Parser -------------------------------------------------------------------------------------


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
        children = [self.and_expr()]
        while self.is_op(self.peek(), "OR"):
            self.take()
            if self.peek() is None or self.peek().kind == "rparen":
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
                if not (required or ranked) or self.peek() is None or self.peek().kind == "rparen":
                    raise QueryError("AND needs a word on both sides, e.g. biotech AND acquisition")
                # "a AND b": the word before AND becomes required too.
                if ranked:
                    required.append(ranked.pop())
                pending_and = True
                continue
            node, must = self.unary()
            if must or pending_and or isinstance(node, DateRange):
                required.append(node)
            else:
                ranked.append(node)
            pending_and = False
        if not required and not ranked:
            raise QueryError("empty group: put words inside the parentheses")
        if not ranked:
            return required[0] if len(required) == 1 else And(tuple(required))
        ranked_node = Ranked(tuple(ranked)) if len(ranked) > 1 else ranked[0]
        if not required:
            return ranked_node
        # Required clauses filter; the plain words still rank within them (and need not all match).
        if not isinstance(ranked_node, Ranked):
            ranked_node = Ranked((ranked_node,))
        return And(tuple(required) + (ranked_node,))

    def unary(self) -> tuple[object, bool]:
        """One clause and whether it is required ('+word', NOT and '-word' clauses are)."""
        tok = self.peek()
        if self.is_op(tok, "NOT"):
            self.take()
            if self.peek() is None:
                raise QueryError("NOT needs a word after it, e.g. acquisition NOT lawsuit")
            return Not(self.unary()[0]), True
        if tok.kind == "word" and tok.text[0] in "-+" and len(tok.text) > 1:
            sign = tok.text[0]
            tok.text = tok.text[1:]
            node = self.primary()
            return (Not(node), True) if sign == "-" else (node, True)
        return self.primary(), False

    def primary(self):
        tok = self.take()
        self.clauses += 1
        if self.clauses > MAX_CLAUSES:
            raise QueryError(f"the query has too many terms (at most {MAX_CLAUSES}): shorten it")
        if tok.kind == "lparen":
            node = self.or_expr()
            close = self.peek()
            if close is None or close.kind != "rparen":
                raise QueryError(f"unbalanced '(' at position {tok.pos + 1}: add a matching ')'")
            self.take()
            return node
        if tok.kind == "rparen":
            raise QueryError(f"unbalanced ')' at position {tok.pos + 1}: remove it or add a matching '('")
        if tok.kind == "field":
            name = tok.text[:-1].lower()
            if name not in FIELD_ALIASES:
                raise QueryError(
                    f"unknown field '{name}': use one of {', '.join(sorted(set(FIELD_ALIASES.values())))}, e.g. ticker:IMGN"
                )
            logical = FIELD_ALIASES[name]
            if self.peek() is None:
                raise QueryError(f"'{name}:' needs a value after it, e.g. {name}:value")
            value = self.take()
            if logical == "date":
                if value.kind not in ("word", "range"):
                    raise QueryError(f"bad date value {value.text!r}: {_DATE_HELP}")
                return _date_value(value.text, self.now)
            if value.kind == "range":
                raise QueryError(f"ranges work on dates only: write date:{value.text}")
            if value.kind == "lparen":
                raise QueryError(
                    f"write one value after '{name}:', e.g. {name}:value, or repeat the field: {name}:a OR {name}:b"
                )
            return self.value(value, logical)
        if tok.kind == "range":
            raise QueryError(f"a range needs a field: write date:{tok.text}")
        return self.value(tok, None)

    def value(self, tok: _Token, field_name: str | None):
        text = tok.text
        if tok.kind == "phrase":
            slop = 1
            m = re.search(r"~(\d+)$", text)
            if m:
                slop = int(m.group(1))
                text = text[: m.start()]
            words = tuple(re.findall(r"[\w][\w.'\u2019&-]*", text[1:-1]))
            self.words.extend(words)
            if not words:
                raise QueryError('empty phrase: put words between the quotes, e.g. "conference call"')
            if field_name in ("ticker", "exchange", "type", "language"):
                return Term(" ".join(words), field_name)
            return Phrase(words, field_name, slop) if len(words) > 1 else Term(words[0], field_name)
        if tok.kind in ("field", "lparen", "range"):
            raise QueryError(f"unexpected {text!r} at position {tok.pos + 1}")
        fuzzy = re.fullmatch(r"(.+?)~(\d?)", text)
        if fuzzy:
            word = fuzzy.group(1)
            distance = int(fuzzy.group(2) or 1)
            if not 1 <= distance <= 2:
                raise QueryError("fuzzy distance must be 1 or 2, e.g. immunogen~ or immunogen~2")
            self.words.append(word)
            return Fuzzy(word, field_name, distance)
        if "*" in text or "?" in text:
            core = text.replace("*", "").replace("?", "")
            if len(core) < 2:
                raise QueryError(f"the wildcard {text!r} is too broad: give at least two letters, e.g. immuno*")
            if text.endswith("*") and "*" not in text[:-1] and "?" not in text:
                return Prefix(text[:-1], field_name)
            return Wildcard(text, field_name)
        word = text.strip(".,;:!")
        if not word:
            word = text
        if field_name not in ("ticker", "exchange"):
            self.words.append(word)
        return Term(word, field_name)


def parse_query(text: str | None, now: datetime | None = None) -> ParsedQuery:
    """Parse a user's query; raise QueryError with a hint when it is malformed."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"the query is too long ({len(text)} characters; at most {MAX_QUERY_LENGTH}): shorten it")
    # "now" is read per query: a long-running server must not freeze it at start.
    parser = _Parser(text, now or datetime.now())
    tree = parser.parse()
    return ParsedQuery(tree=tree, words=parser.words)
