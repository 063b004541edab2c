"""The OpenSearch index, derived from the one schema in indexer/schema.py: analyzers, mapping, documents.

Words are analyzed once, in Python, by the schema's own TEXT_ANALYZER, and OpenSearch indexes the
resulting terms (field `<name>_terms`, split on whitespace only). OpenSearch has no analyzer that
reproduces Whoosh's Porter stemmer (it differs from Lucene's on words like "operating" and "planning")
or its stop filter (which closes the positions a stop word leaves), so this is the only way the two
backends find exactly the same releases for the same words, phrases, prefixes and fuzzy terms.
The original text is kept in `_source` for display and for snippets, which are made in Python by the same
code as on Whoosh (so the cluster indexes no second copy of the text to highlight it).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from whoosh import fields

from ... import schema as schema_module
from ...schema import FACETS, TEXT_ANALYZER, build_schema

# What a user types is analyzed like the index's text, without the index's extra terms (compound parts).
QUERY_ANALYZER = getattr(schema_module, "QUERY_ANALYZER", TEXT_ANALYZER)

# A field only the OpenSearch index has: the local timestamp as printed (for the timeline's months, which
# the Whoosh index takes from its month field).
LOCAL_DATE = "local_date"
TERMS_SUFFIX = "_terms"
# Fields builds and searches look releases up by: identity, source file and its hash, duplicate group.
BOOKKEEPING_FIELDS = ("id", "path", "source_hash", "dupkey")
# What each release's issuer was resolved from and to (indexer.issuers.store.IssuerRecord as JSON), kept in
# _source only: a build learns from every release's evidence without reading the files again.
ISSUER_RECORD = "issuer_record"
TERMS_ANALYZER = "release_terms"  # terms analyzed in Python: split on whitespace, nothing else
# Each copy group's representative (its earliest copy), fixed by the build (representatives.py): a join field
# whose parents are the releases standing for themselves (REP) and whose children are the other copies
# (COPY, their parent's document id also in PARENT_FIELD, for counting a group's copies).
FOLD_FIELD = "fold"
REP, COPY = "rep", "copy"
PARENT_FIELD = "foldrep"
# Set (true) on the representatives that have copies: a search's join clauses (`has_parent`) then run their
# query over those few documents instead of every release (fold.py).
GROUPED_FIELD = "foldgroup"


def _hit_source() -> list[str]:
    from ...schema import HIT_FIELDS
    from ...snippets import SNIPPET_FIELDS

    return sorted(set(HIT_FIELDS) | {"dupkey"} | {name for group in SNIPPET_FIELDS for name in group})


# What a hit reads of its document: its fields and the text its snippet is looked for in (as on Whoosh).
HIT_SOURCE = _hit_source()


def terms_field(name: str) -> str:
    """The searchable field holding a text field's analyzed terms."""
    return name + TERMS_SUFFIX


def analyze(text: str) -> list[str]:
    """The terms the schema makes of what a user typed (its query analyzer, as on Whoosh)."""
    return [token.text for token in QUERY_ANALYZER(text or "")]


def indexed_terms(text: str) -> str:
    """A text field's terms as the index gets them: position by position, terms sharing a position (a
    compound name and its parts) joined by '|', which the terms analyzer splits back into one position.

    Words are analysed once each and remembered (analysis.WordPipeline, the Whoosh build's own
    shortcut), each as the text of its position(s) in the result, so most words cost one lookup; an
    analyzer it cannot model goes token by token."""
    pipeline = _pipeline()
    if pipeline is None:
        return _indexed_terms_slowly(text)
    words = _WORDS
    out: list[str] = []
    for word in pipeline.words(text or ""):
        found = words.get(word)
        if found is None:
            if len(words) >= WORD_CACHE:
                words.clear()
            found = words[word] = _fragment(pipeline, word)
        if found.__class__ is str:
            out.append(found)
        elif found:  # the parts of a word without a term of its own share the previous word's position
            out[-1:] = ["|".join(dict.fromkeys([*(out[-1].split("|") if out else ()), *found]))]
    return " ".join(out)


WORD_CACHE = 500_000  # distinct words remembered per process (a build worker's vocabulary)
_WORDS: dict[str, str | tuple[str, ...]] = {}


@cache
def _pipeline():
    from ...analysis import word_pipeline

    pipeline = word_pipeline(TEXT_ANALYZER)
    # Terms are joined by spaces and '|': a pipeline whose words could hold them is not taken.
    if pipeline is None or not pipeline.splits_at_spaces or pipeline.positions not in ("renumber", "parts-share"):
        return None
    return pipeline


def _fragment(pipeline, word: str) -> str | tuple[str, ...]:
    """What a word adds to indexed_terms: the text of its position (its term and its parts' terms, joined by
    '|'), or, for a word without a term of its own, its parts' terms (empty: nothing at all)."""
    found = pipeline.analyse(word)
    if found is None:
        return ()
    if isinstance(found, tuple):
        main, parts = found
        terms = tuple(p.decode() for p in parts)
        if main is None:
            return terms
        return "|".join(dict.fromkeys([main.decode(), *terms]))
    return found.decode()


def _indexed_terms_slowly(text: str) -> str:
    slots: list[list[str]] = []
    last = None
    for token in TEXT_ANALYZER(text or "", positions=True):
        if token.pos != last or not slots:
            slots.append([])
            last = token.pos
        slots[-1].append(token.text)  # Whoosh reuses its token object: take the text now
    return " ".join("|".join(dict.fromkeys(slot)) for slot in slots)


def similarity(name: str) -> str:
    """The name of a text field's BM25 settings."""
    return f"release_bm25_{name}"


def _field_k1(name: str) -> float:
    """A text field's BM25 k1 on OpenSearch: Whoosh's k1 divided by the field's weight (see field_boost)."""
    from ...relevance import K1, SYMBOL_WEIGHT
    from ...schema import FIELD_WEIGHTS

    weight = SYMBOL_WEIGHT if name == "symbol" else FIELD_WEIGHTS.get(name, 1.0)
    return K1 / weight if weight > 0 else 1e6


def field_boost(name: str) -> float:
    """The query boost that, with the field's k1, makes OpenSearch's BM25 score a field like whoosh/rank.py.

    whoosh/rank.py weighs a section by multiplying a word's frequency before saturation:
    (k1 + 1) * w*tf / (w*tf + k1*norm). That is BM25 with k1' = k1 / w, up to a factor: OpenSearch's BM25
    (Lucene's legacy form) scores tf * (k1' + 1) / (tf + k1'*norm), so each field is boosted by
    (k1 + 1) / (k1' + 1). Without it a light section (the safe-harbor text, weight 0.05, k1' = 24) would
    get a built-in multiplier of 25 against 1.3 for the headline.
    """
    from ...relevance import K1

    return (K1 + 1) / (_field_k1(name) + 1)


def _similarities() -> dict:
    """BM25 per searched field, shaped like Whoosh's ranking (whoosh/rank.py): k1 divided by the field's weight
    (see field_boost), b per section."""
    from ...relevance import DEFAULT_B, FIELD_B

    out = {}
    for name, kind in field_kinds().items():
        if kind == "text":
            out[similarity(name)] = {"type": "BM25", "k1": _field_k1(name), "b": FIELD_B.get(name, DEFAULT_B)}
    out[similarity("symbol")] = {"type": "BM25", "k1": _field_k1("symbol"), "b": 0.0}
    return out


def index_settings(shards: int, replicas: int, max_result_window: int) -> dict:
    """Settings for a new physical index: shards, replicas, result window, analyzers and BM25 per field."""
    return {
        "number_of_shards": shards,
        "number_of_replicas": replicas,
        "max_result_window": max_result_window,
        "similarity": _similarities(),
        "analysis": {
            # Whoosh terms never hold whitespace; long ones (URLs, codes) must stay whole.
            "tokenizer": {"release_whitespace": {"type": "whitespace", "max_token_length": 4096}},
            "filter": {
                # "siriusxm|sirius|xm" -> three terms at one position (see indexed_terms).
                "release_same_position": {
                    "type": "pattern_capture",
                    "preserve_original": False,
                    "patterns": ["([^|]+)"],
                },
            },
            "analyzer": {
                TERMS_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "release_whitespace",
                    "filter": ["release_same_position"],
                },
            },
        },
    }


@cache
def schema() -> fields.Schema:
    """The Whoosh schema, built once (its field analyzers turn ID and KEYWORD values into terms)."""
    return build_schema()


# Whoosh field classes and the kind each maps to; DATETIME before NUMERIC, its base class.
_KINDS = (
    (fields.TEXT, "text"),
    (fields.KEYWORD, "keywords"),
    (fields.ID, "keyword"),
    (fields.DATETIME, "date"),
    (fields.BOOLEAN, "boolean"),
    (fields.NUMERIC, "number"),
    (fields.STORED, "stored"),
)


@cache
def field_kinds() -> dict[str, str]:
    """Schema field -> 'text', 'keyword', 'keywords' (comma-separated list), 'date', 'boolean', 'number', 'stored'."""
    kinds = {}
    for name, field in schema().items():
        kind = next((kind for cls, kind in _KINDS if isinstance(field, cls)), None)
        if kind is None:
            raise ValueError(f"the schema field {name!r} ({type(field).__name__}) has no OpenSearch mapping yet")
        kinds[name] = kind
    return kinds


@cache
def stored_fields() -> tuple[str, ...]:
    """Fields the Whoosh index stores: what `get` returns on either backend."""
    return tuple(name for name, field in schema().items() if field.stored)


def mapping() -> dict:
    """The index mapping: one property per schema field (two for text), plus the OpenSearch-only ones."""
    props: dict[str, dict] = {}
    stored = set(stored_fields())
    for name, kind in field_kinds().items():
        if kind == "text":
            props[terms_field(name)] = {"type": "text", "analyzer": TERMS_ANALYZER, "similarity": similarity(name)}
            if name in stored:
                props[name] = {"type": "text", "index": False}
        elif kind in ("keyword", "keywords"):
            props[name] = {"type": "keyword"}
            if name == "symbol":  # a ticker typed as a word ranks its issuer's releases
                props[name]["similarity"] = similarity(name)
        elif kind == "date":
            props[name] = {"type": "date", "format": "strict_date_optional_time"}
        elif kind == "number":
            props[name] = {"type": "double"}
        elif kind == "boolean":
            props[name] = {"type": "boolean"}
        else:  # kept in _source for display, never searched
            props[name] = {"type": "object", "enabled": False}
    for name in BOOKKEEPING_FIELDS:  # however the Whoosh schema keeps them, OpenSearch must look them up
        props[name] = {"type": "keyword"}
    missing = {spec.field for spec in FACETS} - set(props)
    if missing:
        raise ValueError(f"facet fields missing from the schema: {sorted(missing)}")
    props[LOCAL_DATE] = {"type": "date", "format": "strict_date_optional_time"}
    props[ISSUER_RECORD] = {"type": "keyword", "index": False, "doc_values": False}
    props[FOLD_FIELD] = {"type": "join", "relations": {REP: COPY}}
    props[PARENT_FIELD] = {"type": "keyword"}
    props[GROUPED_FIELD] = {"type": "boolean"}
    # The analyzed terms are for searching only: keeping them out of _source halves what it stores.
    return {
        "dynamic": "strict",
        "_routing": {"required": True},  # by duplicate key: a release's copies share a shard
        "_source": {"excludes": ["*" + TERMS_SUFFIX]},
        "properties": props,
    }


def to_source(doc: dict) -> dict:
    """A Whoosh document (schema.release_to_document) as an OpenSearch document.

    Text fields get their analyzed terms; ID and KEYWORD values become the exact terms Whoosh indexes
    (its own field analyzers split and lowercase them), so facet values and filters agree on both backends.
    """
    kinds = field_kinds()
    stored = set(stored_fields())
    source: dict = {}
    for name, value in doc.items():
        kind = kinds.get(name)
        if kind is None or value is None:
            continue
        if kind == "text":
            source[terms_field(name)] = indexed_terms(value)
            if name in stored:
                source[name] = value
        elif kind == "keywords":
            source[name] = list(dict.fromkeys(schema()[name].process_text(value, mode="index")))
        elif kind == "keyword":
            terms = list(schema()[name].process_text(value, mode="index"))
            if terms:
                source[name] = terms[0]
        elif kind == "date":
            source[name] = value.isoformat() if isinstance(value, datetime) else value
        else:
            source[name] = value
    local = doc.get("date_text")
    if local:
        # The timestamp as printed, without its offset: months as the release (and the month facet) has them.
        source[LOCAL_DATE] = datetime.fromisoformat(local).replace(tzinfo=None).isoformat()
    if not source.get("dupkey"):
        source["dupkey"] = f"id:{source['id']}"  # collapsing needs a key: a group of its own
    source[FOLD_FIELD] = REP  # until the build finds it a copy of an earlier release (representatives.py)
    for name in ("path", "source"):
        if name in source:
            source[name] = storable_path(source[name])
    return source


def storable_path(path: str) -> str:
    """A file path as OpenSearch can store it: a name that is not valid UTF-8 (its bytes kept by Python as
    surrogates) gets those bytes written as \\xNN, which the build compares paths by too."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def to_stored(source: dict) -> dict:
    """An OpenSearch _source in the shape of Whoosh's stored fields (what `get` and hits read)."""
    kinds = field_kinds()
    stored = {}
    for name in stored_fields():
        if name not in source:
            continue
        value = source[name]
        kind = kinds[name]
        if kind == "keywords" and isinstance(value, list):
            value = ",".join(value)
        elif kind == "date" and isinstance(value, str):
            value = datetime.fromisoformat(value)
        stored[name] = value
    if str(stored.get("dupkey", "")).startswith("id:"):
        del stored["dupkey"]
    return stored
