"""Relevance on OpenSearch: the backend-neutral query tree as query DSL, with the filters and aggregations.

The tree is translated the way whoosh/match.py translates it for Whoosh (same fields and matching rules) and
ranked as close to whoosh/rank.py as Lucene allows (field weights in per-field BM25, one rarity per word across
fields, coverage of the query's words).

Words are analyzed in Python by the schema's analyzer (schema.analyze) and looked up as
exact terms in the `<field>_terms` fields, so a word, phrase, prefix or fuzzy term finds the same
releases as on Whoosh. A translation returns None where Whoosh's gives its NullQuery (a word that is
all stop words), handled as Whoosh handles it: OR drops it, AND fails with it, NOT of it excludes nothing.
"""

from __future__ import annotations

from ... import query as q
from ...model import QueryError
from ...parse.tickers import normalise_exchange
from ...relevance import FIELD_GROUPS, TITLE_BONUS, TITLE_FIELDS
from ...schema import DEFAULT_FIELDS, FACETS_BY_NAME, FIELD_WEIGHTS, exact_form
from .schema import LOCAL_DATE, TERMS_ANALYZER, analyze, field_boost, terms_field

KEYWORD_QUERY_FIELDS = ("ticker", "exchange", "type", "language", "cik", "issuer")
MATCH_NONE = {"match_none": {}}
FIELD_TIE = 0.3
# A release matching none of the words (only a date or a filter) keeps this share, not nothing.
NO_WORD_SHARE = 1e-4
# Patterns (prefix, wildcard, fuzzy) rank the words they stand for by BM25 with one rarity for them all, as
# whoosh_rank scores an expanded pattern; every word Whoosh would accept (at most q.MAX_EXPANSIONS) is kept.
PATTERN_REWRITE = "top_terms_blended_freqs_1024"
COMPOSITE_PAGE = 10_000


def _text_fields(field: str | None) -> tuple[str, ...]:
    return _searched(DEFAULT_FIELDS if field is None else FIELD_GROUPS.get(field, (field,)))


def _searched(fields_) -> tuple[str, ...]:
    # A field's weight lives in its BM25 settings (schema.py); weight 0 means not searched.
    return tuple(f for f in fields_ if FIELD_WEIGHTS.get(f, 1.0) > 0)


def _fields(subs: list, boost: float = 1.0) -> dict | None:
    """One word over several fields: the best field counts, the others a little (Whoosh sums the fields'
    frequencies and saturates once, which rewards a second field far less than adding scores would)."""
    subs = [s for s in subs if s is not None]
    if not subs:
        return None
    body: dict = {"queries": subs, "tie_breaker": FIELD_TIE}
    if boost != 1.0:
        body["boost"] = boost
    return {"dis_max": body}


def _should(subs: list, boost: float = 1.0) -> dict | None:
    subs = [s for s in subs if s is not None]
    if not subs:
        return None
    body: dict = {"should": subs, "minimum_should_match": 1}
    if boost != 1.0:
        body["boost"] = boost
    return {"bool": body}


def query_dsl(tree, expansions: dict | None = None) -> dict:
    """The query DSL for a parsed query tree (match_none where Whoosh's query is its NullQuery)."""
    return translate(tree, expansions) or MATCH_NONE


def translate(node, expansions: dict | None = None) -> dict | None:
    """Translate a backend-neutral query tree into query DSL; None matches nothing and is dropped by parents.

    expansions maps leaves of the tree to the query that replaces them (a word with its likely spellings,
    its long form or its issuer: see plan.py).
    """
    if expansions and node in expansions:
        return expansions[node]
    if isinstance(node, q.MatchAll):
        return {"match_all": {}}
    if isinstance(node, q.Term):
        return _term(node)
    if isinstance(node, q.Phrase):
        words = [w for word in node.words for w in analyze(word)]
        if not words:
            return None
        return _fields([_phrase(f, words, node.slop) for f in _text_fields(node.field)])
    if isinstance(node, q.Near):
        return _near(node)
    if isinstance(node, q.Prefix):
        value = node.text.lower()
        if node.field == "ticker":
            return {"prefix": {"symbol": {"value": value}}}
        return _fields(
            [
                {"prefix": {terms_field(f): {"value": value, "rewrite": PATTERN_REWRITE, "boost": field_boost(f)}}}
                for f in _text_fields(node.field)
            ]
        )
    if isinstance(node, q.Wildcard):
        value = node.pattern.lower()
        if node.field == "ticker":
            return {"wildcard": {"symbol": {"value": value}}}
        return _fields(
            [
                {"wildcard": {terms_field(f): {"value": value, "rewrite": PATTERN_REWRITE, "boost": field_boost(f)}}}
                for f in _text_fields(node.field)
            ]
        )
    if isinstance(node, q.Fuzzy):
        # As on Whoosh: index words within plain Levenshtein distance (no transpositions, first letter
        # fixed) of the word as typed or of its stem; every one of them, not the top few.
        word = node.text.lower()
        return _fields(
            [
                {
                    "fuzzy": {
                        terms_field(f): {
                            "value": value,
                            "fuzziness": node.distance,
                            "prefix_length": 1,
                            "transpositions": False,
                            "rewrite": PATTERN_REWRITE,
                            "boost": field_boost(f),
                        }
                    }
                }
                for f in _text_fields(node.field)
                for value in sorted(set(analyze(word)) | {word})
            ]
        )
    if isinstance(node, q.DateRange):
        return _date_range(node)
    # Whoosh's NullQuery (None here): excluding it excludes nothing, requiring it matches nothing.
    if isinstance(node, q.Not):
        child = translate(node.child, expansions)
        return {"match_all": {}} if child is None else {"bool": {"must_not": [child]}}
    if isinstance(node, q.And):
        subs = [translate(c, expansions) for c in node.children]
        if any(s is None for s in subs):
            return None
        return subs[0] if len(subs) == 1 else {"bool": {"must": subs}}
    if isinstance(node, (q.Or, q.Ranked)):
        # Ranked: any word may match; releases matching more words score higher (scores add up).
        return _should([translate(c, expansions) for c in node.children])
    raise QueryError(f"cannot run this part of the query: {node!r}")


def _near(node: q.Near) -> dict | None:
    """Each word or phrase within node.distance words of the next, either order, in one field at a time (as Whoosh's
    SpanNear2: slop n there allows n - 1 words between)."""
    parts = []
    for child in node.children:
        typed = child.words if isinstance(child, q.Phrase) else (child.text,)
        words = [w for word in typed for w in analyze(word)]
        if words:
            parts.append((child.field, words, child.slop if isinstance(child, q.Phrase) else 1))
    if not parts:
        return None
    named = {field for field, _, _ in parts if field is not None}
    if len(named) > 1:
        return None
    fields_ = _text_fields(next(iter(named)) if named else None)
    subs = []
    for field in fields_:
        name = terms_field(field)
        units = [
            {"span_term": {name: words[0]}}
            if len(words) == 1
            else {
                "span_near": {"clauses": [{"span_term": {name: w}} for w in words], "slop": slop - 1, "in_order": True}
            }
            for _, words, slop in parts
        ]
        subs.append(
            units[0]
            if len(units) == 1
            else {"span_near": {"clauses": units, "slop": node.distance - 1, "in_order": False}}
        )
    return _fields(subs)


def _date_range(node: q.DateRange) -> dict:
    """Releases whose printed (local) date is in the range: the day the month facet and the timeline count them
    on, so a release dated 23:30 -05:00 on 31 January is in January for from/to as in the facets."""
    bounds = {}
    if node.start is not None:
        bounds["gte"] = node.start.isoformat()
    if node.end is not None:
        bounds["lt"] = node.end.isoformat()
    return {"range": {LOCAL_DATE: bounds}}


def _phrase(field: str, words, slop: int, weight: float = 1.0) -> dict:
    name = terms_field(field)
    boost = weight * field_boost(field)
    if len(words) == 1:
        return {"term": {name: {"value": words[0], "boost": boost}}}
    if slop <= 1:
        return {"match_phrase": {name: {"query": " ".join(words), "analyzer": TERMS_ANALYZER, "boost": boost}}}
    # Whoosh's slop N allows N-1 words between neighbours, in order: a span query says the same.
    clauses = [{"span_term": {name: w}} for w in words]
    return {"span_near": {"clauses": clauses, "slop": slop - 1, "in_order": True, "boost": boost}}


def clause_dsl(clause) -> dict | None:
    """Everything a planned clause matches: its alternatives (spellings, long form), the best one counting."""
    alternatives = []
    for alt in clause.alternatives:
        subs = []
        if alt.phrase:
            subs += [_phrase(field, alt.terms, alt.slop, alt.weight) for field in _searched(alt.fields)]
        else:
            subs += [_word(t, _searched(alt.fields), alt.weight) for t in alt.terms]
        if alt.symbol:
            boost = max(alt.weight, 1e-3) * field_boost("symbol")
            subs.append({"term": {"symbol": {"value": alt.symbol, "boost": boost}}})
        alternatives.append(_fields(subs))
    alternatives = [a for a in alternatives if a is not None]
    if not alternatives:
        return None
    return alternatives[0] if len(alternatives) == 1 else {"dis_max": {"queries": alternatives}}


def _word(term: str, fields_, boost: float = 1.0) -> dict | None:
    """One index term over several fields, with one document frequency for all of them (as on Whoosh,
    where a word's rarity is counted over the release, not per section)."""
    if not fields_:
        return None
    return {
        "multi_match": {
            "query": term,
            "type": "cross_fields",
            "fields": [f"{terms_field(f)}^{field_boost(f):.6g}" for f in fields_],
            "analyzer": TERMS_ANALYZER,
            "tie_breaker": FIELD_TIE,
            "boost": boost,
        }
    }


def with_coverage(query: dict, parts: list[tuple[dict, float]]) -> dict:
    """Scale scores by coverage squared, as whoosh/rank.py does: the importance-weighted share of the query's
    words a release matches (parts: each word's query and its importance)."""
    total = sum(importance for _, importance in parts)
    if len(parts) < 2 or total <= 0:
        return query
    functions = [
        {"filter": match_only(dsl), "weight": importance / total} for dsl, importance in parts if importance > 0
    ]
    functions.append({"weight": NO_WORD_SHARE})
    for _ in range(2):  # squared: the same share multiplies twice
        query = {
            "function_score": {"query": query, "functions": functions, "score_mode": "sum", "boost_mode": "multiply"}
        }
    return query


def match_only(dsl):
    """A query matching the same releases as dsl, without what only ranks (boosts, per-field weights, dis_max
    ties, function scores), for filter context: a word over every field group is then one term list per field.

    Filters (coverage, folding, named words, the orphan check) repeat each word's query; in its scored form a
    word with its spellings repeated every field with its boost once per spelling. Parts not known here are
    kept as they are."""
    if not isinstance(dsl, dict) or len(dsl) != 1:
        return dsl
    ((kind, body),) = dsl.items()
    if kind == "multi_match":
        plain = _plain_word(body)
        if plain is None:
            return dsl
        return _any_of([{"terms": {f.split("^", 1)[0]: [plain]}} for f in body["fields"]])
    if kind == "dis_max" and set(body) <= {"queries", "tie_breaker", "boost"}:
        return _any_of([match_only(sub) for sub in body["queries"]])
    if kind == "function_score" and "min_score" not in body:
        return match_only(body.get("query", {"match_all": {}}))
    if kind == "term" and len(body) == 1:
        ((field, value),) = body.items()
        if isinstance(value, str) or (isinstance(value, dict) and set(value) <= {"value", "boost"}):
            return {"terms": {field: [value if isinstance(value, str) else value["value"]]}}
    if kind == "bool":
        lists = ("must", "should", "filter", "must_not")
        return {"bool": {k: [match_only(s) for s in v] if k in lists else v for k, v in body.items() if k != "boost"}}
    return dsl


def _plain_word(body: dict) -> str | None:
    """A multi_match's one term when the terms analyzer keeps it whole (no whitespace, no '|'), else None."""
    query = body.get("query")
    known = {"query", "type", "fields", "analyzer", "tie_breaker", "boost"}
    if set(body) - known or body.get("analyzer") != TERMS_ANALYZER or not isinstance(query, str):
        return None
    if not query or "|" in query or any(ch.isspace() for ch in query):
        return None
    return query


def _plain_words(body: dict) -> bool:
    """Whether a multi_match is this module's filter form: whitespace-separated terms kept whole, no options."""
    if set(body) != {"query", "fields", "analyzer"} or body["analyzer"] != TERMS_ANALYZER:
        return False
    return all(_plain_word({"query": w, "analyzer": TERMS_ANALYZER}) for w in str(body["query"]).split())


def _term_list(sub) -> tuple[str, list] | None:
    """A one-field term list's (field, terms), else None."""
    terms = sub.get("terms") if isinstance(sub, dict) and len(sub) == 1 else None
    if isinstance(terms, dict) and len(terms) == 1:
        ((field, values),) = terms.items()
        if isinstance(values, list):
            return field, values
    return None


def _any_of(subs: list) -> dict:
    """Any of subs: nested any-ofs flattened, term lists merged per field, and fields holding the same terms
    named together in one multi_match (the terms analyzer splits its query on whitespace only, and none of
    these terms holds whitespace or '|', so it matches any of the terms in any of the fields)."""
    flat: list = []
    for sub in subs:
        inner = sub.get("bool") if isinstance(sub, dict) and len(sub) == 1 else None
        words = sub.get("multi_match") if isinstance(sub, dict) and len(sub) == 1 else None
        if (
            inner is not None
            and set(inner) == {"should", "minimum_should_match"}
            and inner["minimum_should_match"] == 1
        ):
            flat += inner["should"]
        elif words is not None and _plain_words(words):
            flat += [{"terms": {f: words["query"].split()}} for f in words["fields"]]
        else:
            flat.append(sub)
    by_field: dict[str, list] = {}
    others: list = []
    for sub in flat:
        found = _term_list(sub)
        if found is None:
            others.append(sub)
            continue
        field, values = found
        known = by_field.setdefault(field, [])
        known += [v for v in values if v not in known]
    together: dict[tuple, list[str]] = {}
    for field, values in by_field.items():
        together.setdefault(tuple(values), []).append(field)
    out: list = []
    for values, fields_ in together.items():
        plain = all(isinstance(v, str) and _plain_word({"query": v, "analyzer": TERMS_ANALYZER}) for v in values)
        if len(fields_) > 1 and plain:
            out.append({"multi_match": {"query": " ".join(values), "fields": fields_, "analyzer": TERMS_ANALYZER}})
        else:
            out += [{"terms": {f: list(values)}} for f in fields_]
    out += others
    if len(out) == 1:
        return out[0]
    return {"bool": {"should": out, "minimum_should_match": 1}}


def with_headline_bonus(query: dict, clauses, count: int) -> dict:
    """Scale scores as whoosh_rank does for headlines: 1 + TITLE_BONUS * (share of the query's count
    clauses found in the headline or subheadline), however common the word."""
    functions = []
    for clause in clauses:
        found = _title_filter(clause)
        if found is not None:
            functions.append({"filter": found, "weight": TITLE_BONUS / max(1, count)})
    if not functions:
        return query
    functions.append({"weight": 1.0})
    return {"function_score": {"query": query, "functions": functions, "score_mode": "sum", "boost_mode": "multiply"}}


def _title_filter(clause) -> dict | None:
    """Releases with any of a clause's alternatives in a headline field."""
    subs = []
    for alt in clause.alternatives:
        fields_ = [f for f in alt.fields if f in TITLE_FIELDS]
        if alt.weight <= 0 or not fields_ or not alt.terms:
            continue
        for field in fields_:
            if alt.phrase and len(alt.terms) > 1:
                subs.append(_phrase(field, list(alt.terms), alt.slop))
            else:
                subs.append({"terms": {terms_field(field): list(alt.terms)}})
    return _should(subs)


def _term(node: q.Term) -> dict | None:
    field, text = node.field, node.text
    if field == "ticker":
        if ":" in text:
            exchange, symbol = text.split(":", 1)
            return {"term": {"ticker": f"{normalise_exchange(exchange)}:{symbol.upper()}"}}
        return {"term": {"symbol": text.lower()}}
    if field == "exchange":
        return {"term": {"exchange": normalise_exchange(text)}}
    if field == "cik":
        return {"term": {"cik": text.lstrip("0") or text}}
    if field == "issuer":
        return {"term": {"issuer_id": text.lower()}}
    if field == "type":
        lower = text.lower()
        return _should([{"term": {"type": lower}}, {"wildcard": {"type": {"value": f"*{lower}*"}}}])
    if field == "language":
        return {"term": {"language": text.lower()}}
    words = analyze(text)
    if not words:
        return None
    fields_ = _text_fields(field)
    exact = exact_form(text) if node.exact else None
    if exact is not None:
        return _word(exact, fields_, node.boost)
    if len(words) > 1:
        # "T-DM1" or "U.S." analyse to several words: they must stand together.
        return _fields([_phrase(f, words, 1) for f in fields_], node.boost)
    return _word(words[0], fields_, node.boost)


# ---- Filters and facets -------------------------------------------------------------------------


def value_filter(facet: str, values: list[str]) -> dict:
    """Releases carrying any of these facet values, compared without case (as on Whoosh)."""
    spec = FACETS_BY_NAME[facet]
    subs = [{"term": {spec.field: {"value": v, "case_insensitive": True}}} for v in values]
    if facet == "ticker":
        # "IMGN" selects NASDAQ:IMGN on any exchange.
        subs += [{"term": {"symbol": v.lower()}} for v in values]
    return {"bool": {"should": subs, "minimum_should_match": 1}}


def request_filters(request) -> dict[str, dict]:
    """Filter name -> filter: one per selected facet, the ticker option (in 'ticker'), the date range."""
    filters: dict[str, dict] = {}
    for name, values in request.filters.items():
        if values:
            filters[name] = value_filter(name, values)
    if request.tickers:
        tickers = value_filter("ticker", request.tickers)
        filters["ticker"] = {"bool": {"filter": [filters["ticker"], tickers]}} if "ticker" in filters else tickers
    if request.date_range is not None:
        filters["date"] = _date_range(request.date_range)
    return filters


def all_of(filters: list[dict]) -> dict:
    """A filter every one of filters must pass (match_all for none)."""
    if not filters:
        return {"match_all": {}}
    return filters[0] if len(filters) == 1 else {"bool": {"filter": filters}}


def ci_regex(text: str) -> str:
    """A Lucene regular expression matching text exactly, ignoring case."""
    out = []
    for ch in text:
        lower, upper = ch.lower(), ch.upper()
        if lower != upper and len(lower) == 1 and len(upper) == 1:
            out.append(f"[{_esc(lower)}{_esc(upper)}]")
        else:
            out.append(_esc(ch))
    return "".join(out)


def _esc(ch: str) -> str:
    return "\\" + ch if not ch.isalnum() else ch


def terms_agg(field: str, limit: int, shard_size: int | None = None, include: str | None = None) -> dict:
    """The top `limit` values of a field, ordered like Whoosh's facets (count, then value).

    One value more than asked for is fetched, with error bounds, so exact_top can prove the counts.
    """
    body = {
        "field": field,
        "size": limit + 1,
        # Generous per-shard lists: the exact_top proof then rarely needs the composite fallback.
        "shard_size": shard_size or max(2000, limit * 20),
        "order": [{"_count": "desc"}, {"_key": "asc"}],
        "show_term_doc_count_error": True,
    }
    if include is not None:
        body["include"] = include
    return {"terms": body}


def exact_top(found: dict, limit: int) -> list[tuple[str, int]] | None:
    """The top (value, count) pairs of a terms_agg result when its error bounds prove them exact, else None.

    Each shard sends only its own top values, so a count can miss what a shard did not send. The top
    list is exact when each of its counts has no error and its last count beats anything outside it:
    a value outside has at most the next reported count plus the sum of what the shards left out.
    """
    buckets = found["buckets"]
    top, rest = buckets[:limit], buckets[limit:]
    if any(b.get("doc_count_error_upper_bound", 0) for b in top):
        return None
    left_out = found.get("doc_count_error_upper_bound", 0) or 0
    if left_out:
        ceiling = (rest[0]["doc_count"] if rest else 0) + left_out
        if len(top) < limit or top[-1]["doc_count"] <= ceiling:
            return None
    return [(b["key"], b["doc_count"]) for b in top]


def facet_aggs(request, filters: dict[str, dict]) -> dict:
    """Per facet: counts over the query and every filter but the facet's own (multi-select semantics)."""
    aggs = {}
    for name in request.facets:
        spec = FACETS_BY_NAME[name]
        scope = all_of([f for other, f in filters.items() if other != name])
        sub = {"values": terms_agg(spec.field, request.limit_of(name))}
        selected = request.filters.get(name) or []
        if selected:
            # Selected values are listed even when they are not among the top ones (count 0 included).
            pattern = "|".join(f"({ci_regex(v)})" for v in selected)
            sub["selected"] = {
                "terms": {"field": spec.field, "include": pattern, "size": 10 * len(selected), "min_doc_count": 0}
            }
        aggs[f"facet_{name}"] = {"filter": scope, "aggs": sub}
    return aggs


def timeline_agg(filters: dict[str, dict]) -> dict:
    """Matching releases per month of their printed date."""
    histogram = {"field": LOCAL_DATE, "calendar_interval": "month", "format": "yyyy-MM", "min_doc_count": 1}
    return {"filter": all_of(list(filters.values())), "aggs": {"months": {"date_histogram": histogram}}}
